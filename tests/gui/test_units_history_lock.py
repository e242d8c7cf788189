"""The Units screen asks before a change rewrites a year already reported on, and makes it only when told to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from c27desk.gui.units_dialog import UnitsDialog
from c27desk.store import units
from c27desk.store.database import open_database
from tests.conftest import finalise_demo


def test_retiring_into_a_reported_year_is_asked_and_can_be_declined(qtbot, demo_db, cli, monkeypatch):
    assert cli("units", "add", "--code", "HU-A", "--name", "Huyện ủy A", "--level", "huyen", "--from", "2000")[0] == 0
    finalise_demo(demo_db)
    db = open_database(demo_db)
    try:
        dialog = UnitsDialog(db, 2023)
        qtbot.addWidget(dialog)
        dialog.show()
        answers, asked = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes], []
        monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: (asked.append(a[2]),
                                                                                   answers.pop(0))[1]))
        row = [u.code for u in dialog.rows].index("HU-A")
        dialog.table.selectRow(row)
        dialog.from_year.setValue(2023)
        retire = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Thôi hoạt động")
        qtbot.mouseClick(retire, Qt.MouseButton.LeftButton)
        assert "2023" in asked[0] and "--force-history" in dialog.message.text()
        assert units.get_unit(db, "HU-A").valid_until is None
        dialog.table.selectRow([u.code for u in dialog.rows].index("HU-A"))
        qtbot.mouseClick(retire, Qt.MouseButton.LeftButton)
        assert units.get_unit(db, "HU-A").valid_until == 2023
    finally:
        db.close()
