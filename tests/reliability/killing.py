"""Helpers for tests that kill a working process at random moments and inspect the wreck."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

from c27desk.store.database import open_database


def run_and_kill(script: str, args: list[str], *, min_delay: float, max_delay: float, rng: random.Random,
                 ready_line: str = "ready") -> int:
    """Start ``script``, wait until it prints ``ready_line``, let it work a random while, SIGKILL it."""
    proc = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        line = proc.stdout.readline().strip()
        assert line == ready_line, proc.stderr.read() if proc.poll() is not None else line
        time.sleep(rng.uniform(min_delay, max_delay))
        proc.kill()
        return proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def values_agree_with_audit(db_path: Path, unit: str, year: int) -> None:
    """Every stored value equals the newest audit row for its criterion: a value and its log
    row are written in one transaction, so a torn write shows up as a disagreement."""
    db = open_database(db_path, check_integrity=True)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        latest = {
            row[0]: (row[1], row[2], row[3])
            for row in db.execute(
                "SELECT criterion, new_value, new_explanation, new_state FROM audit_log a "
                "WHERE unit = ? AND year = ? AND criterion IS NOT NULL AND id = "
                "(SELECT max(id) FROM audit_log b WHERE b.unit = a.unit AND b.year = a.year "
                "AND b.criterion = a.criterion)",
                [unit, year],
            )
        }
        stored = {
            row[0]: (row[1], row[2], row[3])
            for row in db.execute(
                "SELECT criterion, value, explanation, state FROM value_entries WHERE unit = ? AND year = ?",
                [unit, year],
            )
        }
        for cid, (value, explanation, state) in latest.items():
            if state is None:  # the newest change cleared the answer
                assert cid not in stored, cid
            else:
                assert stored[cid] == (value, explanation, state), cid
        assert set(stored) <= set(latest)
    finally:
        db.close()
