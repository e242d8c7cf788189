"""The report's number as typed and as printed: "Số 45-BC/TU" (Hướng dẫn 36-HD/VPTW).

The printed number is the report's number, the kind of document ("BC", báo cáo) and the issuing
body's symbol ("TU", "HU" …) from the unit. Users type either the bare number or the whole thing
they read on paper, so both are accepted, and only the number is stored: the symbol is never
printed twice ("45-BC/HU-BC/HU"), and a symbol that is not the unit's is refused rather than
printed under another body's name. The store, the report-details dialog (which shows the composed
number as it is typed) and ``period set --report-number`` all go through ``normalise_report_number``.
"""

from __future__ import annotations

import re

from c27desk.errors import InputError
from c27desk.i18n import msg
from c27desk.model.text import clean, shown

KIND = "BC"  # báo cáo
BLANK = "\u00a0" * 6  # room to write a number by hand on a draft
# ASCII digits only: a full-width "１２" would be stored and printed as typed, not as the number 12
_NUMBER = re.compile(r"[0-9]{1,6}")
_FULL = re.compile(r"(?P<number>[^-]+)-(?P<kind>[^/\s-]+)(?:/(?P<symbol>[^\s]+))?")


def document_symbol(unit_symbol: str) -> str:
    """"BC/TU" for a unit whose symbol is TU; "BC" for a unit that has none set."""
    return f"{KIND}/{unit_symbol}" if unit_symbol else KIND


def compose_number(number: str, unit_symbol: str) -> str:
    """The number as printed after "Số": "45-BC/TU"; a blank to write in by hand while no number is set."""
    return f"{number or BLANK}-{document_symbol(unit_symbol)}"


def normalise_report_number(typed: str | None, unit_symbol: str) -> str:
    """The bare number from what a user typed ("45", "45-BC/TU", "Số 45-BC/TU"); "" clears it.

    A number followed by another document kind or another body's symbol is refused with the
    expected form named, and nothing is stored."""
    text = re.sub(r"\s+", "", clean(typed or ""))
    text = re.sub(r"^(?i:số)[:.]?", "", text)
    if not text:
        return ""
    expected = compose_number("45", unit_symbol)
    typed_shown = shown(typed or "")
    if _NUMBER.fullmatch(text):
        if not text.strip("0"):
            raise InputError(msg("Số báo cáo “{typed}” không hợp lệ: số phải lớn hơn 0 (ví dụ 45).",
                                 "Report number “{typed}” is not valid: the number must be above 0 (e.g. 45).",
                                 typed=typed_shown), field="report_number")
        return text
    full = _FULL.fullmatch(text)
    if full is None or not _NUMBER.fullmatch(full["number"]):
        raise InputError(msg(
            "Số báo cáo “{typed}” không hợp lệ; ghi số bằng chữ số 0-9 (ví dụ 45) hoặc cả ký hiệu ({expected}).",
            "Report number “{typed}” is not valid; type the number in digits 0-9 (e.g. 45) or the whole number "
            "({expected}).", typed=typed_shown, expected=expected), field="report_number")
    written = f"{full['kind']}/{full['symbol']}" if full["symbol"] else full["kind"]
    if written.upper() != document_symbol(unit_symbol).upper():
        said = msg("Số báo cáo “{typed}” ghi ký hiệu “{written}”, nhưng báo cáo của đơn vị này được đánh số dạng "
                   "{expected}; hãy ghi số (ví dụ 45) hoặc {expected}.",
                   "Report number “{typed}” is written with the symbol “{written}”, but this unit's reports are "
                   "numbered like {expected}; type the number (e.g. 45) or {expected}.",
                   typed=typed_shown, written=written, expected=expected)
        if not unit_symbol:
            said += msg(" Đơn vị chưa có ký hiệu văn bản; đặt bằng c27desk init --doc-symbol.",
                        " The unit has no document symbol yet; set it with c27desk init --doc-symbol.")
        raise InputError(said, field="report_number")
    return normalise_report_number(full["number"], unit_symbol)
