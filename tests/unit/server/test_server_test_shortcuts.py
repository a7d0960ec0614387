"""The test-support shortcuts leave the state the guide's walk leaves, and refuse what it would refuse."""

from collections.abc import Iterator
from http.cookiejar import Cookie

import pytest
from dsp_http import own_record, trace_actions
from server_http import PASSWORD, SESSION_COOKIE, Visitor, accept_cgu, new_persona, portal_db, submit_code
from web_client import json_request

from reference_server.config import TEST_HASHING, WorldConfig
from reference_server.world import World


def shortcut(world: World, path: str, payload: dict[str, object]) -> tuple[int, dict[str, object]]:
    """POST to a shortcut of the world's /_test/ interface; its status and JSON answer."""
    assert world.urls is not None
    reply = json_request(world.urls.test_support + path, payload)
    is_json = reply.headers.get("Content-Type", "").startswith("application/json")
    return reply.status, reply.json() if is_json else {}  # type: ignore[return-value]


def activated(world: World, **how: object) -> dict[str, object]:
    """A new persona whose account the shortcut activated."""
    persona = new_persona(world)
    status, answer = shortcut(world, "accounts", {"matricule": persona["matricule"], "password": PASSWORD,
                                                  **how})
    assert status == 201, answer
    return persona


def signed_in(world: World, persona: dict[str, object]) -> Visitor:
    """A browser holding the session the shortcut opened for the persona."""
    status, answer = shortcut(world, "sessions", {"matricule": persona["matricule"]})
    assert status == 201, answer
    assert world.urls is not None
    visitor = Visitor(world.urls.portal)
    (cookie,) = answer["cookies"]  # type: ignore[misc]
    assert cookie["name"] == SESSION_COOKIE
    visitor.jar.set_cookie(_cookie(cookie["name"], cookie["value"]))
    return visitor


def _cookie(name: str, value: str) -> Cookie:
    """A cookie for the loopback portal, as a browser would keep it."""
    return Cookie(0, name, value, None, False, "127.0.0.1", False, False, "/", True, False, None, True,
                  None, None, {"HttpOnly": ""})


def test_an_activated_account_used_up_its_letter(support_world: World):
    persona = activated(support_world, otp_channel="email")

    with portal_db(support_world) as conn:
        account = conn.execute("SELECT otp_channel, email, mobile, password_hash FROM accounts"
                               " WHERE matricule = ?", (persona["matricule"],)).fetchone()
        letter = conn.execute("SELECT used_at FROM activation_letters WHERE matricule = ?",
                              (persona["matricule"],)).fetchone()
    assert (account["otp_channel"], account["email"], account["mobile"]) == ("email", persona["email"], None)
    assert account["password_hash"].startswith("$argon2id$")
    assert letter["used_at"] is not None
    # The wizard refuses the used letter, as after a walk.
    assert support_world.urls is not None
    visitor = Visitor(support_world.urls.portal)
    accept_cgu(visitor)
    reply = submit_code(visitor, str(persona["matricule"]), str(persona["activation_code"]))
    assert reply.status == 422 and reply.location is None


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"password": "court"}, 400),
        ({"password": PASSWORD, "otp_channel": "pigeon"}, 400),
        ({}, 400),
        ({"password": PASSWORD, "luxtrust": "TK1"}, 400),
    ],
)
def test_no_account_is_made_from_what_the_wizard_refuses(support_world: World, payload: dict, status: int):
    persona = new_persona(support_world)
    number = persona["matricule"]

    answer_status, _ = shortcut(support_world, "accounts", {"matricule": number, **payload})

    assert answer_status == status
    with portal_db(support_world) as conn:
        assert conn.execute("SELECT 1 FROM accounts WHERE matricule = ?", (number,)).fetchone() is None


def test_an_account_is_made_once(support_world: World):
    persona = activated(support_world)

    status, _ = shortcut(support_world, "accounts", {"matricule": persona["matricule"], "password": PASSWORD})

    assert status == 409
    assert shortcut(support_world, "accounts", {"matricule": "0000000000000", "password": PASSWORD})[0] == 422


def test_a_product_is_associated_as_a_luxtrust_login_would(support_world: World):
    persona = new_persona(support_world, luxtrust=["token", "smartcard"])
    serials = [device["serial"] for device in persona["luxtrust"]]  # type: ignore[union-attr]

    payload = {"matricule": persona["matricule"], "luxtrust": serials}

    status, answer = shortcut(support_world, "accounts", payload)

    assert status == 201, answer
    with portal_db(support_world) as conn:
        rows = conn.execute("SELECT serial, label FROM luxtrust_products WHERE matricule = ?",
                            (persona["matricule"],)).fetchall()
    assert sorted(row["serial"] for row in rows) == sorted(serials)


def test_a_session_opens_my_services_and_signing_out_ends_it(support_world: World):
    persona = activated(support_world)
    visitor = signed_in(support_world, persona)

    services = visitor.get("/mes-services")

    assert services.status == 200 and str(persona["last_name"]) in services.text
    assert visitor.post("/deconnexion", {}).status in (302, 303)
    assert visitor.get("/mes-services").status in (302, 303)


def test_no_session_without_an_account(support_world: World):
    persona = new_persona(support_world)

    assert shortcut(support_world, "sessions", {"matricule": persona["matricule"]})[0] == 409
    assert shortcut(support_world, "sessions", {"matricule": persona["matricule"], "method": "x"})[0] == 400


def test_an_assistant_is_added_and_traced_as_the_holder_would(support_world: World):
    parent, child = activated(support_world), activated(support_world)

    status, answer = shortcut(support_world, "dsp/assistants",
                              {"holder": child["matricule"], "assistant": parent["matricule"]})

    assert status == 201, answer
    visitor = signed_in(support_world, child)
    record = own_record(visitor)
    assert any(str(parent["last_name"]) in action for _, action in trace_actions(visitor, record))
    for assistant in (parent, child):  # already an assistant; the holder themself
        payload = {"holder": child["matricule"], "assistant": assistant["matricule"]}
        assert shortcut(support_world, "dsp/assistants", payload)[0] == 409


@pytest.fixture(scope="module")
def world_without_shortcuts() -> Iterator[World]:
    """A world whose test support offers personas and messages only."""
    world = World(WorldConfig(test_support=True, test_shortcuts=False, hashing=TEST_HASHING))
    world.start()
    yield world
    world.stop()


@pytest.mark.parametrize(
    "path", ["accounts", "sessions", "dsp/assistants", "wizards", "wizards/professionnel"])
def test_a_world_without_shortcuts_says_it_has_none(world_without_shortcuts: World, path: str):
    persona = new_persona(world_without_shortcuts)

    assert shortcut(world_without_shortcuts, path, {"matricule": persona["matricule"]})[0] == 404


def open_wizard(world: World, persona: dict[str, object], step: int = 2, **how: object) -> tuple[int, dict]:
    """Ask for a wizard at a step, with the persona's own letter unless told otherwise."""
    payload = {"matricule": persona["matricule"], "activation_code": persona["activation_code"],
               "step": step, "password": PASSWORD, "otp_channel": "sms", **how}
    return shortcut(world, "wizards", payload)


def in_wizard(world: World, answer: dict[str, object]) -> Visitor:
    """A browser holding the wizard session the shortcut opened."""
    assert world.urls is not None
    visitor = Visitor(world.urls.portal)
    (cookie,) = answer["cookies"]  # type: ignore[misc]
    visitor.jar.set_cookie(_cookie(cookie["name"], cookie["value"]))
    return visitor


@pytest.mark.parametrize("step", [1, 2, 3, 4])
def test_a_wizard_opens_at_its_step_and_no_further(support_world: World, step: int):
    persona = new_persona(support_world)

    status, answer = open_wizard(support_world, persona, step)

    assert status == 201, answer
    assert answer["url"] == f"activation/patient/etape-{step}"
    visitor = in_wizard(support_world, answer)
    wizard = "/activation/patient/etape-"
    assert visitor.get(f"{wizard}{step}").status == 200
    # The next step is not open: the person stands where the walk would have left them.
    assert visitor.get(f"{wizard}{step + 1}").location == f"{wizard}{step}"


def test_a_wizard_at_step_4_has_created_the_account(support_world: World):
    persona = new_persona(support_world)

    open_wizard(support_world, persona, 4)

    with portal_db(support_world) as conn:
        account = conn.execute("SELECT otp_channel FROM accounts WHERE matricule = ?",
                               (persona["matricule"],)).fetchone()
    assert account["otp_channel"] == "sms"
    # And the letter is used up: no second wizard from it.
    assert open_wizard(support_world, persona, 2)[0] == 409


@pytest.mark.parametrize(
    ("how", "status"),
    [({"activation_code": "AAAAAAAAAA"}, 409), ({"step": 0}, 400), ({"step": 5}, 400),
     ({"step": 3, "password": "court"}, 400)],
)
def test_no_wizard_where_the_walk_would_be_refused(support_world: World, how: dict, status: int):
    persona = new_persona(support_world)

    assert open_wizard(support_world, persona, **how)[0] == status


def test_a_wizard_at_step_1_checks_nothing_so_that_step_1_can_refuse_the_letter(support_world: World):
    persona = new_persona(support_world)
    open_wizard(support_world, persona, 4)

    # A used letter, or a code the person mistyped, is step 1's to refuse, as after a real CGU page.
    for code in (persona["activation_code"], "AAAAAAAAAA"):
        status, answer = open_wizard(support_world, persona, 1, activation_code=code)
        assert status == 201, answer
        assert in_wizard(support_world, answer).get("/activation/patient/etape-1").status == 200


def professional(world: World) -> dict[str, object]:
    """A new professional persona with a Token."""
    return new_persona(world, kind="professional", luxtrust=["token"])


def serial_of(persona: dict[str, object]) -> str:
    """The serial of the persona's first LuxTrust product."""
    return str(persona["luxtrust"][0]["serial"])  # type: ignore[index]


def open_professional_wizard(
    world: World, persona: dict[str, object], step: int, **how: object
) -> tuple[int, dict]:
    """Ask for the professional wizard at a step, with the persona's own letter and product unless told."""
    payload = {"matricule": persona["matricule"], "activation_code": persona["activation_code"],
               "luxtrust": serial_of(persona), "step": step, **how}
    return shortcut(world, "wizards/professionnel", payload)


@pytest.mark.parametrize("step", [1, 2, 3, 4])
def test_a_professional_wizard_opens_at_its_step_and_no_further(support_world: World, step: int):
    persona = professional(support_world)

    status, answer = open_professional_wizard(support_world, persona, step)

    assert status == 201, answer
    assert answer["url"] == f"activation/professionnel/etape-{step}"
    visitor = in_wizard(support_world, answer)
    wizard = "/activation/professionnel/etape-"
    page = visitor.get(f"{wizard}{step}")
    assert page.status == 200
    assert visitor.get(f"{wizard}{step + 1}").location == f"{wizard}{step}"
    if step == 3:
        # The register's information of the matricule checked at step 2.
        assert str(persona["last_name"]) in page.text


def test_a_professional_wizard_at_the_code_step_keeps_a_colleagues_product_for_step_2_to_refuse(
    support_world: World,
):
    persona, colleague = professional(support_world), professional(support_world)

    status, answer = open_professional_wizard(support_world, persona, 2, luxtrust=serial_of(colleague))
    assert status == 201, answer
    visitor = in_wizard(support_world, answer)
    visitor.get("/activation/professionnel/etape-2")
    reply = visitor.post("/activation/professionnel/etape-2", {
        "received": "oui", "matricule": str(persona["matricule"]),
        "activation_code": str(persona["activation_code"])})

    assert "n'appartient pas au titulaire de ce matricule" in reply.text
    # And past step 2, the shortcut refuses what step 2 refuses.
    assert open_professional_wizard(support_world, persona, 3, luxtrust=serial_of(colleague))[0] == 409


@pytest.mark.parametrize(
    ("how", "status"),
    [({"activation_code": "AAAAAAAAAA", "step": 3}, 409), ({"step": 0}, 400), ({"step": 5}, 400),
     ({"luxtrust": "NO-SUCH-SERIAL"}, 404)],
)
def test_no_professional_wizard_where_the_walk_would_be_refused(support_world: World, how: dict, status: int):
    persona = professional(support_world)

    assert open_professional_wizard(support_world, persona, **{"step": 2, **how})[0] == status


def test_a_professional_wizard_at_step_1_has_no_product_associated_yet(support_world: World):
    persona = professional(support_world)

    status, answer = open_professional_wizard(support_world, persona, 1)
    assert status == 201, answer
    visitor = in_wizard(support_world, answer)

    # Step 1 still offers LuxTrust's « Connexion », and step 2 waits for the association.
    assert "Connexion" in visitor.get("/activation/professionnel/etape-1").text
    assert visitor.get("/activation/professionnel/etape-2").location == "/activation/professionnel/etape-1"
