"""Makes the program's icon files from resources/icons/c27desk.svg.

    .venv/bin/python scripts/make_icons.py

Writes c27desk-N.png for each size and c27desk.ico holding all of them (Windows picks the size
it needs: 16 in lists, 32 on the desktop, 256 in large views). Qt rasterises the SVG (no Pillow
here); the ICO is put together by hand from PNG images, which Windows Vista and later read in
every size. The generated files are committed, so a build never needs this script.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"Qt could not write a {size} px PNG")
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file (ICONDIR, one ICONDIRENTRY per image, then the PNG data)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def make_icons(out: Path = ICONS) -> dict[int, bytes]:
    """Write the PNG files and the ICO into ``out``; returns the PNG images by size."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (Qt needs it for painting)
    renderer = QSvgRenderer(str(ICONS / "c27desk.svg"))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {ICONS / 'c27desk.svg'} is not a valid SVG")
    images = {size: render_png(renderer, size) for size in SIZES}
    for size, png in images.items():
        (out / f"c27desk-{size}.png").write_bytes(png)
    (out / "c27desk.ico").write_bytes(ico_bytes(images))
    return images


def main() -> int:
    make_icons()
    print(f"make_icons: wrote {len(SIZES)} PNG files and c27desk.ico in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
