"""Text hygiene: every Vietnamese string is NFC before it is stored, compared or drawn."""

from __future__ import annotations

import unicodedata

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


# Characters that change what a screen or a log shows rather than showing themselves: C0/C1 controls
# (carriage return, ESC of terminal escape sequences), DEL, bidirectional overrides and isolates (which
# reorder what follows), lone surrogates (which no encoder accepts) and unassigned or private code points.
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
_HARMLESS = "\u00ad\u200c\u200d"  # soft hyphen and zero-width (non-)joiners, as text pasted from Word holds


def _unsafe(ch: str, allowed: str) -> bool:
    return ch not in allowed and ch not in _HARMLESS and unicodedata.category(ch) in _INVISIBLE_CATEGORIES


def unsafe_characters(text: str, allowed: str = "") -> list[str]:
    """The characters of ``text`` that must not come from outside (see ``shown``), as ``U+XXXX`` names.

    ``allowed`` lets a multi-line field keep its line feeds and tabs."""
    return sorted({f"U+{ord(ch):04X}" for ch in text if _unsafe(ch, allowed)})


def shown(text: object, limit: int = 200) -> str:
    """Text from outside (a file name, a certificate subject, a refusal detail) made safe to show anywhere.

    Every display path — terminal, window, log and audit rows — passes outside text through this one
    function: invisible and control characters become visible ``\\xNN``/``\\uNNNN`` escapes (so ``\\r\\x1b[2K``
    cannot erase a line and print a fake result, and a lone surrogate cannot crash an encoder), and very
    long text is cut with an ellipsis."""
    text = str(text)
    out = []
    for ch in text[: limit + 1]:
        if _unsafe(ch, " "):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    result = "".join(out)
    return result if len(text) <= limit else result[:limit] + "…"
