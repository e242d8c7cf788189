"""Time to render, sign and verify the 120-row appendix (demo data, trial key). Prints figures.

    .venv/bin/python bench/bench_appendix.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path


def timed(fn, rounds: int) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    rounds = parser.parse_args().rounds
    os.environ.setdefault("C27DESK_USER", "bench")
    from c27desk.demo import create_demo
    from c27desk.exchange import certs
    from c27desk.report.appendix import appendix_content
    from c27desk.report.appendix_pdf import render_appendix
    from c27desk.report.sign_appendix import sign_appendix
    from c27desk.report.signing import P12Spec
    from c27desk.report.trial_keys import make_trial_keys
    from c27desk.report.verify import verify_pdf
    from c27desk.store.database import open_database
    from c27desk.workflow import finalise_report, open_report

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "bench.sqlite3")
        create_demo(db, who="bench")
        finalise_report(db, open_report(db, 2023), who="bench", acknowledge_warnings=True)
        keys = make_trial_keys(Path(tmp) / "keys", "TU-DONGNAI", "Tỉnh ủy Đồng Nai", "bench-pass")
        spec = P12Spec(Path(keys.unit_p12), "bench-pass")
        roots = [certs.load_pem_file(keys.ca_pem)]
        content = appendix_content(db, 2023)
        render_med, render_max, rendered = timed(lambda: render_appendix(content), rounds)
        sign_med, sign_max, signed = timed(lambda: sign_appendix(content, rendered, spec, roots), rounds)
        verify_med, verify_max, _ = timed(lambda: verify_pdf(signed.pdf, roots), rounds)
        db.close()
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    print(f"appendix: {len(content.catalogue.criteria)} criteria, {rendered.pages} pages, "
          f"{len(signed.pdf) / 1024:.0f} KiB signed; median (max) of {rounds} rounds")
    print(f"render  {render_med * 1000:8.1f} ms ({render_max * 1000:.1f})")
    print(f"sign    {sign_med * 1000:8.1f} ms ({sign_max * 1000:.1f})   includes the verification after signing")
    print(f"verify  {verify_med * 1000:8.1f} ms ({verify_max * 1000:.1f})")


if __name__ == "__main__":
    main()
