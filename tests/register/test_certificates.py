"""Pinned certificates the office manages, renewals on a revision already held, and the unit's own checks."""

from __future__ import annotations

import datetime as dt

from c27desk.store.database import open_database
from tests.exchange.support import YEAR, export, run, state
from tests.signing_support import make_unit_keys


def _one(folder):
    return next(folder.glob("*.c27"))


def test_signers_are_listed_with_what_an_operator_compares(office, child_keys, cli):
    keys = child_keys["HU-BIENHOA"]
    assert cli("units", "pin", "--code", "HU-BIENHOA", "--cert", str(keys.cert_pem))[0] == 0
    code, out, _ = cli("--lang", "en", "units", "signers")
    assert code == 0 and out.startswith("HU-BIENHOA       CN=Huyện ủy Biên Hòa (DÙNG THỬ)")
    from c27desk.exchange import certs

    info = certs.details(certs.load_pem_file(keys.cert_pem))
    assert f"serial {info.serial}" in out and f"SHA-256 {info.fingerprint}" in out and info.validity() in out


def test_revoke_and_pin_are_deliberate_and_audited(office, child_keys, cli):
    keys = child_keys["HU-BIENHOA"]
    assert cli("units", "pin", "--code", "HU-BIENHOA", "--cert", str(keys.cert_pem))[0] == 0
    code, _, err = cli("units", "pin", "--code", "HU-LONGKHANH", "--cert", str(keys.cert_pem))
    assert code == 1 and "HU-BIENHOA" in err  # one unit's certificate is never pinned for another
    code, out, _ = cli("units", "unpin", "--code", "HU-BIENHOA")
    assert code == 0 and "Đã thu hồi" in out and state(office)["unit_signers"] == []
    actions = [row[3] for row in state(office)["audit_log"]]
    assert actions.count("pin-signer") == 1 and actions.count("unpin-signer") == 1
    code, _, err = cli("--lang", "en", "units", "unpin", "--code", "HU-BIENHOA")
    assert code == 1 and "no pinned certificate" in err


def test_a_renewal_is_accepted_on_a_revision_already_held(office, bienhoa, child_keys, tmp_path, cli):
    assert cli("import", str(_one_export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), tmp_path / "a")),
               "--accept-new-signer", "HU-BIENHOA", db=office)[0] == 0
    renewed = make_unit_keys(tmp_path / "renewed", "HU-BIENHOA", "Huyện ủy Biên Hòa")
    assert cli("trust", "add-ca", str(renewed.ca_pem), db=office)[0] == 0
    from c27desk.exchange.export import export_package

    db = open_database(bienhoa)
    try:  # the same revision signed again with the new certificate
        export_package(db, YEAR, tmp_path / "b", spec=renewed.p12_spec(), resign=True, who="t", confirm_signer=True)
    finally:
        db.close()
    code, out, _ = cli("import", str(tmp_path / "b"), "--accept-new-signer", "HU-BIENHOA", db=office)
    assert code == 0 and out.startswith("ĐÃ CÓ") and "Đã ghi nhận chứng thư số mới" in out
    from c27desk.exchange import certs

    assert state(office)["unit_signers"][0][1] == certs.fingerprint(certs.load_pem_file(renewed.cert_pem))


def _one_export(db, spec, folder):
    export(db, spec, folder)
    return _one(folder)


def test_the_unit_is_warned_when_its_certificate_changes_and_nothing_is_written(bienhoa, child_keys, tmp_path, cli,
                                                                               monkeypatch):
    from tests.signing_support import PASSPHRASE

    monkeypatch.setenv("C27DESK_PIN", PASSPHRASE)
    assert cli("export", "--period", str(YEAR), "--out", str(tmp_path / "a"), "--sign-p12",
               str(child_keys["HU-BIENHOA"].p12), db=bienhoa)[0] == 0
    assert run(bienhoa, "reopen", "--period", str(YEAR), "--yes") == 0
    assert run(bienhoa, "finalise", "--period", str(YEAR), "--accept-warnings") == 0
    other = make_unit_keys(tmp_path / "new", "HU-BIENHOA", "Huyện ủy Biên Hòa")
    args = ("export", "--period", str(YEAR), "--out", str(tmp_path / "b"), "--sign-p12", str(other.p12))
    code, _, err = cli("--lang", "en", *args, db=bienhoa)
    assert code == 1 and "differs from earlier exports" in err and "--accept-signer" in err
    assert not (tmp_path / "b").exists() or not list((tmp_path / "b").iterdir())
    assert cli(*args, "--accept-signer", db=bienhoa)[0] == 0


def test_a_certificate_naming_another_unit_is_flagged(office):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    from c27desk.exchange.signers import own_signer_warnings

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Nguyễn Văn B"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Huyện ủy Long Khánh")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(7).not_valid_before(now).not_valid_after(now + dt.timedelta(days=9)).sign(key, hashes.SHA256()))
    db = open_database(office)
    try:
        warnings = own_signer_warnings(db, "TU-DONGNAI", cert)
        assert len(warnings) == 1 and "HU-LONGKHANH (Huyện ủy Long Khánh)" in warnings[0].render("en")
        assert own_signer_warnings(db, "HU-LONGKHANH", cert) == []
    finally:
        db.close()


def test_a_trial_certificate_made_for_another_unit_is_not_pinned(office, child_keys, cli):
    code, _, err = cli("--lang", "en", "units", "pin", "--code", "HU-LONGKHANH", "--cert",
                       str(child_keys["HU-BIENHOA"].cert_pem), db=office)
    assert code == 1 and "issued for unit HU-BIENHOA, not HU-LONGKHANH" in err
    assert "HU-LONGKHANH" not in cli("units", "signers", db=office)[1]
