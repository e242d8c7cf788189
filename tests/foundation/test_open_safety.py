"""Opening a database never writes into a file that is not ours, works read-only on a
write-protected stick, and acts on the real file behind a symbolic link."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from c27desk.store import backup, faults, lock
from c27desk.store.database import CorruptDatabaseError, open_database, open_read_only
from tests.conftest import DEMO_CSV


def foreign_file(folder: Path) -> Path:
    """Another program's SQLite database: one table ``x``."""
    path = folder / "foreign.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE x(a)")
    conn.execute("INSERT INTO x VALUES (1)")
    conn.commit()
    conn.close()
    return path


def folder_state(folder: Path) -> dict[str, bytes | None]:
    return {p.name: p.read_bytes() if p.is_file() else None for p in folder.iterdir()}


@pytest.mark.parametrize("command", [
    ("check", "--period", "2023"),
    ("values", "dump", "--period", "2023"),
    ("values", "load", str(DEMO_CSV), "--period", "2023"),
    ("backup",),
    ("init", "--unit-code", "TU-X", "--unit-name", "X", "--level", "tinh"),
])
def test_another_programs_database_is_refused_before_anything_is_written(tmp_path, cli, command):
    path = foreign_file(tmp_path)
    before = folder_state(tmp_path)
    code, _, err = cli("--lang", "en", *command, db=path)
    assert code == 1 and "not a c27desk database" in err and "holds: x" in err, err
    assert len(err.strip().splitlines()) == 1
    assert folder_state(tmp_path) == before  # no tables added, no -backups folder, no lock file


def test_the_window_refuses_another_programs_database_too(tmp_path):
    pytest.importorskip("PySide6")
    from c27desk.gui.app import open_for_window

    path = foreign_file(tmp_path)
    before = folder_state(tmp_path)
    with pytest.raises(backup.StoreError) as info:
        open_for_window(path, interactive=False)
    assert info.value.code == "DB_NOT_C27DESK"
    assert folder_state(tmp_path) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_devices_pipes_and_folders_are_refused_in_one_line(tmp_path, cli):
    fifo = tmp_path / "pipe.sqlite3"
    os.mkfifo(fifo)
    for path, words in ((Path("/dev/zero"), "not a regular file"), (fifo, "not a regular file"),
                        (tmp_path, "is a folder")):
        code, _, err = cli("--lang", "en", "check", "--period", "2023", db=path)
        assert code == 1 and words in err and len(err.strip().splitlines()) == 1, err


def test_an_empty_file_is_initialised(tmp_path, cli):
    path = tmp_path / "new.sqlite3"
    path.write_bytes(b"")
    assert cli("demo", db=path)[0] == 0
    db = open_database(path)
    try:
        assert db["_sqlite_migrations"].count > 0
    finally:
        db.close()


def test_an_overwritten_database_with_backups_is_called_damaged_and_names_the_backup(demo_db, cli):
    db = open_database(demo_db)
    try:
        kept = backup.make_backup(db, demo_db, "manual")
    finally:
        db.close()
    demo_db.write_bytes(b"\0" * 8192)
    with pytest.raises(CorruptDatabaseError) as info:
        open_database(demo_db)
    assert info.value.newest_backup == kept
    code, _, err = cli("--lang", "en", "check", "--period", "2023", db=demo_db)
    assert code == 1 and "damaged" in err and str(kept) in err


def test_a_damage_fault_met_mid_work_names_the_newest_backup(demo_db):
    db = open_database(demo_db)
    try:
        kept = backup.make_backup(db, demo_db, "manual")
    finally:
        db.close()
    message = faults.explain(sqlite3.DatabaseError("database disk image is malformed"), demo_db).message("en")
    assert "damaged" in message and str(kept) in message


# -- symbolic links ---------------------------------------------------------------------------------

def test_a_link_to_a_held_database_meets_the_lock(demo_db, tmp_path, cli):
    link = tmp_path / "glink.sqlite3"
    link.symlink_to(demo_db)
    held = lock.acquire(demo_db)
    try:
        code, _, err = cli("--lang", "en", "values", "load", str(DEMO_CSV), "--period", "2023", db=link)
        assert code == 1 and "open in another c27desk window" in err, err
        code, _, err = cli("--lang", "en", "restore", str(demo_db), db=link)
        assert code == 1 and "open in another c27desk window" in err, err
    finally:
        held.release()


def test_restore_through_a_link_restores_the_real_file_and_keeps_the_link(demo_db, tmp_path, cli):
    db = open_database(demo_db)
    try:
        good = backup.make_backup(db, demo_db, "manual")
        with db.atomic():
            db.execute("DELETE FROM value_entries")
    finally:
        db.close()
    link = tmp_path / "other" / "glink.sqlite3"
    link.parent.mkdir()
    link.symlink_to(demo_db)
    code, out, err = cli("--lang", "en", "restore", str(good), db=link)
    assert code == 0, err
    assert link.is_symlink() and link.resolve() == demo_db.resolve()
    assert backup.list_safety_copies(demo_db)  # the safety copy sits beside the real file
    assert not (link.parent / "glink-backups").exists()
    db = open_database(demo_db)
    try:
        assert db["value_entries"].count > 0
    finally:
        db.close()


def test_the_environment_variable_is_resolved_too(demo_db, tmp_path, monkeypatch):
    from c27desk.store.database import default_db_path

    link = tmp_path / "envlink.sqlite3"
    link.symlink_to(demo_db)
    monkeypatch.setenv("C27DESK_DB", str(link))
    assert default_db_path() == demo_db.resolve()


# -- read-only media --------------------------------------------------------------------------------

def _mount_read_only(source: Path, where: Path) -> bool:
    where.mkdir()
    if os.geteuid() != 0:
        return False
    if subprocess.run(["mount", "--bind", str(source), str(where)], capture_output=True).returncode:
        return False
    if subprocess.run(["mount", "-o", "remount,ro,bind", str(where)], capture_output=True).returncode:
        subprocess.run(["umount", str(where)], check=False)
        return False
    return True


@pytest.fixture
def read_only_stick(tmp_path, demo_db):
    """The demo database, seen through a read-only bind mount (a write-protected stick)."""
    source = demo_db.parent
    for leftover in source.glob(demo_db.name + ".lock*"):
        leftover.unlink()
    where = tmp_path.parent / (tmp_path.name + "-ro")
    if not _mount_read_only(source, where):
        if os.environ.get("CI"):  # the tests run as root there: a read-only mount must work
            pytest.fail("cannot mount a read-only folder in CI")
        pytest.skip("cannot mount a read-only folder here (not root)")
    yield where / demo_db.name
    subprocess.run(["umount", str(where)], check=False)


def test_reading_commands_work_on_a_write_protected_stick(read_only_stick, cli):
    code, out, err = cli("--lang", "en", "check", "--period", "2023", db=read_only_stick)
    assert code == 0 and "COMPLETE" in out, err
    code, out, err = cli("--lang", "en", "values", "dump", "--period", "2023", db=read_only_stick)
    assert code == 0 and out.startswith("criterion,value"), err


def test_writing_commands_on_a_write_protected_stick_say_why(read_only_stick, cli):
    code, _, err = cli("--lang", "en", "values", "load", str(DEMO_CSV), "--period", "2023", db=read_only_stick)
    assert code == 1 and "read-only" in err and len(err.strip().splitlines()) == 1, err


def test_the_window_opens_a_write_protected_stick_view_only(read_only_stick):
    pytest.importorskip("PySide6")
    from c27desk.gui.app import open_for_window

    db, instance, read_only = open_for_window(read_only_stick, interactive=False)
    try:
        assert read_only and instance is None
        assert db.execute("SELECT count(*) FROM value_entries").fetchone()[0] > 0
    finally:
        db.close()


def test_a_log_that_cannot_be_read_on_the_stick_is_named(tmp_path, demo_db):
    """A -wal with committed changes but no -shm on a read-only medium: said, not silently skipped."""
    db = open_database(demo_db)
    db.execute("PRAGMA wal_autocheckpoint = 0")
    with db.conn:
        db.execute("UPDATE value_entries SET explanation = 'only in the log' WHERE rowid = 1")
    stick = tmp_path / "stick"
    stick.mkdir()
    for suffix in ("", "-wal"):
        (stick / ("copy.sqlite3" + suffix)).write_bytes(demo_db.with_name(demo_db.name + suffix).read_bytes())
    db.close()
    where = tmp_path / "ro"
    if not _mount_read_only(stick, where):
        if os.environ.get("CI"):
            pytest.fail("cannot mount a read-only folder in CI")
        pytest.skip("cannot mount a read-only folder here (not root)")
    try:
        with pytest.raises(backup.StoreError) as info:
            open_read_only(where / "copy.sqlite3")
        assert info.value.code == "DB_WAL_UNREADABLE" and "copy.sqlite3-wal" in info.value.message("en")
    finally:
        subprocess.run(["umount", str(where)], check=False)


def test_a_hard_link_to_a_held_database_meets_the_lock(demo_db, tmp_path, cli):
    other = tmp_path / "elsewhere"
    other.mkdir()
    hard = other / "hard.sqlite3"
    os.link(demo_db, hard)
    held = lock.acquire(demo_db)
    try:
        code, _, err = cli("--lang", "en", "values", "load", str(DEMO_CSV), "--period", "2023", db=hard)
        assert code == 1 and "open in another c27desk window" in err, err
    finally:
        held.release()
    assert cli("values", "load", str(DEMO_CSV), "--period", "2023", db=hard)[0] == 0  # free once released


def test_a_reused_file_number_does_not_block_another_database(demo_db, tmp_path, monkeypatch):
    """The identity lock names the file it was taken for; a new file that happens to get the same
    number after the first was replaced is not refused."""
    held = lock.acquire(demo_db)
    assert held.identity is not None
    try:
        stranger = tmp_path / "stranger.sqlite3"
        stranger.write_bytes(b"")
        monkeypatch.setattr(lock, "_identity_path", lambda _p: held.identity)
        lock.acquire(stranger).release()
    finally:
        held.release()


def test_a_damaged_database_is_said_damaged_in_the_readers_words_only(demo_db, cli):
    """SQLite's English ("database disk image is malformed") stays in the log, not in a Vietnamese sentence."""
    data = bytearray(demo_db.read_bytes())
    data[4096 * 3:4096 * 8] = b"\x5a" * len(data[4096 * 3:4096 * 8])
    demo_db.write_bytes(bytes(data))
    code, _, err = cli("check", "--period", "2023", db=demo_db)
    assert code == 1 and f"Cơ sở dữ liệu {demo_db} bị hỏng (dữ liệu trong tệp không qua kiểm tra toàn vẹn)." in err, err
