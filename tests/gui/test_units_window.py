"""The Units screen: the register of a chosen year, changed from a year on, and the pinned certificates."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from c27desk.store import units
from tests.exchange.support import state
from tests.gui.test_entry_window import press_text


def button(dialog, text: str) -> QPushButton:
    return next(b for b in dialog.findChildren(QPushButton) if b.text() == text)


def row_of(dialog, code: str) -> int:
    return next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == code)


def test_rename_from_2025_then_a_refused_retire_changes_nothing(qtbot, office, open_window):
    window = open_window(office)
    window.exchange.act_units.trigger()
    dialog = window.exchange.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())} == {
        "HU-BIENHOA", "HU-LONGKHANH", "HU-NHONTRACH"}
    dialog.table.selectRow(row_of(dialog, "HU-BIENHOA"))
    dialog.from_year.setValue(2025)
    press_text(dialog.new_name, "Thành ủy Biên Hòa")
    qtbot.mouseClick(button(dialog, "Đổi tên / đổi mã"), Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Từ năm 2025, HU-BIENHOA có tên mới."
    assert units.unit_in(window.db, "HU-BIENHOA", 2025).name == "Thành ủy Biên Hòa"
    assert units.unit_in(window.db, "HU-BIENHOA", 2023).name == "Huyện ủy Biên Hòa"

    before = state(office)["units"]
    dialog.table.clearSelection()
    qtbot.mouseClick(button(dialog, "Thôi hoạt động"), Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Hãy chọn đúng một đơn vị trong bảng."  # sentence case
    dialog.table.selectRow(row_of(dialog, "HU-LONGKHANH"))
    qtbot.keyClicks(dialog.new_parent, "KHONG-CO")
    qtbot.mouseClick(button(dialog, "Chuyển cấp trên"), Qt.MouseButton.LeftButton)
    assert "KHONG-CO" in dialog.message.text()
    assert state(office)["units"] == before


def test_merge_selected_units_and_revoke_a_pin(qtbot, office, child_keys, open_window, cli):
    assert cli("units", "pin", "--code", "HU-BIENHOA", "--cert", str(child_keys["HU-BIENHOA"].cert_pem),
               db=office)[0] == 0
    window = open_window(office)
    window.exchange.act_units.trigger()
    dialog = window.exchange.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    dialog.from_year.setValue(2025)
    dialog.table.selectRow(row_of(dialog, "HU-LONGKHANH"))
    dialog.table.selectionModel().select(dialog.table.model().index(row_of(dialog, "HU-NHONTRACH"), 0),
                                         dialog.table.selectionModel().SelectionFlag.Select
                                         | dialog.table.selectionModel().SelectionFlag.Rows)
    qtbot.keyClicks(dialog.new_code, "TX-LKNT")
    press_text(dialog.new_name, "Thị ủy Long Khánh – Nhơn Trạch")
    qtbot.mouseClick(button(dialog, "Hợp nhất các đơn vị đã chọn"), Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Từ năm 2025, HU-LONGKHANH, HU-NHONTRACH hợp nhất thành TX-LKNT."
    dialog.year.setValue(2025)
    assert {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())} == {"HU-BIENHOA", "TX-LKNT"}
    assert "HU-LONGKHANH → TX-LKNT (2025, hợp nhất)" in dialog.links.text()

    assert dialog.signers.rowCount() == 1 and dialog.signers.item(0, 0).text() == "HU-BIENHOA"
    dialog.signers.selectRow(0)
    qtbot.mouseClick(button(dialog, "Thu hồi chứng thư đã chọn"), Qt.MouseButton.LeftButton)
    assert dialog.signers.rowCount() == 0 and state(office)["unit_signers"] == []


def test_the_window_asks_before_exporting_with_a_changed_certificate(qtbot, bienhoa, child_keys, open_window,
                                                                    tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from tests.exchange.support import YEAR, export, run
    from tests.signing_support import PASSPHRASE, make_unit_keys

    export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), tmp_path / "first")  # the certificate it remembers
    assert run(bienhoa, "reopen", "--period", str(YEAR), "--yes") == 0
    assert run(bienhoa, "finalise", "--period", str(YEAR), "--accept-warnings") == 0
    renewed = make_unit_keys(tmp_path / "renewed", "HU-BIENHOA", "Huyện ủy Biên Hòa")
    usb = tmp_path / "usb"
    usb.mkdir()
    asked, shown = [], []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(usb)))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda _p, _t, text: asked.append(text) or QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text: shown.append(text)))
    window = open_window(bienhoa)
    window.exchange.act_export.trigger()
    dialog = window.exchange.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    dialog.use_p12.setChecked(True)
    dialog.p12_path.setText(str(renewed.p12))
    qtbot.keyClicks(dialog.secret, PASSPHRASE)
    qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=30000)
    assert len(asked) == 1 and "Chứng thư số khác với lần xuất trước" in asked[0]
    assert (usb / "HU-BIENHOA_2023_r2.c27").exists()


def test_the_register_reads_as_a_tree_each_unit_above_its_own(qtbot, office, open_window, cli):
    # a commune under Biên Hòa (as the register stood in 2023), added from that year on
    assert cli("units", "add", "--code", "XA-ANHOA", "--name", "Đảng ủy xã An Hòa", "--level", "xa", "--parent",
               "HU-BIENHOA", "--from", "2023", db=office)[0] == 0
    window = open_window(office)
    window.exchange.act_units.trigger()
    dialog = window.exchange.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    codes = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert codes.index("XA-ANHOA") == codes.index("HU-BIENHOA") + 1  # right under its district
    assert dialog.table.item(row_of(dialog, "XA-ANHOA"), 1).text().startswith("    └ Đảng ủy xã An Hòa")
    assert not dialog.table.item(row_of(dialog, "HU-BIENHOA"), 1).text().startswith(" ")
