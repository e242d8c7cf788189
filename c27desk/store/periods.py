"""Reporting periods (one a year) and the catalogues they use."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields

from sqlite_utils import Database

from c27desk.catalogs import catalogue_for_year, find_shipped
from c27desk.errors import InputError, StoreError
from c27desk.model.catalogue import Catalogue, parse_catalogue
from c27desk.model.text import MAX_EXPLANATION_CHARS, MAX_LINE_CHARS, checked_text
from c27desk.store.audit import log


@dataclass(frozen=True)
class Period:
    year: int
    catalogue_id: str
    catalogue_version: str
    deadline: str | None = None
    report_number: str = ""
    report_date: str | None = None
    place: str = ""
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipients: str = ""
    status: str = "open"


EDITABLE = ("deadline", "report_number", "report_date", "place", "signer_authority", "signer_title",
            "signer_name", "recipients", "status")
_COLS = ", ".join(f.name for f in fields(Period))


def store_catalogue(db: Database, cat: Catalogue) -> None:
    """Keep a copy of the catalogue in the database; a same id+version with other content is refused."""
    row = db.execute("SELECT hash FROM catalogues WHERE id = ? AND version = ?", [cat.id, cat.version]).fetchone()
    if row:
        if row[0] != cat.content_hash:
            raise StoreError(
                f"danh mục {cat.key} trong cơ sở dữ liệu khác với tệp danh mục cùng phiên bản.",
                f"catalogue {cat.key} in the database differs from the file of the same version.",
                code="CATALOGUE_MISMATCH",
            )
        return
    db["catalogues"].insert({
        "id": cat.id, "version": cat.version, "year": cat.year, "hash": cat.content_hash, "title": cat.title,
        "body": json.dumps(cat.raw, ensure_ascii=False),
    })


_CACHE: dict[tuple[str, str, str], Catalogue] = {}


def load_catalogue(db: Database, cat_id: str, version: str) -> Catalogue:
    row = db.execute("SELECT hash, body FROM catalogues WHERE id = ? AND version = ?", [cat_id, version]).fetchone()
    if row is None:
        shipped = find_shipped(cat_id, version)
        if shipped is None:
            raise StoreError(f"không có danh mục {cat_id}/{version}.", f"no catalogue {cat_id}/{version}.",
                             code="CATALOGUE_MISSING")
        return shipped
    key = (cat_id, version, row[0])
    if key not in _CACHE:
        _CACHE[key] = parse_catalogue(json.loads(row[1]), source=f"{cat_id}/{version}")
    return _CACHE[key]


def get_period(db: Database, year: int) -> Period | None:
    row = db.execute(f"SELECT {_COLS} FROM periods WHERE year = ?", [year]).fetchone()
    return Period(*row) if row else None


def require_period(db: Database, year: int) -> Period:
    period = get_period(db, year)
    if period is None:
        known = ", ".join(str(p.year) for p in list_periods(db)) or "—"
        raise StoreError(
            f"chưa có kỳ báo cáo năm {year} (các kỳ hiện có: {known}).",
            f"there is no reporting period {year} (existing periods: {known}).",
            code="NO_PERIOD",
        )
    return period


def list_periods(db: Database) -> list[Period]:
    return [Period(*r) for r in db.execute(f"SELECT {_COLS} FROM periods ORDER BY year")]


def ensure_period(db: Database, year: int, catalogue: Catalogue | None = None, *, who: str) -> Period:
    """The period for ``year``, created with the shipped catalogue for that year if new.

    A new period starts with the unit's place, so that a unit set up with ``init --place`` has
    its date line filled in every year without being asked again."""
    existing = get_period(db, year)
    if existing:
        return existing
    from c27desk.store.units import self_unit

    cat = catalogue or catalogue_for_year(year)
    me = self_unit(db)
    with db.atomic():
        store_catalogue(db, cat)
        # the place on the date line is the unit's (init --place) until the user says otherwise
        db.execute("INSERT INTO periods(year, catalogue_id, catalogue_version, place) VALUES (?, ?, ?, ?)",
                   [year, cat.id, cat.version, me.place if me else ""])
        log(db, "period", who=who, year=year, detail=f"catalogue={cat.key}")
    return require_period(db, year)


#: the report details as printed, with their names for messages; recipients is the one multi-line field
TEXT_FIELDS = {
    "report_number": ("số báo cáo", "the report number"),
    "place": ("địa danh", "the place"),
    "signer_authority": ("thẩm quyền ký", "the signing authority"),
    "signer_title": ("chức vụ người ký", "the signer's title"),
    "signer_name": ("họ tên người ký", "the signer's name"),
    "recipients": ("nơi nhận", "the recipients"),
}

DATE_FIELDS = {"deadline": ("hạn nộp", "deadline"), "report_date": ("ngày báo cáo", "report date")}
_DATE_FORMS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")


def parse_day(text: str, field: str) -> str:
    """A date as typed (2024-02-20, 20/02/2024, 20-02-2024, 20.02.2024) as ISO; anything else is refused."""
    from datetime import datetime

    for form in _DATE_FORMS:
        try:
            return datetime.strptime(text.strip(), form).date().isoformat()
        except ValueError:
            continue
    vi, en = DATE_FIELDS.get(field, (field, field))
    raise InputError(f"{vi} “{text}” không phải ngày hợp lệ; ghi dạng 20/02/2024 hoặc 2024-02-20.",
                     f"{en} “{text}” is not a valid date; write 20/02/2024 or 2024-02-20.", where=field)


def _checked_changes(changes: dict[str, str | None]) -> dict[str, str | None]:
    """Every change in its stored form, or InputError naming the field (``where``) before anything is written."""
    bad = [k for k in changes if k not in EDITABLE]
    if bad:
        raise StoreError(f"không sửa được trường {', '.join(bad)}.", f"cannot edit field(s) {', '.join(bad)}.")
    out: dict[str, str | None] = {}
    for key, value in changes.items():
        try:
            if key in DATE_FIELDS:
                out[key] = parse_day(value, key) if value and value.strip() else None
            elif key in TEXT_FIELDS:
                multiline = key == "recipients"
                out[key] = checked_text(value, TEXT_FIELDS[key], multiline=multiline,
                                        max_chars=MAX_EXPLANATION_CHARS if multiline else MAX_LINE_CHARS)
            else:
                out[key] = value
        except InputError as exc:
            exc.where = key
            raise
    if "status" in out and out["status"] not in ("open", "closed"):
        raise InputError(f"trạng thái “{out['status']}” không hợp lệ.", f"invalid status “{out['status']}”.")
    return out


def _refuse_if_finalised(db: Database, year: int, fields: list[str]) -> None:
    """Report details are part of what was finalised (and signed): changing them needs a reopened report."""
    from c27desk.store import revisions, units

    me = units.self_unit(db)
    rev = revisions.current(db, me.code, year) if me else None
    if rev is not None and rev.is_final:
        names_vi = ", ".join(TEXT_FIELDS.get(f, DATE_FIELDS.get(f, (f, f)))[0] for f in fields)
        names_en = ", ".join(TEXT_FIELDS.get(f, DATE_FIELDS.get(f, (f, f)))[1] for f in fields)
        raise StoreError(
            f"báo cáo năm {year} đã chốt (bản {rev.number}), không sửa được {names_vi}; hãy mở lại báo cáo "
            f"(c27desk reopen --period {year} hoặc Báo cáo → Mở lại báo cáo) rồi sửa.",
            f"the {year} report is finalised (revision {rev.number}), so {names_en} cannot change; reopen the "
            f"report first (c27desk reopen --period {year} or Báo cáo → Mở lại báo cáo).",
            code="REPORT_FINAL")


def update_period(db: Database, year: int, *, who: str, **changes: str | None) -> Period:
    """Change report details (and the office's open/closed status); all checked before anything is written.

    Refused while the unit's report for the year is finalised, for any detail that would actually
    change (saving the window's dialog unchanged is not a change)."""
    checked = _checked_changes(changes)
    require_period(db, year)
    with db.atomic():
        current = {key: db.execute(f"SELECT {key} FROM periods WHERE year = ?", [year]).fetchone()[0]
                   for key in checked}
        real = {k: v for k, v in checked.items() if (current[k] or None) != (v or None)}
        details = [k for k in real if k != "status"]
        if details:
            _refuse_if_finalised(db, year, details)
        for key, value in real.items():
            db.execute(f"UPDATE periods SET {key} = ? WHERE year = ?", [value, year])
            log(db, "period", who=who, year=year, old_value=current[key], new_value=value, detail=key)
    return require_period(db, year)


def set_receiving(db: Database, year: int, receiving: bool, *, who: str) -> Period:
    """Open or close a year for packages from below (the command line and the window call this)."""
    return update_period(db, year, who=who, status="open" if receiving else "closed")


def period_catalogue(db: Database, year: int) -> Catalogue:
    period = require_period(db, year)
    return load_catalogue(db, period.catalogue_id, period.catalogue_version)
