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


def assert_each_button_has_its_own_letter(widget) -> None:
    """In both languages, every button with words has an Alt+letter, no two the same."""
    from PySide6.QtWidgets import QPushButton

    try:
        for lang in ("en", "vi"):
            i18n.install_language(lang)
            worded = [b.text() for b in widget.findChildren(QPushButton) if any(c.isalpha() for c in b.text())]
            letters = [QKeySequence.mnemonic(t).toString() for t in worded]
            assert len(worded) >= 3 and all(letters) and len(set(letters)) == len(letters), (lang, worded)
    finally:
        i18n.install_language("vi")


def test_the_appendix_preview_works_from_the_keyboard(qtbot, demo_db, open_window):
    from tests.gui.test_appendix_window import open_preview

    window = open_window(demo_db)
    preview = open_preview(qtbot, window)
    assert_each_button_has_its_own_letter(preview)  # switched to English and back
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow, timeout=2000)
    qtbot.keyClick(preview, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Trang sau ▶
    qtbot.waitUntil(lambda: preview.page.value() == 2, timeout=2000)
    qtbot.keyClick(preview, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # Đóng
    qtbot.waitUntil(lambda: not preview.isVisible(), timeout=2000)


def test_the_received_list_works_from_the_keyboard(qtbot, office, open_window):
    window = open_window(office)
    window.office.act_received.trigger()
    dialog = window.office.dialog
    qtbot.waitUntil(lambda: dialog.checked, timeout=20000)
    assert_each_button_has_its_own_letter(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    dialog.select_unit("HU-NHONTRACH")
    qtbot.keyClick(dialog, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # Mở phụ lục đã ký…
    qtbot.waitUntil(lambda: "Chưa nhận báo cáo năm 2023 của HU-NHONTRACH" in dialog.status.text(), timeout=2000)
    qtbot.keyClick(dialog, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # Đóng
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)


def test_ctrl_s_still_saves_the_appendix_after_a_language_switch(qtbot, demo_db, open_window):
    """The button's shortcut is its Alt+letter, set again by each setText: Ctrl+S set on it was lost."""
    from tests.gui.test_appendix_window import open_preview

    window = open_window(demo_db)
    preview = open_preview(qtbot, window)
    preview.save_requested.disconnect()  # the save dialog itself is not this test's subject
    asked: list[int] = []
    preview.save_requested.connect(lambda: asked.append(1))
    try:
        i18n.install_language("en")
        i18n.install_language("vi")
    finally:
        i18n.install_language("vi")
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow, timeout=2000)
    qtbot.keyClick(preview, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: asked == [1], timeout=2000)
