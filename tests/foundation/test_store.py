"""The store: what is saved survives a restart, every change is audited, locks hold."""

import sqlite3

import pytest

from c27desk.errors import StoreError
from c27desk.model.units import make_unit
from c27desk.model.values import Entry
from c27desk.store import audit, periods, revisions, units, values
from c27desk.store.database import open_database
from c27desk.workflow import FinaliseRefusedError, finalise_report, open_report


def _unit_db(db_path):
    db = open_database(db_path)
    units.save_unit(db, make_unit("HU-TEST", "Huyện ủy Thử", "huyen", parent="TU-DONGNAI"), is_self=True, who="t")
    periods.ensure_period(db, 2023, who="t")
    return db


def test_database_is_wal_with_foreign_keys(db_path):
    db = open_database(db_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    db.close()


def test_value_survives_restart_and_is_audited(db_path):
    db = _unit_db(db_path)
    values.save_entry(db, "HU-TEST", 2023, "II.1", Entry("II.1", "40", "Số máy tính loại này là:"), who="an")
    values.save_entry(db, "HU-TEST", 2023, "II.1", Entry("II.1", "41", "Số máy tính loại này là:"), who="binh")
    db.close()
    db = open_database(db_path)
    assert values.get_entry(db, "HU-TEST", 2023, "II.1").value == "41"
    rows = audit.history(db, "HU-TEST", 2023, "II.1")
    assert [(r.who, r.old_value, r.new_value) for r in rows] == [("binh", "40", "41"), ("an", None, "40")]
    db.close()


def test_unchanged_save_writes_no_audit_row(db_path):
    db = _unit_db(db_path)
    e = Entry("I.1", "D", "Chưa xác định được lộ trình")
    values.save_entry(db, "HU-TEST", 2023, "I.1", e, who="t")
    before = audit.count(db)
    assert values.save_entry(db, "HU-TEST", 2023, "I.1", e, who="t") is False
    assert audit.count(db) == before


def test_audit_log_is_append_only(db_path):
    db = _unit_db(db_path)
    with pytest.raises(sqlite3.DatabaseError):
        db.execute("DELETE FROM audit_log")
    with pytest.raises(sqlite3.DatabaseError):
        db.execute("UPDATE audit_log SET who = 'x'")


def test_newer_database_is_refused_and_left_alone(db_path):
    db = open_database(db_path)
    db["_sqlite_migrations"].insert({"migration_set": "c27desk", "name": "9999_from_the_future", "applied_at": "x"})
    db.close()
    with pytest.raises(StoreError) as info:
        open_database(db_path)
    assert info.value.code == "DB_TOO_NEW" and "mới hơn" in info.value.vi


def test_not_a_database_is_refused(db_path):
    db_path.write_bytes(b"this is a text file, not SQLite" * 100)
    with pytest.raises(StoreError):
        open_database(db_path)


def test_finalise_locks_and_reopen_makes_next_revision(demo_db):
    db = open_database(demo_db)
    ref = open_report(db, 2023)
    rev = finalise_report(db, ref, who="t")
    assert (rev.number, rev.status) == (1, "final")
    with pytest.raises(StoreError) as info:
        values.save_entry(db, ref.unit.code, 2023, "II.1", Entry("II.1", "1", ""), who="t")
    assert info.value.code == "REPORT_FINAL"
    assert revisions.reopen(db, ref.unit.code, 2023, who="t").number == 2
    values.save_entry(db, ref.unit.code, 2023, "II.1", Entry("II.1", "403", ""), who="t")
    assert revisions.snapshot(db, ref.unit.code, 2023, 1)["II.1"].value == "402"
    assert [r.status for r in revisions.history(db, ref.unit.code, 2023)] == ["final", "open"]


def test_finalise_refuses_errors_and_unacknowledged_warnings(demo_db):
    db = open_database(demo_db)
    ref = open_report(db, 2023)
    values.save_entry(db, ref.unit.code, 2023, "II.2", Entry("II.2", "500", ""), who="t")  # > II.1 = 402
    with pytest.raises(FinaliseRefusedError) as info:
        finalise_report(db, ref, who="t")
    assert {"II.1", "II.2"} <= set(info.value.report.errors[0].criteria)
    values.save_entry(db, ref.unit.code, 2023, "II.2", Entry("II.2", "42", ""), who="t")
    values.save_entry(db, ref.unit.code, 2023, "I.1", Entry("I.1", "D", ""), who="t")  # no explanation: warning
    with pytest.raises(FinaliseRefusedError):
        finalise_report(db, ref, who="t")
    assert finalise_report(db, ref, who="t", acknowledge_warnings=True).status == "final"


def test_levels_are_data(db_path):
    db = open_database(db_path)
    units.add_level(db, "dac-khu", "Đảng ủy đặc khu", 3)
    units.save_unit(db, make_unit("DK-PHUQUOC", "Đảng ủy đặc khu Phú Quốc", "dac-khu"), is_self=True, who="t")
    assert units.self_unit(db).level == "dac-khu"
    with pytest.raises(StoreError):
        units.save_unit(db, make_unit("X-1", "X", "khong-co"), who="t")
