"""The appendix measured against Hướng dẫn 36-HD/VPTW (Phụ lục 3): header fonts, sizes, positions, rule, margins;
the report number printed once; long texts breaking across pages; PDF/A metadata kept consistent by signing."""

import dataclasses
import subprocess

import pikepdf
import pytest

from c27desk.model.document_number import compose_number, normalise_report_number
from c27desk.model.values import Entry
from c27desk.report.appendix import appendix_content
from c27desk.report.appendix_pdf import render_appendix
from c27desk.store.database import open_database
from tests.conftest import finalise_demo
from tests.report.pdf_layout import find_run, page_layout

MM = 72 / 25.4
PAGE_W, PAGE_H = 595.28, 841.89


@pytest.fixture
def demo_pdf(final_demo, tmp_path):
    db = open_database(final_demo)
    try:
        rendered = render_appendix(appendix_content(db, 2023))
    finally:
        db.close()
    out = tmp_path / "appendix.pdf"
    out.write_bytes(rendered.pdf)
    return out, rendered


def test_header_fonts_sizes_and_positions_follow_the_guidance(demo_pdf):
    out, _ = demo_pdf
    runs, lines = page_layout(out)
    title = find_run(runs, "ĐẢNG CỘNG SẢN VIỆT NAM")
    parent = find_run(runs, "ĐẢNG BỘ TỈNH ĐỒNG NAI")
    body = find_run(runs, "TỈNH ỦY ĐỒNG NAI")
    star = find_run(runs, "*")
    number = find_run(runs, "Số 127-BC/TU")
    dated = find_run(runs, "Đồng Nai, ngày 20 tháng 02 năm 2024")
    # the font table: (face, size) for each element
    assert (title.font, title.size) == ("LiberationSerif-Bold", 15)
    assert (parent.font, parent.size) == ("LiberationSerif", 14)
    assert (body.font, body.size) == ("LiberationSerif-Bold", 14)
    assert (number.font, number.size) == ("LiberationSerif", 14)
    assert (dated.font, dated.size) == ("LiberationSerif-Italic", 14)
    # title top right on the first line, issuing body top left; "*" centred under the issuing body
    assert title.x > PAGE_W / 2 - 20 and parent.centre < PAGE_W / 2
    assert abs(title.y - parent.y) < 2 and title.y >= max(r.y for r in runs) - 2  # the first line
    assert body.y < parent.y and star.y < body.y and number.y < star.y
    assert abs(star.centre - body.centre) < 0.5 and abs(number.centre - body.centre) < 0.5
    assert dated.y < title.y and abs(dated.centre - title.centre) < 1
    # a solid rule under the title, as long as the title, below the dots under Ộ and Ệ (0.196 em in this face)
    rule = [ln for ln in lines if abs(ln.y1 - ln.y2) < 0.01 and title.y - 15 < ln.y1 < title.y]
    assert len(rule) == 1, rule
    rule = rule[0]
    assert abs(min(rule.x1, rule.x2) - title.x) < 0.5 and abs(abs(rule.x2 - rule.x1) - title.width) < 0.5
    assert title.y - 0.196 * 15 - 1 > rule.y1 > dated.y + 14


def test_margins_page_numbers_and_no_program_footer(demo_pdf):
    out, rendered = demo_pdf
    for page in range(rendered.pages):
        runs, lines = page_layout(out, page)
        texts = [r for r in runs if r.text.strip()]
        assert not any("c27desk" in r.text or "mã kiểm tra" in r.text for r in runs)
        left = min(min(ln.x1, ln.x2) for ln in lines)
        right = max(max(ln.x1, ln.x2) for ln in lines)
        assert 30 * MM - 0.5 <= left <= 35 * MM and 15 * MM - 0.5 <= PAGE_W - right <= 20 * MM
        assert min(r.y for r in texts) >= 20 * MM - 1
        if page:
            number = max(runs, key=lambda r: r.y)  # the topmost text is the page number
            assert number.text == str(page + 1) and number.size == 13
            assert abs(number.centre - (30 * MM + (PAGE_W - 45 * MM) / 2)) < 1 and number.y > PAGE_H - 20 * MM
    with pikepdf.open(out) as pdf:
        keywords = str(pdf.docinfo["/Keywords"])
    assert "hash=" in keywords and "revision=1" in keywords  # the check code lives in the metadata


def test_report_number_is_typed_once_and_printed_once():
    assert normalise_report_number("45", "HU") == "45"
    assert normalise_report_number(" Số 45-bc/hu ", "HU") == "45"
    assert normalise_report_number("", "HU") == ""
    assert compose_number("45", "HU") == "45-BC/HU"
    for bad in ("45-BC/TU", "45-KH/HU", "45/BC-HU", "bốn lăm"):
        with pytest.raises(Exception) as refused:
            normalise_report_number(bad, "HU")
        assert "45-BC/HU" in refused.value.en and "report_number" == refused.value.field and refused.value.where is None


def test_period_set_report_number_uses_the_same_rule(cli, demo_db, tmp_path):
    assert cli("period", "set", "2023", "--report-number", "45-BC/TU", db=demo_db)[0] == 0
    out = tmp_path / "a.pdf"
    assert cli("appendix", "--period", "2023", "--draft", "--out", str(out), db=demo_db)[0] == 0
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout.split())
    assert "Số 45-BC/TU" in text and "Báo cáo số 45-BC/TU," in text and "BC/TU-BC" not in text
    code, _, err = cli("--lang", "en", "period", "set", "2023", "--report-number", "45-BC/HU", db=demo_db)
    assert code == 1 and "BC/HU" in err and "45-BC/TU" in err
    assert "Số báo cáo:          45\n" in cli("period", "show", "2023", db=demo_db)[1]


def test_signing_needs_the_number_and_date_before_any_passphrase(cli, demo_db, tmp_path, monkeypatch):
    monkeypatch.delenv("C27DESK_PIN", raising=False)
    assert cli("period", "set", "2023", "--report-number", "", db=demo_db)[0] == 0  # before finalising
    finalise_demo(demo_db)
    final_demo = demo_db
    code, _, err = cli("--lang", "en", "appendix", "--period", "2023", "--out", str(tmp_path / "s.pdf"),
                       "--sign-p12", str(tmp_path / "none.p12"), db=final_demo)
    assert code == 1 and "report number" in err and "--report-number" in err
    assert not (tmp_path / "s.pdf").exists()


def _long_texts(content, free_text: str):
    para = ("Đơn vị đã triển khai phần mềm quản lý văn bản và hồ sơ công việc đến các ban, đảng ủy trực thuộc; "
            "kết nối liên thông với Văn phòng Trung ương Đảng. ")
    entries = dict(content.entries)
    entries["I.1"] = dataclasses.replace(entries["I.1"], explanation=(para * 20)[:1000])
    entries["VI.3"] = Entry("VI.3", "\n\n".join([para * 4] * 5)[:2000])
    entries["III.2.18"] = Entry("III.2.18", free_text)
    return dataclasses.replace(content, entries=entries)


@pytest.mark.parametrize("paragraphs", [3, 40])  # several paragraphs, and far longer than a page
def test_long_texts_break_across_pages_under_the_repeated_header(final_demo, tmp_path, paragraphs):
    db = open_database(final_demo)
    try:
        content = appendix_content(db, 2023)
    finally:
        db.close()
    sentence = "Sổ tay đảng viên điện tử triển khai đến toàn bộ chi bộ, kèm hướng dẫn sử dụng. "
    free = "\n".join(f"Đoạn {i}. " + sentence * 12 for i in range(1, paragraphs + 1))
    rendered = render_appendix(_long_texts(content, free))
    out = tmp_path / "long.pdf"
    out.write_bytes(rendered.pdf)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    pages = text.split("\f")[:rendered.pages]
    assert rendered.pages > 8 if paragraphs > 10 else rendered.pages >= 8
    for page in pages[:-1]:  # the last page may hold only the signature block
        assert "Tên tiêu chí" in page and "Mã thực" in page
    flat = " ".join(text.split())
    for i in range(1, paragraphs + 1):  # every paragraph printed, in order
        assert f"Đoạn {i}. Sổ tay" in flat
    assert flat.index("Đoạn 1.") < flat.index(f"Đoạn {paragraphs}.") < flat.index("Hồ Thanh Sơn")


def test_signing_keeps_pdfa_metadata_consistent(final_demo, unit_keys, cli, tmp_path):
    import io

    from c27desk.report.sign_appendix import sign_appendix
    from c27desk.report.signing import P12Spec
    from tests.signing_support import PASSPHRASE

    db = open_database(final_demo)
    try:
        content = dataclasses.replace(appendix_content(db, 2023), generated_at="2024-02-20T08:00:00+07:00")
    finally:
        db.close()
    unsigned = render_appendix(content)
    signed = sign_appendix(content, unsigned, P12Spec(unit_keys.p12, PASSPHRASE)).pdf
    with pikepdf.open(io.BytesIO(unsigned.pdf)) as before, pikepdf.open(io.BytesIO(signed)) as after:
        old, new = before.open_metadata(), after.open_metadata()
        info = after.docinfo
        assert new["pdf:Producer"] == str(info["/Producer"]) and "c27desk" in new["pdf:Producer"]
        assert new["pdfaid:part"] == "2" and new["pdfaid:conformance"] == "B"
        assert new["xmp:MetadataDate"] == new["xmp:ModifyDate"] > old["xmp:MetadataDate"]
        moddate = str(info["/ModDate"])  # D:YYYYMMDDHHmmSS…, the same instant as xmp:ModifyDate
        assert new["xmp:ModifyDate"][:19].replace("-", "").replace("T", "").replace(":", "") == moddate[2:16]
    out = tmp_path / "signed.pdf"
    out.write_bytes(signed)
    code, text, _ = cli("--lang", "en", "verify", str(out), "--trust", str(unit_keys.ca_pem), db=final_demo)
    assert code == 0 and f"Check code: {content.content_hash[:16]}" in text


def test_the_signing_service_refuses_a_blank_number_or_date(final_demo, tmp_path):
    from c27desk.errors import C27Error
    from c27desk.report.sign_appendix import sign_appendix
    from c27desk.report.signing import P12Spec

    db = open_database(final_demo)
    try:  # an old database could hold a finalised report without a date; today's cannot be changed after finalising
        content = appendix_content(db, 2023)
    finally:
        db.close()
    content = dataclasses.replace(content, period=dataclasses.replace(content.period, report_date=None))
    with pytest.raises(C27Error) as refused:  # refused before the key file is even looked at
        sign_appendix(content, render_appendix(content), P12Spec(tmp_path / "missing.p12", "x"))
    assert refused.value.code == "DETAILS_MISSING" and "ngày báo cáo" in refused.value.vi
    assert "số báo cáo" not in refused.value.vi  # only what is missing is named
