"""What a user does with a yearly report, as services shared by the window and the CLI.

Each function works on an open database and does its writing in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from c27desk.errors import InputError, StoreError
from c27desk.model.catalogue import Catalogue
from c27desk.model.units import Unit
from c27desk.model.validation import CheckReport, check
from c27desk.model.values import CARRIED, Entry, make_entry
from c27desk.report.values_csv import parse_values_csv
from c27desk.store import periods, revisions, units, values
from c27desk.store.periods import Period


@dataclass(frozen=True)
class ReportRef:
    """A unit's report for a year, with the catalogue the period uses."""

    unit: Unit
    period: Period
    catalogue: Catalogue

    @property
    def year(self) -> int:
        return self.period.year


def open_report(db: Database, year: int, unit_code: str | None = None) -> ReportRef:
    unit = units.get_unit(db, unit_code) if unit_code else units.require_self_unit(db)
    if unit is None:
        raise StoreError(f"không có đơn vị {unit_code}.", f"no unit {unit_code}.", code="UNKNOWN_UNIT")
    period = periods.require_period(db, year)
    return ReportRef(unit, period, periods.load_catalogue(db, period.catalogue_id, period.catalogue_version))


def check_report(db: Database, ref: ReportRef) -> CheckReport:
    return check(ref.catalogue, values.entries(db, ref.unit.code, ref.year))


def load_values(db: Database, ref: ReportRef, data: bytes, *, who: str, source: str = "CSV") -> int:
    """Load a values CSV all-or-nothing; returns how many answers changed."""
    parsed = parse_values_csv(data, ref.catalogue, source)
    return values.save_entries(db, ref.unit.code, ref.year, [(e.criterion_id, e) for e in parsed], who=who,
                               action="load")


class FinaliseRefusedError(StoreError):
    """Finalising was refused; ``report`` says why (errors, unacknowledged warnings, unconfirmed rows)."""

    def __init__(self, vi: str, en: str, report: CheckReport):
        super().__init__(vi, en, code="FINALISE_REFUSED")
        self.report = report


def finalise_report(db: Database, ref: ReportRef, *, who: str, acknowledge_warnings: bool = False,
                    dry_run: bool = False) -> revisions.Revision | None:
    """Validate and lock the report as its current revision number.

    ``dry_run`` runs the same checks and writes nothing (returns None): the window asks
    "finalise?" only about a report these rules would accept.
    """
    entries = values.entries(db, ref.unit.code, ref.year)
    report = check(ref.catalogue, entries)
    if report.errors:
        raise FinaliseRefusedError(f"còn {len(report.errors)} lỗi; sửa các lỗi trước khi chốt báo cáo.",
                              f"{len(report.errors)} error(s) remain; fix them before finalising.", report)
    if report.unconfirmed:
        n = len(report.unconfirmed)
        raise FinaliseRefusedError(f"còn {n} giá trị chuyển từ năm trước chưa được xác nhận.",
                              f"{n} value(s) carried from last year are not confirmed yet.", report)
    if report.warnings and not acknowledge_warnings:
        raise FinaliseRefusedError(f"có {len(report.warnings)} cảnh báo cần được xác nhận trước khi chốt.",
                              f"{len(report.warnings)} warning(s) must be acknowledged before finalising.", report)
    if dry_run:
        return None
    return revisions.finalise(db, ref.unit.code, ref.year, entries, who=who)


def previous_year_with_values(db: Database, unit: str, year: int) -> int | None:
    row = db.execute("SELECT max(year) FROM value_entries WHERE unit = ? AND year < ?", [unit, year]).fetchone()
    return row[0] if row and row[0] is not None else None


def carry_forward(db: Database, ref: ReportRef, *, who: str, from_year: int | None = None) -> int:
    """Fill unanswered criteria from last year's answers, each marked unconfirmed.

    The catalogue's ``previous.map`` says which old id feeds which new one (same ids when
    absent); an old value that is no longer valid under the new catalogue is skipped.
    """
    source_year = from_year or previous_year_with_values(db, ref.unit.code, ref.year)
    if source_year is None:
        raise StoreError("không có số liệu năm trước để chuyển sang.", "there are no earlier values to carry forward.",
                         code="NOTHING_TO_CARRY")
    old_entries = values.entries(db, ref.unit.code, source_year)
    current = values.entries(db, ref.unit.code, ref.year)
    mapping = ref.catalogue.carry_map() or {c.id: c.id for c in ref.catalogue.criteria}
    changes: list[tuple[str, Entry | None]] = []
    for crit in ref.catalogue.criteria:
        old = old_entries.get(mapping.get(crit.id, ""))
        if old is None or crit.id in current:
            continue
        if old.is_na:
            changes.append((crit.id, Entry(crit.id, None, old.explanation, CARRIED)))
            continue
        try:
            carried = make_entry(crit, old.value, old.explanation, state=CARRIED)
        except InputError:
            continue
        changes.append((crit.id, carried))
    with db.atomic():
        n = values.save_entries(db, ref.unit.code, ref.year, changes, who=who, action="carry")
        _carry_period_details(db, source_year, ref.year, who=who)
    return n


# what usually stays the same from one year's report to the next; number, date and deadline do not
_LASTING = ("place", "signer_authority", "signer_title", "signer_name", "recipients")


def _carry_period_details(db: Database, source_year: int, year: int, *, who: str) -> None:
    source, target = periods.get_period(db, source_year), periods.require_period(db, year)
    if source is None:
        return
    keep = {f: getattr(source, f) for f in _LASTING if getattr(source, f) and not getattr(target, f)}
    if keep:
        periods.update_period(db, year, who=who, **keep)
