"""Text hygiene: every Vietnamese string is NFC before it is stored, compared or drawn."""

from __future__ import annotations

import unicodedata

from c27desk.errors import InputError

_SPACES = {"\u00a0", "\u2007", "\u202f", "\u200b", "\ufeff"}


def nfc(text: str) -> str:
    """NFC form: NFD input (from some Mac or web sources) would draw detached accents."""
    return unicodedata.normalize("NFC", text)


def clean(text: str | None) -> str:
    """NFC, non-breaking and zero-width spaces made plain, outer whitespace stripped."""
    if text is None:
        return ""
    text = nfc(text)
    for ch in _SPACES:
        text = text.replace(ch, " " if ch != "\u200b" and ch != "\ufeff" else "")
    return text.strip()


def fold(text: str) -> str:
    """Lower-case text without diacritics, for search: 'Máy tính' matches 'may tinh'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


#: What the appendix can print in one cell or line (see tests/report for the maximum-length renders).
MAX_EXPLANATION_CHARS = 1000
MAX_TEXT_VALUE_CHARS = 2000
MAX_LINE_CHARS = 200

_LINE_BREAKS = "\n\r\u2028\u2029\x85"
# direction overrides can make a printed line read differently from the stored one
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _control_name(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def checked_text(raw: str | None, what: tuple[str, str], *, max_chars: int, multiline: bool = False) -> str:
    """``clean(raw)``, or InputError naming the field when it holds what the appendix cannot print.

    Control characters (a pasted form feed, an escape from a terminal, NUL) are refused rather than
    removed, so that what is signed is what was typed; line breaks are allowed only where the
    printed field has room for lines (``multiline``), and are kept as ``\\n``. ``what`` is the
    field's name in Vietnamese and English."""
    text = clean(raw)
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    vi, en = what
    for pos, ch in enumerate(text, start=1):
        if ch == "\n" and multiline:
            continue
        if ch in _LINE_BREAKS:
            raise InputError(f"{vi} chỉ được một dòng (có dấu xuống dòng ở ký tự thứ {pos}).",
                             f"{en} must be a single line (line break at character {pos}).")
        if unicodedata.category(ch) in ("Cc", "Cs") or ch in _BIDI_CONTROLS:
            raise InputError(f"{vi} có ký tự điều khiển {_control_name(ch)} ở ký tự thứ {pos}; hãy gõ lại "
                             "hoặc xóa ký tự đó.",
                             f"{en} holds control character {_control_name(ch)} at character {pos}; retype it "
                             "or delete that character.")
    if len(text) > max_chars:
        raise InputError(f"{vi} dài {len(text)} ký tự, quá {max_chars} ký tự in được trên phụ lục.",
                         f"{en} is {len(text)} characters long, more than the {max_chars} the appendix can print.")
    return text


def shown(text: str, limit: int = 60) -> str:
    """``text`` safe to print on one terminal line or label: control and direction characters made visible
    (``\\x1b``, ``\\u202e``), a line break as ↵, cut to ``limit`` characters with …. A file name or a
    value from outside can hold an escape sequence that would rewrite the screen, or an override that
    makes ``cod.exe`` read as ``exe.doc``."""
    out = []
    for ch in text:
        if ch in "\n\r":
            out.append("↵")
        elif ch in _BIDI_CONTROLS or ch in "\u2028\u2029\u200e\u200f\u061c":
            out.append(f"\\u{ord(ch):04x}")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") and ch not in _SPACES:
            out.append(f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    joined = "".join(out)
    return joined if len(joined) <= limit else joined[: max(limit - 1, 0)] + "…"
