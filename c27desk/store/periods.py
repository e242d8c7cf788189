"""Reporting periods (one a year) and the catalogues they use."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from enum import StrEnum

from sqlite_utils import Database

from c27desk.catalogs import find_shipped, shipped_catalogues
from c27desk.errors import InputError, StoreError
from c27desk.i18n import Text, listed, msg, pair
from c27desk.model.catalogue import Catalogue, parse_catalogue, render_year
from c27desk.model.document_number import normalise_report_number
from c27desk.model.text import (
    MAX_EXPLANATION_CHARS,
    MAX_LINE_CHARS,
    SIGNER_LINE_CHARS,
    SIGNER_NAME_CHARS,
    checked_text,
    shown,
)
from c27desk.store.audit import log
from c27desk.store.backup import backed_up
from c27desk.store.clock import now
from c27desk.store.units import self_unit


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
    catalogue_basis: str = ""  # own | redated | published | chosen (see FormBasis)


EDITABLE = ("deadline", "report_number", "report_date", "place", "signer_authority", "signer_title",
            "signer_name", "recipients", "status")
_COLS = ", ".join(f.name for f in fields(Period))


def store_catalogue(db: Database, cat: Catalogue, *, origin: str = "shipped", detail: str = "",
                    for_year: int | None = None) -> bool:
    """Keep a copy of the catalogue in the database; a same id+version with other content is refused.

    Returns True when the form was new here. A form already held keeps its first origin, except
    that a publication for a year is recorded (the office above said: use this form that year).
    """
    row = db.execute("SELECT hash FROM catalogues WHERE id = ? AND version = ?", [cat.id, cat.version]).fetchone()
    shipped = find_shipped(cat.id, cat.version)  # held as surely as a stored copy: never shadowed
    held = row[0] if row else shipped.content_hash if shipped else None
    if held is not None and held != cat.content_hash:
        raise StoreError(msg(
            "Biểu mẫu {form} đã có với nội dung khác biểu mẫu cùng mã và phiên bản này; không ghi đè. "
            "Biểu mẫu mới phải có phiên bản mới.",
            "Form {form} is already held with other content than this form of the same id and version; not "
            "overwritten. A new form needs a new version.", form=cat.key),
            code="CATALOGUE_MISMATCH",
        )
    if row:
        if for_year is not None:
            db.execute("UPDATE catalogues SET for_year = ?, origin = ?, origin_detail = ? WHERE id = ? AND version = ?",
                       [for_year, origin, detail, cat.id, cat.version])
        return False
    db["catalogues"].insert({
        "id": cat.id, "version": cat.version, "year": cat.year, "hash": cat.content_hash,
        "title": render_year(cat.raw.get("title", cat.title), cat.year),  # as the form reads for its own year
        "body": json.dumps(cat.raw, ensure_ascii=False), "origin": origin, "origin_detail": detail,
        "for_year": for_year, "added_at": now(),
    })
    return True


@dataclass(frozen=True)
class HeldForm:
    id: str
    version: str
    year: int
    hash: str
    title: str
    origin: str
    origin_detail: str
    for_year: int | None
    added_at: str | None

    @property
    def key(self) -> str:
        return f"{self.id}/{self.version}"


def held_forms(db: Database) -> list[HeldForm]:
    """Every form the database holds (copies of shipped ones, published and installed ones)."""
    rows = db.execute("SELECT id, version, year, hash, title, origin, origin_detail, for_year, added_at "
                      "FROM catalogues ORDER BY year, id, version")
    return [HeldForm(*r) for r in rows]


def parse_form_key(text: str) -> tuple[str, str]:
    cat_id, sep, version = (text or "").strip().partition("/")
    if not sep or not cat_id or not version:
        raise InputError(msg("Mã biểu mẫu “{key}” không đúng dạng MÃ/PHIÊN_BẢN (ví dụ P27/2023.2).",
                             "The form key “{key}” is not of the form ID/VERSION (e.g. P27/2023.2).", key=shown(text)),
                         field="--catalogue")
    return cat_id, version


_CACHE: dict[tuple[str, str, str, int | None, str | None], Catalogue] = {}


def load_catalogue(db: Database, cat_id: str, version: str, *, year: int | None = None,
                   level: str | None = None) -> Catalogue:
    """A held (else shipped) form, worded for ``year`` and seen by ``level`` when given."""
    row = db.execute("SELECT hash, body FROM catalogues WHERE id = ? AND version = ?", [cat_id, version]).fetchone()
    if row is None:
        shipped = find_shipped(cat_id, version)
        if shipped is None:
            raise StoreError(msg("Không có biểu mẫu {form}.", "There is no form {form}.", form=f"{cat_id}/{version}"),
                             code="CATALOGUE_MISSING")
        row = (shipped.content_hash, None)
    key = (cat_id, version, row[0], year, level)
    if key not in _CACHE:
        body = json.loads(row[1]) if row[1] is not None else find_shipped(cat_id, version).raw
        _CACHE[key] = parse_catalogue(body, source=f"{cat_id}/{version}", year=year, level=level)
    return _CACHE[key]


class FormBasis(StrEnum):
    """Why a period uses its form: said to the user and kept on the period."""

    OWN = "own"
    REDATED = "redated"
    PUBLISHED = "published"
    CHOSEN = "chosen"


def choose_form(db: Database, year: int) -> tuple[Catalogue, FormBasis]:
    """The form a new period for ``year`` uses: the one published for that year by the office above,
    else a form written for that year, else the latest earlier form re-dated — never silently."""
    published = db.execute("SELECT id, version FROM catalogues WHERE for_year = ? ORDER BY added_at DESC LIMIT 1",
                           [year]).fetchone()
    if published:
        return load_catalogue(db, published[0], published[1], year=year), FormBasis.PUBLISHED
    candidates = {(c.id, c.version): c for c in shipped_catalogues() if c.year <= year}
    for form in held_forms(db):
        if form.year <= year and (form.id, form.version) not in candidates:
            candidates[(form.id, form.version)] = load_catalogue(db, form.id, form.version)
    if not candidates:
        raise StoreError(msg("Không có biểu mẫu nào dùng được cho năm {year}.", "No form can be used for {year}.",
                             year=year), code="CATALOGUE_MISSING")
    best = max(candidates.values(), key=lambda c: (c.year, _version_key(c.version)))
    basis = FormBasis.OWN if best.year == year else FormBasis.REDATED
    return parse_catalogue(best.raw, source=best.key, year=year), basis


def _version_key(version: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in version.replace("-", ".").split("."))


def form_note(year: int, cat: Catalogue, basis: str, origin: str = "installed", *, window: bool = False) -> Text:
    """One line saying which form a year uses and why (for init, carry-forward, period set and the window;
    ``window``: how to install a new form is said as the window's menu, not as a command)."""
    if basis == FormBasis.PUBLISHED and origin == "published":
        return msg("Năm {year} dùng biểu mẫu {key} do đơn vị này ban hành cho năm {year}.",
                   "{year} uses form {key}, published by this unit for {year}.", year=year, key=cat.key)
    if basis == FormBasis.PUBLISHED:
        return msg("Năm {year} dùng biểu mẫu {key} do cấp trên ban hành cho năm {year}.",
                   "{year} uses form {key}, published by the office above for {year}.", year=year, key=cat.key)
    if basis == FormBasis.CHOSEN:
        return msg("Năm {year} dùng biểu mẫu {key} (biểu mẫu năm {form_year}) theo lựa chọn của người dùng.",
                   "{year} uses form {key} (the {form_year} form), as chosen by the user.",
                   year=year, key=cat.key, form_year=cat.year)
    if cat.year != year:
        how = (msg("Tệp → Cài biểu mẫu do cấp trên gửi", "File → Install a form sent by the office above") if window
               else msg("c27desk catalog install TỆP.c27form", "c27desk catalog install FILE.c27form"))
        return msg("Năm {year} chưa có biểu mẫu riêng: dùng biểu mẫu {key} của năm {form_year}, ghi lại năm theo năm "
                   "{year}. Khi cấp trên gửi biểu mẫu mới: {how}.",
                   "{year} has no form of its own: it uses form {key} of {form_year}, re-dated to {year}. When the "
                   "office above sends a new form: {how}.", year=year, key=cat.key, form_year=cat.year, how=how)
    return msg("Năm {year} dùng biểu mẫu {key} của năm {year}.", "{year} uses form {key}, written for {year}.",
               year=year, key=cat.key)


def get_period(db: Database, year: int) -> Period | None:
    row = db.execute(f"SELECT {_COLS} FROM periods WHERE year = ?", [year]).fetchone()
    return Period(*row) if row else None


def require_period(db: Database, year: int) -> Period:
    period = get_period(db, year)
    if period is None:
        known = ", ".join(str(p.year) for p in list_periods(db)) or "—"
        raise StoreError(msg("Chưa có kỳ báo cáo năm {year} (các kỳ hiện có: {known}).",
                             "There is no reporting period {year} (existing periods: {known}).", year=year, known=known),
                         code="NO_PERIOD")
    return period


def list_periods(db: Database) -> list[Period]:
    return [Period(*r) for r in db.execute(f"SELECT {_COLS} FROM periods ORDER BY year")]


def ensure_period(db: Database, year: int, catalogue: Catalogue | None = None, *, who: str) -> Period:
    """The period for ``year``, created if new with the form ``choose_form`` picks (or the one given);
    the choice and its reason are recorded on the period and in the audit log.

    A new period starts with the unit's place, so that a unit set up with ``init --place`` has
    its date line filled in every year without being asked again."""
    existing = get_period(db, year)
    if existing:
        return existing
    if catalogue is None:
        cat, basis = choose_form(db, year)
    else:
        cat, basis = catalogue, FormBasis.OWN if catalogue.year == year else FormBasis.REDATED
    me = self_unit(db)
    with db.atomic():
        store_catalogue(db, cat)
        # the place on the date line is the unit's (init --place) until the user says otherwise
        db.execute("INSERT INTO periods(year, catalogue_id, catalogue_version, catalogue_basis, place) "
                   "VALUES (?, ?, ?, ?, ?)", [year, cat.id, cat.version, str(basis), me.place if me else ""])
        log(db, "period", who=who, year=year, detail=f"catalogue={cat.key};basis={basis}")
    return require_period(db, year)


#: the report details as printed, with their names for messages; recipients is the one multi-line field
#: Each report detail's name, said once: the window's labels, the refusals and the signing check all
#: take it from here (a message names the field in the words the window shows beside it).
FIELD_NAMES: dict[str, Text] = {
    "report_number": msg("Số báo cáo", "Report number"),
    "report_date": msg("Ngày báo cáo", "Report date"),
    "place": msg("Địa danh", "Place"),
    "signer_authority": msg("Thẩm quyền ký", "Signing authority"),
    "signer_title": msg("Chức vụ người ký", "Signer's title"),
    "signer_name": msg("Họ tên người ký", "Signer's name"),
    "recipients": msg("Nơi nhận", "Recipients"),
    "deadline": msg("Hạn nộp", "Deadline"),
}
TEXT_FIELDS = ("report_number", "place", "signer_authority", "signer_title", "signer_name", "recipients")
DATE_FIELDS = ("deadline", "report_date")
#: what is not on the unit's own printed report, so it may change after finalising: the deadline is the
#: one the office sets for its units' packages, the status whether it still accepts them
NOT_PRINTED = ("status", "deadline")
_MAX_CHARS = {"signer_authority": SIGNER_LINE_CHARS, "signer_title": SIGNER_LINE_CHARS,
              "signer_name": SIGNER_NAME_CHARS, "recipients": MAX_EXPLANATION_CHARS}
_DATE_FORMS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")


def parse_day(text: str, field: str) -> str:
    """A date as typed (2024-02-20, 20/02/2024, 20-02-2024, 20.02.2024) as ISO; anything else is refused."""
    from datetime import datetime

    for form in _DATE_FORMS:
        try:
            return datetime.strptime(text.strip(), form).date().isoformat()
        except ValueError:
            continue
    raise InputError(msg("{name} “{typed}” không phải ngày hợp lệ; ghi dạng ngày/tháng/năm, ví dụ 20/02/2024.",
                         "{name} “{typed}” is not a valid date; write day/month/year, for example 20/02/2024.",
                         name=field_label(field), typed=shown(text)), field=field)


def field_label(key: str) -> Text:
    """A report detail's name as the window labels it (``report_date`` → "Ngày báo cáo" / "Report date")."""
    return FIELD_NAMES.get(key) or msg("Trường {key}", "Field {key}", key=key)


def field_name(key: str) -> Text:
    """The same name inside a sentence ("thiếu số báo cáo", "no report number"): lower case."""
    label = field_label(key)
    vi, en = label.render("vi"), label.render("en")
    return pair(vi[:1].lower() + vi[1:], en[:1].lower() + en[1:])


def in_report_window(iso_day: str, year: int, field: str) -> str:
    """A report's dates (its date, its deadline) fall from 1 January of the year reported on to 31 December of
    the year after: 01/01/1900 on a 2023 report is a typo, said with the window, not printed."""
    from datetime import date

    day = date.fromisoformat(iso_day)
    first, last = date(year, 1, 1), date(year + 1, 12, 31)
    if not first <= day <= last:
        raise InputError(msg("{name} {day} nằm ngoài khoảng hợp lý cho báo cáo năm {year}: từ {first} đến {last}.",
                             "{name} {day} is outside the sensible range for the {year} report: from {first} to "
                             "{last}.",
                             name=field_label(field), day=day, year=year, first=first, last=last), field=field)
    return iso_day


def _checked_changes(db: Database, changes: dict[str, str | None], year: int) -> dict[str, str | None]:
    """Every change in its stored form, or InputError naming the field (``where``) before anything is written."""
    bad = [k for k in changes if k not in EDITABLE]
    if bad:
        raise StoreError(msg("Không sửa được trường {fields}.",
                             "Cannot edit field {fields}." if len(bad) == 1 else "Cannot edit fields {fields}.",
                             fields=", ".join(bad)))
    out: dict[str, str | None] = {}
    for key, value in changes.items():
        try:
            if key in DATE_FIELDS:
                out[key] = in_report_window(parse_day(value, key), year, key) if value and value.strip() else None
            elif key in TEXT_FIELDS:
                multiline = key == "recipients"
                out[key] = checked_text(value, FIELD_NAMES[key], multiline=multiline,
                                        max_chars=_MAX_CHARS.get(key, MAX_LINE_CHARS))
                if key == "report_number" and out[key]:  # the bare number only: the symbol is the unit's
                    unit = self_unit(db)
                    out[key] = normalise_report_number(out[key], unit.doc_symbol if unit else "")
            else:
                out[key] = value
        except InputError as exc:  # the message names the field in words; the key is for the window's cursor
            exc.field = key
            raise
    if "status" in out and out["status"] not in ("open", "closed"):
        raise InputError(msg("Trạng thái “{status}” không hợp lệ (cần open hoặc closed).",
                             "Invalid status “{status}” (expected open or closed).", status=shown(str(out["status"]))),
                         field="status")
    return out


def _refuse_if_finalised(db: Database, year: int, fields: list[str]) -> None:
    """Report details are part of what was finalised (and signed): changing them needs a reopened report."""
    from c27desk.store import revisions, units

    me = units.self_unit(db)
    rev = revisions.current(db, me.code, year) if me else None
    if rev is not None and rev.is_final:
        names = [field_name(f) for f in fields]
        raise StoreError(msg(
            "Báo cáo năm {year} đã chốt (bản {revision}), không sửa được {names}; hãy mở lại báo cáo "
            "(c27desk reopen --period {year} hoặc Báo cáo → Mở lại báo cáo…) rồi sửa.",
            "The {year} report is finalised (revision {revision}), so {names} cannot change; reopen the "
            "report first (c27desk reopen --period {year} or Report → Reopen report…).",
            year=year, revision=rev.number, names=listed(names)),
            code="REPORT_FINAL")


@backed_up("report-details")
def update_period(db: Database, year: int, *, who: str, **changes: str | None) -> Period:
    """Change report details (and the office's open/closed status); all checked before anything is written.

    Refused while the unit's report for the year is finalised, for any detail that would actually
    change (saving the window's dialog unchanged is not a change)."""
    checked = _checked_changes(db, changes, year)
    require_period(db, year)
    with db.atomic():
        current = {key: db.execute(f"SELECT {key} FROM periods WHERE year = ?", [year]).fetchone()[0]
                   for key in checked}
        real = {k: v for k, v in checked.items() if (current[k] or None) != (v or None)}
        details = [k for k in real if k not in NOT_PRINTED]
        if details:
            _refuse_if_finalised(db, year, details)
        for key, value in real.items():
            db.execute(f"UPDATE periods SET {key} = ? WHERE year = ?", [value, year])
            log(db, "period", who=who, year=year, old_value=current[key], new_value=value, detail=key)
    return require_period(db, year)


def set_receiving(db: Database, year: int, receiving: bool, *, who: str) -> Period:
    """Open or close a year for packages from below (the command line and the window call this)."""
    return update_period(db, year, who=who, status="open" if receiving else "closed")


def period_catalogue(db: Database, year: int, level: str | None = None) -> Catalogue:
    """The period's form worded for its year (and for ``level``, when given)."""
    period = require_period(db, year)
    return load_catalogue(db, period.catalogue_id, period.catalogue_version, year=year, level=level)


def period_form_note(db: Database, year: int, *, window: bool = False) -> Text:
    period = require_period(db, year)
    row = db.execute("SELECT origin FROM catalogues WHERE id = ? AND version = ?",
                     [period.catalogue_id, period.catalogue_version]).fetchone()
    return form_note(year, period_catalogue(db, year), period.catalogue_basis, row[0] if row else "shipped",
                     window=window)
