"""The Dossier de Soins Partagé (patient guide pp. 17–21): tabs, documents, assistants, trace."""

import datetime as dt
import re
from dataclasses import dataclass, replace
from itertools import groupby

from bottle import Bottle, FileUpload, HTTPError, redirect, request, response

from reference_server.domain import matricule
from reference_server.portal.dsp_files import (
    FORM_OVERHEAD,
    BodyLimit,
    download_name,
    media_type_of,
    read_at_most,
)
from reference_server.portal.dsp_records import (
    ASSISTANT_TYPE,
    DOCUMENT_KINDS,
    Access,
    Candidate,
    Holder,
    NewDocument,
    Refusal,
    Visit,
)
from reference_server.portal.my_services import ACCOUNT_KEY
from reference_server.portal.services import PortalServices
from reference_server.portal.web import SessionPlugin, current_session, flash, form_text, render

BASE = "/dsp"
OTHERS = f"{BASE}/autres-dossiers"
LATEST = 10
MAX_TITLE = 200
MAX_ROLE = 100
PENDING_KEY = "dsp_new_assistant"
TABS = (
    ("synthese", "Synthèse", ""),
    ("ligne-de-vie", "Ligne de vie", "/ligne-de-vie"),
    ("documents", "Vue documentaire", "/documents"),
    ("tracabilite", "Traçabilité", "/tracabilite"),
)
SIGN_IN_FIRST = "Veuillez vous connecter pour accéder à votre Dossier de Soins Partagé."
DENIED = "Accès refusé : vous n'avez pas accès à ce dossier."
WRONG_TYPE = "Seuls les documents PDF et les images PNG ou JPEG sont acceptés."
TOO_LARGE = "Le document dépasse la taille maximale de 5 Mo."
NO_DOCUMENT = "Veuillez choisir un document."
NO_TITLE = "Veuillez donner un titre au document."
NOT_FOUND = "Aucun patient trouvé pour ce numéro assuré."
OWN_RECORD = "Vous ne pouvez pas vous ajouter comme assistant de votre propre dossier."
# A row id as SQLite stores it: ASCII digits only, since int() and str.isdigit() also take « １２ »
# or « ² », and at most 18 of them, so that it always fits SQLite's 64-bit integers.
ID_PATTERN = "[0-9]{1,18}"

Errors = dict[str, list[str]]


@dataclass(frozen=True)
class NewRow:
    """The empty row « Ajouter » opens in « Assistants », and its search for « Nom »."""

    chosen: Holder | None = None
    role: str = ""
    searching: bool = False
    number: str = ""
    found: Holder | None = None


class DspPages:
    """Every page of the DSP; each one checks that the viewer may use the record."""

    def __init__(self, services: PortalServices) -> None:
        self.services = services
        self.records = services.dsp

    # Who may see what -------------------------------------------------------------------------------

    def viewer(self) -> str:
        """The signed-in person's matricule; anyone else is sent to sign in."""
        number = current_session().data.get(ACCOUNT_KEY)
        account = self.services.accounts.get(str(number)) if number else None
        if account is None:
            flash(SIGN_IN_FIRST)
            redirect("/connexion")
        return account.matricule

    def enter(self, record_id: str, action: str | None = None) -> Visit:
        """The record if the viewer is its owner or a current assistant; refusals are traced."""
        visit = self.records.visit(record_id, self.viewer(), action)
        if visit is None:
            raise HTTPError(404)
        if visit.access is None:
            raise HTTPError(403, DENIED)
        return visit

    # Pages ------------------------------------------------------------------------------------------

    def own(self) -> None:
        """« Dossier de Soins Partagé (DSP) » leads to the person's own record."""
        record = self.records.own_record(self.viewer())
        redirect(f"{BASE}/{record.id}")

    def others(self) -> str:
        """« Accéder aux autres dossiers patient »: the records the viewer assists."""
        records = self.records.assisted(self.viewer())
        return render("dsp_others.tpl", records=records)

    def synthesis(self, record_id: str) -> str:
        """« Synthèse »: latest documents, upload, circle of trust and assistants."""
        visit = self.enter(record_id, "a consulté le dossier")
        current_session().data.pop(PENDING_KEY, None)
        return self._synthesis(visit)

    def documents(self, record_id: str) -> str:
        """« Vue documentaire »: every document."""
        visit = self.enter(record_id, "a consulté la vue documentaire")
        return render("dsp_documents.tpl", **self._frame(visit, "documents"),
                      documents=self.records.documents(record_id))

    def timeline(self, record_id: str) -> str:
        """« Ligne de vie »: the documents year by year, newest first."""
        visit = self.enter(record_id, "a consulté la ligne de vie")
        years = [(year, list(documents)) for year, documents
                 in groupby(self.records.documents(record_id), key=lambda d: d.date.year)]
        return render("dsp_timeline.tpl", **self._frame(visit, "ligne-de-vie"), years=years)

    def trace(self, record_id: str) -> str:
        """« Traçabilité »: every access and action on the record, newest first."""
        visit = self.enter(record_id, "a consulté la traçabilité")
        return render("dsp_trace.tpl", **self._frame(visit, "tracabilite"),
                      entries=self.records.trace(record_id))

    def trust_circle(self, record_id: str) -> str:
        """« Plus de détails » on the « Cercle Médical de Confiance »."""
        visit = self.enter(record_id, "a consulté le cercle médical de confiance")
        return render("dsp_circle.tpl", **self._frame(visit, ""),
                      circle=self.records.trust_circle(record_id))

    # Documents --------------------------------------------------------------------------------------

    def download(self, record_id: str, document_id: str) -> bytes:
        """A document as an attachment, never rendered in the portal's origin."""
        visit = self.enter(record_id)
        found = self.records.download(record_id, visit.viewer, int(document_id))
        if found is None:
            raise HTTPError(404)
        document, content = found
        response.content_type = document.media_type
        name = download_name(document.title, document.media_type)
        response.set_header("Content-Disposition", f'attachment; filename="{name}"')
        response.set_header("X-Content-Type-Options", "nosniff")
        response.set_header("Content-Security-Policy", "default-src 'none'; sandbox")
        return content

    def deposit(self, record_id: str) -> str:
        """« Déposer un document »: a PDF, PNG or JPEG, with a title and a type."""
        visit = self.enter(record_id)
        title = " ".join(form_text("document_title").split())
        kind = form_text("document_kind")
        errors, content, media_type = self._checked_upload(title, kind)
        if errors or content is None or media_type is None:
            typed = {"document_title": title, "document_kind": kind}
            return self._synthesis(visit, upload_errors=errors, typed=typed)
        if not self.records.deposit(record_id, visit.viewer, NewDocument(title, kind, media_type, content)):
            raise HTTPError(403, DENIED)
        flash(f"Le document « {title} » a été déposé.")
        redirect(f"{BASE}/{record_id}")
        raise AssertionError("unreachable")

    def _checked_upload(self, title: str, kind: str) -> tuple[Errors, bytes | None, str | None]:
        """The upload's problems, or its content and real format."""
        errors: Errors = {}
        upload = request.files.get("document")
        content = media_type = None
        if not isinstance(upload, FileUpload):
            errors["document"] = [NO_DOCUMENT]
        else:
            content = read_at_most(upload.file, self.records.max_document_bytes)
            media_type = media_type_of(content) if content is not None else None
            if content is None:
                errors["document"] = [TOO_LARGE]
            elif media_type is None:
                errors["document"] = [WRONG_TYPE]
        if not title:
            errors["document_title"] = [NO_TITLE]
        elif len(title) > MAX_TITLE:
            errors["document_title"] = [f"Le titre du document ne doit pas dépasser {MAX_TITLE} caractères."]
        if kind not in DOCUMENT_KINDS:
            errors["document_kind"] = ["Veuillez choisir un type de document."]
        return errors, content, media_type

    # Assistants (pp. 19–20) -------------------------------------------------------------------------

    def start_adding(self, record_id: str) -> str:
        """« Ajouter »: a new empty row, or the row with the person chosen with « Nom »."""
        visit = self.enter(record_id)
        return self._synthesis(visit, row=self._row(visit))

    def show_search(self, record_id: str) -> str:
        """« Nom »: the « Numéro assuré » search, with its result."""
        visit = self.enter(record_id)
        return self._synthesis(visit, row=self._row(visit, searching=True))

    def search(self, record_id: str) -> str:
        """« Rechercher »: only holders of an activated account are found."""
        visit = self.enter(record_id)
        typed = form_text("numero_assure").strip()
        number = matricule.clean(typed)
        throttled = self._throttled(visit.viewer) if number else None
        candidate = self.records.candidate(record_id, number) if number and not throttled else Candidate(None)
        message = throttled or (
            self._refusal_message(visit, candidate) if number else "Veuillez saisir un numéro assuré.")
        if message or candidate.holder is None:
            row = replace(self._row(visit, searching=True), number=typed, found=None)
            return self._synthesis(visit, row=row, assistant_errors={"numero_assure": [message or NOT_FOUND]})
        self._pending(record_id).update(number=typed, found=candidate.holder.matricule)
        redirect(f"{BASE}/{record_id}/assistants/recherche#assistants")
        raise AssertionError("unreachable")

    def choose(self, record_id: str) -> str:
        """A search result: it fills « Nom » in the new row."""
        visit = self.enter(record_id)
        number = form_text("matricule")
        # Choosing is a look-up too, unless the number is the one this session's search found.
        throttled = None if number == self._pending(record_id).get("found") else self._throttled(visit.viewer)
        candidate = Candidate(None) if throttled else self.records.candidate(record_id, number)
        message = throttled or self._refusal_message(visit, candidate)
        if message or candidate.holder is None:
            return self._synthesis(visit, row=self._row(visit, searching=True),
                                   assistant_errors={"numero_assure": [message or NOT_FOUND]})
        self._pending(record_id).update(chosen=candidate.holder.matricule, found=None)
        redirect(f"{BASE}/{record_id}/assistants/ajouter#assistants")
        raise AssertionError("unreachable")

    def save_assistant(self, record_id: str) -> str:
        """« ✓ »: checked again on the server before the assistant is saved."""
        visit = self.enter(record_id)
        number, role = form_text("matricule"), " ".join(form_text("role").split())
        errors = self._row_problems(number, role)
        # Saving names the person too, unless they are the one chosen with « Nom » in this session.
        if not errors and number != self._pending(record_id).get("chosen"):
            throttled = self._throttled(visit.viewer)
            errors = {"assistant": [throttled]} if throttled else {}
        if not errors:
            outcome = self.records.add_assistant(record_id, visit.viewer, number, role)
            if outcome.refusal is Refusal.NO_ACCESS:
                raise HTTPError(403, DENIED)
            message = self._refusal_message(visit, outcome)
            if message is None and outcome.holder is not None:
                current_session().data.pop(PENDING_KEY, None)
                flash(f"{outcome.holder.full_name} a été ajouté(e) comme assistant DSP.")
                redirect(f"{BASE}/{record_id}")
            errors = {"assistant": [message or NOT_FOUND]}
        row = replace(self._row(visit), role=role)
        return self._synthesis(visit, row=row, assistant_errors=errors)

    def remove_assistant(self, record_id: str) -> None:
        """« Supprimer »: the assistant loses access at once, even in an open session."""
        visit = self.enter(record_id)
        assistant_id = parse_id(form_text("assistant"))
        outcome = (Candidate(None, Refusal.NOT_FOUND) if assistant_id is None
                   else self.records.remove_assistant(record_id, visit.viewer, assistant_id))
        if outcome.refusal is Refusal.NO_ACCESS:
            raise HTTPError(403, DENIED)
        if outcome.holder is None:
            flash("Cet assistant ne figure plus dans le dossier.")
        elif outcome.holder.matricule == visit.viewer:
            flash(f"Vous n'êtes plus assistant DSP du dossier de {visit.record.owner.full_name}.")
            redirect(BASE)
        else:
            flash(f"{outcome.holder.full_name} a été retiré(e) des assistants DSP.")
        redirect(f"{BASE}/{record_id}")

    def _throttled(self, viewer: str) -> str | None:
        """Count a look-up of a « Numéro assuré »; why not, when the account made too many."""
        return self.services.dsp_searches.reserve(viewer)

    def _row_problems(self, number: str, role: str) -> Errors:
        """What the new row lacks before the database is asked."""
        errors: Errors = {}
        if not number:
            errors["assistant"] = ["Veuillez choisir la personne à ajouter en cliquant sur « Nom »."]
        if form_text("type") != ASSISTANT_TYPE:
            errors["assistant_type"] = ["Veuillez choisir le type « Assistant DSP »."]
        if len(role) > MAX_ROLE:
            errors["assistant_role"] = [f"Le rôle ne doit pas dépasser {MAX_ROLE} caractères."]
        return errors

    def _refusal_message(self, visit: Visit, candidate: Candidate) -> str | None:
        """Why a person cannot be added, in words for the viewer; None when they can."""
        if candidate.refusal is Refusal.OWNER:
            if visit.access is Access.OWNER:
                return OWN_RECORD
            owner = visit.record.owner.full_name
            return f"{owner} est titulaire de ce dossier et ne peut pas en être assistant."
        if candidate.refusal is Refusal.DUPLICATE and candidate.holder is not None:
            return f"{candidate.holder.full_name} est déjà assistant DSP de ce dossier."
        if candidate.refusal is not None or candidate.holder is None:
            return NOT_FOUND
        return None

    def _pending(self, record_id: str) -> dict[str, object]:
        """The new row under way in this session, for this record only."""
        session = current_session().data
        pending = session.get(PENDING_KEY)
        if not isinstance(pending, dict) or pending.get("record") != record_id:
            pending = {"record": record_id}
            session[PENDING_KEY] = pending
        return pending

    def _row(self, visit: Visit, *, searching: bool = False) -> NewRow:
        """The new row as this session left it; people are checked again each time."""
        pending = self._pending(visit.record.id)
        return NewRow(
            chosen=self._still_candidate(visit, pending.get("chosen")),
            searching=searching,
            number=str(pending.get("number") or "") if searching else "",
            found=self._still_candidate(visit, pending.get("found")) if searching else None,
        )

    def _still_candidate(self, visit: Visit, number: object) -> Holder | None:
        """The person behind a number kept in the session, if they can still be added."""
        if not isinstance(number, str) or not number:
            return None
        candidate = self.records.candidate(visit.record.id, number)
        return candidate.holder if candidate.refusal is None else None

    # Rendering --------------------------------------------------------------------------------------

    def _synthesis(
        self, visit: Visit, *, row: NewRow | None = None, upload_errors: Errors | None = None,
        assistant_errors: Errors | None = None, typed: dict[str, str] | None = None,
    ) -> str:
        """The « Synthèse » tab, with the new assistant row and the errors of a refused form."""
        if upload_errors or assistant_errors:
            response.status = 422
        record_id = visit.record.id
        return render(
            "dsp_synthesis.tpl", **self._frame(visit, "synthese"),
            latest=self.records.documents(record_id, LATEST),
            circle=self.records.trust_circle(record_id),
            assistants=self.records.assistants(record_id),
            row=row, kinds=DOCUMENT_KINDS, assistant_type=ASSISTANT_TYPE,
            upload_errors=upload_errors or {}, assistant_errors=assistant_errors or {},
            typed=typed or {},
        )

    def _frame(self, visit: Visit, tab: str) -> dict[str, object]:
        """What the record's header and tabs show."""
        owner = visit.record.owner
        years = age(owner.birth_date, self.records.today())
        return {
            "record": visit.record,
            "base": f"{BASE}/{visit.record.id}",
            "as_assistant": visit.access is Access.ASSISTANT,
            "age": f"{years} an" if years < 2 else f"{years} ans",
            "born": owner.birth_date.strftime("%d/%m/%Y"),
            "tabs": TABS,
            "tab": tab,
        }


def parse_id(text: str) -> int | None:
    """A row id sent by a form, or None when it is not one."""
    return int(text) if re.fullmatch(ID_PATTERN, text) else None


def age(birth: dt.date, today: dt.date) -> int:
    """Full years between a birth date and today."""
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def create_app(services: PortalServices) -> Bottle:
    """The /dsp pages; the body limit comes first, since the CSRF check reads the body."""
    app = Bottle()
    app.install(BodyLimit(FORM_OVERHEAD, TOO_LARGE))
    app.install(SessionPlugin(services.sessions))
    pages = DspPages(services)
    record = f"{BASE}/<record_id>"
    app.route(BASE, "GET", pages.own)
    app.route(OTHERS, "GET", pages.others)
    app.route(record, "GET", pages.synthesis)
    app.route(f"{record}/documents", "GET", pages.documents)
    app.route(f"{record}/documents", "POST", pages.deposit,
              max_body=2 * services.dsp.max_document_bytes + FORM_OVERHEAD, too_large=TOO_LARGE)
    app.route(f"{record}/documents/<document_id:re:{ID_PATTERN}>", "GET", pages.download)
    app.route(f"{record}/ligne-de-vie", "GET", pages.timeline)
    app.route(f"{record}/tracabilite", "GET", pages.trace)
    app.route(f"{record}/cercle-de-confiance", "GET", pages.trust_circle)
    app.route(f"{record}/assistants/ajouter", "GET", pages.start_adding)
    app.route(f"{record}/assistants/recherche", "GET", pages.show_search)
    app.route(f"{record}/assistants/recherche", "POST", pages.search)
    app.route(f"{record}/assistants/choisir", "POST", pages.choose)
    app.route(f"{record}/assistants", "POST", pages.save_assistant)
    app.route(f"{record}/assistants/supprimer", "POST", pages.remove_assistant)
    return app
