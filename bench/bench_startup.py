"""Cold start to a usable window: process start until the main window has been drawn. Prints figures.

    .venv/bin/python bench/bench_startup.py [--rounds 5] [--program dist/c27desk/c27desk]

Each round starts a new process running ``c27desk gui --screenshot`` on the demo database: it
opens the database (integrity check, start-up backup), builds the window, fills the 120-row table,
draws it into a PNG and exits. Offscreen unless a display is set.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--program", help="a built program (dist/c27desk/c27desk); default: this Python")
    args = parser.parse_args()
    command = [args.program] if args.program else [sys.executable, "-m", "c27desk"]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"), "C27DESK_USER": "bench"}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.sqlite3"
        env["C27DESK_CONFIG_DIR"] = str(Path(tmp) / "config")
        subprocess.run([*command, "--db", str(db), "demo"], check=True, env=env, capture_output=True)
        times = []
        for i in range(args.rounds):
            shot = Path(tmp) / f"window-{i}.png"
            start = time.perf_counter()
            subprocess.run([*command, "--db", str(db), "gui", "--screenshot", str(shot), "--period", "2023"],
                           check=True, env=env, capture_output=True)
            times.append(time.perf_counter() - start)
            assert shot.stat().st_size > 0
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}; program: {' '.join(command)}")
    print(f"start to drawn window: first {times[0]:.2f} s, median {statistics.median(times):.2f} s, "
          f"max {max(times):.2f} s over {args.rounds} starts")


if __name__ == "__main__":
    main()
