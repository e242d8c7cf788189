"""What a user does with a yearly report, as services shared by the window and the CLI.

Each function works on an open database and does its writing in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlite_utils import Database

from c27desk.errors import InputError, StoreError
from c27desk.i18n import Text, msg
from c27desk.model.catalogue import Catalogue
from c27desk.model.text import shown
from c27desk.model.units import Unit
from c27desk.model.validation import CheckReport, check
from c27desk.model.values import CARRIED, CARRIED_NA, Entry, make_entry
from c27desk.store import ledger, periods, revisions, units, values
from c27desk.store.backup import backed_up, database_file
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
    unit = (units.unit_in(db, unit_code, year) or units.get_unit(db, unit_code)) if unit_code \
        else units.report_unit(db, year)
    if unit is None:
        raise StoreError(msg("Không có đơn vị {unit_code}.",
                             "No unit {unit_code}.",
                             unit_code=unit_code), code="UNKNOWN_UNIT")
    period = periods.require_period(db, year)
    return ReportRef(unit, period, periods.period_catalogue(db, year, unit.level))


def check_report(db: Database, ref: ReportRef) -> CheckReport:
    return check(ref.catalogue, values.entries(db, ref.unit.code, ref.year))


def load_values(db: Database, ref: ReportRef, data: bytes, *, who: str, source: str = "CSV") -> int:
    """Load a values CSV all-or-nothing; returns how many answers changed.

    Only the criteria the file names change (see values_csv for the explanation column)."""
    from c27desk.report.values_csv import parse_values_csv  # loaded when a file is read: not at every start

    stored = values.entries(db, ref.unit.code, ref.year)
    parsed = parse_values_csv(data, ref.catalogue, source, stored)
    return values.save_entries(db, ref.unit.code, ref.year, [(e.criterion_id, e) for e in parsed], who=who,
                               action="load")


def unanswered_criteria(db: Database, ref: ReportRef) -> list[str]:
    """Criteria with no answer at all, in catalogue order: what blocks finalising (and what the
    window filters on). "Not applicable" (N/A, KAD) is an answer; an empty row is not."""
    return list(check_report(db, ref).missing)


def _id_list(ids: tuple[str, ...] | list[str], limit: int = 15) -> str:
    shown = ", ".join(ids[:limit])
    return shown + (f", … (+{len(ids) - limit})" if len(ids) > limit else "")


def confirm_carried(db: Database, ref: ReportRef, criteria: list[str] | None, *, who: str) -> list[str]:
    """Accept values carried from last year as this year's answers: the named criteria, or with
    ``None`` every one still waiting. Returns the criteria confirmed.

    A named criterion that is unknown or holds no carried value is refused, naming it, before
    anything is written: a typo must not look like a confirmation."""
    current = values.entries(db, ref.unit.code, ref.year)
    waiting = [c.id for c in ref.catalogue.criteria if c.id in current and current[c.id].is_unconfirmed]
    if criteria is None:
        chosen = waiting
    else:
        unknown = [shown(c, 40) for c in criteria if ref.catalogue.get(c) is None]
        if unknown:
            raise InputError(msg("Không có tiêu chí {ids} trong biểu mẫu {key}.",
                                 "No criterion {ids} in form {key}." if len(unknown) == 1 else "No criteria {ids} in form {key}.",
                                 ids=", ".join(unknown), key=ref.catalogue.key))
        not_carried = [c for c in criteria if c not in waiting]
        if not_carried:
            said = msg("Tiêu chí {ids} không có giá trị chuyển từ năm trước đang chờ xác nhận",
                       "Criterion {ids} holds no carried value waiting for confirmation" if len(not_carried) == 1
                       else "Criteria {ids} hold no carried value waiting for confirmation", ids=", ".join(not_carried))
            said += (msg(" (đang chờ: {ids}).", " (waiting: {ids}).", ids=_id_list(waiting)) if waiting else ".")
            raise InputError(said)
        chosen = list(dict.fromkeys(criteria))
    values.confirm(db, ref.unit.code, ref.year, chosen, who=who)
    return chosen


class FinaliseRefusedError(StoreError):
    """Finalising was refused; ``report`` says why (errors, unacknowledged warnings, unconfirmed rows)."""

    def __init__(self, text: Text, report: CheckReport):
        super().__init__(text, code="FINALISE_REFUSED")
        self.report = report


@backed_up("finalise")
def finalise_report(db: Database, ref: ReportRef, *, who: str, acknowledge_warnings: bool = False) -> revisions.Revision:
    """Validate and lock the report as its current revision number (refusals: see require_finalisable), or
    as the next free one when that number was already exported with other content (an older backup
    restored): the result's ``renumbered_from`` then says so."""
    entries = require_finalisable(db, ref, acknowledge_warnings=acknowledge_warnings)
    planned = revisions.current(db, ref.unit.code, ref.year)
    planned_number = planned.number if planned is not None else 1
    path = database_file(db)
    number = planned_number if path is None else ledger.number_for(
        path, ref.unit.code, ref.year, planned_number, revisions.entries_hash(entries))
    rev = revisions.finalise(db, ref.unit.code, ref.year, entries, who=who,
                             number=number if number != planned_number else None, printed=printed_details(ref))
    return replace(rev, renumbered_from=planned_number) if number != planned_number else rev



#: what the appendix prints from the unit's record and the report's details (frozen when finalising)
UNIT_PRINTED = ("name", "level", "place", "parent_body", "doc_symbol")
PERIOD_PRINTED = ("report_number", "report_date", "place", "signer_authority", "signer_title", "signer_name",
                  "recipients")


def printed_details(ref: ReportRef) -> dict:
    """The unit's and the report's details that appear on the appendix, as finalising freezes them: a
    finalised revision prints these, whatever ``init`` or a later revision changes afterwards."""
    return {"unit": {f: getattr(ref.unit, f) for f in UNIT_PRINTED},
            "period": {f: getattr(ref.period, f) for f in PERIOD_PRINTED}}


def require_finalisable(db: Database, ref: ReportRef, *, acknowledge_warnings: bool = False) -> dict[str, Entry]:
    """Every check finalising makes, nothing written; returns the entries that would be locked.

    FinaliseRefusedError while there are errors, unanswered criteria, unconfirmed carried values,
    or (unless acknowledged) warnings: a report that is mostly blank cannot be finalised, signed or
    sent. The window calls this with ``acknowledge_warnings=True`` before asking "Finalise?", so no
    question is put to a user whose report cannot be finalised anyway."""
    entries = values.entries(db, ref.unit.code, ref.year)
    report = check(ref.catalogue, entries)
    if report.errors:
        raise FinaliseRefusedError(msg("Còn {n} lỗi; sửa các lỗi trước khi chốt báo cáo.",
                                       "{n} error remains; fix it before finalising.",
                                       plural="{n} errors remain; fix them before finalising.",
                                       n=len(report.errors)), report)
    if report.missing:
        n, ids = len(report.missing), _id_list(report.missing)
        raise FinaliseRefusedError(
            msg("Còn {n}/{total} tiêu chí chưa trả lời: {ids}. Hãy nhập giá trị, hoặc ghi N/A (KAD) nếu không "
                "áp dụng, rồi chốt lại.",
                "{n} of {total} criteria is not answered: {ids}. Enter a value, or N/A (KAD) if not "
                "applicable, then finalise again.",
                plural="{n} of {total} criteria are not answered: {ids}. Enter a value, or N/A (KAD) if not "
                "applicable, then finalise again.",
                n=n, total=report.total, ids=ids), report)
    if report.unconfirmed:
        n = len(report.unconfirmed)
        raise FinaliseRefusedError(msg("Còn {n} giá trị chuyển từ năm trước chưa được xác nhận.",
                                       "{n} value carried from last year is not confirmed yet.",
                                       plural="{n} values carried from last year are not confirmed yet.",
                                       n=n), report)
    if report.warnings and not acknowledge_warnings:
        raise FinaliseRefusedError(msg("Có {n} cảnh báo cần được xác nhận trước khi chốt.",
                                       "{n} warning must be acknowledged before finalising.",
                                       plural="{n} warnings must be acknowledged before finalising.",
                                       n=len(report.warnings)), report)
    return entries


@backed_up("reopen")
def reopen_report(db: Database, ref: ReportRef, *, who: str) -> revisions.Revision:
    """Make the finalised revision N editable as N+1."""
    return revisions.reopen(db, ref.unit.code, ref.year, who=who)


def previous_year_with_values(db: Database, unit: str, year: int) -> int | None:
    row = db.execute("SELECT max(year) FROM value_entries WHERE unit = ? AND year < ?", [unit, year]).fetchone()
    return row[0] if row and row[0] is not None else None


def require_carry_source(db: Database, code: str, year: int, *, from_year: int | None = None,
                         from_predecessors: bool = False) -> int:
    """The year a carry into ``year`` would read, or the refusal, said before anything (a period) is created."""
    if from_predecessors:
        return _predecessors_source(db, code, year, from_year)[0]
    source_year = from_year or previous_year_with_values(db, code, year)
    if source_year is None:
        raise StoreError(msg("Không có số liệu năm trước để chuyển sang.",
                             "There are no earlier values to carry forward."),
                         code="NOTHING_TO_CARRY")
    return source_year


def carry_forward(db: Database, ref: ReportRef, *, who: str, from_year: int | None = None,
                  from_predecessors: bool = False) -> int:
    """Fill unanswered criteria from last year's answers, each marked unconfirmed.

    The catalogue's ``previous.map`` says which old id feeds which new one (same ids when
    absent); an old value that is no longer valid under the new catalogue is skipped. With
    ``from_predecessors`` a unit formed by a code change or a merger starts from the answers of
    the units it replaced (summed where they add up, each with where it came from).
    """
    if from_predecessors:
        return _carry_from_predecessors(db, ref, who=who, from_year=from_year)
    source_year = require_carry_source(db, ref.unit.code, ref.year, from_year=from_year)
    old_entries = values.entries(db, ref.unit.code, source_year)
    current = values.entries(db, ref.unit.code, ref.year)
    mapping = ref.catalogue.carry_map() or {c.id: c.id for c in ref.catalogue.criteria}
    old_cat = (periods.period_catalogue(db, source_year, ref.unit.level)
               if periods.get_period(db, source_year) else None)
    changes: list[tuple[str, Entry | None]] = []
    for crit in ref.catalogue.criteria:
        old = old_entries.get(mapping.get(crit.id, ""))
        if old is None or crit.id in current:
            continue
        if old.is_na:
            changes.append((crit.id, Entry(crit.id, None, old.explanation, CARRIED_NA)))
            continue
        try:
            carried = make_entry(crit, old.value, _redated_explanation(old, old_cat, crit), state=CARRIED)
        except InputError:
            continue
        changes.append((crit.id, carried))
    with db.atomic():
        n = values.save_entries(db, ref.unit.code, ref.year, changes, who=who, action="carry")
        _carry_period_details(db, source_year, ref.year, who=who)
    return n


def _redated_explanation(old: Entry, old_cat: Catalogue | None, crit) -> str:
    """An explanation that was the old form's suggestion for its code becomes this year's suggestion for it
    ("Đã ban hành trước năm 2023" → "… trước năm 2024"); one the user wrote is kept as written."""
    old_crit = old_cat.get(old.criterion_id) if old_cat else None
    if old_crit is None or crit.kind != "status" or not old.value:
        return old.explanation
    was, now_code = old_crit.code(old.value), crit.code(old.value)
    if was is not None and now_code is not None and was.suggestion and old.explanation == was.suggestion:
        return now_code.suggestion or old.explanation
    return old.explanation


def predecessor_answers(db: Database, code: str, year: int) -> dict[str, Entry]:
    """A predecessor's answers for a year: kept here as its own report, else its newest revision received."""
    held = values.entries(db, code, year)
    if held:
        return held
    final = revisions.latest_final(db, code, year)
    return revisions.snapshot(db, code, year, final.number) if final else {}


def require_predecessors(db: Database, code: str) -> list[units.Link]:
    """The units ``code`` replaced; checked before anything (a period, say) is created for the carry."""
    links = units.predecessors(db, code)
    if not links:
        raise StoreError(msg("Đơn vị {code} không có đơn vị tiền thân trong sổ đơn vị (units rename/merge).",
                             "Unit {code} has no predecessor in the register (units rename/merge).",
                             code=code),
                         code="NO_PREDECESSOR")
    return links


def _predecessors_latest_year(db: Database, codes: list[str], year: int) -> int | None:
    """The newest year before ``year`` with figures of any predecessor (its own values or a revision
    received): a unit merged in 2025 whose predecessors last reported for 2023 starts from 2023."""
    marks = ", ".join("?" * len(codes))
    row = db.execute(f"SELECT max(y) FROM (SELECT year AS y FROM value_entries WHERE unit IN ({marks}) AND year < ? "
                     f"UNION ALL SELECT year FROM revisions WHERE unit IN ({marks}) AND year < ? AND status = 'final')",
                     [*codes, year, *codes, year]).fetchone()
    return row[0] if row else None


def _redated(db: Database, ref: ReportRef, code: str, source_year: int, entries: dict[str, Entry]) -> dict[str, Entry]:
    """A predecessor's explanations that were its form's suggestion for the code it chose, re-worded for
    this year ("… năm 2023" → "… năm 2025"), as a plain carry does; written explanations stay as written."""
    if not periods.get_period(db, source_year):
        return entries
    unit = units.unit_in(db, code, source_year) or units.get_unit(db, code)
    old_cat = periods.period_catalogue(db, source_year, unit.level if unit else None)
    mapping = ref.catalogue.carry_map() or {}
    out = dict(entries)
    for crit in ref.catalogue.criteria:
        old = entries.get(mapping.get(crit.id, crit.id))
        if old is not None:
            out[old.criterion_id] = replace(old, explanation=_redated_explanation(old, old_cat, crit))
    return out


def _predecessors_source(db: Database, code: str, year: int, from_year: int | None) -> tuple[int, list[units.Link]]:
    """The year the predecessors' figures come from, refused when none of them has any for it."""
    links = require_predecessors(db, code)
    source_year = from_year or _predecessors_latest_year(db, [lk.predecessor for lk in links], year) or year - 1
    empty = [lk.predecessor for lk in links if not predecessor_answers(db, lk.predecessor, source_year)]
    if len(empty) == len(links):
        raise StoreError(msg("Chưa có số liệu năm {source_year} của {units} trong cơ sở dữ liệu này (units history TỆP để "
                             "đưa vào).",
                             "There are no {source_year} figures of {units} in this database (units history FILE brings them "
                             "in).",
                             source_year=source_year, units=', '.join(empty)), code="NOTHING_TO_CARRY")
    return source_year, links


def _carry_from_predecessors(db: Database, ref: ReportRef, *, who: str, from_year: int | None) -> int:
    from c27desk.model.succession import combine

    source_year, links = _predecessors_source(db, ref.unit.code, ref.year, from_year)
    sources = [(lk.predecessor, _redated(db, ref, lk.predecessor, source_year,
                                         predecessor_answers(db, lk.predecessor, source_year))) for lk in links]
    current = values.entries(db, ref.unit.code, ref.year)
    combined = combine(ref.catalogue, [s for s in sources if s[1]], ref.catalogue.carry_map() or None)
    changes = [(cid, e) for cid, e in combined.items() if cid not in current]
    with db.atomic():
        return values.save_entries(db, ref.unit.code, ref.year, changes, who=who, action="carry")


# what usually stays the same from one year's report to the next; number, date and deadline do not
_LASTING = ("place", "signer_authority", "signer_title", "signer_name", "recipients")


def _carry_period_details(db: Database, source_year: int, year: int, *, who: str) -> None:
    source, target = periods.get_period(db, source_year), periods.require_period(db, year)
    if source is None:
        return
    keep = {f: getattr(source, f) for f in _LASTING if getattr(source, f) and not getattr(target, f)}
    if keep:
        periods.update_period(db, year, who=who, **keep)


@dataclass(frozen=True)
class FormSwitch:
    """What moving a period to another form did: values carried, and what could not be carried and why."""

    old: str
    new: str
    carried: int
    dropped: tuple[tuple[str, Text], ...]  # (criterion, why it was not carried)


def switch_form(db: Database, year: int, cat_id: str, version: str, *, who: str) -> FormSwitch:
    """Move an unfinalised period to another held form, carrying the values whose criterion keeps its id
    (or is mapped by the new form's ``previous.map`` when it names the old form) and that stay valid."""
    me = units.require_self_unit(db)
    period = periods.require_period(db, year)
    if revisions.latest_final(db, me.code, year) is not None:
        raise StoreError(msg("Báo cáo năm {year} đã có bản chốt; không đổi biểu mẫu được nữa.",
                             "The {year} report has a finalised revision; its form can no longer change.",
                             year=year),
                         code="FORM_LOCKED")
    old_key = f"{period.catalogue_id}/{period.catalogue_version}"
    if old_key == f"{cat_id}/{version}":
        raise InputError(msg("Kỳ báo cáo {year} đã dùng biểu mẫu {old_key}.",
                             "The {year} period already uses form {old_key}.",
                             year=year, old_key=old_key),
                         field="--catalogue")
    new = periods.load_catalogue(db, cat_id, version, year=year, level=me.level)
    full_new = periods.load_catalogue(db, cat_id, version, year=year)
    current = values.entries(db, me.code, year)
    mapping = {c.id: c.id for c in new.criteria}
    prev = new.previous or {}
    if (prev.get("id"), prev.get("version")) == (period.catalogue_id, period.catalogue_version) and prev.get("map"):
        mapping = {k: v for k, v in prev["map"].items() if new.get(k) is not None}
    changes: list[tuple[str, Entry | None]] = []
    used: set[str] = set()
    dropped: list[tuple[str, Text]] = []
    for crit in new.criteria:
        old = current.get(mapping.get(crit.id, ""))
        if old is None:
            continue
        used.add(old.criterion_id)
        try:
            entry = Entry(crit.id, None, old.explanation, old.state) if old.is_na else \
                make_entry(crit, old.value, old.explanation, state=old.state)
        except InputError as exc:
            dropped.append((old.criterion_id, exc.text))
            continue
        changes.append((crit.id, entry))
    for cid in current:
        if cid not in used:
            why = (msg("cấp của đơn vị không trả lời tiêu chí này trong biểu mẫu mới",
                       "this level does not answer it in the new form") if full_new.get(cid) is not None
                   else msg("không có trong biểu mẫu mới", "not in the new form"))
            dropped.append((cid, why))
    carried_ids = {cid for cid, _ in changes}
    clear = [(cid, None) for cid in current if cid not in carried_ids]
    with db.atomic():
        periods.store_catalogue(db, full_new)
        values.save_entries(db, me.code, year, clear + changes, who=who, action="form")
        db.execute("UPDATE periods SET catalogue_id = ?, catalogue_version = ?, catalogue_basis = ? WHERE year = ?",
                   [cat_id, version, str(periods.FormBasis.CHOSEN), year])
        from c27desk.store.audit import log

        log(db, "period", who=who, year=year, old_value=old_key, new_value=f"{cat_id}/{version}", detail="catalogue")
    return FormSwitch(old_key, f"{cat_id}/{version}", len(changes), tuple(dropped))
