"""Big imports: verdicts from worker processes judged again at commit, and stopping between files."""

from __future__ import annotations

import signal
from pathlib import Path

from c27desk.exchange import importer
from c27desk.store import exchange
from c27desk.store.database import connect, open_database
from tests.exchange.support import YEAR, export, run, state


def _verdict(office: Path, raw: bytes, accept) -> importer.Verdict:
    """What a worker process would say of these bytes now (the same function, run here)."""
    handler = signal.getsignal(signal.SIGINT)  # a worker leaves Ctrl+C to the main process: not this one
    importer._worker_start(str(office), "en")
    try:
        return importer._worker_verify(raw, "bh.c27", accept)
    finally:
        importer._WORKER.pop("db").close()
        signal.signal(signal.SIGINT, handler)


def _commit(office: Path, raw: bytes, verdict, accept) -> importer.ImportOutcome:
    db = open_database(office, check_integrity=False)
    try:
        batch = importer.Batch(importer.trust_anchors(db))
        return importer.import_bytes(db, office, raw, "bh.c27", who="tester", accept_new_signer=accept,
                                     batch=batch, verdict=verdict)
    finally:
        db.close()


def test_a_pin_changed_between_the_workers_check_and_the_commit_is_seen(office, bienhoa, child_keys, tmp_path):
    raw = export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), tmp_path / "usb")
    accept = frozenset({"HU-BIENHOA"})
    verdict = _verdict(office, raw, accept)
    assert verdict.plan is not None and verdict.plan.pin == "first" and verdict.plan.compared
    db = open_database(office, check_integrity=False)  # meanwhile the same certificate is pinned to another unit
    with db.atomic():
        exchange.pin_signer(db, "HU-LONGKHANH", verdict.plan.signer_fingerprint, verdict.plan.signer_subject,
                            verdict.plan.signer_pem, who="tester")
    db.close()
    before = state(office)
    out = _commit(office, raw, verdict, accept)
    assert (out.outcome, out.reason) == ("refused", "SIGNER_OF_OTHER_UNIT")
    assert state(office) == before


def test_a_period_closed_or_a_revision_stored_since_the_workers_check_is_seen(office, bienhoa, child_keys, tmp_path):
    raw = export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), tmp_path / "usb")
    accept = frozenset({"HU-BIENHOA"})
    verdict = _verdict(office, raw, accept)
    assert run(office, "period", "close", str(YEAR)) == 0
    before = state(office)
    assert _commit(office, raw, verdict, accept).reason == "PERIOD_CLOSED"
    assert state(office) == before
    assert run(office, "period", "open", str(YEAR)) == 0
    assert _commit(office, raw, verdict, accept).outcome == "accepted"
    # the same verdict once more: the revision is held now, so it is not stored twice
    assert _commit(office, raw, verdict, accept).outcome == "already"


def test_a_verdict_for_other_bytes_is_not_used(office, bienhoa, child_keys, tmp_path):
    raw = export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), tmp_path / "usb")
    verdict = _verdict(office, raw, frozenset({"HU-BIENHOA"}))
    tampered = bytearray(raw)
    tampered[len(raw) // 2] ^= 1
    out = _commit(office, bytes(tampered), verdict, frozenset({"HU-BIENHOA"}))
    assert out.outcome == "refused"


def test_a_batch_through_worker_processes_decides_as_one_process_does(office, bienhoa, longkhanh, child_keys,
                                                                      tmp_path, monkeypatch):
    from tests.exchange.support import copy_db

    usb = tmp_path / "usb"
    export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), usb)
    export(longkhanh, child_keys["HU-LONGKHANH"].p12_spec(), usb)
    good = (usb / "HU-LONGKHANH_2023_r1.c27").read_bytes()
    (usb / "HU-LONGKHANH_2023_r1.c27").write_bytes(good[:-200] + bytes(200))  # damaged on the stick
    (usb / "copy_2023_r1.c27").write_bytes((usb / "HU-BIENHOA_2023_r1.c27").read_bytes())  # twice in one batch
    serial = copy_db(office, tmp_path / "serial.sqlite3")
    accept = frozenset({"HU-BIENHOA"})

    def outcomes(db_path: Path, workers: int) -> list[tuple]:
        db = open_database(db_path, check_integrity=False)
        try:
            out = importer.import_files(db, db_path, [usb], who="tester", accept_new_signer=accept, workers=workers)
        finally:
            db.close()
        return [(o.file_name, o.outcome, o.reason) for o in out]

    monkeypatch.setattr(importer, "POOL_THRESHOLD", 2)
    assert outcomes(office, 2) == outcomes(serial, 1) == [
        ("HU-BIENHOA_2023_r1.c27", "accepted", ""), ("HU-LONGKHANH_2023_r1.c27", "refused", "MALFORMED"),
        ("copy_2023_r1.c27", "already", "")]
    held = [[(r[:4], r[8:10]) for r in state(db)["revisions"]] for db in (office, serial)]  # not when
    assert held[0] == held[1] and [r[0][0] for r in held[0]] == ["HU-BIENHOA", "TU-DONGNAI"]


def test_stopping_between_files_leaves_what_was_imported_whole_and_the_rest_untouched(office, bienhoa, longkhanh,
                                                                                     child_keys, tmp_path):
    usb = tmp_path / "usb"
    export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), usb)
    export(longkhanh, child_keys["HU-LONGKHANH"].p12_spec(), usb)
    asked: list[int] = []

    def cancelled() -> bool:  # the operator presses Stop while the first file is being imported
        asked.append(1)
        return len(asked) > 1

    db = open_database(office, check_integrity=False)
    try:
        out = importer.import_files(db, office, [usb], who="tester", accept_new_signer=True, cancelled=cancelled)
    finally:
        db.close()
    assert [(o.file_name, o.outcome) for o in out] == [("HU-BIENHOA_2023_r1.c27", "accepted")]
    after = state(office)
    assert [r[:3] for r in after["received_revisions"]] == [("HU-BIENHOA", YEAR, 1)]
    assert [r[0] for r in after["unit_signers"]] == ["HU-BIENHOA"]
    db = connect(office, readonly=True)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [r[0] for r in db.execute("SELECT file_name FROM import_log")] == ["HU-BIENHOA_2023_r1.c27"]
    finally:
        db.close()


def test_ctrl_c_on_the_command_line_stops_between_files(office, bienhoa, longkhanh, child_keys, tmp_path, cli,
                                                        monkeypatch):
    usb = tmp_path / "usb"
    export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), usb)
    export(longkhanh, child_keys["HU-LONGKHANH"].p12_spec(), usb)
    real = importer.import_bytes

    def pressed_during_the_first(*args, **kwargs):
        out = real(*args, **kwargs)
        signal.raise_signal(signal.SIGINT)  # Ctrl+C while a file is in hand: it is finished, nothing after it
        return out

    monkeypatch.setattr(importer, "import_bytes", pressed_during_the_first)
    handler = signal.getsignal(signal.SIGINT)
    code, text, err = cli("--lang", "en", "import", str(usb), "--accept-new-signer", "HU-BIENHOA,HU-LONGKHANH",
                          db=office)
    assert code == 130 and "Stopped (Ctrl+C) after 1/2 files" in err
    assert "HU-BIENHOA_2023_r1.c27" in text and "HU-LONGKHANH" not in text
    assert [r[0] for r in state(office)["received_revisions"]] == ["HU-BIENHOA"]
    assert signal.getsignal(signal.SIGINT) is handler  # Ctrl+C does again what it did before


def test_one_key_for_two_units_is_refused_for_both_through_worker_processes(office, bienhoa, longkhanh, child_keys,
                                                                           tmp_path, cli, monkeypatch):
    """The workers do not know the batch's claims; the commit does: as checked in one process, neither is taken."""
    from tests.exchange.support import forge

    usb = tmp_path / "usb"
    export(longkhanh, child_keys["HU-LONGKHANH"].p12_spec(), usb)
    bh = export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), tmp_path / "bh")
    (usb / "HU-BIENHOA_2023_r1.c27").write_bytes(forge(bh, sign_with=child_keys["HU-LONGKHANH"].p12_spec()))
    monkeypatch.setattr(importer, "POOL_THRESHOLD", 2)
    code, text, _ = cli("--lang", "en", "import", str(usb), "--accept-new-signer", "HU-BIENHOA,HU-LONGKHANH",
                        db=office)
    assert code == 1 and text.count("[SIGNER_OF_OTHER_UNIT]") == 2 and "in this same batch" in text
    assert state(office)["unit_signers"] == []


def test_a_workers_refusal_comes_back_as_the_same_error_whole(office, bienhoa, child_keys, tmp_path):
    import pickle

    raw = export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), tmp_path / "usb")
    verdict = _verdict(office, raw, frozenset())  # the unit's first package, its signer not confirmed
    refused = verdict.refused()
    assert isinstance(refused, importer.ImportRefusedError) and refused.code == "NEW_SIGNER"
    assert "--accept-new-signer HU-BIENHOA" in refused.message("en") and refused.signer is not None
    again = pickle.loads(pickle.dumps(refused))  # an error crosses a process boundary whole, words and all
    assert (again.code, again.text, again.detail, again.message("vi")) == \
           (refused.code, refused.text, refused.detail, refused.message("vi"))


def test_checking_a_batch_says_of_a_copy_what_importing_it_does(office, bienhoa, child_keys, tmp_path):
    """Checked first, a file copied under another name was "ready to import" twice; importing took it once."""
    from c27desk.i18n import Lang

    usb = tmp_path / "usb"
    export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), usb)
    (usb / "copy_2023_r1.c27").write_bytes((usb / "HU-BIENHOA_2023_r1.c27").read_bytes())
    accept, before = frozenset({"HU-BIENHOA"}), state(office)

    def run_batch(dry_run: bool) -> list[importer.ImportOutcome]:
        db = open_database(office, check_integrity=False)
        try:
            return importer.import_files(db, office, [usb], who="tester", accept_new_signer=accept, dry_run=dry_run)
        finally:
            db.close()

    checked = run_batch(True)
    assert [(o.file_name, o.outcome) for o in checked] == [("HU-BIENHOA_2023_r1.c27", "checked"),
                                                          ("copy_2023_r1.c27", "already")]
    assert checked[1].said.render(Lang.EN) == "The same as the file HU-BIENHOA_2023_r1.c27 above: it is imported once."
    assert checked[1].said.render(Lang.VI) == "Giống hệt tệp HU-BIENHOA_2023_r1.c27 ở trên: chỉ nhận một lần."
    assert state(office) == before  # a check writes nothing
    assert [(o.file_name, o.outcome) for o in run_batch(False)] == [("HU-BIENHOA_2023_r1.c27", "accepted"),
                                                                    ("copy_2023_r1.c27", "already")]
