"""The appendix as an A4 PDF in Party document format (Hướng dẫn 36-HD/VPTW).

Layout: issuing body top left (parent body; the unit in bold; "*"; "Số …-BC/…"), "ĐẢNG CỘNG SẢN
VIỆT NAM" top right over the place-and-date line; "PHỤ LỤC" and "(Kèm theo Báo cáo số …)"; the
seed's four-column table with sections as bold rows and its header repeated on every page; the
signature block at the right with "Nơi nhận" at the left. Margins and sizes follow the font table
of 36-HD (Phụ lục 3): "ĐẢNG CỘNG SẢN VIỆT NAM" 15 pt bold capitals with a solid rule under it as
long as the title, parent body 14 pt capitals, issuing body 14 pt bold capitals with "*" under it,
"Số …" 14 pt, place and date 14 pt italic; A4, left 30 mm, right 15 mm, top and bottom 20 mm; 12 pt
in the table. Page numbers sit top centre from page 2. Nothing else is printed on the page: the
check code that ties paper to data lives in the PDF's metadata (and ``verify`` shows it).

A cell longer than what is left of a page (a long explanation or free text) continues on the next
page inside the table, under the repeated header.

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
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    LayoutError,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from c27desk.errors import C27Error
from c27desk.i18n import msg
from c27desk.model.text import nfc
from c27desk.model.values import display_explanation, display_value
from c27desk.report.appendix import AppendixContent, document_number, vn_date_line
from c27desk.report.fonts import SERIF, SERIF_BOLD, SERIF_ITALIC, lowest_point, register_fonts
from c27desk.report.pdfa import add_pdfa_identification

PAGE_W, PAGE_H = A4
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 30 * mm, 15 * mm, 20 * mm, 20 * mm
BODY_W = PAGE_W - MARGIN_L - MARGIN_R
COL_W = (12 * mm, 72 * mm, 58 * mm, BODY_W - 142 * mm)
HEADER_ROW = ("STT", "Tên tiêu chí", "Diễn giải tình trạng thực hiện", "Mã thực hiện")
SIGNATURE_SPACE = 30 * mm  # room for a hand signature or the visible stamp
STAMP_W = 70 * mm
LONG_VALUE = 40  # characters: a longer value (free text) is set across the explanation and value columns


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


# Hướng dẫn 36-HD/VPTW, Phụ lục 3: the header's sizes in points
TITLE_PT = 15  # ĐẢNG CỘNG SẢN VIỆT NAM, bold capitals
BODY_PT = 14  # parent body (regular caps), issuing body (bold caps), "Số …" (regular), place and date (italic)
RULE_GAP = 1.5  # points between the lowest diacritic of the title and its rule


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=SERIF, fontSize=13, leading=16)
    head = ParagraphStyle("head", parent=base, fontSize=BODY_PT, leading=17, alignment=TA_CENTER)
    return {
        "body": base,
        "center": head,
        "center_bold": ParagraphStyle("center_bold", parent=head, fontName=SERIF_BOLD),
        "date": ParagraphStyle("date", parent=head, fontName=SERIF_ITALIC),
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


_WRAP_STATE = ("blPara", "height", "width", "_wrapWidths", "_width_max", "_splitLongWordCount", "_hyphenations")
_WRAPS: dict[tuple, dict] = {}  # (text, style, width) -> what wrapping it left on the paragraph
_PARSED: dict[tuple, tuple] = {}  # (text, style) -> the text reportlab keeps and its parsed fragments
WRAP_CACHE_LIMIT = 40_000


class _Paragraph(Paragraph):
    """reportlab's Paragraph, remembering for the process how a text in a style breaks into lines at a
    width. The office draws every received appendix again to compare it (thousands, of one form): the
    criteria's wording, the headers and most short answers are the same in all of them, and breaking
    them into lines is most of a rendering. Wrapping depends only on the text, the style and the width,
    so what is drawn is the same bytes either way (``tests/report`` compares the two)."""

    def __init__(self, text, style, *args, **kwargs):
        # only a paragraph made from its text: the pieces reportlab splits off are made from fragments
        if text is None or args or kwargs:
            super().__init__(text, style, *args, **kwargs)
            self._wrap_key = None
            return
        key = (text, style.name, style.fontName, style.fontSize, style.leading, style.alignment, style.leftIndent,
               style.rightIndent, style.firstLineIndent, style.textColor, style.textTransform)
        parsed = _PARSED.get(key)
        if parsed is None:
            super().__init__(text, style)
            if len(_PARSED) >= WRAP_CACHE_LIMIT:
                _PARSED.clear()
            _PARSED[key] = (self.text, self.frags)
        else:
            super().__init__(parsed[0], style, frags=list(parsed[1]))
        self._wrap_key = key

    def wrap(self, available_width, available_height):
        if self._wrap_key is None:
            return super().wrap(available_width, available_height)
        key = (*self._wrap_key, available_width)
        state = _WRAPS.get(key)
        if state is None:
            size = super().wrap(available_width, available_height)
            if len(_WRAPS) >= WRAP_CACHE_LIMIT:
                _WRAPS.clear()
            _WRAPS[key] = {name: getattr(self, name) for name in _WRAP_STATE if hasattr(self, name)}
            return size
        self.__dict__.update(state)
        self._wrapWidths = list(state["_wrapWidths"])
        return self.width, self.height


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return _Paragraph(escape(nfc(text)).replace("\n", "<br/>"), style)


def wrapped_lines(text: str, face: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width``: at spaces, and inside a word only when the
    word alone is wider than the line (a name typed without spaces must not run off the page)."""
    lines: list[str] = []
    for word in nfc(text).split():
        line = f"{lines[-1]} {word}" if lines else word
        if lines and stringWidth(line, face, size) <= width:
            lines[-1] = line
            continue
        piece = ""
        for ch in word:
            if piece and stringWidth(piece + ch, face, size) > width:
                lines.append(piece)
                piece = ""
            piece += ch
        lines.append(piece)
    return lines


SIGNER_LEADING = 17


class _SignatureBlock(Flowable):
    """Authority and title, an empty box for the signature, the signer's name; remembers where it was drawn.

    Each line is wrapped inside the column (the longest authority, title and name a user may type
    take several lines), so nothing runs over "Nơi nhận" or past the page edge, and the box for
    the stamp stays between the title's last line and the name's first."""

    def __init__(self, lines_above: list[str], name: str, width: float, found: list):
        super().__init__()
        self.width, self.found = width, found
        room = width - 6  # a little air at the column's edges
        self.lines_above = [w for line in lines_above for w in wrapped_lines(line, SERIF_BOLD, BODY_PT, room)]
        self.name_lines = wrapped_lines(name, SERIF_BOLD, BODY_PT, room)
        self.height = SIGNER_LEADING * len(self.lines_above) + SIGNATURE_SPACE + SIGNER_LEADING * max(
            1, len(self.name_lines)) + 3

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        y = self.height - 14
        c.setFont(SERIF_BOLD, BODY_PT)  # authority, title and name: 14 pt bold (36-HD)
        for line in self.lines_above:
            c.drawCentredString(self.width / 2, y, line)
            y -= SIGNER_LEADING
        top = y + 8
        bottom = top - SIGNATURE_SPACE
        for i, line in enumerate(self.name_lines):
            c.drawCentredString(self.width / 2, bottom - 12 - SIGNER_LEADING * i, line)
        # record the box in page coordinates for the signing step
        x0, y0 = c.absolutePosition(0, 0)
        left = x0 + (self.width - STAMP_W) / 2
        self.found.append(SignatureBox(c.getPageNumber() - 1, left, y0 + bottom + 2, left + STAMP_W, y0 + top - 2))


class _RuledTitle(Flowable):
    """A centred title with a solid rule under it as long as the title, below its lowest diacritic.

    A text underline (<u>) sits at the font's underline offset and runs through the dots under
    Ộ and Ệ; 36-HD asks for a rule under the title."""

    def __init__(self, text: str, face: str, size: float, width: float):
        super().__init__()
        self.text, self.face, self.size, self.width = nfc(text), face, size, width
        self.drop = -lowest_point(self.text, face) * size + RULE_GAP  # baseline to rule
        self.height = size * 0.95 + self.drop + 1

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        baseline = self.height - self.size * 0.95
        c.setFont(self.face, self.size)
        c.drawCentredString(self.width / 2, baseline, self.text)
        length = stringWidth(self.text, self.face, self.size)
        c.setLineWidth(0.6)
        y = baseline - self.drop
        c.line((self.width - length) / 2, y, (self.width + length) / 2, y)


PAD_X, PAD_TOP, PAD_BOTTOM = 3, 2, 3
PIECE_LINES = 8  # a long cell is cut into pieces of at most this many lines, one table row each


_FITS: dict[tuple, bool] = {}  # (text, font, size, width) -> whether it surely needs no cutting


def _fits_whole(text: str, font: str, size: float, inner: float) -> bool:
    """Greedy wrapping fills each line to at least ``inner`` less the longest word, so a text whose words are
    short enough cannot take more than PIECE_LINES lines. Remembered for the process, as the wrapping is:
    the criteria's wording and most answers are the same in every appendix of a form."""
    key = (text, font, size, inner)
    fits = _FITS.get(key)
    if fits is None:
        longest = max(stringWidth(w, font, size) for w in text.split() or [""])
        fits = longest < inner / 2 and stringWidth(text, font, size) / (inner - longest) + 1 <= PIECE_LINES
        if len(_FITS) >= WRAP_CACHE_LIMIT:
            _FITS.clear()
        _FITS[key] = fits
    return fits


def _pieces(par: Paragraph, width: float) -> list[Flowable]:
    """``par`` cut into consecutive pieces of at most PIECE_LINES lines, by reportlab's own line breaking.

    A row taller than a page cannot be placed at all, and reportlab's in-row splitting (splitInRow)
    mangles rows with spans and repeated headers; rows of a few lines each break across pages
    like any other row, under the repeated header."""
    inner = width - 2 * PAD_X
    style = par.style
    if _fits_whole(par.text, style.fontName, style.fontSize, inner):
        return [par]
    limit = PIECE_LINES * style.leading
    pieces: list[Flowable] = []
    _, height = par.wrap(inner, 1e9)
    while height > limit * 1.25:  # no piece of a line or two left dangling
        parts = par.split(inner, limit)
        if len(parts) < 2:
            break
        pieces.append(parts[0])
        par = parts[1]
        _, height = par.wrap(inner, 1e9)
    return [*pieces, par]


class _ClosedTable(Table):
    """A table whose part on each page ends with a rule, also where a page cuts a long cell's pieces
    (rules are drawn per row, and reportlab's "splitlast" row style does not reach these splits)."""

    def split(self, available_width, available_height):
        parts = super().split(available_width, available_height)
        if len(parts) == 2:
            parts[0].setStyle([("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.black)])
        return parts


def _paragraphs(text: str, style: ParagraphStyle) -> list[Paragraph]:
    """A cell's text as one paragraph per line (an empty line stays a blank line), so it can be cut anywhere."""
    return [_Paragraph(escape(nfc(line)) or "\u00a0", style) for line in text.split("\n")]


def _table(content: AppendixContent, st: dict[str, ParagraphStyle]) -> Table:
    """The seed's four columns. Rules are drawn per row (not GRID) so that the pieces of a long cell
    read as one cell: no rule between them, and the table's box closes each page."""
    rows: list[list] = [[_p(h, st["cell_head"]) for h in HEADER_ROW]]
    commands: list[tuple] = [("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black)]

    def add(cells: list, spans_from: int | None) -> None:
        """One criterion or section (cells from ``spans_from`` on are one), cut into rows of pieces."""
        widths = [sum(COL_W[i:]) if i == spans_from else w for i, w in enumerate(COL_W)]
        split = [[piece for par in c for piece in _pieces(par, widths[i])] if isinstance(c, list) else [c]
                 for i, c in enumerate(cells)]
        height = max(len(p) for p in split)
        first = len(rows)
        for k in range(height):
            rows.append([p[k] if k < len(p) else "" for p in split])
        last = len(rows) - 1
        for col in range(1, 4):
            if spans_from is None or col <= spans_from:
                commands.append(("LINEBEFORE", (col, first), (col, last), 0.5, colors.black))
        if spans_from is not None:
            for r in range(first, last + 1):
                commands.append(("SPAN", (spans_from, r), (3, r)))
        if height > 1:  # pieces follow each other from the top, as one text, without padding between them
            commands.extend([("VALIGN", (0, first), (-1, last), "TOP"),
                             ("BOTTOMPADDING", (0, first), (-1, last - 1), 0),
                             ("TOPPADDING", (0, first + 1), (-1, last), 0)])
        commands.append(("LINEBELOW", (0, last), (-1, last), 0.5, colors.black))

    for section, depth in content.catalogue.walk_printed():
        r = len(rows)
        add([_paragraphs(section.label, st["cell_section"]), _paragraphs(section.title, st["cell_section"]), "", ""], 1)
        # a section heading never ends a page: keep it with the heading below it or its first criterion's start
        commands.append(("NOSPLIT", (0, r), (-1, len(rows))))
        if depth == 0:
            commands.append(("BACKGROUND", (0, r), (-1, len(rows) - 1), colors.Color(0.93, 0.93, 0.93)))
        for crit in section.criteria:
            entry = content.entries.get(crit.id)
            explanation = display_explanation(crit, entry)
            value = (display_value(crit, entry) if crit.id not in content.catalogue.not_asked
                     else content.catalogue.not_asked_text or "")
            number, wording = _paragraphs(crit.stt, st["cell_center"]), _paragraphs(crit.text, st["cell"])
            if len(value) > LONG_VALUE:
                # a free text of sentences or paragraphs would be a ribbon in the code column: it takes the
                # explanation and value columns together, after the explanation if there is one
                text = f"{explanation}\n{value}" if explanation else value
                add([number, wording, _paragraphs(text, st["cell"]), ""], 2)
            else:
                add([number, wording, _paragraphs(explanation, st["cell"]), _paragraphs(value, st["cell_center"])],
                    None)
    table = _ClosedTable(rows, colWidths=COL_W, repeatRows=1, splitByRow=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("FONTSIZE", (0, 0), (-1, -1), 12),
        ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_TOP),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_BOTTOM),
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
        _RuledTitle("ĐẢNG CỘNG SẢN VIỆT NAM", SERIF_BOLD, TITLE_PT, BODY_W * 0.55),
        Spacer(1, 6),
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
        canvas.restoreState()

    return draw


def _layout_refusal(content: AppendixContent, st: dict[str, ParagraphStyle], page_height: float) -> C27Error:
    """What to tell a user whose answers do not fit the form: the rows taller than a page, by id."""
    tall = []
    for crit in content.catalogue.criteria:
        entry = content.entries.get(crit.id)
        cells = ((display_explanation(crit, entry), st["cell"], COL_W[2]),
                 (display_value(crit, entry), st["cell_center"], COL_W[3]))
        # taller than the frame less the repeated header row: this row can never be placed
        if max(_p(text, style).wrap(width - 6, page_height)[1] for text, style, width in cells) > page_height - 40:
            tall.append(crit.id)
    which = ", ".join(tall[:10]) or "?"
    return C27Error(
        msg("Không dàn trang được phụ lục năm {year}: nội dung của tiêu chí {which} quá dài để in trong một "
            "trang của bảng; hãy rút ngắn nội dung hoặc diễn giải đó.",
            "The {year} appendix cannot be laid out: the text of criterion {which} is too long to print on "
            "one page of the table; shorten that text or explanation.",
            year=content.year, which=which), code="APPENDIX_LAYOUT")


def render_appendix(content: AppendixContent) -> RenderedAppendix:
    """Draw the appendix; the result is the same bytes for the same content (reproducible exports)."""
    return _render(content, archival=True)


def render_for_comparison(content: AppendixContent) -> RenderedAppendix:
    """The appendix drawn only to compare its pages with a signed one (``appendix_check``), never to be
    kept or signed: the same pages as ``render_appendix`` with their streams left uncompressed and
    without the PDF/A identification, which adds only document-level parts (XMP, output intent) that
    no page refers to. The comparison reads streams by their decoded bytes and ignores how they are
    encoded, so it finds the same pages either way (``tests/report`` checks this over several contents);
    skipping the compression and the PDF/A rewrite (pikepdf opening and saving the file again) takes
    about 12 of the 67 ms a drawing cost."""
    return _render(content, archival=False)


def _render(content: AppendixContent, *, archival: bool) -> RenderedAppendix:
    register_fonts()
    st = _styles()
    found: list[SignatureBox] = []
    buffer = io.BytesIO()
    title = nfc(f"Phụ lục báo cáo Chương trình 27 năm {content.year} – {content.unit.name}")
    meta = {
        "title": title, "author": nfc(content.unit.name), "subject": nfc(f"Chương trình 27 – năm {content.year}"),
        "keywords": f"c27desk;{content.unit.code};{content.year};revision={content.revision or 0};"
                    f"hash={content.content_hash};printed={content.printed_hash}",
        "creator": f"c27desk {content.app_version}",
    }
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_L, rightMargin=MARGIN_R, topMargin=MARGIN_T, bottomMargin=MARGIN_B,
        producer=meta["creator"], invariant=1, lang="vi-VN", initialFontName=SERIF, initialFontSize=13,
        **{k: v for k, v in meta.items() if k != "creator"}, creator=meta["creator"],
        pageCompression=None if archival else 0,
    )
    story = [*_heading(content, st), _table(content, st), _closing(content, st, found)]
    marks = _page_marks(content)
    try:
        doc.build(story, onFirstPage=marks, onLaterPages=marks)
    except LayoutError as exc:
        raise _layout_refusal(content, st, doc.height) from exc
    pdf = buffer.getvalue()
    if archival:
        pdf = add_pdfa_identification(pdf, created=datetime.fromisoformat(content.generated_at), **meta)
    return RenderedAppendix(pdf, found[-1], doc.page)
