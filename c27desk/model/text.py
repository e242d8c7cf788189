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
