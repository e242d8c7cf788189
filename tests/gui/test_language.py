"""The window speaks one language at a time, switched from its Settings menu: every visible text —
menus, headers, status and message bars, the undo step, an open dialog — is said again both ways."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from c27desk.gui import i18n
from c27desk.gui.entry_model import COL_VALUE
from c27desk.i18n import language
from tests.gui.test_entry_window import go, press_text, type_into

GUI = Path(__file__).resolve().parents[2] / "c27desk" / "gui"


@pytest.fixture(autouse=True)
def back_to_vietnamese():
    yield
    i18n.install_language("vi")  # the language is the program's state: the next test starts in Vietnamese


def choose_language(qtbot, window, name: str) -> None:
    """Settings menu → the language, with the keyboard, as a user does."""
    qtbot.keyClick(window, Qt.Key.Key_C if language() == "vi" else Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.menu_settings, timeout=2000)
    menu = window.menu_settings
    while menu.activeAction() is None or menu.activeAction().text() != name:
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=2000)


def header(view, column: int) -> str:
    return view.model().headerData(column, Qt.Orientation.Horizontal)


def test_switching_language_with_the_menu_says_everything_again(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    type_into(qtbot, window, "II.5", COL_VALUE, "250")
    go(window, "VIII.7", COL_VALUE)
    press_text(window.table, "x")  # a refused value: the red message bar
    qtbot.keyClick(window.table.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(window.notice.isVisible, timeout=2000)
    window.exchange.act_units.trigger()
    units = window.exchange.dialog

    choose_language(qtbot, window, "English")
    assert language() == "en"
    assert window.menu_report.title() == "&Report" and window.menu_settings.title() == "&Settings"
    assert window.model.headerData(1, Qt.Orientation.Horizontal) == "Criterion"
    assert window.act["undo"].text() == "Undo: edit II.5"
    assert window.save_state.text().startswith("Not saved: VIII.7:")
    assert window.notice.text().startswith("Not saved:") and "Correct it and press Enter" in window.notice.text()
    assert re.search(r"^Answered \d+/\d+ \(\d+%\) · \d+ errors? · \d+ warnings?$", window.completeness.text())
    assert window.filter_edit.placeholderText() == "Filter by text (Ctrl+F)"
    assert units.windowTitle() == "Units over the years"
    assert units.table.horizontalHeaderItem(0).text() == "Code"
    assert any(b.text() == "Revoke the selected certificate" for b in units.findChildren(QPushButton))

    choose_language(qtbot, window, "Tiếng Việt")
    assert language() == "vi"
    assert window.menu_report.title() == "&Báo cáo"
    assert window.model.headerData(1, Qt.Orientation.Horizontal) == "Tên tiêu chí"
    assert window.act["undo"].text() == "Hoàn tác: sửa II.5"
    assert window.save_state.text().startswith("Không lưu: VIII.7:")
    assert window.notice.text().startswith("Không lưu:")
    assert window.completeness.text().startswith("Đã trả lời")
    assert units.windowTitle() == "Đơn vị trực thuộc qua các năm"
    assert units.table.horizontalHeaderItem(0).text() == "Mã"
    assert any(b.text() == "Thu hồi chứng thư đã chọn" for b in units.findChildren(QPushButton))
    assert i18n.saved_language() == "vi"


def test_the_undo_step_is_named_in_the_language_shown_now(qtbot, demo_db, open_window):
    """A step made in Vietnamese reads in English after the switch, and the other way round."""
    window = open_window(demo_db)
    type_into(qtbot, window, "II.5", COL_VALUE, "250")
    window.set_language("en")
    type_into(qtbot, window, "II.6", COL_VALUE, "3")
    assert window.act["undo"].text() == "Undo: edit II.6"
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.act["undo"].text() == "Undo: edit II.5" and window.act["redo"].text() == "Redo: edit II.6"
    window.set_language("vi")
    assert window.act["undo"].text() == "Hoàn tác: sửa II.5"
    assert window.act["redo"].text() == "Làm lại: sửa II.6"


def test_an_open_desk_dialog_follows_the_switch(qtbot, office, open_window):
    window = open_window(office)
    window.office.act_received.trigger()
    dialog = window.office.dialog
    qtbot.waitUntil(lambda: dialog.checked, timeout=20000)
    assert header(dialog.table, 0) == "Mã đơn vị"
    states = {dialog.proxy.index(r, 3).data() for r in range(dialog.proxy.rowCount())}
    assert "✗ Chưa nộp" in states
    window.set_language("en")
    assert dialog.windowTitle() == "Reports received for 2023"
    assert header(dialog.table, 0) == "Unit code" and header(dialog.table, 9) == "Received at"
    assert "✗ Not received" in {dialog.proxy.index(r, 3).data() for r in range(dialog.proxy.rowCount())}
    assert dialog.head.text().startswith("2023: 0/3 units received.")
    window.set_language("vi")
    assert header(dialog.table, 0) == "Mã đơn vị" and dialog.head.text().startswith("Năm 2023: đã nhận 0/3 đơn vị.")


def test_the_window_has_no_other_way_of_speaking():
    """Qt's tr(), QCoreApplication.translate and %1 filled by .arg()/.replace() were the old ways; every text is
    msg(vi, en) now, with named placeholders."""
    old = re.compile(r"\.tr\(|\btr\(\"|\.arg\(|\.translate\(|\.replace\(\"%\d\"|current_language\(")
    found = [f"{path.name}:{n}: {line.strip()}" for path in sorted(GUI.glob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if old.search(line)]
    assert not found, found
