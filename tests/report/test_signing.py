"""Signing the appendix as a unit does it (.p12 and USB token) and checking it as the office above does.

Every signed file is checked twice: by ``c27desk verify`` and independently by poppler's pdfsig
against the CA in an NSS database. A changed byte and a revision appended after signing must be
caught by both.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.signing_support import PASSPHRASE, append_revision, flip_byte, nss_db, pdfsig


@pytest.fixture
def nss(tmp_path_factory, unit_keys):
    return nss_db(tmp_path_factory.mktemp("nss"), unit_keys.ca_pem)


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def check_signed_file(cli, out, unit_keys, nss, tmp_path):
    """The file verifies in both tools; a flipped byte and an appended revision fail in both."""
    code, text, err = cli("verify", str(out), "--trust", str(unit_keys.ca_pem))
    assert code == 0, text + err
    assert "Người ký: Tỉnh ủy Đồng Nai (DÙNG THỬ)" in text
    assert "Chữ ký bao trùm toàn bộ tệp: có" in text
    assert "Thuộc tổ chức chứng thực tin cậy: có" in text
    assert re.search(r"Thời điểm ký: \d\d/\d\d/20\d\d \d\d:\d\d:\d\d \(GMT\+7\)", text)
    assert pdfsig(out, nss).all_good, pdfsig(out, nss).output

    flipped = tmp_path / "flipped.pdf"
    flipped.write_bytes(flip_byte(out.read_bytes()))
    code, text, _ = cli("verify", str(flipped), "--trust", str(unit_keys.ca_pem))
    assert code == 1
    assert "VẤN ĐỀ: Nội dung đã bị sửa sau khi ký." in text
    assert not pdfsig(flipped, nss).signature_valid

    appended = tmp_path / "appended.pdf"
    appended.write_bytes(append_revision(out.read_bytes()))
    code, text, _ = cli("verify", str(appended), "--trust", str(unit_keys.ca_pem))
    assert code == 1
    assert "Chữ ký bao trùm toàn bộ tệp: không" in text
    result = pdfsig(appended, nss)
    assert result.signature_valid and not result.whole_document, result.output


def test_p12_signature_verifies_and_tampering_is_caught(final_demo, cli, unit_keys, nss, tmp_path, monkeypatch):
    monkeypatch.setenv("C27DESK_PIN", PASSPHRASE)
    out = tmp_path / "phu-luc.pdf"
    code, text, err = cli("appendix", "--period", "2023", "--out", str(out), "--sign-p12", str(unit_keys.p12))
    assert code == 0, err
    assert "Đã ghi" in text
    # a unit's own machine trusts no CA: said as a note, not as a problem with the file just signed
    assert "Ghi chú: máy này chưa có CA tin cậy" in text and "VẤN ĐỀ" not in text
    stamp = " ".join(pdf_text(out).split())
    assert "Ký bởi: Tỉnh ủy Đồng Nai (DÙNG THỬ)" in stamp
    assert "Đơn vị: Tỉnh ủy Đồng Nai" in stamp
    assert "Thời gian ký:" in stamp and "(GMT+7)" in stamp
    fonts = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True, text=True).stdout
    for line in fonts.splitlines()[2:]:
        assert line.split()[-5] == "yes", fonts  # the "emb" column, stamp font included
    check_signed_file(cli, out, unit_keys, nss, tmp_path)


def test_token_signature_verifies_and_tampering_is_caught(final_demo, cli, unit_keys, token, nss, tmp_path,
                                                          monkeypatch):
    monkeypatch.setenv("C27DESK_PIN", token.pin)
    out = tmp_path / "phu-luc-token.pdf"
    code, _, err = cli("appendix", "--period", "2023", "--out", str(out), "--pkcs11-module", str(token.module),
                       "--token", token.label, "--key-label", "dongnai")
    assert code == 0, err
    check_signed_file(cli, out, unit_keys, nss, tmp_path)


def test_token_with_one_key_needs_no_key_label(final_demo, cli, unit_keys, token, nss, tmp_path, monkeypatch):
    monkeypatch.setenv("C27DESK_PIN", token.pin)
    out = tmp_path / "phu-luc.pdf"
    code, _, err = cli("appendix", "--period", "2023", "--out", str(out), "--pkcs11-module", str(token.module),
                       "--token", token.label)
    assert code == 0, err
    assert pdfsig(out, nss).all_good


@pytest.mark.parametrize("how", ["wrong-pin", "wrong-token", "wrong-key", "not-a-module"])
def test_token_mistakes_are_told_and_write_nothing(final_demo, cli, token, tmp_path, monkeypatch, how):
    monkeypatch.setenv("C27DESK_PIN", "000000" if how == "wrong-pin" else token.pin)
    module = tmp_path / "not-a-module.so" if how == "not-a-module" else token.module
    if how == "not-a-module":
        module.write_bytes(b"\x7fELF not really")
    out = tmp_path / "phu-luc.pdf"
    args = ["appendix", "--period", "2023", "--out", str(out), "--pkcs11-module", str(module),
            "--token", "khong-co" if how == "wrong-token" else token.label,
            "--key-label", "khong-co" if how == "wrong-key" else "dongnai"]
    code, text, err = cli(*args)
    assert code != 0
    expected = {"wrong-pin": "Mã PIN của thiết bị ký số không đúng", "wrong-token": "Không thấy thiết bị ký số",
                "wrong-key": "không có khóa “khong-co”", "not-a-module": "không phải thư viện PKCS#11"}[how]
    assert expected in err
    assert "Traceback" not in err
    assert not out.exists()


def test_wrong_passphrase_is_told_and_writes_nothing(final_demo, cli, unit_keys, tmp_path, monkeypatch):
    monkeypatch.setenv("C27DESK_PIN", "sai-mat-khau")
    out = tmp_path / "phu-luc.pdf"
    code, _, err = cli("appendix", "--period", "2023", "--out", str(out), "--sign-p12", str(unit_keys.p12))
    assert code != 0
    assert "Mật khẩu tệp chứng thư số không đúng" in err
    assert not out.exists()


def test_a_draft_is_never_signed(demo_db, cli, unit_keys, tmp_path, monkeypatch):
    monkeypatch.setenv("C27DESK_PIN", PASSPHRASE)
    out = tmp_path / "du-thao.pdf"
    code, _, err = cli("appendix", "--period", "2023", "--out", str(out), "--draft", "--sign-p12", str(unit_keys.p12))
    assert code != 0 and "không ký bản dự thảo" in err
    code, _, err = cli("appendix", "--period", "2023", "--out", str(out), "--sign-p12", str(unit_keys.p12))
    assert code != 0 and "chưa" in err  # not finalised yet
    assert not out.exists()


def test_verify_without_trust_or_on_damaged_files_exits_nonzero(final_demo, cli, unit_keys, tmp_path, monkeypatch):
    monkeypatch.setenv("C27DESK_PIN", PASSPHRASE)
    out = tmp_path / "phu-luc.pdf"
    assert cli("appendix", "--period", "2023", "--out", str(out), "--sign-p12", str(unit_keys.p12))[0] == 0
    code, text, _ = cli("verify", str(out))
    assert code == 1 and "Thuộc tổ chức chứng thực tin cậy: không" in text
    # trusting the CA once in the office's database is enough from then on
    assert cli("trust", "add-ca", str(unit_keys.ca_pem))[0] == 0
    assert cli("verify", str(out))[0] == 0
    code, _, err = cli("verify", str(out), "--trust", str(unit_keys.cert_pem))  # the signer's own certificate
    assert code == 1 and "không phải chứng thư của tổ chức chứng thực" in err
    unsigned = tmp_path / "chua-ky.pdf"
    assert cli("appendix", "--period", "2023", "--out", str(unsigned))[0] == 0
    code, text, err = cli("verify", str(unsigned))
    assert code == 1 and "Tệp không có chữ ký số." in text
    for junk in (b"", b"%PDF-1.7\n" + b"\x00" * 100, out.read_bytes()[: len(out.read_bytes()) // 2]):
        bad = tmp_path / "hong.pdf"
        bad.write_bytes(junk)
        code, text, err = cli("verify", str(bad))
        assert code == 1 and "Traceback" not in err


def test_trial_keys_are_labelled_and_never_overwritten(cli, tmp_path, monkeypatch):
    from c27desk.exchange import certs

    monkeypatch.setenv("C27DESK_PIN", "mot-hai-ba")
    out = tmp_path / "khoa"
    code, text, err = cli("keys", "demo", "--out", str(out), "--unit-code", "HU-BIENHOA", "--unit-name",
                          "Huyện ủy Biên Hòa")
    assert code == 0, err
    assert "DÙNG THỬ" in text and "USB token" in text
    ca = certs.load_pem_file(out / "TRIAL-CA.pem")
    assert certs.is_ca(ca) and "DÙNG THỬ" in certs.subject(ca)
    unit = certs.load_pem_file(out / "TRIAL-HU-BIENHOA.pem")
    assert "Huyện ủy Biên Hòa (DÙNG THỬ)" in certs.subject(unit)
    before = (out / "TRIAL-HU-BIENHOA.p12").read_bytes()
    code, _, err = cli("keys", "demo", "--out", str(out), "--unit-code", "HU-BIENHOA")
    assert code != 0 and "không ghi đè" in err
    assert (out / "TRIAL-HU-BIENHOA.p12").read_bytes() == before
    # a second unit in the same folder gets its key from the same trial CA: one CA for the office to trust
    ca_before = (out / "TRIAL-CA.pem").read_bytes()
    assert cli("keys", "demo", "--out", str(out), "--unit-code", "HU-LONGKHANH")[0] == 0
    assert (out / "TRIAL-CA.pem").read_bytes() == ca_before
    second = certs.load_pem_file(out / "TRIAL-HU-LONGKHANH.pem")
    assert second.issuer == unit.issuer == ca.subject
    monkeypatch.setenv("C27DESK_PIN", "mat-khau-khac")
    code, _, err = cli("keys", "demo", "--out", str(out), "--unit-code", "HU-NHONTRACH")
    assert code != 0 and "mật khẩu khác" in err and not (out / "TRIAL-HU-NHONTRACH.p12").exists()


def test_detached_cms_passes_openssl(unit_keys, token, tmp_path):
    """The manifest signature command of ARCHITECTURE.md, for both kinds of key."""
    from c27desk.exchange import certs
    from c27desk.report.signing import cms_sign_detached
    from c27desk.report.verify import verify_cms_detached

    data = '{"unit": "TU-DONGNAI", "ghi chú": "Đồng Nai"}'.encode()
    (tmp_path / "manifest.json").write_bytes(data)
    roots = [certs.load_pem_file(unit_keys.ca_pem)]
    for spec in (unit_keys.p12_spec(), token.spec("dongnai")):
        p7s = cms_sign_detached(data, spec)
        (tmp_path / "manifest.p7s").write_bytes(p7s)
        run = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                              str(tmp_path / "manifest.p7s"), "-content", str(tmp_path / "manifest.json"),
                              "-CAfile", str(unit_keys.ca_pem), "-purpose", "any", "-out", "/dev/null"],
                             capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        assert verify_cms_detached(data, p7s, roots).ok
        assert not verify_cms_detached(data + b" ", p7s, roots).valid
        assert not verify_cms_detached(data, p7s, []).trusted
        assert verify_cms_detached(data, p7s[:-5], roots).problems


def test_stamp_font_is_rescaled_once_and_survives_a_read_only_cache(tmp_path, monkeypatch):
    from fontTools.ttLib import TTFont

    from c27desk.report import stamp_font

    stamp_font.stamp_font_file.cache_clear()
    monkeypatch.setenv("C27DESK_CACHE_DIR", str(tmp_path / "cache"))
    path = stamp_font.stamp_font_file()
    font = TTFont(path)
    assert font["head"].unitsPerEm == 1000
    assert font["name"].getDebugName(1) == "C27 Stamp Serif"  # not "Liberation": the OFL reserves that name
    stamp_font.stamp_font_file.cache_clear()
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("C27DESK_CACHE_DIR", str(blocked))
    assert TTFont(stamp_font.stamp_font_file())["head"].unitsPerEm == 1000
    stamp_font.stamp_font_file.cache_clear()


def test_an_appendix_without_its_signature_block_is_not_signed(demo_db, cli, unit_keys, tmp_path, monkeypatch):
    monkeypatch.setenv("C27DESK_PIN", PASSPHRASE)
    # details are set before finalising (a finalised report's details cannot change); the date line
    # falls back to the unit's place ("Đồng Nai"), so only the signer's name is missing
    assert cli("period", "set", "2023", "--signer-name", "", "--place", "")[0] == 0
    assert cli("finalise", "--period", "2023", "--accept-warnings")[0] == 0
    out = tmp_path / "phu-luc.pdf"
    code, _, err = cli("appendix", "--period", "2023", "--out", str(out), "--sign-p12", str(unit_keys.p12))
    assert code == 1 and "chưa có họ tên người ký;" in err and "c27desk period set 2023" in err
    assert not out.exists()


def test_another_units_trial_certificate_is_refused(final_demo, cli, child_keys, tmp_path, monkeypatch):
    """The province signing with a district's key (or the reverse) is caught before anything is written."""
    monkeypatch.setenv("C27DESK_PIN", PASSPHRASE)
    out = tmp_path / "phu-luc.pdf"
    code, _, err = cli("appendix", "--period", "2023", "--out", str(out), "--sign-p12",
                       str(child_keys["HU-BIENHOA"].p12))
    assert code == 1 and "Chứng thư số dùng thử này cấp cho đơn vị HU-BIENHOA, không phải TU-DONGNAI" in err
    assert not out.exists()


def test_a_p12_without_a_key_or_not_a_p12_at_all_is_told_apart(unit_keys, tmp_path):
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    from c27desk.report.signing import P12Spec, SigningError, signer_certificate

    cert = x509.load_pem_x509_certificate(unit_keys.cert_pem.read_bytes())
    keyless = tmp_path / "keyless.p12"
    keyless.write_bytes(pkcs12.serialize_key_and_certificates(b"x", None, None, [cert],
                                                              BestAvailableEncryption(PASSPHRASE.encode())))
    pem = tmp_path / "cert.p12"
    pem.write_bytes(unit_keys.cert_pem.read_bytes())
    for path, code in ((keyless, "KEY_NOT_FOUND"), (pem, "P12_INVALID"), (tmp_path / "none.p12", "P12_NOT_FOUND")):
        with pytest.raises(SigningError) as err:
            signer_certificate(P12Spec(path, PASSPHRASE))
        assert err.value.code == code
    assert signer_certificate(unit_keys.p12_spec()).subject.native["organizational_unit_name"] == "TU-DONGNAI"


def test_verify_refuses_sha1_and_active_content_with_their_codes(final_demo, cli, unit_keys, tmp_path, monkeypatch):
    """The appendix's signature meets the same policy as a package's: SHA-1 is weak, JavaScript is refused."""
    import io

    import pikepdf
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    unsigned = tmp_path / "chua-ky.pdf"
    assert cli("appendix", "--period", "2023", "--out", str(unsigned))[0] == 0
    signer = signers.SimpleSigner.load_pkcs12(str(unit_keys.p12), passphrase=PASSPHRASE.encode())
    out = io.BytesIO()
    signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(unsigned.read_bytes())),
                     signers.PdfSignatureMetadata(field_name="Sig", md_algorithm="sha1"), signer=signer, output=out)
    sha1 = tmp_path / "sha1.pdf"
    sha1.write_bytes(out.getvalue())
    code, text, _ = cli("--lang", "en", "verify", str(sha1), "--trust", str(unit_keys.ca_pem))
    assert code == 1 and "PROBLEM: [WEAK_ALGORITHM] a weak signing or hash algorithm" in text and "sha1" in text

    monkeypatch.setenv("C27DESK_PIN", PASSPHRASE)
    signed = tmp_path / "phu-luc.pdf"
    assert cli("appendix", "--period", "2023", "--out", str(signed), "--sign-p12", str(unit_keys.p12))[0] == 0
    with pikepdf.open(signed) as doc:
        doc.Root.Names = pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(Names=pikepdf.Array(
            ["a", pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="app.alert(1)")])))
        doc.save(tmp_path / "js.pdf")
    code, text, _ = cli("--lang", "vi", "verify", str(tmp_path / "js.pdf"), "--trust", str(unit_keys.ca_pem))
    assert code == 1 and "VẤN ĐỀ: [APPENDIX_ACTIVE_CONTENT] Tệp chứa nội dung chủ động (JavaScript)" in text


def test_signing_set_refuses_a_missing_p12_or_library_and_saves_nothing(demo_db, cli, tmp_path):
    for args in (("--p12", str(tmp_path / "nofile.p12")), ("--p12", str(tmp_path)),
                 ("--pkcs11-module", str(tmp_path / "nonexist.so"), "--token", "T")):
        code, _, err = cli("--lang", "en", "signing", "set", *args, db=demo_db)
        assert code == 1 and "does not exist or is not a file" in err and "nothing was saved" in err
    code, out, _ = cli("--lang", "en", "signing", "show", db=demo_db)
    assert "No signing settings" in out


@pytest.mark.parametrize(("found", "said"), [(0, "holds no key with a certificate"), (2, "holds 2 keys with certificates")])
def test_a_token_without_exactly_one_key_says_how_many_it_holds(monkeypatch, found, said):
    """It raised AttributeError (pair() given a count) instead of saying what the token holds."""
    from types import SimpleNamespace

    from pkcs11 import Attribute

    from c27desk.i18n import Lang
    from c27desk.report import signing

    class Session:
        def get_objects(self, query):
            return [{Attribute.ID: bytes([i])} for i in range(found)]

    with pytest.raises(signing.SigningError) as raised:
        signing._find_key_id(Session(), None, SimpleNamespace(token_label="TOKEN"))
    assert raised.value.code == "KEY_NOT_FOUND" and said in raised.value.text.render(Lang.EN)
