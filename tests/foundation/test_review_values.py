"""Defects a hostile review found in the values work: each test failed before its fix."""

from __future__ import annotations

import json
import sqlite3

import pytest

from c27desk.model.values import ANSWERED, CARRIED, CARRIED_NA, NOT_APPLICABLE, Entry
from c27desk.store.database import _sql_statements, migrations_dir
from tests.conftest import DEMO_CSV


@pytest.fixture
def unit_2023(cli, tmp_path):
    assert cli("init", "--unit-code", "TU-DONGNAI", "--unit-name", "Tỉnh ủy Đồng Nai", "--level", "tinh")[0] == 0
    assert cli("values", "load", str(DEMO_CSV), "--period", "2023")[0] == 0
    na = tmp_path / "na.csv"
    na.write_text("criterion,value\nI.3,N/A\nV.2,KAD\n", encoding="utf-8")
    assert cli("values", "load", str(na), "--period", "2023")[0] == 0


def _json(cli, year):
    code, out, err = cli("values", "dump", "--period", str(year), "--format", "json")
    assert code == 0, err
    return json.loads(out)["values"]


def test_carried_na_stays_na_through_confirm_dump_and_load(cli, unit_2023, tmp_path):
    assert cli("carry-forward", "--period", "2024")[0] == 0
    assert _json(cli, 2024)["I.3"]["state"] == CARRIED_NA
    assert cli("values", "confirm", "--period", "2024", "--all")[0] == 0
    got = _json(cli, 2024)
    assert (got["I.3"]["value"], got["I.3"]["state"]) == (None, NOT_APPLICABLE)
    assert got["V.2"]["state"] == NOT_APPLICABLE
    code, out, _ = cli("check", "--period", "2024")
    assert "empty row" not in out and "dòng trống" not in out
    code, dumped, _ = cli("values", "dump", "--period", "2024")
    assert "\r\nI.3,N/A," in dumped
    back = tmp_path / "back.csv"
    back.write_bytes(dumped.encode("utf-8"))
    assert cli("values", "load", str(back), "--period", "2024")[0] == 0


def test_no_answered_entry_without_a_value():
    with pytest.raises(ValueError):
        Entry("I.3", None, "", ANSWERED)
    with pytest.raises(ValueError):
        Entry("I.3", None, "", CARRIED)
    with pytest.raises(ValueError):
        Entry("I.3", "A", "", NOT_APPLICABLE)
    assert Entry("I.3", None, "x", CARRIED_NA).confirmed() == Entry("I.3", None, "x", NOT_APPLICABLE)
    assert Entry("I.3", "A", "x", CARRIED).confirmed().state == ANSWERED


def _migrated_up_to(stem: str):
    """A database with every migration before ``stem`` applied (foreign keys off), and ``stem``'s file."""
    con = sqlite3.connect(":memory:")
    files = sorted(migrations_dir().glob("[0-9][0-9][0-9][0-9]_*.sql"))
    upgrade = next(f for f in files if f.stem == stem)
    for f in files[: files.index(upgrade)]:
        for st in _sql_statements(f.read_text(encoding="utf-8")):
            con.execute(st)
    return con, upgrade


def test_migration_reads_earlier_carried_na_as_na():
    con, upgrade = _migrated_up_to("0006_carried_na")
    rows = [("I.1", None, "carried"), ("I.2", None, "answered"), ("I.3", "A", "carried"), ("I.4", None, "na")]
    con.executemany("INSERT INTO value_entries VALUES ('U', 2024, ?, ?, '', ?, 'x', 'x')", rows)
    for st in _sql_statements(upgrade.read_text(encoding="utf-8")):
        con.execute(st)
    got = dict(con.execute("SELECT criterion, state FROM value_entries").fetchall())
    assert got == {"I.1": CARRIED_NA, "I.2": NOT_APPLICABLE, "I.3": CARRIED, "I.4": NOT_APPLICABLE}


def test_values_dump_neutralises_formulas_and_load_takes_them_back(cli, unit_2023, tmp_path):
    f = tmp_path / "f.csv"
    f.write_text("criterion,value,explanation\nI.1,A,\"=HYPERLINK(\"\"x\"\")\"\nI.2,A,''@cmd\n", encoding="utf-8")
    assert cli("values", "load", str(f), "--period", "2023")[0] == 0
    code, dumped, _ = cli("values", "dump", "--period", "2023")
    assert "\r\nI.1,A,\"'=HYPERLINK(\"\"x\"\")\"\r\n" in dumped and "\r\nI.2,A,''@cmd\r\n" in dumped
    f.write_bytes(dumped.encode("utf-8"))
    assert cli("values", "load", str(f), "--period", "2023")[0] == 0
    got = _json(cli, 2023)
    assert (got["I.1"]["explanation"], got["I.2"]["explanation"]) == ('=HYPERLINK("x")', "'@cmd")


def test_ambiguous_amount_suggests_the_programs_own_form():
    from c27desk.errors import InputError
    from c27desk.model.numbers import parse_amount

    with pytest.raises(InputError) as exc:
        parse_amount("265.123")
    assert "265.1230" in exc.value.en and "265,1230" in exc.value.vi and "drop the trailing" not in exc.value.en
    assert parse_amount("265.1230") == parse_amount("265,1230")


@pytest.mark.parametrize("typed", ["１２", "0", "000", "٣"])
def test_report_number_is_ascii_digits_above_zero(typed):
    from c27desk.errors import InputError
    from c27desk.model.document_number import normalise_report_number

    with pytest.raises(InputError):
        normalise_report_number(typed, "HU")
    assert normalise_report_number("045", "HU") == "045"


def test_report_number_symbol_refusal_says_what_is_expected():
    from c27desk.errors import InputError
    from c27desk.model.document_number import normalise_report_number

    with pytest.raises(InputError) as exc:
        normalise_report_number("45-BC/TU", "")
    assert "(BC)" not in exc.value.en and "45-BC" in exc.value.en and "--doc-symbol" in exc.value.en


ESCAPE_FILES = {
    "code": "criterion,value\nI.1,A\x1b[31m\n",
    "number": "criterion,value\nII.1,1\x1b[31m2\n",
    "id": "criterion,value\nI.\x1b[31m1,A\n",
    "header": "crit\x1b[31merion,value\nI.1,A\n",
    "newline": 'criterion,value,explanation\nI.1,A,"ab"c\nI.2,A,x\n',
    "bidi": "criterion,value\nI.1,\u202eA\n",
}


@pytest.mark.parametrize("name", list(ESCAPE_FILES))
def test_values_file_messages_show_escapes_visibly(cli, unit_2023, tmp_path, name):
    f = tmp_path / "bad.csv"
    f.write_bytes(ESCAPE_FILES[name].encode("utf-8"))
    code, out, err = cli("--lang", "en", "values", "load", str(f), "--period", "2023")
    assert code != 0
    assert "\x1b" not in out + err and "\u202e" not in out + err
    assert all(line.startswith(("c27desk", "  ", "Line", "…")) for line in err.strip().splitlines()), err


def test_shown_makes_controls_visible_and_cuts():
    from c27desk.model.text import shown

    assert shown("A\x1b[31m") == "A\\x1b[31m"
    assert shown("a\u202eb\r\nc") == "a\\u202eb↵c"
    assert len(shown("x" * 500, 60)) == 60 and len(shown("x" * 500)) == 200


@pytest.mark.parametrize("text, pos, code", [
    ("Chữ Hán 漢字", 9, "U+6F22"), ("emoji 😀", 7, "U+1F600"), ("עברית", 1, "U+05E2"), ("ab العربية", 4, "U+0627"),
    ("a\u061cb", 2, "U+061C"), ("a\u202eb", 2, "U+202E"), ("a\ufeffb", 2, "U+FEFF"), ("a\ufffeb", 2, "U+FFFE"),
    ("a\U000e0041b", 2, "U+E0041"), ("\u200d", 1, "U+200D"), ("a\u200bb", 2, "U+200B"), ("a\ue000", 2, "U+E000"),
    ("a\x85b", 2, "U+0085"), ("a\u2028b", 2, "U+2028"), ("a\u2029b", 2, "U+2029"),
])
def test_one_text_rule_refuses_what_the_appendix_cannot_draw(text, pos, code):
    from c27desk.errors import InputError
    from c27desk.model.text import checked_text

    for multiline in (True, False):
        with pytest.raises(InputError) as exc:
            checked_text(text, ("x", "the text"), max_chars=100, multiline=multiline)
        assert code in exc.value.en and f"character {pos}" in exc.value.en and "single line" not in exc.value.en


def test_zero_width_joiners_inside_words_and_vietnamese_pass():
    from c27desk.model.text import checked_text

    for text in ("Đảng ủy xã Tân Phú – “Không có”", "a\u200db", "Αθήνα, Москва №5 ≥ 3 € ½"):
        assert checked_text(text, ("x", "x"), max_chars=100) == text


def test_every_printable_character_is_in_every_bundled_face():
    from fontTools.ttLib import TTFont

    from c27desk.model.text import PRINTABLE_RANGES
    from tests.conftest import REPO

    faces = sorted((REPO / "resources" / "fonts").glob("LiberationSerif-*.ttf"))
    assert len(faces) == 4
    for face in faces:
        cmap = TTFont(face).getBestCmap()
        missing = [f"U+{cp:04X}" for a, b in PRINTABLE_RANGES for cp in range(a, b + 1) if cp not in cmap]
        assert not missing, (face.name, missing[:10])


def test_text_value_with_cjk_is_refused_from_a_values_file(cli, unit_2023, tmp_path):
    f = tmp_path / "cjk.csv"
    f.write_text("criterion,value\nIII.2.18,Chữ Hán 漢字 và emoji 😀 עברית العربية\n", encoding="utf-8")
    code, out, err = cli("--lang", "en", "values", "load", str(f), "--period", "2023")
    assert code != 0 and "U+6F22" in err and "character 9" in err


def test_number_names_the_zero_width_space():
    from c27desk.errors import InputError
    from c27desk.model.numbers import parse_count

    with pytest.raises(InputError) as exc:
        parse_count("1\u200b2")
    assert "zero-width space" in exc.value.en


def test_utf16_file_and_nul_line(cli, unit_2023, tmp_path):
    f = tmp_path / "u16.csv"
    f.write_bytes("criterion,value\nI.1,A\n".encode("utf-16"))
    code, out, err = cli("--lang", "en", "values", "load", str(f), "--period", "2023")
    assert "The file is UTF-16; save it as UTF-8 (CSV UTF-8 in Excel)" in err
    f.write_bytes(b"criterion,value\nI.1,A\x00\n")
    code, out, err = cli("--lang", "en", "values", "load", str(f), "--period", "2023")
    assert "line 2" in err and "line 1" not in err


def test_trial_keys_name_follows_the_unit_name_rules(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("C27DESK_PIN", "abcd")
    for name in ("Evil\x1b[31mRED\u202eabc", "N" * 300):
        code, out, err = cli("keys", "demo", "--out", str(tmp_path / "k"), "--unit-code", "X1", "--unit-name", name)
        assert code != 0 and "\x1b" not in err and not (tmp_path / "k").exists()


def test_deadline_may_change_after_finalising_printed_details_may_not(cli, final_demo):
    code, out, err = cli("period", "set", "2023", "--deadline", "2024-03-15", db=final_demo)
    assert code == 0, err
    code, out, err = cli("period", "set", "2023", "--place", "Biên Hòa", db=final_demo)
    assert code != 0


def _appendix_text(cli, db, tmp_path, name, *extra):
    import subprocess

    out = tmp_path / f"{name}.pdf"
    code, _, err = cli("appendix", "--period", "2023", "--out", str(out), *extra, db=db)
    assert code == 0, err
    return subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout


def test_finalised_revision_prints_its_frozen_details(cli, final_demo, tmp_path):
    before = _appendix_text(cli, final_demo, tmp_path, "before")
    code, out, err = cli("--lang", "en", "init", "--unit-code", "TU-DONGNAI", "--unit-name", "Đổi tên",
                         "--doc-symbol", "XY", db=final_demo)
    assert code == 0, err
    assert "name “Tỉnh ủy Đồng Nai” → “Đổi tên”" in out and "parent body" not in out  # left out: kept
    code, out, err = cli("--lang", "en", "init", "--unit-code", "TU-DONGNAI", db=final_demo)
    assert "unchanged" in out
    after = _appendix_text(cli, final_demo, tmp_path, "after")
    assert after == before and "127-BC/TU" in after and "Đổi tên" not in after and "ĐẢNG BỘ TỈNH ĐỒNG NAI" in after
    draft = _appendix_text(cli, final_demo, tmp_path, "draft", "--draft")
    assert "Đổi tên" in draft.replace("\n", " ") and "BC/XY" in draft and "ĐẢNG BỘ TỈNH ĐỒNG NAI" in draft


def test_check_code_covers_the_printed_header(final_demo):
    from dataclasses import replace

    from c27desk.report.appendix import appendix_content
    from c27desk.store.database import open_database

    db = open_database(final_demo)
    content = appendix_content(db, 2023)
    db.close()
    other = replace(content, unit=replace(content.unit, name="Đổi tên"))
    assert other.content_hash == content.content_hash and other.printed_hash != content.printed_hash


def test_migration_freezes_the_details_of_revisions_already_finalised():
    con, upgrade = _migrated_up_to("0007_printed_details")
    con.execute("INSERT INTO units(code, name, level, place, parent_body, doc_symbol, created_at) "
                "VALUES ('U', 'Huyện ủy', 'huyen', 'Tân Phú', 'ĐẢNG BỘ', 'HU', 'x')")
    con.execute("INSERT INTO periods(year, catalogue_id, catalogue_version, report_number, signer_name) "
                "VALUES (2023, 'P27', '1', '45', 'Nguyễn Văn A')")
    con.execute("INSERT INTO revisions(unit, year, number, status, opened_at, opened_by) VALUES "
                "('U', 2023, 1, 'final', 'x', 'x'), ('U', 2023, 2, 'open', 'x', 'x')")
    for st in _sql_statements(upgrade.read_text(encoding="utf-8")):
        con.execute(st)
    rows = dict(con.execute("SELECT number, printed FROM revisions").fetchall())
    assert rows[2] is None
    frozen = json.loads(rows[1])
    assert frozen["unit"]["doc_symbol"] == "HU" and frozen["period"]["signer_name"] == "Nguyễn Văn A"
