"""What LuxTrust's routes share, built once and handed to each group of routes."""

from dataclasses import dataclass

from reference_server.clock import Clock
from reference_server.domain.hashing import SecretHasher
from reference_server.luxtrust.authentication import Authenticator
from reference_server.luxtrust.config import LuxTrustConfig
from reference_server.luxtrust.store import LuxTrustStore


@dataclass(frozen=True)
class LuxTrustServices:
    """Configuration, clock, storage and the credential checks."""

    config: LuxTrustConfig
    store: LuxTrustStore
    clock: Clock
    hasher: SecretHasher
    authenticator: Authenticator

    @classmethod
    def build(
        cls, config: LuxTrustConfig, store: LuxTrustStore, clock: Clock, hasher: SecretHasher
    ) -> "LuxTrustServices":
        """Wire the services around an open store."""
        authenticator = Authenticator(store, clock, hasher, config.max_failures)
        return cls(config, store, clock, hasher, authenticator)
