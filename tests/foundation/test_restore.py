"""Restore: works on a damaged database, refuses anything that is not this unit's c27desk data
at a level we know, and never changes the live file unless it succeeds."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from c27desk.store import audit, backup, lock
from c27desk.store.database import CorruptDatabaseError, open_database


def snapshot(db_path: Path) -> dict[str, bytes]:
    """Every file of the live database (main file, -wal, -shm), byte for byte."""
    return {p.name: p.read_bytes() for p in db_path.parent.iterdir()
            if p.is_file() and p.name in {db_path.name + s for s in ("", "-wal", "-shm", "-journal")}}


def damage(db_path: Path) -> None:
    data = bytearray(db_path.read_bytes())
    for offset in range(4096 * 3, min(len(data), 4096 * 8)):
        data[offset] = 0x5A
    db_path.write_bytes(bytes(data))


@pytest.fixture
def good(demo_db) -> Path:
    db = open_database(demo_db)
    try:
        return backup.make_backup(db, demo_db, "manual")
    finally:
        db.close()


def edited_copy(source: Path, target: Path, *sql: str) -> Path:
    shutil.copyfile(source, target)
    conn = sqlite3.connect(target)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        for statement in sql:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()
    return target


def test_restore_repairs_a_damaged_database_and_keeps_the_damaged_file(demo_db, good, cli):
    damage(demo_db)
    damaged_bytes = demo_db.read_bytes()
    with pytest.raises(CorruptDatabaseError):
        open_database(demo_db)
    code, out, err = cli("--lang", "en", "restore", str(good), db=demo_db)
    assert code == 0, err
    kept = backup.list_safety_copies(demo_db)[0]
    assert kept.name.endswith("-damaged.sqlite3") and kept.read_bytes() == damaged_bytes
    assert str(kept) in out
    db = open_database(demo_db)
    try:
        assert db.execute("SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0] == "restore"
        assert audit.count(db) > 0
    finally:
        db.close()


def foreign_units_file(tmp_path: Path) -> Path:
    path = tmp_path / "foreign.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE units(code TEXT, is_self INTEGER); CREATE TABLE value_entries(x);"
                       "CREATE TABLE audit_log(y); INSERT INTO units VALUES ('TU-DONGNAI', 1);")
    conn.close()
    return path


def other_programs_migrations(good: Path, tmp_path: Path) -> Path:
    """Another sqlite-utils program's file: migration records, but none of c27desk's."""
    return edited_copy(good, tmp_path / "otherapp.sqlite3", "UPDATE _sqlite_migrations SET migration_set = 'otherapp'")


def newer_version(good: Path, tmp_path: Path) -> Path:
    return edited_copy(good, tmp_path / "newer.sqlite3",
                       "INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
                       "VALUES ('c27desk', '0099_future', '2030-01-01')")


def missing_column(good: Path, tmp_path: Path) -> Path:
    return edited_copy(good, tmp_path / "nocolumn.sqlite3", "ALTER TABLE value_entries DROP COLUMN explanation")


def no_migration_records(good: Path, tmp_path: Path) -> Path:
    return edited_copy(good, tmp_path / "norecords.sqlite3", "DROP TABLE _sqlite_migrations")


def damaged_backup(good: Path, tmp_path: Path) -> Path:
    path = tmp_path / "damaged.sqlite3"
    shutil.copyfile(good, path)
    damage(path)
    return path


def text_file(good: Path, tmp_path: Path) -> Path:
    path = tmp_path / "notes.sqlite3"
    path.write_text("Báo cáo năm 2023\n", encoding="utf-8")
    return path


def empty_file(good: Path, tmp_path: Path) -> Path:
    path = tmp_path / "empty.sqlite3"
    path.write_bytes(b"")
    return path


def truncated(good: Path, tmp_path: Path) -> Path:
    path = tmp_path / "cut.sqlite3"
    path.write_bytes(good.read_bytes()[:5000])
    return path


def marker_cleared(good: Path, tmp_path: Path) -> Path:
    return edited_copy(good, tmp_path / "unmarked.sqlite3", "UPDATE units SET is_self = 0")


def other_unit(good: Path, tmp_path: Path) -> Path:
    return edited_copy(good, tmp_path / "other.sqlite3", "UPDATE units SET code = 'HU-TANPHU' WHERE is_self = 1")


def the_live_file(good: Path, tmp_path: Path) -> Path:
    return good.parent.parent / "c27desk.sqlite3"


def a_folder(good: Path, tmp_path: Path) -> Path:
    return tmp_path


def planted_trigger(good: Path, tmp_path: Path) -> Path:
    return edited_copy(good, tmp_path / "evil.sqlite3", "CREATE TRIGGER evil AFTER INSERT ON audit_log "
                       "BEGIN DELETE FROM value_entries; END")


def extra_table(good: Path, tmp_path: Path) -> Path:
    return edited_copy(good, tmp_path / "extra.sqlite3", "CREATE TABLE notes(x)")


def extra_view(good: Path, tmp_path: Path) -> Path:
    return edited_copy(good, tmp_path / "view.sqlite3", "CREATE VIEW v AS SELECT 1")


def extra_index(good: Path, tmp_path: Path) -> Path:
    return edited_copy(good, tmp_path / "index.sqlite3", "CREATE INDEX ix_evil ON value_entries(explanation)")


def dropped_trigger(good: Path, tmp_path: Path) -> Path:
    return edited_copy(good, tmp_path / "appendable.sqlite3", "DROP TRIGGER audit_log_append_only_delete")


def trigger_on_migrations(good: Path, tmp_path: Path) -> Path:
    return edited_copy(good, tmp_path / "migtrig.sqlite3", "CREATE TRIGGER sneaky AFTER INSERT ON "
                       "_sqlite_migrations BEGIN DELETE FROM value_entries; END")


def changed_definition(good: Path, tmp_path: Path) -> Path:
    """The same name, a different body: the append-only guard made harmless."""
    return edited_copy(good, tmp_path / "changed.sqlite3", "DROP TRIGGER audit_log_append_only_update",
                       "CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log BEGIN SELECT 1; END")


def dev_zero(good: Path, tmp_path: Path) -> Path:
    return Path("/dev/zero")


def a_fifo(good: Path, tmp_path: Path) -> Path:
    path = tmp_path / "pipe.sqlite3"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(("make", "code", "words"), [
    (text_file, "RESTORE_NOT_SQLITE", "not an SQLite database"),
    (empty_file, "RESTORE_NOT_SQLITE", "not an SQLite database"),
    (lambda good, tmp: foreign_units_file(tmp), "RESTORE_FOREIGN", "not a c27desk database"),
    (no_migration_records, "RESTORE_FOREIGN", "no migration records"),
    (other_programs_migrations, "RESTORE_FOREIGN", "not a c27desk database"),
    (missing_column, "RESTORE_SCHEMA", "value_entries.explanation"),
    (newer_version, "RESTORE_TOO_NEW", "0099_future"),
    (damaged_backup, "RESTORE_BAD", "integrity"),
    (truncated, "RESTORE_BAD", ""),
    (other_unit, "RESTORE_OTHER_UNIT", "HU-TANPHU"),
    (marker_cleared, "RESTORE_OTHER_UNIT", "marks no unit as its own"),
    (the_live_file, "RESTORE_SAME", "database in use itself"),
    (a_folder, "RESTORE_MISSING", "folder"),
    (planted_trigger, "RESTORE_SCHEMA", "extra trigger evil"),
    (extra_table, "RESTORE_SCHEMA", "extra table notes"),
    (extra_view, "RESTORE_SCHEMA", "extra view v"),
    (extra_index, "RESTORE_SCHEMA", "extra index ix_evil"),
    (dropped_trigger, "RESTORE_SCHEMA", "trigger audit_log_append_only_delete is missing"),
    (trigger_on_migrations, "RESTORE_SCHEMA", "extra trigger sneaky"),
    (changed_definition, "RESTORE_SCHEMA", "trigger audit_log_append_only_update is defined differently"),
    pytest.param(dev_zero, "RESTORE_NOT_FILE", "not a regular file", marks=pytest.mark.skipif(
        not Path("/dev/zero").exists(), reason="no /dev/zero")),
    pytest.param(a_fifo, "RESTORE_NOT_FILE", "not a regular file", marks=pytest.mark.skipif(
        not hasattr(os, "mkfifo"), reason="no FIFOs here")),
])
def test_refused_restore_names_the_reason_and_leaves_the_live_file_byte_identical(
        demo_db, good, tmp_path_factory, cli, make, code, words):
    source = make(good, tmp_path_factory.mktemp("stick"))
    before = snapshot(demo_db)
    kept_before = backup.list_safety_copies(demo_db)
    with pytest.raises(backup.StoreError) as info:
        backup.restore(demo_db, source)
    assert info.value.code == code
    assert snapshot(demo_db) == before and backup.list_safety_copies(demo_db) == kept_before
    exit_code, _, err = cli("--lang", "en", "restore", str(source), db=demo_db)
    assert exit_code == 1 and words in err and "unchanged" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert snapshot(demo_db) == before
    assert not list(demo_db.parent.glob(".*restore*"))  # no temporary copy left behind


def test_another_unit_is_restored_only_when_asked(demo_db, good, tmp_path, cli):
    source = marker_cleared(good, tmp_path)
    assert cli("restore", str(source), "--other-unit", db=demo_db)[0] == 0


def test_safety_copies_survive_any_number_of_restores_and_backups(demo_db, good, cli):
    for _ in range(12):
        assert cli("restore", str(good), db=demo_db)[0] == 0
    db = open_database(demo_db)
    try:
        for _ in range(12):
            backup.make_backup(db, demo_db, "manual")
    finally:
        db.close()
    assert len(backup.list_safety_copies(demo_db)) == 12
    assert len(backup.list_backups(demo_db)) == 10
    listed = cli("backup", "--list", db=demo_db)[1]
    assert all(str(p) in listed for p in backup.list_safety_copies(demo_db))


def test_restore_is_refused_while_the_window_holds_the_database(demo_db, good, cli):
    before = snapshot(demo_db)
    held = lock.acquire(demo_db)
    try:
        code, _, err = cli("--lang", "en", "restore", str(good), db=demo_db)
    finally:
        held.release()
    assert code == 1 and "Traceback" not in err
    assert snapshot(demo_db) == before


def test_restore_from_a_read_only_stick(demo_db, good, tmp_path, cli):
    stick = tmp_path / "stick"
    stick.mkdir()
    source = Path(shutil.copy(good, stick / good.name))
    if subprocess.run(["chattr", "+i", str(source), str(stick)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here")
    try:
        with pytest.raises(OSError):
            (stick / "probe").write_bytes(b"x")  # really read-only, even for root
        code, _, err = cli("restore", str(source), db=demo_db)
    finally:
        subprocess.run(["chattr", "-i", str(source), str(stick)], check=True)
    assert code == 0, err


def test_restore_of_a_copied_live_file_includes_its_wal(demo_db, tmp_path, cli):
    """A user who copies the database file and its -wal gets the data committed in the -wal."""
    db = open_database(demo_db)
    db.execute("PRAGMA wal_autocheckpoint = 0")
    db.execute("UPDATE value_entries SET explanation = 'chỉ trong WAL' WHERE criterion = 'II.1'")
    shutil.copy(demo_db, tmp_path / "copy.sqlite3")
    shutil.copy(demo_db.with_name(demo_db.name + "-wal"), tmp_path / "copy.sqlite3-wal")
    db.execute("UPDATE value_entries SET explanation = '' WHERE criterion = 'II.1'")
    db.close()
    assert cli("restore", str(tmp_path / "copy.sqlite3"), db=demo_db)[0] == 0
    db = open_database(demo_db)
    try:
        row = db.execute("SELECT explanation FROM value_entries WHERE criterion = 'II.1'").fetchone()
    finally:
        db.close()
    assert row[0] == "chỉ trong WAL"


def test_an_older_backup_is_restored_and_brought_up_to_date(demo_db, good, tmp_path, cli):
    old = edited_copy(good, tmp_path / "old.sqlite3",
                      *[f"DROP TABLE {t}" for t in ("exports", "received_revisions", "import_log", "received_files",
                                                    "unit_signers", "trusted_cas")],
                      # a backup from before the exchange tables has none of the migrations after them either
                      "DELETE FROM _sqlite_migrations WHERE name IN ('0003_exchange', '0008_signer_fingerprint_index')")
    code, _, err = cli("restore", str(old), db=demo_db)
    assert code == 0, err
    db = open_database(demo_db)
    try:
        assert db["exports"].exists()
    finally:
        db.close()


def _templates_and_values(text):
    """Every sentence template of a message and of the messages nested in it, and every plain value."""
    from c27desk.i18n import Text

    templates, values = [text.vi, text.en], []
    for value in text.values.values():
        if isinstance(value, Text):
            more, plain = _templates_and_values(value)
            templates += more
            values += plain
        else:
            values.append(str(value))
    return templates, values


@pytest.mark.parametrize(("make", "data", "vi_words"), [
    (other_unit, "HU-TANPHU", "còn cơ sở dữ liệu này của TU-DONGNAI"),
    (marker_cleared, "TU-DONGNAI", "không ghi đơn vị nào là của mình"),
    (newer_version, "0099_future", "phiên bản c27desk mới hơn"),
    (planted_trigger, "evil", "có thêm trigger evil"),
    (extra_view, "v", "có thêm khung nhìn v"),
    (missing_column, "value_entries.explanation", "thiếu cột value_entries.explanation"),
])
def test_a_refused_restore_says_its_data_through_named_values_in_both_languages(
        demo_db, good, tmp_path, make, data, vi_words):
    with pytest.raises(backup.StoreError) as info:
        backup.restore(demo_db, make(good, tmp_path))
    templates, values = _templates_and_values(info.value.text)
    assert data in values, templates  # the unit, step, object named is a value, not baked into a sentence
    assert vi_words in info.value.message("vi") and "không thay đổi" in info.value.message("vi")
    assert "unchanged" in info.value.message("en") and "cơ sở" not in info.value.message("en")


def test_an_unreadable_restore_file_says_the_system_reason_in_the_readers_language(demo_db, tmp_path, monkeypatch):
    import builtins
    import errno

    source = tmp_path / "locked.sqlite3"
    source.write_bytes(b"x")
    real_open = builtins.open

    def refusing(path, *args, **kwargs):
        if Path(path) == source:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing)
    with pytest.raises(backup.StoreError) as info:
        backup.restore(demo_db, source)
    assert info.value.code == "RESTORE_UNREADABLE"
    assert "không đọc được tệp (không có quyền đọc hoặc ghi ở đây)" in info.value.message("vi")
    assert "cannot read it (no permission to read or write here)" in info.value.message("en")


@pytest.mark.parametrize("make", [truncated, damaged_backup])
def test_a_damaged_backup_is_refused_in_vietnamese_words_only(demo_db, good, tmp_path, cli, make):
    """SQLite's English ("database disk image is malformed", "Page 5: btreeInitPage…") stays in the log."""
    source = make(good, tmp_path)
    code, _, err = cli("restore", str(source), db=demo_db)
    reason = err.split(f"{source}: ", 1)[1]
    assert code == 1 and reason.startswith(("tệp bị hỏng, không đọc được", "tệp không qua kiểm tra toàn vẹn: dữ liệu"))
    assert reason.endswith("; cơ sở dữ liệu không thay đổi.\n") and "(" not in reason, reason


def test_an_empty_backup_is_called_empty(demo_db, good, tmp_path, cli):
    source = empty_file(good, tmp_path)
    code, _, err = cli("restore", str(source), db=demo_db)
    assert code == 1 and err == (f"c27desk: Không khôi phục từ {source}: tệp rỗng (0 byte), không phải là cơ sở dữ liệu "
                                 "SQLite; cơ sở dữ liệu không thay đổi.\n")
