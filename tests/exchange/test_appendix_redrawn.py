"""The appendix drawn again at import is compared by what its pages decode to: a page stored another way
but showing the same is the same page; a page whose stream cannot be decoded cannot be shown to match."""

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
        doc.save(out)
    pdf = sign_appendix(content, replace(rendered, pdf=out.getvalue()), w.bienhoa.p12_spec()).pdf
    return forge(w.good, appendix=pdf, sign_with=w.bienhoa.p12_spec())


def test_a_signed_page_stream_with_a_filter_that_cannot_be_decoded_is_refused(world, office_copy):  # noqa: F811
    raw = _signed_with_first_page(world, lambda s: s.write(s.read_raw_bytes(), filter=pikepdf.Name("/NoSuchDecode")))
    before = state(office_copy)
    outcome = attempt(office_copy, raw)
    assert (outcome.outcome, outcome.reason) == ("refused", "APPENDIX_MISMATCH"), outcome.message
    assert state(office_copy) == before


def test_a_signed_page_stored_uncompressed_shows_the_same_and_is_taken(world, office_copy):  # noqa: F811
    raw = _signed_with_first_page(world, lambda s: s.write(s.read_bytes()))
    assert attempt(office_copy, raw).outcome == "accepted"
