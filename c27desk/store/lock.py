"""One program instance writes to a database at a time.

SQLite keeps the file consistent with several writers, but a second window editing the
same report would overwrite the first one's values from a stale screen. The first
instance holds an OS lock on ``<database>.lock`` (released by the OS even after a crash);
a second one is told who holds it and may open the database read-only instead.
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from c27desk.errors import StoreError
from c27desk.i18n import msg
from c27desk.store import faults
from c27desk.store.clock import current_user, now, vn_display

if os.name == "nt":  # pragma: no cover - exercised on Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


def _info_path(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock.json")


class DatabaseInUseError(StoreError):
    def __init__(self, db_path: Path, holder: dict):
        self.holder = holder
        who = holder.get("user", "?")
        host = holder.get("host", "?")
        since = vn_display(holder.get("since", "")) or "?"
        super().__init__(
            msg("Cơ sở dữ liệu {db} đang được mở bởi một cửa sổ c27desk khác (người dùng {who}, máy {host}, "
                "từ {since}); hãy đóng cửa sổ đó trước.",
                "The database {db} is open in another c27desk window (user {who}, machine {host}, since {since}); "
                "close that window first.", db=str(db_path), who=who, host=host, since=since),
            code="DB_IN_USE",
        )


def _identity_path(db_path: Path) -> Path | None:
    """A second lock named after the file's identity (device and inode, the file index on Windows),
    in the user's cache folder: two hard links to one database are two names but one file."""
    try:
        info = os.stat(db_path)
    except OSError:
        return None  # a new database: it has no other names yet
    if not info.st_ino:
        return None  # a file system without stable identities
    folder = Path(platformdirs.user_cache_dir("c27desk", appauthor=False)) / "locks"
    return folder / f"{info.st_dev:x}-{info.st_ino:x}.lock"


def _same_file(a: str | Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _take_identity(db_path: Path, info: dict) -> tuple[Path | None, int]:
    """The identity lock, or (None, -1) when it cannot be had for a harmless reason; raises
    DatabaseInUseError when another instance holds the same file under another name."""
    path = _identity_path(db_path)
    if path is None:
        return None, -1
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return None, -1  # the lock beside the database still stands
    if os.name == "nt" and os.fstat(fd).st_size == 0:  # pragma: no cover
        os.write(fd, b"\0")
    described = path.with_name(path.name + ".json")
    if not _try_lock(fd):
        os.close(fd)
        try:
            holder = json.loads(described.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            holder = {}
        if _same_file(holder.get("path", ""), db_path):
            raise DatabaseInUseError(db_path, holder)
        return None, -1  # the number was reused after the file it named was replaced: not ours
    try:
        described.write_text(json.dumps({**info, "path": str(db_path)}), encoding="utf-8")
    except OSError:
        pass
    return path, fd


@dataclass
class InstanceLock:
    db_path: Path
    fd: int
    identity: Path | None = None
    identity_fd: int = -1

    def release(self) -> None:
        if self.identity_fd >= 0:
            try:
                if self.identity is not None:
                    self.identity.with_name(self.identity.name + ".json").unlink(missing_ok=True)
                _unlock(self.identity_fd)
            finally:
                os.close(self.identity_fd)
                self.identity_fd = -1
        if self.fd >= 0:
            try:
                _info_path(self.db_path).unlink(missing_ok=True)
                _unlock(self.fd)
            finally:
                os.close(self.fd)
                self.fd = -1

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def holder_of(db_path: Path) -> dict:
    try:
        return json.loads(_info_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def acquire(db_path: Path) -> InstanceLock:
    """Take the instance lock or raise DatabaseInUseError naming who holds it.

    The lock is keyed on the real file: the path with links resolved (the lock file beside it)
    and the file's identity (so a hard link meets it too)."""
    db_path = Path(os.path.realpath(db_path))
    path = lock_path(db_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:  # a read-only folder or stick: nothing could be written there anyway
        raise faults.explain(exc, db_path) from exc
    if os.name == "nt" and os.fstat(fd).st_size == 0:  # pragma: no cover
        os.write(fd, b"\0")
    if not _try_lock(fd):
        os.close(fd)
        raise DatabaseInUseError(Path(db_path), holder_of(db_path))
    info = {"user": current_user(), "host": socket.gethostname(), "pid": os.getpid(), "since": now()}
    held = InstanceLock(db_path, fd)
    try:
        held.identity, held.identity_fd = _take_identity(db_path, info)
    except BaseException:
        held.release()
        raise
    try:
        _info_path(db_path).write_text(json.dumps(info), encoding="utf-8")
    except OSError:
        pass  # the lock itself is what matters; the description is a courtesy
    return held
