"""Ids in the DSP's URLs and forms are ASCII digits of bounded length, or nothing at all."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from dsp_http import Patient, add_assistant, family, own_record, signed_in_patient, table_rows
from server_http import WIZARD, Visitor, accept_cgu

from reference_server.world import World

NOT_IDS = ["²", "１２", "٣", "1" * 20, "9" * 19, "-1", " 1", "1 ", "1e3", "0x1", "", "1\x00"]


@pytest.fixture(scope="module")
def patient(support_world: World) -> Patient:
    """A signed-in patient, shared: these tests change nothing in the record."""
    return signed_in_patient(support_world)


@pytest.mark.parametrize("sent", NOT_IDS, ids=repr)
def test_removing_an_assistant_by_something_else_than_an_id_removes_no_one(patient: Patient, sent: str):
    record = own_record(patient.visitor)
    patient.visitor.get(record)

    reply = patient.visitor.post(f"{record}/assistants/supprimer", {"assistant": sent})

    assert reply.status == 303 and reply.location == record, reply.status
    assert "Cet assistant ne figure plus dans le dossier." in patient.visitor.get(record).text


@pytest.mark.parametrize("sent", ["1" + "0" * 25, "9" * 19, "１２", "²", "-1", "0x1"], ids=repr)
def test_a_document_address_with_something_else_than_an_id_is_not_found(patient: Patient, sent: str):
    record = own_record(patient.visitor)

    reply = patient.visitor.get(f"{record}/documents/{quote(sent)}")

    assert reply.status == 404, reply.status
    assert "Page introuvable" in reply.text


def test_an_assistants_id_in_full_width_digits_is_not_their_id(support_world: World):
    parent, [child] = family(support_world)
    record = own_record(child.visitor)
    add_assistant(child.visitor, record, parent.matricule)
    found = re.search(r'name="assistant" value="(\d+)"', child.visitor.get(record).body)
    assert found is not None
    full_width = "".join(chr(ord("０") + int(digit)) for digit in found.group(1))

    child.visitor.post(f"{record}/assistants/supprimer", {"assistant": full_width})

    assert parent.full_name in table_rows(child.visitor.get(record), "assistants-title")[0][0]
    assert parent.visitor.get(record).status == 200


@pytest.mark.parametrize("step", ["１", "٣", "1" + "0" * 25], ids=repr)
def test_a_wizard_step_in_other_digits_is_not_found(visitor: Visitor, step: str):
    accept_cgu(visitor)

    reply = visitor.get(f"{WIZARD}/etape-{quote(step)}")

    assert reply.status == 404, reply.status
