"""Stored secrets are Argon2id hashes: passwords, activation codes and one-time codes alike."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError


class SecretHasher:
    """Hash and verify secrets with Argon2id; parameters come from configuration."""

    def __init__(self, time_cost: int = 3, memory_cost_kib: int = 65536, parallelism: int = 4) -> None:
        self._hasher = PasswordHasher(
            time_cost=time_cost, memory_cost=memory_cost_kib, parallelism=parallelism
        )

    def hash(self, secret: str) -> str:
        """Return an encoded Argon2id hash with its own random salt."""
        return self._hasher.hash(secret)

    def verify(self, encoded: str, secret: str) -> bool:
        """Whether the secret matches the hash, in time independent of where it differs."""
        try:
            return self._hasher.verify(encoded, secret)
        except (VerificationError, InvalidHashError):
            return False
