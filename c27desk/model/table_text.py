"""Cells copied from or to a spreadsheet: tab-separated lines, as Excel and LibreOffice put them on the clipboard.

Excel ends every line with CR LF (the last one too) and quotes a cell that holds a line
break, a tab or a quote ("a""b"); LibreOffice does the same with LF. Parsing is pure text
so both faces (and tests) read a pasted block the same way.
"""

from __future__ import annotations

import csv
import io


def parse_cells(text: str) -> list[list[str]]:
    """The rows of a pasted block; an empty line is one empty cell, trailing empty lines are dropped."""
    rows = [row if row else [""] for row in csv.reader(io.StringIO(text, newline=""), delimiter="\t", strict=False)]
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    return rows


def _quoted(cell: str) -> str:
    if any(ch in cell for ch in '\t\r\n"'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def format_cells(rows: list[list[str]]) -> str:
    """Rows as a spreadsheet expects them on the clipboard (CR LF after every line, like Excel)."""
    return "".join("\t".join(_quoted(c) for c in row) + "\r\n" for row in rows)
