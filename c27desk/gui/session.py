"""The window's handle on one unit's report for one year: the services it may call.

Keeping these calls in one object keeps SQL out of the views and makes the window's
behaviour testable through the same functions the command line uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from c27desk.model.validation import CheckReport, check
from c27desk.model.values import Entry
from c27desk.store import audit, periods, revisions, values
from c27desk.store.clock import current_user
from c27desk.workflow import ReportRef, open_report


@dataclass
class ReportSession:
    db: Database
    db_path: Path
    ref: ReportRef
    read_only: bool = False

    @classmethod
    def open(cls, db: Database, db_path: Path, year: int, *, read_only: bool = False) -> ReportSession:
        return cls(db, db_path, open_report(db, year), read_only)

    @property
    def unit(self) -> str:
        return self.ref.unit.code

    @property
    def year(self) -> int:
        return self.ref.year

    @property
    def who(self) -> str:
        return current_user()

    def entries(self) -> dict[str, Entry]:
        return values.entries(self.db, self.unit, self.year)

    def check(self, entries: dict[str, Entry] | None = None) -> CheckReport:
        return check(self.ref.catalogue, entries if entries is not None else self.entries())

    def save(self, criterion: str, entry: Entry | None, action: str = "edit") -> bool:
        return values.save_entry(self.db, self.unit, self.year, criterion, entry, who=self.who, action=action)

    def revision(self) -> revisions.Revision | None:
        return revisions.current(self.db, self.unit, self.year)

    def is_final(self) -> bool:
        rev = self.revision()
        return rev is not None and rev.is_final

    def revisions(self) -> list[revisions.Revision]:
        return revisions.history(self.db, self.unit, self.year)

    def history(self, criterion: str) -> list[audit.AuditRow]:
        return audit.history(self.db, self.unit, self.year, criterion, limit=50)

    def last_year(self, criterion: str) -> Entry | None:
        """Last year's answer for this criterion, through the catalogue's carry-forward map."""
        earlier = [p.year for p in periods.list_periods(self.db) if p.year < self.year]
        if not earlier:
            return None
        source = self.ref.catalogue.carry_map().get(criterion, criterion)
        return values.get_entry(self.db, self.unit, max(earlier), source)
