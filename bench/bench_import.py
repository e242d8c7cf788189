"""An office importing many signed unit packages, then consolidating them. Prints figures.

    .venv/bin/python bench/bench_import.py [--units 500] [--cache DIR] [--workers N]

Each unit is made as a real one is: its own database (demo figures, one criterion varied),
finalised, its appendix rendered and signed with its own trial key, exported. That takes about
a second per unit, so generation runs in worker processes and the packages can be kept in
``--cache`` for the next run. Only the import and the consolidation are timed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import platform
import resource
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

PASS = "bench-pass"
YEAR = 2023


def unit_code(i: int) -> str:
    return f"HU-BENCH{i:04d}"


def make_package(args: tuple[int, str, str]) -> str:
    """One unit's finalised, signed package (in a worker process)."""
    i, keys_dir, out_dir = args
    os.environ["C27DESK_USER"] = "bench"
    from c27desk.cli import main
    from c27desk.exchange.export import export_package
    from c27desk.report.signing import P12Spec
    from c27desk.report.trial_keys import make_trial_keys
    from c27desk.store.database import open_database

    code = unit_code(i)
    target = Path(out_dir) / f"{code}_{YEAR}_r1.c27"
    if target.exists():
        return str(target)
    from c27desk.demo import demo_values_for_level

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "unit.sqlite3"
        demo_csv = Path(tmp) / "huyen.csv"  # what a district's form asks of it
        demo_csv.write_bytes(demo_values_for_level("huyen"))
        changes = Path(tmp) / "changes.csv"
        changes.write_text(f"criterion,value,explanation\nVI.5,{i % 5},\nII.1,{410 + i},\n", encoding="utf-8")
        with contextlib.redirect_stdout(io.StringIO()):
            for argv in (["init", "--unit-code", code, "--unit-name", f"Huyện ủy thử {i}", "--level", "huyen",
                          "--parent", "TU-DONGNAI"],
                         ["values", "load", str(demo_csv), "--period", str(YEAR)],
                         ["values", "load", str(changes), "--period", str(YEAR)],
                         ["period", "set", str(YEAR), "--report-number", "12", "--report-date", f"{YEAR + 1}-02-15", "--place", "Đồng Nai", "--signer-title", "BÍ THƯ",
                          "--signer-name", f"Người ký {i}"],
                         ["finalise", "--period", str(YEAR), "--accept-warnings"]):
                assert main(["--db", str(db_path), *argv]) == 0, argv
        keys = make_trial_keys(Path(keys_dir), code, f"Huyện ủy thử {i}", PASS)
        db = open_database(db_path)
        try:
            export_package(db, YEAR, Path(out_dir), spec=P12Spec(keys.unit_p12, PASS), who="bench")
        finally:
            db.close()
    return str(target)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=500)
    parser.add_argument("--cache", type=Path, help="folder to keep generated packages and keys between runs")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    os.environ.setdefault("C27DESK_USER", "bench")

    with tempfile.TemporaryDirectory() as tmp:
        cache = args.cache or Path(tmp) / "cache"
        keys_dir, packages = cache / "keys", cache / "packages"
        packages.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        make_package((0, str(keys_dir), str(packages)))  # makes the shared trial CA first
        with ProcessPoolExecutor(args.workers) as pool:
            files = [Path(p) for p in pool.map(make_package, [(i, str(keys_dir), str(packages))
                                                               for i in range(1, args.units)], chunksize=4)]
        files.insert(0, packages / f"{unit_code(0)}_{YEAR}_r1.c27")
        generated = time.perf_counter() - start

        from c27desk.cli import main as cli
        from c27desk.consolidate.summary import consolidate
        from c27desk.exchange.importer import import_bytes, read_received
        from c27desk.model.units import Unit
        from c27desk.store import units as units_store
        from c27desk.store.database import open_database

        office = Path(tmp) / "office.sqlite3"
        with contextlib.redirect_stdout(io.StringIO()):
            assert cli(["--db", str(office), "demo"]) == 0
            assert cli(["--db", str(office), "trust", "add-ca", str(keys_dir / "TRIAL-CA.pem")]) == 0
        db = open_database(office)
        with db.atomic():
            for i in range(args.units):
                units_store.save_unit(db, Unit(unit_code(i), f"Huyện ủy thử {i}", "huyen", "TU-DONGNAI"), who="bench")
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        outcomes = [import_bytes(db, office, read_received(f), f.name, who="bench", accept_new_signer=True)
                    for f in files]
        imported = time.perf_counter() - start
        rss_import = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        cons = consolidate(db, YEAR)
        consolidated = time.perf_counter() - start
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        db.close()
        refused = [o for o in outcomes if o.outcome != "accepted"]
        assert not refused, [(o.file_name, o.reason, o.message) for o in refused[:3]]
        assert len(cons.received) == args.units
        size = sum(f.stat().st_size for f in files) / len(files)

    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    print(f"generated {args.units} signed packages ({size / 1024:.0f} KiB each) in {generated:.0f} s "
          f"with {args.workers} workers (not part of the figures below)")
    print(f"import       {args.units} packages in {imported:6.1f} s = {args.units / imported:6.1f} packages/s "
          f"({imported / args.units * 1000:.1f} ms each: zip, hashes, CMS + PAdES verification, values, commit)")
    print(f"consolidate  {args.units} units in {consolidated:6.2f} s")
    print(f"peak memory (process RSS): {rss_before / 1024:.0f} MiB before importing, {rss_import / 1024:.0f} MiB "
          f"after importing, {rss_after / 1024:.0f} MiB after consolidating")


if __name__ == "__main__":
    main()
