"""The face for the visible signature stamp: Liberation Serif rescaled to 1000 units per em.

pyHanko writes glyph widths in the font's own units while PDF expects thousandths of an em, so a
2048-unit face such as Liberation comes out with letters spread far apart. A rescaled copy fixes
that. It is made on the user's machine on first use (a few hundred milliseconds) and kept in the
cache folder; it carries its own family name because the OFL reserves the name "Liberation" for
the unmodified fonts, which are the ones we ship.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from functools import cache
from pathlib import Path

import platformdirs

from c27desk.errors import C27Error
from c27desk.fileio import atomic_write_bytes
from c27desk.i18n import msg
from c27desk.report.fonts import font_file

FAMILY = "C27 Stamp Serif"
_VERSION = 2  # bump when _rescale changes, so old cached copies are not reused


def _cache_dir() -> Path:
    override = os.environ.get("C27DESK_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir("c27desk", appauthor=False))


def _rescaled(source: Path) -> bytes:
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    font = TTFont(str(source))
    scale_upem(font, 1000)
    for table in ("FFTM", "DSIG"):  # tables the subsetter cannot handle and PDF does not need
        if table in font:
            del font[table]
    style = "Bold" if "Bold" in source.name else "Regular"
    names = font["name"]
    names.names = [n for n in names.names if n.nameID not in (1, 2, 3, 4, 6, 16, 17)]
    for name_id, text in ((1, FAMILY), (2, style), (3, f"c27desk:{FAMILY} {style}"),
                          (4, f"{FAMILY} {style}"), (6, f"C27StampSerif-{style}")):
        names.setName(text, name_id, 3, 1, 0x409)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@cache
def stamp_font_file(bold: bool = False) -> str:
    """Path of the rescaled face, made once per source font version (keyed by its hash).

    Kept in the cache folder, or in the temp folder when the cache cannot be written: a read-only
    or full profile folder must not stop a signature."""
    source = Path(font_file(bold))
    name = f"stamp-{_VERSION}-{hashlib.sha256(source.read_bytes()).hexdigest()[:16]}.ttf"
    places = [_cache_dir() / "fonts" / name, Path(tempfile.gettempdir()) / "c27desk-fonts" / name]
    for target in places:
        if target.is_file():
            return str(target)
    data = _rescaled(source)
    for target in places:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(target, data)
            return str(target)
        except (OSError, C27Error):
            continue
    raise C27Error(msg("Không ghi được phông chữ của dấu chữ ký vào thư mục tạm.",
                       "Cannot write the signature stamp's font to the temp folder."), code="WRITE_FAILED")
