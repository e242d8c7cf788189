"""Text hygiene: every Vietnamese string is NFC before it is stored, compared or drawn."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from c27desk.errors import InputError
from c27desk.i18n import Text, msg, pair

_SPACES = {"\u00a0", "\u2007", "\u202f", "\u200b", "\ufeff"}


#: what makes a spreadsheet run a cell as a formula when it starts with it
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _formula_like(cell: str) -> bool:
    return cell.lstrip("'").startswith(FORMULA_START)


def spreadsheet_safe(cell: str) -> str:
    """A text cell for a CSV a user opens in Excel: one leading apostrophe when it would run as a
    formula (=, +, -, @, tab, CR), the usual neutralisation. A text that already starts with
    apostrophes before such a character gets one more, so that ``spreadsheet_text`` gives back
    exactly the original."""
    return "'" + cell if _formula_like(cell) else cell


def spreadsheet_text(cell: str) -> str:
    """The text a ``spreadsheet_safe`` cell stands for: one apostrophe dropped before a formula
    character (as Excel itself shows the cell), nothing else touched."""
    return cell[1:] if cell.startswith("'") and _formula_like(cell[1:]) else cell


def nfc(text: str) -> str:
    """NFC form: NFD input (from some Mac or web sources) would draw detached accents."""
    return unicodedata.normalize("NFC", text)


def clean(text: str | None) -> str:
    """NFC, non-breaking and zero-width spaces made plain, outer whitespace stripped."""
    if text is None:
        return ""
    if text.isascii():  # already NFC, and none of the spaces to make plain is ASCII
        return text.strip()
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
#: the signature block is a column of half the page, wrapped in it: the authority and title take at
#: most a few lines there, the name (one bold line) at most two
SIGNER_LINE_CHARS = 80
SIGNER_NAME_CHARS = 60

#: Every character a stored text may hold, besides the line break of a multi-line field: what each
#: face of the bundled Liberation Serif draws (a test checks every one against the fonts' cmaps) and
#: what the appendix lays out left to right. Vietnamese, Latin, Greek, Cyrillic, punctuation and
#: common symbols; no CJK, emoji, Hebrew or Arabic (drawn blank or reversed), no control characters.
PRINTABLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E), (0x00A0, 0x00AC), (0x00AE, 0x036F), (0x0374, 0x0375), (0x037A, 0x037E), (0x0384, 0x038A),
    (0x038C, 0x038C), (0x038E, 0x03A1), (0x03A3, 0x03CE), (0x03D0, 0x0513), (0x051A, 0x051D), (0x1E00, 0x1E9B),
    (0x1E9E, 0x1E9E), (0x1EA0, 0x1EF9), (0x1F00, 0x1F15), (0x1F18, 0x1F1D), (0x1F20, 0x1F45), (0x1F48, 0x1F4D),
    (0x1F50, 0x1F57), (0x1F59, 0x1F59), (0x1F5B, 0x1F5B), (0x1F5D, 0x1F5D), (0x1F5F, 0x1F7D), (0x1F80, 0x1FB4),
    (0x1FB6, 0x1FC4), (0x1FC6, 0x1FD3), (0x1FD6, 0x1FDB), (0x1FDD, 0x1FEF), (0x1FF2, 0x1FF4), (0x1FF6, 0x1FFE),
    (0x2000, 0x200A), (0x2010, 0x2010), (0x2012, 0x2022), (0x2026, 0x2026), (0x202F, 0x2030), (0x2032, 0x2034),
    (0x2039, 0x203A), (0x203C, 0x203C), (0x203E, 0x203E), (0x2044, 0x2044), (0x205E, 0x205E), (0x2074, 0x2079),
    (0x207F, 0x2089), (0x2090, 0x2094), (0x20A0, 0x20B5), (0x20BF, 0x20BF), (0x2105, 0x2105), (0x2113, 0x2113),
    (0x2116, 0x2117), (0x2122, 0x2122), (0x2126, 0x2126), (0x212E, 0x212E), (0x214D, 0x214E), (0x2153, 0x2154),
    (0x215B, 0x215E), (0x2184, 0x2184), (0x2190, 0x2195), (0x21A8, 0x21A8), (0x21D4, 0x21D4), (0x2202, 0x2202),
    (0x2206, 0x2206), (0x220F, 0x220F), (0x2211, 0x2212), (0x2215, 0x2215), (0x2219, 0x221A), (0x221E, 0x221F),
    (0x2229, 0x2229), (0x222B, 0x222B), (0x2248, 0x2248), (0x2260, 0x2262), (0x2264, 0x2265), (0x2302, 0x2302),
    (0x2310, 0x2310), (0x2320, 0x2321), (0x2500, 0x2500), (0x2502, 0x2502), (0x250C, 0x250C), (0x2510, 0x2510),
    (0x2514, 0x2514), (0x2518, 0x2518), (0x251C, 0x251C), (0x2524, 0x2524), (0x252C, 0x252C), (0x2534, 0x2534),
    (0x253C, 0x253C), (0x2550, 0x256C), (0x2580, 0x2580), (0x2584, 0x2584), (0x2588, 0x2588), (0x258C, 0x258C),
    (0x2590, 0x2593), (0x25A0, 0x25A1), (0x25AA, 0x25AC), (0x25B2, 0x25B2), (0x25BA, 0x25BA), (0x25BC, 0x25BC),
    (0x25C4, 0x25C4), (0x25CA, 0x25CC), (0x25CF, 0x25D9), (0x25E6, 0x25E6), (0x263A, 0x263C), (0x2640, 0x2640),
    (0x2642, 0x2642), (0x2660, 0x2660), (0x2663, 0x2663), (0x2665, 0x2666), (0x2669, 0x266C), (0x266F, 0x266F),
    (0xFB01, 0xFB02),
)
_ZERO_WIDTH_JOINERS = "\u200c\u200d"  # ZWNJ, ZWJ: allowed inside a word only
_NEWLINES = ("\r\n", "\r", "\n")


def _printable(ch: str) -> bool:
    cp = ord(ch)
    lo, hi = 0, len(PRINTABLE_RANGES)
    while lo < hi:
        mid = (lo + hi) // 2
        start, end = PRINTABLE_RANGES[mid]
        if cp < start:
            hi = mid
        elif cp > end:
            lo = mid + 1
        else:
            return True
    return False


def char_code(ch: str) -> str:
    """"U+202E": how a message names a character that cannot be shown as itself."""
    return f"U+{ord(ch):04X}"


def _visible(ch: str) -> str:
    if ch in "\n\r\u2028\u2029\x85":
        return "↵"
    if ch == "\t":
        return "⇥"
    if ch in _ZERO_WIDTH_JOINERS or unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
        return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 \
            else f"\\U{ord(ch):08x}"
    return ch


def shown(text: object, limit: int = 200) -> str:
    """Outside text as quoted in a message (terminal, window, log): control and bidi characters
    made visible (``\\x1b``, ``\\u202e``), a line break as ↵, cut to ``limit`` characters.

    Every quoted user text in a message goes through here, so that an escape sequence cannot
    recolour a terminal, a direction override cannot reverse the rest of the message, and a
    file's newline cannot split one message into two."""
    text = str(text).replace("\r\n", "\n")
    out = "".join(_visible(ch) for ch in text)
    return out if len(out) <= limit else out[: limit - 1] + "…"


def _refused(text: str, pos: int, what: tuple[str, str], *, multiline: bool) -> InputError | None:
    """Why the character at ``pos`` (0-based) cannot be stored, or None.

    One rule by Unicode category: control (Cc), format (Cf: bidi controls, zero-width and BOM
    characters, tags), surrogates, private use and unassigned code points, and the line and
    paragraph separators are refused wherever they are; ZWJ/ZWNJ only between two letters. Then
    anything outside PRINTABLE_RANGES (what the appendix cannot draw left to right)."""
    ch = text[pos]
    field, at = _named(what), pos + 1
    if ch in "\r\n":
        if multiline:
            return None
        return InputError(msg("{field} chỉ được một dòng (có dấu xuống dòng ở ký tự thứ {at}).",
                              "{field} must be a single line (line break at character {at}).", field=field, at=at))
    if ch in _ZERO_WIDTH_JOINERS and 0 < pos < len(text) - 1 and text[pos - 1].isalpha() and text[pos + 1].isalpha():
        return None
    category = unicodedata.category(ch)
    if category in _REFUSED_CATEGORIES:
        kind = {"Cc": msg("ký tự điều khiển", "control character"),
                "Cf": msg("ký tự định dạng ẩn", "invisible format character"),
                "Zl": msg("ký tự phân cách dòng", "line separator character"),
                "Zp": msg("ký tự phân cách đoạn", "paragraph separator character")}.get(
            category, msg("ký tự không hợp lệ", "invalid character"))
        if ch == "\x85":
            kind = msg("ký tự điều khiển xuống dòng", "control character (next line)")
        return InputError(msg("{field} có {kind} {code} ở ký tự thứ {at}; hãy gõ lại hoặc xóa ký tự đó.",
                              "{field} holds {kind} {code} at character {at}; retype it or delete that character.",
                              field=field, kind=kind, code=char_code(ch), at=at))
    if not _printable(ch):
        return InputError(msg(
            "{field} có ký tự “{ch}” ({code}) ở ký tự thứ {at} mà phụ lục không in được (chỉ in chữ Việt, chữ "
            "Latinh, Hy Lạp, Kirin, dấu câu và ký hiệu thông dụng); hãy thay hoặc xóa ký tự đó.",
            "{field} holds “{ch}” ({code}) at character {at}, which the appendix cannot print (it prints Vietnamese, "
            "Latin, Greek, Cyrillic, punctuation and common symbols); replace or delete that character.",
            field=field, ch=ch, code=char_code(ch), at=at))
    return None


def _named(what: tuple[str, str]) -> Text:
    """A field's name (``("số báo cáo", "the report number")``) opening a sentence: capitalised."""
    vi, en = what
    return pair(vi[:1].upper() + vi[1:], en[:1].upper() + en[1:])


_REFUSED_CATEGORIES = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


@cache
def _storable(multiline: bool) -> re.Pattern[str]:
    """A text made only of characters that ``_refused`` lets through wherever they stand: printable,
    not a control or format character, a line feed where the field has lines. Most texts are such,
    and one regular expression tells it at C speed; the others are gone through character by
    character to say what is wrong and where."""
    allowed = [cp for start, end in PRINTABLE_RANGES for cp in range(start, end + 1)
               if unicodedata.category(chr(cp)) not in _REFUSED_CATEGORIES and chr(cp) not in _ZERO_WIDTH_JOINERS]
    if multiline:
        allowed.append(ord("\n"))
    runs: list[list[int]] = []
    for cp in sorted(allowed):
        if runs and cp == runs[-1][1] + 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return re.compile("[" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in runs) + "]*\\Z")


def checked_text(raw: str | None, what: tuple[str, str], *, max_chars: int, multiline: bool = False) -> str:
    """The text as stored (NFC, non-breaking spaces made plain, outer whitespace stripped, line
    breaks as ``\\n``), or InputError naming the field, the character and its position.

    Nothing is silently removed (a zero-width space or a BOM is refused like any format
    character), so that what is signed is what was typed and what is printed. Line breaks are
    allowed only where the printed field has room for lines (``multiline``). ``what`` is the
    field's name in Vietnamese and English. Every text path (window, values file, report and unit
    details, package import) comes here, so one rule decides what the appendix must draw."""
    text = nfc(raw or "")
    for ch in ("\u00a0", "\u2007", "\u202f"):
        text = text.replace(ch, " ")
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip(" \t\n")
    if not _storable(multiline).match(text):
        for pos in range(len(text)):
            problem = _refused(text, pos, what, multiline=multiline)
            if problem is not None:
                raise problem
    if len(text) > max_chars:
        raise InputError(msg("{field} dài {n} ký tự, quá {limit} ký tự in được trên phụ lục.",
                             "{field} is {n} characters long, more than the {limit} the appendix can print.",
                             field=_named(what), n=len(text), limit=max_chars))
    return text


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

