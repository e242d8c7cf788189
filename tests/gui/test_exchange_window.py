"""The office in the window: import a USB folder (confirming a new signer, seeing the changes), consolidate."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from tests.exchange.support import YEAR, export, held_values


def button(dialog, text: str) -> QPushButton:
    return next(b for b in dialog.findChildren(QPushButton) if b.text() == text)


def import_window_on_a_stick(qtbot, office, bienhoa, child_keys, open_window, tmp_path, monkeypatch):
    """The office's window with the import window open; Biên Hòa's package on the stick its folder chooser gives."""
    usb = tmp_path / "usb"
    export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), usb)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(usb)))
    window = open_window(office)
    window.exchange.act_import.trigger()
    dialog = window.exchange.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def cell(table, row: int, col: int) -> str:
    item = table.item(row, col)
    return item.text() if item is not None else ""


def test_import_a_usb_folder_then_consolidate_and_accept_a_proposal(qtbot, office, bienhoa, child_keys, open_window,
                                                                     tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), usb)
    (usb / "hong.c27").write_bytes(b"PK\x03\x04 broken")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(usb)))
    window = open_window(office)
    window.exchange.act_import.trigger()
    dialog = window.exchange.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    qtbot.mouseClick(button(dialog, "Chọn thư &mục (USB)…"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.files.rowCount() == 2 and bool(cell(dialog.files, 0, 3)), timeout=20000)
    results = {cell(dialog.files, r, 0): cell(dialog.files, r, 3) for r in range(2)}
    # the reason in words, not its code (the code is for scripts)
    assert results["HU-BIENHOA_2023_r1.c27"].startswith("Từ chối: Gói đầu tiên của đơn vị HU-BIENHOA")
    assert results["hong.c27"].startswith("Từ chối: ") and "MALFORMED" not in results["hong.c27"]
    assert not dialog.import_button.isEnabled()

    row = next(r for r in range(2) if cell(dialog.files, r, 0) == "HU-BIENHOA_2023_r1.c27")
    certificate = dialog.files.item(row, 5)
    assert "Biên Hòa" in certificate.text() and "SHA-256" in certificate.toolTip()  # what the operator confirms
    dialog.files.setCurrentCell(row, 0)
    assert dialog.signer_details.isVisible() and "SHA-256" in dialog.signer_details.text()
    assert cell(dialog.files, 1 - row, 5) == ""  # nothing to confirm on the broken file
    dialog.files.setCurrentCell(1 - row, 0)  # the whole refusal, wrapped below the list, not only in a tooltip
    assert dialog.result_details.text().startswith("hong.c27: ") and "không đúng định dạng" in dialog.result_details.text()
    assert dialog.result_details.wordWrap() and dialog.files.horizontalScrollBar().value() == 0
    dialog.files.setCurrentCell(row, 5)
    qtbot.keyClick(dialog.files, Qt.Key.Key_Space)  # the operator confirms the district's certificate
    qtbot.waitUntil(lambda: any(cell(dialog.files, r, 3) == "Hợp lệ" for r in range(2)), timeout=20000)
    assert dialog.import_button.isEnabled()
    row = next(r for r in range(2) if cell(dialog.files, r, 0) == "HU-BIENHOA_2023_r1.c27")
    dialog.files.setCurrentCell(row, 0)
    assert dialog.changes.rowCount() == 116  # a district is not asked the districts' totals (II.3, II.4, VI.8, VI.9)
    assert (cell(dialog.changes, 0, 0), cell(dialog.changes, 0, 1)) == ("I.1", "∅")
    assert held_values(office, "HU-BIENHOA")["revision"] is None  # checking writes nothing

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.summary.text().startswith("Đã nhận 1 tệp"), timeout=20000)
    assert held_values(office, "HU-BIENHOA") == held_values(bienhoa, "HU-BIENHOA")
    dialog.accept()

    window.exchange.act_consolidate.trigger()
    cons = window.exchange.dialog
    qtbot.waitUntil(lambda: cons.data is not None, timeout=20000)
    units = {model_cell(cons.units_table, r, 0): r for r in range(cons.units_table.model().rowCount())}
    assert set(units) == {"HU-BIENHOA", "HU-LONGKHANH", "HU-NHONTRACH"}
    missing = cons.units_table.model().index(units["HU-NHONTRACH"], 0)
    assert missing.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#f8d7da"
    assert model_cell(cons.units_table, units["HU-NHONTRACH"], 3) == "✗ Chưa nộp"  # words, not colour alone
    proposal_row = next(r for r in range(cons.proposal_model.rowCount()) if model_cell(cons.proposal_table, r, 0) == "II.3")
    assert model_cell(cons.proposal_table, proposal_row, 1) == "402"
    cons.proposal_table.selectRow(proposal_row)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(button(cons, "&Nhận các giá trị đã chọn vào báo cáo của đơn vị…"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None and window.session.entries().get("II.3") is not None
                    and window.session.entries()["II.3"].value == "402", timeout=10000)
    assert YEAR == window.session.year


def model_cell(view, row: int, col: int) -> str:
    return view.model().index(row, col).data() or ""


def test_export_from_the_window_signs_once_then_rewrites_the_same_bytes(qtbot, bienhoa, child_keys, open_window,
                                                                       tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from c27desk.exchange.export import check_own_package
    from tests.signing_support import PASSPHRASE

    usb = tmp_path / "usb"
    usb.mkdir()
    shown = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(usb)))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text: shown.append(text)))
    window = open_window(bienhoa)
    window.exchange.act_export.trigger()
    dialog = window.exchange.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    dialog.use_p12.setChecked(True)
    dialog.p12_path.setText(str(child_keys["HU-BIENHOA"].p12))
    qtbot.keyClicks(dialog.secret, PASSPHRASE)
    qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)  # Enter signs, like the OK button
    package = usb / "HU-BIENHOA_2023_r1.c27"
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=20000)
    assert "Đã xuất và kiểm tra lại" in shown[0] and package.exists()
    first = package.read_bytes()
    check_own_package(first)

    window.exchange.act_export.trigger()  # signed before: no dialog, the same bytes again
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=20000)
    assert package.read_bytes() == first


def test_a_new_signers_refusal_sends_the_clerk_to_the_column_to_tick_not_to_a_command_flag(
        qtbot, office, bienhoa, child_keys, open_window, tmp_path, monkeypatch):
    from c27desk.gui import i18n

    dialog = import_window_on_a_stick(qtbot, office, bienhoa, child_keys, open_window, tmp_path, monkeypatch)
    qtbot.mouseClick(button(dialog, "Chọn thư &mục (USB)…"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.files.rowCount() == 1 and bool(cell(dialog.files, 0, 3)), timeout=20000)
    try:
        for lang in ("vi", "en"):
            i18n.install_language(lang)
            column = dialog.files.horizontalHeaderItem(5).text()
            said = dialog.result_details.text()
            assert f"“{column}”" in said, said  # the header's very words, as shown on the screen
            before_flag = said.split("--accept-new-signer")[0]
            assert ("cửa sổ Nhận gói báo cáo" if lang == "vi" else "in the import window") in before_flag
    finally:
        i18n.install_language("vi")


def test_the_import_window_works_from_the_keyboard_with_alt_letters(qtbot, office, bienhoa, child_keys, open_window,
                                                                    tmp_path, monkeypatch):
    from tests.gui.test_menu_keys import assert_each_button_has_its_own_letter

    dialog = import_window_on_a_stick(qtbot, office, bienhoa, child_keys, open_window, tmp_path, monkeypatch)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    assert_each_button_has_its_own_letter(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # Chọn thư mục (USB)…
    qtbot.waitUntil(lambda: dialog.files.rowCount() == 1 and bool(cell(dialog.files, 0, 3)), timeout=20000)
    dialog.files.setCurrentCell(0, 5)
    qtbot.keyClick(dialog.files, Qt.Key.Key_Space)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=20000)
    qtbot.keyClick(dialog, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Nhận các tệp hợp lệ
    qtbot.waitUntil(lambda: dialog.summary.text().startswith("Đã nhận 1 tệp"), timeout=20000)
    qtbot.keyClick(dialog, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # Đóng
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)


def test_after_a_language_switch_no_header_of_the_import_list_is_cut(qtbot, office, bienhoa, child_keys, open_window,
                                                                     tmp_path, monkeypatch):
    from c27desk.gui import i18n

    dialog = import_window_on_a_stick(qtbot, office, bienhoa, child_keys, open_window, tmp_path, monkeypatch)
    dialog.parent().resize(1024, 768)
    qtbot.mouseClick(button(dialog, "Chọn thư &mục (USB)…"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.files.rowCount() == 1 and bool(cell(dialog.files, 0, 3)), timeout=20000)
    head = dialog.files.horizontalHeader()
    try:
        for lang in ("en", "vi", "en"):
            i18n.install_language(lang)
            stretched = head.logicalIndex(head.count() - 1)  # the last one on screen reaches the edge
            cut = [head.model().headerData(c, Qt.Orientation.Horizontal) for c in range(head.count())
                   if c != stretched and head.sectionSize(c) < head.sectionSizeHint(c)]
            assert not cut, (lang, cut)
    finally:
        i18n.install_language("vi")
