"""Database faults (read-only file or folder, full disk, I/O error, a folder or a truncated file in
its place, another program holding it): one line naming the cause, never a traceback.

Tests run as root, where chmod does not stop writes: read-only is made with ``chattr +i`` or a
read-only tmpfs where the machine allows it, and with ``mode=ro`` connections and injected
errors everywhere.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from c27desk.errors import C27Error
from c27desk.model.values import Entry
from c27desk.store import database, faults, values
from tests.reliability.test_export_failures import mount_tmpfs

# commands that open the database, each with the least it needs (period 2023 of the demo)
COMMANDS = [
    ("check", "--period", "2023"),
    ("values", "dump", "--period", "2023"),
    ("backup",),
    ("period", "close", "2023"),
    ("finalise", "--period", "2023", "--accept-warnings"),
    ("carry-forward", "--period", "2024"),
    ("units", "list"),
    ("levels", "list"),
    ("signing", "show"),
    ("trust", "list"),
    ("consolidate", "--period", "2023"),
    ("appendix", "--period", "2023", "--out", "x.pdf"),
    ("catalog", "show", "--period", "2023"),
    ("gui", "--screenshot", "x.png"),
]


def one_line(code: int, err: str) -> str:
    assert code == 1, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    return err


def chattr(flag: str, *paths: Path) -> bool:
    return subprocess.run(["chattr", flag, *map(str, paths)], capture_output=True).returncode == 0


@pytest.fixture
def immutable(demo_db):
    """The demo database file made read-only even for root; released afterwards."""
    if not chattr("+i", demo_db):
        pytest.skip("chattr +i is not available here")
    yield demo_db
    chattr("-i", demo_db)


def test_a_write_through_a_read_only_connection_is_a_one_line_store_error(demo_db):
    db = database.connect(demo_db, readonly=True)
    try:
        with pytest.raises(C27Error) as info:
            values.save_entry(db, "TU-DONGNAI", 2023, "II.1", Entry("II.1", "5", ""), who="t")
    finally:
        db.close()
    assert info.value.code == "DB_READONLY" and isinstance(info.value, sqlite3.OperationalError)
    assert "chỉ cho đọc" in info.value.message("vi")


def test_read_only_database_file_every_command_reads_or_says_why(immutable, cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for args in COMMANDS:
        code, _, err = cli(*args, db=immutable)
        if code != 0:
            assert "chỉ cho đọc" in one_line(code, err) or "c27desk:" in err, (args, err)
    code, _, err = cli("period", "close", "2023", db=immutable)
    assert "chỉ cho đọc" in one_line(code, err)


def test_read_only_folder(demo_db, cli, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    if not chattr("+i", folder):
        pytest.skip("chattr +i is not available here")
    try:
        new = one_line(*cli("init", "--unit-code", "HU-X", "--unit-name", "Huyện ủy X", "--level", "huyen",
                            db=folder / "new.sqlite3")[::2])
        assert "quyền" in new or "chỉ cho đọc" in new
    finally:
        chattr("-i", folder)
    chattr("+i", demo_db.parent)
    try:
        assert "chỉ cho đọc" in one_line(*cli("backup", db=demo_db)[::2])
    finally:
        chattr("-i", demo_db.parent)


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_a_folder_in_place_of_the_database(tmp_path, cli, args, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "c27desk.sqlite3"
    folder.mkdir()
    assert "thư mục" in one_line(*cli(*args, db=folder)[::2])


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_a_truncated_database(demo_db, cli, args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    demo_db.write_bytes(demo_db.read_bytes()[:6000])
    err = one_line(*cli(*args, db=demo_db)[::2])
    assert "hỏng" in err or "không phải là cơ sở dữ liệu" in err


def test_full_disk_real(demo_db, cli, tmp_path):
    disk = tmp_path / "disk"
    if not mount_tmpfs(disk, "size=1m"):
        pytest.skip("cannot mount a tmpfs here (not root); the injected variant covers this")
    try:
        db_path = disk / "c27desk.sqlite3"
        db_path.write_bytes(demo_db.read_bytes())
        free = subprocess.run(["df", "--output=avail", "-B1", str(disk)], capture_output=True, text=True)
        (disk / "filler").write_bytes(b"\0" * (int(free.stdout.split()[-1]) - 8192))
        for args in (("period", "close", "2023"), ("check", "--period", "2023")):
            assert "ổ đĩa đã đầy" in one_line(*cli(*args, db=db_path)[::2])
    finally:
        subprocess.run(["umount", str(disk)], check=False)


class _Failing(faults.Connection):
    """A connection whose writes meet the given SQLite error, as a failing disk would give."""

    message = "disk I/O error"

    def execute(self, sql, *args):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "COMMIT")):
            with faults.mapped_faults(self.db_path):
                raise sqlite3.OperationalError(self.message)
        return super().execute(sql, *args)


@pytest.mark.parametrize(("message", "words"), [
    ("disk I/O error", "lỗi đọc/ghi ổ đĩa"),
    ("database or disk is full", "ổ đĩa đã đầy"),
    ("attempt to write a readonly database", "chỉ cho đọc"),
])
def test_injected_write_faults(demo_db, cli, monkeypatch, message, words):
    monkeypatch.setattr(_Failing, "message", message)
    monkeypatch.setattr(faults, "Connection", _Failing)
    monkeypatch.setattr(faults, "_nearly_full", lambda _path: False)
    assert words in one_line(*cli("period", "close", "2023", db=demo_db)[::2])


def test_os_error_outside_a_statement_is_one_line(demo_db, cli, monkeypatch):
    def broken(*_a, **_k):
        raise OSError(5, "Input/output error", str(demo_db))

    monkeypatch.setattr("c27desk.store.backup.check_file", broken)
    err = one_line(*cli("restore", str(demo_db.with_name("x.sqlite3")), db=demo_db)[::2])
    assert "Không có tệp" in err  # a missing source is still told as such
    monkeypatch.setattr("c27desk.store.database.open_database", broken)  # the command line looks it up there
    monkeypatch.setattr("c27desk.store.database.open_read_only", broken)  # reading commands open read-only
    assert "lỗi đọc/ghi thiết bị" in one_line(*cli("check", "--period", "2023", db=demo_db)[::2])


def test_held_by_another_program(demo_db, cli, monkeypatch):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys, time\n"
         f"c = sqlite3.connect({str(demo_db)!r}, isolation_level=None)\n"
         "c.execute('BEGIN EXCLUSIVE'); print('held', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        err = one_line(*cli("period", "close", "2023", db=demo_db)[::2])
        assert "chương trình khác đang giữ" in err
    finally:
        holder.kill()
        holder.wait()


def test_window_shows_a_fault_as_a_refusal(qtbot, demo_db):
    """A read-only database in the window: typing a value is refused with the reason, no traceback."""
    from c27desk.gui.main_window import MainWindow
    from tests.gui.test_entry_trust import type_refused
    from tests.gui.test_entry_window import COL_VALUE

    db = database.connect(demo_db, readonly=True)
    window = MainWindow(db, demo_db, period=2023, read_only=False, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    try:
        type_refused(qtbot, window, "II.3", COL_VALUE, "7")  # kept in its cell with the reason
        assert "chỉ cho đọc" in window.last_refusal
    finally:
        window.close()
        db.close()


def test_window_fault_hook_shows_one_line(monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from c27desk.gui.app import fault_hook

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _p, _t, text: shown.append(text)))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))  # the unexpected error's box
    hook = fault_hook(tmp_path / "c27desk.sqlite3", previous=lambda *a: shown.append("previous"))
    error = sqlite3.OperationalError("database or disk is full")
    hook(type(error), error, None)
    error = OSError(30, "Read-only file system", str(tmp_path))
    hook(type(error), error, None)
    hook(ValueError, ValueError("x"), None)
    hook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert "ổ đĩa đã đầy" in shown[0] and "chỉ cho đọc" in shown[1]
    assert "lỗi không mong đợi: ValueError: x" in shown[2] and shown[3] == "previous"
