"""The office's received reports: listed with completeness, each appendix exactly as received, all joined to print."""

from __future__ import annotations

import io

import pikepdf

from c27desk.consolidate.completeness import ReportState, completeness
from c27desk.consolidate.summary import UnitStatus
from c27desk.exchange.package import read_package
from c27desk.model.units import make_unit
from c27desk.model.values import Entry
from c27desk.store import lock
from tests.exchange.support import YEAR, export, run


def received_two(office, bienhoa, longkhanh, child_keys, tmp_path) -> dict[str, bytes]:
    packages = {code: export(db, child_keys[code].p12_spec(), tmp_path / "usb")
                for db, code in ((bienhoa, "HU-BIENHOA"), (longkhanh, "HU-LONGKHANH"))}
    assert run(office, "import", str(tmp_path / "usb"), "--accept-new-signer", "HU-BIENHOA,HU-LONGKHANH") == 0
    return {code: read_package(raw).appendix for code, raw in packages.items()}


def test_received_list_and_appendix_byte_for_byte(office, bienhoa, longkhanh, child_keys, tmp_path, cli):
    sent = received_two(office, bienhoa, longkhanh, child_keys, tmp_path)
    code, text, _ = cli("received", "list", "--period", str(YEAR), db=office)
    assert code == 0 and "đã nhận 2/3 đơn vị" in text
    lines = {line.split()[0]: line for line in text.splitlines()[1:]}
    assert "116/116" in lines["HU-BIENHOA"]  # a district is asked 116 of the 120 and "✓ Đầy đủ" in lines["HU-BIENHOA"]
    assert "✗ Chưa nộp" in lines["HU-NHONTRACH"] and "r1" not in lines["HU-NHONTRACH"]

    out = tmp_path / "bh.pdf"
    code, text, _ = cli("received", "appendix", "--unit", "HU-BIENHOA", "--period", str(YEAR), "--out", str(out),
                        db=office)
    assert code == 0, text
    assert out.read_bytes() == sent["HU-BIENHOA"]  # exactly the member the unit signed
    assert "bản 1" in text and "tin cậy: có" in text and "bao trùm toàn bộ tệp: có" in text


def test_untrusting_the_ca_shows_when_the_appendix_is_opened_again(office, bienhoa, longkhanh, child_keys, tmp_path,
                                                                   cli):
    received_two(office, bienhoa, longkhanh, child_keys, tmp_path)
    from c27desk.exchange import certs

    fingerprint = certs.fingerprint(certs.load_pem_file(child_keys["HU-BIENHOA"].ca_pem))[:16]
    assert cli("trust", "remove", "--fingerprint", fingerprint, db=office)[0] == 0
    code, text, _ = cli("received", "appendix", "--unit", "HU-BIENHOA", "--period", str(YEAR), "--out",
                        str(tmp_path / "x.pdf"), db=office)
    assert code == 1 and "tin cậy: không" in text  # re-verified against today's trust store


def test_all_appendices_joined_in_unit_order_for_printing(office, bienhoa, longkhanh, child_keys, tmp_path, cli):
    sent = received_two(office, bienhoa, longkhanh, child_keys, tmp_path)
    out = tmp_path / "hop.pdf"
    code, text, _ = cli("received", "appendix", "--all", "--period", str(YEAR), "--out", str(out), db=office)
    assert code == 0 and "HU-BIENHOA, HU-LONGKHANH" in text and "chữ ký số không còn giá trị" in text
    pages = [len(pikepdf.Pdf.open(io.BytesIO(sent[c])).pages) for c in ("HU-BIENHOA", "HU-LONGKHANH")]
    assert len(pikepdf.Pdf.open(out).pages) == sum(pages)


def test_a_unit_not_received_or_not_a_child_is_refused_and_nothing_written(office, cli, tmp_path):
    out = tmp_path / "x.pdf"
    code, _, err = cli("received", "appendix", "--unit", "HU-NHONTRACH", "--period", str(YEAR), "--out", str(out),
                       db=office)
    assert code == 1 and "Chưa nhận báo cáo năm 2023 của HU-NHONTRACH" in err and not out.exists()
    code, _, err = cli("received", "appendix", "--unit", "TU-KHAC", "--period", str(YEAR), "--out", str(out),
                       db=office)
    assert code == 1 and "không phải đơn vị trực thuộc" in err
    code, _, err = cli("received", "appendix", "--all", "--period", str(YEAR), "--out", str(out), db=office)
    assert code == 1 and "Chưa nhận báo cáo năm 2023 của đơn vị nào" in err and not out.exists()


def test_three_answers_of_120_are_incomplete_not_complete(office):
    from c27desk.catalogs import catalogue_for_year

    cat = catalogue_for_year(YEAR)
    status = UnitStatus(make_unit("HU-X", "X", "huyen", "TU-DONGNAI"), revision=1,
                        entries={c.id: Entry(c.id, None, "", "na") for c in cat.criteria[:3]})
    c = completeness(cat, status)
    assert (c.answered, c.total, c.not_applicable, c.state) == (3, 120, 3, ReportState.INCOMPLETE)
    assert c.label() == "◐ Chưa đầy đủ (3/120)"
    status.late = True  # told beside it, not instead of it
    assert completeness(cat, status).state == ReportState.INCOMPLETE
    status.errors = 1
    assert completeness(cat, status).state == ReportState.PROBLEM


def test_reading_commands_work_while_a_window_holds_the_database(office, cli):
    held = lock.acquire(office)
    try:
        for args in (("period", "list"), ("period", "show", "2023"), ("levels",), ("units", "list"),
                     ("received", "list", "--period", "2023"), ("consolidate", "--period", "2023"),
                     ("check", "--period", "2023"), ("values", "dump", "--period", "2023"),
                     ("catalog", "show", "--period", "2023"), ("trust", "list")):
            code, _, err = cli(*args, db=office)
            assert code == 0, (args, err)
        for args in (("period", "close", "2023"), ("trust", "remove", "--fingerprint", "00000000"),
                     ("consolidate", "--period", "2023", "--accept")):
            code, _, err = cli(*args, db=office)
            assert code == 1 and "đang được mở bởi một cửa sổ c27desk khác (người dùng" in err, (args, err)
    finally:
        held.release()


def test_trust_remove_and_period_close_open_with_checks(office, cli, tmp_path):
    code, _, err = cli("trust", "remove", "--fingerprint", "xyz", db=office)
    assert code == 1 and "không phải dấu vân tay hợp lệ" in err
    code, _, err = cli("trust", "remove", "--fingerprint", "00000000", db=office)
    assert code == 1 and "Không có CA tin cậy nào" in err
    assert cli("trust", "add-ca", str(office), db=office)[0] == 1  # not a certificate at all
    assert cli("period", "close", "2023", db=office)[0] == 0
    assert "đã khóa" in cli("period", "list", db=office)[1]
    assert cli("period", "open", "2023", db=office)[0] == 0
    assert "đang nhận" in cli("period", "list", db=office)[1]


def test_completeness_in_the_workbook_and_the_consolidate_listing(office, bienhoa, longkhanh, child_keys, tmp_path,
                                                                   cli):
    import openpyxl

    received_two(office, bienhoa, longkhanh, child_keys, tmp_path)
    code, text, _ = cli("consolidate", "--period", str(YEAR), "--out", str(tmp_path / "t.xlsx"), db=office)
    assert code == 0 and "116/116  ✓ Đầy đủ" in text and "✗ Chưa nộp" in text
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["Đơn vị"]
    header = [c.value for c in sheet[2]]
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=3, values_only=True)}
    assert (rows["HU-BIENHOA"]["Đã trả lời"], rows["HU-BIENHOA"]["Số tiêu chí"]) == (116, 116)
    assert rows["HU-BIENHOA"]["Mức đầy đủ"] == "✓ Đầy đủ" and rows["HU-NHONTRACH"]["Mức đầy đủ"] == "✗ Chưa nộp"
    assert rows["HU-NHONTRACH"]["Đã trả lời"] is None
