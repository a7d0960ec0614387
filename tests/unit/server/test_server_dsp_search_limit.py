"""« Numéro assuré » shows a name for a guessable number: each account may look up only so many."""

from __future__ import annotations

from dsp_http import activated, own_record, signed_in_patient
from server_http import advance_clock, field_errors

from reference_server.config import WorldConfig
from reference_server.world import World

CAP = WorldConfig().dsp_searches_per_window
TOO_MANY = "Vous avez fait trop de recherches de numéro assuré."


def _search(visitor, record: str, number: str):  # noqa: ANN001, ANN202 - a Visitor and its Reply
    """« Rechercher », and the page of results a found number leads to."""
    reply = visitor.post(f"{record}/assistants/recherche", {"numero_assure": number})
    return visitor.get(f"{record}/assistants/recherche") if reply.status == 303 else reply


def test_searches_beyond_the_cap_are_refused_until_the_window_passes(clock_world: World):
    patient = signed_in_patient(clock_world)
    record = own_record(patient.visitor)
    someone = activated(clock_world)
    name = f"{someone['first_name']} {someone['last_name']}"
    assert name in _search(patient.visitor, record, str(someone["matricule"])).text
    for guess in range(CAP - 1):
        assert _search(patient.visitor, record, f"19800101{guess:05d}").status == 422

    other = activated(clock_world)
    # The whole name, as results show it: a surname alone may be a word of the page (« Lang »).
    other_name = f"{other['first_name']} {other['last_name']}"

    refused = _search(patient.visitor, record, str(other["matricule"]))
    # Choosing a number no search of this session found is a look-up by another door.
    chosen = patient.visitor.post(f"{record}/assistants/choisir", {"matricule": str(other["matricule"])})

    assert refused.status == 422
    assert field_errors(refused, "numero_assure")[0].startswith(TOO_MANY)
    assert other_name not in refused.text
    assert chosen.status == 422 and TOO_MANY in chosen.text and other_name not in chosen.text
    advance_clock(clock_world, WorldConfig().dsp_search_window.total_seconds() + 1)
    assert name in _search(patient.visitor, record, str(someone["matricule"])).text


def test_saving_an_unsearched_number_counts_as_a_search(clock_world: World):
    patient = signed_in_patient(clock_world)
    record = own_record(patient.visitor)
    for guess in range(CAP):
        patient.visitor.post(f"{record}/assistants",
                             {"matricule": f"19800101{guess:05d}", "type": "Assistant DSP", "role": ""})

    reply = patient.visitor.post(f"{record}/assistants", {"matricule": "1980010100001",
                                                          "type": "Assistant DSP", "role": ""})

    assert reply.status == 422 and TOO_MANY in reply.text


def test_the_cap_is_per_account(clock_world: World):
    first, second = signed_in_patient(clock_world), signed_in_patient(clock_world)
    first_record, second_record = own_record(first.visitor), own_record(second.visitor)
    for guess in range(CAP + 1):
        _search(first.visitor, first_record, f"19800101{guess:05d}")

    page = _search(second.visitor, second_record, "1980010100001")

    assert TOO_MANY not in page.text
