"""The office's import killed at random points: each unit's revision is wholly there or wholly absent."""

from __future__ import annotations

import json
import random
import sqlite3
import textwrap

from c27desk.exchange.documents import parse_manifest
from c27desk.exchange.package import read_package
from c27desk.store import revisions
from c27desk.store.database import open_database
from tests.exchange.support import YEAR, copy_db, export, run
from tests.reliability.killing import run_and_kill

IMPORT_WORKER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    import c27desk.report.verify, c27desk.report.appendix_pdf, pyhanko.sign.validation  # loaded before the clock
    from c27desk.report.fonts import register_fonts
    register_fonts()  # the fonts the appendix is drawn again with, loaded before the clock too
    from c27desk.exchange.importer import import_bytes
    from c27desk.store.database import open_database
    office = Path(sys.argv[1])
    db = open_database(office, check_integrity=False)
    files = [Path(p) for p in sys.argv[2:]]
    blobs = [f.read_bytes() for f in files]
    print("ready", flush=True)
    while True:
        for f, raw in zip(files, blobs):
            import_bytes(db, office, raw, f.name, who="worker", accept_new_signer=True)
    """
)


def check_consistent(office, expected: dict[tuple[str, int], str]) -> None:
    """Integrity, and for every unit: held revisions, their values, the receipt and the log agree."""
    db = open_database(office, check_integrity=True)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for unit in {u for u, _ in expected}:
            held = [r for r in revisions.history(db, unit, YEAR) if r.status == "final"]
            received = {r[0] for r in db.execute(
                "SELECT number FROM received_revisions WHERE unit = ? AND year = ?", [unit, YEAR])}
            accepted = [r[0] for r in db.execute(
                "SELECT revision FROM import_log WHERE unit = ? AND outcome = 'accepted'", [unit])]
            assert {r.number for r in held} == received == set(accepted), unit
            assert len(accepted) == len(set(accepted)), unit  # never imported twice
            pinned = db.execute("SELECT count(*) FROM unit_signers WHERE unit = ?", [unit]).fetchone()[0]
            assert pinned == (1 if held else 0), unit
            for rev in held:
                entries = revisions.snapshot(db, unit, YEAR, rev.number)
                assert revisions.entries_hash(entries) == rev.content_hash == expected[(unit, rev.number)]
    finally:
        db.close()


def test_import_killed_at_random_points(office, bienhoa, longkhanh, child_keys, tmp_path):
    packages = [export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), tmp_path / "bh1"),
                export(longkhanh, child_keys["HU-LONGKHANH"].p12_spec(), tmp_path / "lk1")]
    assert run(bienhoa, "reopen", "--period", str(YEAR), "--yes") == 0
    assert run(bienhoa, "finalise", "--period", str(YEAR), "--accept-warnings") == 0
    packages.append(export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), tmp_path / "bh2"))
    files = []
    expected = {}
    for i, raw in enumerate(packages):
        manifest = parse_manifest(read_package(raw).manifest)
        expected[(manifest.unit_code, manifest.revision)] = manifest.content_hash
        files.append(tmp_path / f"{i}.c27")
        files[-1].write_bytes(raw)
    rng = random.Random(2025)
    outcomes = []
    for trial in range(20):
        target = tmp_path / f"office-{trial}.sqlite3"
        copy_db(office, target)
        # an import draws the appendix again (~0.1–0.5 s): kills spread over a few imports
        code = run_and_kill(IMPORT_WORKER, [str(target), *map(str, files)], min_delay=0.0, max_delay=2.5, rng=rng)
        assert code == -9
        check_consistent(target, expected)
        conn = sqlite3.connect(target)
        outcomes.append(conn.execute("SELECT count(*) FROM revisions WHERE unit LIKE 'HU-%'").fetchone()[0])
        conn.close()
    # the kills landed at different stages: before any import, between imports, after all of them
    assert len(set(outcomes)) >= 2, json.dumps(outcomes)
