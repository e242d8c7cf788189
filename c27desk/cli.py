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

from c27desk import __version__, commands, log
from c27desk.desktop import opens
from c27desk.errors import C27Error
from c27desk.i18n import Lang, Text, language, msg, set_language
from c27desk.model.text import shown
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
                msg("Cơ sở dữ liệu {db_path} nằm ở thư mục hoặc ổ chỉ cho đọc (USB khóa ghi?): đọc được (check, "
                    "values dump, cửa sổ chỉ xem) nhưng không thay đổi được.",
                    "The database {db_path} is in a read-only folder or on read-only media (a locked stick?): it can "
                    "be read (check, values dump, the window in view-only mode) but not changed.",
                    db_path=self.db_path),
                code="DB_READONLY")

    def release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def discard_new_database(self) -> None:
        """Remove the database this command created (and its lock and journal files) after it failed."""
        self.release()
        for path in (self.db_path, *(self.db_path.with_name(self.db_path.name + tail)
                                     for tail in ("-wal", "-shm", "-journal")), lock.lock_path(self.db_path)):
            try:
                Path(path).unlink(missing_ok=True)
            except OSError:
                pass

    @property
    def lang(self) -> str:
        """The interface language (``"vi"`` or ``"en"``), for services that still take it as an argument."""
        return language().value

    def say(self, text: Text) -> None:
        """One message to the person at the terminal, in their language."""
        print(text.render())


#: argparse's own words ("usage:", "options:", its error lines) in Vietnamese. argparse looks each one
#: up through ``gettext`` when it is used; :func:`_argparse_words` answers instead, in the language set.
ARGPARSE_VI = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "show program's version number and exit": "in số phiên bản rồi thoát",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "not allowed with argument %s": "không dùng cùng với %s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn không hợp lệ: %(value)r (chọn một trong "
                                                           "%(choices)s)",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn không rõ: %(option)s có thể là %(matches)s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "unexpected option string: %s": "tùy chọn không đúng chỗ: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
}


def _argparse_words(message: str) -> str:
    return ARGPARSE_VI.get(message, message) if language() == Lang.VI else message


argparse._ = _argparse_words  # argparse calls its module-level ``_`` (gettext) for every word it says
argparse.ngettext = lambda singular, plural, n: _argparse_words(singular if n == 1 else plural)


#: What an option's value is called in the usage line when the option names none (argparse would
#: show its internal name in capitals: ``--unit-code UNIT_CODE``).
VALUE_NAMES = {
    "code": msg("MÃ", "CODE"), "unit_code": msg("MÃ_ĐƠN_VỊ", "UNIT_CODE"), "new_code": msg("MÃ_MỚI", "NEW_CODE"),
    "unit": msg("MÃ_ĐƠN_VỊ", "UNIT_CODE"), "parent": msg("MÃ_CẤP_TRÊN", "PARENT_CODE"),
    "name": msg("TÊN", "NAME"), "unit_name": msg("TÊN_ĐƠN_VỊ", "UNIT_NAME"), "level": msg("CẤP", "LEVEL"),
    "year": msg("NĂM", "YEAR"), "revision": msg("SỐ_BẢN", "REVISION"), "rank": msg("THỨ_BẬC", "RANK"),
    "out": msg("TỆP", "FILE"), "file": msg("TỆP", "FILE"), "fingerprint": msg("DẤU_VÂN_TAY", "FINGERPRINT"),
    "deadline": msg("NGÀY", "DATE"), "report_date": msg("NGÀY", "DATE"), "report_number": msg("SỐ", "NUMBER"),
    "place": msg("ĐỊA_DANH", "PLACE"), "parent_body": msg("CƠ_QUAN", "BODY"), "doc_symbol": msg("KÝ_HIỆU", "SYMBOL"),
    "signer_authority": msg("THẨM_QUYỀN", "AUTHORITY"), "signer_title": msg("CHỨC_VỤ", "TITLE"),
    "signer_name": msg("HỌ_TÊN", "FULL_NAME"), "recipients": msg("NƠI_NHẬN", "RECIPIENTS"),
}


def wrong_kind(kind: type, value: str) -> Text:
    """What an option's value should have been, in words, for a value that is not of that kind."""
    if kind is int:
        return msg("“{value}” không phải số nguyên", "“{value}” is not a whole number", value=value)
    if kind is float:
        return msg("“{value}” không phải số", "“{value}” is not a number", value=value)
    if issubclass(kind, Path):
        return msg("“{value}” không phải đường dẫn tệp dùng được", "“{value}” is not a usable file path", value=value)
    return msg("giá trị “{value}” không dùng được", "the value “{value}” cannot be used", value=value)


class _Formatter(argparse.HelpFormatter):
    """Help texts are Texts, rendered in the reader's language when the help is shown."""

    def _get_default_metavar_for_optional(self, action: argparse.Action) -> str:
        name = VALUE_NAMES.get(action.dest)
        return name.render() if name else super()._get_default_metavar_for_optional(action)

    def _get_default_metavar_for_positional(self, action: argparse.Action) -> str:
        name = VALUE_NAMES.get(action.dest)
        return name.render() if name else super()._get_default_metavar_for_positional(action)

    def _format_action(self, action: argparse.Action) -> str:
        if isinstance(action.help, Text):
            action.help = action.help.render()
        return super()._format_action(action)

    def _format_text(self, text: str | Text) -> str:
        return super()._format_text(str(text))


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        if isinstance(kwargs.get("description"), Text):
            kwargs["description"] = kwargs["description"].render()
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # one line, exit 2, as for every other failure
        said = msg("{prog}: Lệnh chưa đúng: {message} (xem {prog} --help)",
                   "{prog}: Usage error: {message} (see {prog} --help)", prog=self.prog, message=message)
        self.exit(EXIT_USAGE, f"{said}\n")

    def _get_value(self, action: argparse.Action, arg_string: str):
        """A value of the wrong kind is said in words ("“20x3” is not a whole number"), not by the name of a
        Python type as argparse does ("invalid int value")."""
        try:
            return super()._get_value(action, arg_string)
        except argparse.ArgumentError as exc:
            if isinstance(action.type, type) and issubclass(action.type, (int, float, Path)):
                raise argparse.ArgumentError(action, wrong_kind(action.type, arg_string).render()) from exc.__cause__
            raise

    def add_argument(self, *args, **kwargs):
        """A positional with choices is named by its choices (``{list,set}``), in usage and in errors alike:
        argparse would name it by its internal name in an error ("argument action: invalid choice")."""
        if args and not args[0].startswith("-") and kwargs.get("choices") and "metavar" not in kwargs:
            kwargs["metavar"] = "{" + ",".join(kwargs["choices"]) + "}"
        return super().add_argument(*args, **kwargs)

    def add_argument_group(self, *args, **kwargs):
        args = tuple(str(a) if isinstance(a, Text) else a for a in args)
        return super().add_argument_group(*args, **kwargs)


def command_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_"))


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Every command, or with ``only`` that one alone (the window's start loads no other command module);
    the help in the language already set (see :func:`language_asked`)."""
    parser = _Parser(prog="c27desk", description=msg("Báo cáo Chương trình 27 (ứng dụng CNTT trong cơ quan đảng).",
                                                     "Program 27 reports (IT in the Party's offices)."))
    parser.add_argument("--db", type=Path, metavar=str(msg("TỆP", "FILE")),
                        help=msg("tệp cơ sở dữ liệu (mặc định: C27DESK_DB hoặc thư mục dữ liệu người dùng)",
                                 "the database file (default: C27DESK_DB or the user's data folder)"))
    parser.add_argument("--lang", choices=("vi", "en"), help=msg("ngôn ngữ (vi: tiếng Việt, en: tiếng Anh)",
                                                                  "language (vi: Vietnamese, en: English)"))
    parser.add_argument("--version", action="version", version=f"c27desk {__version__}",
                        help=msg("in số phiên bản rồi thoát", "show the version number and exit"))
    parser.add_argument("--verbose", action="store_true",
                        help=msg("với --version: cả Python, Qt, hệ điều hành, cơ sở dữ liệu, thư mục dữ liệu và nhật ký",
                                 "with --version: also Python, Qt, the system, the database, the data folder and the log"))
    sub = parser.add_subparsers(dest="command", metavar=str(msg("LỆNH", "COMMAND")), parser_class=_Parser)
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


def language_asked(argv: Sequence[str]) -> str | None:
    """``--lang X`` (or ``--lang=X``) among the options before the command: read before argparse
    runs, since argparse's help and errors must already be in that language."""
    for i, token in enumerate(argv):
        if token == "--":
            return None
        if token.startswith("--lang="):
            return token.split("=", 1)[1]
        if token == "--lang":
            return argv[i + 1] if i + 1 < len(argv) else None
        if not token.startswith("-") and not (i and argv[i - 1] in ("--db", "--lang")):
            return None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if asks_version(argv):
        if "--verbose" in argv:
            return print_environment(argv)
        print(f"c27desk {__version__}")
        return EXIT_OK
    from c27desk.store.database import default_db_path, resolve_db_path

    # the language is set once, here, before the parser is built (its help and errors speak it):
    # from --lang, else the user's standing choice (C27DESK_LANG)
    set_language(language_asked(argv) or os.environ.get("C27DESK_LANG", "vi"))
    parser = build_parser("gui" if opens_window(argv) else None)
    argv = route_opened_files(parser, argv)
    args = parser.parse_args(argv)
    log.setup("window" if args.command in (None, "gui") else "cli")
    ctx = Context(db_path=resolve_db_path(args.db) if args.db else default_db_path())
    if args.command is None:
        args = parser.parse_args([*argv, "gui"])
    words = " ".join(_command_words(args))
    where = f"command {words}"  # for the log, which is in English
    try:
        code = int(args.func(ctx, args) or EXIT_OK)
        log.done(f"{where} (exit {code})")
        return code
    except C27Error as exc:
        log.refused(exc, where)
        for line in getattr(exc, "lines", lambda lang: [])(ctx.lang):
            print(f"  {line}", file=sys.stderr)
        print(f"c27desk: {exc.message()}", file=sys.stderr)
        return EXIT_FAIL
    except BrokenPipeError:  # output piped into `head` or a closed pager: not a failure
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except faults.FAULTS as exc:  # a disk or file fault outside a statement: one line, never a traceback
        log.failed(exc, where)
        print(f"c27desk: {faults.explain(exc, ctx.db_path).message()}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        log.done(f"{where} interrupted")
        print(f"c27desk: {msg('Đã dừng.', 'Interrupted.')}", file=sys.stderr)
        return 130
    except Exception as exc:  # a fault nobody foresaw: one line and the log, the traceback in the log only
        log.failed(exc, where)
        if os.environ.get("C27DESK_DEBUG"):
            raise
        print(f"c27desk: {unexpected(exc, words)}", file=sys.stderr)
        return EXIT_FAIL
    finally:
        ctx.release()


def _command_words(args: argparse.Namespace) -> list[str]:
    """The command and its sub-command (``values load``), for the log; never the arguments,
    which may name a user's files."""
    words = [args.command or "gui"]
    words += [v for k, v in sorted(vars(args).items())
              if k != "command" and k.endswith(("command", "action")) and isinstance(v, str)]
    return words


def unexpected(exc: BaseException, command: str) -> Text:
    """What is said about a failure nobody foresaw: what failed, in which command, and where the details are."""
    logged = log.log_file()
    return msg("Lỗi không mong đợi ({what}) khi chạy lệnh “{command}”; chi tiết đã ghi vào nhật ký: {log}",
               "Unexpected error ({what}) in the command “{command}”; the details are in the log: {log}",
               what=shown(f"{type(exc).__name__}: {exc}"), command=command, log=str(logged) if logged else "-")


def print_environment(argv: Sequence[str]) -> int:
    """``c27desk --version --verbose``: what support asks first, one "label: value" a line."""
    set_language(language_asked(argv) or os.environ.get("C27DESK_LANG", "vi"))
    given = next((argv[i + 1] for i, t in enumerate(argv[:-1]) if t == "--db"), None)
    from c27desk.store.database import default_db_path, resolve_db_path

    db_path = resolve_db_path(Path(given)) if given else default_db_path()
    log.setup("cli")  # so that the answer says whether the log can be written
    try:  # Qt itself only for --verbose: plain --version must not load it
        from c27desk.gui.diagnostics import qt_version

        qt = qt_version()
    except ImportError:
        qt = None
    for label, value in log.environment(db_path, qt=qt):
        print(f"{label}: {value}")
    return EXIT_OK


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
