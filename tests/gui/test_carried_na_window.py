"""A value carried from last year as "not applicable", confirmed in the window with Ctrl+Enter, stays N/A."""

from __future__ import annotations

from PySide6.QtCore import Qt

from c27desk.gui.entry_model import COL_VALUE
from c27desk.model.values import CARRIED_NA, NOT_APPLICABLE, Entry
from c27desk.store import values
from c27desk.store.database import open_database
from tests.gui.test_entry_window import UNIT, cell, go, stored


def test_ctrl_enter_confirms_a_carried_na_as_na(qtbot, demo_db, open_window):
    db = open_database(demo_db)
    values.save_entry(db, UNIT, 2023, "I.3", Entry("I.3", None, "Không áp dụng năm trước", CARRIED_NA), who="t")
    db.close()
    window = open_window(demo_db)
    assert cell(window, "I.3", COL_VALUE) == "Không áp dụng ?"  # not applicable, waiting for confirmation
    go(window, "I.3", COL_VALUE)
    qtbot.keyClick(window.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_db, "I.3") == Entry("I.3", None, "Không áp dụng năm trước", NOT_APPLICABLE)
    assert cell(window, "I.3", COL_VALUE) == "Không áp dụng"
