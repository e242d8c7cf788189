"""Asking a person on the command line before a step they may regret (y/N)."""

from __future__ import annotations

import sys

from c27desk.errors import InputError
from c27desk.i18n import Lang, Text, joined, language, msg

_YES = ("y", "yes", "c", "co", "có")


def confirmed(question: Text, *, assume_yes: bool) -> bool:
    """True when ``--yes`` was given or the person answers yes; anything else is no.

    Without a terminal to ask on (a script, a pipe) this refuses with a hint rather than
    reading an answer nobody typed."""
    if assume_yes:
        return True
    if sys.stdin is None or not sys.stdin.isatty():
        raise InputError(joined("{question} {why}", question=question, why=msg(
            "Cần xác nhận nhưng không có cửa sổ lệnh để hỏi; thêm --yes nếu chắc chắn.",
            "This needs a confirmation but there is no terminal to ask on; add --yes if you are sure.")),
            code="NEEDS_CONFIRMATION")
    keys = "[y/N]" if language() == Lang.EN else "[c/K]"
    try:
        answer = input(f"{question} {keys} ")
    except EOFError:
        answer = ""
    return answer.strip().lower() in _YES
