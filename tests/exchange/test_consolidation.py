"""The office's view of its districts: who is missing, code distributions, sums, and values proposed upward."""

from __future__ import annotations

import csv
import json

import openpyxl

from tests.exchange.support import YEAR, export, held_values, run


def import_both(office, bienhoa, longkhanh, child_keys, tmp_path):
    for db, code in ((bienhoa, "HU-BIENHOA"), (longkhanh, "HU-LONGKHANH")):
        export(db, child_keys[code].p12_spec(), tmp_path / "usb")
    assert run(office, "import", str(tmp_path / "usb"), "--accept-new-signer", "HU-BIENHOA,HU-LONGKHANH") == 0


def test_xlsx_and_csv_show_units_codes_and_sums(office, bienhoa, longkhanh, child_keys, tmp_path, cli):
    import_both(office, bienhoa, longkhanh, child_keys, tmp_path)
    code, text, _ = cli("consolidate", "--period", str(YEAR), "--out", str(tmp_path / "tong-hop.xlsx"), db=office)
    assert code == 0 and "đã nhận 2/3 đơn vị" in text

    wb = openpyxl.load_workbook(tmp_path / "tong-hop.xlsx")
    assert wb.sheetnames == ["Đơn vị", "Tiêu chí", "Số liệu", "Văn bản", "Biểu đồ"]
    units = {row[0]: row for row in wb["Đơn vị"].iter_rows(min_row=3, values_only=True)}
    assert units["HU-NHONTRACH"][1] == "Huyện ủy Nhơn Trạch" and units["HU-NHONTRACH"][3] == "Chưa nộp"
    assert units["HU-BIENHOA"][3] == "Đã nhận bản 1" and "Huyện ủy Biên Hòa (DÙNG THỬ)" in units["HU-BIENHOA"][5]
    fills = {row[0].value: row[0].fill.fgColor.rgb for row in wb["Đơn vị"].iter_rows(min_row=3)}
    assert fills["HU-NHONTRACH"].endswith("F8D7DA")  # a missing unit stands out
    sheet = wb["Tiêu chí"]
    header = [c.value for c in sheet[1]]
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["I.1"]["Mã D"] == 2  # both districts answered D
    assert (rows["II.1"]["Tổng"], rows["II.1"]["Nhỏ nhất"], rows["II.1"]["Lớn nhất"]) == (852, 402, 450)
    assert rows["I.1"]["Tên tiêu chí"].startswith("Việc triển khai xây dựng Kiến trúc tổng thể")
    values = {r[0]: r for r in wb["Số liệu"].iter_rows(min_row=2, values_only=True)}
    assert values["III.2.18"][2:] == ("Sổ tay đảng viên điện tử, năm 2023",) * 2

    assert cli("consolidate", "--period", str(YEAR), "--out", str(tmp_path / "tong-hop.csv"), db=office)[0] == 0
    raw = (tmp_path / "tong-hop.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel opens UTF-8 only with the BOM
    rows = [r for r in csv.reader(raw.decode("utf-8-sig").splitlines()) if r]
    assert ["HU-NHONTRACH", "Huyện ủy Nhơn Trạch", "Huyện ủy, thị ủy, thành ủy trực thuộc tỉnh (đến 2025)", "Chưa nộp"] in \
        [r[:4] for r in rows]  # the level by its name, never its code


def test_values_from_children_are_proposed_and_accepted_into_the_office_report(
        office, bienhoa, longkhanh, child_keys, tmp_path, cli):
    import_both(office, bienhoa, longkhanh, child_keys, tmp_path)
    code, text, _ = cli("consolidate", "--period", str(YEAR), "--propose", db=office)
    assert "II.3 = 852  (HU-BIENHOA=402, HU-LONGKHANH=450; thiếu HU-NHONTRACH)" in text
    assert "VI.9 = 7  (HU-BIENHOA=4, HU-LONGKHANH=3; thiếu HU-NHONTRACH)" in text
    before = held_values(office, "TU-DONGNAI")
    assert cli("consolidate", "--period", str(YEAR), "--accept", db=office)[0] == 0
    code, text, _ = cli("values", "dump", "--period", str(YEAR), "--format", "json", db=office)
    dumped = json.loads(text)["values"]
    assert dumped["II.3"]["value"] == "852"
    assert "Tổng hợp từ 2 đơn vị, thiếu HU-NHONTRACH" in dumped["II.3"]["explanation"]
    assert dumped["VI.9"]["value"] == "7"
    assert before == held_values(office, "TU-DONGNAI")  # the office's own finalised revisions are untouched
