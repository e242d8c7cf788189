"""A clerk who starts typing as the window appears loses nothing to what the start leaves for later."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from c27desk.gui.entry_model import COL_VALUE
from c27desk.gui.main_window import MainWindow
from c27desk.store.database import open_database
from tests.gui.test_entry_window import press_text, stored


def test_keys_typed_before_the_start_has_finished_go_into_the_first_cell_and_are_saved(qtbot, demo_db):
    db = open_database(demo_db)
    window = MainWindow(db, demo_db, period=2023)
    qtbot.addWidget(window)
    try:
        window.show()
        table, model = window.table, window.model
        # the start has left the rows below the screen to be measured after the first paint: not run yet
        assert table.rows_pending() and 0 < len(table._heights) < model.rowCount()
        assert window.focusWidget() is table and table.currentIndex() == window.proxy.index(0, COL_VALUE)
        assert model.criteria[0].id == "I.1" and stored(demo_db, "I.1").value == "D"
        press_text(table, "B")  # typing starts editing the current cell...
        editor = table.focusWidget()
        assert editor is not table
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # ...and Enter saves it
        qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState, timeout=2000)
        qtbot.waitUntil(lambda: len(table._heights) == model.rowCount(), timeout=2000)  # the deferred work ran
        assert stored(demo_db, "I.1").value == "B"
        assert model.index(0, COL_VALUE).data() == "B"
        # every row gets the height it would have had if all were measured at once (the window's layout
        # may still change the column widths once, which measures them again)
        qtbot.waitUntil(lambda: [table.rowHeight(r) for r in range(model.rowCount())] == [
            table.sizeHintForRow(r) for r in range(model.rowCount())], timeout=2000)
    finally:
        window.close()
        db.close()
