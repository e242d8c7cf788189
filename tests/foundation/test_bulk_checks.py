"""The consolidation's bulk paths give exactly what the one-by-one paths give."""

from __future__ import annotations

import pytest

from c27desk.errors import InputError
from c27desk.model.text import _refused, _storable, checked_text


@pytest.mark.parametrize("multiline", [False, True])
def test_the_text_fast_path_never_lets_through_a_character_refused_one_by_one(multiline):
    accepted = _storable(multiline)
    for cp in range(0x110000):
        ch = chr(cp)
        if accepted.match(ch):
            assert _refused(ch, 0, ("x", "x"), multiline=multiline) is None, hex(cp)


@pytest.mark.parametrize(("text", "where"), [("Đã triển khai\u202e tại xã", "14"), ("ab\x07", "3"),
                                             ("máy\u200b tính", "4"), ("một\ndòng", "4"), ("漢字", "1")])
def test_a_refused_text_is_still_told_by_its_character_and_place(text, where):
    with pytest.raises(InputError) as err:
        checked_text(text, ("diễn giải", "the explanation"), max_chars=100)
    assert f"character {where}" in err.value.en


def test_joiners_inside_a_word_and_line_breaks_of_a_multiline_field_still_pass():
    assert checked_text("a\u200db\nc", ("x", "x"), max_chars=100, multiline=True) == "a\u200db\nc"


def test_an_answer_judged_in_parts_gets_the_very_issue_judged_whole():
    """The consolidation judges an explanation and a value apart (values repeat across units,
    explanations do not); every combination gives exactly what ``make_entry`` on the whole says."""
    from c27desk.catalogs import catalogue_for_year
    from c27desk.model.validation import _entry_issue, _split_verdict
    from c27desk.model.values import Entry

    cat = catalogue_for_year(2023)
    kinds = {c.kind: c.id for c in cat.criteria}
    values = ["A", "a", "Z", "", "3", "-1", "1,5", "195.2", "abc", "Không có", "N/A", "=1+1"]
    explanations = ["", " ", "\n", "Đã triển khai", "xã\x07", "a\u202eb", "x" * 1001, "Không có"]
    for cid in [*kinds.values(), "IX.99"]:
        for value in values:
            for explanation in explanations:
                for state in ("answered", "carried"):
                    entry = Entry(cid, value, explanation, state)
                    assert _split_verdict(cat, entry) == _entry_issue(cat, entry), entry
