"""Rotating backups through SQLite's backup API, and restore.

A file copy of a live WAL database can miss committed pages still in the -wal file, so
every backup goes through ``Connection.backup`` into a temporary file that is checked,
fsynced and then renamed into place. Rotation keeps the newest ``KEEP_RECENT`` backups and
the newest backup of each of the last ``KEEP_DAYS`` days.

A restore is the one operation that replaces the whole live file, so it checks the source
completely (SQLite, c27desk's schema at a level this program knows, integrity, the same
unit) on a private copy before the live file is touched, keeps the state it replaces in
``<stem>-backups/before-restore/`` (a folder rotation never looks into: a run of failed or
mistaken restores can never delete the only good copy), and puts the checked copy in place
with one rename. A damaged live file, the case restore exists for, is kept byte for byte
as ``…-damaged.sqlite3`` instead of being backed up through SQLite, which would fail on it.
"""

from __future__ import annotations

import functools
import glob
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from sqlite_utils import Database

from c27desk.errors import StoreError
from c27desk.fileio import os_text
from c27desk.i18n import Text, joined, msg, verbatim
from c27desk.log import log
from c27desk.store.clock import vn_display

T = TypeVar("T")
KEEP_RECENT = 10
KEEP_DAYS = 30
STALE_TMP_SECONDS = 3600
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}\d{6})-(?P<reason>[a-z0-9-]+)\.sqlite3$")


def backup_dir(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.parent / f"{db_path.stem}-backups"


SAFETY_FOLDER = "before-restore"
SQLITE_HEADER = b"SQLite format 3\x00"


def safety_dir(db_path: Path) -> Path:
    """Where the state replaced by each restore is kept; rotation never deletes anything here."""
    return backup_dir(db_path) / SAFETY_FOLDER


def list_safety_copies(db_path: Path) -> list[Path]:
    """States kept before restores (healthy and damaged), newest first."""
    return _listed(safety_dir(db_path))


def _listed(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if _NAME.match(p.name)]
    return sorted(found, key=lambda p: _NAME.match(p.name)["stamp"], reverse=True)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def list_backups(db_path: Path) -> list[Path]:
    """Backups of this database, newest first (the rotated set; see list_safety_copies for the rest)."""
    return _listed(backup_dir(db_path))


def _stamp_of(path: Path) -> datetime:
    """The moment in a backup's name (``YYYYmmddTHHMMSSffffff``, UTC), read by position: the name's
    pattern fixes every digit's place, and strptime's first use costs each start ~1 ms."""
    s = _NAME.match(path.name)["stamp"]
    return datetime(int(s[0:4]), int(s[4:6]), int(s[6:8]), int(s[9:11]), int(s[11:13]), int(s[13:15]),
                    int(s[15:21]), tzinfo=UTC)


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


def taken_at(path: Path) -> str:
    """When a backup was taken, as people in Vietnam read it (GMT+7)."""
    return vn_display(_stamp_of(path), seconds=True)


#: Why each backup was taken, in words (the file name keeps the short English tag).
REASONS = {
    "manual": msg("sao lưu thủ công", "made by hand"),
    "start": msg("khi mở chương trình", "at start"),
    "after-restore": msg("sau khi khôi phục", "after a restore"),
    "before-restore": msg("trạng thái trước khi khôi phục", "the state before a restore"),
    "damaged": msg("tệp hỏng được giữ lại khi khôi phục", "the damaged file, kept by a restore"),
    "before-migration": msg("trước khi nâng cấp cơ sở dữ liệu", "before the database was upgraded"),
    "before-load": msg("trước khi nạp số liệu", "before values were loaded"),
    "before-import": msg("trước khi nhận gói", "before packages were imported"),
    "install-form": msg("trước khi cài biểu mẫu", "before a form was installed"),
    "after-finalise": msg("sau khi chốt báo cáo", "after a report was finalised"),
    "after-reopen": msg("sau khi mở lại báo cáo", "after a report was reopened"),
    "after-export": msg("sau khi xuất gói", "after a package was exported"),
    "after-accept": msg("sau khi chấp nhận đề xuất", "after proposals were accepted"),
    "after-report-details": msg("sau khi sửa thông tin báo cáo", "after the report details changed"),
    "after-units": msg("sau khi sửa danh sách đơn vị", "after the unit register changed"),
    "after-signers": msg("sau khi sửa người ký", "after the signers changed"),
    "after-history": msg("sau khi đưa lịch sử đơn vị vào", "after a unit's history was brought in"),
}


def backup_reason(path: Path) -> Text:
    """Why the backup ``path`` was taken, in the reader's language (an unknown tag as it is)."""
    tag = _NAME.match(path.name)["reason"]
    return REASONS.get(tag) or verbatim(tag)


def size_text(size: int) -> Text:
    """A file size as people read it (KB below a megabyte, MB with one decimal above)."""
    if size < 1024 * 1024:
        return msg("{kb} KB", "{kb} KB", kb=max(1, round(size / 1024)))
    return msg("{mb} MB", "{mb} MB", mb=Decimal(size / (1024 * 1024)).quantize(Decimal("0.1")))


def backup_line(path: Path) -> Text:
    """One backup in a list: when (GMT+7), why, how large, where."""
    try:
        size = size_text(path.stat().st_size)
    except OSError:
        size = verbatim("?")
    return joined("{when}  {why}  {size}  {path}", when=_stamp_of(path), why=backup_reason(path), size=size,
                  path=str(path))


def newest_good_backup(db_path: Path) -> Path | None:
    return next((p for p in list_backups(db_path) if check_file(p) is None), None)


def _backup_name(db_path: Path, folder: Path, moment: datetime, reason: str) -> Path:
    return folder / f"{Path(db_path).stem}-{moment.strftime('%Y%m%dT%H%M%S%f')}-{reason}.sqlite3"


def make_backup(db: Database, db_path: Path, reason: str, *, now: datetime | None = None,
                folder: Path | None = None) -> Path:
    """Write a consistent backup of ``db`` and rotate old ones; returns the new file.

    With ``folder`` (the safety folder of a restore) the copy goes there and nothing is rotated."""
    reason = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "manual"
    rotating = folder is None
    folder = folder or backup_dir(db_path)
    moment = now or datetime.now(UTC)
    target = _backup_name(db_path, folder, moment, reason)
    tmp = target.with_name(target.name + ".tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(tmp)
        try:
            db.conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        problem = check_file(tmp)
        if problem:
            raise StoreError(
                msg("Bản sao lưu vừa tạo không đọc lại được ({problem}).",
                    "The new backup does not read back ({problem}).",
                    problem=problem),
                code="BACKUP_BAD",
            )
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        _fsync_dir(folder)
    except OSError as exc:
        raise StoreError(
            msg("Không ghi được bản sao lưu vào {folder}: {why}.",
                "Cannot write a backup to {folder}: {why}.",
                folder=folder, why=os_text(exc)),  # the OS's own words are English in both languages
            code="BACKUP_FAILED",
        ) from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    if rotating:
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



def _self_code(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT code FROM units WHERE is_self = 1").fetchone()
    except sqlite3.Error:  # a damaged live database: nothing to compare with
        return None
    return row[0] if row else None


def _refuse(source: Path, code: str, reason: Text) -> StoreError:
    """A refused restore: the file, why (a message of its own, its data in named values), and the
    assurance that nothing changed."""
    return StoreError(msg("Không khôi phục từ {source}: {reason}; cơ sở dữ liệu không thay đổi.",
                          "Not restoring from {source}: {reason}; the database is unchanged.",
                          source=source, reason=reason), code=code)


_KINDS = {"table": msg("bảng", "table"), "index": msg("chỉ mục", "index"), "trigger": msg("trigger", "trigger"),
          "view": msg("khung nhìn", "view")}


def _schema(conn: sqlite3.Connection) -> dict[tuple[str, str], tuple[str, tuple]]:
    """Every object a file defines: (type, name) → (its SQL with whitespace collapsed, its columns).

    SQLite's own objects (``sqlite_%``: sequence, statistics, automatic indexes) are left out;
    nobody can define those, and their presence depends on use, not on the schema. So are the
    migration record table and its index, whose form is sqlite-utils' and may vary with its
    version (a trigger on it is not left out)."""
    found: dict[tuple[str, str], tuple[str, tuple]] = {}
    for kind, name, sql in conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
            "AND NOT (type IN ('table', 'index') AND tbl_name = '_sqlite_migrations')"):
        columns: tuple = ()
        if kind in ("table", "view"):
            columns = tuple(tuple(r[1:]) for r in conn.execute(f'PRAGMA table_xinfo("{name}")'))
        found[(kind, name)] = (" ".join((sql or "").split()), columns)
    return found


def _first_difference(have: dict, want: dict) -> Text | None:
    """The first way the file's schema differs from the reference, in words, or None."""
    for key in sorted(set(have) | set(want)):
        kind_code, name = key
        kind = _KINDS.get(kind_code) or verbatim(kind_code)
        if key not in want:
            return msg("có thêm {kind} {name}", "it has an extra {kind} {name}", kind=kind, name=name)
        if key not in have:
            return msg("thiếu {kind} {name}", "the {kind} {name} is missing", kind=kind, name=name)
        if have[key] == want[key]:
            continue
        have_cols = {c[0]: c for c in have[key][1]}
        want_cols = {c[0]: c for c in want[key][1]}
        for col in sorted(set(want_cols) - set(have_cols)):
            return msg("thiếu cột {column}", "the column {column} is missing", column=f"{name}.{col}")
        for col in sorted(set(have_cols) - set(want_cols)):
            return msg("có thêm cột {column}", "it has an extra column {column}", column=f"{name}.{col}")
        for col in sorted(want_cols):
            if have_cols[col] != want_cols[col]:
                return msg("cột {column} khác định nghĩa", "the column {column} is defined differently",
                           column=f"{name}.{col}")
        return msg("{kind} {name} khác định nghĩa", "the {kind} {name} is defined differently", kind=kind, name=name)
    return None


def _check_schema(conn: sqlite3.Connection, source: Path) -> None:
    """Refuse a file whose schema is not exactly the one our migrations build at the level it claims.

    Everything counts (tables, columns, indexes, triggers, views): a planted trigger would run
    inside this program on the next write, an extra table is not ours to carry. The reference is
    built by the same migration steps, so a foreign file with a table called ``units`` cannot pass."""
    from c27desk.store.database import MIGRATION_SET, migrations  # database imports this module

    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "_sqlite_migrations" not in names:
        raise _refuse(source, "RESTORE_FOREIGN", msg("tệp không phải là cơ sở dữ liệu c27desk (không có sổ nâng cấp)",
                                                     "the file is not a c27desk database (no migration records)"))
    applied = {r[0] for r in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])}
    if not applied:
        raise _refuse(source, "RESTORE_FOREIGN", msg("tệp không phải là cơ sở dữ liệu c27desk",
                                                     "the file is not a c27desk database"))
    mig = migrations()
    unknown = applied - {m.name for m in mig._migrations}
    if unknown:
        raise _refuse(source, "RESTORE_TOO_NEW", msg(
            "tệp do phiên bản c27desk mới hơn ghi ({steps}); hãy dùng phiên bản mới hơn",
            "the file was written by a newer c27desk ({steps}); use a newer version",
            steps=", ".join(sorted(unknown))))
    reference = Database(memory=True)
    try:
        mig.ensure_migrations_table(reference)
        for step in mig._migrations:
            if step.name in applied:
                step.fn(reference)
        expected = _schema(reference.conn)
    finally:
        reference.close()
    difference = _first_difference(_schema(conn), expected)
    if difference:
        raise _refuse(source, "RESTORE_SCHEMA", msg(
            "cấu trúc tệp khác với cơ sở dữ liệu c27desk ở cùng mức nâng cấp: {difference}",
            "its structure differs from a c27desk database at the same level: {difference}", difference=difference))


def _damaged(exc: sqlite3.DatabaseError) -> Text:
    """A damaged file in our words: SQLite's own ("database disk image is malformed") are English
    whatever the language and mean nothing to a clerk; they reach the log as the refusal's cause."""
    return msg("tệp bị hỏng, không đọc được nội dung cơ sở dữ liệu trong đó",
               "the file is damaged: the database in it cannot be read")


def _live_self_code(db_path: Path) -> str | None:
    """The live file's own unit, read without leaving a trace: with no -wal beside it the file
    is opened immutable, so not even an empty -wal or -shm appears next to it."""
    if not db_path.is_file():
        return None
    wal = db_path.with_name(db_path.name + "-wal")
    how = "mode=ro" if wal.is_file() and wal.stat().st_size else "mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(f"file:{db_path.as_posix()}?{how}", uri=True)
    except sqlite3.Error:
        return None
    try:
        return _self_code(conn)
    finally:
        conn.close()


def _check_unit(conn: sqlite3.Connection, source: Path, ours: str | None, other_unit: bool) -> None:
    if ours is None or other_unit:
        return
    theirs = _self_code(conn)
    if theirs is None:
        raise _refuse(source, "RESTORE_OTHER_UNIT", msg(
            "tệp không ghi đơn vị nào là của mình nên không biết là dữ liệu của ai, còn cơ sở dữ liệu này "
            "của {ours} (nếu đúng là muốn vậy, thêm --other-unit)",
            "the file marks no unit as its own, so whose data it holds is unknown, and this database is "
            "{ours}'s (add --other-unit if that is really meant)", ours=ours))
    if theirs != ours:
        raise _refuse(source, "RESTORE_OTHER_UNIT", msg(
            "tệp là dữ liệu của đơn vị {theirs}, còn cơ sở dữ liệu này của {ours} "
            "(nếu đúng là muốn vậy, thêm --other-unit)",
            "the file holds unit {theirs}'s data and this database is {ours}'s "
            "(add --other-unit if that is really meant)", theirs=theirs, ours=ours))


def _copy_in(source: Path, tmp: Path) -> None:
    """Copy the source (and a -wal beside it) next to the live file and fold it into one file.

    Working on a private copy lets a backup on a read-only stick be checked (SQLite may need
    to write to replay a journal) and makes the checked bytes the very bytes put in place."""
    shutil.copyfile(source, tmp)
    wal = source.with_name(source.name + "-wal")
    if wal.is_file():
        shutil.copyfile(wal, tmp.with_name(tmp.name + "-wal"))
    conn = sqlite3.connect(tmp)
    try:
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()  # folds a copied WAL into the file
    finally:
        conn.close()


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
              path.with_name(path.name + "-journal")):
        p.unlink(missing_ok=True)


@dataclass(frozen=True)
class Restored:
    """What a restore did: where the replaced state is kept and whether it was damaged."""

    source: Path
    kept: Path | None  # None when there was no database before
    damaged: bool


def _keep_live(db_path: Path, moment: datetime) -> tuple[Path | None, bool]:
    """Keep the live file's state in the safety folder: through SQLite when it is sound,
    byte for byte (with its -wal) when it is not."""
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None, False
    folder = safety_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    if check_file(db_path) is None:
        try:
            live = Database(sqlite3.connect(db_path))
        except sqlite3.Error:
            live = None
        if live is not None:
            try:
                kept = make_backup(live, db_path, "before-restore", now=moment, folder=folder)
                live.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # nothing left only in the -wal
                return kept, False
            except (StoreError, sqlite3.Error):
                pass  # could not be read through SQLite after all: keep the raw bytes below
            finally:
                live.close()
    target = _backup_name(db_path, folder, moment, "damaged")
    for suffix in ("-wal", ""):  # the main file last: once it is listed, its -wal is already there
        part = db_path.with_name(db_path.name + suffix)
        if part.is_file():
            done = target.with_name(target.name + suffix)
            tmp = done.with_name(done.name + ".tmp")
            with open(part, "rb") as src, open(tmp, "wb") as dst:
                shutil.copyfileobj(src, dst)
                dst.flush()
                os.fsync(dst.fileno())
            os.replace(tmp, done)
    _fsync_dir(folder)
    return target, True


def _clear_leftovers(db_path: Path) -> None:
    """Remove what a restore killed half-way left (the caller holds the lock, so none is in use)."""
    for stale in db_path.parent.glob(f".{glob.escape(db_path.name)}.restore-*.tmp*"):
        stale.unlink(missing_ok=True)
    folder = safety_dir(db_path)
    for stale in folder.glob("*.tmp") if folder.is_dir() else ():
        stale.unlink(missing_ok=True)


def restore(db_path: Path, source: Path, *, other_unit: bool = False, now: datetime | None = None) -> Restored:
    """Replace the live database with ``source`` after checking it completely.

    The caller holds the instance lock. Nothing under ``db_path`` changes unless every
    check passes; the replaced state is kept in :func:`safety_dir`; the copy is put in
    place with one rename, so a crash leaves either the old file or the new one."""
    db_path, source = Path(os.path.realpath(db_path)), Path(source)  # a link: restore the real file, keep the link
    if source.is_dir():
        raise _refuse(source, "RESTORE_MISSING", msg("đây là thư mục, không phải tệp", "this is a folder, not a file"))
    if source.exists() and not source.is_file():  # /dev/zero, a pipe: reading would never end or never start
        raise _refuse(source, "RESTORE_NOT_FILE", msg("đây không phải là tệp thông thường (thiết bị hay ống dẫn)",
                                                      "this is not a regular file (a device or a pipe)"))
    if not source.is_file():
        raise StoreError(msg("Không có tệp {source}.",
                             "No such file {source}.",
                             source=source), code="RESTORE_MISSING")
    if db_path.exists() and os.path.samefile(source, db_path):
        raise _refuse(source, "RESTORE_SAME", msg("đây chính là cơ sở dữ liệu đang dùng",
                                                  "this is the database in use itself"))
    try:
        with open(source, "rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise _refuse(source, "RESTORE_UNREADABLE", msg("không đọc được tệp ({why})", "cannot read it ({why})",
                                                        why=os_text(exc))) from exc
    if not header:  # a copy cut off before its first byte: say so, it is not someone else's file
        raise _refuse(source, "RESTORE_NOT_SQLITE", msg("tệp rỗng (0 byte), không phải là cơ sở dữ liệu SQLite",
                                                        "the file is empty (0 bytes), not an SQLite database"))
    if header != SQLITE_HEADER:
        raise _refuse(source, "RESTORE_NOT_SQLITE", msg("tệp không phải là cơ sở dữ liệu SQLite",
                                                        "the file is not an SQLite database"))
    ours = _live_self_code(db_path)
    moment = now or datetime.now(UTC)
    _clear_leftovers(db_path)
    tmp = db_path.with_name(f".{db_path.name}.restore-{os.getpid()}.tmp")
    try:
        try:
            _copy_in(source, tmp)
        except OSError as exc:
            raise _refuse(source, "RESTORE_FAILED", msg("không chép được tệp vào {folder} ({why})",
                                                        "cannot copy it into {folder} ({why})",
                                                        folder=db_path.parent, why=os_text(exc))) from exc
        except sqlite3.DatabaseError as exc:
            raise _refuse(source, "RESTORE_BAD", _damaged(exc)) from exc
        problem = check_file(tmp)
        if problem:  # SQLite's report (English, technical) is for support: the log keeps it
            log.warning("restore from %s: integrity check: %s", source, problem)
            raise _refuse(source, "RESTORE_BAD", msg("tệp không qua kiểm tra toàn vẹn: dữ liệu trong tệp bị hỏng",
                                                     "the file fails its integrity check: the data in it is damaged"))
        conn = sqlite3.connect(f"file:{tmp.as_posix()}?mode=ro", uri=True)
        try:
            _check_schema(conn, source)
            _check_unit(conn, source, ours, other_unit)
        except sqlite3.DatabaseError as exc:
            raise _refuse(source, "RESTORE_BAD", _damaged(exc)) from exc
        finally:
            conn.close()
        try:
            kept, damaged = _keep_live(db_path, moment)
        except OSError as exc:
            raise _refuse(source, "RESTORE_FAILED", msg("không giữ được bản hiện tại ({why})",
                                                        "cannot keep the current state ({why})",
                                                        why=os_text(exc))) from exc
        try:
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            for stale in ("-wal", "-shm", "-journal"):  # the old file's log must not be replayed on the new one
                db_path.with_name(db_path.name + stale).unlink(missing_ok=True)
            os.replace(tmp, db_path)
            _fsync_dir(db_path.parent)
        except OSError as exc:
            raise StoreError(msg("Không khôi phục được từ {source}: không thay được tệp ({reason}); trạng thái trước được giữ ở "
                                 "{kept}.",
                                 "Could not restore from {source}: cannot put it in place ({reason}); the previous state is kept in "
                                 "{kept}.",
                                 source=source, kept=kept, reason=os_text(exc)), code="RESTORE_FAILED") from exc
    finally:
        _remove(tmp)
    _log_restore(db_path, source, kept, damaged)
    return Restored(source, kept, damaged)


def _log_restore(db_path: Path, source: Path, kept: Path | None, damaged: bool) -> None:
    """Bring the restored file to this program's schema level and record the restore in its audit log."""
    from c27desk.store import audit
    from c27desk.store.database import open_database  # database imports this module

    db = open_database(db_path, check_integrity=False)  # checked above, byte for byte
    try:
        with db.atomic():
            audit.log(db, "restore", detail=f"from {source}; previous state kept in {kept or '-'}"
                      + ("; it was damaged" if damaged else ""))
    finally:
        db.close()



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
