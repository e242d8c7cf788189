"""The unit register over the years: changes take effect from a year, earlier years keep their tree."""

from __future__ import annotations

import sqlite3

import pytest

from c27desk.store import units
from c27desk.store.database import open_database
from tests.conftest import finalise_demo


@pytest.fixture
def province(cli, db_path):
    """A province with one district and two communes under it, all valid from the beginning."""
    assert cli("init", "--unit-code", "TU-DN", "--unit-name", "Tỉnh ủy Đồng Nai", "--level", "tinh", "--parent",
               "TW", "--place", "Đồng Nai")[0] == 0
    for code, name, level, parent in (("HU-A", "Huyện ủy A", "huyen", "TU-DN"), ("XA-1", "Đảng ủy xã 1", "xa", "HU-A"),
                                      ("XA-2", "Đảng ủy xã 2", "xa", "HU-A")):
        assert cli("units", "add", "--code", code, "--name", name, "--level", level, "--parent", parent)[0] == 0
    return db_path


def tree(db_path, year):
    db = open_database(db_path)
    try:
        return {u.code: (u.name, u.parent) for u in units.tree(db, year)}
    finally:
        db.close()


def test_reform_changes_2025_and_leaves_2023_as_it_was(province, cli):
    before = tree(province, 2023)
    assert cli("units", "move", "--code", "XA-1", "--parent", "TU-DN", "--from", "2025")[0] == 0
    assert cli("units", "move", "--code", "XA-2", "--parent", "TU-DN", "--from", "2025")[0] == 0
    assert cli("units", "retire", "--code", "HU-A", "--from", "2025")[0] == 0
    code, out, _ = cli("units", "merge", "XA-1", "XA-2", "--into", "XA-12", "--name", "Đảng ủy xã Mười Hai",
                       "--from", "2025")
    assert code == 0 and "XA-1, XA-2 hợp nhất thành XA-12" in out
    assert tree(province, 2023) == before
    assert tree(province, 2025) == {"TU-DN": ("Tỉnh ủy Đồng Nai", "TW"), "TW": ("TW", None),
                                    "XA-12": ("Đảng ủy xã Mười Hai", "TU-DN")}
    code, out, _ = cli("--lang", "en", "units", "list", "--year", "2025")
    assert "XA-12" in out and "XA-1 → XA-12 (2025, merged)" in out and "HU-A " not in out


def test_rename_keeps_the_old_name_for_earlier_years(province, cli):
    assert cli("units", "rename", "--code", "XA-1", "--name", "Đảng ủy phường 1", "--from", "2024")[0] == 0
    assert tree(province, 2023)["XA-1"][0] == "Đảng ủy xã 1"
    assert tree(province, 2024)["XA-1"][0] == "Đảng ủy phường 1"


def test_code_change_links_old_to_new_and_moves_children(province, cli):
    code, out, _ = cli("--lang", "en", "units", "rename", "--code", "HU-A", "--new-code", "TX-A", "--from", "2024")
    assert code == 0 and "HU-A becomes TX-A" in out
    assert tree(province, 2024)["XA-1"] == ("Đảng ủy xã 1", "TX-A")
    assert tree(province, 2023)["XA-1"] == ("Đảng ủy xã 1", "HU-A")
    assert "HU-A" not in tree(province, 2024)


@pytest.mark.parametrize("args, words", [
    (("retire", "--code", "HU-A", "--from", "2025"), "XA-1, XA-2"),  # children still there
    (("move", "--code", "XA-1", "--parent", "HU-NOPE", "--from", "2025"), "HU-NOPE"),
    (("retire", "--code", "XA-9", "--from", "2025"), "XA-9"),
    (("rename", "--code", "XA-1", "--name", "x", "--from", "225"), "225"),
    (("merge", "--into", "XA-12", "--from", "2025"), "units merge"),
    (("move", "--code", "XA-1", "--from", "2025"), "--parent"),
])
def test_bad_register_changes_say_what_and_change_nothing(province, cli, args, words):
    conn = sqlite3.connect(province)
    before = conn.execute("SELECT * FROM units ORDER BY code").fetchall(), conn.execute(
        "SELECT * FROM unit_versions ORDER BY 1, 2").fetchall()
    conn.close()
    code, _, err = cli("units", *args)
    assert code == 1 and words in err and "Traceback" not in err
    conn = sqlite3.connect(province)
    assert (conn.execute("SELECT * FROM units ORDER BY code").fetchall(),
            conn.execute("SELECT * FROM unit_versions ORDER BY 1, 2").fetchall()) == before
    conn.close()


def test_an_existing_database_migrates_with_every_unit_valid_from_the_beginning(tmp_path):
    from sqlite_utils import Database

    from c27desk.store.database import migrations

    path = tmp_path / "old.sqlite3"
    old = Database(sqlite3.connect(path))
    mig = migrations()
    mig._migrations = [m for m in mig._migrations if not m.name.startswith("0005")]
    mig.apply(old)
    old.execute("INSERT INTO units(code, name, level, parent, is_self, created_at) VALUES "
                "('TU-X', 'Tỉnh ủy X', 'tinh', NULL, 1, '2024-01-01')")
    old.conn.commit()
    old.close()
    db = open_database(path)
    try:
        assert [(u.code, u.valid_from, u.valid_until) for u in units.tree(db, 1990)] == [("TU-X", None, None)]
        assert db.execute("SELECT code, from_year FROM unit_versions").fetchall() == [("TU-X", 0)]
    finally:
        db.close()


def test_a_communes_own_database_moves_to_an_office_it_does_not_hold_yet(cli, db_path):
    assert cli("init", "--unit-code", "XA-1", "--unit-name", "Đảng ủy xã 1", "--level", "xa", "--parent", "HU-A")[0] == 0
    code, out, _ = cli("--lang", "en", "units", "move", "--code", "XA-1", "--parent", "TU-DN", "--from", "2025")
    assert code == 0 and out.strip() == "From 2025, XA-1 reports to TU-DN (Commune, ward or special-zone Party committee)."
    assert tree(db_path, 2024)["XA-1"] == ("Đảng ủy xã 1", "HU-A")
    assert tree(db_path, 2025)["XA-1"] == ("Đảng ủy xã 1", "TU-DN")


def test_a_register_change_is_backed_up(province, cli):
    from c27desk.store import backup

    assert cli("units", "retire", "--code", "XA-2", "--from", "2025")[0] == 0
    assert backup.list_backups(province)[0].name.endswith("-after-units.sqlite3")


@pytest.mark.parametrize("args, words", [
    (("move", "--code", "XA-2", "--parent", "XA-1", "--from", "2024"), "the unit above must be at a higher level"),
    (("move", "--code", "TU-DN", "--parent", "XA-1", "--from", "2024"), "TU-DN → XA-1 → HU-A → TU-DN"),
    (("move", "--code", "HU-A", "--parent", "XA-1", "--from", "2024"), "cycle"),  # a district under its commune
    (("add", "--code", "HU-B", "--name", "B", "--level", "huyen", "--parent", "XA-1"), "cannot report to XA-1"),
    (("rename", "--code", "XA-1", "--new-code", "XA-2", "--from", "2024"), "units merge XA-1 --into XA-2"),
])
def test_register_refuses_cycles_inversions_and_renames_onto_another_unit(province, cli, args, words):
    before = tree(province, 2024)
    code, _, err = cli("--lang", "en", "units", *args)
    assert code == 1 and words in err, err
    assert tree(province, 2024) == before


@pytest.mark.parametrize("args", [
    ("retire", "--code", "XA-2", "--from", "2020"),
    ("rename", "--code", "XA-1", "--new-code", "XA-9", "--from", "2023"),
    ("rename", "--code", "XA-1", "--name", "Xã Chín", "--from", "2023"),
    ("move", "--code", "XA-1", "--parent", "TU-DONGNAI", "--from", "2023"),
    ("add", "--code", "XA-3", "--name", "Xã 3", "--level", "xa", "--parent", "HU-A", "--from", "2023"),
])
def test_a_change_reaching_a_reported_year_needs_force_history(demo_db, cli, args):
    for code, level, parent in (("HU-A", "huyen", "TU-DONGNAI"), ("XA-1", "xa", "HU-A"), ("XA-2", "xa", "HU-A")):
        assert cli("units", "add", "--code", code, "--name", code, "--level", level, "--parent", parent,
                   "--from", "2000")[0] == 0
    finalise_demo(demo_db)  # the office's own 2023 report: 2023 is history from now on
    before = tree(demo_db, 2023)
    code, _, err = cli("--lang", "en", "units", *args)
    assert code == 1 and "2023: own report finalised" in err and "--force-history" in err
    assert tree(demo_db, 2023) == before
    code, out, _ = cli("--lang", "en", "units", *args, "--force-history")
    assert code == 0 and "WARNING" in out and "2023" in out
    assert tree(demo_db, 2023) != before


def test_add_without_from_starts_in_the_newest_open_period_and_can_be_retired_then(province, cli):
    assert cli("period", "set", "2024")[0] == 0
    code, out, _ = cli("--lang", "en", "units", "add", "--code", "XA-3", "--name", "Xã 3", "--level", "xa",
                       "--parent", "HU-A")
    assert code == 0 and "valid from 2024" in out
    assert "XA-3" not in tree(province, 2023) and "XA-3" in tree(province, 2024)
    assert cli("units", "retire", "--code", "XA-3", "--from", "2024")[0] == 0  # a mistake, nothing received
    assert "XA-3" not in tree(province, 2024)


@pytest.mark.parametrize("args", [
    ("--unit-code", "hu_bad", "--unit-name", "X", "--level", "tinh"),
    ("--unit-code", "HU-A", "--unit-name", "X", "--level", "nope"),
    ("--unit-code", "HU-A", "--unit-name", "X"),
    ("--unit-code", "HU-A", "--unit-name", "X", "--level", "huyen", "--period", "1800"),
])
def test_a_failed_init_leaves_no_file_behind(cli, tmp_path, args):
    db = tmp_path / "new" / "x.sqlite3"
    db.parent.mkdir()
    code, _, err = cli("init", *args, db=db)
    assert code == 1 and err.strip()
    assert list(db.parent.iterdir()) == []  # neither a database nor a lock file


def test_init_on_a_unit_with_a_year_no_form_serves_changes_nothing(cli, db_path):
    assert cli("init", "--unit-code", "HU-A", "--unit-name", "X", "--level", "huyen")[0] == 0
    code, _, err = cli("--lang", "en", "init", "--unit-code", "HU-A", "--unit-name", "Y", "--period", "1800")
    assert code == 1 and "1800" in err
    assert cli("init", "--unit-code", "HU-A")[1].startswith("Đơn vị HU-A không thay đổi.")


def test_an_empty_register_says_so_and_how_to_add_a_unit(cli):
    assert cli("init", "--unit-code", "HU-A", "--unit-name", "X", "--level", "huyen", "--period", "2024")[0] == 0
    code, out, _ = cli("--lang", "en", "units", "list")
    assert code == 0 and "no units under this one (HU-A)" in out and "c27desk units add --code CODE" in out
    code, out, _ = cli("units", "list", "--year", "2024")
    assert code == 0 and out.startswith("Năm 2024 chưa có đơn vị nào trực thuộc HU-A") and "--from 2024" in out


def test_listings_name_each_level_in_the_readers_language_never_its_code(province, cli):
    out = cli("units", "list")[1]
    assert "Đảng ủy xã 1 – Đảng ủy xã, phường, đặc khu" in out and " xa " not in out and " huyen " not in out
    out = cli("--lang", "en", "units", "list")[1]
    assert "Đảng ủy xã 1 – Commune, ward or special-zone Party committee" in out
    assert cli("levels", "add", "--code", "thon", "--name", "Chi bộ thôn", "--rank", "5")[0] == 0
    assert cli("units", "add", "--code", "THON-1", "--name", "Chi bộ thôn 1", "--level", "thon", "--parent", "XA-1")[0] == 0
    assert "Chi bộ thôn 1 – Chi bộ thôn" in cli("--lang", "en", "units", "list")[1]  # no English name known: the table's
    code, out, _ = cli("--lang", "en", "units", "move", "--code", "XA-2", "--parent", "TU-DN", "--from", "2025")
    assert code == 0 and out.startswith("From 2025, XA-2 reports to TU-DN (Commune, ward or special-zone Party")


@pytest.mark.parametrize("lang, known", [
    ("vi", "các cấp hiện có: trung-uong – Trung ương; tinh – Tỉnh ủy, thành ủy; huyen – Huyện ủy, thị ủy, thành ủy trực "
           "thuộc tỉnh (đến 2025); truc-thuoc – Đảng ủy trực thuộc tỉnh ủy, thành ủy; xa – Đảng ủy xã, phường, đặc khu; "
           "co-so – Tổ chức cơ sở đảng."),
    ("en", "the known levels are: trung-uong – Central level; tinh – Provincial or city Party committee; huyen – "
           "District, town or provincial-city Party committee (until 2025); truc-thuoc – Party committee directly under "
           "the province or city; xa – Commune, ward or special-zone Party committee; co-so – Grassroots Party "
           "organisation."),
])
def test_an_unknown_level_is_answered_with_each_code_beside_its_name(demo_db, cli, lang, known):
    code, _, err = cli("--lang", lang, "units", "add", "--code", "HU-Q", "--name", "Q", "--level", "quan", db=demo_db)
    assert code == 1 and err.rstrip().endswith(known), err


@pytest.mark.parametrize("lang, said", [
    ("vi", "Năm 2024: XA-2 (Đảng ủy xã, phường, đặc khu) không thể trực thuộc XA-1 (Đảng ủy xã, phường, đặc khu): "
           "đơn vị cấp trên phải ở cấp cao hơn."),
    ("en", "In 2024: XA-2 (Commune, ward or special-zone Party committee) cannot report to XA-1 (Commune, ward or "
           "special-zone Party committee): the unit above must be at a higher level."),
])
def test_a_unit_under_one_of_its_own_level_is_refused_naming_the_levels(province, cli, lang, said):
    code, _, err = cli("--lang", lang, "units", "move", "--code", "XA-2", "--parent", "XA-1", "--from", "2024")
    assert code == 1 and err.rstrip().endswith(said), err


def test_a_move_to_an_unknown_level_lists_the_levels_by_name(province, cli):
    code, _, err = cli("--lang", "en", "units", "move", "--code", "XA-2", "--parent", "HU-A", "--level", "phuong",
                       "--from", "2024")
    assert code == 1 and "Level “phuong” is unknown; the known levels are: trung-uong – Central level;" in err, err
