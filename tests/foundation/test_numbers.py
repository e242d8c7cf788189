"""The decimal-comma rule: what users type is read as they meant it, or refused."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from c27desk.errors import InputError
from c27desk.model.numbers import format_amount, parse_amount, parse_count


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("195,2", "195.2"), ("195.2", "195.2"), ("265500", "265500"), ("0", "0"), ("0,125", "0.125"),
     ("1250.500", "1250.5"), (" 57 ", "57"), ("20000,0", "20000"), ("4720\u00a0", "4720"), ("12,50", "12.5")],
)
def test_amounts_read_as_meant(raw, expected):
    assert format_amount(parse_amount(raw)) == expected


@pytest.mark.parametrize("raw", ["265.500", "1,250", "999.000"])
def test_ambiguous_thousands_are_refused_with_both_readings(raw):
    with pytest.raises(InputError) as info:
        parse_amount(raw)
    whole, frac = raw.replace(",", ".").split(".")
    assert whole + frac in info.value.vi and "không rõ" in info.value.vi


@pytest.mark.parametrize("raw", ["-3", "abc", "1.234.567", "1,5,6", "12.3456", "", "+5", "1e5"])
def test_bad_amounts_are_refused(raw):
    with pytest.raises(InputError):
        parse_amount(raw)


@pytest.mark.parametrize(("raw", "expected"), [("402", 402), ("0", 0), (" 42 ", 42), ("007", 7)])
def test_counts(raw, expected):
    assert parse_count(raw) == expected


@pytest.mark.parametrize("raw", ["-3", "abc", "1,5", "1.234", "4.0", "", "3 máy"])
def test_bad_counts_are_refused_in_vietnamese(raw):
    with pytest.raises(InputError) as info:
        parse_count(raw)
    assert info.value.vi and info.value.en


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_canonical_amounts_read_back_unchanged(value):
    text = format_amount(value)
    assert parse_amount(text) == value
    assert parse_amount(text.replace(".", ",")) == value
    assert format_amount(parse_amount(text)) == text


def test_own_output_of_a_three_decimal_value_is_not_ambiguous():
    assert format_amount(Decimal("265.123")) == "265.1230"
    assert parse_amount("265,1230") == Decimal("265.123")
