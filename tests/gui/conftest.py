"""Window tests drive real widgets offscreen with real key presses."""

from __future__ import annotations

import pytest

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


@pytest.fixture
def open_window(qtbot):
    """Open the main window on a database path; closes it (and its connection) afterwards."""
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
        window.close()
        db.close()

