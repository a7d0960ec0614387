"""Tests of the mobile numbers and e-mail addresses that receive one-time codes."""

from __future__ import annotations

import pytest

from reference_server.domain import contact
from reference_server.domain.contact import Channel, ContactCheck

BAD_MOBILE = "Ce numéro de téléphone portable n'est pas valide (ex. 691 123 456)."
NO_MOBILE = "Veuillez renseigner votre numéro de téléphone portable."
BAD_EMAIL = "Cette adresse e-mail n'est pas valide."
NO_EMAIL = "Veuillez renseigner votre adresse e-mail."


@pytest.mark.parametrize(
    "raw",
    [
        "691 123 456",
        "691123456",
        "691.123.456",
        "+352 691123456",
        "+352 691 123 456",
        "+352691123456",
        "00352691123456",
        "00352 691 123 456",
        "  691 123 456  ",
    ],
)
def test_a_luxembourg_mobile_in_any_usual_writing_is_accepted_in_e164(raw: str):
    assert contact.check_mobile(raw) == ContactCheck("+352691123456")


@pytest.mark.parametrize("prefix", ["621", "628", "661", "671", "691"])
def test_every_luxembourg_mobile_prefix_is_accepted(prefix: str):
    assert contact.check_mobile(f"{prefix} 123 456").value == f"+352{prefix}123456"


@pytest.mark.parametrize(
    "raw",
    [
        "26 12 34 56",  # a Luxembourg landline
        "+352 44 12 34",
        "+352 27 12 50 18 33",  # the helpdesk's landline
        "691 123",
        "691 123 456 789",
        "abc",
        "+352 abc",
    ],
)
def test_landlines_and_malformed_numbers_are_refused(raw: str):
    result = contact.check_mobile(raw)

    assert result.error == BAD_MOBILE
    assert result.value == raw.strip()


@pytest.mark.parametrize("raw", ["", "   "])
def test_a_missing_mobile_is_asked_for(raw: str):
    assert contact.check_mobile(raw).error == NO_MOBILE


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("jean.dupont@example.com", "jean.dupont@example.com"),
        ("Jean.Dupont@EXAMPLE.COM", "Jean.Dupont@example.com"),  # the domain is case-insensitive
        ("  lea@esante.lu ", "lea@esante.lu"),
        ("lea+dsp@esante.lu", "lea+dsp@esante.lu"),
    ],
)
def test_an_email_address_is_accepted_and_normalised(raw: str, normalised: str):
    assert contact.check_email(raw) == ContactCheck(normalised)


@pytest.mark.parametrize(
    "raw", ["jean.dupont", "jean@", "@example.com", "jean@@example.com", "jean dupont@example.com",
            "jean@example", "jean@exa mple.com"],
)
def test_an_invalid_email_address_is_refused(raw: str):
    result = contact.check_email(raw)

    assert result.error == BAD_EMAIL
    assert result.value == raw.strip()


@pytest.mark.parametrize("raw", ["", "  "])
def test_a_missing_email_address_is_asked_for(raw: str):
    assert contact.check_email(raw).error == NO_EMAIL


def test_check_uses_the_rule_of_the_channel():
    assert contact.check(Channel.SMS, "691 123 456").value == "+352691123456"
    assert contact.check(Channel.EMAIL, "Lea@Esante.LU").value == "Lea@esante.lu"
    assert contact.check(Channel.SMS, "lea@esante.lu").error == BAD_MOBILE
    assert contact.check(Channel.EMAIL, "691 123 456").error == BAD_EMAIL


def test_channels_have_their_form_values():
    assert Channel("sms") is Channel.SMS
    assert Channel("email") is Channel.EMAIL


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("691 123 456", "+352691123456"),
        ("00352 691 123 456", "+352691123456"),
        ("+352691123456", "+352691123456"),
        ("Lea@ESANTE.lu", "Lea@esante.lu"),
        ("  not a destination  ", "not a destination"),
        ("26 12 34 56", "26 12 34 56"),
        ("", ""),
    ],
)
def test_normalise_gives_the_canonical_form_or_the_stripped_text(raw: str, expected: str):
    assert contact.normalise(raw) == expected


def test_differently_written_numbers_normalise_alike():
    writings = ["691 123 456", "+352 691 123 456", "00352691123456", "691.123.456"]

    assert {contact.normalise(w) for w in writings} == {"+352691123456"}


def test_mask_keeps_the_country_and_prefix_and_the_last_digits_of_a_mobile():
    masked = contact.mask(Channel.SMS, "+352691123456")

    assert masked == "+352691 ••• 456"
    assert "123" not in masked


def test_mask_keeps_two_letters_and_the_domain_of_an_email():
    masked = contact.mask(Channel.EMAIL, "jean.dupont@example.com")

    assert masked == "je•••@example.com"
    assert "dupont" not in masked
