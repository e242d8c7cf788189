"""The program's diary for whoever helps a user: what was done, every refusal, every fault with
its traceback, in a rotating file in the user's data folder.

A user at a Party office sees one clear line (the command line) or a box (the window); the
traceback a developer needs goes here, never to their screen. Both faces start through
``cli.main``, which calls :func:`setup` once. Logging must never be a reason to fail: a data
folder that cannot be written (read-only profile, full disk) leaves the program without a file,
silently, and a write that fails later is dropped.

The file is in English (it is read by support, possibly with a search engine), UTF-8, one line
per event plus the traceback where there is one. No Qt here: the window adds its own hooks.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import platform
import sys
import threading
from pathlib import Path
from types import TracebackType

from c27desk.i18n import Text, msg, verbatim

LOGGER_NAME = "c27desk"
LOG_FILE = "c27desk.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 5

log = logging.getLogger(LOGGER_NAME)
log.addHandler(logging.NullHandler())  # never Python's last-resort handler printing to a user's terminal
_file: Path | None = None
_configured = False
_previous_hooks: tuple = ()


def data_dir() -> Path:
    """The user's data folder: where the default database lives (``%LOCALAPPDATA%\\c27desk`` on
    Windows, ``~/.local/share/c27desk`` on Linux, following ``XDG_DATA_HOME``)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("c27desk", appauthor=False))


def log_dir() -> Path:
    """Where the log files are: ``C27DESK_LOG_DIR`` if set, else ``logs`` in the user's data folder."""
    override = os.environ.get("C27DESK_LOG_DIR")
    return Path(override) if override else data_dir() / "logs"


def log_path() -> Path:
    """The current log file (whether or not it could be opened)."""
    return log_dir() / LOG_FILE


def log_file() -> Path | None:
    """The file being written, or None when the folder could not be written."""
    return _file


class _QuietRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A write or a rotation that fails (disk full, the file held by another window on Windows)
    loses that record and nothing else: logging's default prints a traceback to stderr."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        pass


def setup(face: str) -> Path | None:
    """Open the log file once per process (later calls return the same); ``face`` ("cli",
    "window") is written with each start so that a log shared by both reads clearly."""
    global _file, _configured, _previous_hooks
    if _configured:
        return _file
    _configured = True
    log.setLevel(logging.INFO)
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _QuietRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return None  # a read-only or full data folder: no file, and no complaint
    handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(message)s"))
    log.addHandler(handler)
    _file = path
    _previous_hooks = (sys.unraisablehook, threading.excepthook)
    sys.unraisablehook = _unraisable
    threading.excepthook = _thread_failed
    # platform.platform() reads the interpreter's binary (tens of milliseconds): the short form at each start
    log.info("start %s %s (Python %s, %s %s)", face, _version(), platform.python_version(), platform.system(),
             platform.release())
    return _file


def reset() -> None:
    """Close the file and forget the setup (tests that start the program several times in one process)."""
    global _file, _configured
    for handler in list(log.handlers):
        if not isinstance(handler, logging.NullHandler):
            log.removeHandler(handler)
            handler.close()
    if _previous_hooks and sys.unraisablehook is _unraisable:
        sys.unraisablehook = _previous_hooks[0]
    if _previous_hooks and threading.excepthook is _thread_failed:
        threading.excepthook = _previous_hooks[1]
    _file = None
    _configured = False


def done(what: str) -> None:
    """One line for something a user did (a command, a window action)."""
    log.info("done: %s", what)


def refused(exc: BaseException, where: str) -> None:
    """A refusal (a ``C27Error``): its code and English message, and where it was met; no
    traceback (it is an answer, not a fault), except what caused it when that was a fault."""
    import sqlite3

    code = getattr(exc, "code", None) or "-"
    message = exc.message("en") if hasattr(exc, "message") else str(exc)
    raised = where_in_code(exc.__traceback__)
    cause = exc.__cause__ if isinstance(exc.__cause__, (OSError, sqlite3.Error)) else None
    if cause is not None:  # a disk or database fault behind the refusal: where it struck is worth keeping
        log.warning("refused [%s] in %s (%s): %s", code, where, raised, message,
                    exc_info=(type(cause), cause, cause.__traceback__))
    else:
        log.warning("refused [%s] in %s (%s): %s", code, where, raised, message)


def failed(exc: BaseException, where: str, tb: TracebackType | None = None) -> None:
    """A fault or an unexpected error, with its traceback."""
    log.error("failed in %s: %s: %s", where, type(exc).__name__, exc,
              exc_info=(type(exc), exc, tb or exc.__traceback__))


def where_in_code(tb: TracebackType | None) -> str:
    """The innermost frame of the program's own code in a traceback, as ``module.function``:
    the place a support person looks first (a library's frames say less)."""
    found = last = "?"
    while tb is not None:
        module = tb.tb_frame.f_globals.get("__name__", "")
        last = f"{module}.{tb.tb_frame.f_code.co_name}"
        if module == "c27desk" or module.startswith("c27desk."):
            found = last
        tb = tb.tb_next
    return found if found != "?" else last  # none of ours: the innermost frame says most


def _unraisable(info) -> None:
    """An exception Python cannot raise (in a finaliser, a callback): logged, never printed."""
    exc = info.exc_value or RuntimeError(str(info.err_msg))
    log.error("unraisable (%s): %s: %s", info.err_msg or "ignored", type(exc).__name__, exc,
              exc_info=(type(exc), exc, info.exc_traceback))
    _chain(0, info)


def _thread_failed(args) -> None:
    """A thread that dies of an exception: the traceback goes to the log, and one line (with the
    log's place) to stderr, which a console user may see and a window user does not."""
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else "?"
    log.error("thread %s failed", name, exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
    if _chain(1, args):
        return
    try:
        print(f"c27desk: {args.exc_type.__name__} ({name}); log: {_file}", file=sys.stderr)
    except (OSError, ValueError):
        pass


def _chain(which: int, args) -> bool:
    """Pass an event on to a hook someone else installed before us (a test runner, a debugger);
    Python's own defaults print a traceback to the terminal, which is what we replace."""
    if not _previous_hooks:
        return False
    previous = _previous_hooks[which]
    if previous in (sys.__unraisablehook__, threading.__excepthook__):
        return False
    previous(args)
    return True


def _version() -> str:
    from c27desk import __version__

    return __version__


def environment(db_path: Path | str | None = None, qt: str | None = None) -> list[tuple[Text, Text]]:
    """What support asks first, as (label, value) pairs: version, Python, Qt, system, database,
    data folder, log file. The command line must not load Qt, so unless the window passes
    ``qt`` the binding's installed version is read from its metadata."""
    from importlib import metadata

    for name in ("PySide6", "PySide6-Essentials"):
        if qt is not None:
            break
        try:
            qt = f"PySide6 {metadata.version(name)}"
        except metadata.PackageNotFoundError:
            continue
    frozen = " (frozen)" if getattr(sys, "frozen", False) else ""
    logged = verbatim(str(_file or log_path())) if _file is not None or not _configured else msg(
        "{path} (không ghi được: thư mục chỉ cho đọc hoặc đầy)", "{path} (cannot be written: read-only or full folder)",
        path=str(log_path()))
    return [
        (verbatim("c27desk"), verbatim(_version() + frozen)),
        (verbatim("Python"), verbatim(f"{platform.python_version()} ({sys.executable})")),
        (verbatim("Qt"), verbatim(qt or "-")),
        (msg("Hệ điều hành", "System"), verbatim(platform.platform())),
        (msg("Cơ sở dữ liệu", "Database"), verbatim(str(db_path) if db_path is not None else "-")),
        (msg("Thư mục dữ liệu", "Data folder"), verbatim(str(data_dir()))),
        (msg("Nhật ký", "Log file"), logged),
    ]
