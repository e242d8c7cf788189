"""The language can be switched while a window or a dialog is closing: one that is hidden, being
deleted, or whose database is already closed keeps its words, and nothing crashes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from c27desk.gui import i18n
from c27desk.gui.main_window import MainWindow
from c27desk.store.database import open_database


@pytest.fixture(autouse=True)
def back_to_vietnamese():
    yield
    i18n.install_language("vi", remember=False)


@pytest.fixture
def window_and_units(qtbot, office):
    db = open_database(office)
    window = MainWindow(db, office, period=2023)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.exchange.act_units.trigger()
    dialog = window.exchange.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    yield window, dialog, db
    window.close()
    db.close()


def test_windows_whose_database_is_closed_keep_their_words_when_the_language_changes(window_and_units):
    window, dialog, db = window_and_units
    db.close()  # the database goes while the window and its dialog are still on screen
    i18n.install_language("en", remember=False)  # crashed the program (a segmentation fault) before
    assert dialog.windowTitle() == "Đơn vị trực thuộc qua các năm"
    assert window.menu_settings.title() != "&Settings"


def test_a_hidden_dialog_of_a_closed_database_ignores_qts_own_language_change(window_and_units):
    window, dialog, db = window_and_units
    dialog.hide()
    db.close()
    i18n.install_language("en", remember=False)
    QCoreApplication.sendEvent(dialog, QEvent(QEvent.Type.LanguageChange))  # as Qt posts it to every window
    assert dialog.windowTitle() == "Đơn vị trực thuộc qua các năm"


def test_closing_the_window_closes_its_dialogs_then_the_language_still_switches(window_and_units):
    window, dialog, _db = window_and_units
    window.close()
    assert not dialog.isVisible()
    i18n.install_language("en", remember=False)  # closed windows are let be
    assert dialog.windowTitle() == "Đơn vị trực thuộc qua các năm"
