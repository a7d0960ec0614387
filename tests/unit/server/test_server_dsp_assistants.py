"""Tests of « Assistant DSP » over HTTP: a parent made assistant of a minor's record (pp. 18–21)."""

from __future__ import annotations

import re

from dsp_http import (
    DENIED,
    EMPTY_TABLE,
    Patient,
    activated,
    add_assistant,
    alert,
    family,
    links,
    own_record,
    signed_in_patient,
    table_rows,
    trace_actions,
)
from server_http import field_errors, new_persona

from reference_server.world import World

PDF = b"%PDF-1.4\n%%EOF\n"
NOT_FOUND = "Aucun patient trouvé pour ce numéro assuré."
OWN_RECORD = "Vous ne pouvez pas vous ajouter comme assistant de votre propre dossier."


def search(patient: Patient, record: str, number: str):
    """« Rechercher » with a « Numéro assuré »; the page of results it leads to."""
    reply = patient.visitor.post(f"{record}/assistants/recherche", {"numero_assure": number})
    if reply.status == 303:
        return patient.visitor.get(f"{record}/assistants/recherche")
    return reply


def assistants_of(patient: Patient, record: str) -> list[list[str]]:
    """The rows of the « Assistants » table, as the record shows them."""
    return table_rows(patient.visitor.get(record), "assistants-title")


def test_a_parent_makes_themself_assistant_of_their_minor_child(support_world: World):
    parent, [child] = family(support_world)
    record = own_record(child.visitor)
    visitor = child.visitor

    # « Ajouter »: an empty row with « Nom », « Type », « Rôle » and « ✓ ».
    page = visitor.get(links(visitor.get(record))["Ajouter"].split("#")[0])
    assert page.status == 200
    assert links(page)["Nom"] == f"{record}/assistants/recherche#assistants"
    assert re.search(r'<label class="visually-hidden" for="assistant-type">Type</label>\s*'
                     r'<select id="assistant-type" name="type" form="new-assistant">\s*'
                     r'<option value="Assistant DSP" selected>Assistant DSP</option>', page.body)
    assert '<label class="visually-hidden" for="assistant-role">Rôle</label>' in page.text
    assert re.search(r'<input id="assistant-role" name="role" value=""', page.body)
    assert re.search(r'<button type="submit"[^>]*form="new-assistant"[^>]*>✓</button>', page.body)
    assert EMPTY_TABLE not in str(table_rows(page, "assistants-title"))

    # « Nom » → « Numéro assuré » and « Rechercher ».
    page = visitor.get(f"{record}/assistants/recherche")
    assert '<label for="numero_assure">Numéro assuré' in page.text
    assert '<button type="submit" class="button">Rechercher</button>' in page.body
    page = search(child, record, parent.matricule)
    result = f"{parent.full_name} ({parent.matricule})"
    assert re.search(rf'<button type="submit" name="matricule" value="{parent.matricule}" '
                     rf'class="link-button">{re.escape(result)}</button>', page.text)

    # The result fills « Nom »; the hidden input carries the matricule.
    reply = visitor.post(f"{record}/assistants/choisir", {"matricule": parent.matricule})
    assert reply.location == f"{record}/assistants/ajouter"
    page = visitor.get(f"{record}/assistants/ajouter")
    assert result in page.text
    assert (f'<input type="hidden" name="matricule" value="{parent.matricule}" form="new-assistant">'
            in page.body)

    # « ✓ » saves the row.
    reply = visitor.post(f"{record}/assistants",
                         {"matricule": parent.matricule, "type": "Assistant DSP", "role": ""})
    assert reply.status == 303 and reply.location == record
    page = visitor.get(record)
    assert f"{parent.full_name} a été ajouté(e) comme assistant DSP." in page.text
    assert table_rows(page, "assistants-title") == [[parent.full_name, "Assistant DSP", "", "Supprimer"]]
    assert f'aria-label="Supprimer {parent.full_name}"' in page.text
    assert (child.full_name, f"a ajouté {parent.full_name} comme assistant DSP") in trace_actions(
        visitor, record)


def test_the_assistant_reaches_the_childs_record_from_their_own(support_world: World):
    parent, [child] = family(support_world)
    record = own_record(child.visitor)
    assert add_assistant(child.visitor, record, parent.matricule).location == record

    own = parent.visitor.get(own_record(parent.visitor))
    others = parent.visitor.get(links(own)["Accéder aux autres dossiers patient"])
    page = parent.visitor.get(links(others)[child.full_name])

    assert page.status == 200
    assert f"<h1>{child.full_name}</h1>" in page.text
    note = re.search(r'<p class="notice" role="note">(.*?)</p>', page.body, re.S)
    assert note is not None
    assert (f"Vous consultez le dossier de {child.full_name} en tant qu'assistant DSP."
            in re.sub(r"\s+", " ", note.group(1)).replace("&#039;", "'"))
    assert links(page)["Retour à mon dossier"] == "/dsp"
    assert (parent.full_name, "a consulté le dossier en tant qu'assistant") in trace_actions(
        child.visitor, record)


def test_a_parent_assistant_of_two_children_finds_both(support_world: World):
    parent, children = family(support_world, children=2)
    for child in children:
        record = own_record(child.visitor)
        assert add_assistant(child.visitor, record, parent.matricule).location == record

    others = parent.visitor.get("/dsp/autres-dossiers")

    found = links(others)
    for child in children:
        assert found[child.full_name] == own_record(child.visitor)


def test_someone_who_assists_nobody_is_told_so(support_world: World):
    patient = signed_in_patient(support_world)

    page = patient.visitor.get("/dsp/autres-dossiers")

    assert page.status == 200
    assert "Aucun autre dossier" in page.text


def test_an_assistants_upload_is_traced_as_an_assistants(support_world: World):
    parent, [child] = family(support_world)
    record = own_record(child.visitor)
    add_assistant(child.visitor, record, parent.matricule)
    parent.visitor.get(record)

    reply = parent.visitor.upload(
        f"{record}/documents", {"document_title": "Carnet de vaccination", "document_kind": "Autre"},
        {"document": ("carnet.pdf", "application/pdf", PDF)},
    )

    assert reply.status == 303 and reply.location == record
    rows = table_rows(child.visitor.get(record), "latest-title")
    assert [row[1:] for row in rows] == [["Carnet de vaccination", parent.full_name]]
    actions = trace_actions(child.visitor, record)
    assert (parent.full_name,
            "a déposé le document « Carnet de vaccination » en tant qu'assistant") in actions


def test_an_assistant_manages_assistants_like_the_owner(support_world: World):
    parent, [child] = family(support_world)
    grandparent = activated(support_world)
    record = own_record(child.visitor)
    add_assistant(child.visitor, record, parent.matricule)
    parent.visitor.get(record)

    # The holder cannot be made their own assistant, whoever asks.
    page = search(parent, record, child.matricule)
    assert field_errors(page, "numero_assure") == [
        f"{child.full_name} est titulaire de ce dossier et ne peut pas en être assistant."]
    reply = add_assistant(parent.visitor, record, str(grandparent["matricule"]))

    assert reply.location == record
    names = [row[0] for row in assistants_of(child, record)]
    grandparent_name = f"{grandparent['first_name']} {grandparent['last_name']}"
    assert names == [parent.full_name, grandparent_name]
    assert (parent.full_name, f"a ajouté {grandparent_name} comme assistant DSP en tant qu'assistant") in (
        trace_actions(child.visitor, record))


# Refusals ---------------------------------------------------------------------------------------


def test_the_search_finds_no_one_for_an_unknown_or_not_activated_number(support_world: World):
    patient = signed_in_patient(support_world)
    record = own_record(patient.visitor)
    not_activated = new_persona(support_world)

    for number in (str(not_activated["matricule"]), "1234567890123", "abc"):
        page = search(patient, record, number)
        assert page.status == 422, number
        assert field_errors(page, "numero_assure") == [NOT_FOUND]
        assert NOT_FOUND in alert(page)
        assert "link-button" not in page.body


def test_the_search_asks_for_a_number(support_world: World):
    patient = signed_in_patient(support_world)
    record = own_record(patient.visitor)

    page = search(patient, record, "  ")

    assert field_errors(page, "numero_assure") == ["Veuillez saisir un numéro assuré."]


def test_the_owner_cannot_add_themself(support_world: World):
    _parent, [child] = family(support_world)
    record = own_record(child.visitor)

    page = search(child, record, child.matricule)
    saved = child.visitor.post(f"{record}/assistants",
                               {"matricule": child.matricule, "type": "Assistant DSP", "role": ""})

    assert page.status == 422
    assert field_errors(page, "numero_assure") == [OWN_RECORD]
    assert f"{child.full_name} ({child.matricule})" not in page.text
    assert saved.status == 422 and OWN_RECORD in alert(saved)
    assert assistants_of(child, record) == [[EMPTY_TABLE]]


def test_someone_already_assistant_is_said_so_and_not_added_twice(support_world: World):
    parent, [child] = family(support_world)
    record = own_record(child.visitor)
    add_assistant(child.visitor, record, parent.matricule)
    already = f"{parent.full_name} est déjà assistant DSP de ce dossier."

    page = search(child, record, parent.matricule)
    saved = child.visitor.post(f"{record}/assistants",
                               {"matricule": parent.matricule, "type": "Assistant DSP", "role": ""})

    assert field_errors(page, "numero_assure") == [already]
    assert saved.status == 422 and already in alert(saved)
    assert len(assistants_of(child, record)) == 1


def test_saving_checks_the_person_again_on_the_server(support_world: World):
    patient = signed_in_patient(support_world)
    record = own_record(patient.visitor)
    not_activated = new_persona(support_world)

    for number, message in ((str(not_activated["matricule"]), NOT_FOUND), ("0000", NOT_FOUND),
                            ("", "Veuillez choisir la personne à ajouter en cliquant sur « Nom ».")):
        reply = patient.visitor.post(f"{record}/assistants",
                                     {"matricule": number, "type": "Assistant DSP", "role": ""})
        assert reply.status == 422, number
        assert message in alert(reply)
    assert assistants_of(patient, record) == [[EMPTY_TABLE]]


def test_adding_an_assistant_without_the_csrf_token_is_refused(support_world: World):
    parent, [child] = family(support_world)
    record = own_record(child.visitor)

    reply = child.visitor.post(f"{record}/assistants",
                               {"matricule": parent.matricule, "type": "Assistant DSP", "role": ""},
                               with_csrf=False)

    assert reply.status == 403
    assert assistants_of(child, record) == [[EMPTY_TABLE]]


def test_an_outsider_cannot_open_the_childs_record_by_its_url(support_world: World):
    parent, [child] = family(support_world)
    outsider = signed_in_patient(support_world)
    record = own_record(child.visitor)
    add_assistant(child.visitor, record, parent.matricule)

    reply = outsider.visitor.get(record)
    added = outsider.visitor.post(f"{record}/assistants",
                                  {"matricule": outsider.matricule, "type": "Assistant DSP", "role": ""})

    assert reply.status == 403 and DENIED in reply.text
    assert child.full_name not in reply.text
    assert added.status == 403
    assert [row[0] for row in assistants_of(child, record)] == [parent.full_name]
    assert (outsider.full_name, f"Accès refusé à {outsider.full_name}") in trace_actions(
        child.visitor, record)


def test_a_removed_assistant_loses_access_at_once_in_an_open_session(support_world: World):
    parent, [child] = family(support_world)
    record = own_record(child.visitor)
    add_assistant(child.visitor, record, parent.matricule)
    assert parent.visitor.get(record).status == 200
    page = child.visitor.get(record)
    assistant_id = re.search(r'name="assistant" value="(\d+)"', page.body)
    assert assistant_id is not None

    reply = child.visitor.post(f"{record}/assistants/supprimer", {"assistant": assistant_id.group(1)})

    assert reply.status == 303 and reply.location == record
    page = child.visitor.get(record)
    assert f"{parent.full_name} a été retiré(e) des assistants DSP." in page.text
    assert table_rows(page, "assistants-title") == [[EMPTY_TABLE]]
    refused = parent.visitor.get(record)
    assert refused.status == 403 and DENIED in refused.text
    assert child.full_name not in parent.visitor.get("/dsp/autres-dossiers").text
    actions = trace_actions(child.visitor, record)
    assert (child.full_name, f"a retiré {parent.full_name} des assistants DSP") in actions
    assert actions[1] == (parent.full_name, f"Accès refusé à {parent.full_name}")


def test_an_assistant_who_removes_themself_is_sent_back_to_their_own_record(support_world: World):
    parent, [child] = family(support_world)
    record = own_record(child.visitor)
    add_assistant(child.visitor, record, parent.matricule)
    page = parent.visitor.get(record)
    assistant_id = re.search(r'name="assistant" value="(\d+)"', page.body)
    assert assistant_id is not None

    reply = parent.visitor.post(f"{record}/assistants/supprimer", {"assistant": assistant_id.group(1)})

    assert reply.status == 303 and reply.location == "/dsp"
    assert parent.visitor.get(record).status == 403
    assert assistants_of(child, record) == [[EMPTY_TABLE]]
    assert (parent.full_name, f"a retiré {parent.full_name} des assistants DSP en tant qu'assistant") in (
        trace_actions(child.visitor, record))
