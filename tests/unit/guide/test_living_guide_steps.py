"""The living guide shows each instruction with the screenshot of the step that acts on its words."""

from harness.living_guide.build import best_step

STEPS = [
    {"keyword": "Étant donné", "text": "un patient qui a reçu son courrier", "screenshot": "s/1.png"},
    {"keyword": "Quand", "text": "il clique sur « J'active mon compte »", "screenshot": "s/2.png"},
    {"keyword": "Alors", "text": "la page propose « Activer mon compte » et « J'active mon compte »",
     "screenshot": "s/3.png"},
    {"keyword": "Et", "text": "il coche « En cochant cette case »", "screenshot": None},
]


def test_the_step_sharing_most_of_the_guides_labels_is_chosen():
    chosen = best_step("Cliquer sur « J'active mon compte » puis « Activer mon compte ».", STEPS)

    assert chosen is not None and chosen["screenshot"] == "s/3.png"


def test_a_tie_goes_to_the_later_step_which_shows_the_outcome():
    chosen = best_step("Cliquer sur « J'active mon compte ».", STEPS)

    assert chosen is not None and chosen["screenshot"] == "s/3.png"


def test_labels_are_matched_whatever_their_case():
    assert best_step("« j'ACTIVE mon compte »", STEPS[:2]) == STEPS[1]


def test_no_step_without_a_shared_label_or_a_screenshot():
    assert best_step("Le patient reçoit un courrier.", STEPS) is None
    assert best_step("Cocher « En cochant cette case ».", STEPS) is None
