"""The window says which form a year uses, marks inferred code meanings, and moves a period to another form."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt

from c27desk.catalogs import catalogue_for_year
from c27desk.model.catalogue import parse_catalogue
from c27desk.store import periods
from c27desk.store.database import open_database


def test_details_pane_marks_inferred_meanings_and_the_period_moves_to_another_form(qtbot, demo_db, open_window):
    raw = copy.deepcopy(dict(catalogue_for_year(2023).raw))
    raw["version"] = "2023.9"
    for code in raw["scales"]["su_dung"]:
        code["basis"] = "official"
    db = open_database(demo_db)
    periods.store_catalogue(db, parse_catalogue(raw, "x"), origin="installed")
    db.close()
    window = open_window(demo_db)
    row = window.model.criteria.index(window.model.catalogue["III.1.13"])
    window.table.setCurrentIndex(window.proxy.mapFromSource(window.model.index(row, 0)))
    assert "suy ra" in window.detail.toPlainText()
    window.act["period_details"].trigger()
    dialog = window.period_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert "P27/2023.2" in dialog.form_note.text()
    dialog.form_combo.setFocus()
    qtbot.keyClick(dialog.form_combo, Qt.Key.Key_Down)
    assert dialog.form_combo.currentData() == "P27/2023.9"
    qtbot.keyClick(dialog.fields["signer_name"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert periods.require_period(window.db, 2023).catalogue_version == "2023.9"
    assert "P27/2023.9" in window.save_state.text() and "120" in window.save_state.text()
    row = window.model.criteria.index(window.model.catalogue["III.1.13"])
    window.table.setCurrentIndex(window.proxy.mapFromSource(window.model.index(row, 0)))
    assert "suy ra" not in window.detail.toPlainText()
