"""The command line: the same services as the window, headless.

``c27desk`` alone opens the window, and so does ``c27desk FILE.c27`` (what Windows runs when a
package or form is double-clicked), with the file opened in it. Every command exits 0 on success and non-zero with a
one-line reason on failure (Vietnamese, or English with ``--lang en``). Sub-commands live
in ``c27desk/commands/``, one module each, and are found at start-up.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from c27desk import __version__, commands
from c27desk.desktop import opens
from c27desk.errors import C27Error, current_language
from c27desk.i18n import set_language
from c27desk.store import faults, lock
from c27desk.store.clock import current_user

if TYPE_CHECKING:  # sqlite-utils (and the store) load when a command opens the database, so --version stays fast
    from sqlite_utils import Database

EXIT_OK = 0
EXIT_FAIL = 1
EXIT_USAGE = 2


@dataclass
class Context:
    """What every command gets: where the database is and who is acting."""

    db_path: Path
    lang: str
    _lock: lock.InstanceLock | None = field(default=None, repr=False)

    @property
    def who(self) -> str:
        return current_user()

    def open(self, *, backup_reason: str | None = None, create: bool = True, write: bool = True) -> Database:
        """Open the database; a writing command first takes the instance lock, so it is
        refused while a window has the same database open (the refusal names who holds it).

        A reading command (``write=False``) opens the file read-only and takes no lock, so it
        works beside an open window and on read-only media (a write-protected stick); only a file
        that still needs upgrading is opened the ordinary way, under the lock, to migrate it first."""
        from c27desk.store.database import (
            SchemaBehindError,
            open_database,
            open_read_only,
            refuse_unusable,
            writable,
        )

        refuse_unusable(self.db_path)  # another program's file, a device or a pipe: before any write
        if not write and self._lock is None:
            try:
                return open_read_only(self.db_path)
            except SchemaBehindError:
                if not writable(self.db_path):
                    raise  # nothing can upgrade it where it is: the message says to copy it
                self.open_lock()  # migrating writes: refused, with the holder's name, while a window has it
        if write and self._lock is None:
            if not create and not self.db_path.exists():
                return open_database(self.db_path, create=False)  # raises the "no database" message
            self.open_lock()
        return open_database(self.db_path, backup_reason=backup_reason, create=create)

    def open_lock(self) -> None:
        """Take the instance lock without opening (restore works on a possibly damaged file)."""
        from c27desk.store.database import refuse_unusable

        if self._lock is None:
            try:
                refuse_unusable(self.db_path)
            except C27Error as exc:
                if exc.code != "DB_NOT_DATABASE":  # an overwritten database is what restore is for
                    raise
            self.refuse_read_only()
            self._lock = lock.acquire(self.db_path)

    def refuse_read_only(self) -> None:
        """A command that writes (to the database or its backup folder) is refused with the reason
        on a write-protected stick or read-only folder, where reading still works."""
        from c27desk.store.database import writable

        if self.db_path.exists() and not writable(self.db_path):
            raise C27Error(
                f"cơ sở dữ liệu {self.db_path} nằm ở thư mục hoặc ổ chỉ cho đọc (USB khóa ghi?): đọc được "
                "(check, values dump, cửa sổ chỉ xem) nhưng không thay đổi được.",
                f"the database {self.db_path} is in a read-only folder or on read-only media (a locked "
                "stick?): it can be read (check, values dump, the window in view-only mode) but not changed.",
                code="DB_READONLY")

    def release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def say(self, vi: str, en: str) -> None:
        print(en if self.lang == "en" else vi)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, as for every other failure
        self.exit(EXIT_USAGE, f"{self.prog}: lệnh chưa đúng / usage: {message} (xem / see {self.prog} --help)\n")


def command_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_"))


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Every command, or with ``only`` that one alone (the window's start loads no other command module)."""
    parser = _Parser(prog="c27desk", description="Báo cáo Chương trình 27 (ứng dụng CNTT trong cơ quan đảng).")
    parser.add_argument("--db", type=Path, help="tệp cơ sở dữ liệu (mặc định: C27DESK_DB hoặc thư mục dữ liệu người dùng)")
    parser.add_argument("--lang", choices=("vi", "en"), help="ngôn ngữ thông báo / message language")
    parser.add_argument("--version", action="version", version=f"c27desk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in [only] if only else command_modules():
        module = importlib.import_module(f"c27desk.commands.{name}")
        module.register(sub)
    return parser


def opens_window(argv: Sequence[str]) -> bool:
    """No command, ``gui``, or a file the desktop asks us to open: the window is what starts, and
    the parser needs no other command (each loads its services; together a tenth of a second)."""
    for i, token in enumerate(argv):
        if token == "--":
            return False
        if token.startswith("-"):
            if token in ("--help", "-h"):
                return False
            continue
        if i and argv[i - 1] in ("--db", "--lang"):
            continue
        return token == "gui" or opens(token)
    return True


def route_opened_files(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """``c27desk [OPTIONS] FILE.c27 …`` → ``c27desk [OPTIONS] gui FILE.c27 …``: a file where the
    command belongs is one the desktop asks us to open. Anything else is left to the parser."""
    i = 0
    while i < len(argv):
        token = argv[i]
        if token == "--":
            return argv
        if token.startswith("-"):
            action = parser._option_string_actions.get(token)  # argparse has no public lookup
            i += 2 if action is not None and action.nargs != 0 and "=" not in token else 1
            continue
        return [*argv[:i], "gui", *argv[i:]] if opens(token) else argv
    return argv


def asks_version(argv: Sequence[str]) -> bool:
    """``--version`` among the options before any command: answered before the command modules
    (and what they import) are loaded, so the answer takes a few hundredths of a second."""
    for i, token in enumerate(argv):
        if token == "--version":
            return True
        if token in ("--db", "--lang") and i + 1 < len(argv):
            continue
        if not token.startswith("-") and not (i and argv[i - 1] in ("--db", "--lang")):
            return False
    return False


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if asks_version(argv):
        print(f"c27desk {__version__}")
        return EXIT_OK
    from c27desk.store.database import default_db_path, resolve_db_path

    parser = build_parser("gui" if opens_window(argv) else None)
    argv = route_opened_files(parser, argv)
    args = parser.parse_args(argv)
    # the language is set once, here: from --lang, else the user's standing choice (C27DESK_LANG)
    set_language(args.lang or os.environ.get("C27DESK_LANG", "vi"))
    ctx = Context(db_path=resolve_db_path(args.db) if args.db else default_db_path(), lang=current_language())
    if args.command is None:
        args = parser.parse_args([*argv, "gui"])
    try:
        return int(args.func(ctx, args) or EXIT_OK)
    except C27Error as exc:
        for line in getattr(exc, "lines", lambda lang: [])(ctx.lang):
            print(f"  {line}", file=sys.stderr)
        print(f"c27desk: {exc.message(ctx.lang)}", file=sys.stderr)
        return EXIT_FAIL
    except BrokenPipeError:  # output piped into `head` or a closed pager: not a failure
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except faults.FAULTS as exc:  # a disk or file fault outside a statement: one line, never a traceback
        print(f"c27desk: {faults.explain(exc, ctx.db_path).message(ctx.lang)}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        print("c27desk: đã dừng / interrupted", file=sys.stderr)
        return 130
    finally:
        ctx.release()


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
