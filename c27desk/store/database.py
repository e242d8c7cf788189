"""Opening the database: the one place that sets pragmas, migrates and checks integrity."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import platformdirs
import sqlite_utils.plugins
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from c27desk.errors import StoreError
from c27desk.model.units import DEFAULT_LEVELS
from c27desk.resources import migrations_dir
from c27desk.store import backup, faults

# c27desk uses no sqlite-utils plugins and takes none from the machine: one installed alongside could
# hook every connection (prepare_connection), and looking for them reads every installed package's
# entry points, some 40 ms of each start.
sqlite_utils.plugins._plugins_loaded = True

MIGRATION_SET = "c27desk"
BUSY_TIMEOUT_MS = 10_000


def default_db_path() -> Path:
    """``--db`` wins, then ``C27DESK_DB``, then the user's data folder."""
    env = os.environ.get("C27DESK_DB")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("c27desk", appauthor=False)) / "c27desk.sqlite3"


def _sql_statements(script: str) -> list[str]:
    """Split a migration script into statements, respecting triggers' inner semicolons."""
    statements, buf = [], ""
    for line in script.splitlines(keepends=True):
        if not buf and line.strip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements


def migrations() -> Migrations:
    """The schema history: every ``db/NNNN_name.sql`` file in order, then default data."""
    mig = Migrations(MIGRATION_SET)
    for path in sorted(migrations_dir().glob("[0-9][0-9][0-9][0-9]_*.sql")):

        def apply(db: Database, _path: Path = path) -> None:
            for statement in _sql_statements(_path.read_text(encoding="utf-8")):
                db.execute(statement)

        mig(name=path.stem)(apply)

        if path.stem == "0001_initial":

            def default_levels(db: Database) -> None:
                db["levels"].insert_all(
                    [{"code": c, "name": n, "rank": r, "active": 1} for c, n, r in DEFAULT_LEVELS]
                )

            mig(name="0001_default_levels")(default_levels)
    return mig


def _applied(db: Database) -> set[str]:
    if not db["_sqlite_migrations"].exists():
        return set()
    return {r["name"] for r in db["_sqlite_migrations"].rows_where("migration_set = ?", [MIGRATION_SET])}


def connect(path: Path, *, check_same_thread: bool = True, readonly: bool = False) -> Database:
    """A configured connection: WAL, foreign keys, a busy timeout for a second process.

    The connection maps disk and file faults to one-line messages (see ``faults``)."""
    path = Path(path)
    if path.is_dir():
        raise faults.DatabaseFaultError(
            f"{path} là một thư mục, không phải tệp cơ sở dữ liệu.",
            f"{path} is a folder, not a database file.", code="DB_OPEN")
    conn = None
    try:
        target = f"file:{path.as_posix()}?mode=ro" if readonly else str(path)
        conn = sqlite3.connect(target, uri=readonly, check_same_thread=check_same_thread,
                               timeout=BUSY_TIMEOUT_MS / 1000, factory=faults.Connection)
        conn.db_path = str(path)
        db = Database(conn)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        if readonly:
            # mode=ro already refuses writes to the file; query_only makes SQLite refuse any writing statement
            # up front, so a write attempted through a service fails before it starts
            db.execute("PRAGMA query_only = ON")
        else:
            db.enable_wal()
            db.execute("PRAGMA synchronous = FULL")
        return db
    except faults.FAULTS as exc:
        if conn is not None:
            conn.close()  # an open handle would keep a removed stick busy
        raise faults.explain(exc, path) from exc


def integrity_problem(db: Database) -> str | None:
    """None when ``PRAGMA integrity_check`` says ok, else its first complaint."""
    try:
        rows = db.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    first = rows[0][0] if rows else "no answer"
    return None if first == "ok" else first


class CorruptDatabaseError(StoreError):
    """The database failed its integrity check; ``newest_backup`` is the file to offer."""

    def __init__(self, path: Path, problem: str, newest: Path | None):
        self.path = path
        self.newest_backup = newest
        hint_vi = f" Bản sao lưu tốt gần nhất: {newest} (khôi phục: c27desk restore \"{newest}\")." if newest else " Không có bản sao lưu."
        hint_en = f" Newest good backup: {newest} (restore: c27desk restore \"{newest}\")." if newest else " No backup is available."
        super().__init__(
            f"cơ sở dữ liệu {path} bị hỏng ({problem}).{hint_vi}",
            f"the database {path} is damaged ({problem}).{hint_en}",
            code="DB_CORRUPT",
        )


def open_database(
    path: Path | str | None = None,
    *,
    backup_reason: str | None = None,
    check_integrity: bool = True,
    check_same_thread: bool = True,
    create: bool = True,
) -> Database:
    """Open (creating if asked), check, back up and migrate the database at ``path``.

    A backup is taken before any migration and, when ``backup_reason`` is given, before
    the caller's work (start of the window, an import, a bulk load).
    """
    path = Path(path) if path else default_db_path()
    try:
        return _open(path, backup_reason=backup_reason, check_integrity=check_integrity,
                     check_same_thread=check_same_thread, create=create)
    except faults.FAULTS as exc:  # a read-only folder, a full disk, a faulty device...
        raise faults.explain(exc, path) from exc


def _open(path: Path, *, backup_reason: str | None, check_integrity: bool, check_same_thread: bool,
          create: bool) -> Database:
    existed = path.exists() and path.stat().st_size > 0
    if not existed and not create:
        raise StoreError(
            f"chưa có cơ sở dữ liệu {path}; hãy chạy “c27desk init” hoặc “c27desk demo”.",
            f"there is no database at {path}; run “c27desk init” or “c27desk demo” first.",
            code="DB_MISSING",
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    db = connect(path, check_same_thread=check_same_thread)
    try:
        if existed:
            try:
                db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.DatabaseError as exc:
                raise StoreError(
                    f"{path} không phải là cơ sở dữ liệu của c27desk ({exc}).",
                    f"{path} is not a c27desk database ({exc}).",
                    code="DB_NOT_DATABASE",
                ) from exc
            if check_integrity:
                problem = integrity_problem(db)
                if problem:
                    raise CorruptDatabaseError(path, problem, backup.newest_good_backup(path))
        mig = migrations()
        known = {m.name for m in mig._migrations}
        unknown = _applied(db) - known
        if unknown:
            raise StoreError(
                f"cơ sở dữ liệu {path} được tạo bởi phiên bản c27desk mới hơn (có: {', '.join(sorted(unknown))}); "
                "hãy dùng phiên bản mới hơn của chương trình.",
                f"the database {path} was written by a newer c27desk (it has: {', '.join(sorted(unknown))}); "
                "use a newer version of the program.",
                code="DB_TOO_NEW",
            )
        pending = mig.pending(db)
        if existed and pending:
            backup.make_backup(db, path, "before-migration")
        elif existed and backup_reason:
            backup.make_backup(db, path, backup_reason)
        if pending:
            mig.apply(db)
        return db
    except BaseException:
        db.close()
        raise


def open_read_only(path: Path | str, *, check_integrity: bool = True, check_same_thread: bool = True) -> Database:
    """The database for a window that must not write (another window holds it, see ``store.lock``).

    SQLite's ``mode=ro`` and ``query_only`` (``connect``): any write through any service fails
    at the connection, whatever the window shows. Nothing is created, migrated or backed up; a
    schema other than this program's is refused (only the writing window may upgrade it).
    """
    path = Path(path)
    if not (path.exists() and path.stat().st_size > 0):
        raise StoreError(f"chưa có cơ sở dữ liệu {path}.", f"there is no database at {path}.", code="DB_MISSING")
    db = connect(path, check_same_thread=check_same_thread, readonly=True)
    try:
        if check_integrity:
            problem = integrity_problem(db)
            if problem:
                raise CorruptDatabaseError(path, problem, backup.newest_good_backup(path))
        if _applied(db) != {m.name for m in migrations()._migrations}:
            raise StoreError(
                f"cơ sở dữ liệu {path} thuộc phiên bản khác của chương trình; chỉ cửa sổ đang mở nó mới nâng cấp "
                "được. Hãy đóng cửa sổ kia rồi mở lại.",
                f"the database {path} belongs to another version of the program; only the window holding it can "
                "upgrade it. Close the other window and open it again.",
                code="DB_NEEDS_UPGRADE",
            )
        return db
    except BaseException:
        db.close()
        raise


def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_setting(db: Database, key: str, value: str) -> None:
    with db.atomic():
        db.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )
