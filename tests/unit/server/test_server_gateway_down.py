"""Every path of the portal that sends a message, taken with the gateway down: none answers 500.

A security notice goes first and its change waits for it (503, nothing changed); a code that
cannot leave is said so on the page; a change whose message is not a notice stands, and the
answer says who was not told. The paths that send nothing are taken too, to show they still work.
"""

from __future__ import annotations

import ast
import base64
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from account_http import MEANS, activated, ask_fresh_code, fresh_session, signed_in, start_password_sign_in
from luxtrust_flow import portal_return_url, token_of
from outage import Outage
from server_http import (
    CODE_REQUEST,
    WIZARD,
    Visitor,
    ask_for_sms_code,
    latest_code,
    new_persona,
    portal_db,
    reach_step_3,
    submit_one_time_code,
)
from web_client import Reply, json_request, raw_request

import reference_server.portal
from reference_server.config import WorldConfig
from reference_server.portal.account import NOTICE_NOT_SENT
from reference_server.world import World

CODE_NOT_SENT = "Le code n'a pas pu être envoyé"
PORTAL = Path(reference_server.portal.__file__).parent
# The portal's ways of handing something to the gateway; messages.py defines the first two.
SENDING_CALLS = {"notify", "send_code", "announce", "_notify", "_deliver"}

Walk = Callable[[World, Outage], Reply]


@dataclass(frozen=True)
class GatewayPath:
    """A path through the portal that reaches the gateway, walked until the gateway is down."""

    walk: Walk
    # The portal's functions (module.Class.function) that send on this path.
    senders: tuple[str, ...]
    # What the answer must say; None where the walk checks the answer itself.
    says: str | None


def url(world: World, system: str) -> str:
    """A system's base URL in the running world."""
    assert world.urls is not None
    return str(getattr(world.urls, system))


def stored(world: World, sql: str, *args: object) -> list[tuple]:
    """Rows of the portal's database, for the checks that nothing (or something) changed."""
    with portal_db(world) as conn:
        return [tuple(row) for row in conn.execute(sql, args).fetchall()]


# Codes: nothing changes but a code that was never seen --------------------------------------------


def sign_in_code(world: World, gateway: Outage) -> Reply:
    """« Matricule & Mot de passe »: the code to sign in."""
    persona = activated(world)
    visitor = Visitor(url(world, "portal"))
    gateway.down()
    reply = start_password_sign_in(visitor, persona)
    assert visitor.get("/mes-services").location == "/connexion"
    return reply


def wizard_code(world: World, gateway: Outage) -> Reply:
    """Step 3 of the activation wizard: the code that proves the mobile."""
    persona = new_persona(world)
    visitor = Visitor(url(world, "portal"))
    reach_step_3(visitor, persona)
    gateway.down()
    return ask_for_sms_code(visitor, str(persona["mobile"]))


def identity_code(world: World, gateway: Outage) -> Reply:
    """« Recevoir un code de confirmation » before a sensitive change."""
    visitor = signed_in(world, activated(world))
    gateway.down()
    return ask_fresh_code(visitor)


def new_address_code(world: World, gateway: Outage) -> Reply:
    """A new e-mail address, to be proven with a code sent there."""
    persona = activated(world)
    visitor = fresh_session(world, persona)
    gateway.down()
    reply = visitor.post(f"{MEANS}/email", {"email": f"autre.{persona['matricule']}@example.lu"})
    assert "Pour confirmer votre nouveau" not in visitor.get(MEANS).text
    return reply


# Security notices: the notice first, and no change without it ---------------------------------------


def new_address_confirmed(world: World, gateway: Outage) -> Reply:
    """The code of the new address typed: the change and its notice to the old means."""
    persona = activated(world)
    visitor = fresh_session(world, persona)
    new_email = f"confirme.{persona['matricule']}@example.lu"
    visitor.post(f"{MEANS}/email", {"email": new_email})
    code = latest_code(world, new_email)
    gateway.down()
    reply = visitor.post(f"{MEANS}/confirmer", {"code": code})
    assert stored(world, "SELECT email FROM accounts WHERE matricule = ?", persona["matricule"]) == [(None,)]
    return reply


def new_password(world: World, gateway: Outage) -> Reply:
    """« Changer mon mot de passe »."""
    persona = activated(world)
    visitor = fresh_session(world, persona)
    sql = "SELECT password_hash FROM accounts WHERE matricule = ?"
    before = stored(world, sql, persona["matricule"])
    gateway.down()
    reply = visitor.post(f"{MEANS}/mot-de-passe",
                         {"new_password": "Autre2026pw", "new_password_confirmation": "Autre2026pw"})
    assert stored(world, sql, persona["matricule"]) == before
    return reply


def product_removed(world: World, gateway: Outage) -> Reply:
    """« Supprimer » beside a LuxTrust product."""
    persona = new_persona(world, luxtrust=["token"])
    serial = token_of(world, persona).serial
    visitor = fresh_session(world, activated(world, persona, luxtrust=[serial]))
    gateway.down()
    reply = visitor.post(f"{MEANS}/produits/{serial}/supprimer", {})
    assert products(world, persona) == [(serial,)]
    return reply


def product_associated(world: World, gateway: Outage) -> Reply:
    """« Associer mon produit LuxTrust », back from LuxTrust."""
    persona = new_persona(world, luxtrust=["token"])
    visitor = fresh_session(world, activated(world, persona))
    gateway.down()
    reply = visitor.get(portal_return_url(visitor, "association-compte", token_of(world, persona)))
    assert products(world, persona) == []
    return reply


def products(world: World, persona: dict[str, object]) -> list[tuple]:
    """The LuxTrust products stored for the persona's account."""
    return stored(world, "SELECT serial FROM luxtrust_products WHERE matricule = ?", persona["matricule"])


# Not a notice: the change stands and the answer says who was not told --------------------------------


def publication(world: World, gateway: Outage) -> Reply:
    """An event published, announced to the accounts that asked for it."""
    activated(world, otp_channel="email")
    gateway.down()
    reply = json_request(url(world, "test_support") + "publications",
                         {"kind": "event", "title": "Journée portes ouvertes"})
    answer = reply.json()
    assert isinstance(answer, dict)
    assert reply.status == 201 and answer["notified"] == 0 and answer["not_notified"] >= 1, answer
    assert "gateway" in answer["warning"]
    assert "Journée portes ouvertes" in Visitor(url(world, "portal")).get("/actualites").text
    return reply


# Paths that send nothing, which the gateway's fall must not stop ---------------------------------------


def account_created(world: World, gateway: Outage) -> Reply:
    """The wizard's code accepted: the account is created; no message confirms it."""
    persona = new_persona(world)
    visitor = Visitor(url(world, "portal"))
    reach_step_3(visitor, persona)
    ask_for_sms_code(visitor, str(persona["mobile"]))
    code = latest_code(world, str(persona["mobile"]))
    gateway.down()
    reply = submit_one_time_code(visitor, code)
    assert reply.location == f"{WIZARD}/etape-4", reply.status
    assert stored(world, "SELECT 1 FROM accounts WHERE matricule = ?", persona["matricule"]) == [(1,)]
    return reply


def code_requested(world: World, gateway: Outage) -> Reply:
    """« Je n'ai pas de code d'activation »: the request is kept for the helpdesk, not answered by mail."""
    persona = new_persona(world)
    visitor = Visitor(url(world, "portal"))
    visitor.get(CODE_REQUEST)
    gateway.down()
    reply = visitor.post(CODE_REQUEST, {
        "matricule": str(persona["matricule"]), "last_name": "Schmit", "first_name": "Claire",
        "email": str(persona["email"]), "mobile": "", "street": "1, rue de la Gare",
        "postcode": "L-1611", "locality": "Luxembourg",
    })
    assert reply.status == 200, reply.status
    assert stored(world, "SELECT 1 FROM code_requests WHERE matricule = ?", persona["matricule"]) == [(1,)]
    return reply


def myguichet_activation(world: World, gateway: Outage) -> Reply:
    """MyGuichet.lu activates an account over the partner API; the portal sends nothing."""
    persona = new_persona(world)
    assert world.myguichet_partner is not None
    link = world.myguichet_partner
    pair = base64.b64encode(f"{link.client_id}:{link.client_secret}".encode()).decode()
    headers = {"Content-Type": "application/json", "Authorization": f"Basic {pair}"}
    api = url(world, "portal") + "api/myguichet/"
    assert raw_request(api + f"consentements/{persona['matricule']}", method="PUT",
                       headers=headers).status == 200
    gateway.down()
    body = {"national_id": persona["matricule"], "cgu_accepted": True, "email": persona["email"],
            "mobile": persona["mobile"], "luxtrust": None}
    reply = raw_request(api + "activations", method="POST", data=json.dumps(body).encode(),
                        headers=headers)
    assert reply.status == 201, reply.body
    return reply


PATHS = {
    "code de connexion": GatewayPath(sign_in_code, ("sign_in.PasswordSignIn._send",), CODE_NOT_SENT),
    "code du parcours d'activation": GatewayPath(
        wizard_code, ("wizard.ActivationWizard._send_one_time_code", "wizard.ActivationWizard._deliver"),
        CODE_NOT_SENT),
    "code de confirmation d'identité": GatewayPath(
        identity_code, ("account.AccountPages.send_fresh_code",), CODE_NOT_SENT),
    "code d'une nouvelle adresse": GatewayPath(
        new_address_code, ("account.AccountPages.change_contact",), CODE_NOT_SENT),
    "nouvelle adresse confirmée": GatewayPath(
        new_address_confirmed, ("account.AccountPages.confirm_contact", "account.AccountPages._notify"),
        NOTICE_NOT_SENT),
    "mot de passe": GatewayPath(new_password, ("account.AccountPages.change_password",), NOTICE_NOT_SENT),
    "produit LuxTrust supprimé": GatewayPath(
        product_removed, ("account.AccountPages._remove_owned_product",), NOTICE_NOT_SENT),
    "produit LuxTrust associé": GatewayPath(
        product_associated, ("account.AccountPages.luxtrust_returned",), NOTICE_NOT_SENT),
    "publication annoncée": GatewayPath(
        publication, ("pages.announce", "test_support.create_app.publish"), None),
    "compte créé par le parcours": GatewayPath(account_created, (), None),
    "demande de code": GatewayPath(code_requested, (), None),
    "activation par MyGuichet.lu": GatewayPath(myguichet_activation, (), None),
}


@pytest.mark.parametrize("name", PATHS)
def test_no_path_answers_a_server_error_with_the_gateway_down(gateway_world: World, gateway: Outage,
                                                              name: str):
    path = PATHS[name]

    reply = path.walk(gateway_world, gateway)

    assert reply.status != 500
    if path.says == NOTICE_NOT_SENT:
        assert reply.status == 503
    if path.says:
        assert path.says in reply.text


def test_every_function_that_sends_is_walked_above():
    walked = {sender for path in PATHS.values() for sender in path.senders}

    assert senders_in(PORTAL) == walked


def senders_in(package: Path) -> set[str]:
    """The functions of the portal's modules that hand something to the gateway, as module.Class.function."""
    found: set[str] = set()
    for source in sorted(package.glob("*.py")):
        if source.name != "messages.py":
            found |= _senders(ast.parse(source.read_text()), source.stem)
    return found


def _senders(node: ast.AST, prefix: str) -> set[str]:
    """The functions and methods under a node that call a sending function, by qualified name."""
    found: set[str] = set()
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.ClassDef | ast.FunctionDef):
            name = f"{prefix}.{child.name}"
            if isinstance(child, ast.FunctionDef) and _sends(child):
                found.add(name)
            found |= _senders(child, name)
    return found


def _sends(function: ast.FunctionDef) -> bool:
    """Whether the function's own body (not its nested functions') calls a sending function."""
    for node in _own_nodes(function):
        if not isinstance(node, ast.Call):
            continue
        called = node.func
        if isinstance(called, ast.Name) and called.id in SENDING_CALLS:
            return True
        if isinstance(called, ast.Attribute) and (
            called.attr in SENDING_CALLS
            or (called.attr == "send" and isinstance(called.value, ast.Attribute)
                and called.value.attr == "messaging")
        ):
            return True
    return False


def _own_nodes(function: ast.FunctionDef) -> list[ast.AST]:
    """The nodes of a function's body, leaving out the functions defined inside it."""
    nodes: list[ast.AST] = []
    pending: list[ast.AST] = list(function.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        nodes.append(node)
        pending.extend(ast.iter_child_nodes(node))
    return nodes


def test_codes_the_gateway_did_not_take_leave_the_letters_allowance_whole(gateway_world: World,
                                                                           gateway: Outage):
    persona = new_persona(gateway_world)
    mobile = str(persona["mobile"])
    visitor = Visitor(url(gateway_world, "portal"))
    reach_step_3(visitor, persona)
    gateway.down()
    for _ in range(WorldConfig.max_codes_per_wizard):
        assert CODE_NOT_SENT in ask_for_sms_code(visitor, mobile).text

    gateway.up()

    assert ask_for_sms_code(visitor, mobile).location == f"{WIZARD}/etape-3"


def test_codes_the_gateway_did_not_take_leave_the_accounts_allowance_whole(gateway_world: World,
                                                                            gateway: Outage):
    persona = activated(gateway_world)
    visitor = signed_in(gateway_world, persona)

    def sign_in() -> Reply:
        return start_password_sign_in(Visitor(url(gateway_world, "portal")), persona)

    gateway.down()
    for _ in range(WorldConfig.max_codes_per_account):
        assert CODE_NOT_SENT in sign_in().text
        assert CODE_NOT_SENT in ask_fresh_code(visitor).text

    gateway.up()

    assert sign_in().location == "/connexion/code"
    assert ask_fresh_code(visitor).location == MEANS
