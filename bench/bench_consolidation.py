"""Consolidating an office's year at the centre's scale (3,300 units), against the bare reading. Prints figures.

    .venv/bin/python bench/bench_consolidation.py [--units 3300] [--runs 5] [--distinct]

The units' received reports are written straight into a new database first (``office_data.py``;
not timed). Then, in the same process, each run times:

* the bare work: the one query that reads every unit's newest final revision and the decoding of
  its stored answers (JSON), nothing built from them;
* ``consolidate`` (what ``c27desk consolidate`` and the office's desk use): every value re-checked
  against the form its unit's level is asked, each criterion summed up;
* ``desk_data``: all the desk shows (the consolidation, every unit's completeness, the tables, the
  proposals, what went stale), as its worker computes it.

Wall time, and for the consolidation also the process's own CPU time (on a shared machine the
difference is waiting for a CPU). Each run starts cold: the checks' memory of answers already judged is emptied first, as in a newly
started program. ``--distinct`` gives every unit its own wording of each explanation (as real units
write them), so that no two answers with an explanation are alike: the hardest case. Last, the
command line's ``consolidate --period`` is run once as its own process (start-up and printing included).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("C27DESK_USER", "bench")

from bench.office_data import make_office  # noqa: E402

YEAR = 2023


def bare_reading(db) -> int:
    """The one query and the JSON decoding, nothing else: what any consolidation must at least do."""
    from c27desk.bulk import bulk_objects

    rows = db.execute(
        "SELECT r.unit, r.number, r.snapshot FROM revisions r JOIN (SELECT unit, max(number) AS number FROM revisions "
        "WHERE year = ? AND status = 'final' GROUP BY unit) newest ON newest.unit = r.unit AND newest.number = r.number "
        "WHERE r.year = ?", [YEAR, YEAR]).fetchall()
    with bulk_objects():
        return sum(len(json.loads(snapshot)) for _unit, _number, snapshot in rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=3300)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--distinct", action="store_true", help="every unit words its explanations its own way")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["C27DESK_CONFIG_DIR"] = str(Path(tmp) / "config")
        db_path = Path(tmp) / "office.sqlite3"
        start = time.perf_counter()
        make_office(db_path, args.units, distinct=args.distinct)
        generated = time.perf_counter() - start

        from c27desk.consolidate.desk import desk_data
        from c27desk.consolidate.summary import consolidate
        from c27desk.model import validation
        from c27desk.store.database import open_database

        db = open_database(db_path)
        bare, cons_times, desk_times, cons_cpu = [], [], [], []
        values = received = errors = 0
        for _ in range(args.runs):
            t = time.perf_counter()
            values = bare_reading(db)
            bare.append(time.perf_counter() - t)
            validation._VERDICTS.clear()  # cold, as in a newly started program
            validation._VALUE_VERDICTS.clear()
            t, cpu = time.perf_counter(), time.process_time()
            cons = consolidate(db, YEAR)
            cons_times.append(time.perf_counter() - t)
            cons_cpu.append(time.process_time() - cpu)
            received, errors = len(cons.received), sum(st.errors for st in cons.units)
            del cons
            validation._VERDICTS.clear()
            validation._VALUE_VERDICTS.clear()
            t = time.perf_counter()
            desk_data(db, YEAR)
            desk_times.append(time.perf_counter() - t)
        db.close()

        env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "c27desk", "--db", str(db_path), "--lang", "en", "consolidate",
                        "--period", str(YEAR)], check=True, stdout=subprocess.DEVNULL, env=env)
        command = time.perf_counter() - t

    def figure(times: list[float]) -> str:
        return f"median {statistics.median(times):.2f} s, best {min(times):.2f} s"

    base = statistics.median(bare)
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}, load average {os.getloadavg()[0]:.1f}")
    print(f"{args.units} units generated in {generated:.1f} s (not part of the figures); {received} reports received, "
          f"{values:,} values{', each explanation worded by its unit' if args.distinct else ''}; {errors} errors found")
    print(f"bare work (one query reading every value, decoded): {figure(bare)}")
    print(f"consolidate {args.units} units (every value re-checked, every criterion summed): {figure(cons_times)}; "
          f"{statistics.median(cons_times) / base:.1f}× the bare work; this process's CPU time median "
          f"{statistics.median(cons_cpu):.2f} s (the rest is waiting for a CPU)")
    print(f"the desk's data (consolidation, completeness, tables, proposals, staleness): {figure(desk_times)}; "
          f"{statistics.median(desk_times) / base:.1f}× the bare work")
    print(f"c27desk consolidate --period {YEAR} as a command (start-up, {args.units} lines printed): {command:.2f} s")


if __name__ == "__main__":
    main()
