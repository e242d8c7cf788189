"""Asking a person on the command line before a step they may regret (y/N)."""

from __future__ import annotations

import sys

from c27desk.errors import InputError

_YES = ("y", "yes", "c", "co", "có")


def confirmed(ctx, question_vi: str, question_en: str, *, assume_yes: bool) -> bool:
    """True when ``--yes`` was given or the person answers yes; anything else is no.

    Without a terminal to ask on (a script, a pipe) this refuses with a hint rather than
    reading an answer nobody typed."""
    if assume_yes:
        return True
    if sys.stdin is None or not sys.stdin.isatty():
        raise InputError(f"{question_vi} Cần xác nhận nhưng không có cửa sổ lệnh để hỏi; thêm --yes nếu chắc chắn.",
                         f"{question_en} This needs a confirmation but there is no terminal to ask on; add --yes "
                         "if you are sure.", code="NEEDS_CONFIRMATION")
    prompt = (question_en + " [y/N] ") if ctx.lang == "en" else (question_vi + " [c/K] ")
    try:
        answer = input(prompt)
    except EOFError:
        answer = ""
    return answer.strip().lower() in _YES
