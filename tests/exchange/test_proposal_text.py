"""A proposed value is a message like any other: said in the reader's language when shown."""

from __future__ import annotations

from c27desk.consolidate.summary import Proposal, proposal_text
from c27desk.i18n import Text


def test_a_proposed_number_reads_with_each_languages_decimal_mark():
    text = proposal_text(Proposal("1.1", "1250.5", (("HU-A", "1000"), ("HU-B", "250.5")), ()))
    assert isinstance(text, Text)
    assert (text.render("vi"), text.render("en")) == ("1250,5", "1250.5")


def test_no_answers_yet_says_who_in_both_languages():
    text = proposal_text(Proposal("1.1", None, (), ("HU-A", "HU-B")))
    assert text.render("vi") == "(chưa có số liệu: HU-A, HU-B)"
    assert text.render("en") == "(no answers yet: HU-A, HU-B)"
