"""Every menu of the menu bar opens with its Alt+letter, in both languages: a clerk working from the
keyboard could not reach Tổng hợp (import, consolidation) because it shared Alt+T with Tệp."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from c27desk.gui import i18n
from tests.gui.test_language import choose_language


@pytest.fixture(autouse=True)
def back_to_vietnamese():
    yield
    i18n.install_language("vi")


def mnemonic(title: str) -> str:
    return QKeySequence.mnemonic(title).toString().split("+")[-1]


def open_each_menu_by_its_letter(qtbot, window) -> list[str]:
    opened = []
    for action in window.menuBar().actions():
        if not action.isVisible() or action.menu() is None:
            continue
        letter = mnemonic(action.text())
        assert letter, f"{action.text()!r} has no Alt+letter"
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)
        try:
            qtbot.waitUntil(lambda a=action: QApplication.activePopupWidget() is a.menu(), timeout=2000)
        except qtbot.TimeoutError:
            shown = QApplication.activePopupWidget()
            pytest.fail(f"Alt+{letter} opened {shown.title() if shown else 'nothing'!r}, not {action.text()!r}")
        qtbot.keyClick(action.menu(), Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=2000)
        opened.append(action.text().replace("&", ""))
    return opened


def test_each_menu_opens_with_its_alt_letter_in_vietnamese_and_in_english(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    assert "Tổng hợp" in open_each_menu_by_its_letter(qtbot, window)
    choose_language(qtbot, window, "English")
    assert "Consolidation" in open_each_menu_by_its_letter(qtbot, window)
