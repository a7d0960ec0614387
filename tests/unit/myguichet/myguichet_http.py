"""MyGuichet.lu and its partner API, driven over HTTP: the back-channel's calls and a citizen's sign-in."""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urljoin

from luxtrust_flow import Token, location, log_in_at_luxtrust, token_of
from server_http import Visitor, new_persona
from web_client import Reply, raw_request

from reference_server.config import TEST_HASHING, WorldConfig
from reference_server.portal.services import MyGuichetLink
from reference_server.world import World

API = "api/myguichet/"
DSP_PAGE = "/mes-donnees/dossier-de-soins-partage-dsp"
SESSION_COOKIE = "myguichet_session"
# The portal's « Moyens d'authentification », where an account's mobile and e-mail are shown.
MEANS = "/mon-compte/moyens-d-authentification"
# The portal's door where « Accéder à mon DSP » binds a browser to the ticket to come.
DEPARTURE = "myguichet/depart"
# A binding for the calls whose ticket no browser will open (refusals, credentials).
ANY_BINDING = "liaison-sans-navigateur"


@dataclass(frozen=True)
class PartnerWorld:
    """A running world, with the credentials the portal registered for MyGuichet.lu."""

    world: World
    link: MyGuichetLink

    @property
    def portal(self) -> str:
        """The portal's base URL."""
        assert self.world.urls is not None
        return self.world.urls.portal

    @property
    def myguichet(self) -> str:
        """MyGuichet.lu's base URL."""
        assert self.world.urls is not None
        return self.world.urls.myguichet

    def api(self, client_id: str | None = None, client_secret: str | None = None) -> PartnerApi:
        """The partner API called with MyGuichet.lu's credentials, or with the ones given."""
        return PartnerApi(self.portal, client_id or self.link.client_id,
                          client_secret or self.link.client_secret)

    def anonymous_api(self) -> PartnerApi:
        """The partner API called without any Authorization header."""
        return PartnerApi(self.portal, None, None)


def start_world(*, test_support: bool) -> PartnerWorld:
    """Start a world with cheap hashing, with the partner credentials it hands MyGuichet.lu."""
    world = World(WorldConfig(test_support=test_support, hashing=TEST_HASHING))
    world.start()
    assert world.myguichet_partner is not None
    return PartnerWorld(world, world.myguichet_partner)


@dataclass(frozen=True)
class PartnerApi:
    """The portal's /api/myguichet/ as a caller with some credentials sees it."""

    portal: str
    client_id: str | None
    client_secret: str | None

    def call(self, method: str, path: str, payload: object | None = None,
             extra_headers: Mapping[str, str] | None = None) -> Reply:
        """One JSON request, with HTTP Basic credentials when this caller has any."""
        headers = {"Content-Type": "application/json", "Accept": "application/json",
                   **(extra_headers or {})}
        if self.client_id is not None:
            pair = f"{self.client_id}:{self.client_secret}".encode()
            headers["Authorization"] = "Basic " + base64.b64encode(pair).decode()
        data = json.dumps(payload).encode() if payload is not None else None
        return raw_request(self.portal + API + path, method=method, data=data, headers=headers)

    def grant(self, national_id: str) -> Reply:
        """Tell the portal the person consents."""
        return self.call("PUT", f"consentements/{national_id}")

    def state(self, national_id: str) -> Reply:
        """Ask whether the consenting person has an account."""
        return self.call("GET", f"consentements/{national_id}")

    def revoke(self, national_id: str) -> Reply:
        """Tell the portal the consent is withdrawn."""
        return self.call("DELETE", f"consentements/{national_id}")

    def activate(self, body: Mapping[str, object]) -> Reply:
        """Ask the portal to activate an account."""
        return self.call("POST", "activations", dict(body))

    def ticket(self, national_id: str, binding: str = ANY_BINDING) -> Reply:
        """Ask for a ticket that opens the person's DSP in the browser the binding stands for."""
        return self.call("POST", "tickets", {"national_id": national_id, "binding": binding})

    def ticket_url(self, national_id: str, binding: str) -> str:
        """A fresh ticket's URL on the portal, for a person who consents and has an account."""
        reply = self.ticket(national_id, binding)
        assert reply.status == 201, reply.body
        answer = reply.json()
        assert isinstance(answer, dict)
        assert str(answer["path"]).startswith("/myguichet/dsp?ticket="), answer
        return urljoin(self.portal, str(answer["path"]))


def activation(persona: Mapping[str, object], **changes: object) -> dict[str, object]:
    """An activation request for a persona with its own contacts, the CGU accepted, no product."""
    body: dict[str, object] = {
        "national_id": persona["matricule"], "cgu_accepted": True,
        "email": persona["email"], "mobile": persona["mobile"], "luxtrust": None,
    }
    return {**body, **changes}


def consenting_patient(world: PartnerWorld) -> dict[str, object]:
    """A new patient without an account whose consent the portal has recorded."""
    persona = new_persona(world.world, kind="patient")
    assert world.api().grant(str(persona["matricule"])).status == 200
    return persona


def active_patient(world: PartnerWorld) -> dict[str, object]:
    """A new patient who consented and whose account MyGuichet.lu activated."""
    persona = consenting_patient(world)
    assert world.api().activate(activation(persona)).status == 201
    return persona


# A citizen in MyGuichet.lu's pages ------------------------------------------------------------------


def new_citizen(world: PartnerWorld) -> tuple[dict[str, object], Token]:
    """A patient with a MyGuichet.lu private space and a LuxTrust Token, without an account."""
    persona = new_persona(world.world, kind="patient", myguichet=True, luxtrust=["token"])
    return persona, token_of(world.world, persona)


def sign_in(visitor: Visitor, token: Token) -> Reply:
    """Click « Se connecter avec LuxTrust », log in with the Token, and come back to MyGuichet.lu."""
    assert visitor.get("/").status == 200
    back = log_in_at_luxtrust(location(visitor.post("/luxtrust/connexion", {})), token)
    assert back.startswith(visitor.base), f"LuxTrust sent the browser elsewhere: {back}"
    return visitor.get(back)


def signed_in_citizen(world: PartnerWorld) -> tuple[dict[str, object], Visitor]:
    """A new citizen signed in to their MyGuichet.lu private space."""
    persona, token = new_citizen(world)
    visitor = Visitor(world.myguichet)
    assert sign_in(visitor, token).location == "/mes-demarches"
    return persona, visitor


def give_consent(visitor: Visitor) -> Reply:
    """Tick « Je consens … » on the DSP page and click « Valider »."""
    assert visitor.get(DSP_PAGE).status == 200
    return visitor.post(f"{DSP_PAGE}/consentement", {"consentement": "oui"})


def session_cookie(visitor: Visitor) -> str | None:
    """The value of MyGuichet.lu's session cookie in the visitor's jar."""
    return next((c.value for c in visitor.jar if c.name == SESSION_COOKIE), None)


def bound_browser(world: PartnerWorld) -> tuple[Visitor, str]:
    """A browser that set off « Accéder à mon DSP » at the portal, and the binding it was given."""
    visitor = Visitor(world.portal)
    reply = visitor.get(DEPARTURE)
    assert reply.status == 303 and reply.target is not None, reply.status
    assert reply.target.startswith(world.myguichet + world.link.ticket_return + "?"), reply.target
    return visitor, reply.query()["liaison"]


def opened_ticket(world: PartnerWorld, national_id: str) -> tuple[Visitor, str | None]:
    """A ticket asked for a bound browser and presented by it; the browser and where it was sent."""
    visitor, binding = bound_browser(world)
    return visitor, visitor.get(world.api().ticket_url(national_id, binding)).location


def open_my_dsp(world: PartnerWorld, visitor: Visitor) -> str:
    """« Accéder à mon DSP » on MyGuichet.lu, through the portal's binding: the ticket's URL."""
    departure = visitor.post(f"{DSP_PAGE}/acces", {})
    assert departure.status == 303 and departure.target == world.portal + DEPARTURE, departure.status
    back = visitor.get(departure.target)
    assert back.status == 303 and back.target is not None
    assert back.target.startswith(world.myguichet + DSP_PAGE.lstrip("/") + "/acces?liaison=")
    door = visitor.get(back.target)
    assert door.status == 303 and door.target is not None, door.status
    assert door.target.startswith(world.portal + "myguichet/dsp?ticket="), door.target
    return door.target
