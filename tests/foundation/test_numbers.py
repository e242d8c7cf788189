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


# -- one grammar: whitespace, signs, digits ---------------------------------------------------

SPACES = [chr(c) for c in range(0x3000 + 1) if chr(c).isspace()] + ["\u200b", "\ufeff"]
_not_space = st.characters(blacklist_characters=SPACES)


@pytest.mark.parametrize("parse", [parse_count, parse_amount])
@pytest.mark.parametrize(("raw", "reason"), [
    ("12\n13\n14", "xuống dòng"), ("12\r\n13", "xuống dòng"), ("1 2 3 4 5", "dấu cách"), ("1 250", "dấu cách"),
    ("1\u00a0250", "không ngắt"), ("1\u202f250", "hẹp không ngắt"), ("12\t5", "tab"),
    ("１２", "0–9"), ("٣", "0–9"), ("−5", "âm"), ("+5", "dấu +"), ("1e5", "không phải"), ("inf", "không phải"),
    ("nan", "không phải"), ("Infinity", "không phải"), ("0x10", "không phải"),
])
def test_inner_whitespace_and_foreign_signs_are_refused_with_the_reason(parse, raw, reason):
    with pytest.raises(InputError) as info:
        parse(raw)
    assert reason in info.value.vi and info.value.en


@pytest.mark.parametrize("raw", [" 57", "57 ", "\t57\n", "\u00a057\u202f", "\r\n57\r\n", "\u200b57"])
def test_outer_whitespace_of_any_kind_is_trimmed(raw):
    assert parse_count(raw) == 57 and parse_amount(raw) == Decimal(57)


@given(st.text(max_size=12))
def test_any_accepted_string_round_trips(raw):
    try:
        amount = parse_amount(raw)
    except InputError:
        pass
    else:
        assert parse_amount(format_amount(amount)) == amount
    try:
        count = parse_count(raw)
    except InputError:
        pass
    else:
        assert parse_count(str(count)) == count == parse_amount(str(count))


@given(st.text(max_size=6), _not_space, st.sampled_from(SPACES), _not_space, st.text(max_size=6))
def test_any_string_with_inner_whitespace_is_refused(head, left, space, right, tail):
    raw = head + left + space + right + tail
    for parse in (parse_count, parse_amount):
        with pytest.raises(InputError):
            parse(raw)
