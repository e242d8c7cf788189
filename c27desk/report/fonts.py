"""The one typeface of our documents: Liberation Serif, shipped in resources/fonts.

Party documents are set in Times New Roman (Hướng dẫn 36-HD/VPTW); Liberation Serif 2.x has the
same metrics and every Vietnamese letter, and its licence (SIL OFL) lets us ship it. Fonts are
registered once per process under our own names, so no reportlab default (Helvetica, never
embedded) can sneak into a document.
"""

from __future__ import annotations

import functools
import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from c27desk.resources import resource_path

SERIF = "C27Serif"
SERIF_BOLD = "C27Serif-Bold"
SERIF_ITALIC = "C27Serif-Italic"
SERIF_BOLD_ITALIC = "C27Serif-BoldItalic"

_FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}


_registering = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the family with reportlab (idempotent) and return the regular face's name.

    Under a lock, and marked done only when all four faces and their mappings are in: a second
    thread drawing at the same moment (a preview while received packages are checked) would
    otherwise see the regular face registered and draw before the bold one is ("Can't map …")."""
    global _registered
    with _registering:
        if not _registered:
            for name, file in _FILES.items():
                if name not in pdfmetrics.getRegisteredFontNames():
                    pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
            addMapping(SERIF, 0, 0, SERIF)
            addMapping(SERIF, 1, 0, SERIF_BOLD)
            addMapping(SERIF, 0, 1, SERIF_ITALIC)
            addMapping(SERIF, 1, 1, SERIF_BOLD_ITALIC)
            _registered = True
    return SERIF


def font_file(bold: bool = False) -> str:
    """Path of a face, for tools that embed fonts themselves (the signature stamp)."""
    return str(resource_path("fonts", _FILES[SERIF_BOLD if bold else SERIF]))


@functools.lru_cache(maxsize=256)  # the same titles in every appendix drawn (the office draws thousands)
def lowest_point(text: str, face: str) -> float:
    """How far below the baseline ``text`` reaches in ``face``, as a fraction of the font size (negative).

    Vietnamese capitals carry dots below (Ộ, Ệ); a rule under a title is drawn clear of them, so it
    is placed from the glyphs' real outlines rather than from a fixed underline offset."""
    from fontTools.pens.boundsPen import BoundsPen

    font = _tools_font(face)
    glyphs, cmap = font.getGlyphSet(), font.getBestCmap()
    lowest = 0.0
    for ch in set(text):
        name = cmap.get(ord(ch))
        if name is None:
            continue
        pen = BoundsPen(glyphs)
        glyphs[name].draw(pen)
        if pen.bounds is not None:
            lowest = min(lowest, pen.bounds[1])
    return lowest / font["head"].unitsPerEm


@functools.cache
def _tools_font(face: str):
    from fontTools.ttLib import TTFont as ToolsFont

    return ToolsFont(str(resource_path("fonts", _FILES[face])))
