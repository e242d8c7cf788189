"""Opening the database: the one place that sets pragmas, migrates and checks integrity."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import sqlite_utils.plugins
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from c27desk.errors import StoreError
from c27desk.i18n import Text, msg, pair
from c27desk.log import log
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
        return resolve_db_path(env)
    from c27desk.log import data_dir  # the one place that names the user's data folder (the log's is in it)

    return resolve_db_path(data_dir() / "c27desk.sqlite3")


def resolve_db_path(path: Path | str) -> Path:
    """The real file behind ``path`` (symbolic links and ``..`` resolved), taken once where a path
    enters: the instance lock, backups, safety copies and restore's rename then all act on the real
    database, so a link to it can neither get around the lock nor be replaced by a separate file."""
    return Path(os.path.realpath(os.path.expanduser(os.fspath(path))))


def _not_c27desk(path: Path, why_vi: str, why_en: str, code: str = "DB_NOT_C27DESK") -> StoreError:
    return StoreError(msg("Tệp {path} không phải là cơ sở dữ liệu của c27desk ({why}); tệp không bị thay đổi.",
                          "The file {path} is not a c27desk database ({why}); the file is unchanged.",
                          path=path, why=pair(why_vi, why_en)), code=code)


def readonly_uri(path: Path, *, immutable: bool = False) -> str:
    """The URI that opens ``path`` without writing; ``immutable`` also skips the -shm/-wal files,
    for a folder where even those cannot be created (a write-protected stick)."""
    return f"file:{Path(path).as_posix()}?mode=ro" + ("&immutable=1" if immutable else "")


def _wal_in_use(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def refuse_unusable(path: Path) -> None:
    """Refuse, before anything is written, a path that is neither new, empty nor a c27desk database.

    Opening migrates and backs up, so another program's SQLite file would get our tables and a
    backup folder; a device or a pipe would hang or fill memory. Only a missing or empty file is
    initialised; a file with SQLite objects but no c27desk migration records is someone else's."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise faults.explain(exc, path) from exc
    if stat.S_ISDIR(info.st_mode):
        raise faults.DatabaseFaultError(msg("Đường dẫn {path} là một thư mục, không phải tệp cơ sở dữ liệu.",
                                            "The path {path} is a folder, not a database file.",
                                            path=path), code="DB_OPEN")
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(msg("Tệp {path} không phải là một tệp thông thường (thiết bị hay ống dẫn), không dùng làm cơ sở dữ liệu "
                             "được.",
                             "The file {path} is not a regular file (a device or a pipe) and cannot be a database.",
                             path=path),
                         code="DB_NOT_FILE")
    if info.st_size == 0:
        return
    try:
        with open(path, "rb") as fh:
            header = fh.read(len(backup.SQLITE_HEADER))
    except OSError as exc:
        raise faults.explain(exc, path) from exc
    if header != backup.SQLITE_HEADER:
        newest = backup.newest_good_backup(path)
        if newest is not None:  # it has backups, so it was ours: overwritten, not foreign
            raise CorruptDatabaseError(path, msg("không còn là tệp SQLite", "no longer an SQLite file"), newest)
        raise _not_c27desk(path, "không phải tệp SQLite", "not an SQLite file", code="DB_NOT_DATABASE")
    try:
        conn = sqlite3.connect(readonly_uri(path, immutable=not _wal_in_use(path)), uri=True)
    except sqlite3.Error:
        return  # cannot be looked at without writing: the ordinary open says why
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")]
        ours = "_sqlite_migrations" in names and conn.execute(
            "SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]).fetchone()[0]
    except sqlite3.Error:
        return  # damaged: the integrity check of the ordinary open reports it with the newest backup
    finally:
        conn.close()
    if names and not ours:
        shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
        raise _not_c27desk(path, f"không có sổ nâng cấp của c27desk; tệp chứa: {shown}",
                           f"no c27desk migration records; it holds: {shown}")


def writable(path: Path) -> bool:
    """Whether the database and its folder can be written (False on a write-protected stick,
    a read-only folder or a read-only file): the deciding question between the ordinary open
    and :func:`open_read_only`."""
    path = Path(path)
    folder_ok = os.access(path.parent, os.W_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


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


def connect(path: Path, *, check_same_thread: bool = True, readonly: bool = False,
            immutable: bool = False) -> Database:
    """A configured connection: WAL, foreign keys, a busy timeout for a second process.

    The connection maps disk and file faults to one-line messages (see ``faults``)."""
    path = Path(path)
    if path.is_dir():
        raise faults.DatabaseFaultError(
            msg("Đường dẫn {path} là một thư mục, không phải tệp cơ sở dữ liệu.",
                "The path {path} is a folder, not a database file.",
                path=path), code="DB_OPEN")
    conn = None
    try:
        target = readonly_uri(path, immutable=immutable) if readonly else str(path)
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


def is_open(db: Database) -> bool:
    """Whether ``db`` can still be asked anything: a dialog may outlive the database of its window
    (closed, or swapped for a restored copy) for the moment it takes to close."""
    try:
        db.conn.total_changes  # noqa: B018 — the cheapest call a closed connection refuses
    except sqlite3.ProgrammingError:
        return False
    return True


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

    def __init__(self, path: Path, problem: Text | str, newest: Path | None):
        self.path = path
        self.newest_backup = newest
        said = msg("Cơ sở dữ liệu {path} bị hỏng ({problem}).", "The database {path} is damaged ({problem}).",
                   path=path, problem=problem)
        if newest:
            said += msg(" Bản sao lưu tốt gần nhất: {newest} (khôi phục: c27desk restore \"{newest}\").",
                        " Newest good backup: {newest} (restore: c27desk restore \"{newest}\").", newest=newest)
        else:
            said += msg(" Không có bản sao lưu.", " No backup is available.")
        super().__init__(said, code="DB_CORRUPT")


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


def _missing(path: Path) -> StoreError:
    return StoreError(
        msg("Chưa có cơ sở dữ liệu {path}; hãy chạy “c27desk init” hoặc “c27desk demo”.",
            "There is no database at {path}; run “c27desk init” or “c27desk demo” first.",
            path=path),
        code="DB_MISSING",
    )


def _pending(db: Database, mig: Migrations, path: Path) -> list:
    """The migrations still to apply; a database from a newer program is refused."""
    unknown = _applied(db) - {m.name for m in mig._migrations}
    if unknown:
        raise StoreError(
            msg("Cơ sở dữ liệu {path} được tạo bởi phiên bản c27desk mới hơn (có: {found}); hãy dùng phiên bản "
                "mới hơn của chương trình.",
                "The database {path} was written by a newer c27desk (it has: {found}); use a newer version of "
                "the program.",
                path=path, found=', '.join(sorted(unknown))),
            code="DB_TOO_NEW",
        )
    return mig.pending(db)


def _check_damage(db: Database, path: Path, *, integrity: bool = True) -> None:
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            msg("Tệp {path} không phải là cơ sở dữ liệu của c27desk ({exc}).",
                "The file {path} is not a c27desk database ({exc}).",
                path=path, exc=exc),
            code="DB_NOT_DATABASE",
        ) from exc
    problem = integrity_problem(db) if integrity else None
    if problem:  # SQLite's words ("database disk image is malformed") are English and for support: the log
        log.warning("integrity check of %s: %s", path, problem)
        raise CorruptDatabaseError(path, msg("dữ liệu trong tệp không qua kiểm tra toàn vẹn",
                                             "its data fails the integrity check"), backup.newest_good_backup(path))


def _open(path: Path, *, backup_reason: str | None, check_integrity: bool, check_same_thread: bool,
          create: bool) -> Database:
    refuse_unusable(path)
    existed = path.exists() and path.stat().st_size > 0
    if not existed and not create:
        raise _missing(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = connect(path, check_same_thread=check_same_thread)
    try:
        if existed:
            _check_damage(db, path, integrity=check_integrity)
        mig = migrations()
        pending = _pending(db, mig, path)
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
    """Open an existing database for reading only: no lock, no backup, no migration, no write.

    One read-only open for three cases: the window that must not write (another window holds the
    database, see ``store.lock``), the reading commands that work beside an open window, and a
    database on read-only media (a write-protected stick, a read-only folder or file). SQLite's
    ``mode=ro`` and ``query_only`` (``connect``): any write through any service fails at the
    connection. ``mode=ro`` still needs the -shm beside a WAL database; where even that cannot be
    created the file is opened ``immutable`` (safe: nothing on read-only media changes under us),
    unless a -wal holds committed changes, which an immutable open would silently ignore. A schema
    other than this program's is refused (SchemaBehindError: only a program that may write to the
    file may upgrade it; a command then opens it the ordinary way if nothing else holds it)."""
    path = resolve_db_path(path)
    refuse_unusable(path)
    if not path.is_file() or path.stat().st_size == 0:
        raise _missing(path)
    wal = path.with_name(path.name + "-wal")
    db = None
    try:
        db = connect(path, check_same_thread=check_same_thread, readonly=True)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except faults.FAULTS as exc:
        if db is not None:
            db.close()  # an open handle would keep the stick busy
        if writable(path):
            raise faults.explain(exc, path) from exc
        if _wal_in_use(path) or (wal.exists() and not os.access(wal, os.R_OK)):
            raise StoreError(
                msg("Cơ sở dữ liệu {path} có nhật ký ghi {name} chưa gộp vào tệp mà ở chỗ chỉ đọc này không đọc "
                    "được; hãy chép cả thư mục sang nơi ghi được rồi mở bản chép.",
                    "The database {path} has a write-ahead log {name} not yet folded into the file, which cannot be "
                    "read on this read-only medium; copy the whole folder somewhere writable and open the copy.",
                    path=path, name=wal.name),
                code="DB_WAL_UNREADABLE") from exc
        db = connect(path, check_same_thread=check_same_thread, readonly=True, immutable=True)
    try:
        _check_damage(db, path, integrity=check_integrity)
        if _pending(db, migrations(), path):
            raise SchemaBehindError(path)
        return db
    except BaseException:
        db.close()
        raise


class SchemaBehindError(StoreError):
    """The file's schema differs from this version's: only the program that may write to it may upgrade it."""

    def __init__(self, path: Path):
        super().__init__(msg(
            "Cơ sở dữ liệu {path} do phiên bản cũ hơn của chương trình ghi và cần nâng cấp; chỉ chương trình được "
            "ghi vào tệp mới nâng cấp được: hãy đóng cửa sổ đang mở nó, hoặc nếu tệp nằm ở chỗ chỉ đọc (USB khóa "
            "ghi), chép nó sang thư mục ghi được rồi mở bản chép.",
            "The database {path} was written by an older version of the program and needs an upgrade, which only "
            "a program allowed to write to it can do: close the window that has it open, or, if it is on read-only "
            "media (a write-protected stick), copy it to a writable folder and open the copy.", path=path),
            code="DB_NEEDS_UPGRADE")


def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_setting(db: Database, key: str, value: str) -> None:
    with db.atomic():
        db.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )
