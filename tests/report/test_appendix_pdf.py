"""The appendix PDF as a reader sees it: the seed's rows in order, official heading, embedded fonts."""

import re
import subprocess
import unicodedata

import pytest

from c27desk.report.appendix import appendix_content, vn_date_line
from c27desk.report.appendix_pdf import render_appendix
from c27desk.store.database import open_database
from tests.conftest import SEED_APPENDIX


def seed_rows() -> list[tuple[str, str, str]]:
    rows = []
    for line in SEED_APPENDIX.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and re.fullmatch(r"\d+", cells[0]):
            rows.append(tuple(unicodedata.normalize("NFC", c) for c in cells[1:]))
    return rows


def words(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def pdf_text(path, *extra) -> str:
    return subprocess.run(["pdftotext", *extra, "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def render(db_path, **kw):
    db = open_database(db_path)
    try:
        return render_appendix(appendix_content(db, 2023, **kw))
    finally:
        db.close()


def test_demo_appendix_holds_every_seed_row_in_order(final_demo, tmp_path):
    out = tmp_path / "appendix.pdf"
    out.write_bytes(render(final_demo).pdf)
    text = words(pdf_text(out, "-raw"))
    position = 0
    for wording, explanation, code in seed_rows():
        # the seed prints 195.2; the PDF uses the Vietnamese decimal comma
        shown = code.replace(".", ",") if re.fullmatch(r"\d+\.\d+", code) else code
        for piece in (wording, explanation, shown):
            found = text.find(words(piece), position)
            assert found >= 0, f"{piece!r} missing after position {position}"
            position = found + len(words(piece))
    assert len(seed_rows()) == 120


def test_heading_signature_block_and_recipients(final_demo, tmp_path):
    out = tmp_path / "appendix.pdf"
    rendered = render(final_demo)
    out.write_bytes(rendered.pdf)
    text = words(pdf_text(out))
    for expected in ("ĐẢNG BỘ TỈNH ĐỒNG NAI", "TỈNH ỦY ĐỒNG NAI", "ĐẢNG CỘNG SẢN VIỆT NAM",
                     "Đồng Nai, ngày 20 tháng 02 năm 2024", "PHỤ LỤC", "(Kèm theo Báo cáo số",
                     "ngày 20/02/2024 của Tỉnh ủy Đồng Nai)", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Hồ Thanh Sơn",
                     "Nơi nhận:", "- Lưu VPTU."):
        assert expected in text, expected
    assert "DỰ THẢO" not in text
    # the header row is repeated on every page, and pages after the first are numbered at the top
    pages = pdf_text(out).split("\f")[:rendered.pages]
    assert rendered.pages >= 2
    for number, page in enumerate(pages, start=1):
        assert "Tên tiêu chí" in words(page) and "Mã thực hiện" in words(page)
        if number > 1:
            assert re.search(rf"^\s*{number}\s*$", page, re.M), f"no page number on page {number}"
    # the signature box lies on the last page, between the title and the name, inside the page
    box = rendered.signature_box
    assert box.page == rendered.pages - 1
    assert 0 < box.x1 < box.x2 < 595 and 0 < box.y1 < box.y2 < 842


def test_every_font_is_embedded_and_text_is_nfc(final_demo, tmp_path):
    out = tmp_path / "appendix.pdf"
    out.write_bytes(render(final_demo).pdf)
    fonts = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows, fonts
    for row in rows:
        assert "LiberationSerif" in row and re.search(r"\byes\s+yes\s+yes\b", row), row
    text = pdf_text(out)
    assert text == unicodedata.normalize("NFC", text)


def test_pdfa_identification_and_reproducible_bytes(final_demo):
    first, second = render(final_demo).pdf, render(final_demo).pdf
    assert first == second  # the same revision always prints the same bytes
    assert b"<pdfaid:part" in first and b"GTS_PDFA1" in first
    assert b"/OutputIntents" in first


def test_unfinalised_report_prints_only_as_a_marked_draft(demo_db, tmp_path):
    from c27desk.errors import StoreError

    with pytest.raises(StoreError) as refused:
        render(demo_db)
    assert refused.value.code == "NOT_FINAL"
    out = tmp_path / "draft.pdf"
    out.write_bytes(render(demo_db, draft=True).pdf)
    assert "DỰ THẢO" in pdf_text(out)


def test_date_line_follows_36_hd():
    from datetime import date

    assert vn_date_line("Đồng Nai", date(2024, 2, 5)) == "Đồng Nai, ngày 05 tháng 02 năm 2024"
    assert vn_date_line("Đồng Nai", date(2024, 11, 20)) == "Đồng Nai, ngày 20 tháng 11 năm 2024"
    assert vn_date_line("Đồng Nai", date(2024, 3, 1)) == "Đồng Nai, ngày 01 tháng 3 năm 2024"
