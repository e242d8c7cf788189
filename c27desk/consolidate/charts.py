"""The figures the office's charts draw, and the workbook's chart sheet (openpyxl BarChart).

Per status criterion, how many units answered each code (A–E as the criterion defines them, then
N/A and unanswered); per count or amount, the figure of each unit, with last year's beside it when
the office holds last year. The window (Qt Charts) and the workbook draw the same figures.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from c27desk.consolidate.summary import Consolidation, UnitStatus
from c27desk.model.catalogue import Criterion
from c27desk.model.numbers import format_amount
from c27desk.model.values import NOT_APPLICABLE, Entry

MAX_BARS = 40  # more bars than this cannot be read on a 1366-pixel screen or an A4 page


def code_spread(crit: Criterion, statuses: Sequence[UnitStatus]) -> list[tuple[str, int]]:
    """(label, units) for each code of the criterion, then N/A and not answered, over the units that reported."""
    counts = {c.code: 0 for c in crit.codes}
    na = unanswered = 0
    for st in statuses:
        if st.missing:
            continue
        entry = st.entries.get(crit.id)
        if entry is None:
            unanswered += 1
        elif entry.state == NOT_APPLICABLE:
            na += 1
        elif entry.value in counts:
            counts[entry.value] += 1
    return [*counts.items(), ("N/A", na), ("Chưa trả lời", unanswered)]


def _number(entry: Entry | None) -> Decimal | None:
    if entry is None or entry.state == NOT_APPLICABLE or not entry.value:
        return None
    return entry.number()


@dataclass(frozen=True)
class UnitFigure:
    unit: str
    value: Decimal
    last: Decimal | None


@dataclass(frozen=True)
class UnitFigures:
    shown: list[UnitFigure]  # the largest MAX_BARS, in unit order
    count: int               # units with a figure
    total: Decimal

    @property
    def total_text(self) -> str:
        return format_amount(self.total).replace(".", ",")


def unit_figures(crit: Criterion, statuses: Sequence[UnitStatus],
                 previous: Mapping[str, Mapping[str, Entry]] | None = None) -> UnitFigures:
    """Each reporting unit's figure for a count or amount (and last year's), the largest MAX_BARS shown."""
    figures = []
    for st in statuses:
        value = None if st.missing else _number(st.entries.get(crit.id))
        if value is None:
            continue
        last = _number((previous or {}).get(st.unit.code, {}).get(crit.id))
        figures.append(UnitFigure(st.unit.code, value, last))
    total = sum((f.value for f in figures), Decimal(0))
    shown = figures
    if len(figures) > MAX_BARS:
        keep = {id(f) for f in sorted(figures, key=lambda f: f.value, reverse=True)[:MAX_BARS]}
        shown = [f for f in figures if id(f) in keep]
    return UnitFigures(shown, len(figures), total)


def add_chart_sheets(wb, cons: Consolidation, previous: Mapping[str, Mapping[str, Entry]] | None = None,
                     previous_year: int | None = None) -> None:
    """A sheet "Biểu đồ" with the data of each chart and the BarCharts beside it.

    Called by the workbook writer after its own sheets; the numbers on this sheet are numbers,
    so the charts stay live if someone corrects a figure."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font

    from c27desk.consolidate.export import AMOUNT_FORMAT, COUNT_FORMAT

    ws = wb.create_sheet("Biểu đồ")
    ws.column_dimensions["A"].width = 16
    title = WriteOnlyCell(ws, value=f"Biểu đồ tổng hợp năm {cons.year} (số liệu của biểu đồ ở cột A–C, biểu đồ "
                                    "bên phải)")
    title.font = Font(bold=True, size=13)
    ws.append([title])
    written = 1  # rows so far: the workbook streams its sheets, so rows are written in order
    row = 3
    chart_row = 3
    for crit in cons.catalogue.criteria:
        if crit.kind == "status":
            data = code_spread(crit, cons.units)
            header = [f"{crit.id} – mã", "Số đơn vị"]
            title = f"{crit.id}: số đơn vị theo mã"
        elif crit.is_numeric:
            figures = unit_figures(crit, cons.units, previous)
            if not figures.shown:
                continue
            title = f"{crit.id} theo đơn vị" + (f" ({crit.unit})" if crit.unit else "")
            if figures.count > MAX_BARS:
                title += f" – {MAX_BARS} đơn vị số lớn nhất / {figures.count}"
            if previous_year:
                header = [f"{crit.id} – đơn vị", str(previous_year), str(cons.year)]
                data = [(f.unit, f.last, f.value) for f in figures.shown]
            else:
                header = [f"{crit.id} – đơn vị", str(cons.year)]
                data = [(f.unit, f.value) for f in figures.shown]
        else:
            continue
        for _ in range(row - 1 - written):
            ws.append([])
        heads = [WriteOnlyCell(ws, value=text) for text in header]
        for cell in heads:
            cell.font = Font(bold=True)
        ws.append(heads)
        for values in data:
            cells = [WriteOnlyCell(ws, value=str(values[0]))]
            for value in values[1:]:
                cell = WriteOnlyCell(ws, value=int(value) if isinstance(value, int) else
                                     (float(value) if value is not None else None))
                # a typed number in the format the other sheets use: Excel draws the reader's separators
                cell.number_format = COUNT_FORMAT if isinstance(value, int) else AMOUNT_FORMAT
                cells.append(cell)
            ws.append(cells)
        written = row + len(data)
        chart = BarChart()
        chart.type = "col"
        chart.title = title
        chart.y_axis.title = "Số đơn vị" if crit.kind == "status" else (crit.unit or "Giá trị")
        chart.height, chart.width = 7.5, 16 if len(data) <= 12 else 24
        chart.add_data(Reference(ws, min_col=2, max_col=len(header), min_row=row, max_row=row + len(data)),
                       titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=row + 1, max_row=row + len(data)))
        ws.add_chart(chart, f"E{chart_row}")
        chart_row += 16
        row = max(row + len(data) + 2, chart_row)
