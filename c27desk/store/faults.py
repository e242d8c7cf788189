"""What a database fault means to the person at the keyboard, in one line.

SQLite reports a read-only file, a full disk, an I/O error or a file that is not a database
as ``sqlite3.OperationalError``/``DatabaseError`` with an English phrase, and the operating
system as ``OSError`` with an errno. Every connection the store opens is a
:class:`Connection`, which turns such a fault into a :class:`DatabaseFaultError` at the moment
SQLite raises it: a ``StoreError`` (so every existing ``except C27Error`` in the command
line and the window shows its one line) that is still an ``sqlite3.OperationalError`` (so
code that probes a damaged file with ``except sqlite3.DatabaseError`` keeps working).
Constraint and programming errors are not faults and pass through unchanged. The two
faces' outermost handlers use :func:`explain` for anything raised outside a statement
(an ``OSError`` from a folder, a fault while reading rows), so the mapping lives here once.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from c27desk.errors import StoreError
from c27desk.fileio import os_text
from c27desk.i18n import msg, pair

# (phrase in SQLite's message, code, Vietnamese reason, English reason); first match wins.
_SQLITE: tuple[tuple[str, str, str, str], ...] = (
    ("readonly database", "DB_READONLY",
     "tệp hoặc thư mục chỉ cho đọc, không ghi được (kiểm tra quyền ghi, ổ đĩa hoặc USB bị khóa ghi)",
     "the file or its folder is read-only, nothing can be written (check write permission or a locked disk)"),
    ("unable to open database", "DB_OPEN",
     "không mở được tệp (thư mục không tồn tại hoặc chỉ cho đọc, không có quyền, hoặc đường dẫn là một thư mục)",
     "the file cannot be opened (missing or read-only folder, no permission, or the path is a folder)"),
    ("disk is full", "DB_FULL", "ổ đĩa đã đầy; hãy giải phóng dung lượng rồi thử lại",
     "the disk is full; free some space and try again"),
    ("disk i/o error", "DB_IO", "lỗi đọc/ghi ổ đĩa (ổ hỏng, USB đã rút hoặc tệp bị chương trình khác giữ)",
     "disk read/write error (failing disk, removed stick, or the file held by another program)"),
    ("database is locked", "DB_LOCKED", "chương trình khác đang giữ cơ sở dữ liệu; hãy đóng nó rồi thử lại",
     "another program holds the database; close it and try again"),
    ("not a database", "DB_NOT_DATABASE", "tệp không phải là cơ sở dữ liệu (hoặc đã bị ghi đè)",
     "the file is not a database (or has been overwritten)"),
    ("malformed", "DB_CORRUPT", "cơ sở dữ liệu bị hỏng; hãy khôi phục từ bản sao lưu (c27desk restore)",
     "the database is damaged; restore it from a backup (c27desk restore)"),
    ("no such table", "DB_NOT_C27DESK", "tệp không phải là cơ sở dữ liệu của c27desk (thiếu bảng)",
     "the file is not a c27desk database (a table is missing)"),
    ("no such column", "DB_NOT_C27DESK", "tệp không phải là cơ sở dữ liệu của c27desk (thiếu cột)",
     "the file is not a c27desk database (a column is missing)"),
)
_OS_CODES = {errno.ENOSPC: "DB_FULL", errno.EROFS: "DB_READONLY", errno.EACCES: "DB_READONLY",
             errno.EPERM: "DB_READONLY", errno.EIO: "DB_IO", errno.EISDIR: "DB_OPEN"}


class DatabaseFaultError(StoreError, sqlite3.OperationalError):
    """A database or disk fault with its one-line reason; ``code`` says which (DB_READONLY, DB_FULL...)."""


def _sqlite_reason(exc: sqlite3.Error) -> tuple[str, str, str] | None:
    low = str(exc).lower()
    for phrase, code, vi, en in _SQLITE:
        if phrase in low:
            return code, vi, en
    return None


FULL_BELOW = 1024 * 1024


def _nearly_full(db_path: Path | str) -> bool:
    """Whether the database's disk has less than a megabyte free (the likely cause of an I/O error)."""
    try:
        return shutil.disk_usage(Path(db_path).parent).free < FULL_BELOW
    except OSError:
        return False


def _with_newest_backup(db_path: Path | str, vi: str, en: str) -> tuple[str, str]:
    """A damage message names the backup that restore would take, as the start-up check does."""
    from c27desk.store import backup  # backup is a heavier module; only needed on damage

    try:
        newest = backup.newest_good_backup(Path(db_path))
    except (OSError, sqlite3.Error):
        newest = None
    if newest is None:
        return vi, en
    return (f"{vi}; bản sao lưu tốt gần nhất: {newest} (c27desk restore \"{newest}\")",
            f"{en}; newest good backup: {newest} (c27desk restore \"{newest}\")")


def explain(exc: BaseException, db_path: Path | str) -> StoreError:
    """The one-line error to show for ``exc`` raised while working on the database at ``db_path``.

    A ``StoreError`` is returned unchanged; anything not a database or OS fault is returned
    as a generic database error naming SQLite's own words, never a traceback."""
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, OSError):
        where = exc.filename or db_path
        err = StoreError(msg("Lỗi với {where}: {reason}.",
                             "Problem with {where}: {reason}.",
                             where=where, reason=os_text(exc)),
                         code=_OS_CODES.get(exc.errno or 0, "DB_OS"))
    else:
        text = str(exc)
        known = _sqlite_reason(exc) if isinstance(exc, sqlite3.Error) else None
        if known and known[0] == "DB_IO" and _nearly_full(db_path):
            known = next(r[1:] for r in _SQLITE if r[1] == "DB_FULL")  # SQLite says I/O when -shm cannot grow
        code, vi, en = known or ("DB_ERROR", f"cơ sở dữ liệu báo lỗi: {text}", f"the database reported: {text}")
        if code == "DB_CORRUPT":
            vi, en = _with_newest_backup(db_path, vi, en)
        err = DatabaseFaultError(msg("Cơ sở dữ liệu {db_path}: {reason}.",
                                     "Database {db_path}: {reason}.",
                                     db_path=db_path, reason=pair(vi, en)), code=code)
    err.__cause__ = exc
    return err


FAULTS = (sqlite3.Error, OSError)
"""What :func:`explain` turns into a message: the faults an ``except`` around database work catches."""

# Faults worth a user's attention; "no such table" and the like are only faults when a
# whole command meets them (a foreign file), so the connection lets them through.
_CONNECTION_FAULTS = ("DB_READONLY", "DB_OPEN", "DB_FULL", "DB_IO", "DB_LOCKED", "DB_NOT_DATABASE", "DB_CORRUPT")


class mapped_faults:  # noqa: N801 - used as a ``with`` statement like a function
    """``with mapped_faults(path):`` re-raises a disk or file fault met inside as a DatabaseFaultError."""

    __slots__ = ("db_path",)

    def __init__(self, db_path: str):
        self.db_path = db_path

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, exc, tb) -> bool:
        if exc is None or not isinstance(exc, sqlite3.Error) or isinstance(exc, StoreError):
            return False
        known = _sqlite_reason(exc)
        if known is None or known[0] not in _CONNECTION_FAULTS:
            return False
        raise explain(exc, self.db_path) from exc


class Connection(sqlite3.Connection):
    """A connection whose statements raise :class:`DatabaseFaultError` for disk and file faults.

    ``sqlite_utils`` runs every statement, ``BEGIN`` and ``COMMIT`` included, through
    ``execute``, so overriding the statement entry points covers every write. Set
    ``db_path`` after connecting so messages name the file."""

    db_path: str = ""

    def execute(self, *args, **kwargs):
        with mapped_faults(self.db_path):
            return super().execute(*args, **kwargs)

    def executemany(self, *args, **kwargs):
        with mapped_faults(self.db_path):
            return super().executemany(*args, **kwargs)

    def executescript(self, *args, **kwargs):
        with mapped_faults(self.db_path):
            return super().executescript(*args, **kwargs)

    def commit(self) -> None:
        with mapped_faults(self.db_path):
            super().commit()

    def __exit__(self, *exc_info):
        with mapped_faults(self.db_path):
            return super().__exit__(*exc_info)
