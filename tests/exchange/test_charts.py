"""The charts' figures: codes across units, a figure per unit with last year beside it, and the workbook's charts."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook

from c27desk.catalogs import catalogue_for_year
from c27desk.consolidate.charts import MAX_BARS, add_chart_sheets, code_spread, unit_figures
from c27desk.consolidate.summary import Consolidation, UnitStatus, summarise
from c27desk.model.units import make_unit
from c27desk.model.values import Entry

CAT = catalogue_for_year(2023)


def status(code: str, **answers) -> UnitStatus:
    entries = {cid.replace("_", "."): Entry(cid.replace("_", "."), v, "", "na" if v is None else "answered")
               for cid, v in answers.items()}
    return UnitStatus(make_unit(code, code, "huyen", "TU-X"), revision=1, entries=entries)


def test_code_spread_counts_units_per_code_then_na_and_unanswered():
    units = [status("A1", I_1="A"), status("A2", I_1="D"), status("A3", I_1="D"), status("A4", I_1=None),
             status("A5"), UnitStatus(make_unit("A6", "A6", "huyen", "TU-X"))]  # the last one has not reported
    spread = dict(code_spread(CAT.get("I.1"), units))
    assert (spread["A"], spread["D"], spread["N/A"], spread["Chưa trả lời"]) == (1, 2, 1, 1)
    assert sum(spread.values()) == 5


def test_unit_figures_with_last_year_and_the_largest_kept_in_unit_order():
    units = [status(f"U{i:03d}", II_1=str(i)) for i in range(MAX_BARS + 10)]
    previous = {"U045": {"II.1": Entry("II.1", "40", "")}}
    figures = unit_figures(CAT.get("II.1"), units, previous)
    assert figures.count == MAX_BARS + 10 and figures.total == sum(Decimal(i) for i in range(MAX_BARS + 10))
    assert [f.unit for f in figures.shown] == [f"U{i:03d}" for i in range(10, MAX_BARS + 10)]
    assert next(f for f in figures.shown if f.unit == "U045").last == Decimal(40)


def test_the_workbook_chart_sheet_has_a_chart_per_criterion_and_last_year_beside_this():
    units = [status("U1", I_1="A", II_1="402"), status("U2", I_1="B", II_1="450")]
    cons = Consolidation(2023, CAT, None, units, summarise(CAT, units))
    wb = Workbook()
    add_chart_sheets(wb, cons, {"U1": {"II.1": Entry("II.1", "390", "")}}, 2022)
    ws = wb["Biểu đồ"]
    rows = [r for r in ws.iter_rows(values_only=True) if r[0]]
    header = next(r for r in rows if r[0] == "II.1 – đơn vị")
    assert header[1:3] == ("2022", "2023")
    at = rows.index(header)
    assert rows[at + 1][:3] == ("U1", 390, 402) and rows[at + 2][:3] == ("U2", None, 450)
    status_criteria = sum(1 for c in CAT.criteria if c.kind == "status")
    assert len(ws._charts) == status_criteria + 1  # one per status criterion, II.1 the only figure given
