"""How complete a received report is, so that 3 answers of 120 never look like a finished report.

Lateness is told beside it (a complete report can be late). Counted from the received revision itself (the office cannot trust a unit's own claim): answered
out of the form's criteria, how many of them are N/A, and the checks' errors and warnings.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from operator import attrgetter

from c27desk.consolidate.summary import UnitStatus
from c27desk.model.catalogue import Catalogue
from c27desk.model.values import NOT_APPLICABLE

_state = attrgetter("state")


class ReportState(StrEnum):
    """What the office sees of a unit's report, worst first (the order sorts the worst to the top)."""

    MISSING = "missing"
    PROBLEM = "problem"      # the received values fail the form's checks (errors)
    INCOMPLETE = "incomplete"
    CHECKING = "checking"    # counted, its values not yet re-checked (the desk's first screen)
    COMPLETE = "complete"


@dataclass(frozen=True)
class Completeness:
    answered: int
    total: int
    not_applicable: int
    state: ReportState

    def fraction(self) -> str:
        return f"{self.answered}/{self.total}" if self.state != ReportState.MISSING else "—"

    def label(self, lang: str = "vi") -> str:
        """The state in words with a mark, so it reads without colour."""
        en = lang == "en"
        return {
            ReportState.MISSING: "✗ Not received" if en else "✗ Chưa nộp",
            ReportState.PROBLEM: "⚠ Problem" if en else "⚠ Có vấn đề",
            ReportState.INCOMPLETE: (f"◐ Incomplete ({self.answered}/{self.total})" if en
                                     else f"◐ Chưa đầy đủ ({self.answered}/{self.total})"),
            ReportState.CHECKING: "… Checking" if en else "… Đang kiểm tra",
            ReportState.COMPLETE: "✓ Complete" if en else "✓ Đầy đủ",
        }[self.state]


def completeness(cat: Catalogue, status: UnitStatus, ids: frozenset[str] | None = None) -> Completeness:
    """``ids`` (the form's criterion ids) may be passed in when counting many units."""
    ids = ids if ids is not None else frozenset(c.id for c in cat.criteria)
    total = len(ids)
    if status.missing:
        return Completeness(0, total, 0, ReportState.MISSING)
    asked = status.entries.keys() & ids
    answered = len(asked)
    if answered == len(status.entries):  # the usual report: every answer is to a criterion of its form
        na = list(map(_state, status.entries.values())).count(NOT_APPLICABLE)
    else:
        na = sum(1 for cid in asked if status.entries[cid].state == NOT_APPLICABLE)
    if status.errors:
        state = ReportState.PROBLEM
    elif answered < total:
        state = ReportState.INCOMPLETE
    else:
        state = ReportState.COMPLETE
    return Completeness(answered, total, na, state)
