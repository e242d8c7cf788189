"""Everything the office's desk shows for a year, computed in one go off the window's thread.

The window only wraps these in table models; at the centre's scale (thousands of units) the
work is here, in a worker, never in the paint path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlite_utils import Database

from c27desk.consolidate.completeness import Completeness, ReportState
from c27desk.consolidate.export import criterion_rows, text_rows
from c27desk.consolidate.summary import (
    Consolidation,
    Proposal,
    UnitStatus,
    _local_day,
    consolidate,
    proposals,
    staleness,
    staleness_lines,
)
from c27desk.exchange.received import ReceivedReport, received_reports
from c27desk.i18n import Text
from c27desk.model.values import Entry
from c27desk.store import periods, revisions, units, values
from c27desk.store.received import received_overview


@dataclass
class DeskData:
    cons: Consolidation
    reports: list[ReceivedReport]
    criterion_header: list[str]
    criterion_rows: list[list]
    text_rows: list[list]
    proposals: list[Proposal]
    current: dict[str, Entry]  # the office's own answers now, beside each proposal
    previous: dict[str, dict[str, Entry]] = field(default_factory=dict)  # unit -> last year's final answers
    previous_year: int | None = None
    stale: list[Text] = field(default_factory=list)  # the office's accepted figures gone stale, and what to do


def previous_figures(db: Database, year: int, codes: list[str]) -> tuple[int | None, dict[str, dict[str, Entry]]]:
    """Last year's finalised answers of the given units (the nearest earlier period the office holds)."""
    earlier = [p.year for p in periods.list_periods(db) if p.year < year]
    if not earlier:
        return None, {}
    last = max(earlier)
    finals = revisions.final_snapshots(db, last)  # one query, not one per unit
    return last, {code: finals[code][1] for code in codes if code in finals}


def desk_overview(db: Database, year: int) -> list[ReceivedReport]:
    """The units and how complete each received report is, from one query: the desk's first screen.

    Errors and warnings need every value re-checked, which ``desk_data`` does next; until then a
    complete report says "checking", never "complete"."""
    me = units.require_self_unit(db)
    period = periods.require_period(db, year)
    totals: dict[str, int] = {}  # each level is asked its own criteria
    out = []
    for row in received_overview(db, me.code, year):
        if row.unit.level not in totals:
            totals[row.unit.level] = len(periods.period_catalogue(db, year, row.unit.level).criteria)
        total = totals[row.unit.level]
        st = UnitStatus(row.unit, row.revision, row.signer, row.signed_at, row.received_at)
        if row.received_at and period.deadline:
            st.late = _local_day(row.received_at) > date.fromisoformat(period.deadline)
        if st.missing:
            state = ReportState.MISSING
        else:
            state = ReportState.INCOMPLETE if row.answered < total else ReportState.CHECKING
        out.append(ReceivedReport(st, Completeness(row.answered if row.revision else 0, total, row.not_applicable,
                                                   state), row.sha256))
    return out


def desk_data(db: Database, year: int) -> DeskData:
    cons = consolidate(db, year)
    header, rows = criterion_rows(cons)
    me = units.require_self_unit(db)
    last, previous = previous_figures(db, year, [st.unit.code for st in cons.units])
    stale = staleness(db, year, cons)
    lines = staleness_lines(stale) if stale.values else []
    return DeskData(cons, received_reports(db, year, cons), list(header), rows, text_rows(cons), proposals(cons),
                    values.entries(db, me.code, year), previous, last, lines)
