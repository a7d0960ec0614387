"""Tests of the DSP over HTTP: the record's page, its documents, uploads and who may see them."""

from __future__ import annotations

import datetime as dt
import http.client
import re
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from dsp_http import (
    DENIED,
    EMPTY_TABLE,
    RECORD_PATH,
    DspVisitor,
    Patient,
    alert,
    column_headers,
    document_links,
    links,
    own_record,
    portal,
    signed_in_patient,
    table_rows,
    trace_actions,
)
from server_http import field_errors, input_value, new_persona
from web_client import Reply, json_request

from reference_server.world import World

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
WRONG_TYPE = "Seuls les documents PDF et les images PNG ou JPEG sont acceptés."
TOO_LARGE = "Le document dépasse la taille maximale de 5 Mo."
NO_DOCUMENT = "Veuillez choisir un document."
NO_TITLE = "Veuillez donner un titre au document."
FIVE_MO = 5 * 1024 * 1024
LUXEMBOURG = ZoneInfo("Europe/Luxembourg")


def world_today(world: World) -> dt.date:
    """The world's date in Luxembourg, which the DSP shows."""
    reply = json_request(portal(world) + "_test/clock")
    now = dt.datetime.fromisoformat(str(reply.json()["now"]))  # type: ignore[index]
    return now.astimezone(LUXEMBOURG).date()


def upload(patient: Patient, record: str, title: str = "Bilan sanguin de contrôle",
           file: tuple[str, str, bytes] | None = ("bilan.pdf", "application/pdf", PDF),
           kind: str = "Résultat d'analyse") -> Reply:
    """« Déposer un document » with a file, a title and a type."""
    files = {"document": file} if file else {}
    fields = {"document_title": title, "document_kind": kind}
    return patient.visitor.upload(f"{record}/documents", fields, files)


@pytest.fixture
def patient(support_world: World) -> Patient:
    """A signed-in patient whose record is empty."""
    return signed_in_patient(support_world)


# « Mes services eSanté » and the way in -----------------------------------------------------------


def test_my_services_links_the_dsp_to_the_patients_own_record(support_world: World, patient: Patient):
    page = patient.visitor.get("/mes-services")

    assert '<h2><a href="/dsp">Dossier de Soins Partagé (DSP)</a></h2>' in page.body
    record = own_record(patient.visitor)
    # The id is opaque, and the same each time.
    assert patient.matricule not in record
    assert own_record(patient.visitor) == record


@pytest.mark.parametrize("path", ["/dsp", "/dsp/autres-dossiers", "/dsp/AAAAAAAAAAAAAAAA",
                                  "/dsp/AAAAAAAAAAAAAAAA/documents/1"])
def test_the_dsp_without_signing_in_leads_to_sign_in(support_world: World, path: str):
    visitor = DspVisitor(portal(support_world))

    reply = visitor.get(path)

    assert reply.status == 303 and reply.location == "/connexion"
    assert "Veuillez vous connecter" in visitor.get("/connexion").text


def test_a_record_url_without_signing_in_leads_to_sign_in(support_world: World, patient: Patient):
    record = own_record(patient.visitor)

    reply = DspVisitor(portal(support_world)).get(record)

    assert reply.status == 303 and reply.location == "/connexion"


def test_an_unknown_record_is_not_found(patient: Patient):
    assert patient.visitor.get("/dsp/AAAAAAAAAAAAAAAA").status == 404


# The « Synthèse » ---------------------------------------------------------------------------------


def test_the_record_shows_its_owner_age_and_birth_date(support_world: World):
    patient = signed_in_patient(support_world, birth_date="1980-05-17")
    today = world_today(support_world)
    years = today.year - 1980 - ((today.month, today.day) < (5, 17))

    page = patient.visitor.get(own_record(patient.visitor))

    assert page.status == 200
    assert f"<h1>{patient.full_name}</h1>" in page.text
    assert f"{years} ans" in page.text
    assert "né(e) le 17/05/1980" in page.text
    # The owner sees no assistant's notice.
    assert 'role="note"' not in page.body


def test_the_record_has_four_tabs_and_a_way_to_other_records(patient: Patient):
    record = own_record(patient.visitor)

    page = patient.visitor.get(record)

    nav = re.search(r'<nav class="tabs dsp-tabs" aria-label="Dossier de Soins Partagé">(.*?)</nav>',
                    page.body, re.S)
    assert nav is not None
    found = links(page)
    assert found["Synthèse"] == record
    assert found["Ligne de vie"] == f"{record}/ligne-de-vie"
    assert found["Vue documentaire"] == f"{record}/documents"
    assert found["Traçabilité"] == f"{record}/tracabilite"
    assert found["Accéder aux autres dossiers patient"] == "/dsp/autres-dossiers"
    assert f'<a href="{record}" aria-current="page">Synthèse</a>' in nav.group(1)


def test_an_empty_record_shows_its_sections_and_empty_tables(patient: Patient):
    page = patient.visitor.get(own_record(patient.visitor))

    for heading in ("Mes derniers documents", "Déposer un document", "Cercle Médical de Confiance",
                    "Assistants"):
        assert re.search(rf"<h2 id=\"[a-z-]+\">{heading}</h2>", page.text), heading
    assert column_headers(page, "latest-title") == ["Date", "Titre", "Auteur"]
    assert column_headers(page, "circle-title") == ["Nom", "Type", "Rôle", "Contact"]
    assert column_headers(page, "assistants-title")[:3] == ["Nom", "Type", "Rôle"]
    for table in ("latest-title", "circle-title", "assistants-title"):
        assert table_rows(page, table) == [[EMPTY_TABLE]]
    assert "Plus de détails" in links(page)
    assert "Ajouter" in links(page)


def test_the_upload_form_has_the_guides_fields(patient: Patient):
    page = patient.visitor.get(own_record(patient.visitor))

    assert 'enctype="multipart/form-data"' in page.body
    assert re.search(r'<label for="document">Document <span', page.body)
    assert '<input id="document" name="document" type="file"' in page.body
    assert '<label for="document_title">Titre du document' in page.text
    assert '<label for="document_kind">Type de document</label>' in page.text
    options = re.findall(r'<option value="[^"]*"[^>]*>([^<]*)</option>', page.text)
    assert options == ["Compte rendu", "Résultat d'analyse", "Imagerie", "Ordonnance", "Autre"]
    assert '<button type="submit" class="button button-primary">Déposer un document</button>' in page.body


# Seeded documents and the circle of trust --------------------------------------------------------


def test_seeded_documents_are_listed_newest_first_with_date_title_and_author(support_world: World):
    patient = signed_in_patient(support_world, dsp_documents=3, trust_circle=2)
    seeded = patient.persona["dsp"]["documents"]  # type: ignore[index]

    page = patient.visitor.get(own_record(patient.visitor))

    expected = [[dt.date.fromisoformat(d["date"]).strftime("%d/%m/%Y"), d["title"], d["author"]]
                for d in seeded]
    assert table_rows(page, "latest-title") == expected
    dates = [dt.date.fromisoformat(d["date"]) for d in seeded]
    assert dates == sorted(dates, reverse=True) and dates[0] < world_today(support_world)
    assert all(d["author"].startswith("Dr ") for d in seeded)


def test_seeded_documents_download_as_real_pdfs_and_are_traced(support_world: World):
    patient = signed_in_patient(support_world, dsp_documents=2)
    record = own_record(patient.visitor)
    documents = document_links(patient.visitor.get(record))

    for title, path in documents.items():
        reply = patient.visitor.get(path)
        assert reply.status == 200
        assert reply.content.startswith(b"%PDF-") and b"%%EOF" in reply.content[-32:]
        assert reply.headers["Content-Type"] == "application/pdf"
        assert reply.headers["Content-Disposition"].startswith('attachment; filename="')
        assert re.fullmatch(r'attachment; filename="[a-z0-9-]+\.pdf"', reply.headers["Content-Disposition"])
        assert reply.headers["X-Content-Type-Options"] == "nosniff"
        assert (patient.full_name, f"a téléchargé le document « {title} »") in trace_actions(
            patient.visitor, record)


def test_the_circle_of_trust_is_listed_with_more_details(support_world: World):
    patient = signed_in_patient(support_world, trust_circle=3)
    circle = patient.persona["dsp"]["trust_circle"]  # type: ignore[index]
    record = own_record(patient.visitor)

    rows = table_rows(patient.visitor.get(record), "circle-title")
    details = patient.visitor.get(links(patient.visitor.get(record))["Plus de détails"])

    assert [row[:3] for row in rows] == [[m["name"], m["type"], m["role"]] for m in circle]
    assert all(re.fullmatch(r"\+352 \d{2} \d{2} \d{2} \d{2}", row[3]) for row in rows)
    assert circle[0]["role"] == "Médecin référent"
    assert details.status == 200
    assert [row[:4] for row in table_rows(details, "circle-title")] == [
        [m["name"], m["type"], m["role"], m["contact"]] for m in circle]
    assert column_headers(details, "circle-title")[4:] == ["E-mail", "Cabinet", "Depuis le"]


def test_the_latest_documents_are_ten_and_the_document_view_has_them_all(support_world: World):
    patient = signed_in_patient(support_world, dsp_documents=10)
    record = own_record(patient.visitor)
    assert upload(patient, record, "Carnet de santé").status == 303

    latest = table_rows(patient.visitor.get(record), "latest-title")
    everything = table_rows(patient.visitor.get(f"{record}/documents"), "all-title")

    assert len(latest) == 10 and latest[0][1] == "Carnet de santé"
    assert len(everything) == 11
    assert (patient.full_name, "a consulté la vue documentaire") in trace_actions(patient.visitor, record)


def test_the_timeline_groups_documents_by_year_newest_first(support_world: World):
    patient = signed_in_patient(support_world, dsp_documents=6)
    record = own_record(patient.visitor)
    seeded = patient.persona["dsp"]["documents"]  # type: ignore[index]

    page = patient.visitor.get(f"{record}/ligne-de-vie")

    years = [int(y) for y in re.findall(r"<h3>(\d{4})</h3>", page.body)]
    assert years == sorted({int(d["date"][:4]) for d in seeded}, reverse=True)
    assert all(d["title"] in page.text for d in seeded)
    assert (patient.full_name, "a consulté la ligne de vie") in trace_actions(patient.visitor, record)


# Uploads ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("file", "media_type"), [
    (("bilan.pdf", "application/pdf", PDF), "application/pdf"),
    (("radio.png", "image/png", PNG), "image/png"),
    # The name and the browser's type are not what decides: the bytes are.
    (("scan.bin", "application/octet-stream", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"), "image/jpeg"),
])
def test_a_pdf_or_an_image_is_stored_listed_today_and_downloadable(
    support_world: World, patient: Patient, file: tuple[str, str, bytes], media_type: str,
):
    record = own_record(patient.visitor)

    reply = upload(patient, record, "Bilan sanguin de contrôle", file)

    assert reply.status == 303 and reply.location == record
    page = patient.visitor.get(record)
    assert "Le document « Bilan sanguin de contrôle » a été déposé." in page.text
    today = world_today(support_world).strftime("%d/%m/%Y")
    assert table_rows(page, "latest-title") == [[today, "Bilan sanguin de contrôle", patient.full_name]]
    download = patient.visitor.get(document_links(page)["Bilan sanguin de contrôle"])
    assert download.content == file[2]
    assert download.headers["Content-Type"] == media_type
    extension = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}[media_type]
    assert download.headers["Content-Disposition"] == (
        f'attachment; filename="bilan-sanguin-de-controle.{extension}"')
    assert (patient.full_name, "a déposé le document « Bilan sanguin de contrôle »") in trace_actions(
        patient.visitor, record)


@pytest.mark.parametrize(("title", "file", "field", "message"), [
    ("Notes personnelles", ("notes.txt", "application/pdf", b"Quelques notes, pas un PDF.\n"),
     "document", WRONG_TYPE),
    ("Notes personnelles", ("notes.pdf", "application/pdf", b""), "document", WRONG_TYPE),
    ("Scanner complet", ("scanner.pdf", "application/pdf", b"%PDF-" + b"0" * (FIVE_MO - 4)),
     "document", TOO_LARGE),
    ("", ("bilan.pdf", "application/pdf", PDF), "document_title", NO_TITLE),
    ("Notes personnelles", None, "document", NO_DOCUMENT),
])
def test_a_refused_upload_says_why_keeps_the_entries_and_stores_nothing(
    patient: Patient, title: str, file: tuple[str, str, bytes] | None, field: str, message: str,
):
    record = own_record(patient.visitor)

    reply = upload(patient, record, title, file, kind="Imagerie")

    assert reply.status == 422
    assert field_errors(reply, field) == [message]
    assert message in alert(reply)
    assert input_value(reply, "document_title") == title
    assert '<option value="Imagerie" selected>' in reply.body
    assert table_rows(patient.visitor.get(record), "latest-title") == [[EMPTY_TABLE]]


def test_a_file_of_exactly_five_mo_is_accepted(patient: Patient):
    record = own_record(patient.visitor)
    content = b"%PDF-" + b"0" * (FIVE_MO - 5)

    reply = upload(patient, record, "Scanner complet", ("scanner.pdf", "application/pdf", content))

    assert reply.status == 303


def test_a_title_longer_than_200_characters_is_refused(patient: Patient):
    record = own_record(patient.visitor)

    reply = upload(patient, record, "x" * 201)

    assert reply.status == 422
    assert field_errors(reply, "document_title") == [
        "Le titre du document ne doit pas dépasser 200 caractères."]


def test_a_body_far_over_the_limit_is_refused_before_it_is_read(support_world: World, patient: Patient):
    record = own_record(patient.visitor)
    cookie = patient.visitor.session_cookie
    assert cookie is not None
    address = urlsplit(portal(support_world))
    connection = http.client.HTTPConnection(address.hostname or "", address.port, timeout=10)
    try:
        # Only the headers are sent: the answer must come without the announced 50 Mo.
        connection.putrequest("POST", f"{record}/documents")
        connection.putheader("Content-Type", "multipart/form-data; boundary=x")
        connection.putheader("Content-Length", str(50 * 1024 * 1024))
        connection.putheader("Cookie", f"{cookie.name}={cookie.value}")
        connection.endheaders()
        answer = connection.getresponse()
        body = answer.read().decode()
    finally:
        connection.close()

    assert answer.status == 413
    assert TOO_LARGE in body


def test_an_upload_without_the_csrf_token_is_refused(patient: Patient):
    record = own_record(patient.visitor)

    reply = patient.visitor.upload(
        f"{record}/documents", {"document_title": "Bilan", "document_kind": "Autre"},
        {"document": ("bilan.pdf", "application/pdf", PDF)}, with_csrf=False,
    )

    assert reply.status == 403
    assert table_rows(patient.visitor.get(record), "latest-title") == [[EMPTY_TABLE]]


def test_a_document_of_another_record_is_not_served_through_ones_own(support_world: World):
    owner = signed_in_patient(support_world, dsp_documents=1)
    other = signed_in_patient(support_world)
    owners_document = next(iter(document_links(owner.visitor.get(own_record(owner.visitor))).values()))
    document_id = owners_document.rsplit("/", 1)[1]

    reply = other.visitor.get(f"{own_record(other.visitor)}/documents/{document_id}")

    assert reply.status == 404


def test_an_outsider_is_refused_every_page_and_the_attempts_are_traced(support_world: World):
    owner = signed_in_patient(support_world, dsp_documents=1)
    outsider = signed_in_patient(support_world)
    record = own_record(owner.visitor)
    document = next(iter(document_links(owner.visitor.get(record)).values()))
    outsider.visitor.get(own_record(outsider.visitor))

    for path in (record, f"{record}/documents", f"{record}/ligne-de-vie", f"{record}/tracabilite",
                 f"{record}/cercle-de-confiance", f"{record}/assistants/ajouter", document):
        reply = outsider.visitor.get(path)
        assert reply.status == 403, path
        assert DENIED in reply.text
        assert owner.full_name not in reply.text
    reply = upload(outsider, record, "Intrus")
    assert reply.status == 403

    refusals = [t for t in trace_actions(owner.visitor, record) if t[1].startswith("Accès refusé")]
    assert refusals[0] == (outsider.full_name, f"Accès refusé à {outsider.full_name}")
    assert len(refusals) == 8
    assert len(table_rows(owner.visitor.get(record), "latest-title")) == 1


# Personas of the test-support interface ----------------------------------------------------------


def test_a_minor_persona_is_two_to_seventeen_years_old(support_world: World):
    today = world_today(support_world)

    for _ in range(5):
        persona = new_persona(support_world, minor=True)
        born = dt.date.fromisoformat(str(persona["birth_date"]))
        years = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        assert 2 <= years <= 17
        assert persona["activation_code"]


@pytest.mark.parametrize("fields", [
    {"minor": True, "kind": "professional"},
    {"minor": "oui"},
    {"minor": True, "birth_date": "1980-01-01"},
    {"dsp_documents": 11},
    {"dsp_documents": -1},
    {"dsp_documents": True},
    {"trust_circle": 6},
    {"trust_circle": "2"},
])
def test_impossible_persona_options_are_refused(support_world: World, fields: dict[str, object]):
    reply = json_request(portal(support_world) + "_test/personas", fields)

    assert reply.status == 400


def test_a_seeded_persona_describes_its_record(support_world: World):
    persona = new_persona(support_world, dsp_documents=4, trust_circle=5)

    dsp = persona["dsp"]
    assert isinstance(dsp, dict)
    assert RECORD_PATH.match(f"/dsp/{dsp['record_id']}")
    assert len(dsp["documents"]) == 4 and len({d["title"] for d in dsp["documents"]}) == 4
    assert {"title", "author"} <= dsp["documents"][0].keys()
    assert len(dsp["trust_circle"]) == 5
    assert {"name", "type", "role"} <= dsp["trust_circle"][0].keys()
    assert "dsp" not in new_persona(support_world)
