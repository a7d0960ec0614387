"""With the gateway down, a change and its notice both happen or neither does, and the page says so."""

from __future__ import annotations

from account_http import MEANS, activated, fresh_session
from luxtrust_flow import portal_return_url, token_of
from outage import Outage
from server_http import field_errors, latest_code, messages_to, new_persona, portal_db

from reference_server.portal.account import LAST_MEANS, NOTICE_NOT_SENT
from reference_server.world import World

NEW_PASSWORD = "Nouveau2026pw"


def account_row(world: World, matricule: object) -> dict:
    """The account's stored contact details and password hash."""
    with portal_db(world) as conn:
        row = conn.execute("SELECT email, mobile, password_hash FROM accounts WHERE matricule = ?",
                           (str(matricule),)).fetchone()
    return dict(row)


def products_of(world: World, matricule: object) -> list[str]:
    """The serials of the LuxTrust products stored for the account."""
    with portal_db(world) as conn:
        rows = conn.execute("SELECT serial FROM luxtrust_products WHERE matricule = ? ORDER BY serial",
                            (str(matricule),)).fetchall()
    return [row["serial"] for row in rows]


def with_token(world: World, *, password: bool = True, associated: bool = True) -> dict[str, object]:
    """A patient holding a LuxTrust Token, with a password or the Token associated or both."""
    persona = new_persona(world, luxtrust=["token"])
    how: dict[str, object] = {"luxtrust": [token_of(world, persona).serial]} if associated else {}
    if not password:
        how["password"] = None
    return activated(world, persona=persona, **how)


def test_a_new_email_is_not_changed_when_its_notice_cannot_leave(gateway_world: World, gateway: Outage):
    persona = activated(gateway_world)
    mobile = str(persona["mobile"])
    visitor = fresh_session(gateway_world, persona)
    new_email = f"nouveau.{persona['matricule']}@example.lu"
    assert visitor.post(f"{MEANS}/email", {"email": new_email}).location == MEANS
    code = latest_code(gateway_world, new_email)
    before = account_row(gateway_world, persona["matricule"])
    notices_before = len(messages_to(gateway_world, mobile))

    gateway.down()
    refused = visitor.post(f"{MEANS}/confirmer", {"code": code})

    assert refused.status == 503
    assert field_errors(refused, "code") == [NOTICE_NOT_SENT]
    assert account_row(gateway_world, persona["matricule"]) == before

    # Back up: the same confirmation goes through without a new code, with its notice.
    gateway.up()
    assert len(messages_to(gateway_world, mobile)) == notices_before
    assert visitor.post(f"{MEANS}/confirmer", {"code": code}).location == MEANS
    assert account_row(gateway_world, persona["matricule"])["email"] == new_email
    assert len(messages_to(gateway_world, mobile)) == notices_before + 1


def test_a_password_is_not_changed_when_its_notice_cannot_leave(gateway_world: World, gateway: Outage):
    persona = activated(gateway_world)
    visitor = fresh_session(gateway_world, persona)
    before = account_row(gateway_world, persona["matricule"])
    form = {"new_password": NEW_PASSWORD, "new_password_confirmation": NEW_PASSWORD}

    gateway.down()
    refused = visitor.post(f"{MEANS}/mot-de-passe", form)

    assert refused.status == 503
    assert NOTICE_NOT_SENT in refused.text
    assert account_row(gateway_world, persona["matricule"]) == before

    gateway.up()
    assert visitor.post(f"{MEANS}/mot-de-passe", form).location == MEANS
    assert account_row(gateway_world, persona["matricule"])["password_hash"] != before["password_hash"]


def test_a_product_is_not_removed_when_its_notice_cannot_leave(gateway_world: World, gateway: Outage):
    persona = with_token(gateway_world)
    serial = token_of(gateway_world, persona).serial
    visitor = fresh_session(gateway_world, persona)
    notices_before = len(messages_to(gateway_world, str(persona["mobile"])))

    gateway.down()
    refused = visitor.post(f"{MEANS}/produits/{serial}/supprimer", {})

    assert refused.status == 503
    assert NOTICE_NOT_SENT in refused.text
    assert products_of(gateway_world, persona["matricule"]) == [serial]

    gateway.up()
    assert visitor.post(f"{MEANS}/produits/{serial}/supprimer", {}).location == MEANS
    assert products_of(gateway_world, persona["matricule"]) == []
    assert len(messages_to(gateway_world, str(persona["mobile"]))) == notices_before + 1


def test_the_last_means_of_sign_in_is_refused_before_any_notice(gateway_world: World):
    persona = with_token(gateway_world, password=False)
    serial = token_of(gateway_world, persona).serial
    visitor = fresh_session(gateway_world, persona)
    notices_before = len(messages_to(gateway_world, str(persona["mobile"])))

    refused = visitor.post(f"{MEANS}/produits/{serial}/supprimer", {})

    assert refused.status == 422
    assert LAST_MEANS in refused.text
    assert products_of(gateway_world, persona["matricule"]) == [serial]
    # No notice of a removal that did not happen.
    assert len(messages_to(gateway_world, str(persona["mobile"]))) == notices_before


def test_a_product_is_not_associated_when_its_notice_cannot_leave(gateway_world: World, gateway: Outage):
    persona = with_token(gateway_world, associated=False)
    token = token_of(gateway_world, persona)
    visitor = fresh_session(gateway_world, persona)
    notices_before = len(messages_to(gateway_world, str(persona["mobile"])))

    gateway.down()
    refused = visitor.get(portal_return_url(visitor, "association-compte", token))

    assert refused.status == 503
    assert NOTICE_NOT_SENT in refused.text
    assert products_of(gateway_world, persona["matricule"]) == []

    # Back up: a new LuxTrust login associates the product, with its notice.
    gateway.up()
    back = visitor.get(portal_return_url(visitor, "association-compte", token))
    assert back.location == MEANS, back.status
    assert products_of(gateway_world, persona["matricule"]) == [token.serial]
    assert len(messages_to(gateway_world, str(persona["mobile"]))) == notices_before + 1
