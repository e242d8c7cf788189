"""Reading and writing a unit's answers; every change is audited in the same transaction."""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from c27desk.errors import StoreError
from c27desk.i18n import msg
from c27desk.model.values import Entry
from c27desk.store import revisions
from c27desk.store.audit import log
from c27desk.store.clock import now


def entries(db: Database, unit: str, year: int) -> dict[str, Entry]:
    rows = db.execute(
        "SELECT criterion, value, explanation, state FROM value_entries WHERE unit = ? AND year = ?",
        [unit, year],
    )
    return {r[0]: Entry(r[0], r[1], r[2], r[3]) for r in rows}


def get_entry(db: Database, unit: str, year: int, criterion: str) -> Entry | None:
    row = db.execute(
        "SELECT criterion, value, explanation, state FROM value_entries WHERE unit = ? AND year = ? AND criterion = ?",
        [unit, year, criterion],
    ).fetchone()
    return Entry(*row) if row else None


def _write(db: Database, unit: str, year: int, criterion: str, new: Entry | None, who: str, action: str) -> bool:
    old = get_entry(db, unit, year, criterion)
    if new is None and old is None:
        return False
    if new is not None and new.same_content(old):
        return False
    if new is None:
        db.execute("DELETE FROM value_entries WHERE unit = ? AND year = ? AND criterion = ?", [unit, year, criterion])
    else:
        db.execute(
            "INSERT INTO value_entries(unit, year, criterion, value, explanation, state, updated_at, updated_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(unit, year, criterion) DO UPDATE SET "
            "value = excluded.value, explanation = excluded.explanation, state = excluded.state, "
            "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            [unit, year, criterion, new.value, new.explanation, new.state, now(), who],
        )
    log(db, action, who=who, unit=unit, year=year, criterion=criterion,
        old_value=old.value if old else None, new_value=new.value if new else None,
        old_explanation=old.explanation if old else None, new_explanation=new.explanation if new else None,
        old_state=old.state if old else None, new_state=new.state if new else None)
    return True


def save_entries(db: Database, unit: str, year: int, changes: Iterable[tuple[str, Entry | None]], *, who: str,
                 action: str = "edit") -> int:
    """Apply all changes (criterion -> new entry, None to clear) in one transaction.

    Refused as a whole when the report's current revision is finalised. Returns how many
    entries actually changed; unchanged ones are not logged.
    """
    changes = list(changes)
    with db.atomic():
        revisions.require_editable(db, unit, year)
        changed = sum(1 for cid, entry in changes if _write(db, unit, year, cid, entry, who, action))
        if changed:
            revisions.ensure_open(db, unit, year, who=who)
    return changed


def save_entry(db: Database, unit: str, year: int, criterion: str, entry: Entry | None, *, who: str,
               action: str = "edit") -> bool:
    return save_entries(db, unit, year, [(criterion, entry)], who=who, action=action) == 1


def confirm(db: Database, unit: str, year: int, criteria: Iterable[str], *, who: str) -> int:
    """Accept carried-forward values as this year's answers, in one transaction; returns how many.

    A criterion with no carried value waiting is passed over (callers that must refuse it check first)."""
    current = entries(db, unit, year)
    changes = [(cid, current[cid].confirmed()) for cid in criteria if cid in current and current[cid].is_unconfirmed]
    return save_entries(db, unit, year, changes, who=who, action="confirm") if changes else 0


def require_unit_period(db: Database, unit: str, year: int) -> None:
    if db.execute("SELECT 1 FROM units WHERE code = ?", [unit]).fetchone() is None:
        raise StoreError(msg("Không có đơn vị {unit}.",
                             "No unit {unit}.",
                             unit=unit), code="UNKNOWN_UNIT")
    if db.execute("SELECT 1 FROM periods WHERE year = ?", [year]).fetchone() is None:
        raise StoreError(msg("Không có kỳ báo cáo {year}.",
                             "No reporting period {year}.",
                             year=year), code="NO_PERIOD")
