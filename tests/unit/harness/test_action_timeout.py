"""--action-timeout: whole milliseconds above zero, before a profile's timeout."""

import argparse

import pytest

from fixtures.world import positive_ms


@pytest.mark.parametrize("text", ["2000", "1"])
def test_whole_milliseconds_above_zero_are_taken(text: str) -> None:
    assert positive_ms(text) == int(text)


@pytest.mark.parametrize(("text", "reason"), [("0", "not above zero"), ("-5", "not above zero"),
                                              ("2s", "not a whole number"), ("1.5", "not a whole number")])
def test_other_values_are_refused_saying_why(text: str, reason: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match=reason):
        positive_ms(text)
