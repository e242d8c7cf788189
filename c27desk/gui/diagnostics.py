"""What the window says when something unforeseen fails, and where the log is: the box for an
unexpected error, the About dialog, the button that opens the log's folder.

Texts are built with :func:`c27desk.i18n.msg` and rendered when shown, in the reader's language.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from c27desk import log
from c27desk.i18n import Text, msg

OPEN_LOG_FOLDER = msg("Mở thư mục nhật ký", "Open the log folder")


def qt_version() -> str:
    """The binding's and the Qt library's versions (they may differ in a frozen build)."""
    return f"PySide6 {pyside_version}, Qt {qVersion()}"


def open_log_folder() -> bool:
    """Show the log's folder in the system's file manager (Explorer on Windows)."""
    folder = log.log_dir()
    return folder.is_dir() and QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def where_the_log_is() -> Text:
    logged = log.log_file()
    if logged is None:
        return msg("Không ghi được nhật ký ({path}): thư mục dữ liệu chỉ cho đọc hoặc ổ đĩa đầy.",
                   "The log could not be written ({path}): the data folder is read-only or the disk is full.",
                   path=str(log.log_path()))
    return msg("Chi tiết đã ghi vào nhật ký: {path}", "The details are in the log: {path}", path=str(logged))


def unexpected_box(exc: BaseException, tb: TracebackType | None, parent: QWidget | None = None) -> QMessageBox:
    """The box for an error nobody foresaw: what failed and where (the window, the program's
    own place in the code), that the program goes on, where the log is; the traceback under
    "Show details" for whoever helps."""
    window = parent.windowTitle() if parent is not None and parent.windowTitle() else "c27desk"
    box = QMessageBox(QMessageBox.Icon.Critical, "c27desk", str(msg(
        "Việc vừa làm trong cửa sổ “{window}” không hoàn thành do một lỗi không mong đợi: {what}",
        "What you just did in the window “{window}” did not complete because of an unexpected error: {what}",
        window=window, what=f"{type(exc).__name__}: {exc}")), parent=parent)
    box.setInformativeText(str(msg(
        "Chương trình vẫn chạy tiếp; dữ liệu đã lưu trước đó không bị ảnh hưởng. Nơi lỗi: {where}.\n{log}",
        "The program goes on; what was saved before is not affected. Where: {where}.\n{log}",
        where=log.where_in_code(tb), log=where_the_log_is())))
    box.setDetailedText("".join(traceback.format_exception(type(exc), exc, tb)[-12:]))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    if log.log_file() is not None:
        button = box.addButton(str(OPEN_LOG_FOLDER), QMessageBox.ButtonRole.ActionRole)
        button.clicked.connect(open_log_folder)
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    return box


_showing = False


def show_unexpected(exc: BaseException, tb: TracebackType | None) -> None:
    """Log an unexpected error with its traceback and tell the person at the window. An error
    that repeats while the box is open (a failing repaint) is only logged: one box, not a cascade."""
    global _showing
    log.failed(exc, "window", tb)
    if _showing:
        return
    _showing = True
    try:
        unexpected_box(exc, tb, QApplication.activeWindow()).exec()
    finally:
        _showing = False


class AboutDialog(QDialog):
    """Help → About: the version, what the program is for, and what support asks first
    (Python, Qt, system, database, data folder, log), each selectable for copying."""

    def __init__(self, parent: QWidget | None, title: str, heading: str, db_path: Path | str | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        top = QLabel(heading)
        top.setWordWrap(True)
        top.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(top)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for label, value in log.environment(db_path, qt=qt_version()):
            field = QLineEdit(str(value))
            field.setReadOnly(True)
            field.setCursorPosition(0)
            field.setMinimumWidth(420)
            form.addRow(str(label), field)
            self.fields[label.render("en")] = field
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_folder = QPushButton(str(OPEN_LOG_FOLDER))
        self.open_folder.setEnabled(log.log_file() is not None)
        self.open_folder.clicked.connect(open_log_folder)
        buttons.addButton(self.open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setFocus()  # Enter or Esc closes; the fields are for selecting and copying


def watch_actions(window: QWidget) -> None:
    """One log line for each menu or toolbar action a user takes in ``window`` (its name, which
    is the same in both languages, else its text)."""
    from PySide6.QtGui import QAction

    for action in window.findChildren(QAction):
        name = action.objectName()
        action.triggered.connect(lambda _checked=False, a=action, n=name: log.done(
            f"window action {n or a.text().replace('&', '')}"))


def show_about(parent: QWidget | None, title: str, heading: str, db_path: Path | str | None) -> None:
    AboutDialog(parent, title, heading, db_path).exec()
