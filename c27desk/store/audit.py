"""The append-only audit log: who changed what, when, from what to what.

Rows are written in the same transaction as the change they describe, so the log can
never claim a change that did not happen or miss one that did. Triggers forbid updates
and deletes.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from c27desk.store.clock import current_user, now


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: str
    who: str
    action: str
    unit: str | None
    year: int | None
    criterion: str | None
    old_value: str | None
    new_value: str | None
    old_explanation: str | None
    new_explanation: str | None
    old_state: str | None
    new_state: str | None
    detail: str


_COLS = ("id, at, who, action, unit, year, criterion, old_value, new_value, old_explanation, "
         "new_explanation, old_state, new_state, detail")


def log(db: Database, action: str, *, who: str | None = None, unit: str | None = None, year: int | None = None,
        criterion: str | None = None, old_value: str | None = None, new_value: str | None = None,
        old_explanation: str | None = None, new_explanation: str | None = None,
        old_state: str | None = None, new_state: str | None = None, detail: str = "") -> None:
    db.execute(
        "INSERT INTO audit_log(at, who, action, unit, year, criterion, old_value, new_value, old_explanation, "
        "new_explanation, old_state, new_state, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [now(), who or current_user(), action, unit, year, criterion, old_value, new_value, old_explanation,
         new_explanation, old_state, new_state, detail],
    )


_AUDIT_FIELDS = ("unit", "year", "criterion", "old_value", "new_value", "old_explanation", "new_explanation",
                 "old_state", "new_state", "detail")


def log_many(db: Database, action: str, rows: list[dict], *, who: str | None = None) -> None:
    """Many rows of one action at one moment in one statement (a received revision's criteria: one
    row each, 120 at a time): the same rows ``log`` would write, without a statement per row."""
    at, who = now(), who or current_user()
    db.conn.executemany(
        "INSERT INTO audit_log(at, who, action, unit, year, criterion, old_value, new_value, old_explanation, "
        "new_explanation, old_state, new_state, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [[at, who, action, *(row.get(k, "" if k == "detail" else None) for k in _AUDIT_FIELDS)] for row in rows])


def history(db: Database, unit: str, year: int, criterion: str | None = None, limit: int = 500) -> list[AuditRow]:
    """Changes newest first, for one criterion or the whole report."""
    if criterion:
        rows = db.execute(
            f"SELECT {_COLS} FROM audit_log WHERE unit = ? AND year = ? AND criterion = ? ORDER BY id DESC LIMIT ?",
            [unit, year, criterion, limit],
        )
    else:
        rows = db.execute(
            f"SELECT {_COLS} FROM audit_log WHERE unit = ? AND year = ? ORDER BY id DESC LIMIT ?",
            [unit, year, limit],
        )
    return [AuditRow(*r) for r in rows]


def count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
