"""Revisions of a unit's yearly report: edit, finalise as revision N (locked), reopen as N+1.

A report with no revision row yet is an implicit open revision 1. Finalising stores a
snapshot of the entries so that revision N can be exported or compared long after
revision N+1 has changed the live values.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlite_utils import Database

from c27desk.bulk import bulk_objects
from c27desk.errors import StoreError
from c27desk.i18n import msg
from c27desk.model.values import Entry
from c27desk.store.audit import log, log_many
from c27desk.store.clock import now


@dataclass(frozen=True)
class Revision:
    unit: str
    year: int
    number: int
    status: str
    opened_at: str
    opened_by: str
    finalised_at: str | None
    finalised_by: str | None
    content_hash: str | None
    source: str
    renumbered_from: int | None = None  # set by finalising when the planned number had been exported already

    @property
    def is_final(self) -> bool:
        return self.status == "final"


_COLS = "unit, year, number, status, opened_at, opened_by, finalised_at, finalised_by, content_hash, source"


def entries_hash(entries: dict[str, Entry]) -> str:
    """A stable digest of a report's content, independent of row order and timestamps."""
    canonical = json.dumps(
        {cid: [e.value, e.explanation, e.state] for cid, e in sorted(entries.items())},
        ensure_ascii=False, sort_keys=True, separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def history(db: Database, unit: str, year: int) -> list[Revision]:
    rows = db.execute(f"SELECT {_COLS} FROM revisions WHERE unit = ? AND year = ? ORDER BY number", [unit, year])
    return [Revision(*r) for r in rows]


def current(db: Database, unit: str, year: int) -> Revision | None:
    row = db.execute(
        f"SELECT {_COLS} FROM revisions WHERE unit = ? AND year = ? ORDER BY number DESC LIMIT 1", [unit, year]
    ).fetchone()
    return Revision(*row) if row else None


def latest_final(db: Database, unit: str, year: int) -> Revision | None:
    row = db.execute(
        f"SELECT {_COLS} FROM revisions WHERE unit = ? AND year = ? AND status = 'final' ORDER BY number DESC LIMIT 1",
        [unit, year],
    ).fetchone()
    return Revision(*row) if row else None


def snapshot(db: Database, unit: str, year: int, number: int) -> dict[str, Entry]:
    row = db.execute("SELECT snapshot FROM revisions WHERE unit = ? AND year = ? AND number = ?",
                     [unit, year, number]).fetchone()
    if row is None or row[0] is None:
        raise StoreError(msg("Bản {number} chưa được chốt.",
                             "Revision {number} is not finalised.",
                             number=number), code="NOT_FINAL")
    data = json.loads(row[0])
    return {cid: _snapshot_entry(cid, *v) for cid, v in data.items()}


def final_snapshots(db: Database, year: int) -> dict[str, tuple[int, dict[str, Entry]]]:
    """Every unit's newest finalised revision of ``year`` with its answers (unit -> (number, answers)),
    read in one query: an office reads thousands of them for each consolidation.

    Gives what ``latest_final`` and ``snapshot`` give unit by unit. Entries are immutable, so an
    answer that recurs (the same code with the same explanation, the same count) is one shared
    object: fewer objects to build and to keep, and a check can judge each distinct answer once."""
    rows = db.execute(
        "SELECT r.unit, r.number, r.snapshot FROM revisions r JOIN (SELECT unit, max(number) AS number FROM revisions "
        "WHERE year = ? AND status = 'final' GROUP BY unit) newest ON newest.unit = r.unit AND newest.number = r.number "
        "WHERE r.year = ?", [year, year]).fetchall()
    shared: dict[tuple, Entry] = {}
    out: dict[str, tuple[int, dict[str, Entry]]] = {}
    with bulk_objects():
        for unit, number, snap in rows:
            if snap is None:
                raise StoreError(msg("Bản {number} chưa được chốt.", "Revision {number} is not finalised.", number=number),
                                 code="NOT_FINAL")
            entries = {}
            for cid, v in json.loads(snap).items():
                key = (cid, *v)
                entry = shared.get(key)
                if entry is None:
                    entry = shared[key] = _snapshot_entry(cid, *v)
                entries[cid] = entry
            out[unit] = (number, entries)
    return out


def _snapshot_entry(cid: str, value: str | None, explanation: str, state: str) -> Entry:
    # earlier builds could finalise a carried "not applicable" as 'answered' with no value: it meant N/A
    if state == "answered" and value is None:
        state = "na"
    return Entry(cid, value, explanation, state)


def printed_details(db: Database, unit: str, year: int, number: int) -> dict | None:
    """What revision ``number`` printed besides its values, as frozen when it was finalised
    (``{"unit": {...}, "period": {...}}``); None for a revision received from a unit."""
    row = db.execute("SELECT printed FROM revisions WHERE unit = ? AND year = ? AND number = ?",
                     [unit, year, number]).fetchone()
    return json.loads(row[0]) if row and row[0] else None


def require_editable(db: Database, unit: str, year: int) -> None:
    rev = current(db, unit, year)
    if rev is not None and rev.is_final:
        raise StoreError(
            msg("Báo cáo năm {year} đã chốt (bản {number}); hãy mở lại để sửa (bản {next}).",
                "The {year} report is finalised (revision {number}); reopen it to edit (revision {next}).",
                year=year, number=rev.number, next=rev.number + 1),
            code="REPORT_FINAL",
        )


def ensure_open(db: Database, unit: str, year: int, *, who: str) -> Revision:
    rev = current(db, unit, year)
    if rev is None:
        db.execute(
            "INSERT INTO revisions(unit, year, number, status, opened_at, opened_by) VALUES (?, ?, 1, 'open', ?, ?)",
            [unit, year, now(), who],
        )
        rev = current(db, unit, year)
    assert rev is not None
    return rev


def finalise(db: Database, unit: str, year: int, entries: dict[str, Entry], *, who: str, source: str = "local",
             number: int | None = None, printed: dict | None = None) -> Revision:
    """Lock the current content as the current revision number; validation is the caller's job.

    ``printed``: the unit's and the report's details as the appendix prints them, frozen with the
    values (see ``printed_details``)."""
    with db.atomic():
        rev = current(db, unit, year)
        if rev is not None and rev.is_final:
            raise StoreError(msg("Bản {number} đã được chốt.",
                                 "Revision {number} is already final.",
                                 number=rev.number),
                             code="REPORT_FINAL")
        rev = rev or ensure_open(db, unit, year, who=who)
        if number is not None and number != rev.number:
            db.execute("UPDATE revisions SET number = ? WHERE unit = ? AND year = ? AND number = ?",
                       [number, unit, year, rev.number])
        target = number or rev.number
        digest = entries_hash(entries)
        snap = json.dumps({cid: [e.value, e.explanation, e.state] for cid, e in sorted(entries.items())},
                          ensure_ascii=False)
        db.execute(
            "UPDATE revisions SET status = 'final', finalised_at = ?, finalised_by = ?, content_hash = ?, "
            "snapshot = ?, source = ?, printed = ? WHERE unit = ? AND year = ? AND number = ?",
            [now(), who, digest, snap, source,
             json.dumps(printed, ensure_ascii=False, sort_keys=True) if printed is not None else None,
             unit, year, target],
        )
        log(db, "finalise", who=who, unit=unit, year=year, new_value=str(target), detail=digest)
    final = current(db, unit, year)
    assert final is not None
    return final


def require_reopenable(db: Database, unit: str, year: int) -> Revision:
    """The finalised revision a reopen would follow; refused when the report is already open."""
    rev = current(db, unit, year)
    if rev is None or not rev.is_final:
        raise StoreError(msg("Báo cáo năm {year} đang mở, không cần mở lại.",
                             "The {year} report is already open.",
                             year=year), code="REPORT_OPEN")
    return rev


def reopen(db: Database, unit: str, year: int, *, who: str) -> Revision:
    with db.atomic():
        rev = require_reopenable(db, unit, year)
        db.execute(
            "INSERT INTO revisions(unit, year, number, status, opened_at, opened_by) VALUES (?, ?, ?, 'open', ?, ?)",
            [unit, year, rev.number + 1, now(), who],
        )
        log(db, "reopen", who=who, unit=unit, year=year, old_value=str(rev.number), new_value=str(rev.number + 1))
    reopened = current(db, unit, year)
    assert reopened is not None
    return reopened


def record_received(db: Database, unit: str, year: int, number: int, entries: dict[str, Entry], *, who: str,
                    source: str, finalised_at: str) -> list[tuple[str, Entry | None, Entry | None]]:
    """Store a child unit's finalised revision received in a package; call inside the import transaction.

    Returns the changes against the previous revision held (criterion, old, new), each also
    written to the audit log, so the office can always say what a unit's new revision changed.
    """
    previous = latest_final(db, unit, year)
    old = snapshot(db, unit, year, previous.number) if previous else {}
    snap = json.dumps({cid: [e.value, e.explanation, e.state] for cid, e in sorted(entries.items())},
                      ensure_ascii=False)
    db.execute(
        "INSERT INTO revisions(unit, year, number, status, opened_at, opened_by, finalised_at, finalised_by, "
        "content_hash, snapshot, source) VALUES (?, ?, ?, 'final', ?, ?, ?, ?, ?, ?, ?)",
        [unit, year, number, now(), who, finalised_at, who, entries_hash(entries), snap, source])
    changes = diff_entries(old, entries)
    log_many(db, "import", [
        {"unit": unit, "year": year, "criterion": cid, "old_value": before.value if before else None,
         "new_value": after.value if after else None, "old_explanation": before.explanation if before else None,
         "new_explanation": after.explanation if after else None, "old_state": before.state if before else None,
         "new_state": after.state if after else None, "detail": f"revision {number}"}
        for cid, before, after in changes], who=who)
    log(db, "receive", who=who, unit=unit, year=year, new_value=str(number), detail=source)
    return changes


def diff_entries(old: dict[str, Entry], new: dict[str, Entry]) -> list[tuple[str, Entry | None, Entry | None]]:
    """Criterion by criterion, what differs between two versions of a report."""
    out = []
    for cid in sorted(set(old) | set(new), key=_criterion_order):
        before, after = old.get(cid), new.get(cid)
        if before != after:
            out.append((cid, before, after))
    return out


def _criterion_order(cid: str) -> tuple:
    roman = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8}
    head, *rest = cid.split(".")
    return (roman.get(head, 99), *(int(p) if p.isdigit() else 0 for p in rest))
