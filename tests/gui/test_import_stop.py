"""The import window shows how far an import is and stops it between two files when asked."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from c27desk.exchange import importer
from c27desk.gui import i18n
from c27desk.gui.import_dialog import ImportDialog
from tests.exchange.support import export, state


def test_stop_ends_the_import_after_the_file_in_hand_and_keeps_it(qtbot, office, bienhoa, longkhanh, child_keys,
                                                                   tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), usb)
    export(longkhanh, child_keys["HU-LONGKHANH"].p12_spec(), usb)
    dialog = ImportDialog(office)
    qtbot.addWidget(dialog)
    dialog.accepted = {"HU-BIENHOA", "HU-LONGKHANH"}
    dialog.paths = [usb]
    real, first_done = importer.import_bytes, threading.Event()

    def slow_first_file(*args, **kwargs):  # the operator presses Stop while the first file is in hand
        out = real(*args, **kwargs)
        first_done.set()
        dialog.stopping.wait(10)
        return out

    monkeypatch.setattr(importer, "import_bytes", slow_first_file)
    dialog.show()
    dialog.commit()  # what "Nhận các tệp hợp lệ" does
    qtbot.waitUntil(first_done.is_set, timeout=30_000)
    assert dialog.stop_button.isVisible() and dialog.progress.isVisible()
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.stop_button.isVisible(), timeout=30_000)
    assert [o.unit for o in dialog.outcomes] == ["HU-BIENHOA"] and dialog.outcomes[0].outcome == "accepted"
    assert "Đã dừng theo yêu cầu: 1 tệp đã xử lý" in dialog.summary.text()
    assert [r[0] for r in state(office)["received_revisions"]] == ["HU-BIENHOA"]


def test_the_stop_button_speaks_the_language_chosen_while_the_import_runs(qtbot, office, bienhoa, child_keys,
                                                                            tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), usb)
    dialog = ImportDialog(office)
    qtbot.addWidget(dialog)
    real, in_hand, go_on = importer.import_bytes, threading.Event(), threading.Event()

    def held_file(*args, **kwargs):
        in_hand.set()
        go_on.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(importer, "import_bytes", held_file)
    dialog.show()
    dialog.set_paths([usb])  # checking the folder: the Stop button is shown
    qtbot.waitUntil(in_hand.is_set, timeout=30_000)
    assert dialog.stop_button.text() == "&Dừng"
    try:
        i18n.install_language("en")
        assert dialog.stop_button.text() == "&Stop"
        assert dialog.stop_button.toolTip() == "Stop after the file in hand; the files already imported stay."
        qtbot.keyClick(dialog.stop_button, Qt.Key.Key_Space)  # pressed from the keyboard
        assert dialog.summary.text() == "Stopping after the file in hand…"
        i18n.install_language("vi")
        assert dialog.summary.text() == "Đang dừng sau tệp đang xử lý…" and dialog.stop_button.text() == "&Dừng"
    finally:
        go_on.set()
        i18n.install_language("vi")
    qtbot.waitUntil(lambda: not dialog.stop_button.isVisible(), timeout=30_000)
    assert "Đã dừng theo yêu cầu: 1 tệp đã xử lý" in dialog.summary.text()
