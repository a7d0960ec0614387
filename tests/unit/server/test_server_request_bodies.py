"""Request bodies on the wire: declared sizes refused before reading, chunked forms read like any other."""

from __future__ import annotations

import time

from dsp_http import multipart, own_record, signed_in_patient
from raw_http import (
    BOUNDARY,
    chunked,
    is_french_page,
    multipart_body,
    multipart_type,
    part,
    post_raw,
    send_raw,
)
from server_http import WIZARD, Visitor

from reference_server.http_guard import DEFAULT_MAX_BODY
from reference_server.world import World

URLENCODED = "application/x-www-form-urlencoded"
SIGN_IN = "/connexion/matricule"
FIFTY_MB = str(50 * 1024 * 1024)
PDF = b"%PDF-1.4\n%%EOF\n"


def _portal(world: World) -> str:
    assert world.urls is not None
    return world.urls.portal


def _cookie(visitor: Visitor) -> str:
    """The Cookie header the visitor's browser would send."""
    return "; ".join(f"{c.name}={c.value}" for c in visitor.jar)


def test_a_sign_in_declaring_fifty_megabytes_is_refused_before_it_is_sent(support_world: World):
    started = time.monotonic()
    # Only the headers and a few bytes go out: a server that waits for the rest would time out.
    reply = send_raw(_portal(support_world), "POST", SIGN_IN,
                     {"Content-Type": multipart_type(), "Content-Length": FIFTY_MB}, b"--")

    assert reply.status == 413
    assert is_french_page(reply) and "La requête est trop volumineuse." in reply.body
    assert time.monotonic() - started < 5


def test_luxtrust_and_myguichet_refuse_declared_oversized_bodies_too(support_world: World):
    assert support_world.urls is not None
    urls = support_world.urls
    for base, path in ((urls.luxtrust, "/connexion/1"), (urls.myguichet, "/deconnexion")):
        reply = send_raw(base, "POST", path, {"Content-Type": multipart_type(), "Content-Length": FIFTY_MB},
                         b"--")

        assert reply.status == 413, base
        assert is_french_page(reply), reply.body[:200]


def test_a_form_just_over_the_limit_is_refused_and_one_at_it_is_read(support_world: World):
    envelope = len(multipart_body(part(b"a", b"")))
    at = multipart_body(part(b"a", b"x" * (DEFAULT_MAX_BODY - envelope)))
    over = multipart_body(part(b"a", b"x" * (DEFAULT_MAX_BODY - envelope + 1)))

    assert post_raw(_portal(support_world), SIGN_IN, multipart_type(), over).status == 413
    # Read, then refused for its missing CSRF token: the size let it through.
    assert post_raw(_portal(support_world), SIGN_IN, multipart_type(), at).status == 403


def test_a_chunked_post_of_a_valid_form_works(support_world: World):
    visitor = Visitor(_portal(support_world))
    visitor.get(WIZARD)
    body = f"cgu_accepted=oui&csrf_token={visitor.csrf_token}".encode()

    reply = post_raw(_portal(support_world), WIZARD, URLENCODED, chunked(body[:7], body[7:]),
                     **{"Transfer-Encoding": "chunked", "Cookie": _cookie(visitor)})

    assert reply.status == 303, reply.body[:300]
    assert reply.headers["location"].endswith(f"{WIZARD}/etape-1")


def test_a_chunked_multipart_form_works(support_world: World):
    visitor = Visitor(_portal(support_world))
    visitor.get(WIZARD)
    body = multipart_body(part(b"cgu_accepted", b"oui"), part(b"csrf_token", visitor.csrf_token.encode()))

    reply = post_raw(_portal(support_world), WIZARD, multipart_type(), chunked(body),
                     **{"Transfer-Encoding": "chunked", "Cookie": _cookie(visitor)})

    assert reply.status == 303, reply.body[:300]


def test_a_chunked_body_over_the_limit_is_refused_in_french(support_world: World):
    pieces = [b"a=" + b"x" * 40_000, b"x" * 40_000, b"x" * 40_000]

    reply = post_raw(_portal(support_world), SIGN_IN, URLENCODED, chunked(*pieces),
                     **{"Transfer-Encoding": "chunked"})

    assert reply.status == 413
    assert is_french_page(reply)


def test_a_malformed_chunked_body_is_refused_in_french(support_world: World):
    reply = post_raw(_portal(support_world), SIGN_IN, URLENCODED, b"zz\r\nabc\r\n0\r\n\r\n",
                     **{"Transfer-Encoding": "chunked"})

    assert reply.status == 400
    assert is_french_page(reply) and "Demande non valide" in reply.body


def test_a_chunked_upload_to_the_dsp_works(support_world: World):
    patient = signed_in_patient(support_world)
    record = own_record(patient.visitor)
    patient.visitor.get(record)
    fields = {"csrf_token": patient.visitor.csrf_token, "document_title": "Bilan envoyé par morceaux",
              "document_kind": "Compte rendu"}
    body = multipart(BOUNDARY, fields, {"document": ("bilan.pdf", "application/pdf", PDF)})

    reply = post_raw(_portal(support_world), f"{record}/documents", multipart_type(),
                     chunked(body[:100], body[100:]),
                     **{"Transfer-Encoding": "chunked", "Cookie": _cookie(patient.visitor)})

    assert reply.status == 303, reply.body[:300]
    assert "Bilan envoyé par morceaux" in patient.visitor.get(record).text
