"""An office importing many signed unit packages, then consolidating them. Prints figures.

    .venv/bin/python bench/bench_import.py [--units 1000] [--cache DIR] [--workers N] [--import-workers N]

Each unit is made as a real one is: its own database (demo figures, one criterion varied),
finalised, its appendix rendered and signed with its own trial key, exported. That takes about
a second per unit, so generation runs in worker processes and the packages can be kept in
``--cache`` for the next run. Only the import and the consolidation are timed.

The import is the program's own (``import_files``: every check, worker processes for the bytes,
commits in order). Beside it, in the same run, the bare work an import physically needs is timed
on the same files: read and hash the file, inflate its members, three RSA-2048 verifies (the
package signature, the certificate's by its CA, and the package signature again standing for the
appendix's: the same key, the same cost), one 120-row transaction with ``synchronous = FULL`` and
one atomic file write. The ratio of the two says how far the import is from its physical cost.
Before the import, its check is timed by part on 50 of the files in this process (drawing the appendix
again, comparing the pages, the two signatures, the rest of the check), so the figures say where the CPU goes.
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


def _cpu_seconds(who: int | None = None) -> float:
    """CPU seconds of this process and its ended children, or of ``who`` only (RUSAGE_SELF, RUSAGE_CHILDREN)."""
    if who is not None:
        usage = resource.getrusage(who)
        return usage.ru_utime + usage.ru_stime
    return _cpu_seconds(resource.RUSAGE_SELF) + _cpu_seconds(resource.RUSAGE_CHILDREN)


def bare_work(files: list[Path], folder: Path, ca_pem: Path) -> float:
    """Seconds for the work an import cannot avoid, done on every file one after another (one CPU)."""
    import hashlib
    import sqlite3
    import zipfile

    from asn1crypto import cms
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding
    from cryptography.x509 import load_der_x509_certificate, load_pem_x509_certificate

    from c27desk.fileio import atomic_write_bytes

    out = folder / "bare"
    out.mkdir()
    conn = sqlite3.connect(folder / "bare.sqlite3")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE rows(unit TEXT, criterion TEXT, value TEXT, explanation TEXT)")
    ca = load_pem_x509_certificate(ca_pem.read_bytes())
    start = time.perf_counter()
    for path in files:
        raw = path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            members = {name: zf.read(name) for name in zf.namelist()}
        for body in members.values():
            hashlib.sha256(body).digest()
        signer_info = cms.ContentInfo.load(members["manifest.p7s"])["content"]
        certificates = [c.chosen for c in signer_info["certificates"]]
        info = signer_info["signer_infos"][0]
        cert = load_der_x509_certificate(next(c for c in certificates if not c.ca).dump())
        attrs = info["signed_attrs"].untag().dump()
        # the package's signature, then the same again for the appendix's (the same key size and work)
        cert.public_key().verify(info["signature"].native, attrs, padding.PKCS1v15(), hashes.SHA256())
        cert.public_key().verify(info["signature"].native, attrs, padding.PKCS1v15(), hashes.SHA256())
        ca.public_key().verify(cert.signature, cert.tbs_certificate_bytes, padding.PKCS1v15(),
                               cert.signature_hash_algorithm)  # the certificate's signature by its CA
        with conn:
            conn.executemany("INSERT INTO rows VALUES (?, ?, ?, ?)",
                             [(digest[:8], f"C{i}", str(i), "x" * 40) for i in range(120)])
        atomic_write_bytes(out / digest, raw)
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def cpu_breakdown(db, files: list[Path], count: int = 50) -> dict[str, float]:
    """CPU milliseconds per package of the import's check, by part, timed in this process on ``count`` files
    (before they are imported: every appendix is drawn again and compared, as in the import itself)."""
    import c27desk.report.appendix_check as check_mod
    import c27desk.report.appendix_pdf as pdf_mod
    import c27desk.report.verify as verify_mod
    from c27desk.exchange.importer import check_package, read_received, trust_anchors

    spent: dict[str, float] = {}
    parts = {"render": (pdf_mod, "render_for_comparison"), "compare": (check_mod, "appendix_difference"),
             "signatures": (verify_mod, "verify_cms_detached"), "signatures ": (verify_mod, "verify_signed_by")}
    originals = {label: getattr(module, name) for label, (module, name) in parts.items()}

    def timed(label: str, function):
        def run(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                key = label.strip()
                spent[key] = spent.get(key, 0.0) + time.process_time() - start
        return run

    roots = trust_anchors(db)
    sample = files[:count]
    check_package(db, read_received(sample[0]), sample[0].name, accept_new_signer=True, roots=roots)  # warm
    try:
        for label, (module, name) in parts.items():
            setattr(module, name, timed(label, originals[label]))
        start = time.process_time()
        for path in sample:
            check_package(db, read_received(path), path.name, accept_new_signer=True, roots=roots)
        total = time.process_time() - start
    finally:
        for label, (module, name) in parts.items():
            setattr(module, name, originals[label])
    out = {key: value / len(sample) * 1000 for key, value in spent.items()}
    out["rest of the check"] = total / len(sample) * 1000 - sum(out.values())
    out["check"] = total / len(sample) * 1000
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--cache", type=Path, help="folder to keep generated packages and keys between runs")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="processes generating packages")
    parser.add_argument("--import-workers", type=int, default=None,
                        help="the import's worker processes (default: the program's choice, one per CPU)")
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
        from c27desk.exchange.importer import import_files
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
        breakdown = cpu_breakdown(db, files)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        cpu_before, own_before = _cpu_seconds(), _cpu_seconds(resource.RUSAGE_SELF)
        start = time.perf_counter()
        outcomes = import_files(db, office, files, who="bench", accept_new_signer=True, workers=args.import_workers)
        imported = time.perf_counter() - start
        cpu = _cpu_seconds() - cpu_before  # this process and the import's worker processes (ended by now)
        own = _cpu_seconds(resource.RUSAGE_SELF) - own_before  # archiving, judging again, committing
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
        bare = bare_work(files, Path(tmp), keys_dir / "TRIAL-CA.pem")
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")

    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    print(f"generated {args.units} signed packages ({size / 1024:.0f} KiB each) in {generated:.0f} s "
          f"with {args.workers} workers (not part of the figures below)")
    print(f"import       {args.units} packages in {imported:6.1f} s = {args.units / imported:6.1f} packages/s "
          f"({imported / args.units * 1000:.1f} ms each: zip, hashes, CMS + PAdES verification, values, the "
          f"appendix drawn again and compared, commit)")
    print(f"bare work    {args.units} packages in {bare:6.1f} s = {args.units / bare:6.1f} packages/s on one CPU "
          f"({bare / args.units * 1000:.2f} ms each: read + hash, inflate, 3 RSA verifies, 120-row transaction, "
          f"atomic write); import / bare = {imported / bare:.1f}×")
    print(f"import CPU   {cpu / args.units * 1000:.1f} ms per package (this process {own / args.units * 1000:.1f}: "
          f"archive, judge again, commit; the import's workers {(cpu - own) / args.units * 1000:.1f}): "
          f"on {os.cpu_count()} otherwise idle CPUs about {(os.cpu_count() or 1) * args.units / cpu:.0f} packages/s")
    parts = ", ".join(f"{name} {ms:.1f}" for name, ms in breakdown.items() if name != "check")
    print(f"where CPU goes  the check, {breakdown['check']:.1f} ms per package on one CPU: {parts}; the rest of "
          f"the import CPU above ({max(0.0, cpu / args.units * 1000 - breakdown['check']):.1f} ms: archive, "
          f"commit, worker processes' start and hand-over)")
    print(f"load average at the end: {load:.1f} on {os.cpu_count()} CPUs")
    print(f"consolidate  {args.units} units in {consolidated:6.2f} s")
    print(f"peak memory (process RSS): {rss_before / 1024:.0f} MiB before importing, {rss_import / 1024:.0f} MiB "
          f"after importing, {rss_after / 1024:.0f} MiB after consolidating")


if __name__ == "__main__":
    main()
