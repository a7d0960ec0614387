"""Tests of « Je n'ai pas de code d'activation »: storage, re-display on error, escaping."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from server_http import CODE_REQUEST, Visitor, field_errors, input_value, portal_db

from reference_server.domain import matricule
from reference_server.world import World

ACKNOWLEDGED = "Votre demande a bien été enregistrée."
SCRIPT = "<script>alert('eSanté')</script>"
# A birth date of its own, so that every request of this module has its own matricule.
SEQUENCES = itertools.count()


def fresh_matricule() -> str:
    """A valid matricule nobody else in these tests uses."""
    return matricule.make(dt.date(1907, 7, 7), next(SEQUENCES))


def complete_form(number: str) -> dict[str, str]:
    """A request with every field filled in the way people type them."""
    return {
        "matricule": f"{number[:4]} {number[4:8]} {number[8:]}",
        "last_name": "Muller",
        "first_name": "Léa",
        "email": "Lea.Muller@Example.LU",
        "mobile": "691 123 456",
        "street": "12, rue de la Gare",
        "postcode": "1234",
        "locality": "Luxembourg",
    }


def stored_requests(world: World, number: str) -> list[dict[str, object]]:
    """The code requests the portal stored for a matricule."""
    with portal_db(world) as conn:
        rows = conn.execute(
            "SELECT * FROM code_requests WHERE matricule = ? ORDER BY id", (number,)
        ).fetchall()
    return [dict(row) for row in rows]


def test_the_form_is_prefilled_with_the_matricule_of_step_1(visitor: Visitor):
    reply = visitor.get(f"{CODE_REQUEST}?matricule=1918090138700")

    assert reply.status == 200
    assert input_value(reply, "matricule") == "1918090138700"


def test_a_complete_request_is_stored_and_acknowledged(support_world: World, visitor: Visitor):
    number = fresh_matricule()
    visitor.get(CODE_REQUEST)

    reply = visitor.post(CODE_REQUEST, complete_form(number))

    assert reply.status == 200
    assert ACKNOWLEDGED in reply.text
    [stored] = stored_requests(support_world, number)
    assert {key: stored[key] for key in ("last_name", "first_name", "street", "locality")} == {
        "last_name": "Muller", "first_name": "Léa", "street": "12, rue de la Gare",
        "locality": "Luxembourg",
    }
    # Stored in the portal's normal forms.
    assert stored["postcode"] == "L-1234"
    assert stored["email"] == "Lea.Muller@example.lu"
    assert stored["mobile"] == "+352691123456"


def test_one_way_to_reach_the_person_is_enough(support_world: World, visitor: Visitor):
    number = fresh_matricule()
    visitor.get(CODE_REQUEST)

    reply = visitor.post(CODE_REQUEST, {**complete_form(number), "email": ""})

    assert ACKNOWLEDGED in reply.text
    [stored] = stored_requests(support_world, number)
    assert stored["email"] == ""


@pytest.mark.parametrize("missing", [("street", "postcode", "locality"), ("street",),
                                     ("postcode",), ("locality",)])
def test_a_missing_postal_address_is_refused_and_the_rest_kept(
    support_world: World, visitor: Visitor, missing: tuple[str, ...]
):
    number = fresh_matricule()
    form = {**complete_form(number), **dict.fromkeys(missing, "")}
    visitor.get(CODE_REQUEST)

    reply = visitor.post(CODE_REQUEST, form)

    assert reply.status == 422
    for name in missing:
        assert field_errors(reply, name), name
    for name, value in form.items():
        assert input_value(reply, name) == value, name
    assert stored_requests(support_world, number) == []


def test_a_request_without_any_contact_is_refused(support_world: World, visitor: Visitor):
    number = fresh_matricule()
    visitor.get(CODE_REQUEST)

    reply = visitor.post(CODE_REQUEST, {**complete_form(number), "email": "", "mobile": ""})

    assert reply.status == 422
    assert field_errors(reply, "email") == [
        "Indiquez au moins une adresse e-mail ou un numéro de téléphone portable."
    ]
    assert stored_requests(support_world, number) == []


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("matricule", "1918090138701", "Le matricule n'est pas valide : vérifiez les chiffres saisis."),
        ("postcode", "12345", "Le code postal doit comporter 4 chiffres (ex. L-1234)."),
        ("email", "lea@", "Cette adresse e-mail n'est pas valide."),
        ("mobile", "26 12 34 56", "Ce numéro de téléphone portable n'est pas valide (ex. 691 123 456)."),
        ("last_name", "x" * 121, "Ce champ ne doit pas dépasser 120 caractères."),
    ],
)
def test_each_invalid_field_gets_its_message(
    visitor: Visitor, field: str, value: str, message: str
):
    visitor.get(CODE_REQUEST)

    reply = visitor.post(CODE_REQUEST, {**complete_form(fresh_matricule()), field: value})

    assert reply.status == 422
    assert field_errors(reply, field) == [message]


def test_a_name_with_markup_is_shown_again_escaped(visitor: Visitor):
    visitor.get(CODE_REQUEST)
    form = {**complete_form(fresh_matricule()), "first_name": SCRIPT, "street": ""}

    reply = visitor.post(CODE_REQUEST, form)

    assert reply.status == 422
    assert SCRIPT not in reply.body
    assert "<script>alert" not in reply.body
    assert "&lt;script&gt;alert(" in reply.body
    # Escaped, and still the same text for the person reading the form.
    assert input_value(reply, "first_name") == SCRIPT


def test_a_request_without_the_csrf_token_is_refused(support_world: World, visitor: Visitor):
    number = fresh_matricule()
    visitor.get(CODE_REQUEST)

    reply = visitor.post(CODE_REQUEST, complete_form(number), with_csrf=False)

    assert reply.status == 403
    assert stored_requests(support_world, number) == []


def test_a_matricule_in_full_width_digits_gets_an_error_message(visitor: Visitor):
    visitor.get(CODE_REQUEST)
    full_width = "".join(chr(ord(d) + 0xFEE0) for d in "1918090138700")

    reply = visitor.post(CODE_REQUEST, {**complete_form("1918090138700"), "matricule": full_width})

    # Refusing the digits or reading them as ASCII would both do; failing would not.
    assert reply.status in (200, 422)
