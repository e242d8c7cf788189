"""The office draws each received appendix again only to compare its pages; that drawing may skip what
does not change a page (stream compression, the PDF/A parts), but the bytes a unit signs stay the same."""

from __future__ import annotations

import hashlib
import io
import zlib

import pikepdf
import pytest

from c27desk.report.appendix_check import _pages, appendix_difference
from c27desk.report.appendix_pdf import render_appendix, render_for_comparison
from tests.report.appendix_samples import sample_contents

# sha256 of render_appendix's bytes for each sample, as drawn before the comparison drawing existed: the
# bytes a unit signs must not change (a reportlab or font upgrade that changes them must be a decision)
SIGNED_BYTES = {
    "demo": "4de617fad81b7d1fcb3137c5769707e66eb33a8b3691e45436ac8713e8470bb1",  # 8 pages
    "draft": "e91abaa6e0c1fed3d43ab9449d2279e2f733087d69aa678e7917b1107e604d75",  # 8 pages
    "empty": "b0fd4ba5b4388f5ea0bd91b721d7104c6a463934928ea0ec2fbc4c4fa6aaf17b",  # 8 pages
    "long": "75bff162fc37fea216c00aa518ff6f75d4a5ef8669589e741ccb1098e4ac537e",  # 11 pages
    "trung-uong": "08f5b7ef106e9bf75fa9d255f25c73081411768b8133f790c39e58c30f52d88f",  # 8 pages
    "tinh": "4de617fad81b7d1fcb3137c5769707e66eb33a8b3691e45436ac8713e8470bb1",  # 8 pages
    "truc-thuoc": "b0bb8dcf814f42e79377d9b0c70b89ea403d9923319205dee1f209a3a66a86be",  # 8 pages
    "huyen": "71134c7016ea41585a8375523b6f2f2b1061c86fac4faf63b8bc96f536c4598e",  # 8 pages
    "xa": "803d8466a686c211da4f5d11df0e3f9fdaf5f67eda51a9700d87ba26548d67f1",  # 1 pages
    "co-so": "4ed4a95b794fa7af0c548c4fac168cbd93ccfb96c2323ac6904fcdb9081c76dc",  # 8 pages
}


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    from c27desk.demo import create_demo
    from c27desk.store.database import open_database
    from tests.conftest import finalise_demo

    path = tmp_path_factory.mktemp("samples") / "demo.sqlite3"
    db = open_database(path)
    try:
        create_demo(db, who="tester")
    finally:
        db.close()
    finalise_demo(path)
    return sample_contents(path)


def test_the_bytes_a_unit_signs_are_those_drawn_before(samples):
    assert {name: hashlib.sha256(render_appendix(c).pdf).hexdigest() for name, c in samples.items()} == SIGNED_BYTES


def test_the_comparison_drawing_shows_the_same_pages_uncompressed_and_without_pdfa(samples):
    for name, content in samples.items():
        full, quick = render_appendix(content), render_for_comparison(content)
        assert _pages(quick.pdf) == _pages(full.pdf), name
        assert (quick.pages, quick.signature_box) == (full.pages, full.signature_box), name
        assert appendix_difference(full.pdf, quick) is None, name
        with pikepdf.open(io.BytesIO(quick.pdf)) as doc:  # it really is drawn the cheaper way
            assert "/OutputIntents" not in doc.Root and "/Metadata" not in doc.Root
            assert all("/Filter" not in page.Contents for page in doc.pages)


def test_the_pdfa_parts_leave_every_page_as_it_was(samples):
    from datetime import datetime

    from c27desk.report.pdfa import add_pdfa_identification

    for name in ("demo", "long", "xa"):
        content = samples[name]
        bare = render_for_comparison(content).pdf
        archival = add_pdfa_identification(bare, title="t", author="a", subject="s", keywords="k", creator="c",
                                           created=datetime.fromisoformat(content.generated_at))
        assert _pages(archival) == _pages(bare), name


def _first_page_stream(pdf: bytes, change) -> bytes:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        change(doc.pages[0].Contents)
        out = io.BytesIO()
        doc.save(out, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)  # as written
    return out.getvalue()


def test_a_page_stream_is_compared_by_what_it_decodes_to(samples):
    content = samples["demo"]
    full, expected = render_appendix(content), render_for_comparison(content)
    assert appendix_difference(full.pdf, expected) is None  # compressed against uncompressed: the same pages
    plain = _first_page_stream(full.pdf, lambda s: s.write(s.read_bytes()))  # the same page, stored uncompressed
    assert appendix_difference(plain, expected).render("en") == "the pages cannot be read"  # not stored as drawn
    recompressed = _first_page_stream(full.pdf, lambda s: s.write(zlib.compress(s.read_bytes(), 1),
                                                                  filter=pikepdf.Name("/FlateDecode")))
    assert appendix_difference(recompressed, expected) is None
    other = _first_page_stream(full.pdf, lambda s: s.write(zlib.compress(s.read_bytes().replace(b"Tj", b"Tj 0 0 m", 1)),
                                                            filter=pikepdf.Name("/FlateDecode")))
    assert appendix_difference(other, expected).render("en") == "page 1 differs from the package's data"


def test_a_page_stream_whose_filter_cannot_be_decoded_is_refused(samples):
    content = samples["demo"]
    full, expected = render_appendix(content), render_for_comparison(content)

    def unknown_filter(stream):
        stream.write(stream.read_raw_bytes(), filter=pikepdf.Name("/NoSuchDecode"))

    hidden = _first_page_stream(full.pdf, unknown_filter)
    assert appendix_difference(hidden, expected).render("en") == "the pages cannot be read"
