"""The services speak with one voice: every refusal they raise is a sentence in the reader's language.

Each path below is one a user can reach (a typed value, a file, a command on a fresh database). In
English no Vietnamese word may show outside quoted user data; in Vietnamese no English-only word.
"""

import json
import re
from datetime import date
from decimal import Decimal

import pytest

from c27desk.catalogs import load_catalogue_file
from c27desk.errors import C27Error
from c27desk.fileio import read_file
from c27desk.i18n import listed, msg, pair, set_language
from c27desk.model.catalogue import parse_catalogue
from c27desk.model.document_number import normalise_report_number
from c27desk.model.numbers import parse_amount, parse_count
from c27desk.model.text import checked_text
from c27desk.model.units import check_year, make_unit, normalise_level_code, normalise_unit_code
from c27desk.model.validation import check
from c27desk.model.values import Entry, make_entry
from c27desk.report.form_xlsx import xlsx_to_form
from c27desk.report.values_csv import parse_values_csv
from c27desk.resources import resource_path
from c27desk.store import periods, units
from c27desk.store.database import open_database
from c27desk.workflow import confirm_carried, finalise_report, open_report

VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE)
ENGLISH_ONLY = re.compile(r"\b(the|not|file|is|must|cannot|unknown|missing|line|value|found)\b", re.IGNORECASE)
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|\{[^}]*\}")  # user data, and the form syntax {năm}

FORM = json.loads(resource_path("catalogs", "p27-2023.json").read_text(encoding="utf-8"))


def _form(**changes):
    form = json.loads(json.dumps(FORM))
    for path, value in changes.items():
        target = form
        *steps, last = path.split("__")
        for step in steps:
            target = target[int(step)] if step.isdigit() else target[step]
        target[int(last) if last.isdigit() else last] = value
    return form


def _refusals(tmp_path):
    """Every refusal reached here, as a zero-argument call that must raise C27Error."""
    cat = parse_catalogue(FORM)
    status = next(c for c in cat.criteria if c.kind == "status")
    db = open_database(tmp_path / "fresh.sqlite3")
    bad_csv = b"criterion,value,explanation\nI.1,F,x\nZZ.9,1,\nI.1,A\n"
    return [
        lambda: parse_count("-3"), lambda: parse_count("1 250"), lambda: parse_count("12,5"), lambda: parse_count("abc"),
        lambda: parse_count(""), lambda: parse_amount("265.123"), lambda: parse_amount("1.234.567"),
        lambda: parse_amount("+5"), lambda: parse_amount("12.34567"), lambda: parse_amount("１２"),
        lambda: make_entry(status, "F", "x"), lambda: make_entry(status, "", "only words"),
        lambda: make_entry(status, "", ""),
        lambda: checked_text("a\u202eb", ("tên đơn vị", "the unit name"), max_chars=50),
        lambda: checked_text("x" * 60, ("tên đơn vị", "the unit name"), max_chars=50),
        lambda: checked_text("a\nb", ("tên đơn vị", "the unit name"), max_chars=50),
        lambda: normalise_report_number("45-KH/HU", "HU"), lambda: normalise_report_number("0", "HU"),
        lambda: normalise_unit_code("Đồng Nai!"), lambda: normalise_level_code("Tỉnh"), lambda: check_year(225),
        lambda: make_unit("TU-X", "", "tinh"),
        lambda: parse_catalogue([]), lambda: parse_catalogue(_form(format=2)), lambda: parse_catalogue(_form(year=1)),
        lambda: parse_catalogue(_form(title="")), lambda: parse_catalogue(_form(id="../x")),
        lambda: parse_catalogue(_form(sections__0__criteria__0__kind="số")),
        lambda: parse_catalogue(_form(sections__0__criteria__0__id="I-1")),
        lambda: parse_catalogue(_form(sections__0__title="Phần {nam}")),
        lambda: parse_catalogue(_form(rules=[{"id": "r", "severity": "x", "left": ["I.1"], "op": "<=", "right": ["I.2"],
                                              "message": "m"}])),
        lambda: parse_catalogue(_form(rules=[{"id": "r", "severity": "error", "left": ["XX.1"], "op": "<=",
                                              "right": ["I.2"], "message": "m"}])),
        lambda: parse_catalogue(FORM, year=2000),
        lambda: load_catalogue_file(_written(tmp_path / "bad.json", b"{ not json")),
        lambda: read_file(tmp_path / "absent.csv"), lambda: read_file(tmp_path),
        lambda: xlsx_to_form(b"PK\x03\x04 not a workbook", "form.xlsx"),
        lambda: parse_values_csv(bad_csv, cat, "values.csv"),
        lambda: parse_values_csv(b"\xff\xfev\x00a\x00", cat, "values.csv"),
        lambda: parse_values_csv(b"criterion,value\n", cat, "values.csv"),
        lambda: periods.parse_form_key("P27"), lambda: periods.parse_day("31/02/2024", "report_date"),
        lambda: units.require_self_unit(db), lambda: periods.require_period(db, 2031),
        lambda: periods.load_catalogue(db, "P27", "9.9"), lambda: periods.choose_form(db, 2001),
    ]


def _written(path, data: bytes):
    path.write_bytes(data)
    return path


def _said_in(exc: C27Error, lang: str) -> str:
    return exc.message(lang)


def _outside_quotes(text: str) -> str:
    return QUOTED.sub("“”", text)


def test_every_refusal_is_a_sentence_in_one_language(tmp_path):
    seen = 0
    for call in _refusals(tmp_path):
        with pytest.raises(C27Error) as info:
            call()
        exc = info.value
        english, vietnamese = exc.text.render("en"), exc.text.render("vi")
        for said in (english, vietnamese):
            assert said[:1].isupper() or said[:1].isdigit(), said
        assert not VIETNAMESE.search(_outside_quotes(_said_in(exc, "en"))), _said_in(exc, "en")
        assert not ENGLISH_ONLY.search(_outside_quotes(_said_in(exc, "vi"))), _said_in(exc, "vi")
        seen += 1
    assert seen >= 45


def test_report_details_name_the_field_in_words_and_keep_its_key_for_the_window(demo_db):
    db = open_database(demo_db)
    with pytest.raises(C27Error) as info:
        periods.update_period(db, 2023, who="t", report_date="31/02/2024")
    assert info.value.field == "report_date" and info.value.where is None
    assert info.value.message("en").startswith("Report date “31/02/2024” is not a valid date")
    assert info.value.message("vi").startswith("Ngày báo cáo “31/02/2024” không phải ngày hợp lệ")
    assert "report_date" not in info.value.message("en") + info.value.message("vi")


def test_counts_shown_take_an_english_plural(demo_db):
    db = open_database(demo_db)
    ref = open_report(db, 2023)
    with pytest.raises(C27Error) as info:
        confirm_carried(db, ref, ["I.1", "I.2"], who="t")
    assert info.value.message("en").startswith("Criteria I.1, I.2 hold no carried value")
    with pytest.raises(C27Error) as info:
        confirm_carried(db, ref, ["I.1"], who="t")
    assert info.value.message("en").startswith("Criterion I.1 holds no carried value")
    db.execute("DELETE FROM value_entries WHERE criterion IN ('I.1', 'I.2')")
    with pytest.raises(C27Error) as info:
        finalise_report(db, ref, who="t")
    assert "2 of 120 criteria are not answered" in info.value.message("en")


def test_a_rule_message_from_a_form_is_rendered_for_the_year_and_sums_show_the_decimal_comma():
    form = _form(rules=[{"id": "r1", "severity": "warning", "left": ["VIII.1"], "op": "<=", "right": ["VIII.2"],
                         "message": "Kinh phí năm {năm} lớn hơn", "message_en": "Spending in {năm} above"}])
    cat = parse_catalogue(form)
    issues = check(cat, {"VIII.1": Entry("VIII.1", "12.5"), "VIII.2": Entry("VIII.2", "3")}).issues
    rule = next(i for i in issues if i.rule_id == "r1")
    assert rule.message("vi") == "Kinh phí năm 2023 lớn hơn (VIII.1 = 12,5; VIII.2 = 3)"
    assert rule.message("en") == "Spending in 2023 above (VIII.1 = 12.5; VIII.2 = 3)"
    from c27desk.model.catalogue import form_text

    assert form_text("Mức {x}", "Level {y}").render("en") == "Level {y}"  # a brace in user data stays text


def test_i18n_helpers_keep_braces_and_languages():
    assert pair("lỗi {a}", "fault {a}").render("en") == "fault {a}"
    items = [msg("một", "one"), msg("{n} hai", "{n} two", n=Decimal("2.5"))]
    assert listed(items).render("vi") == "một, 2,5 hai" and listed(items, "\n").render("en") == "one\n2.5 two"
    assert msg("Hạn {d}.", "Due {d}.", d=date(2024, 2, 9)).render("en") == "Due 09/02/2024."
    set_language("en")
    try:
        assert str(msg("{n} lỗi", "{n} problem", plural="{n} problems", n=1)) == "1 problem"
    finally:
        set_language("vi")
