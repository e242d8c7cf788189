"""Backups: taken through the SQLite API, rotated, restorable; damage is detected at start."""

from datetime import UTC, datetime, timedelta

import pytest

from c27desk.errors import StoreError
from c27desk.model.values import Entry
from c27desk.store import backup, values
from c27desk.store.database import CorruptDatabaseError, open_database


def test_backup_and_restore_round_trip(demo_db, cli):
    code, out, _ = cli("backup", db=demo_db)
    assert code == 0
    saved = backup.list_backups(demo_db)[0]
    assert backup.check_file(saved) is None

    db = open_database(demo_db)
    values.save_entry(db, "TU-DONGNAI", 2023, "II.1", Entry("II.1", "999", ""), who="t")
    db.close()

    code, out, err = cli("restore", str(saved), db=demo_db)
    assert code == 0, err
    db = open_database(demo_db)
    assert values.get_entry(db, "TU-DONGNAI", 2023, "II.1").value == "402"
    db.close()
    # the state before the restore was itself kept
    assert any("before-restore" in p.name for p in backup.list_safety_copies(demo_db))


def test_restore_refuses_a_damaged_file_and_changes_nothing(demo_db, cli, tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    code, _, err = cli("restore", str(junk), db=demo_db)
    assert code == 1 and "không thay đổi" in err
    db = open_database(demo_db)
    assert len(values.entries(db, "TU-DONGNAI", 2023)) == 120
    db.close()


def test_backup_made_during_start_and_before_load(demo_db):
    open_database(demo_db, backup_reason="start").close()
    assert any("start" in p.name for p in backup.list_backups(demo_db))


def test_rotation_keeps_ten_recent_and_one_per_day_for_thirty_days(demo_db):
    db = open_database(demo_db)
    now = datetime(2026, 11, 24, 12, tzinfo=UTC)
    # 40 days, 3 backups a day
    for day in range(40, -1, -1):
        for hour in (8, 12, 16):
            backup.make_backup(db, demo_db, "auto", now=now - timedelta(days=day) + timedelta(hours=hour - 12))
    db.close()
    kept = backup.list_backups(demo_db)
    stamps = [backup._stamp_of(p) for p in kept]
    days = {s.date() for s in stamps}
    assert len(stamps) == len(set(stamps))
    assert stamps[:10] == sorted(stamps, reverse=True)[:10]
    # one a day for the last 30 days, nothing older than that beyond the ten newest
    assert all(now - s <= timedelta(days=30, hours=4) for s in stamps)
    assert len(days) >= 30
    assert len(kept) <= 10 + 30


def test_damaged_database_is_detected_and_newest_backup_offered(demo_db):
    db = open_database(demo_db)
    good = backup.make_backup(db, demo_db, "manual")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(demo_db.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(data), page * 8)):
        data[offset] = 0x5A
    demo_db.write_bytes(bytes(data))
    with pytest.raises(StoreError) as info:
        open_database(demo_db)
    assert isinstance(info.value, CorruptDatabaseError)
    assert info.value.newest_backup == good
    assert "c27desk restore" in info.value.vi


def test_restore_refuses_another_units_database_unless_asked(demo_db, tmp_path, cli):
    other = tmp_path / "other.sqlite3"
    assert cli("init", "--unit-code", "HU-TANPHU", "--unit-name", "Huyện ủy Tân Phú", "--level", "huyen",
               db=other)[0] == 0
    before = cli("values", "dump", "--period", "2023", db=demo_db)[1]
    code, _, err = cli("restore", str(other), db=demo_db)
    assert code == 1 and "HU-TANPHU" in err and "--other-unit" in err
    assert cli("values", "dump", "--period", "2023", db=demo_db)[1] == before
    assert cli("restore", str(other), "--other-unit", db=demo_db)[0] == 0
    import sqlite3

    conn = sqlite3.connect(demo_db)
    try:
        assert conn.execute("SELECT code FROM units WHERE is_self = 1").fetchone()[0] == "HU-TANPHU"
    finally:
        conn.close()


@pytest.mark.parametrize("lang, why", [("vi", "đã có một tệp cùng tên ở đó"), ("en", "a file of that name is already there")])
def test_a_backup_that_cannot_be_written_says_why_in_the_readers_language(demo_db, cli, lang, why):
    """Not the OS's English ("[Errno 17] File exists") inside a Vietnamese sentence."""
    folder = backup.backup_dir(demo_db)
    for old in folder.iterdir():
        old.unlink()
    folder.rmdir()
    folder.write_bytes(b"a file where the backup folder should be")
    code, _, err = cli("--lang", lang, "backup", db=demo_db)
    assert code == 1 and err.rstrip().endswith(f"{folder}: {why}."), err
