"""At 1024×768 the entry table's headers are read in full: the value column's header fits in either
language, and a header a narrow column cuts short says itself whole in its tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from c27desk.gui import i18n
from c27desk.gui.entry_model import COL_VALUE


@pytest.fixture(autouse=True)
def back_to_vietnamese():
    yield
    i18n.install_language("vi", remember=False)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_value_header_fits_at_1024_by_768(qtbot, demo_db, open_window, lang):
    window = open_window(demo_db)
    header = window.table.horizontalHeader()
    font = header.font()  # a desktop's header font is wider than the offscreen one: take one a tenth larger
    font.setPointSizeF(font.pointSizeF() * 1.1)
    header.setFont(font)
    window.showNormal()
    window.resize(1000, 768)
    window.resize(1024, 768)
    i18n.install_language(lang, remember=False)
    qtbot.waitUntil(lambda: window.width() == 1024, timeout=2000)
    model = window.table.model()
    text = model.headerData(COL_VALUE, Qt.Orientation.Horizontal)
    assert text == ("Mã thực hiện / giá trị" if lang == "vi" else "Code / value")
    # Qt's own measure of the header: in bold, as the current cell's column is drawn, with the margins
    assert header.sectionSize(COL_VALUE) >= header.sectionSizeFromContents(COL_VALUE).width()
    for column in range(model.columnCount()):  # each header says itself whole when pointed at
        assert model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == \
            model.headerData(column, Qt.Orientation.Horizontal)
