"""Settings of the LuxTrust identity provider and of the OpenID Connect clients it knows."""

from dataclasses import dataclass


@dataclass(frozen=True)
class OidcClient:
    """A relying party registered with LuxTrust; its redirect URIs are matched exactly."""

    client_id: str
    client_secret: str
    redirect_uris: tuple[str, ...]
    # The site's name as the login pages show it; the client id when empty.
    name: str = ""

    @property
    def display_name(self) -> str:
        """The name people read in « Connexion demandée par : … »."""
        return self.name or self.client_id


@dataclass(frozen=True)
class LuxTrustConfig:
    """What the identity provider needs: its issuer URL, its clients, its limits and lifetimes."""

    # The base URL, used verbatim as the `iss` claim and as the prefix of every endpoint.
    issuer: str
    clients: tuple[OidcClient, ...]
    test_support: bool
    max_failures: int = 5
    code_ttl_seconds: int = 60
    id_token_ttl_seconds: int = 300

    def __post_init__(self) -> None:
        """Refuse an issuer that endpoint URLs could not simply be appended to."""
        if not self.issuer.endswith("/"):
            raise ValueError("the issuer must end with a slash, e.g. http://127.0.0.1:8080/")
        if self.max_failures < 1:
            raise ValueError("max_failures must be at least 1")

    def client(self, client_id: str) -> OidcClient | None:
        """The registered client with this id, if any."""
        return next((c for c in self.clients if c.client_id == client_id), None)
