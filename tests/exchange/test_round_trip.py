"""A district exports on its USB stick, the province imports: with a .p12 and with a token."""

from __future__ import annotations

import json
import subprocess
import zipfile

from c27desk.exchange.archive import path_for
from c27desk.exchange.documents import sha256
from tests.exchange.support import YEAR, export, held_values, make_child, run, state
from tests.signing_support import PASSPHRASE


def test_round_trip_with_a_p12(office, bienhoa, child_keys, cli, tmp_path, monkeypatch):
    keys = child_keys["HU-BIENHOA"]
    usb = tmp_path / "usb"
    monkeypatch.setenv("C27DESK_PIN", PASSPHRASE)
    code, text, err = cli("export", "--period", str(YEAR), "--out", str(usb), "--sign-p12", str(keys.p12), db=bienhoa)
    assert code == 0, err
    package = usb / "HU-BIENHOA_2023_r1.c27"
    first = package.read_bytes()
    assert len(first) > 1000 and f"({len(first):,}".replace(",", ".") + " byte, bản 1)" in text  # 124.202 byte
    monkeypatch.delenv("C27DESK_PIN")
    # the same revision again: identical bytes, no passphrase needed (the signed parts are kept)
    code, text, _ = cli("--lang", "en", "export", "--period", str(YEAR), "--out", str(usb), db=bienhoa)
    assert code == 0 and f"({len(first):,} bytes, revision 1" in text
    assert package.read_bytes() == first
    assert sorted(p.name for p in usb.iterdir()) == ["HU-BIENHOA_2023_r1.c27"]  # no temporary file left

    before = state(office)
    code, text, _ = cli("import", str(usb), db=office)
    assert code == 1 and "[NEW_SIGNER]" in text
    assert state(office)["value_entries"] == before["value_entries"]
    assert state(office)["unit_signers"] == []

    code, text, _ = cli("import", str(usb), "--accept-new-signer", "HU-BIENHOA", db=office)
    assert code == 0 and text.startswith("ĐÃ NHẬN: HU-BIENHOA_2023_r1.c27 – HU-BIENHOA 2023 r1")
    assert held_values(office, "HU-BIENHOA") == held_values(bienhoa, "HU-BIENHOA")
    assert [row[0] for row in state(office)["unit_signers"]] == ["HU-BIENHOA"]

    code, text, _ = cli("import", str(package), "--json", db=office)
    assert code == 0 and json.loads(text)[0]["outcome"] == "already"
    # every file received is kept, whatever became of it
    assert path_for(office, sha256(first)).read_bytes() == first
    code, text, _ = cli("consolidate", "--period", str(YEAR), db=office)
    assert "HU-BIENHOA       r1" in text and "HU-NHONTRACH     CHƯA NỘP" in text


def test_round_trip_with_a_token_and_openssl_checks_the_manifest(office, bienhoa, tokens, child_keys, cli, tmp_path,
                                                                 monkeypatch):
    token = tokens[1]
    monkeypatch.setenv("C27DESK_PIN", token.pin)
    usb = tmp_path / "usb"
    code, _, err = cli("export", "--period", str(YEAR), "--out", str(usb), "--pkcs11-module", str(token.module),
                       "--token", token.label, db=bienhoa)
    assert code == 0, err
    package = usb / "HU-BIENHOA_2023_r1.c27"
    with zipfile.ZipFile(package) as zf:
        assert zf.namelist() == ["manifest.json", "manifest.p7s", "data.json", "appendix.pdf"]
        zf.extractall(tmp_path / "x")
    run_ = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                           str(tmp_path / "x" / "manifest.p7s"), "-content", str(tmp_path / "x" / "manifest.json"),
                           "-CAfile", str(child_keys["HU-BIENHOA"].ca_pem), "-purpose", "any", "-out", "/dev/null"],
                          capture_output=True, text=True)
    assert run_.returncode == 0, run_.stderr
    code, text, _ = cli("import", str(package), "--accept-new-signer", "HU-BIENHOA", db=office)
    assert code == 0, text
    assert held_values(office, "HU-BIENHOA") == held_values(bienhoa, "HU-BIENHOA")


def test_newer_revision_shows_its_changes_older_and_conflicting_ones_are_refused(office, child_keys, tmp_path, cli):
    from c27desk.exchange.importer import import_bytes

    spec = child_keys["HU-BIENHOA"].p12_spec()
    unit = make_child(tmp_path / "u.sqlite3", "HU-BIENHOA", "Huyện ủy Biên Hòa")
    r1 = export(unit, spec, tmp_path / "r1")
    assert run(unit, "reopen", "--period", str(YEAR), "--yes") == 0
    assert run(unit, "values", "load", str(_csv(tmp_path, "II.5,250,\nI.1,A,Đã ban hành Kiến trúc\n")),
               "--period", str(YEAR)) == 0
    assert run(unit, "finalise", "--period", str(YEAR), "--accept-warnings") == 0
    r2 = export(unit, spec, tmp_path / "r2")
    (tmp_path / "r1" / "HU-BIENHOA_2023_r1.c27").rename(tmp_path / "r1.c27")
    (tmp_path / "r2" / "HU-BIENHOA_2023_r2.c27").rename(tmp_path / "r2.c27")
    assert cli("import", str(tmp_path / "r1.c27"), "--accept-new-signer", "HU-BIENHOA", db=office)[0] == 0

    code, text, _ = cli("import", str(tmp_path / "r2.c27"), "--dry-run", "--json", db=office)
    report = json.loads(text)[0]
    assert code == 0 and report["outcome"] == "checked"
    changes = {c["criterion"]: (c["old"]["value"], c["new"]["value"]) for c in report["changes"]}
    assert changes == {"I.1": ("D", "A"), "II.5": ("245", "250")}
    assert held_values(office, "HU-BIENHOA")["revision"] == 1  # a dry run writes nothing

    code, text, _ = cli("import", str(tmp_path / "r2.c27"), db=office)
    assert code == 0 and "II.5: 245 «Số máy tính loại này là:» → 250" in text
    assert held_values(office, "HU-BIENHOA") == held_values(unit, "HU-BIENHOA")

    before = state(office)
    code, text, _ = cli("import", str(tmp_path / "r1.c27"), db=office)
    # an old file left on the stick is reported as old, not as a failure that fails the whole import
    assert code == 0 and text.startswith("BẢN CŨ (đã có bản mới hơn)") and "[STALE_REVISION]" in text
    # the same unit's r2 with other content (say, from a copy of its database) is a conflict
    other = make_child(tmp_path / "copy.sqlite3", "HU-BIENHOA", "Huyện ủy Biên Hòa", reopen_with="II.5,999,\n")
    conflicting = export(other, spec, tmp_path / "copy")
    db = _open(office)
    try:
        out = import_bytes(db, office, conflicting, "copy.c27", who="tester")
    finally:
        db.close()
    assert (out.outcome, out.reason) == ("refused", "REVISION_CONFLICT")
    assert state(office) == before
    assert r1 != r2


def test_a_renewed_certificate_is_refused_until_the_operator_accepts_it(office, bienhoa, child_keys, tmp_path, cli):
    from tests.signing_support import make_unit_keys

    assert cli("import", str(_package(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), tmp_path / "a")),
               "--accept-new-signer", "HU-BIENHOA", db=office)[0] == 0
    renewed = make_unit_keys(tmp_path / "renewed", "HU-BIENHOA", "Huyện ủy Biên Hòa")
    assert cli("trust", "add-ca", str(renewed.ca_pem), db=office)[0] == 0
    assert run(bienhoa, "reopen", "--period", str(YEAR), "--yes") == 0
    assert run(bienhoa, "finalise", "--period", str(YEAR), "--accept-warnings") == 0
    r2 = _package(bienhoa, renewed.p12_spec(), tmp_path / "b", confirm_signer=True)  # the unit saw the new one
    before = state(office)
    code, text, _ = cli("import", str(r2), db=office)
    assert code == 1 and "[SIGNER_CHANGED]" in text
    assert state(office) == before
    code, text, _ = cli("import", str(r2), "--accept-new-signer", "HU-BIENHOA", db=office)
    assert code == 0, text
    assert "OU=HU-BIENHOA" in state(office)["unit_signers"][0][2]
    assert held_values(office, "HU-BIENHOA")["revision"] == 2


def _package(db, spec, folder, *, confirm_signer: bool = False):
    export(db, spec, folder, confirm_signer=confirm_signer)
    return next(folder.glob("*.c27"))


def _csv(folder, rows):
    path = folder / f"changes-{abs(hash(rows))}.csv"
    path.write_text("criterion,value,explanation\n" + rows, encoding="utf-8")
    return path


def _open(path):
    from c27desk.store.database import open_database

    return open_database(path, check_integrity=False)


def test_values_breaking_the_forms_rules_are_refused_even_when_properly_signed(office, child_keys, tmp_path, cli,
                                                                                monkeypatch):
    """A modified program that skips the checks before finalising cannot slip such values upward."""
    import c27desk.workflow as workflow
    from c27desk.model.validation import CheckReport

    unit = tmp_path / "u.sqlite3"
    assert run(unit, "init", "--unit-code", "HU-BIENHOA", "--unit-name", "Huyện ủy Biên Hòa", "--level", "huyen",
               "--parent", "TU-DONGNAI") == 0
    from tests.exchange.support import district_csv

    assert run(unit, "values", "load", str(district_csv(unit)), "--period", str(YEAR)) == 0
    assert run(unit, "period", "set", str(YEAR), "--report-number", "7", "--report-date", "2024-02-15",
               "--place", "Biên Hòa", "--signer-title", "BÍ THƯ",
               "--signer-name", "Nguyễn Văn An") == 0
    # IV.10 greater than the computers in use (II.1): an error at entry
    assert run(unit, "values", "load", str(_csv(tmp_path, "IV.10,5000,\n")), "--period", str(YEAR)) == 0
    with monkeypatch.context() as patched:
        patched.setattr(workflow, "check", lambda *_a, **_k: CheckReport())
        assert run(unit, "finalise", "--period", str(YEAR)) == 0
    package = _package(unit, child_keys["HU-BIENHOA"].p12_spec(), tmp_path / "usb")
    before = state(office)
    code, text, _ = cli("import", str(package), "--accept-new-signer", "HU-BIENHOA", db=office)
    assert code == 1 and "[INVALID_VALUES]" in text and "IV.10" in text
    assert state(office) == before


def test_units_add_checks_everything_before_writing(office, child_keys, tmp_path, cli):
    junk = tmp_path / "hello.txt"
    junk.write_text("not a certificate")
    code, _, err = cli("units", "add", "--code", "HU-TANPHU", "--name", "Huyện ủy Tân Phú", "--level", "huyen",
                       "--cert", str(junk), db=office)
    assert code == 1 and "chứng thư số" in err
    assert "HU-TANPHU" not in cli("units", "list", db=office)[1]  # a failed add adds nothing
    code, _, err = cli("units", "add", "--code", "HU-BIENHOA", "--name", "Tên khác", "--level", "huyen", db=office)
    assert code == 1 and "không ghi đè" in err
    code, _, err = cli("units", "add", "--code", "HU-TANPHU", "--name", "Huyện ủy Tân Phú", "--level", "huyen",
                       "--cert", str(child_keys["HU-BIENHOA"].cert_pem), db=office)
    assert code == 1 and "HU-BIENHOA" in err  # a trial certificate made for another unit
    assert "HU-TANPHU" not in cli("units", "list", db=office)[1]
    assert cli("units", "pin", "--code", "HU-BIENHOA", "--cert", str(child_keys["HU-BIENHOA"].cert_pem),
               db=office)[0] == 0
    code, _, err = cli("--lang", "en", "units", "add", "--code", "HU-VINHCUU", "--name", "Huyện ủy Vĩnh Cửu",
                       "--level", "huyen", "--cert", str(child_keys["HU-BIENHOA"].cert_pem), db=office)
    assert code == 1 and "HU-BIENHOA" in err
    assert "HU-VINHCUU" not in cli("units", "list", db=office)[1]


def test_export_with_an_empty_signature_block_is_refused_before_the_passphrase(bienhoa, child_keys, cli, tmp_path):
    assert run(bienhoa, "reopen", "--period", str(YEAR), "--yes") == 0  # finalised details change only after a reopen
    assert run(bienhoa, "period", "set", str(YEAR), "--signer-name", "") == 0
    assert run(bienhoa, "finalise", "--period", str(YEAR), "--accept-warnings") == 0
    # no C27DESK_PIN and no terminal: had the passphrase been asked first, this would fail on that instead
    code, _, err = cli("export", "--period", str(YEAR), "--out", str(tmp_path / "usb"), "--sign-p12",
                       str(child_keys["HU-BIENHOA"].p12), db=bienhoa)
    assert code == 1 and "chưa có họ tên người ký" in err
    assert not (tmp_path / "usb").exists()


def test_one_key_for_two_units_in_a_batch_is_never_pinned(office, bienhoa, longkhanh, child_keys, tmp_path, cli):
    """Long Khánh's key signing a package for Biên Hòa on the same stick as Long Khánh's own package, both units
    new, the operator accepting both: neither is taken (which one is genuine cannot be told), nothing pinned."""
    from tests.exchange.support import forge

    usb = tmp_path / "usb"
    genuine = export(longkhanh, child_keys["HU-LONGKHANH"].p12_spec(), usb)
    bh = export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), tmp_path / "bh")
    (usb / "HU-BIENHOA_2023_r1.c27").write_bytes(forge(bh, sign_with=child_keys["HU-LONGKHANH"].p12_spec()))
    code, text, _ = cli("--lang", "en", "import", str(usb), "--accept-new-signer", "HU-BIENHOA,HU-LONGKHANH",
                        db=office)
    assert code == 1 and text.count("[SIGNER_OF_OTHER_UNIT]") == 2 and "in this same batch" in text
    assert state(office)["unit_signers"] == []
    code, text, _ = cli("import", str(usb / "HU-BIENHOA_2023_r1.c27"), "--accept-new-signer", "HU-BIENHOA", db=office)
    assert code == 1 and "[SIGNER_OF_OTHER_UNIT]" in text  # alone too: the trial certificate names Long Khánh
    (usb / "HU-BIENHOA_2023_r1.c27").unlink()
    code, text, _ = cli("--lang", "en", "import", str(usb), db=office)
    assert code == 1 and "[NEW_SIGNER]" in text and "SHA-256" in text and "serial" in text and "valid" in text
    assert "New certificate: " in text  # the certificate the operator is asked about, in full
    code, text, _ = cli("import", str(usb), "--accept-new-signer", "HU-BIENHOA", db=office)
    assert code == 1 and "[NEW_SIGNER]" in text  # accepting one unit's signer accepts no other's
    code, text, _ = cli("import", str(usb), "--accept-new-signer", "HU-LONGKHANH", db=office)
    assert code == 0 and [row[0] for row in state(office)["unit_signers"]] == ["HU-LONGKHANH"]
    assert genuine


def test_a_control_character_in_an_explanation_is_told_at_export_not_at_the_office(child_keys, tmp_path):
    import pytest

    from c27desk.errors import C27Error
    from c27desk.store.database import open_database

    unit = make_child(tmp_path / "bh.sqlite3", "HU-BIENHOA", "Huyện ủy Biên Hòa")
    # entry refuses control characters today; a database from before that rule can still hold one
    db = open_database(unit)
    snapshot = json.loads(db.execute("SELECT snapshot FROM revisions WHERE unit = 'HU-BIENHOA'").fetchone()[0])
    snapshot["I.1"][1] = "xong\x1b[2K"
    with db.atomic():
        db.execute("UPDATE revisions SET snapshot = ? WHERE unit = 'HU-BIENHOA'", [json.dumps(snapshot)])
    db.close()
    with pytest.raises(C27Error) as refused:
        export(unit, child_keys["HU-BIENHOA"].p12_spec(), tmp_path / "usb")
    assert refused.value.code == "UNSENDABLE" and "U+001B" in refused.value.en and "I.1" in refused.value.en
    assert not (tmp_path / "usb").exists() or not any((tmp_path / "usb").iterdir())
