"""The import's own check of the appendix's signature: it decides only a file it can vouch for, signed by the
package's signer over the whole file; everything else goes to the general check, which says what is wrong."""

from __future__ import annotations

import io

import pytest

from c27desk.exchange import certs
from c27desk.exchange.importer import import_bytes
from c27desk.exchange.package import read_package
from c27desk.report.verify import verify_cms_detached, verify_pdf, verify_signed_by
from c27desk.store.database import open_database
from tests.exchange.support import export, forge, state


@pytest.fixture
def signed(bienhoa, longkhanh, child_keys, tmp_path):
    """Both districts' packages, and each one's package signer as the import has validated it."""
    out = {}
    for code, db in (("HU-BIENHOA", bienhoa), ("HU-LONGKHANH", longkhanh)):
        raw = export(db, child_keys[code].p12_spec(), tmp_path / code)
        parts = read_package(raw)
        roots = [certs.load_pem(child_keys[code].ca_pem.read_text())]
        out[code] = (raw, parts, verify_cms_detached(parts.manifest, parts.signature, roots).signer_cert, roots)
    return out


def _appended(pdf: bytes) -> bytes:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    writer.root["/Lang"] = generic.TextStringObject("en-GB")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_whole_file_signed_by_the_package_signer_is_told_as_the_general_check_tells_it(signed):
    raw, parts, signer, roots = signed["HU-BIENHOA"]
    fast, general = verify_signed_by(parts.appendix, signer, roots), verify_pdf(parts.appendix, roots)
    assert fast is not None and general.ok
    assert fast.signer_cert.dump() == general.signer_cert.dump() == signer.dump()
    assert (fast.signer, fast.signing_time) == (general.signer, general.signing_time)
    assert fast.keywords == certs.pdf_keywords(parts.appendix) and fast.keywords.startswith("c27desk;HU-BIENHOA;")


def test_an_appended_revision_is_left_to_the_general_check(signed):
    _, parts, signer, roots = signed["HU-BIENHOA"]
    appended = _appended(parts.appendix)
    assert verify_signed_by(appended, signer, roots) is None
    assert not verify_pdf(appended, roots).covers_whole_file


def test_a_changed_byte_inside_the_signed_ranges_is_left_to_the_general_check(signed):
    _, parts, signer, roots = signed["HU-BIENHOA"]
    pdf = parts.appendix
    at = pdf.index(b"c27desk;HU-BIENHOA;") + len("c27desk;HU-")
    changed = pdf[:at] + b"X" + pdf[at + 1:]  # the keywords say another unit, same length
    assert verify_signed_by(changed, signer, roots) is None
    assert not verify_pdf(changed, roots).intact


def test_an_appendix_signed_by_anyone_but_the_package_signer_is_left_to_the_general_check(signed):
    _, lk_parts, lk_signer, lk_roots = signed["HU-LONGKHANH"]
    _, _, bh_signer, bh_roots = signed["HU-BIENHOA"]
    assert verify_signed_by(lk_parts.appendix, lk_signer, lk_roots) is not None
    assert verify_signed_by(lk_parts.appendix, bh_signer, bh_roots + lk_roots) is None


def test_an_import_refuses_an_appendix_with_a_revision_appended(signed, office, child_keys):
    raw, parts, _, _ = signed["HU-BIENHOA"]
    forged = forge(raw, appendix=_appended(parts.appendix), sign_with=child_keys["HU-BIENHOA"].p12_spec())
    before = state(office)
    db = open_database(office, check_integrity=False)
    try:
        out = import_bytes(db, office, forged, "bh.c27", who="tester", accept_new_signer=True)
    finally:
        db.close()
    assert (out.outcome, out.reason) == ("refused", "APPENDIX_SIGNATURE")
    assert state(office) == before
