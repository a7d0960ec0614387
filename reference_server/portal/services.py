"""The portal's services, built once per world and handed to each area's app factory."""

from dataclasses import dataclass
from pathlib import Path

from reference_server.clock import Clock
from reference_server.config import WorldConfig
from reference_server.domain.hashing import SecretHasher
from reference_server.luxtrust_client import LuxTrustClient, UsedIdTokens
from reference_server.portal.accounts import Accounts
from reference_server.portal.activation_letters import ActivationLetters
from reference_server.portal.dsp_records import DspRecords
from reference_server.portal.messaging_client import MessagingClient
from reference_server.portal.one_time_codes import OneTimeCodes
from reference_server.portal.publications import Publications
from reference_server.portal.register import Register
from reference_server.portal.sign_in_guard import SignInGuard
from reference_server.sessions import SessionStore
from reference_server.storage import Database

SCHEMA_FILE = "schema.sql"
COOKIE_NAME = "esante_session"


@dataclass(frozen=True)
class LuxTrustLink:
    """How the portal is registered with LuxTrust as an OpenID Connect client."""

    issuer: str
    client_id: str
    client_secret: str
    redirect_uri: str


@dataclass(frozen=True)
class PortalServices:
    """Everything the portal's areas share: configuration, clock, state and the gateway."""

    config: WorldConfig
    clock: Clock
    hasher: SecretHasher
    register: Register
    letters: ActivationLetters
    codes: OneTimeCodes
    sessions: SessionStore
    messaging: MessagingClient
    accounts: Accounts
    luxtrust: LuxTrustClient
    guard: SignInGuard
    publications: Publications
    dsp: DspRecords
    # LuxTrust's own test-support interface, which the portal's /_test/ relays to.
    luxtrust_test_support: str | None

    @classmethod
    def build(
        cls, config: WorldConfig, clock: Clock, messaging: MessagingClient, luxtrust: LuxTrustLink
    ) -> "PortalServices":
        """Open the portal's database and wire its services."""
        schema = (Path(__file__).parent / SCHEMA_FILE).read_text(encoding="utf-8")
        if config.data_dir is None:
            raise ValueError("the portal needs a data directory")
        db = Database(config.data_dir / "portal.sqlite3", schema)
        hashing = config.hashing
        hasher = SecretHasher(hashing.time_cost, hashing.memory_cost_kib, hashing.parallelism)
        accounts = Accounts(db, clock)
        # Publications share the portal's database; only their module reads that table.
        publications = Publications(db, clock)
        return cls(
            publications=publications,
            config=config,
            clock=clock,
            hasher=hasher,
            register=Register(db, clock, hasher),
            letters=ActivationLetters(db, clock, hasher, config.max_attempts),
            codes=OneTimeCodes(db, clock, hasher, config.one_time_code_ttl, config.max_attempts),
            sessions=SessionStore(
                db, clock, config.session_idle_timeout.total_seconds(), COOKIE_NAME
            ),
            messaging=messaging,
            accounts=accounts,
            luxtrust=LuxTrustClient(
                issuer=luxtrust.issuer,
                client_id=luxtrust.client_id,
                client_secret=luxtrust.client_secret,
                redirect_uri=luxtrust.redirect_uri,
                clock=clock,
                accept_once=UsedIdTokens(db, clock).accept_once,
            ),
            guard=SignInGuard(db, clock, config),
            dsp=DspRecords(db, clock, config.dsp_max_document_bytes),
            luxtrust_test_support=luxtrust.issuer + "_test/" if config.test_support else None,
        )
