"""One query for the office's first screen: each child unit's newest received revision and its counts.

SQLite counts the answers inside each stored snapshot (JSON), so the list of 3,300 units with
how complete each report is can be shown before the full consolidation (which parses and
re-checks every value) has finished.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from c27desk.model.units import Unit
from c27desk.store.units import _COLS, children


@dataclass(frozen=True)
class ReceivedRow:
    unit: Unit
    revision: int | None
    answered: int
    not_applicable: int
    signer: str
    signed_at: str
    received_at: str
    sha256: str  # the accepted package in the archive


def received_overview(db: Database, parent: str, year: int) -> list[ReceivedRow]:
    cols = ", ".join(f"u.{c.strip()}" for c in _COLS.split(","))
    sql = f"""
        WITH counted AS (  -- each snapshot gone through once: its answers, and how many of them are N/A
            SELECT r.unit, count(*) AS answered, total(json_extract(a.value, '$[2]') = 'na') AS na
            FROM revisions r, json_each(r.snapshot) a
            WHERE r.year = ? AND r.status = 'final' AND r.number =
                  (SELECT max(number) FROM revisions WHERE unit = r.unit AND year = ? AND status = 'final')
            GROUP BY r.unit)
        SELECT {cols}, r.number, c.answered, CAST(c.na AS INTEGER),
               coalesce(rr.signer, ''), coalesce(rr.signed_at, ''), coalesce(rr.received_at, ''),
               coalesce(rr.sha256, '')
        FROM units u
        LEFT JOIN revisions r ON r.unit = u.code AND r.year = ? AND r.status = 'final' AND r.number =
             (SELECT max(number) FROM revisions WHERE unit = u.code AND year = ? AND status = 'final')
        LEFT JOIN counted c ON c.unit = u.code
        LEFT JOIN received_revisions rr ON rr.unit = u.code AND rr.year = ? AND rr.number = r.number
        WHERE u.code IN (SELECT value FROM json_each(?)) ORDER BY u.code"""
    n = len(_COLS.split(","))
    # the year's tree: a unit retired, merged or moved since keeps its place in the years it was there,
    # as it was named then
    that_year = {u.code: u for u in children(db, parent, year)}
    return [ReceivedRow(that_year[row[0]], row[n], row[n + 1] or 0, row[n + 2] or 0, *row[n + 3:])
            for row in db.execute(sql, [year, year, year, year, year, json.dumps(sorted(that_year))])]
