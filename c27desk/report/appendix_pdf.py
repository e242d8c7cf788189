"""The appendix as an A4 PDF in Party document format (Hướng dẫn 36-HD/VPTW).

Layout: issuing body top left (parent body; the unit in bold; "*"; "Số …-BC/…"), "ĐẢNG CỘNG SẢN
VIỆT NAM" top right over the place-and-date line; "PHỤ LỤC" and "(Kèm theo Báo cáo số …)"; the
seed's four-column table with sections as bold rows and its header repeated on every page; the
signature block at the right with "Nơi nhận" at the left. Margins and sizes follow 36-HD (left
30 mm, right 15 mm, top and bottom 20 mm; 13–14 pt text, 12 pt in the table). Page numbers sit top
centre from page 2, as 36-HD asks.

The signature block leaves an empty box between the signer's title and name; its position is
returned with the PDF so the signing step can put the visible stamp exactly there.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from c27desk.model.text import nfc
from c27desk.model.values import display_explanation, display_value
from c27desk.report.appendix import AppendixContent, document_number, vn_date_line
from c27desk.report.fonts import SERIF, SERIF_BOLD, SERIF_ITALIC, register_fonts
from c27desk.report.pdfa import add_pdfa_identification

PAGE_W, PAGE_H = A4
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 30 * mm, 15 * mm, 20 * mm, 20 * mm
BODY_W = PAGE_W - MARGIN_L - MARGIN_R
COL_W = (12 * mm, 72 * mm, 58 * mm, BODY_W - 142 * mm)
HEADER_ROW = ("STT", "Tên tiêu chí", "Diễn giải tình trạng thực hiện", "Mã thực hiện")
SIGNATURE_SPACE = 30 * mm  # room for a hand signature or the visible stamp
STAMP_W = 70 * mm


@dataclass(frozen=True)
class SignatureBox:
    """Where the visible signature goes: 0-based page, and the box in PDF points."""

    page: int
    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def box(self) -> tuple[int, int, int, int]:
        return (round(self.x1), round(self.y1), round(self.x2), round(self.y2))


@dataclass(frozen=True)
class RenderedAppendix:
    pdf: bytes
    signature_box: SignatureBox
    pages: int


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=SERIF, fontSize=13, leading=16)
    return {
        "body": base,
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "center_bold": ParagraphStyle("center_bold", parent=base, alignment=TA_CENTER, fontName=SERIF_BOLD),
        "date": ParagraphStyle("date", parent=base, alignment=TA_CENTER, fontName=SERIF_ITALIC, fontSize=13),
        "title": ParagraphStyle("title", parent=base, alignment=TA_CENTER, fontName=SERIF_BOLD, fontSize=14,
                                leading=18),
        "subtitle": ParagraphStyle("subtitle", parent=base, alignment=TA_CENTER, fontName=SERIF_ITALIC),
        "cell": ParagraphStyle("cell", parent=base, fontSize=12, leading=14),
        "cell_center": ParagraphStyle("cell_center", parent=base, fontSize=12, leading=14, alignment=TA_CENTER),
        "cell_head": ParagraphStyle("cell_head", parent=base, fontSize=12, leading=14, alignment=TA_CENTER,
                                    fontName=SERIF_BOLD),
        "cell_section": ParagraphStyle("cell_section", parent=base, fontSize=12, leading=14, fontName=SERIF_BOLD),
        "recipients_head": ParagraphStyle("recipients_head", parent=base, fontSize=12, leading=14,
                                          fontName="C27Serif-BoldItalic"),
        "recipients": ParagraphStyle("recipients", parent=base, fontSize=11, leading=13, alignment=TA_LEFT),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(nfc(text)).replace("\n", "<br/>"), style)


class _SignatureBlock(Flowable):
    """Authority and title, an empty box for the signature, the signer's name; remembers where it was drawn."""

    def __init__(self, lines_above: list[str], name: str, width: float, found: list):
        super().__init__()
        self.lines_above, self.name, self.width, self.found = lines_above, name, width, found
        self.height = 17 * len(lines_above) + SIGNATURE_SPACE + 20

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        y = self.height - 14
        c.setFont(SERIF_BOLD, 13)
        for line in self.lines_above:
            c.drawCentredString(self.width / 2, y, nfc(line))
            y -= 17
        top = y + 8
        bottom = top - SIGNATURE_SPACE
        c.drawCentredString(self.width / 2, bottom - 12, nfc(self.name))
        # record the box in page coordinates for the signing step
        x0, y0 = c.absolutePosition(0, 0)
        left = x0 + (self.width - STAMP_W) / 2
        self.found.append(SignatureBox(c.getPageNumber() - 1, left, y0 + bottom + 2, left + STAMP_W, y0 + top - 2))


def _table(content: AppendixContent, st: dict[str, ParagraphStyle]) -> Table:
    rows: list[list] = [[_p(h, st["cell_head"]) for h in HEADER_ROW]]
    commands: list[tuple] = []
    for section, depth in content.catalogue.walk_printed():
        r = len(rows)
        rows.append([_p(section.label, st["cell_section"]), _p(section.title, st["cell_section"]), "", ""])
        commands += [("SPAN", (1, r), (3, r))]
        # a section heading never ends a page: keep it with the heading below it or its first criterion
        commands.append(("NOSPLIT", (0, r), (-1, r + 1)))
        if depth == 0:
            commands.append(("BACKGROUND", (0, r), (-1, r), colors.Color(0.93, 0.93, 0.93)))
        for crit in section.criteria:
            entry = content.entries.get(crit.id)
            rows.append([
                _p(crit.stt, st["cell_center"]),
                _p(crit.text, st["cell"]),
                _p(display_explanation(crit, entry), st["cell"]),
                _p(display_value(crit, entry) if crit.id not in content.catalogue.not_asked
                   else content.catalogue.not_asked_text or "", st["cell_center"]),
            ])
    table = Table(rows, colWidths=COL_W, repeatRows=1, splitByRow=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("FONTSIZE", (0, 0), (-1, -1), 12),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *commands,
    ]))
    return table


def _layout_style() -> TableStyle:
    """A borderless layout table; its font is set too, or reportlab selects (unembedded) Helvetica for it."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), SERIF), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])


def _heading(content: AppendixContent, st: dict[str, ParagraphStyle]) -> list:
    unit, period = content.unit, content.period
    left = []
    if unit.parent_body:
        left.append(_p(unit.parent_body.upper(), st["center"]))
    left.append(_p(unit.name.upper(), st["center_bold"]))
    left.append(_p("*", st["center"]))
    left.append(_p(f"Số {document_number(content)}", st["center"]))
    report_day = date.fromisoformat(period.report_date) if period.report_date else None
    right = [
        Paragraph("<u>ĐẢNG CỘNG SẢN VIỆT NAM</u>", st["center_bold"]),
        Spacer(1, 8),
        _p(vn_date_line(period.place or unit.place, report_day), st["date"]),
    ]
    head = Table([[left, right]], colWidths=(BODY_W * 0.45, BODY_W * 0.55))
    head.setStyle(_layout_style())
    dated = report_day.strftime("%d/%m/%Y") if report_day else "\u00a0" * 4 + "/" + "\u00a0" * 4 + f"/{period.year + 1}"
    return [
        head,
        Spacer(1, 14),
        _p("PHỤ LỤC", st["title"]),
        _p(f"(Kèm theo Báo cáo số {document_number(content)}, ngày {dated} của {unit.name})", st["subtitle"]),
        Spacer(1, 10),
    ]


def _closing(content: AppendixContent, st: dict[str, ParagraphStyle], found: list) -> Flowable:
    period = content.period
    left: list = []
    if period.recipients.strip():
        left = [_p("Nơi nhận:", st["recipients_head"]), _p(period.recipients.strip(), st["recipients"])]
    above = [line for line in (period.signer_authority, period.signer_title) if line.strip()]
    block = _SignatureBlock([a.upper() for a in above], period.signer_name, BODY_W * 0.55, found)
    closing = Table([[left, block]], colWidths=(BODY_W * 0.45, BODY_W * 0.55))
    closing.setStyle(_layout_style())
    return KeepTogether([Spacer(1, 14), closing])


def _page_marks(content: AppendixContent):
    rev = f"bản {content.revision}" if content.revision else "chưa chốt"
    footer = nfc(f"c27desk {content.app_version} · {content.unit.code} · năm {content.year} · {rev} · "
                 f"mã kiểm tra {content.content_hash[:16]}")

    def draw(canvas, doc) -> None:
        canvas.saveState()
        page = canvas.getPageNumber()
        if page > 1:
            canvas.setFont(SERIF, 13)
            canvas.drawCentredString(MARGIN_L + BODY_W / 2, PAGE_H - 12 * mm, str(page))
        if not content.final:
            # across the page, light, under the table (drawn first): nobody can take a draft for the real thing
            canvas.saveState()
            canvas.setFont(SERIF_BOLD, 110)
            canvas.setFillColor(colors.Color(0.96, 0.85, 0.85))
            canvas.translate(MARGIN_L + BODY_W / 2, PAGE_H / 2)
            canvas.rotate(50)
            canvas.drawCentredString(0, -40, nfc("DỰ THẢO"))
            canvas.restoreState()
            canvas.setFont(SERIF_BOLD, 10)
            canvas.setFillColor(colors.Color(0.7, 0, 0))
            canvas.drawRightString(MARGIN_L + BODY_W, PAGE_H - 12 * mm, nfc("DỰ THẢO – chưa chốt, không dùng để gửi"))
        canvas.setFont(SERIF, 8)
        canvas.setFillColor(colors.Color(0.35, 0.35, 0.35))
        canvas.drawString(MARGIN_L, 10 * mm, footer)
        canvas.restoreState()

    return draw


def render_appendix(content: AppendixContent) -> RenderedAppendix:
    """Draw the appendix; the result is the same bytes for the same content (reproducible exports)."""
    register_fonts()
    st = _styles()
    found: list[SignatureBox] = []
    buffer = io.BytesIO()
    title = nfc(f"Phụ lục báo cáo Chương trình 27 năm {content.year} – {content.unit.name}")
    meta = {
        "title": title, "author": nfc(content.unit.name), "subject": nfc(f"Chương trình 27 – năm {content.year}"),
        "keywords": f"c27desk;{content.unit.code};{content.year};revision={content.revision or 0};"
                    f"hash={content.content_hash}",
        "creator": f"c27desk {content.app_version}",
    }
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_L, rightMargin=MARGIN_R, topMargin=MARGIN_T, bottomMargin=MARGIN_B,
        producer=meta["creator"], invariant=1, lang="vi-VN", initialFontName=SERIF, initialFontSize=13,
        **{k: v for k, v in meta.items() if k != "creator"}, creator=meta["creator"],
    )
    story = [*_heading(content, st), _table(content, st), _closing(content, st, found)]
    marks = _page_marks(content)
    doc.build(story, onFirstPage=marks, onLaterPages=marks)
    created = datetime.fromisoformat(content.generated_at)
    pdf = add_pdfa_identification(buffer.getvalue(), created=created, **meta)
    return RenderedAppendix(pdf, found[-1], doc.page)
