"""Rotating backups through SQLite's backup API, and restore.

A file copy of a live WAL database can miss committed pages still in the -wal file, so
every backup goes through ``Connection.backup`` into a temporary file that is checked,
fsynced and then renamed into place. Rotation keeps the newest ``KEEP_RECENT`` backups and
the newest backup of each of the last ``KEEP_DAYS`` days.
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from sqlite_utils import Database

from c27desk.errors import StoreError

T = TypeVar("T")
KEEP_RECENT = 10
KEEP_DAYS = 30
STALE_TMP_SECONDS = 3600
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}\d{6})-(?P<reason>[a-z0-9-]+)\.sqlite3$")


def backup_dir(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.parent / f"{db_path.stem}-backups"


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def list_backups(db_path: Path) -> list[Path]:
    """Backups of this database, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if _NAME.match(p.name)]
    return sorted(found, key=lambda p: _NAME.match(p.name)["stamp"], reverse=True)


def _stamp_of(path: Path) -> datetime:
    stamp = _NAME.match(path.name)["stamp"]
    return datetime.strptime(stamp, "%Y%m%dT%H%M%S%f").replace(tzinfo=UTC)


def check_file(path: Path) -> str | None:
    """None when the file is a sound SQLite database, else what is wrong with it."""
    try:
        conn = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows and rows[0][0] == "ok" else (rows[0][0] if rows else "no answer")


def newest_good_backup(db_path: Path) -> Path | None:
    return next((p for p in list_backups(db_path) if check_file(p) is None), None)


def make_backup(db: Database, db_path: Path, reason: str, *, now: datetime | None = None) -> Path:
    """Write a consistent backup of ``db`` and rotate old ones; returns the new file."""
    reason = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "manual"
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    moment = now or datetime.now(UTC)
    target = folder / f"{Path(db_path).stem}-{moment.strftime('%Y%m%dT%H%M%S%f')}-{reason}.sqlite3"
    tmp = target.with_name(target.name + ".tmp")
    try:
        dest = sqlite3.connect(tmp)
        try:
            db.conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        problem = check_file(tmp)
        if problem:
            raise StoreError(
                f"bản sao lưu vừa tạo không đọc lại được ({problem}).",
                f"the new backup does not read back ({problem}).",
                code="BACKUP_BAD",
            )
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        _fsync_dir(folder)
    except OSError as exc:
        raise StoreError(
            f"không ghi được bản sao lưu vào {folder}: {exc.strerror}.",
            f"cannot write a backup to {folder}: {exc.strerror}.",
            code="BACKUP_FAILED",
        ) from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    rotate(db_path, now=moment)
    return target


def rotate(db_path: Path, *, now: datetime | None = None) -> list[Path]:
    """Delete backups beyond the newest ten and the newest of each of the last 30 days."""
    moment = now or datetime.now(UTC)
    backups = list_backups(db_path)
    keep: set[Path] = set(backups[:KEEP_RECENT])
    seen_days: set[str] = set()
    for path in backups:  # newest first: the first one seen for a day is that day's newest
        when = _stamp_of(path)
        day = when.strftime("%Y-%m-%d")
        if moment - when <= timedelta(days=KEEP_DAYS) and day not in seen_days:
            keep.add(path)
        seen_days.add(day)
    removed = [p for p in backups if p not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    # leftovers of a backup interrupted by a crash or power cut (never listed as backups)
    folder = backup_dir(db_path)
    for stale in folder.glob("*.sqlite3.tmp") if folder.is_dir() else ():
        try:
            if time.time() - stale.stat().st_mtime > STALE_TMP_SECONDS:
                stale.unlink()
        except OSError:
            pass
    return removed


def _self_code(conn) -> str | None:
    try:
        row = conn.execute("SELECT code FROM units WHERE is_self = 1").fetchone()
    except sqlite3.Error:  # a damaged live database: nothing to compare with
        return None
    return row[0] if row else None


def restore(db: Database, db_path: Path, source: Path, *, other_unit: bool = False) -> Path:
    """Replace the live database's content with ``source``; returns the safety backup.

    The source is checked first, and the current state is itself backed up, so a restore
    can be undone by restoring that file.
    """
    source = Path(source)
    if not source.is_file():
        raise StoreError(f"không có tệp {source}.", f"no such file {source}.", code="RESTORE_MISSING")
    problem = check_file(source)
    if problem:
        raise StoreError(
            f"{source} không phải là bản sao lưu dùng được ({problem}); cơ sở dữ liệu không thay đổi.",
            f"{source} is not a usable backup ({problem}); the database is unchanged.",
            code="RESTORE_BAD",
        )
    src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
    try:
        names = {r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"units", "value_entries", "audit_log"} <= names:
            raise StoreError(
                f"{source} không phải là cơ sở dữ liệu c27desk; cơ sở dữ liệu không thay đổi.",
                f"{source} is not a c27desk database; the database is unchanged.",
                code="RESTORE_BAD",
            )
        theirs, ours = _self_code(src), _self_code(db.conn)
        if theirs and ours and theirs != ours and not other_unit:
            raise StoreError(
                f"{source} là dữ liệu của đơn vị {theirs}, còn cơ sở dữ liệu này của {ours}; không khôi phục "
                "(nếu đúng là muốn vậy, thêm --other-unit).",
                f"{source} holds unit {theirs}'s data and this database is {ours}'s; nothing restored "
                "(add --other-unit if that is really meant).",
                code="RESTORE_OTHER_UNIT",
            )
        safety = make_backup(db, db_path, "before-restore")
        src.backup(db.conn)
    finally:
        src.close()
    return safety


# -- a backup after each change of state that matters ---------------------------------------------
def database_file(db: Database) -> Path | None:
    """The file behind a connection (None for an in-memory database)."""
    for row in db.execute("PRAGMA database_list").fetchall():
        if row[1] == "main" and row[2]:
            return Path(row[2])
    return None


def backed_up(reason: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Decorate a service whose first argument is the database: once it has succeeded, back up.

    Finalising, reopening, accepting proposals, changing report details, exporting and changing
    the unit register are each a state an accident should not lose. Inside a caller's
    transaction nothing is copied (the caller's own service is the one to back up), and a backup
    that cannot be written is noted in the audit log rather than reported as the change failing:
    the change itself is committed."""

    def wrap(fn: Callable[..., T]) -> Callable[..., T]:
        @functools.wraps(fn)
        def inner(db: Database, *args, **kwargs) -> T:
            result = fn(db, *args, **kwargs)
            path = database_file(db)
            if path is not None and not db.conn.in_transaction:
                try:
                    make_backup(db, path, f"after-{reason}")
                except StoreError as exc:
                    from c27desk.store.audit import log

                    with db.atomic():
                        log(db, "backup-failed", detail=f"after-{reason}: {exc.en}")
            return result

        return inner

    return wrap
