"""Qt's own words (standard buttons, text menus, the file dialog) follow the interface language."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTreeView,
)

from c27desk.gui import i18n
from c27desk.gui.qt_strings import qt_strings_file

TS = qt_strings_file("vi").with_suffix(".ts")


@pytest.fixture
def language(qapp):
    """Switch the interface language; windows of earlier tests that wait for deletion go first,
    since a language change re-translates every window still there (theirs have closed databases)."""
    def use(lang: str) -> None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert i18n.install_language(lang)
    yield use
    use("vi")


def shown(text: str) -> str:
    return text.replace("&", "")


def box_buttons() -> list[str]:
    box = QMessageBox(QMessageBox.Icon.Question, "c27desk", "?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel)
    box.setDetailedText("…")
    try:
        return [shown(b.text()) for b in box.buttons()]
    finally:
        box.deleteLater()


def menu_texts(widget) -> list[str]:
    menu = widget.createStandardContextMenu()
    try:
        return [shown(a.text()).split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    finally:
        menu.deleteLater()
        widget.deleteLater()


def file_dialog_texts(qtbot, mode=QFileDialog.AcceptMode.AcceptOpen) -> set[str]:
    dialog = QFileDialog(None, "c27desk")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = {shown(label.text()) for label in dialog.findChildren(QLabel)}
    texts |= {shown(b.text()) for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()}
    model = dialog.findChild(QTreeView).model()  # the detail view's column titles
    texts |= {model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())}
    dialog.close()
    return texts


def test_vietnamese_window_shows_qt_buttons_menus_and_file_dialog_in_vietnamese(language, qtbot):
    language("vi")
    assert {"Có", "Không", "Hủy", "Hiện chi tiết..."} <= set(box_buttons())
    assert menu_texts(QLineEdit("abc")) == ["Hoàn tác", "Làm lại", "Cắt", "Sao chép", "Dán", "Xóa", "Chọn tất cả"]
    assert {"Hoàn tác", "Sao chép", "Dán", "Chọn tất cả"} <= set(menu_texts(QPlainTextEdit("abc")))
    opened = file_dialog_texts(qtbot)
    assert {"Tìm trong:", "Tên tệp:", "Kiểu tệp:", "Mở", "Hủy", "Tên", "Kích thước", "Ngày sửa"} <= opened
    assert "Lưu" in file_dialog_texts(qtbot, QFileDialog.AcceptMode.AcceptSave)
    stack = QUndoStack()
    assert shown(stack.createUndoAction(stack).text()) == "Hoàn tác"


def test_english_window_keeps_qt_english(language, qtbot):
    language("en")
    assert {"Yes", "No", "Cancel"} <= set(box_buttons())
    assert menu_texts(QLineEdit("abc")) == ["Undo", "Redo", "Cut", "Copy", "Paste", "Delete", "Select All"]
    assert {"Look in:", "File name:", "Files of type:", "Open", "Name", "Size"} <= file_dialog_texts(qtbot)


def test_switching_back_to_vietnamese_translates_qt_again(language):
    language("en")
    language("vi")
    assert {"Có", "Không"} <= set(box_buttons())


# Qt strings a Vietnamese reader sees as they are: key names, the layout direction, a percentage
LEFT_AS_QT = {"QShortcut", "QGuiApplication", "QProgressBar", "QPageSize", "QIODevice"}
KEYS = {"Alt+Left", "Alt+Right", "Alt+Up"}


class _Asked(QTranslator):
    """Answers nothing; records every (context, source, disambiguation) Qt looks up."""

    def __init__(self):
        super().__init__()
        self.asked: set[tuple[str, str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):
        self.asked.add((context, source, disambiguation or ""))
        return None

    def isEmpty(self):  # noqa: N802 - a Qt virtual
        return False


def test_every_qt_string_the_program_shows_is_in_the_vietnamese_file(language, qtbot):
    """A newer Qt that renames a string (or adds one to these dialogs) fails here, not in front of a user."""
    language("vi")
    asked = _Asked()
    QCoreApplication.installTranslator(asked)
    try:
        box_buttons()
        menu_texts(QLineEdit("abc"))
        menu_texts(QPlainTextEdit("abc"))
        file_dialog_texts(qtbot)
        file_dialog_texts(qtbot, QFileDialog.AcceptMode.AcceptSave)
        stack = QUndoStack()
        stack.createUndoAction(stack)
        stack.createRedoAction(stack)
    finally:
        QCoreApplication.removeTranslator(asked)
    vietnamese = QTranslator()
    assert vietnamese.load(str(qt_strings_file("vi")))
    missing = sorted((c, s, d) for c, s, d in asked.asked
                     if c not in LEFT_AS_QT and s not in KEYS and not vietnamese.translate(c, s, d or None))
    assert not missing
    assert len(asked.asked) > 40


def test_compiled_file_answers_what_the_ts_says():
    translator = QTranslator()
    assert translator.load(str(qt_strings_file("vi")))
    messages = 0
    for context in ET.parse(TS).iter("context"):
        name = context.findtext("name")
        for m in context.iter("message"):
            messages += 1
            got = translator.translate(name, m.findtext("source"), m.findtext("comment"))
            assert got == m.findtext("translation"), (name, m.findtext("source"))
    assert messages > 100
    assert QApplication.translate("QPlatformTheme", "&Yes") in ("&Yes", "&Có")
