"""Party units and their levels. Levels are data: the 2025 reform removed the district level."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from c27desk.errors import InputError
from c27desk.i18n import Text, msg, pair, verbatim
from c27desk.model.text import MAX_LINE_CHARS, checked_text, clean, shown

UNIT_CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,31}$")
LEVEL_CODE_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,31}$")

#: Levels a new database starts with; users may add others (``c27desk levels add``).
DEFAULT_LEVELS: tuple[tuple[str, str, int], ...] = (
    ("trung-uong", "Trung ương", 0),
    ("tinh", "Tỉnh ủy, thành ủy", 1),
    ("truc-thuoc", "Đảng ủy trực thuộc tỉnh ủy, thành ủy", 2),
    ("huyen", "Huyện ủy, thị ủy, thành ủy trực thuộc tỉnh (đến 2025)", 2),
    ("xa", "Đảng ủy xã, phường, đặc khu", 3),
    ("co-so", "Tổ chức cơ sở đảng", 4),
)

#: The English names of the levels a database starts with (the ``levels`` table holds one name, in
#: Vietnamese): a level is shown by its name, never by its code.
LEVEL_NAMES_EN = {
    "trung-uong": "Central level",
    "tinh": "Provincial or city Party committee",
    "truc-thuoc": "Party committee directly under the province or city",
    "huyen": "District, town or provincial-city Party committee (until 2025)",
    "xa": "Commune, ward or special-zone Party committee",
    "co-so": "Grassroots Party organisation",
}


def level_text(code: str, name: str | None = None) -> Text:
    """A level as people read it: its name from the ``levels`` table in Vietnamese (the starting
    name when none is given); in English the fixed English name of a level the program knows, else
    the table's name. The code shows only for a level with no name at all."""
    vi = name or next((n for c, n, _ in DEFAULT_LEVELS if c == code), "")
    if not vi:
        return verbatim(code)
    return pair(vi, LEVEL_NAMES_EN.get(code) or vi)


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    level: str
    parent: str | None = None
    place: str = ""
    parent_body: str = ""
    doc_symbol: str = ""
    valid_from: int | None = None  # first year the unit reports (None: from the beginning)
    valid_until: int | None = None  # first year it no longer exists (None: still exists)

    def valid_in(self, year: int) -> bool:
        return (self.valid_from is None or self.valid_from <= year) and (
            self.valid_until is None or year < self.valid_until)


class LinkKind(StrEnum):
    """How an old unit became a new one: its code changed, or it was merged with others."""

    RECODE = "recode"
    MERGE = "merge"


#: Years a register change may take effect (the programme's reports start in 2021).
FIRST_YEAR, LAST_YEAR = 2000, 2100


def check_year(year: int, what: str = "--from") -> int:
    """A change's first year; a typo such as 225 would silently rewrite every year's tree."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InputError(msg("Năm “{year}” không hợp lệ (từ {first} đến {last}).",
                             "The year “{year}” is invalid ({first} to {last}).", year=year, first=FIRST_YEAR,
                             last=LAST_YEAR), field=what)
    return year


def normalise_unit_code(raw: str) -> str:
    """Unit codes appear in export file names (CODE_YEAR_rN.c27), so they are kept plain."""
    code = clean(raw).upper()
    if not UNIT_CODE_RE.match(code):
        raise InputError(msg(
            "Mã đơn vị “{code}” không hợp lệ: chỉ gồm chữ cái không dấu, chữ số và dấu gạch ngang, tối đa 32 ký tự.",
            "The unit code “{code}” is invalid: use unaccented letters, digits and hyphens, at most 32 characters.",
            code=shown(raw)))
    return code


def normalise_level_code(raw: str) -> str:
    code = clean(raw).lower()
    if not LEVEL_CODE_RE.match(code):
        raise InputError(msg("Mã cấp “{code}” không hợp lệ (ví dụ: tinh, xa).",
                             "The level code “{code}” is invalid (e.g. tinh, xa).", code=shown(raw)))
    return code


def unit_name(raw: str | None) -> str:
    """A unit's name as stored and printed (and written into a certificate): one printable line."""
    name = checked_text(raw, ("tên đơn vị", "the unit name"), max_chars=MAX_LINE_CHARS)
    if not name:
        raise InputError(msg("Chưa nhập tên đơn vị.", "The unit name is empty."))
    return name


def make_unit(code: str, name: str, level: str, parent: str | None = None, place: str = "",
              parent_body: str = "", doc_symbol: str = "") -> Unit:
    """A unit as typed; every text is one printable line (they all appear on the appendix's heading)."""
    name = unit_name(name)
    return Unit(
        code=normalise_unit_code(code),
        name=name,
        level=normalise_level_code(level),
        parent=normalise_unit_code(parent) if parent else None,
        place=checked_text(place, ("địa danh", "the place"), max_chars=MAX_LINE_CHARS),
        parent_body=checked_text(parent_body, ("cơ quan chủ quản", "the parent body"), max_chars=MAX_LINE_CHARS),
        doc_symbol=checked_text(doc_symbol, ("ký hiệu văn bản", "the document symbol"), max_chars=MAX_LINE_CHARS),
    )
