"""The icon: drawn once as SVG, committed as PNG sizes and an ICO that match the drawing."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"


def _make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "scripts" / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_ico_holds_every_size_as_the_committed_png(qapp):
    raw = (ICONS / "c27desk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", raw)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, height, _colors, _res, planes, bits, length, offset = struct.unpack_from("<BBBBHHII", raw, 6 + 16 * i)
        size = width or 256
        assert (width, planes, bits) == (height, 1, 32)
        assert raw[offset:offset + length] == (ICONS / f"c27desk-{size}.png").read_bytes()
        sizes.append(size)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_committed_icons_are_what_the_script_draws_from_the_svg(qapp, tmp_path):
    _make_icons().make_icons(tmp_path)
    for size in (16, 24, 32, 48, 64, 128, 256):
        fresh, committed = QImage(str(tmp_path / f"c27desk-{size}.png")), QImage(str(ICONS / f"c27desk-{size}.png"))
        assert (committed.width(), committed.height()) == (size, size)
        assert fresh == committed, f"run scripts/make_icons.py: c27desk-{size}.png is stale"


def test_the_16_px_icon_is_not_a_blur(qapp):
    """At 16 px the page's outline and the check mark must be solid pixels, not faint ones."""
    image = QImage(str(ICONS / "c27desk-16.png"))
    alphas = [image.pixelColor(x, y).alpha() for x in range(16) for y in range(16)]
    solid = sum(1 for a in alphas if a == 255)
    faint = sum(1 for a in alphas if 0 < a < 128)
    assert solid >= 120 and faint <= 12


def test_every_window_has_the_icon(qapp):
    from c27desk.gui.app import _application

    app = _application()
    assert sorted(s.width() for s in app.windowIcon().availableSizes()) == [16, 24, 32, 48, 64, 128, 256]
