"""Two instances on one database: the second is told, and writing commands refuse."""

import subprocess
import sys

import pytest

from c27desk.store import lock
from tests.conftest import DEMO_CSV


def test_second_lock_is_refused_naming_the_holder(db_path):
    with lock.acquire(db_path):
        with pytest.raises(lock.DatabaseInUseError) as info:
            lock.acquire(db_path)
        assert info.value.holder["user"] == "tester" and "đang được mở" in info.value.vi
    lock.acquire(db_path).release()  # free again once released


def test_lock_held_by_another_process_blocks_writes_not_reads(demo_db, cli):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from c27desk.store import lock; "
         f"l = lock.acquire({str(demo_db)!r}); print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        code, _, err = cli("values", "load", str(DEMO_CSV), "--period", "2023", db=demo_db)
        assert code == 1 and "đang được mở" in err
        code, out, _ = cli("check", "--period", "2023", db=demo_db)
        assert code == 0 and "120/120" in out
    finally:
        holder.kill()
        holder.wait()
    # the OS released the dead process's lock
    assert cli("values", "load", str(DEMO_CSV), "--period", "2023", db=demo_db)[0] == 0
