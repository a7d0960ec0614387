"""The portal's services, built once per world and handed to each area's app factory."""

from dataclasses import dataclass
from pathlib import Path

from reference_server.clock import Clock
from reference_server.config import WorldConfig
from reference_server.domain.hashing import CodeHasher, SecretHasher
from reference_server.key_files import load_or_create_key
from reference_server.luxtrust_client import LuxTrustClient, LuxTrustLink, UsedIdTokens
from reference_server.portal import code_sends
from reference_server.portal.accounts import Accounts
from reference_server.portal.activation_letters import ActivationLetters
from reference_server.portal.dsp_records import DspRecords, dsp_search_limit
from reference_server.portal.messaging_client import MessagingClient
from reference_server.portal.myguichet_partner import MyGuichetPartner
from reference_server.portal.one_time_codes import OneTimeCodes
from reference_server.portal.publications import Publications
from reference_server.portal.rate_limits import RateLimit
from reference_server.portal.register import Register
from reference_server.portal.sign_in_guard import SignInGuard
from reference_server.sessions import SessionStore
from reference_server.storage import Database

SCHEMA_FILE = "schema.sql"
COOKIE_NAME = "esante_session"
# The key of the activation and one-time codes' MACs: a file beside the database, never inside it,
# so that a copy of the database alone tells nothing about the codes.
CODE_KEY_FILE = "portal-codes.key"


@dataclass(frozen=True)
class MyGuichetLink:
    """How MyGuichet.lu is registered with the portal as a partner: its address and credentials."""

    url: str
    client_id: str
    client_secret: str
    # Where on MyGuichet.lu the portal sends a browser back, bound, to fetch its DSP ticket:
    # registered with the partner, as a redirect URI is with an OpenID Connect client.
    ticket_return: str = "mes-donnees/dossier-de-soins-partage-dsp/acces"

    @property
    def test_support(self) -> str:
        """MyGuichet.lu's own test-support interface, which the portal's /_test/ relays to."""
        return self.url + "_test/"


@dataclass(frozen=True)
class PortalServices:
    """Everything the portal's areas share: configuration, clock, state and the gateway."""

    config: WorldConfig
    clock: Clock
    # Argon2id, for passwords only: activation and one-time codes use the keyed MAC of build().
    hasher: SecretHasher
    register: Register
    letters: ActivationLetters
    codes: OneTimeCodes
    sessions: SessionStore
    messaging: MessagingClient
    accounts: Accounts
    luxtrust: LuxTrustClient
    guard: SignInGuard
    # How many sign-in and account-settings codes an account may have sent in a while.
    code_sends: RateLimit
    # How many codes the activation wizards may send for one letter, whatever the session.
    wizard_code_sends: RateLimit
    # How many « Numéro assuré » look-ups an account may make in a while: each shows a name.
    dsp_searches: RateLimit
    publications: Publications
    dsp: DspRecords
    myguichet_partner: MyGuichetPartner
    # LuxTrust's own test-support interface, which the portal's /_test/ relays to.
    luxtrust_test_support: str | None
    # MyGuichet.lu, when the world has one.
    myguichet: MyGuichetLink | None = None

    @classmethod
    def build(
        cls,
        config: WorldConfig,
        clock: Clock,
        messaging: MessagingClient,
        luxtrust: LuxTrustLink,
        myguichet: MyGuichetLink | None = None,
    ) -> "PortalServices":
        """Open the portal's database and wire its services."""
        schema = (Path(__file__).parent / SCHEMA_FILE).read_text(encoding="utf-8")
        if config.data_dir is None:
            raise ValueError("the portal needs a data directory")
        db = Database(config.data_dir / "portal.sqlite3", schema)
        hashing = config.hashing
        hasher = SecretHasher(hashing.time_cost, hashing.memory_cost_kib, hashing.parallelism)
        code_hasher = CodeHasher(load_or_create_key(config.data_dir / CODE_KEY_FILE), legacy=hasher)
        accounts = Accounts(db, clock)
        # Publications share the portal's database; only their module reads that table.
        publications = Publications(db, clock)
        return cls(
            publications=publications,
            config=config,
            clock=clock,
            hasher=hasher,
            register=Register(db, clock, code_hasher),
            letters=ActivationLetters(db, clock, code_hasher, config.max_attempts),
            codes=OneTimeCodes(db, clock, code_hasher, config.one_time_code_ttl, config.max_attempts),
            sessions=SessionStore(
                db, clock, config.session_idle_timeout.total_seconds(), COOKIE_NAME
            ),
            messaging=messaging,
            accounts=accounts,
            luxtrust=LuxTrustClient.for_link(luxtrust, clock, UsedIdTokens(db, clock).accept_once),
            guard=SignInGuard(db, clock, config),
            code_sends=code_sends.per_account(db, clock, config),
            wizard_code_sends=code_sends.per_letter(db, clock, config),
            dsp_searches=dsp_search_limit(db, clock, config),
            dsp=DspRecords(db, clock, config.dsp_max_document_bytes),
            myguichet_partner=MyGuichetPartner(db, clock, config.myguichet_ticket_ttl),
            luxtrust_test_support=luxtrust.issuer + "_test/" if config.test_support else None,
            myguichet=myguichet,
        )
