"""The whole reference world: each system on its own loopback port, started and stopped together."""

import secrets
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType

from bottle import Bottle

from reference_server.clock import Clock
from reference_server.config import WorldConfig
from reference_server.domain.hashing import SecretHasher
from reference_server.luxtrust.app import build as build_luxtrust
from reference_server.luxtrust.config import LuxTrustConfig, OidcClient
from reference_server.luxtrust_client import LuxTrustLink
from reference_server.messaging.app import create_app as create_messaging_app
from reference_server.messaging.relay import SmtpRelay
from reference_server.messaging.store import Outbox
from reference_server.myguichet.app import build as build_myguichet
from reference_server.myguichet.esante_client import EsanteLink
from reference_server.portal.app import create_app as create_portal_app
from reference_server.portal.messaging_client import MessagingClient
from reference_server.portal.services import MyGuichetLink, PortalServices
from reference_server.serving import BackgroundServer


@dataclass(frozen=True)
class WorldUrls:
    """Where each system of a running world listens."""

    portal: str
    messaging: str
    luxtrust: str
    myguichet: str

    @property
    def test_support(self) -> str:
        """The test-support interface, on the portal's origin."""
        return self.portal + "_test/"


def _registration(issuer: str, client_id: str, site: str) -> LuxTrustLink:
    """A site's registration at LuxTrust, with a fresh secret and its return address."""
    return LuxTrustLink(issuer=issuer, client_id=client_id, client_secret=secrets.token_urlsafe(32),
                        redirect_uri=site + "luxtrust/retour")


class World:
    """Start the gateway, LuxTrust, MyGuichet.lu and the portal, each knowing the others; stop them all."""

    def __init__(self, config: WorldConfig, persona_seed: int | None = None) -> None:
        # Without a data directory the world is ephemeral: a temporary one, removed at stop.
        self._owns_data_dir = config.data_dir is None
        if config.data_dir is None:
            config = replace(config, data_dir=Path(tempfile.mkdtemp(prefix="esante-world-")))
        self.config = config
        self.data_dir: Path = config.data_dir  # type: ignore[assignment]
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.clock = Clock()
        self._persona_seed = persona_seed
        self._servers: list[BackgroundServer] = []
        self.urls: WorldUrls | None = None
        # MyGuichet.lu's credentials at the portal, for tests of the partner API.
        self.myguichet_partner: MyGuichetLink | None = None
        # Each system's app by name, so that tests can walk every route the world serves.
        self.apps: dict[str, Bottle] = {}

    def start(self) -> WorldUrls:
        """Bind every port, build each system knowing the others' URLs, then serve them all."""
        messaging = self._bind("messaging", self.config.messaging_port)
        luxtrust = self._bind("luxtrust", self.config.luxtrust_port)
        myguichet = self._bind("myguichet", self.config.myguichet_port)
        portal = self._bind("portal", self.config.portal_port)
        # Shared secrets stand for the credentials two real systems would exchange.
        token = secrets.token_urlsafe(32)
        portal_at_luxtrust = _registration(luxtrust.url, "esante-portal", portal.url)
        myguichet_at_luxtrust = _registration(luxtrust.url, "myguichet-lu", myguichet.url)
        partner = MyGuichetLink(myguichet.url, "myguichet-lu", secrets.token_urlsafe(32))
        self.myguichet_partner = partner
        outbox = Outbox(self.data_dir / "messaging.sqlite3", self.clock)
        relay = SmtpRelay(*self.config.smtp_relay, self.clock) if self.config.smtp_relay else None
        self._serve(messaging, create_messaging_app(outbox, token, relay))
        self._serve(luxtrust, self._luxtrust_app({
            "Portail eSanté": portal_at_luxtrust, "MyGuichet.lu": myguichet_at_luxtrust,
        }))
        self._serve(myguichet, build_myguichet(
            self.data_dir, self.clock, myguichet_at_luxtrust,
            EsanteLink(portal.url, partner.client_id, partner.client_secret),
            test_mode=self.config.test_support,
        ))
        services = PortalServices.build(
            self.config, self.clock, MessagingClient(messaging.url, token), portal_at_luxtrust,
            partner,
        )
        self._serve(portal, create_portal_app(services, self._persona_seed))
        self.urls = WorldUrls(portal=portal.url, messaging=messaging.url, luxtrust=luxtrust.url,
                              myguichet=myguichet.url)
        return self.urls

    def _luxtrust_app(self, sites: dict[str, LuxTrustLink]) -> Bottle:
        """LuxTrust, with each site registered as its OpenID Connect client."""
        clients = tuple(
            OidcClient(client_id=link.client_id, client_secret=link.client_secret,
                       redirect_uris=(link.redirect_uri,), name=name)
            for name, link in sites.items()
        )
        issuer = next(iter(sites.values())).issuer
        config = LuxTrustConfig(
            issuer=issuer, clients=clients, test_support=self.config.test_support
        )
        hashing = self.config.hashing
        hasher = SecretHasher(hashing.time_cost, hashing.memory_cost_kib, hashing.parallelism)
        return build_luxtrust(self.data_dir, config, self.clock, hasher)

    def _serve(self, server: BackgroundServer, app: Bottle) -> None:
        """Serve one system's app, keeping it under the server's name."""
        self.apps[server.name] = app
        server.serve(app)

    def _bind(self, name: str, port: int) -> BackgroundServer:
        """Reserve one system's port, remembering its server for stopping."""
        server = BackgroundServer(name, port)
        self._servers.append(server)
        server.bind()
        return server

    def stop(self) -> None:
        """Stop the servers in reverse order and drop a temporary data directory."""
        while self._servers:
            self._servers.pop().stop()
        if self._owns_data_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self) -> WorldUrls:
        """Start the world for a with-block."""
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Stop the world at the end of the with-block."""
        self.stop()
