"""Window tests drive real widgets offscreen with real key presses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from c27desk.gui.main_window import MainWindow
from c27desk.store.database import open_database


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    """A modal box nobody answers would hang the run offscreen: record it and fail the test instead.

    Tests that expect a question patch it themselves after this fixture."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    shown: list[str] = []

    def unexpected(name):
        def box(*args, **kwargs):
            shown.append(f"{name}: {[a for a in args if isinstance(a, str)]}")
            raise AssertionError(f"unexpected dialog {shown[-1]}")
        return staticmethod(box)

    for name in ("warning", "critical", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, unexpected(name))
    monkeypatch.setattr(QInputDialog, "getInt", unexpected("getInt"))
    monkeypatch.setattr(QInputDialog, "getText", unexpected("getText"))
    yield shown
    assert not shown, shown


def close_and_delete(widgets) -> None:
    """Close windows and dialogs and have Qt delete them now: one left on screen would still be sent
    the next test's language switch, after its database was closed (a crash, depending on test order)."""
    for widget in widgets:
        if isValid(widget):
            widget.close()
            widget.deleteLater()
    # deleteLater waits for an event loop; between tests there is none, so the deletions are run here
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def no_window_left_open(qapp):
    """Whatever a test opened (a dialog made by the program, not added to qtbot) is closed and deleted."""
    yield
    close_and_delete([w for w in QApplication.topLevelWidgets() if w.isVisible()])


@pytest.fixture
def open_window(qtbot):
    """Open the main window on a database path; closes it, its dialogs, and its connection afterwards."""
    opened = []

    def make(db_path, period=2023, read_only=False) -> MainWindow:
        db = open_database(db_path)
        window = MainWindow(db, db_path, period=period, read_only=read_only)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # focus only moves inside the active window
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        qtbot.waitUntil(lambda: not window.table.rows_pending(), timeout=2000)  # the rows below the screen too
        opened.append((window, db))
        return window

    yield make
    for window, db in opened:
        if isValid(window):
            close_and_delete([w for w in window.findChildren(QWidget) if w.isWindow()] + [window])
        db.close()

