"""Reporting periods (one a year) and the catalogues they use."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields

from sqlite_utils import Database

from c27desk.catalogs import catalogue_for_year, find_shipped
from c27desk.errors import InputError, StoreError
from c27desk.model.catalogue import Catalogue, parse_catalogue
from c27desk.model.text import clean
from c27desk.store.audit import log
from c27desk.store.backup import backed_up


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
    """The period for ``year``, created with the shipped catalogue for that year if new."""
    existing = get_period(db, year)
    if existing:
        return existing
    cat = catalogue or catalogue_for_year(year)
    with db.atomic():
        store_catalogue(db, cat)
        db.execute("INSERT INTO periods(year, catalogue_id, catalogue_version) VALUES (?, ?, ?)",
                   [year, cat.id, cat.version])
        log(db, "period", who=who, year=year, detail=f"catalogue={cat.key}")
    return require_period(db, year)


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


@backed_up("report-details")
def update_period(db: Database, year: int, *, who: str, **changes: str | None) -> Period:
    bad = [k for k in changes if k not in EDITABLE]
    if bad:
        raise StoreError(f"không sửa được trường {', '.join(bad)}.", f"cannot edit field(s) {', '.join(bad)}.")
    for key in DATE_FIELDS:  # checked before anything is written: a bad date changes nothing
        if changes.get(key):
            changes[key] = parse_day(changes[key], key)
    if "status" in changes and changes["status"] not in ("open", "closed"):
        raise InputError(f"trạng thái “{changes['status']}” không hợp lệ.", f"invalid status “{changes['status']}”.")
    require_period(db, year)
    with db.atomic():
        for key, value in changes.items():
            value = clean(value) if isinstance(value, str) else value
            old = db.execute(f"SELECT {key} FROM periods WHERE year = ?", [year]).fetchone()[0]
            if old == value:
                continue
            db.execute(f"UPDATE periods SET {key} = ? WHERE year = ?", [value, year])
            log(db, "period", who=who, year=year, old_value=old, new_value=value, detail=key)
    return require_period(db, year)


def period_catalogue(db: Database, year: int) -> Catalogue:
    period = require_period(db, year)
    return load_catalogue(db, period.catalogue_id, period.catalogue_version)
