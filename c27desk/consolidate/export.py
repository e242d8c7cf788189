"""The consolidation as a workbook (XLSX) or a CSV file, in Vietnamese, for Excel users above us."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from c27desk.consolidate.summary import Consolidation, UnitStatus
from c27desk.errors import C27Error
from c27desk.fileio import atomic_write_bytes
from c27desk.i18n import Lang, day, msg, verbatim
from c27desk.model.text import spreadsheet_safe
from c27desk.model.units import level_text
from c27desk.model.values import display_value
from c27desk.store.clock import VN_TIME

UNIT_HEADER = ("Mã đơn vị", "Tên đơn vị", "Cấp", "Tình trạng", "Bản", "Người ký", "Thời điểm ký", "Thời điểm nhận",
               "Nộp muộn", "Số lỗi", "Số cảnh báo", "Đã trả lời", "Số tiêu chí", "Số N/A", "Mức đầy đủ")
PROBLEM = PatternFill("solid", fgColor="F8D7DA")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)
WRAP = Alignment(wrap_text=True, vertical="top")


Cell = str | int | Decimal | datetime | None
"""A typed cell: text, a count, an amount, a moment (GMT+7) or nothing."""

COUNT_FORMAT = "#,##0"
AMOUNT_FORMAT = "#,##0.###"  # Excel shows its own locale's separators: 1.234,5 on a Vietnamese Windows
MOMENT_FORMAT = "dd/mm/yyyy hh:mm"
XLSX_TEXT_LIMIT = 32767  # Excel's longest cell text
# what a spreadsheet may read as the start of a formula, in a CSV cell (OWASP's list)


def _fmt(value) -> str:
    return "" if value is None else format(value.normalize(), "f").replace(".", ",")


def _shown(value: Cell) -> str | int:
    """A typed cell as the window and the CSV file show it (decimal comma, GMT+7)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return _fmt(value)
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    return value


def _moment(stamp: str) -> datetime | str | None:
    """A stored UTC time as the GMT+7 wall-clock time Excel shows (Excel has no time zones);
    junk is kept as the text it is."""
    if not stamp:
        return None
    try:
        return datetime.fromisoformat(stamp).astimezone(VN_TIME).replace(tzinfo=None)
    except ValueError:
        return stamp


def _number(criterion, entry) -> Cell:
    """A numeric answer as a number; anything else (code, N/A, text) as the text people read."""
    shown = display_value(criterion, entry)
    if entry is None or entry.is_na or not criterion.is_numeric or not entry.value:
        return shown or None
    value = entry.number()
    if value is None:  # not a number after all (an edited database): shown as written
        return shown
    return int(value) if criterion.kind == "count" and value == value.to_integral_value() else value


_CN = re.compile(r"^CN=(.*?)(?:, (?:OU|O|C|L|ST|E|SERIALNUMBER)=.*)?$")


def signer_name(subject: str) -> str:
    """Who signed, as a person reads it: the certificate's common name, not its whole subject."""
    match = _CN.match(subject or "")
    return match.group(1) if match else subject


def text_rows(cons: Consolidation) -> list[list]:
    """Free-text answers, criterion by criterion, unit by unit."""
    return [[s.criterion.id, unit, text] for s in cons.criteria for unit, text in s.texts]


def unit_cells(cons: Consolidation) -> list[list[Cell]]:
    """The units' status table with typed cells (numbers, moments), for the workbook; how complete
    each report is comes last (answered of the form's criteria, N/A, the state in words)."""
    from c27desk.consolidate.completeness import completeness

    rows: list[list[Cell]] = []
    for st in cons.units:
        state = "Chưa nộp" if st.missing else f"Đã nhận bản {st.revision}"
        done = completeness(cons.form_for(st.unit.level), st)
        level = (cons.level_names.get(st.unit.level) or level_text(st.unit.level)).render(Lang.VI)  # never the code
        rows.append([st.unit.code, st.unit.name, level, state, st.revision, signer_name(st.signer),
                     _moment(st.signed_at), _moment(st.received_at), "Có" if st.late else "",
                     None if st.missing else st.errors, None if st.missing else st.warnings,
                     None if st.missing else done.answered, done.total,
                     None if st.missing else done.not_applicable, done.label("vi")])
    return rows


def unit_rows(cons: Consolidation) -> list[list]:
    return [[_shown(v) for v in row] for row in unit_cells(cons)]


def criterion_cells(cons: Consolidation) -> tuple[list[str], list[list[Cell]]]:
    codes = sorted({c.code for s in cons.criteria for c in s.criterion.codes})
    header = ["Mã tiêu chí", "Tên tiêu chí", *[f"Mã {c}" for c in codes], "Không áp dụng", "Chưa trả lời", "Tổng",
              "Nhỏ nhất", "Lớn nhất"]
    rows: list[list[Cell]] = []
    for s in cons.criteria:
        counts = [s.codes.get(c) or None if s.criterion.kind == "status" else None for c in codes]
        rows.append([s.criterion.id, s.criterion.text, *counts, s.not_applicable or None, s.unanswered or None,
                     s.total, s.minimum, s.maximum])
    return header, rows


def criterion_rows(cons: Consolidation) -> tuple[list[str], list[list]]:
    header, rows = criterion_cells(cons)
    return header, [[_shown(v) for v in row] for row in rows]


def value_cells(cons: Consolidation) -> tuple[list[str], list[list[Cell]]]:
    """One row per criterion, one column per unit that reported: the raw matrix for checking."""
    got: list[UnitStatus] = cons.received
    header = ["Mã tiêu chí", "Tên tiêu chí", *[u.unit.code for u in got]]
    rows = [[c.id, c.text, *[_number(c, u.entries.get(c.id)) for u in got]] for c in cons.catalogue.criteria]
    return header, rows


def value_rows(cons: Consolidation) -> tuple[list[str], list[list]]:
    header, rows = value_cells(cons)
    return header, [[_shown(v) for v in row] for row in rows]


def _put(ws, row: list[Cell], style=None) -> None:
    """Append a row with every cell typed: text is always a text cell (a unit's "=HYPERLINK(…)"
    or "=cmd|…" stays words, never a live formula), numbers are numbers, moments are dates.

    ``style(column, cell)`` (columns from 1) dresses a cell before it is written: the sheets are
    written in openpyxl's streaming mode, where a row once appended is gone."""
    cells = [_typed(ws, value) for value in row]
    if style is not None:
        for column, cell in enumerate(cells, start=1):
            style(column, cell)
    ws.append(cells)


def _typed(ws, value: Cell) -> WriteOnlyCell:
    if isinstance(value, str):
        cell = WriteOnlyCell(ws, value=_clean_text(value))
        cell.data_type = "s"
        return cell
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, bool):
        pass
    elif isinstance(value, int):
        cell.number_format = COUNT_FORMAT
    elif isinstance(value, Decimal):
        cell.number_format = COUNT_FORMAT if value == value.to_integral_value() else AMOUNT_FORMAT
    elif isinstance(value, datetime):
        cell.number_format = MOMENT_FORMAT
    return cell


def _clean_text(text: str) -> str:
    """Text Excel will open: no control characters (openpyxl refuses them), no more than a cell holds."""
    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)
    return text if len(text) <= XLSX_TEXT_LIMIT else text[: XLSX_TEXT_LIMIT - 1] + "…"


class ExportCancelledError(C27Error):
    """The person stopped the writing: nothing was written (the file is only put in place whole)."""

    def __init__(self, path: Path):
        super().__init__(msg("Đã dừng ghi {file}; chưa ghi gì.", "Stopped writing {file}; nothing was written.",
                             file=verbatim(path.name)), code="CANCELLED")


def _table_sheet(ws, header: list[str], rows: list[list[Cell]], widths: list[int], *, keep_columns: int = 1,
                 title: str | None = None, go_on=None, style=None) -> None:
    """Header in bold (under the ``title`` line if any), frozen with the first ``keep_columns``
    columns, and a filter on every column.

    The sheet's own settings come before its first row (a streamed sheet writes them first);
    ``style(row index, column, cell)`` dresses the data cells; ``go_on()`` is asked every 50 rows
    (a sheet of thousands of units takes seconds) and raises to stop."""
    first_row = 1 if title is None else 2
    _widths(ws, widths)
    ws.freeze_panes = f"{get_column_letter(keep_columns + 1)}{first_row + 1}"
    if title is not None:
        _put(ws, [title], lambda _column, cell: setattr(cell, "font", TITLE))
    _put(ws, header, lambda _column, cell: setattr(cell, "font", BOLD))
    for i, row in enumerate(rows):
        if go_on is not None and i % 50 == 0:
            go_on()
        _put(ws, row, None if style is None else (lambda column, cell, i=i: style(i, column, cell)))
    ws.auto_filter.ref = f"A{first_row}:{get_column_letter(len(header))}{first_row + len(rows)}"


def _widths(ws, widths: list[int]) -> None:
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


XLSX_STEPS = 6


def write_xlsx(cons: Consolidation, path: Path, *, previous=None, previous_year: int | None = None,
               progress=None, cancelled=None) -> Path:
    """The workbook; ``previous`` (unit -> last year's answers) adds last year beside this on the charts.

    ``progress(done, sheet)`` is told before each of the XLSX_STEPS steps (thousands of units take a while);
    when ``cancelled()`` turns true the writing stops with ExportCancelledError and nothing is written."""

    def go_on() -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelledError(path)

    def step(done: int, what: str) -> None:
        go_on()
        if progress is not None:
            progress(done, what)

    wb = Workbook(write_only=True)  # streamed: no grid of cells kept, nor sorted, before saving
    try:
        _fill_workbook(wb, cons, previous, previous_year, step, go_on)
    except ExportCancelledError:
        if wb.worksheets:
            wb.save(io.BytesIO())  # closes the half-written sheets and removes their temporary files
        raise
    step(5, path.name)
    buffer = io.BytesIO()
    wb.save(buffer)
    go_on()
    return atomic_write_bytes(path, buffer.getvalue())


def _fill_workbook(wb, cons: Consolidation, previous, previous_year: int | None, step, go_on) -> None:
    from c27desk.consolidate.charts import add_chart_sheets

    step(0, "Đơn vị")
    ws = wb.create_sheet("Đơn vị")
    cells = unit_cells(cons)
    flagged = {i for i, (st, line) in enumerate(zip(cons.units, cells, strict=True))
               if st.has_problems or not str(line[-1]).startswith("✓")}  # incomplete reports stand out too
    _table_sheet(ws, list(UNIT_HEADER), cells, [14, 34, 30, 18, 6, 30, 17, 17, 9, 8, 10, 10, 10, 8, 24],
                 title=f"Tổng hợp Chương trình 27 năm {cons.year} – hạn nộp "
                       f"{day(date.fromisoformat(cons.deadline)) if cons.deadline else '—'} "
                       "(thời điểm theo giờ Việt Nam, GMT+7)",
                 go_on=go_on, style=lambda i, _column, cell: setattr(cell, "fill", PROBLEM) if i in flagged else None)
    for done, title, cells_of in ((1, "Tiêu chí", criterion_cells), (2, "Số liệu", value_cells)):
        step(done, title)
        header, rows = cells_of(cons)
        sheet = wb.create_sheet(title)
        _table_sheet(sheet, header, rows, [10, 60] + [12] * (len(header) - 2), keep_columns=2, go_on=go_on,
                     style=lambda _i, column, cell: setattr(cell, "alignment", WRAP) if column == 2 else None)
    step(3, "Văn bản")
    texts = wb.create_sheet("Văn bản")
    _table_sheet(texts, ["Mã tiêu chí", "Mã đơn vị", "Nội dung"], text_rows(cons), [10, 14, 80], keep_columns=2,
                 go_on=go_on, style=lambda _i, column, cell: setattr(cell, "alignment", WRAP) if column == 3 else None)
    step(4, "Biểu đồ")
    add_chart_sheets(wb, cons, previous, previous_year)


def csv_text(value: Cell) -> str | int:
    """A cell for a CSV file: text that a spreadsheet would run as a formula (starting with
    = + - @, a tab or a carriage return) gets a leading apostrophe, the usual neutralisation;
    numbers and moments are written as the window shows them and are never touched."""
    if isinstance(value, str):
        return spreadsheet_safe(value)
    return _shown(value)


def write_csv(cons: Consolidation, path: Path) -> Path:
    """The units' status table, then the per-criterion table; UTF-8 with a BOM so Excel reads Vietnamese."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(UNIT_HEADER)
    w.writerows([csv_text(v) for v in row] for row in unit_cells(cons))
    w.writerow([])
    header, rows = criterion_cells(cons)
    w.writerow(header)
    w.writerows([csv_text(v) for v in row] for row in rows)
    return atomic_write_bytes(path, ("\ufeff" + out.getvalue()).encode("utf-8"))
