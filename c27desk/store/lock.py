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

from c27desk.errors import StoreError
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
        since = vn_display(holder.get("since", ""), "%H:%M %d/%m/%Y (GMT+7)") or "?"
        super().__init__(
            f"cơ sở dữ liệu {db_path} đang được mở bởi một cửa sổ c27desk khác "
            f"(người dùng {who}, máy {host}, từ {since}); hãy đóng cửa sổ đó trước.",
            f"the database {db_path} is open in another c27desk window "
            f"(user {who}, machine {host}, since {since}); close that window first.",
            code="DB_IN_USE",
        )


@dataclass
class InstanceLock:
    db_path: Path
    fd: int

    def release(self) -> None:
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
    """Take the instance lock or raise DatabaseInUseError naming who holds it."""
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
    try:
        _info_path(db_path).write_text(json.dumps(info), encoding="utf-8")
    except OSError:
        pass  # the lock itself is what matters; the description is a courtesy
    return InstanceLock(Path(db_path), fd)
