"""Tests of the phone profile's pure parts: choosing the phone, and judging a page's fit."""

from __future__ import annotations

from typing import Any

import pytest

from harness.devices import UnknownPhoneDevice, has_touch, phone_context_args
from steps.pages.screen import Placement, ScreenFit, layout_problems

IPHONE: dict[str, Any] = {
    "user_agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 15_0 like Mac OS X)",
    "viewport": {"width": 390, "height": 664},
    "screen": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
    "default_browser_type": "webkit",
}
DEVICES: dict[str, dict[str, Any]] = {
    "iPhone 13": IPHONE,
    "Pixel 7": {**IPHONE, "viewport": {"width": 412, "height": 839}, "default_browser_type": "chromium"},
    "Pixel 7 landscape": {**IPHONE, "viewport": {"width": 863, "height": 360}},
    "Desktop Chrome": {"viewport": {"width": 1280, "height": 720}, "is_mobile": False, "has_touch": False,
                       "default_browser_type": "chromium"},
}


# Choosing the phone ------------------------------------------------------------------------------


def test_a_phone_gives_its_descriptor_without_the_browser_it_ships_with() -> None:
    options = phone_context_args(DEVICES, "iPhone 13")
    assert "default_browser_type" not in options
    assert options["viewport"] == {"width": 390, "height": 664}
    assert options["is_mobile"] and options["has_touch"]


def test_the_descriptors_are_left_as_they_were() -> None:
    phone_context_args(DEVICES, "iPhone 13")
    assert DEVICES["iPhone 13"]["default_browser_type"] == "webkit"


def test_an_unknown_name_is_refused_naming_the_nearest_phones() -> None:
    with pytest.raises(UnknownPhoneDevice) as refusal:
        phone_context_args(DEVICES, "Pixl 7")
    message = str(refusal.value)
    assert "--phone-device « Pixl 7 » is not one of Playwright's device descriptors" in message
    assert "Did you mean « Pixel 7 »" in message
    assert "python -m harness.devices" in message


def test_a_name_in_the_wrong_case_points_to_the_right_one_only() -> None:
    with pytest.raises(UnknownPhoneDevice, match=r"case-sensitive\)\. Did you mean « iPhone 13 »\?"):
        phone_context_args(DEVICES, "iphone 13")


def test_a_name_like_no_phone_suggests_none() -> None:
    with pytest.raises(UnknownPhoneDevice) as refusal:
        phone_context_args(DEVICES, "Nokia 3310")
    assert "Did you mean" not in str(refusal.value)
    assert "Playwright knows 3 phones, among them « iPhone 13 », « Pixel 7 »" in str(refusal.value)


def test_a_desktop_descriptor_is_not_a_phone() -> None:
    with pytest.raises(UnknownPhoneDevice, match="« Desktop Chrome » is not a phone"):
        phone_context_args(DEVICES, "Desktop Chrome")


@pytest.mark.parametrize(
    ("layers", "touch"),
    [
        ((), False),
        (({"locale": "fr-LU"},), False),
        (({"locale": "fr-LU"}, {"has_touch": True}), True),
        (({"has_touch": True}, {"has_touch": False}), False),
        (({"has_touch": True}, {}, {"viewport": None}), True),
    ],
)
def test_touch_comes_from_the_last_layer_that_says(layers: tuple[dict[str, Any], ...], touch: bool) -> None:
    assert has_touch(*layers) is touch


# Judging a page's fit ----------------------------------------------------------------------------


def test_a_page_within_its_screen_has_no_problem() -> None:
    fit = ScreenFit(390, 390, (Placement("button « Valider »", 16, 374), Placement("link « Aide »", 0, 390)))
    assert layout_problems(fit) == []


def test_a_page_wider_than_its_screen_scrolls_sideways() -> None:
    assert layout_problems(ScreenFit(390, 812, ())) == ["the page is 812 px wide, so it scrolls sideways"]


def test_a_fraction_of_a_pixel_is_rounding_not_overflow() -> None:
    fit = ScreenFit(390, 390.5, (Placement("link « Aide »", -0.4, 390.8),))
    assert layout_problems(fit) == []


def test_an_element_beyond_either_edge_is_named_with_where_it_lies() -> None:
    fit = ScreenFit(390, 390, (
        Placement("link « Traçabilité »", 312.5, 447.25),
        Placement("button « Connexion »", -40, 80),
    ))
    assert layout_problems(fit) == [
        "link « Traçabilité » lies at 312.5–447.25 px, beyond the screen's 0–390 px",
        "button « Connexion » lies at -40–80 px, beyond the screen's 0–390 px",
    ]


def test_an_element_cut_off_by_a_box_is_named_with_the_box() -> None:
    fit = ScreenFit(390, 390, (Placement("field « Rôle »", 300, 380, cut_by="section « Assistants »"),))
    assert layout_problems(fit) == ["field « Rôle » is cut off by section « Assistants »"]


def test_an_element_that_hides_part_of_its_text_is_named() -> None:
    fit = ScreenFit(390, 390, (Placement("heading « Mes derniers documents »", 16, 374, text_cut=True),))
    assert layout_problems(fit) == ["heading « Mes derniers documents » does not show all its text"]


def test_each_problem_is_said_once_the_page_first() -> None:
    placement = Placement("link « Vue documentaire »", 244, 409, cut_by="nav", text_cut=True)
    fit = ScreenFit(390, 600, (placement,))
    assert layout_problems(fit) == [
        "the page is 600 px wide, so it scrolls sideways",
        "link « Vue documentaire » lies at 244–409 px, beyond the screen's 0–390 px",
    ]
