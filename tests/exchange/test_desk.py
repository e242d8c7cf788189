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
