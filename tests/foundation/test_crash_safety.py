"""A load killed half-way leaves the old state or the new one, never a mix."""

import subprocess
import sys
import textwrap

import pytest

from c27desk.store import values
from c27desk.store.database import open_database
from tests.conftest import DEMO_CSV

CHILD = textwrap.dedent(
    """
    import os, signal, sys
    import c27desk.store.values as v
    from c27desk.cli import main
    limit = int(sys.argv[3])
    real = v._write
    count = 0
    def dying_write(*args, **kwargs):
        global count
        count += 1
        if count > limit:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    v._write = dying_write
    main(["--db", sys.argv[1], "values", "load", sys.argv[2], "--period", "2023"])
    """
)


@pytest.fixture
def changed_csv(tmp_path):
    """The demo figures with every count raised by one: a load that changes 20 values."""
    lines = DEMO_CSV.read_text(encoding="utf-8").splitlines()
    out = [lines[0]]
    for line in lines[1:]:
        cid, value, rest = line.split(",", 2)
        if value.isdigit():
            value = str(int(value) + 1)
        out.append(",".join([cid, value, rest]))
    path = tmp_path / "changed.csv"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("kill_after", [1, 7, 60, 119])
def test_killed_load_leaves_old_or_new_state(demo_db, changed_csv, kill_after):
    db = open_database(demo_db)
    old = values.entries(db, "TU-DONGNAI", 2023)
    db.close()
    proc = subprocess.run([sys.executable, "-c", CHILD, str(demo_db), str(changed_csv), str(kill_after)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -9, proc.stderr
    db = open_database(demo_db)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    after = values.entries(db, "TU-DONGNAI", 2023)
    db.close()
    assert after == old  # the transaction never committed: every value is the old one


def test_completed_load_has_every_new_value(demo_db, changed_csv):
    proc = subprocess.run([sys.executable, "-c", CHILD, str(demo_db), str(changed_csv), "100000"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    db = open_database(demo_db)
    assert values.get_entry(db, "TU-DONGNAI", 2023, "II.1").value == "403"
    assert values.get_entry(db, "TU-DONGNAI", 2023, "VI.9").value == "7"
    db.close()
