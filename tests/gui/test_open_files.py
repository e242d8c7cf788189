"""Files handed over by the desktop (`c27desk FILE.c27`, a double-click in Explorer) and the offer
to make double-clicking work: through the real command line into the real window."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from c27desk import cli
from c27desk.gui import desktop_files
from c27desk.gui.config import settings
from c27desk.gui.main_window import MainWindow, settle
from tests.exchange.support import export


@pytest.fixture
def window_run(monkeypatch, qtbot):
    """Run `c27desk ARGS` up to the event loop; ``then(window)`` runs in place of the loop."""
    def start(args: list[str], then) -> int:
        def loop(_app=None) -> int:
            windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
            assert len(windows) == 1
            window = windows[0]
            try:
                then(window)
            finally:
                window.close()
                window.deleteLater()  # as run_gui's screenshot mode: nothing may touch the closed database
                settle(window, 0)
            return 0

        monkeypatch.setattr(QApplication, "exec", loop)
        return cli.main(args)
    return start


def cell(table, row: int, col: int) -> str:
    item = table.item(row, col)
    return item.text() if item is not None else ""


def test_a_package_given_on_the_command_line_opens_the_import_dialog_checked(qtbot, office, bienhoa, child_keys,
                                                                               tmp_path, window_run):
    usb = tmp_path / "usb"
    export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), usb)
    package = usb / "HU-BIENHOA_2023_r1.c27"
    seen = {}

    def check(window) -> None:
        dialog = window.exchange.dialog
        qtbot.waitUntil(lambda: dialog is not None and dialog.files.rowCount() == 1 and bool(cell(dialog.files, 0, 3)),
                        timeout=20000)
        seen["file"], seen["result"] = cell(dialog.files, 0, 0), cell(dialog.files, 0, 3)
        dialog.accept()

    assert window_run(["--db", str(office), str(package)], check) == 0
    assert seen["file"] == "HU-BIENHOA_2023_r1.c27"
    assert seen["result"].startswith("Từ chối: Gói đầu tiên")  # checked at once; nothing imported until the user says so
    assert not settings().value(desktop_files.OFFERED_KEY, False, type=bool)  # opened by a file: no offer


def test_a_form_is_installed_after_asking_and_a_missing_file_is_named(demo_db, tmp_path, window_run, monkeypatch):
    form = tmp_path / "Mau bieu 2025.c27form"
    form.write_bytes(b"{}")  # not a signed form: refused with its code, nothing installed
    told = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a: told.append(("ask", a[2])) or QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text: told.append(("info", text))))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text: told.append(("warn", text))))

    def check(window) -> None:
        assert window.exchange.dialog is None  # no import dialog for a form

    assert window_run(["--db", str(demo_db), str(form), str(tmp_path / "gone.c27")], check) == 0
    warnings = [text for kind, text in told if kind == "warn"]
    assert any(str(form) in text for kind, text in told if kind == "ask")
    assert any(str(tmp_path / "gone.c27") in text for text in warnings)
    assert any(text.startswith("[") for text in warnings)  # the form refused with its code


def test_the_association_is_offered_once_and_written_for_this_user(demo_db, window_run, monkeypatch):
    asked, told = [], []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text: told.append(text)))
    assert window_run(["--db", str(demo_db)], lambda window: None) == 0
    assert len(asked) == 1 and ".c27" in asked[0]
    data_home = Path(os.environ["XDG_DATA_HOME"])  # a temporary folder (tests/conftest.py)
    desktop_file = data_home / "applications" / "c27desk.desktop"
    assert "MimeType=application/x-c27desk-package;application/x-c27desk-form;" in desktop_file.read_text()
    assert str(desktop_file) in told[0]

    assert window_run(["--db", str(demo_db)], lambda window: None) == 0
    assert len(asked) == 1  # answered once, never asked again


def test_declining_the_offer_writes_nothing_and_the_settings_menu_still_can(demo_db, window_run, monkeypatch, qtbot):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.No))
    told = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text: told.append(text)))
    desktop_file = Path(os.environ["XDG_DATA_HOME"]) / "applications" / "c27desk.desktop"

    def later(window) -> None:
        assert not desktop_file.exists()
        window.act["associate"].trigger()

    assert window_run(["--db", str(demo_db)], later) == 0
    assert desktop_file.exists() and told

