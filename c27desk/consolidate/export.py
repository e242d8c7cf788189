"""The consolidation as a workbook (XLSX) or a CSV file, in Vietnamese, for Excel users above us."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from c27desk.consolidate.summary import Consolidation, UnitStatus
from c27desk.fileio import atomic_write_bytes
from c27desk.model.values import display_value
from c27desk.store.clock import vn_display

UNIT_HEADER = ("Mã đơn vị", "Tên đơn vị", "Cấp", "Tình trạng", "Bản", "Người ký", "Thời điểm ký", "Thời điểm nhận",
               "Nộp muộn", "Số lỗi", "Số cảnh báo")
PROBLEM = PatternFill("solid", fgColor="F8D7DA")


def _fmt(value) -> str:
    return "" if value is None else format(value.normalize(), "f").replace(".", ",")


_CN = re.compile(r"^CN=(.*?)(?:, (?:OU|O|C|L|ST|E|SERIALNUMBER)=.*)?$")


def signer_name(subject: str) -> str:
    """Who signed, as a person reads it: the certificate's common name, not its whole subject."""
    match = _CN.match(subject or "")
    return match.group(1) if match else subject


def text_rows(cons: Consolidation) -> list[list]:
    """Free-text answers, criterion by criterion, unit by unit."""
    return [[s.criterion.id, unit, text] for s in cons.criteria for unit, text in s.texts]


def unit_rows(cons: Consolidation) -> list[list]:
    rows = []
    for st in cons.units:
        state = "Chưa nộp" if st.missing else f"Đã nhận bản {st.revision}"
        rows.append([st.unit.code, st.unit.name, st.unit.level, state, st.revision or "", signer_name(st.signer),
                     vn_display(st.signed_at), vn_display(st.received_at),
                     "Có" if st.late else "", st.errors if not st.missing else "",
                     st.warnings if not st.missing else ""])
    return rows


def criterion_rows(cons: Consolidation) -> tuple[list[str], list[list]]:
    codes = sorted({c.code for s in cons.criteria for c in s.criterion.codes})
    header = ["Mã tiêu chí", "Tên tiêu chí", *[f"Mã {c}" for c in codes], "Không áp dụng", "Chưa trả lời", "Tổng",
              "Nhỏ nhất", "Lớn nhất"]
    rows = []
    for s in cons.criteria:
        counts = [s.codes.get(c, "") if s.criterion.kind == "status" else "" for c in codes]
        rows.append([s.criterion.id, s.criterion.text, *counts, s.not_applicable or "", s.unanswered or "",
                     _fmt(s.total), _fmt(s.minimum), _fmt(s.maximum)])
    return header, rows


def value_rows(cons: Consolidation) -> tuple[list[str], list[list]]:
    """One row per criterion, one column per unit that reported: the raw matrix for checking."""
    got: list[UnitStatus] = cons.received
    header = ["Mã tiêu chí", "Tên tiêu chí", *[u.unit.code for u in got]]
    rows = [[c.id, c.text, *[display_value(c, u.entries.get(c.id)) for u in got]] for c in cons.catalogue.criteria]
    return header, rows


def write_xlsx(cons: Consolidation, path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Đơn vị"
    ws.append([f"Tổng hợp Chương trình 27 năm {cons.year} – hạn nộp {cons.deadline or '—'}"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(list(UNIT_HEADER))
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for st, row in zip(cons.units, unit_rows(cons), strict=True):
        ws.append(row)
        if st.has_problems:
            for cell in ws[ws.max_row]:
                cell.fill = PROBLEM
    _widths(ws, [14, 34, 8, 18, 6, 30, 20, 20, 9, 8, 10])
    for title, (header, rows) in (("Tiêu chí", criterion_rows(cons)), ("Số liệu", value_rows(cons))):
        sheet = wb.create_sheet(title)
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        _widths(sheet, [10, 60] + [12] * (len(header) - 2))
        for row in sheet.iter_rows(min_row=2, min_col=2, max_col=2):
            row[0].alignment = Alignment(wrap_text=True, vertical="top")
    texts = wb.create_sheet("Văn bản")
    texts.append(["Mã tiêu chí", "Mã đơn vị", "Nội dung"])
    for row in text_rows(cons):
        texts.append(row)
    _widths(texts, [10, 14, 80])
    buffer = io.BytesIO()
    wb.save(buffer)
    return atomic_write_bytes(path, buffer.getvalue())


def _widths(ws, widths: list[int]) -> None:
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def write_csv(cons: Consolidation, path: Path) -> Path:
    """The units' status table, then the per-criterion table; UTF-8 with a BOM so Excel reads Vietnamese."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(UNIT_HEADER)
    w.writerows(unit_rows(cons))
    w.writerow([])
    header, rows = criterion_rows(cons)
    w.writerow(header)
    w.writerows(rows)
    return atomic_write_bytes(path, ("\ufeff" + out.getvalue()).encode("utf-8"))
