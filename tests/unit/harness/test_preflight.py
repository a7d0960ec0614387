"""The preflight's reading of what scenarios need, and its plan of what will run on a target."""

from harness.preflight import Capability, needs_of, plan, report_lines

OFFERED = {
    "clock": Capability("clock", False, "not movable"),
    "SMS messages": Capability("SMS messages", True, "test support"),
    "LuxTrust token": Capability("LuxTrust token", True, "2 fresh identities hold one"),
    "LuxTrust mobile": Capability("LuxTrust mobile", False, "0 fresh identities hold one"),
}


def test_needs_are_read_from_tags_and_the_steps_words():
    needs = needs_of({"horloge", "patient", "p12"}, [
        "un patient à l'étape « Sécurisation de votre compte » de l'activation",
        "il choisit de recevoir son code à usage unique par « Mobile » et clique sur « Valider »",
    ])

    assert needs.clock and needs.messages and not needs.myguichet
    assert needs.people == 1 and needs.products == set()


def test_products_and_people_are_counted():
    needs = needs_of({"patient"}, ["deux enfants mineurs dont le parent est « Assistant DSP »",
                                   "un patient possédant un « LuxTrust Mobile » à l'étape « Confirmation »"])

    assert needs.products == {"mobile"} and needs.approval and needs.minor
    assert needs.people == 3


def test_the_plan_names_what_each_scenario_lacks_and_counts_identities():
    planned = plan([
        ("A", needs_of({"horloge"}, ["un patient qui a reçu son courrier d'activation"])),
        ("B", needs_of(set(), ["un patient possédant un « Token » à l'étape « Mot de passe »"])),
        ("C", needs_of(set(), ["un patient possédant un « LuxTrust Mobile » à l'étape « Mot de passe »"])),
    ], OFFERED)

    assert [item.missing for item in planned] == [("clock",), (), ("LuxTrust mobile",)]
    lines = report_lines("staging", list(OFFERED.values()), planned, fresh=0)
    assert "Scenarios selected: 3; 1 will run, 2 will not run" in lines
    assert "  ✗ clock: not movable" in lines
    assert lines[-1] == (
        "Identities: the scenarios that will run take about 1; 0 are fresh — not enough: provision more"
    )
