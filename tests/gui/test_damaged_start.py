"""Starting the window on a damaged database: a question that fits a 1366×768 screen, and a
restore that works (the damaged file kept)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from c27desk.gui.app import _damage_box, open_for_window
from c27desk.store import backup, values
from c27desk.store.database import CorruptDatabaseError, open_database
from tests.foundation.test_restore import damage


@pytest.fixture
def damaged(tmp_path):
    """A demo database in a deep folder (long paths once made the box 1,800 pixels wide), damaged
    after a good backup."""
    from c27desk.demo import create_demo

    path = tmp_path / ("thư-mục-dữ-liệu-của-văn-phòng-tỉnh-ủy-" * 4) / "c27desk.sqlite3"
    path.parent.mkdir(parents=True)
    db = open_database(path)
    create_demo(db, who="tester")
    backup.make_backup(db, path, "manual")
    db.close()
    damage(path)
    return path


def answer_box(qtbot, key, seen: list) -> None:
    """Press ``key`` in the modal box once it shows, recording its size and texts first."""
    def press():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append((box.frameGeometry().width(), box.frameGeometry().height(), box.text(),
                     box.informativeText(), box.detailedText()))
        qtbot.keyClick(box, key)
    QTimer.singleShot(0, press)


def test_damaged_database_question_fits_the_screen_and_yes_restores(qtbot, damaged):
    damaged_bytes = damaged.read_bytes()
    seen: list = []
    newest = backup.newest_good_backup(damaged)
    answer_box(qtbot, Qt.Key.Key_Return, seen)
    db, instance, read_only = open_for_window(damaged)
    try:
        width, height, text, informative, details = seen[0]
        assert width <= 1000 and height <= 600, (width, height)
        assert text == "Cơ sở dữ liệu bị hỏng." and "bản sao lưu tốt gần nhất" in informative
        assert newest.name in informative  # the file it would restore, by name
        assert str(damaged) in details and "before-restore" in details
        assert not read_only
        assert values.get_entry(db, "TU-DONGNAI", 2023, "II.1").value == "402"
    finally:
        db.close()
        instance.release()
    kept = backup.list_safety_copies(damaged)[0]
    assert kept.name.endswith("-damaged.sqlite3") and kept.read_bytes() == damaged_bytes


def test_answering_no_changes_nothing(qtbot, damaged):
    before = damaged.read_bytes()
    seen: list = []
    answer_box(qtbot, Qt.Key.Key_Escape, seen)
    with pytest.raises(CorruptDatabaseError) as info:
        open_for_window(damaged)
    assert seen and info.value.asked
    assert damaged.read_bytes() == before and not backup.list_safety_copies(damaged)


def test_the_box_without_a_restore_button_still_names_the_newest_backup(qtbot, damaged):
    """A view-only window (another holds the database) cannot restore, but says which backup would."""
    with pytest.raises(CorruptDatabaseError) as info:
        open_database(damaged)
    box = _damage_box(info.value, ask=False)
    newest = backup.newest_good_backup(damaged)
    assert newest.name in box.informativeText() and str(newest) in box.detailedText()
