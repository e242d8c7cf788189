"""Long work off the UI thread: a QRunnable on the global pool, reporting back by signals.

A worker opens its own database connection (SQLite connections belong to one thread), so
the window stays responsive while it runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

from c27desk import log
from c27desk.errors import C27Error
from c27desk.gui.diagnostics import where_the_log_is
from c27desk.i18n import msg
from c27desk.store import faults


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class Worker(QRunnable):
    def __init__(self, fn: Callable[[], Any]):
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        where = f"background task {getattr(self.fn, '__qualname__', '?')}"
        try:
            result = self.fn()
        except C27Error as exc:
            log.refused(exc, where)
            self.signals.failed.emit(exc.message())
        except OSError as exc:  # a disk or file fault (full disk, stick removed): its one line, the traceback logged
            log.failed(exc, where)
            self.signals.failed.emit(faults.explain(exc, exc.filename or "").message())
        except Exception as exc:  # noqa: BLE001 - a worker must report, never die silently
            log.failed(exc, where)  # the traceback to the log, not to a console nobody sees
            self.signals.failed.emit(str(msg("Lỗi không mong đợi: {what}\n{log}", "Unexpected error: {what}\n{log}",
                                             what=f"{type(exc).__name__}: {exc}", log=where_the_log_is())))
        else:
            self.signals.done.emit(result)


_alive: set[Worker] = set()


def _gone(callback: Callable) -> bool:
    """Whether ``callback`` is a method of a window or dialog Qt has deleted meanwhile (closed while its
    list was still being read): calling it would raise "Internal C++ object already deleted"."""
    owner = getattr(callback, "__self__", None)
    return isinstance(owner, QObject) and not isValid(owner)


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_failed: Callable[[str], None]) -> Worker:
    worker = Worker(fn)
    worker.setAutoDelete(False)
    _alive.add(worker)

    def finish(result: Any) -> None:
        _alive.discard(worker)
        if not _gone(on_done):
            on_done(result)

    def fail(message: str) -> None:
        _alive.discard(worker)
        if not _gone(on_failed):
            on_failed(message)

    worker.signals.done.connect(finish)
    worker.signals.failed.connect(fail)
    QThreadPool.globalInstance().start(worker)
    return worker


def with_database(db_path, fn: Callable[[Any], Any]) -> Callable[[], Any]:
    """A job that runs ``fn(db)`` on its own connection (SQLite connections belong to one thread)."""
    from c27desk.store.database import open_database

    def job() -> Any:
        db = open_database(db_path, check_integrity=False, check_same_thread=False)
        try:
            return fn(db)
        finally:
            db.close()
    job.__qualname__ = f"with_database({getattr(fn, '__qualname__', '?')})"  # named in the log
    return job
