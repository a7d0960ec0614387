"""LuxTrust's web app: OpenID Connect, the login pages, the simulated phone and, in test mode, /_test/."""

from pathlib import Path

from bottle import Bottle, static_file

from reference_server.clock import Clock
from reference_server.domain.hashing import SecretHasher
from reference_server.http_guard import guard
from reference_server.luxtrust import login, mobile_app, oidc, test_support
from reference_server.luxtrust.config import LuxTrustConfig, OidcClient
from reference_server.luxtrust.services import LuxTrustServices
from reference_server.luxtrust.store import LuxTrustStore
from reference_server.luxtrust.web import PLUGIN_NAME, STATIC, SessionPlugin, with_error_pages

__all__ = ["LuxTrustConfig", "OidcClient", "build", "create_app"]

DATABASE_FILE = "luxtrust.sqlite3"


def create_app(config: LuxTrustConfig, store: LuxTrustStore, clock: Clock, hasher: SecretHasher) -> Bottle:
    """Assemble LuxTrust's single app on its own origin."""
    services = LuxTrustServices.build(config, store, clock, hasher)
    app = Bottle()
    app.install(SessionPlugin(store, clock, secure_cookie=config.issuer.startswith("https://")))
    oidc.register(app, services)
    login.register(app, services)
    mobile_app.register(app, services)
    if config.test_support:
        test_support.register(app, services)
    app.route("/static/<filename:path>", "GET", lambda filename: static_file(filename, root=STATIC),
              skip=[PLUGIN_NAME])
    return guard(with_error_pages(app))


def build(data_dir: Path, config: LuxTrustConfig, clock: Clock, hasher: SecretHasher) -> Bottle:
    """Open LuxTrust's database in a data directory and return its app."""
    data_dir.mkdir(parents=True, exist_ok=True)
    store = LuxTrustStore(data_dir / DATABASE_FILE, clock)
    return create_app(config, store, clock, hasher)
