"""An office with thousands of child units' received reports, written straight into the database.

Used by ``bench_consolidation_window.py`` and the window tests of the office's desk. Real imports
(signed packages) cost about 0.3 s a unit to make; the desk only reads what an import stores —
units, final revisions with their snapshots, and the received-revision rows — so that is written
directly, with varied values: most reports complete, some incomplete, some not received.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from c27desk.demo import create_demo
from c27desk.model.numbers import format_amount
from c27desk.store import periods, values
from c27desk.store.clock import now
from c27desk.store.database import open_database


def make_office(db_path: Path, units: int, *, year: int = 2023, seed: int = 27, missing: float = 0.03,
                incomplete: float = 0.05, late: float = 0.04, earlier_years: int = 0,
                distinct: bool = False) -> list[str]:
    """The demo province with ``units`` child units; returns their codes.

    ``earlier_years`` adds that many years before ``year`` (periods and received reports), so the
    desk can compare this year with last. ``distinct`` gives every unit its own wording of each
    explanation (as real units write them) instead of the form's suggested one: no two answers
    with an explanation are then the same, the hardest case for a consolidation."""
    rnd = random.Random(seed)
    db = open_database(db_path)
    try:
        create_demo(db, who="bench")
        me = db.execute("SELECT code FROM units WHERE is_self = 1").fetchone()[0]
        demo = values.entries(db, me, 2023)
        stamp = now()
        codes = [f"HU-{i:05d}" for i in range(1, units + 1)]
        levels = ("huyen", "truc-thuoc")
        known = {r[0] for r in db.execute("SELECT code FROM levels")}
        unit_rows = [[code, f"Đảng bộ số {i + 1}", levels[i % 2] if levels[i % 2] in known else "huyen", me, "", 0,
                      stamp] for i, code in enumerate(codes)]
        with db.atomic():
            db.conn.executemany("INSERT INTO units(code, name, level, parent, place, is_self, created_at) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?)", unit_rows)
        for y in range(year - earlier_years, year + 1):
            periods.ensure_period(db, y, who="bench")
            _received_year(db, rnd, codes, y, demo, missing=missing, incomplete=incomplete, late=late,
                           level_of={row[0]: row[2] for row in unit_rows}, distinct=distinct)
        return codes
    finally:
        db.close()


def _received_year(db, rnd: random.Random, codes: list[str], year: int, demo, *, missing: float, incomplete: float,
                   late: float, level_of: dict[str, str], distinct: bool = False) -> None:
    forms = {level: periods.period_catalogue(db, year, level) for level in set(level_of.values())}
    stamp = now()
    deadline = periods.require_period(db, year).deadline
    day = datetime.fromisoformat(deadline) if deadline else datetime(year + 1, 1, 31)
    on_time = (day - timedelta(days=3)).replace(hour=3, tzinfo=UTC).isoformat()
    late_at = (day + timedelta(days=3)).replace(hour=3, tzinfo=UTC).isoformat()
    rev_rows, file_rows, recv_rows = [], [], []
    for i, code in enumerate(codes):
        if rnd.random() < missing:
            continue
        crits = forms[level_of[code]].criteria  # what the unit's level is asked
        if rnd.random() < incomplete:
            crits = rnd.sample(crits, rnd.randint(3, 100))
        k = rnd.randint(1, 6)  # one factor per unit keeps the form's sums and inequalities true
        snap = {}
        for crit in crits:
            base = demo.get(crit.id)
            if rnd.random() < 0.04 and crit.kind != "count":
                snap[crit.id] = [None, "", "na"]
            elif crit.kind == "status":
                letter = rnd.choice([c.code for c in crit.codes])
                snap[crit.id] = [letter, crit.code(letter).suggestion or "Đã thực hiện", "answered"]
            elif crit.is_numeric and base is not None and base.value:
                snap[crit.id] = [format_amount(Decimal(base.value) * k), base.explanation, "answered"]
            elif base is not None:
                snap[crit.id] = [base.value, base.explanation, base.state]
            if distinct and crit.id in snap and snap[crit.id][1]:
                snap[crit.id][1] += f" (đơn vị {code})"
        digest = f"{year:04d}{i:060x}"
        rev_rows.append([code, year, 1, "final", stamp, "bench", stamp, "bench", "", json.dumps(snap), "bench"])
        file_rows.append([digest, 1000, f"{code}_{year}_r1.c27", stamp])
        received = late_at if rnd.random() < late else on_time
        recv_rows.append([code, year, 1, digest, f"CN=Bí thư {code}", on_time, received])
    with db.atomic():
        db.conn.executemany("INSERT INTO revisions(unit, year, number, status, opened_at, opened_by, finalised_at, "
                            "finalised_by, content_hash, snapshot, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            rev_rows)
        db.conn.executemany("INSERT INTO received_files(sha256, size, first_name, first_seen_at) VALUES (?, ?, ?, ?)",
                            file_rows)
        db.conn.executemany("INSERT INTO received_revisions(unit, year, number, sha256, signer, signed_at, "
                            "received_at) VALUES (?, ?, ?, ?, ?, ?, ?)", recv_rows)
