import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.model.amounts import AmountError, format_amount, parse_amount, unit_scale


@pytest.mark.parametrize("cell, expected", [
    ("$1,200", (1200.0, "exact")),
    ("1.2e3", (1200.0, "exact")),
    ("up to 100", (100.0, "up_to")),
    ("Up To $100B", (100.0, "up_to")),
    ("<= 7", (7.0, "up_to")),
    ("~100", (100.0, "estimated")),
    ("100 (est.)", (100.0, "estimated")),
    ("about 100", (100.0, "estimated")),
    ("approx. 2.5bn", (2.5, "estimated")),
    ("$100B", (100.0, "exact")),
    ("100bn", (100.0, "exact")),
    ("100 billion", (100.0, "exact")),
    ("$500M", (0.5, "exact")),
    ("$300M", (0.3, "exact")),
    ("$1.5 trillion", (1500.0, "exact")),
    ("US$ 40bn", (40.0, "exact")),
    ("1.200,5", (1200.5, "exact")),
    ("1,5", (1.5, "exact")),
    ("1 200", (1200.0, "exact")),
    ("1'200", (1200.0, "exact")),
    (12, (12.0, "exact")),
    (0.25, (0.25, "exact")),
    ("0", (0.0, "exact")),
])
def test_amounts_people_type(cell, expected):
    assert parse_amount(cell, "USD bn") == expected


@pytest.mark.parametrize("cell", [None, "", "  ", "?", "unknown", "Unknown", "n/a", "N/A", "-", "tbd",
                                  "undisclosed"])
def test_unknown_amounts_are_none_never_zero(cell):
    assert parse_amount(cell) == (None, "exact")


@pytest.mark.parametrize("cell, words", [
    ("12 apples", "cannot read '12 apples'"),
    ("-5", "negative"),
    ("(5)", "negative"),
    ("$-5bn", "negative"),
    (-2.0, "negative"),
    ("nan", "finite"),
    ("inf", "finite"),
    (float("nan"), "finite"),
    (math.inf, "finite"),
    ("5%", "percentage"),
    ("abc", "cannot read"),
    (True, "cannot read"),
    ("1e400", "finite"),
    ("2e12", "largest"),
    ("1,2,3", "cannot read"),
    ("$", "cannot read"),
])
def test_bad_amounts_raise_clear_errors(cell, words):
    with pytest.raises(AmountError) as info:
        parse_amount(cell)
    assert words in str(info.value)


def test_scale_words_follow_the_document_unit():
    assert unit_scale("USD bn") == 1e9 and unit_scale("EUR m") == 1e6 and unit_scale("USD") == 1
    assert parse_amount("1.2bn", "EUR m") == (1200.0, "exact")
    assert parse_amount("$500M", "USD") == (5e8, "exact")
    assert parse_amount("250", "EUR m") == (250.0, "exact")  # a plain number is already in the unit


@given(st.floats(min_value=0, max_value=1e12, allow_nan=False))
def test_format_amount_reads_back_exactly(x):
    assert parse_amount(format_amount(x)) == (x, "exact")
