"""Reading counts and amounts as Vietnamese users type them.

The rule (documented in the README):

* Whitespace around the number (spaces, tabs, line breaks, NBSP, narrow NBSP) is trimmed.
  Whitespace *inside* a number is refused with the reason, never removed: a pasted
  column ``12\n13\n14`` is three numbers, not 121314, and ``1 250`` is a thousands
  separator, which is not accepted.
* Only the digits 0-9: full-width or other scripts' digits, signs (``+``, ``-``, ``−``),
  exponents (``1e5``), ``inf`` and ``nan`` are refused.
* The decimal mark may be a comma (Vietnamese habit, ``195,2``) or a point (``195.2``).
* Thousands separators are not accepted: write ``265500``, not ``265.500``.
* A single separator followed by exactly three digits, with one to three digits before it
  that do not start with 0 (``265.500``, ``1,250``), could mean either convention. Such a
  value is refused with a message that shows both readings, so that a figure is never
  silently off by a factor of a thousand. ``0,125`` or ``1250.500`` are not ambiguous.
* Counts are whole numbers >= 0; amounts are >= 0 with at most 3 decimals.
* The program itself writes such a value with a fourth, zero decimal (``265.1230``), so
  its own output always reads back unchanged.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from c27desk.errors import InputError
from c27desk.i18n import Text, msg, pair
from c27desk.model.text import char_code
from c27desk.model.text import shown as quoted

MAX_COUNT = 10**9
MAX_AMOUNT = Decimal(10) ** 13
AMOUNT_DECIMALS = 3

_INT = re.compile(r"^[0-9]+$", re.ASCII)
_DEC = re.compile(r"^([0-9]+)[.,]([0-9]+)$", re.ASCII)
_MINUS = ("-", "\u2212", "\u2012", "\u2013", "\u2014", "\ufe63", "\uff0d")
_INNER_SPACE_NAMES = {"\n": ("xuống dòng", "a line break"), "\r": ("xuống dòng", "a line break"),
                      "\t": ("dấu tab", "a tab"), "\u00a0": ("dấu cách không ngắt", "a non-breaking space"),
                      "\u202f": ("dấu cách hẹp không ngắt", "a narrow non-breaking space"),
                      "\u200b": ("dấu cách độ rộng 0 (U+200B)", "a zero-width space (U+200B)"),
                      "\ufeff": ("ký tự BOM (U+FEFF)", "a byte-order mark (U+FEFF)")}


def _is_space(ch: str) -> bool:
    return ch.isspace() or ch in "\u200b\ufeff"


def _trim(raw: str) -> str:
    """Outer whitespace (any kind, zero-width included) removed; nothing inside is touched."""
    start, end = 0, len(raw)
    while start < end and _is_space(raw[start]):
        start += 1
    while end > start and _is_space(raw[end - 1]):
        end -= 1
    return raw[start:end]


def _refuse_common(text: str, raw: str) -> None:
    """The reasons shared by counts and amounts, in the order a user most needs to hear them."""
    shown = quoted(raw, 40)
    inner = next((ch for ch in text if _is_space(ch)), None)
    if inner is not None:
        vi_name, en_name = _INNER_SPACE_NAMES.get(inner, ("dấu cách", "a space") if inner == " " else
                                                  (f"ký tự trắng {char_code(inner)}", f"a blank character {char_code(inner)}"))
        what = msg(vi_name, en_name)
        if inner in "\r\n":
            raise InputError(msg(
                "Giá trị “{value}” có {what} ở giữa: đây là nhiều số trong một ô (dán cả cột?); mỗi ô chỉ ghi một số.",
                "The value “{value}” has {what} inside: that is several numbers in one cell (a pasted column?); "
                "put one number per cell.", value=shown, what=what))
        raise InputError(msg(
            "Giá trị “{value}” có {what} ở giữa; không dùng dấu cách để phân cách hàng nghìn, hãy viết liền các chữ "
            "số (ví dụ 1250).",
            "The value “{value}” has {what} inside; spaces are not accepted as thousands separators, write the "
            "digits together (e.g. 1250).", value=shown, what=what))
    if text.startswith(_MINUS):
        raise InputError(msg("Giá trị “{value}” là số âm; giá trị phải lớn hơn hoặc bằng 0.",
                             "The value “{value}” is negative; it must be 0 or more.", value=shown))
    if text.startswith(("+", "\uff0b")):
        raise InputError(msg("Giá trị “{value}” có dấu +; hãy ghi số không có dấu +.",
                             "The value “{value}” has a + sign; write the number without it.", value=shown))
    if any(ch.isdigit() and not "0" <= ch <= "9" for ch in text):
        raise InputError(msg(
            "Giá trị “{value}” có chữ số không phải 0–9 (chữ số toàn độ rộng?); hãy gõ lại bằng bàn phím thường.",
            "The value “{value}” has digits other than 0–9 (full-width digits?); type it again with ordinary digits.",
            value=shown))


def parse_count(raw: str) -> int:
    """A whole number >= 0, as typed in a cell or a CSV field."""
    text = _trim(raw)
    if not text:
        raise InputError(msg("Chưa nhập số lượng.", "No number was given."))
    _refuse_common(text, raw)
    if _INT.match(text):
        value = int(text)
        if value >= MAX_COUNT:
            raise InputError(msg("Giá trị “{value}” quá lớn cho một số lượng.", "The value “{value}” is too large for a count.",
                                 value=quoted(text)))
        return value
    if _DEC.match(text) or re.match(r"^[0-9]+([.,][0-9]+)+$", text):
        raise InputError(msg(
            "Giá trị “{value}” không phải số nguyên; số lượng viết liền, không có dấu phân cách hoặc phần thập phân.",
            "The value “{value}” is not a whole number; write counts as plain digits, no separators or decimals.",
            value=quoted(text)))
    raise InputError(msg("Giá trị “{value}” không phải là số; số lượng phải là số nguyên lớn hơn hoặc bằng 0.",
                         "The value “{value}” is not a number; a count must be a whole number, 0 or more.",
                         value=quoted(text)))


def parse_amount(raw: str) -> Decimal:
    """An amount >= 0 with at most three decimals, comma or point as the decimal mark."""
    text = _trim(raw)
    if not text:
        raise InputError(msg("Chưa nhập số tiền.", "No amount was given."))
    _refuse_common(text, raw)
    if _INT.match(text):
        value = Decimal(text)
    else:
        m = _DEC.match(text)
        if not m:
            if re.match(r"^[0-9]+([.,][0-9]+){2,}$", text):
                raise InputError(msg(
                    "Giá trị “{value}” có dấu phân cách hàng nghìn; hãy viết liền các chữ số, dùng dấu phẩy cho phần "
                    "thập phân (ví dụ 265500 hoặc 195,2).",
                    "The value “{value}” has thousands separators, which are not accepted; write the digits together "
                    "and use a comma or point only for decimals (e.g. 265500 or 195.2).", value=quoted(text)))
            raise InputError(msg("Giá trị “{value}” không phải là số tiền hợp lệ (ví dụ hợp lệ: 265500 hoặc 195,2).",
                                 "The value “{value}” is not a valid amount (valid examples: 265500 or 195.2).",
                                 value=quoted(text)))
        whole, frac = m.group(1), m.group(2)
        if len(frac) == 3 and 1 <= len(whole) <= 3 and not whole.startswith("0"):
            # the decimal reading spelled the way the program writes it (a fourth, zero decimal), which
            # is not ambiguous: suggesting "265.123" again would suggest the refused input
            as_decimal = f"{whole}.{frac}0"
            raise InputError(msg(
                "Giá trị “{value}” không rõ nghĩa: có thể là {thousands} hoặc {decimal}. Hãy viết {thousands} (không "
                "dùng dấu phân cách hàng nghìn) hoặc {spelled} (thêm một số 0 ở cuối để rõ là số thập phân).",
                "The value “{value}” is ambiguous: it may mean {thousands} or {decimal}. Write {thousands} (no "
                "thousands separator) or {spelled} (a fourth, zero decimal makes it a decimal; a comma works as the "
                "decimal mark too).",
                value=quoted(text), thousands=whole + frac, decimal=Decimal(f"{whole}.{frac}"),
                spelled=Decimal(as_decimal)))
        if len(frac.rstrip("0")) > AMOUNT_DECIMALS:
            raise InputError(msg("Giá trị “{value}” có quá {n} chữ số thập phân.",
                                 "The value “{value}” has more than {n} decimals.", value=quoted(text), n=AMOUNT_DECIMALS))
        try:
            value = Decimal(f"{whole}.{frac}")
        except InvalidOperation as exc:  # pragma: no cover - regex guarantees digits
            raise InputError(msg("Giá trị “{value}” không phải là số.", "The value “{value}” is not a number.",
                                 value=quoted(text))) from exc
    if value >= MAX_AMOUNT:
        raise InputError(msg("Giá trị “{value}” quá lớn.", "The value “{value}” is too large.", value=quoted(text)))
    return value


def _format(value: Decimal) -> str:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def format_amount(value: Decimal) -> str:
    """Canonical stored form: point as decimal mark, no trailing zeros (``195.2``, ``265500``).

    A value whose shape the reading rule calls ambiguous (``265.123``) keeps one trailing
    zero (``265.1230``), so that every stored value reads back to itself.
    """
    text = _format(value)
    whole, _, frac = text.partition(".")
    if len(frac) == 3 and 1 <= len(whole) <= 3 and not whole.startswith("0"):
        text += "0"
    return text


def display_number(canonical: str, lang: str = "vi") -> str:
    """How a stored number is shown: a decimal comma in Vietnamese, no grouping."""
    return canonical.replace(".", ",") if lang == "vi" else canonical


def number_text(canonical: str) -> Text:
    """A stored number as a message value: shown as :func:`display_number` in the reader's language."""
    return pair(display_number(canonical, "vi"), display_number(canonical, "en"))
