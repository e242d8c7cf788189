"""A chain that stays consistent and recoverable: backups after each change of state, revision
numbers never reused after a restore, the archive replayed as decided, stale values flagged."""

from __future__ import annotations

import shutil

from c27desk.store import backup
from tests.exchange.support import YEAR, csv_file, export, held_values, make_child, run, state


def test_each_change_of_state_is_backed_up(demo_db, cli, tmp_path):
    for args in (("finalise", "--period", "2023", "--accept-warnings"), ("reopen", "--period", "2023", "--yes"),
                 ("period", "set", "2023", "--report-number", "77")):
        before = len(backup.list_backups(demo_db))
        assert cli(*args)[0] == 0
        assert len(backup.list_backups(demo_db)) == before + 1, args
    names = " ".join(p.name for p in backup.list_backups(demo_db))
    assert "after-finalise" in names and "after-reopen" in names and "after-report-details" in names


def test_accepting_proposals_and_exporting_are_backed_up(office, bienhoa, child_keys, cli, tmp_path):
    export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), tmp_path / "usb")
    assert "after-export" in " ".join(p.name for p in backup.list_backups(bienhoa))
    assert cli("import", str(tmp_path / "usb"), "--accept-new-signer", "HU-BIENHOA", db=office)[0] == 0
    assert cli("consolidate", "--period", str(YEAR), "--accept", db=office)[0] == 0
    assert "after-accept" in " ".join(p.name for p in backup.list_backups(office))


def test_a_restored_older_database_never_reissues_an_exported_revision_number(bienhoa, child_keys, cli, tmp_path):
    spec = child_keys["HU-BIENHOA"].p12_spec()
    assert run(bienhoa, "reopen", "--period", str(YEAR), "--yes") == 0
    older = shutil.copy(backup.list_backups(bienhoa)[0], tmp_path / "older.sqlite3")  # r2 open, nothing sent
    assert run(bienhoa, "values", "load", str(csv_file(bienhoa, "II.5,250,\n")), "--period", str(YEAR)) == 0
    assert run(bienhoa, "finalise", "--period", str(YEAR), "--accept-warnings") == 0
    export(bienhoa, spec, tmp_path / "sent")  # r2 went upward
    assert cli("restore", str(older), db=bienhoa)[0] == 0  # the accident: an older backup restored
    assert run(bienhoa, "values", "load", str(csv_file(bienhoa, "II.5,260,\n")), "--period", str(YEAR)) == 0
    code, out, _ = cli("--lang", "en", "finalise", "--period", str(YEAR), "--accept-warnings", db=bienhoa)
    assert code == 0 and "revision 2 was exported earlier with other content" in out and "revision 3." in out
    export(bienhoa, spec, tmp_path / "again")
    assert [p.name for p in (tmp_path / "again").iterdir()] == ["HU-BIENHOA_2023_r3.c27"]


def test_replaying_the_archive_after_a_restore_reproduces_each_decision(office, bienhoa, longkhanh, child_keys, cli,
                                                                        tmp_path):
    export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), tmp_path / "usb")
    export(longkhanh, child_keys["HU-LONGKHANH"].p12_spec(), tmp_path / "usb2")
    assert cli("backup", db=office)[0] == 0
    older = shutil.copy(backup.list_backups(office)[0], tmp_path / "older.sqlite3")
    assert cli("import", str(tmp_path / "usb"), "--accept-new-signer", "HU-BIENHOA,HU-LONGKHANH", db=office)[0] == 0
    assert cli("import", str(tmp_path / "usb2"), db=office)[0] == 1  # NEW_SIGNER: refused, not confirmed
    code, _, err = cli("import", str(office.with_name(f"{office.stem}-archive")), db=office)
    assert code == 1 and "import --archive" in err  # sub-folders: a plain import finds none, and says what will
    assert cli("restore", str(older), db=office)[0] == 0
    assert state(office)["received_revisions"] == []
    code, out, _ = cli("import", "--archive", db=office)
    assert code == 0, out
    assert "ĐÃ NHẬN: " in out and "VẪN TỪ CHỐI: " in out and "[NEW_SIGNER]" in out
    assert held_values(office, "HU-BIENHOA") == held_values(bienhoa, "HU-BIENHOA")
    assert held_values(office, "HU-LONGKHANH")["revision"] is None
    code, out, _ = cli("--lang", "en", "import", "--archive", "--rejudge", db=office)
    assert code == 1 and "ALREADY IMPORTED" in out and "REFUSED" in out  # judged again: still no confirmed signer


def test_check_says_when_a_child_revision_made_sent_values_stale(office, child_keys, cli, tmp_path, qtbot):
    spec = child_keys["HU-BIENHOA"].p12_spec()
    unit = make_child(tmp_path / "u.sqlite3", "HU-BIENHOA", "Huyện ủy Biên Hòa")
    export(unit, spec, tmp_path / "r1")
    assert cli("import", str(tmp_path / "r1"), "--accept-new-signer", "HU-BIENHOA", db=office)[0] == 0
    assert cli("consolidate", "--period", str(YEAR), "--accept", db=office)[0] == 0
    assert run(office, "values", "load", str(csv_file(office, "IV.12,300,\nIV.13,300,\n")), "--period",
               str(YEAR)) == 0  # with one district in, fewer computers than the demo's antivirus licences
    code, out, err = cli("finalise", "--period", str(YEAR), "--accept-warnings", db=office)
    assert code == 0, out + err
    assert "STALE" not in cli("--lang", "en", "check", "--period", str(YEAR), db=office)[1]
    assert run(unit, "reopen", "--period", str(YEAR), "--yes") == 0
    assert run(unit, "values", "load", str(csv_file(unit, "II.1,500,\n")), "--period", str(YEAR)) == 0
    assert run(unit, "finalise", "--period", str(YEAR), "--accept-warnings") == 0
    export(unit, spec, tmp_path / "r2")
    assert cli("import", str(tmp_path / "r2"), db=office)[0] == 0
    code, out, _ = cli("--lang", "en", "check", "--period", str(YEAR), db=office)
    assert "STALE" in out and "II.3: 402 → 500 (after HU-BIENHOA r2)" in out
    assert "Revision 1 of this office's report holds the old values" in out
    code, out, _ = cli("--lang", "vi", "check", "--period", str(YEAR), db=office)
    assert "SỐ LIỆU ĐÃ CŨ" in out and "Bản 1 báo cáo của đơn vị đang giữ số liệu cũ" in out
    # ... and the consolidation window says the same above its tabs
    from c27desk.gui.consolidation_dialog import ConsolidationDialog
    from c27desk.store.database import open_database

    db = open_database(office)
    try:
        dialog = ConsolidationDialog(db, office, YEAR)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.loaded, timeout=20000):  # computed off the UI thread
            dialog.load()
        assert not dialog.stale.isHidden() and "II.3: 402 → 500 (sau khi nhận HU-BIENHOA r2)" in dialog.stale.text()
        from c27desk.i18n import set_language

        set_language("en")  # the window's language switch: the same lines, said again in English
        dialog.retranslate()
        assert "out of date" in dialog.stale.text() and "II.3: 402 → 500 (after HU-BIENHOA r2)" in dialog.stale.text()
    finally:
        db.close()


def test_units_history_takes_a_predecessor_only_and_none_of_its_unsent_reports(office, bienhoa, cli):
    before = state(office)
    code, _, err = cli("units", "history", str(bienhoa), db=office)  # a live child, not merged away
    assert code == 1 and "units merge" in err and state(office) == before
    assert cli("units", "merge", "HU-BIENHOA", "--into", "HU-LONGKHANH", "--from", "2025", db=office)[0] == 0
    code, out, _ = cli("--lang", "en", "units", "history", str(bienhoa), db=office)
    # its finalised r1 was never sent signed: it is not a received report, so it stays out of the consolidation
    assert code == 0 and "Brought in HU-BIENHOA's history: 0 report revisions" in out
    assert held_values(office, "HU-BIENHOA")["revision"] is None
    after = state(office)
    assert [r for r in after["units"] if r[0] == "TU-DONGNAI"] == [r for r in before["units"] if r[0] == "TU-DONGNAI"]
    code, _, err = cli("units", "history", str(office), db=office)
    assert code == 1 and "restore" in err


def _binhphuoc_merged_into(office, child_keys, cli, tmp_path):
    """Bình Phước's province database, with a district package it received signed, merged into Đồng Nai."""
    other = tmp_path / "binhphuoc.sqlite3"  # the province merged into Đồng Nai, with its own received package
    assert run(other, "init", "--unit-code", "TU-BINHPHUOC", "--unit-name", "Tỉnh ủy Bình Phước", "--level", "tinh",
               "--parent", "TW") == 0
    assert run(other, "units", "add", "--code", "HU-BIENHOA", "--name", "Huyện ủy Biên Hòa", "--level", "huyen") == 0
    assert run(other, "trust", "add-ca", str(child_keys["HU-BIENHOA"].ca_pem)) == 0
    assert run(other, "period", "set", str(YEAR)) == 0
    unit = make_child(tmp_path / "u.sqlite3", "HU-BIENHOA", "Huyện ủy Biên Hòa")
    export(unit, child_keys["HU-BIENHOA"].p12_spec(), tmp_path / "usb")
    assert run(other, "import", str(tmp_path / "usb"), "--accept-new-signer", "HU-BIENHOA") == 0

    assert cli("units", "add", "--code", "TU-BINHPHUOC", "--name", "Tỉnh ủy Bình Phước", "--level", "tinh",
               db=office)[0] == 1  # under the office itself: a province under a province is refused
    assert cli("units", "add", "--code", "TU-BINHPHUOC", "--name", "Tỉnh ủy Bình Phước", "--level", "tinh",
               "--parent", "TW", "--from", "2000", db=office)[0] == 0
    assert cli("units", "merge", "TU-BINHPHUOC", "--into", "TU-DONGNAI", "--from", "2025", db=office)[0] == 0
    assert cli("units", "move", "--code", "HU-BIENHOA", "--parent", "TU-BINHPHUOC", "--from", str(YEAR),
               db=office)[0] == 0  # in 2023 the district belonged to Bình Phước
    return other, unit


def test_a_merged_away_offices_archive_is_replayed_into_its_successor(office, child_keys, cli, tmp_path):
    other, unit = _binhphuoc_merged_into(office, child_keys, cli, tmp_path)
    code, out, _ = cli("import", "--archive", str(other.with_name("binhphuoc-archive")), db=office)
    assert code == 0 and out.startswith("ĐÃ NHẬN"), out
    assert held_values(office, "HU-BIENHOA") == held_values(unit, "HU-BIENHOA")


def test_units_history_brings_in_the_predecessors_received_revisions_as_received(office, child_keys, cli, tmp_path):
    other, unit = _binhphuoc_merged_into(office, child_keys, cli, tmp_path)
    code, out, _ = cli("--lang", "en", "units", "history", str(other), db=office)
    assert code == 0 and "1 report revision, 0 new units;" in out
    assert held_values(office, "HU-BIENHOA") == held_values(unit, "HU-BIENHOA")
    rows = state(office)["received_revisions"]
    assert [r[:3] for r in rows] == [("HU-BIENHOA", YEAR, 1)]
