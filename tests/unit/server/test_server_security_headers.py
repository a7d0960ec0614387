"""The portal's protective headers on pages, redirects, error pages and files, as LuxTrust has them."""

from __future__ import annotations

import re

import pytest
from dsp_http import document_links, own_record, signed_in_patient
from raw_http import multipart_body, multipart_type, part, post_raw, send_raw
from web_client import raw_request

from reference_server.world import World

EXPECTED = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
# Pages with and without forms, the wizard, and a page of each area a visitor reaches unsigned.
PAGES = ["/", "/connexion", "/patient", "/professionnel", "/connexion/matricule", "/activation/patient",
         "/actualites"]


def _portal(world: World) -> str:
    assert world.urls is not None
    return world.urls.portal


def _assert_protected(headers: object, what: str) -> None:
    """Framing refused twice over, no sniffing, no address leaked to other sites."""
    csp = headers.get("Content-Security-Policy") or ""  # type: ignore[attr-defined]
    assert "frame-ancestors 'none'" in csp, what
    assert "default-src 'self'" in csp, what
    for name, value in EXPECTED.items():
        assert headers.get(name) == value, (what, name)  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_protected(support_world: World, path: str):
    reply = raw_request(_portal(support_world) + path.lstrip("/"))

    assert reply.status == 200, path
    _assert_protected(reply.headers, path)


def test_redirects_error_pages_and_static_files_are_protected(support_world: World):
    base = _portal(support_world)
    cases = {
        "redirect": raw_request(base + "dsp"),
        "404": raw_request(base + "nulle-part"),
        "405": raw_request(base + "connexion/matricule", method="DELETE"),
        "403": raw_request(base + "connexion/matricule", method="POST", data=b"a=b",
                           headers={"Content-Type": "application/x-www-form-urlencoded"}),
        "stylesheet": raw_request(base + "static/portal.css"),
    }
    assert cases["redirect"].status == 303
    for what, reply in cases.items():
        _assert_protected(reply.headers, what)


def test_refused_bodies_are_protected(support_world: World):
    base = _portal(support_world)
    bad = post_raw(base, "/connexion/matricule", multipart_type(), multipart_body(part(b"a", b"\xff")))
    big = send_raw(base, "POST", "/connexion/matricule",
                   {"Content-Type": multipart_type(), "Content-Length": "99999999"}, b"--")

    assert (bad.status, big.status) == (400, 413)
    for reply in (bad, big):
        assert "frame-ancestors 'none'" in reply.headers["content-security-policy"]
        assert reply.headers["x-frame-options"] == "DENY"


def test_a_download_keeps_its_own_stricter_policy(support_world: World):
    patient = signed_in_patient(support_world, dsp_documents=1)
    record = own_record(patient.visitor)
    [link] = document_links(patient.visitor.get(record)).values()

    reply = patient.visitor.get(link)

    assert reply.status == 200
    assert reply.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert reply.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", PAGES)
def test_no_page_needs_inline_code_that_the_policy_would_block(support_world: World, path: str):
    body = raw_request(_portal(support_world) + path.lstrip("/")).body

    assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", body), path
    assert not re.search(r"<[^>]+\s(style|on[a-z]+)\s*=", body), path
    assert "javascript:" not in body, path
