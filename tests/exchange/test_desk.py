"""The desk's first screen (one query) agrees with the full consolidation, and never calls a report complete early."""

from __future__ import annotations

from bench.office_data import make_office
from c27desk.consolidate.completeness import ReportState
from c27desk.consolidate.desk import desk_data, desk_overview
from c27desk.store.database import open_database


def test_overview_counts_match_the_full_consolidation(db_path):
    make_office(db_path, 60, missing=0.1, incomplete=0.2, late=0.1)
    db = open_database(db_path)
    try:
        quick, full = desk_overview(db, 2023), desk_data(db, 2023).reports
    finally:
        db.close()
    assert [r.unit.code for r in quick] == [r.unit.code for r in full]
    for q, f in zip(quick, full, strict=True):
        assert (q.completeness.answered, q.completeness.not_applicable) == \
               (f.completeness.answered, f.completeness.not_applicable), q.unit.code
        assert (q.status.revision, q.status.late, q.status.received_at, q.sha256) == \
               (f.status.revision, f.status.late, f.status.received_at, f.sha256)
        assert q.completeness.state != ReportState.COMPLETE  # only the full check may say complete
        if f.completeness.state == ReportState.COMPLETE:
            assert q.completeness.state == ReportState.CHECKING
    states = {r.completeness.state for r in full}
    assert {ReportState.MISSING, ReportState.INCOMPLETE, ReportState.COMPLETE} <= states


def test_the_bulk_consolidation_gives_what_checking_each_report_alone_gives(db_path):
    """One query for every revision and each distinct answer judged once: the same counts as
    ``check`` on each unit's own snapshot, including a report the database holds with faults."""
    import json

    from c27desk.consolidate.summary import consolidate
    from c27desk.model.validation import check
    from c27desk.store import periods, revisions

    make_office(db_path, 40, missing=0.1, incomplete=0.2, distinct=True)
    db = open_database(db_path)
    try:
        code, raw = db.execute("SELECT unit, snapshot FROM revisions WHERE unit LIKE 'HU-%' ORDER BY unit").fetchone()
        snap = json.loads(raw)
        snap.update({"I.1": ["Z", "", "answered"], "II.1": ["sNaN", "", "answered"], "II.2": [None, "", "answered"]})
        db.execute("UPDATE revisions SET snapshot = ? WHERE unit = ?", [json.dumps(snap), code])
        cons = consolidate(db, 2023)
        for st in cons.units:
            if st.missing:
                continue
            alone = check(periods.period_catalogue(db, 2023, st.unit.level),
                          revisions.snapshot(db, st.unit.code, 2023, st.revision))
            assert (st.errors, st.warnings) == (len(alone.errors), len(alone.warnings)), st.unit.code
        faulty = next(st for st in cons.units if st.unit.code == code)
        assert faulty.errors >= 2 and faulty.entries["II.2"].is_na  # an old build's carried N/A stays N/A
        ii1 = next(s for s in cons.criteria if s.criterion.id == "II.1")
        assert (code, "sNaN") in ii1.texts  # not a number: listed as written, never summed
    finally:
        db.close()


def test_writing_the_workbook_stops_when_asked_and_leaves_no_file(db_path, tmp_path):
    import pytest

    from c27desk.consolidate.export import ExportCancelledError, write_xlsx
    from c27desk.consolidate.summary import consolidate

    make_office(db_path, 30)
    db = open_database(db_path)
    try:
        cons = consolidate(db, 2023)
    finally:
        db.close()
    from openpyxl.worksheet._writer import ALL_TEMP_FILES  # the streamed sheets' temporary files

    out = tmp_path / "tong-hop.xlsx"
    for stop_at in (1, 4):
        asked = []
        with pytest.raises(ExportCancelledError):
            write_xlsx(cons, out, cancelled=lambda: asked.append(1) or len(asked) >= stop_at)  # noqa: B023
        assert len(asked) == stop_at and not list(tmp_path.glob("*tong-hop*")) and not ALL_TEMP_FILES


def test_stale_values_are_messages_said_in_the_language_shown_with_its_decimal_sign():
    from c27desk.consolidate.summary import Staleness, StaleValue, staleness_lines

    st = Staleness(2023, [StaleValue("VIII.1", "12.5", "13.25", (("HU-BIENHOA", 2),))], sent_revision=1)
    first, todo = staleness_lines(st)
    assert first.render("vi") == "VIII.1: 12,5 → 13,25 (sau khi nhận HU-BIENHOA r2)"
    assert first.render("en") == "VIII.1: 12.5 → 13.25 (after HU-BIENHOA r2)"
    assert todo.render("en").startswith("Revision 1 of this office's report holds the old values")
