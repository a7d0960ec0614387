"""Stored secrets: Argon2id for passwords and PINs, a keyed HMAC-SHA256 for random codes.

A memory-hard KDF is what makes guessing a low-entropy, user-chosen secret from a stolen hash
expensive; it costs over a tenth of a second per call. Activation codes and one-time codes are
random, expire and are attempt-limited: what protects their stored form is a server key that
the database does not hold, and a MAC under that key costs microseconds.
"""

import hashlib
import hmac

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

CODE_SCHEME = "hmac-sha256"
# RFC 2104 advises a key at least as long as the hash's output: 32 bytes for SHA-256.
MIN_CODE_KEY_BYTES = 32
ARGON2_PREFIX = "$argon2"


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


class CodeHasher:
    """Hash and verify random, short-lived codes with HMAC-SHA256 under a server key."""

    def __init__(self, key: bytes, legacy: SecretHasher | None = None) -> None:
        if len(key) < MIN_CODE_KEY_BYTES:
            raise ValueError(f"a code key needs at least {MIN_CODE_KEY_BYTES} bytes")
        self._key = key
        # Codes stored before this hasher existed are Argon2id strings; see verify().
        self._legacy = legacy

    def hash(self, code: str) -> str:
        """Return ``hmac-sha256$<hex>``, so that a stored value says how it was made."""
        # No per-code salt: the key already makes precomputed tables useless, and codes are
        # random, so two equal stored values only say that two random codes happened to match.
        return f"{CODE_SCHEME}${self._mac(code)}"

    def verify(self, encoded: str, code: str) -> bool:
        """Whether the code matches the stored value, comparing in constant time."""
        scheme, dollar, stored = encoded.partition("$")
        if scheme == CODE_SCHEME and dollar:
            return hmac.compare_digest(stored.encode(), self._mac(code).encode())
        # Activation letters live 90 days, so a world provisioned before codes were keyed still
        # holds Argon2id hashes of codes handed out in accounts files: they keep working.
        if encoded.startswith(ARGON2_PREFIX) and self._legacy is not None:
            return self._legacy.verify(encoded, code)
        return False

    def _mac(self, code: str) -> str:
        """The hex HMAC-SHA256 of a code under the server key."""
        return hmac.new(self._key, code.encode(), hashlib.sha256).hexdigest()
