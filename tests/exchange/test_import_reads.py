"""A batch checked in worker processes reads each file once: the bytes verified are the bytes committed,
and the commits go on while the workers check the next files."""

from __future__ import annotations

from collections import Counter

import pytest

from c27desk.exchange import importer
from c27desk.store.database import open_database
from tests.exchange.support import export

BOTH = frozenset({"HU-BIENHOA", "HU-LONGKHANH"})


@pytest.fixture
def usb(bienhoa, longkhanh, child_keys, tmp_path):
    usb = tmp_path / "usb"
    export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), usb)
    export(longkhanh, child_keys["HU-LONGKHANH"].p12_spec(), usb)
    (usb / "copy_2023_r1.c27").write_bytes((usb / "HU-BIENHOA_2023_r1.c27").read_bytes())
    return usb


def _import(office, usb, monkeypatch, accept) -> tuple[list[tuple], Counter, list]:
    reads: Counter = Counter()
    real = importer.read_received

    def counted(path):
        reads[path.name] += 1
        return real(path)

    monkeypatch.setattr(importer, "read_received", counted)
    monkeypatch.setattr(importer, "POOL_THRESHOLD", 2)
    steps: list = []
    db = open_database(office, check_integrity=False)
    try:
        out = importer.import_files(db, office, [usb], who="tester", accept_new_signer=accept, workers=2,
                                    progress=lambda done, total: steps.append((done, total)))
    finally:
        db.close()
    return [(o.file_name, o.outcome, o.reason) for o in out], reads, steps


NAMES = ["HU-BIENHOA_2023_r1.c27", "HU-LONGKHANH_2023_r1.c27", "copy_2023_r1.c27"]


def test_committed_as_checked_each_file_read_once(office, usb, monkeypatch):
    outcomes, reads, steps = _import(office, usb, monkeypatch, False)
    assert outcomes == [(name, "refused", "NEW_SIGNER") for name in NAMES]
    assert reads == Counter({name: 1 for name in NAMES})
    assert steps == [(k, 6) for k in range(1, 7)]


def test_accepting_new_signers_every_verdict_first_each_file_still_read_once(office, usb, monkeypatch):
    outcomes, reads, steps = _import(office, usb, monkeypatch, BOTH)
    assert outcomes == [(NAMES[0], "accepted", ""), (NAMES[1], "accepted", ""), (NAMES[2], "already", "")]
    assert reads == Counter({name: 1 for name in NAMES})
    assert steps == [(k, 6) for k in range(1, 7)]


def test_beyond_the_bytes_held_a_file_is_read_again_and_judged_the_same(office, usb, monkeypatch):
    monkeypatch.setattr(importer, "HELD_BYTES", 1)
    outcomes, reads, _ = _import(office, usb, monkeypatch, BOTH)
    assert outcomes == [(NAMES[0], "accepted", ""), (NAMES[1], "accepted", ""), (NAMES[2], "already", "")]
    assert reads == Counter({name: 2 for name in NAMES})
