"""A read-only connection (a second window) can read everything and write nothing."""

import sqlite3

import pytest

from c27desk.errors import StoreError
from c27desk.model.values import Entry
from c27desk.store import periods, values
from c27desk.store.database import open_database, open_read_only


def test_reads_but_every_write_fails_at_the_connection(demo_db):
    db = open_read_only(demo_db)
    try:
        assert values.get_entry(db, "TU-DONGNAI", 2023, "II.1").value == "402"
        with pytest.raises(sqlite3.OperationalError, match="DB_READONLY|chỉ cho đọc"):
            values.save_entry(db, "TU-DONGNAI", 2023, "II.1", Entry("II.1", "1"), who="t")
        with pytest.raises(sqlite3.OperationalError, match="DB_READONLY|chỉ cho đọc"):
            periods.ensure_period(db, 2024, who="t")
    finally:
        db.close()


def test_a_missing_database_is_not_created(tmp_path):
    with pytest.raises(StoreError) as err:
        open_read_only(tmp_path / "none.sqlite3")
    assert err.value.code == "DB_MISSING" and not (tmp_path / "none.sqlite3").exists()


def test_a_schema_to_upgrade_is_left_to_the_writing_window(demo_db):
    db = open_database(demo_db)
    db.execute("DELETE FROM _sqlite_migrations WHERE name = (SELECT max(name) FROM _sqlite_migrations)")
    db.conn.commit()
    db.close()
    with pytest.raises(StoreError) as err:
        open_read_only(demo_db)
    assert err.value.code == "DB_NEEDS_UPGRADE"
