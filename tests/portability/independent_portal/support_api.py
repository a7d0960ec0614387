"""The test-support interface: personas with an activation letter, and the messages sent."""

from __future__ import annotations

import datetime as dt
import json
import random
import unicodedata
from typing import Any

import bottle

from . import rules
from .web import Context

FIRST_NAMES = ("Anne", "Marc", "Sophie", "Luc", "Claire", "Jean", "Léa", "Tom", "Mireille", "Paul")
LAST_NAMES = ("Weber", "Schmit", "Muller", "Wagner", "Hoffmann", "Thill", "Kieffer", "Reuter", "Majerus")
RANDOM = random.SystemRandom()


def ascii_slug(text: str) -> str:
    """The text without accents, spaces or capitals, for a made-up e-mail address."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(char for char in plain.lower() if char.isalnum())


def birth_date_of(value: Any) -> dt.date:
    """The requested birth date (YYYY-MM-DD), or a random adult's."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    return dt.date(1950, 1, 1) + dt.timedelta(days=RANDOM.randrange(18_000))


def mobile_of(value: Any) -> str:
    """The requested mobile number in E.164 form when it is one, or a random Luxembourg mobile."""
    if isinstance(value, str) and value.strip():
        return rules.luxembourg_mobile(value) or value.strip()
    return f"+352691{RANDOM.randrange(1_000_000):06d}"


def persona_details(request: dict[str, Any]) -> dict[str, Any]:
    """A person's register details, from what the request fixes and made-up data for the rest."""
    first_name = request.get("first_name") or RANDOM.choice(FIRST_NAMES)
    last_name = request.get("last_name") or RANDOM.choice(LAST_NAMES)
    email = request.get("email") or (
        f"{ascii_slug(first_name)}.{ascii_slug(last_name)}.{RANDOM.randrange(100_000)}@exemple.lu"
    )
    return {
        "first_name": first_name,
        "last_name": last_name,
        "birth_date": birth_date_of(request.get("birth_date")),
        "email": email,
        "mobile": mobile_of(request.get("mobile")),
    }


def json_answer(status: int, payload: Any) -> bottle.HTTPResponse:
    """A JSON response."""
    return bottle.HTTPResponse(
        json.dumps(payload, ensure_ascii=False), status=status, content_type="application/json; charset=utf-8"
    )


def install_support(app: bottle.Bottle, ctx: Context) -> None:
    """Add the test-support interface under /_test/."""

    @app.post("/_test/personas")
    def create_persona() -> bottle.HTTPResponse:
        try:
            request = json.loads(bottle.request.body.read() or b"{}")
        except ValueError:
            return json_answer(400, {"error": "invalid JSON"})
        if not isinstance(request, dict) or request.get("kind", "patient") != "patient":
            return json_answer(422, {"error": "this portal only knows patients"})
        person, code = ctx.world.add_person(persona_details(request))
        return json_answer(
            201,
            {
                "matricule": person.matricule,
                "activation_code": code,
                "first_name": person.first_name,
                "last_name": person.last_name,
                "birth_date": person.birth_date.isoformat(),
                "email": person.email,
                "mobile": person.mobile,
            },
        )

    @app.get("/_test/messages")
    def messages() -> bottle.HTTPResponse:
        address = bottle.request.query.getunicode("to") or ""
        if not address:
            return json_answer(400, {"error": "the query needs ?to=ADDRESS_OR_NUMBER"})
        return json_answer(200, [message.as_json() for message in ctx.world.messages_to(address)])
