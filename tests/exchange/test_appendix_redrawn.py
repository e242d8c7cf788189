"""The appendix drawn again at import is compared by what its pages decode to, and the signed pages must be
stored as the program stores them (Flate): a page stored another way, even showing the same, was not drawn by
c27desk; a page whose stream cannot be decoded cannot be shown to match."""

from __future__ import annotations

import io
from dataclasses import replace

import pikepdf

from c27desk.report.appendix_pdf import render_appendix
from c27desk.report.sign_appendix import sign_appendix
from tests.exchange.support import forge, state
from tests.exchange.test_hostile_files import _r2_content, attempt, office_copy, world  # noqa: F401 - fixtures


def _signed_with_first_page(w, change) -> bytes:
    """Biên Hòa's true appendix, its first page's content stream changed by ``change``, signed by the unit."""
    content = _r2_content(w)
    rendered = render_appendix(content)
    with pikepdf.open(io.BytesIO(rendered.pdf)) as doc:
        change(doc.pages[0].Contents)
        out = io.BytesIO()
        doc.save(out, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)  # as written
    pdf = sign_appendix(content, replace(rendered, pdf=out.getvalue()), w.bienhoa.p12_spec()).pdf
    return forge(w.good, appendix=pdf, sign_with=w.bienhoa.p12_spec())


def test_a_signed_page_stream_with_a_filter_that_cannot_be_decoded_is_refused(world, office_copy):  # noqa: F811
    raw = _signed_with_first_page(world, lambda s: s.write(s.read_raw_bytes(), filter=pikepdf.Name("/NoSuchDecode")))
    before = state(office_copy)
    outcome = attempt(office_copy, raw)
    assert (outcome.outcome, outcome.reason) == ("refused", "APPENDIX_MISMATCH"), outcome.message
    assert state(office_copy) == before


def test_a_signed_page_stored_another_way_is_refused_as_before(world, office_copy):  # noqa: F811
    for change in (lambda s: s.write(s.read_bytes()),  # uncompressed
                   lambda s: s.write(s.read_bytes().hex().encode() + b">", filter=pikepdf.Name("/ASCIIHexDecode"))):
        raw = _signed_with_first_page(world, change)
        before = state(office_copy)
        outcome = attempt(office_copy, raw)
        assert (outcome.outcome, outcome.reason) == ("refused", "APPENDIX_MISMATCH"), outcome.message
        assert state(office_copy) == before


def test_the_true_appendix_signed_again_is_taken(world, office_copy):  # noqa: F811
    raw = _signed_with_first_page(world, lambda s: None)  # opened and saved by qpdf: the streams stay Flate
    assert attempt(office_copy, raw).outcome == "accepted"
