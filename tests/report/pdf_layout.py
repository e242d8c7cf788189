"""What a page draws, read from its content stream: text runs with font, size and position, and lines.

pdftotext gives words and boxes but not fonts; pdfplumber/PyMuPDF are not installed. pikepdf
parses the content stream; this follows the text and graphics state far enough for the simple
fonts reportlab writes (one byte per glyph, a ToUnicode CMap, /Widths), which is all we need to
measure the appendix's header against the guidance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pikepdf


@dataclass(frozen=True)
class Run:
    text: str
    font: str  # BaseFont without the subset prefix, e.g. LiberationSerif-Bold
    size: float
    x: float  # start of the baseline, page coordinates (points, origin bottom left)
    y: float
    width: float

    @property
    def centre(self) -> float:
        return self.x + self.width / 2


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float


def _mul(a, b):
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
            a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def _point(m, x, y):
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def _to_unicode(font) -> dict[int, str]:
    cmap = font.get("/ToUnicode")
    table: dict[int, str] = {}
    if cmap is None:
        return table
    data = cmap.read_bytes().decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            start = int(dst, 16)
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                table[code] = chr(start + i)
    return table


def page_layout(pdf_path, page_number: int = 0) -> tuple[list[Run], list[Line]]:
    with pikepdf.open(pdf_path) as pdf:
        page = pdf.pages[page_number]
        fonts = {}
        for name, font in page.Resources.get("/Font", {}).items():
            widths = [float(w) for w in font.get("/Widths", [])]
            fonts[name] = (str(font.BaseFont).lstrip("/").split("+")[-1], _to_unicode(font),
                           int(font.get("/FirstChar", 0)), widths)
        runs: list[Run] = []
        lines: list[Line] = []
        ctm = [1.0, 0, 0, 1.0, 0, 0]
        stack: list[list[float]] = []
        tm = tlm = [1.0, 0, 0, 1.0, 0, 0]
        font, size, leading = None, 0.0, 0.0
        current = None
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            args = [float(a) if isinstance(a, int | float) or type(a).__name__ == "Decimal" else a for a in operands]
            if op == "q":
                stack.append(ctm)
            elif op == "Q":
                ctm = stack.pop()
            elif op == "cm":
                ctm = _mul(args, ctm)
            elif op == "BT":
                tm = tlm = [1.0, 0, 0, 1.0, 0, 0]
            elif op == "Tm":
                tm = tlm = list(args)
            elif op in ("Td", "TD"):
                tm = tlm = _mul([1, 0, 0, 1, args[0], args[1]], tlm)
                if op == "TD":
                    leading = -args[1]
            elif op == "TL":
                leading = args[0]
            elif op == "T*":
                tm = tlm = _mul([1, 0, 0, 1, 0, -leading], tlm)
            elif op == "Tf":
                font, size = fonts[str(args[0])], args[1]
            elif op in ("Tj", "TJ"):
                parts = args[0] if op == "TJ" else [args[0]]
                raw = b"".join(bytes(p) for p in parts if isinstance(p, pikepdf.String))
                name, table, first, widths = font
                text = "".join(table.get(b, "?") for b in raw)
                width = sum(widths[b - first] for b in raw if 0 <= b - first < len(widths)) / 1000 * size
                x, y = _point(_mul(tm, ctm), 0, 0)
                runs.append(Run(text, name, size, x, y, width))
                tm = _mul([1, 0, 0, 1, width, 0], tm)
            elif op == "m":
                current = _point(ctm, args[0], args[1])
            elif op == "l" and current is not None:
                end = _point(ctm, args[0], args[1])
                lines.append(Line(current[0], current[1], end[0], end[1]))
                current = end
        return runs, lines


def find_run(runs: list[Run], text: str) -> Run:
    found = [r for r in runs if r.text.strip() == text]
    assert len(found) == 1, f"{text!r}: {len(found)} runs; runs are {[r.text for r in runs][:40]}"
    return found[0]
