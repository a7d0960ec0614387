"""Helpers for the DSP tests: signed-in visitors, uploads as multipart forms, and reading tables."""

from __future__ import annotations

import html
import re
import secrets
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urljoin

from server_http import PASSWORD, Visitor, activate, latest_code, new_persona
from web_client import Reply

from reference_server.world import World

SIGN_IN = "/connexion/matricule"
EMPTY_TABLE = "Aucune donnée disponible dans le tableau"
DENIED = "Accès refusé : vous n'avez pas accès à ce dossier."
RECORD_PATH = re.compile(r"^/dsp/[A-Za-z0-9_-]{16}$")


class DspVisitor(Visitor):
    """A visitor who can also send files, as a browser's multipart form does."""

    def upload(
        self, path: str, fields: Mapping[str, str], files: Mapping[str, tuple[str, str, bytes]], *,
        with_csrf: bool = True,
    ) -> Reply:
        """POST a multipart form; files map a field to (file name, content type, content)."""
        form = dict(fields)
        if with_csrf:
            form.setdefault("csrf_token", self.csrf_token)
        boundary = "----esante" + secrets.token_hex(12)
        request = urllib.request.Request(
            urljoin(self.base, path), data=multipart(boundary, form, files), method="POST",
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        )
        # The same sender as every other request of this visitor: its cookies, no redirects.
        return self.send(request)


def multipart(boundary: str, fields: Mapping[str, str], files: Mapping[str, tuple[str, str, bytes]]) -> bytes:
    """A multipart/form-data body, as browsers encode it."""
    parts: list[bytes] = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
                     + value.encode() + b"\r\n")
    for name, (filename, content_type, content) in files.items():
        head = (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                f"Content-Type: {content_type}\r\n\r\n")
        parts.append(head.encode() + content + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode()


@dataclass
class Patient:
    """A persona with an activated account, and a browser signed in as them."""

    persona: dict[str, object]
    visitor: DspVisitor

    @property
    def matricule(self) -> str:
        """The patient's matricule."""
        return str(self.persona["matricule"])

    @property
    def full_name(self) -> str:
        """« Prénom Nom »."""
        return f"{self.persona['first_name']} {self.persona['last_name']}"


def portal(world: World) -> str:
    """The portal's base URL."""
    assert world.urls is not None
    return world.urls.portal


def sign_in(world: World, persona: Mapping[str, object]) -> DspVisitor:
    """A new browser signed in with matricule, password and the code sent to the mobile."""
    visitor = DspVisitor(portal(world))
    visitor.get(SIGN_IN)
    reply = visitor.post(SIGN_IN, {"matricule": str(persona["matricule"]), "password": PASSWORD})
    assert reply.location == "/connexion/code", reply.text
    reply = visitor.post("/connexion/code", {"code": latest_code(world, str(persona["mobile"]))})
    assert reply.location == "/mes-services", reply.text
    visitor.get("/mes-services")
    return visitor


def activated(world: World, **fields: object) -> dict[str, object]:
    """A persona whose account was activated through the patient wizard."""
    persona = new_persona(world, **fields)
    activate(world, Visitor(portal(world)), persona)
    return persona


def signed_in_patient(world: World, **fields: object) -> Patient:
    """An activated patient, signed in."""
    persona = activated(world, **fields)
    return Patient(persona, sign_in(world, persona))


def own_record(visitor: Visitor) -> str:
    """The path of the signed-in person's own record, from « /dsp »."""
    reply = visitor.get("/dsp")
    assert reply.status == 303 and reply.location and RECORD_PATH.match(reply.location), reply.status
    return reply.location


def add_assistant(visitor: Visitor, record: str, matricule: str) -> Reply:
    """« Ajouter », « Nom », « Numéro assuré » and « Rechercher », the result, then « ✓ »."""
    assert visitor.get(f"{record}/assistants/ajouter").status == 200
    assert visitor.get(f"{record}/assistants/recherche").status == 200
    reply = visitor.post(f"{record}/assistants/recherche", {"numero_assure": matricule})
    assert reply.location == f"{record}/assistants/recherche", reply.text
    assert visitor.get(f"{record}/assistants/recherche").status == 200
    reply = visitor.post(f"{record}/assistants/choisir", {"matricule": matricule})
    assert reply.location == f"{record}/assistants/ajouter", reply.text
    assert visitor.get(f"{record}/assistants/ajouter").status == 200
    return visitor.post(f"{record}/assistants", {"matricule": matricule, "type": "Assistant DSP", "role": ""})


def family(world: World, children: int = 1) -> tuple[Patient, list[Patient]]:
    """A parent and minor children whose codes go to the parent's mobile, each signed in."""
    parent = signed_in_patient(world)
    kids = [
        signed_in_patient(world, minor=True, mobile=parent.persona["mobile"], email=parent.persona["email"])
        for _ in range(children)
    ]
    return parent, kids


# Reading pages ----------------------------------------------------------------------------------


def text_of(fragment: str) -> str:
    """What a person reads in an HTML fragment: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


# A table labelled by a heading's id, whatever other attributes (such as its role) it has.
TABLE = r'<table class="data"[^>]*? aria-labelledby="{labelled_by}"[^>]*>(.*?)</table>'


def table_rows(reply: Reply, labelled_by: str) -> list[list[str]]:
    """The body rows of the table labelled by a heading's id, as the cells' texts."""
    table = re.search(TABLE.format(labelled_by=labelled_by), reply.body, re.S)
    assert table is not None, f"no table labelled by {labelled_by}"
    body = re.split(r"<tbody[^>]*>", table.group(1), maxsplit=1)[1]
    return [[text_of(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]


def column_headers(reply: Reply, labelled_by: str) -> list[str]:
    """The column headers of the table labelled by a heading's id."""
    table = re.search(TABLE.format(labelled_by=labelled_by), reply.body, re.S)
    assert table is not None, f"no table labelled by {labelled_by}"
    return [text_of(h) for h in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table.group(1), re.S)]


def links(reply: Reply) -> dict[str, str]:
    """Each link's text (or aria-label) and where it leads."""
    found: dict[str, str] = {}
    for attributes, content in re.findall(r"<a ([^>]*)>(.*?)</a>", reply.body, re.S):
        href = re.search(r'href="([^"]*)"', attributes)
        label = re.search(r'aria-label="([^"]*)"', attributes)
        name = html.unescape(label.group(1)) if label else text_of(content)
        if href:
            found[name] = html.unescape(href.group(1))
    return found


def document_links(reply: Reply, labelled_by: str = "latest-title") -> dict[str, str]:
    """The documents of a table: title to download path."""
    table = re.search(TABLE.format(labelled_by=labelled_by), reply.body, re.S)
    assert table is not None
    return {text_of(title): html.unescape(href)
            for href, title in re.findall(r'<a href="([^"]*)" download>(.*?)</a>', table.group(1), re.S)}


def alert(reply: Reply) -> str:
    """The text of the page's error summary, empty if there is none."""
    found = re.search(r'<div class="error-summary" role="alert">(.*?)</div>', reply.body, re.S)
    return text_of(found.group(1)) if found else ""


def trace_actions(visitor: Visitor, record: str) -> list[tuple[str, str]]:
    """The « Traçabilité » as (Qui, Action) pairs, newest first."""
    reply = visitor.get(f"{record}/tracabilite")
    assert reply.status == 200, reply.status
    return [(row[1], row[2]) for row in table_rows(reply, "trace-title") if len(row) == 3]
