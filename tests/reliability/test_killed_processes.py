"""The process killed at random points during entry and backup: the database stays sound
and holds the state before or after each operation, never a mix."""

from __future__ import annotations

import random
import textwrap

from c27desk.store import backup
from c27desk.store.database import open_database
from tests.reliability.killing import run_and_kill, values_agree_with_audit

ENTRY_WORKER = textwrap.dedent(
    """
    import random, sys
    from c27desk.model.values import Entry
    from c27desk.store import values
    from c27desk.store.database import open_database
    db = open_database(sys.argv[1], check_integrity=False)
    rng = random.Random(int(sys.argv[2]))
    print("ready", flush=True)
    counts = ["II.1", "II.3", "II.5", "IV.10", "VI.4", "VI.8"]
    while True:
        batch = []
        for cid in rng.sample(counts, 3):   # several values in one transaction, as an undo group or a load
            batch.append((cid, Entry(cid, str(rng.randint(500, 900)), "Số máy tính loại này là:")))
        values.save_entries(db, "TU-DONGNAI", 2023, batch, who="worker")
    """
)

BACKUP_WORKER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from c27desk.store import backup
    from c27desk.store.database import open_database
    db = open_database(sys.argv[1], check_integrity=False)
    print("ready", flush=True)
    while True:
        backup.make_backup(db, Path(sys.argv[1]), "auto")
    """
)


def test_entry_killed_at_random_points(demo_db):
    rng = random.Random(2027)
    for trial in range(30):
        code = run_and_kill(ENTRY_WORKER, [str(demo_db), str(trial)], min_delay=0.0, max_delay=0.25, rng=rng)
        assert code == -9
        values_agree_with_audit(demo_db, "TU-DONGNAI", 2023)


def test_backup_killed_at_random_points(demo_db):
    rng = random.Random(7)
    for _ in range(20):
        code = run_and_kill(BACKUP_WORKER, [str(demo_db)], min_delay=0.0, max_delay=0.3, rng=rng)
        assert code == -9
        db = open_database(demo_db)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.close()
        for path in backup.list_backups(demo_db):  # every listed backup is whole and readable
            assert backup.check_file(path) is None, path
    # a new backup after all that works and the half-written leftovers are not listed
    db = open_database(demo_db)
    made = backup.make_backup(db, demo_db, "manual")
    db.close()
    assert made in backup.list_backups(demo_db)


RESTORE_WORKER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from c27desk.store import backup
    print("ready", flush=True)
    sources = sys.argv[2:]
    i = 0
    while True:
        backup.restore(Path(sys.argv[1]), Path(sources[i % 2]))
        i += 1
    """
)


def test_restore_killed_at_random_points(demo_db, tmp_path):
    """A restore is one rename: killed anywhere, the database is one backup or the other, whole."""
    from c27desk.model.values import Entry
    from c27desk.store import values

    made = []
    for value in ("402", "777"):
        db = open_database(demo_db)
        values.save_entry(db, "TU-DONGNAI", 2023, "II.1", Entry("II.1", value, ""), who="t")
        made.append(backup.make_backup(db, demo_db, "manual"))
        db.close()
    rng = random.Random(11)
    for _ in range(20):
        code = run_and_kill(RESTORE_WORKER, [str(demo_db), *map(str, made)], min_delay=0.0, max_delay=0.4, rng=rng)
        assert code == -9
        db = open_database(demo_db)
        try:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert values.get_entry(db, "TU-DONGNAI", 2023, "II.1").value in ("402", "777")
        finally:
            db.close()
    for kept in backup.list_safety_copies(demo_db):  # every kept state is whole
        assert backup.check_file(kept) is None, kept
    assert backup.restore(demo_db, made[0]).kept is not None
    assert not list(demo_db.parent.glob(".*.restore-*"))
