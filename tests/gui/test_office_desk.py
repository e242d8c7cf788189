"""The office's job in the window: trusted CAs, closing a year, received appendices, the desk at scale."""

from __future__ import annotations

import time

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from bench.office_data import make_office
from c27desk.consolidate.export import write_xlsx
from c27desk.exchange.package import read_package
from c27desk.gui.desk_models import REPORT_ROLE, UnitFilter
from c27desk.gui.preview import print_pdf
from c27desk.store import periods
from c27desk.store.database import open_database
from tests.exchange.support import YEAR, export, run


def answer(monkeypatch, reply=QMessageBox.StandardButton.Yes) -> list[str]:
    asked: list[str] = []

    def question(_parent, _title, text, *a, **k):
        asked.append(text)
        return reply

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def test_trusted_cas_added_checked_and_removed_from_the_menu(qtbot, office, child_keys, open_window, monkeypatch,
                                                             tmp_path):
    window = open_window(office)
    window.office.act_trust.trigger()
    dialog = window.office.dialog
    assert dialog.list.topLevelItemCount() == 2
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text: warned.append(text)))
    not_ca = tmp_path / "note.pem"
    not_ca.write_text("không phải chứng thư", encoding="utf-8")
    assert dialog.add(str(not_ca)) is False and "không phải chứng thư số" in warned[0]
    assert dialog.list.topLevelItemCount() == 2  # nothing changed
    assert dialog.add(str(child_keys["HU-BIENHOA"].ca_pem)) is False and "CA này đã có" in dialog.status.text()

    asked = answer(monkeypatch)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert "sẽ bị từ chối" in asked[0]
    assert dialog.list.topLevelItemCount() == 1 and "Đã bỏ CA tin cậy" in dialog.status.text()
    assert dialog.add(str(child_keys["HU-BIENHOA"].ca_pem)) or dialog.add(str(child_keys["HU-LONGKHANH"].ca_pem))
    assert dialog.list.topLevelItemCount() == 2


def test_closing_and_reopening_a_year_for_receiving(qtbot, office, open_window, monkeypatch):
    window = open_window(office)
    asked = answer(monkeypatch)
    assert window.office.act_receiving.text().startswith("Khóa kỳ 2023")
    window.office.act_receiving.trigger()
    assert "bị từ chối" in asked[0] and "PERIOD_CLOSED" not in asked[0]  # no internal names in messages
    assert periods.get_period(window.db, YEAR).status == "closed"
    assert "Đã khóa kỳ 2023" in window.save_state.text()
    assert window.office.act_receiving.text().startswith("Mở lại kỳ 2023")
    window.office.act_receiving.trigger()
    assert periods.get_period(window.db, YEAR).status == "open"


def test_a_received_appendix_opens_as_received_with_its_signature_and_prints(qtbot, office, bienhoa, longkhanh,
                                                                           child_keys, open_window, monkeypatch,
                                                                           tmp_path):
    sent = {}
    for db, code in ((bienhoa, "HU-BIENHOA"), (longkhanh, "HU-LONGKHANH")):
        sent[code] = read_package(export(db, child_keys[code].p12_spec(), tmp_path / "usb")).appendix
    assert run(office, "import", str(tmp_path / "usb"), "--accept-new-signer", "HU-BIENHOA,HU-LONGKHANH") == 0
    window = open_window(office)
    window.office.act_received.trigger()
    dialog = window.office.dialog
    qtbot.waitUntil(lambda: dialog.checked, timeout=20000)
    rows = {dialog.proxy.index(r, 0).data(): dialog.proxy.index(r, 3).data() for r in range(dialog.proxy.rowCount())}
    # the demo deadline has passed, so both are late: said in words beside the state
    assert rows == {"HU-BIENHOA": "✓ Đầy đủ · nộp muộn", "HU-LONGKHANH": "✓ Đầy đủ · nộp muộn",
                    "HU-NHONTRACH": "✗ Chưa nộp"}

    dialog.select_unit("HU-NHONTRACH")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert "Chưa nhận báo cáo năm 2023 của HU-NHONTRACH" in dialog.status.text()

    dialog.select_unit("HU-BIENHOA")
    with qtbot.waitSignal(dialog.opened, timeout=20000) as shown:
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    preview = shown.args[0]
    assert preview.pdf == sent["HU-BIENHOA"]  # the unit's signed bytes, not a re-render
    status = preview.findChild(type(dialog.status), "signatureStatus").text()
    assert "✓ Chữ ký hợp lệ" in status and "Huyện ủy Biên Hòa" in status and "Thời điểm ký" in status
    assert not preview.sign_button.isVisible()
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(preview.pdf, printer) == preview.document.pageCount() > 0
    saved = tmp_path / "saved.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(saved), "")))
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert saved.read_bytes() == sent["HU-BIENHOA"]

    with qtbot.waitSignal(dialog.opened, timeout=20000) as shown:
        qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
    joined = shown.args[0]
    banner = joined.findChild(type(dialog.status), "signatureStatus").text()
    assert "HU-BIENHOA, HU-LONGKHANH" in banner and "chữ ký số không còn giá trị" in banner
    assert joined.document.pageCount() == 2 * preview.document.pageCount()


def test_the_desk_at_scale_filters_charts_and_exports_in_a_worker(qtbot, db_path, open_window, monkeypatch, tmp_path):
    make_office(db_path, 400, missing=0.05, incomplete=0.1)
    window = open_window(db_path)
    window.exchange.act_consolidate.trigger()
    desk = window.exchange.dialog
    assert desk.isVisible() and "Đang tổng hợp" in desk.head.text()  # open at once, computed in a worker
    qtbot.waitUntil(lambda: desk.data is not None, timeout=60000)
    proxy = desk.units_table.model()
    assert proxy.rowCount() == 400 and isinstance(proxy, UnitFilter)
    reports = [proxy.index(r, 0).data(REPORT_ROLE) for r in range(400)]
    incomplete = [r for r in reports if r.completeness.state == "incomplete"]
    assert incomplete and all(r.completeness.answered < 120 for r in incomplete)
    row = reports.index(next(r for r in incomplete if not r.status.late))
    assert proxy.index(row, 3).data().startswith("◐ Chưa đầy đủ (")
    assert proxy.index(row, 0).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#fff3cd"

    desk.state.setCurrentIndex(UnitFilter.INCOMPLETE)
    assert proxy.rowCount() == len(incomplete) and desk.values_table.model().rowCount() == len(incomplete)
    desk.state.setCurrentIndex(UnitFilter.ALL)
    desk.search.setFocus()
    qtbot.keyClicks(desk.search, "HU-0012")  # HU-00120..HU-00129 and HU-00012
    assert {proxy.index(r, 0).data() for r in range(proxy.rowCount())} <= {"HU-00012", *(f"HU-0012{i}" for i in range(10))}
    assert proxy.rowCount() >= 10
    desk.search.clear()
    desk.level.setCurrentIndex(desk.level.findData("truc-thuoc"))
    assert proxy.rowCount() == sum(1 for r in reports if r.unit.level == "truc-thuoc")
    desk.level.setCurrentIndex(0)

    desk.tabs.setCurrentWidget(desk.charts)
    desk.charts.choose("I.1")
    bars = desk.charts.chart.series()[0].barSets()[0]
    assert sum(bars.at(i) for i in range(bars.count())) == sum(1 for r in reports if not r.status.missing)
    desk.charts.choose("II.1")
    assert desk.charts.chart.series()[0].barSets()[0].count() == 40 and "40 đơn vị có số lớn nhất" in \
        desk.charts.note.text()

    out = tmp_path / "tong-hop.xlsx"
    desk.save(".xlsx", str(out))
    qtbot.waitUntil(lambda: "Đã ghi" in desk.status.text(), timeout=60000)
    assert desk.progress_seen == (5, "tong-hop.xlsx")  # the box followed the worker's steps
    wb = openpyxl.load_workbook(out)
    assert len(wb["Đơn vị"]["A"]) == 402 and wb.sheetnames[-1] == "Biểu đồ"
    assert len(wb["Biểu đồ"]._charts) > 50


def test_writing_the_workbook_can_be_stopped_from_its_progress_box(qtbot, db_path, open_window, tmp_path,
                                                                  monkeypatch):
    make_office(db_path, 300)
    from c27desk.gui import consolidation_dialog

    def slow_steps(*args, progress, **kwargs):  # each sheet takes a while, as with thousands of units
        def step(*what):
            time.sleep(0.4)
            progress(*what)
        return write_xlsx(*args, progress=step, **kwargs)

    monkeypatch.setattr(consolidation_dialog, "write_xlsx", slow_steps)
    window = open_window(db_path)
    window.exchange.act_consolidate.trigger()
    desk = window.exchange.dialog
    qtbot.waitUntil(lambda: desk.data is not None, timeout=60000)
    out = tmp_path / "tong-hop.xlsx"
    desk.save(".xlsx", str(out))
    qtbot.waitUntil(lambda: desk.progress is not None and desk.progress.isVisible(), timeout=10000)
    stop = desk.progress.findChild(QPushButton)
    assert stop.text() == "Hủy"
    qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.progress is None, timeout=30000)
    assert "Đã dừng ghi tong-hop.xlsx" in desk.status.text() and not out.exists()
    assert desk.save_xlsx.isEnabled()


def test_accepting_proposals_asks_old_to_new_is_one_undo_step_and_says_so(qtbot, db_path, open_window, monkeypatch):
    make_office(db_path, 15, missing=0.0, incomplete=0.0)
    db = open_database(db_path)
    before = {c: db.execute("SELECT value FROM value_entries WHERE criterion = ?", [c]).fetchone()
              for c in ("II.3", "VI.9")}
    db.close()
    window = open_window(db_path)
    window.exchange.act_consolidate.trigger()
    desk = window.exchange.dialog
    qtbot.waitUntil(lambda: desk.data is not None, timeout=60000)
    rows = {desk.proposal_model.rows[r][0]: r for r in range(desk.proposal_model.rowCount())}
    current_shown = desk.proposal_model.rows[rows["II.3"]][2]
    assert current_shown.startswith(before["II.3"][0])  # the office's value beside the proposal
    for cid in ("II.3", "VI.9"):
        desk.proposal_table.selectRow(rows[cid])
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    qtbot.mouseClick(desk.accept_button, Qt.MouseButton.LeftButton)
    assert "Không nhận giá trị nào" in desk.status.text()
    assert window.session.entries()["II.3"].value == before["II.3"][0]

    asked = answer(monkeypatch)
    qtbot.mouseClick(desk.accept_button, Qt.MouseButton.LeftButton)
    proposed = desk.proposals[rows["II.3"]].value
    assert f"II.3: {current_shown.split(' «')[0]}" in asked[0] and f"→ {proposed}" in asked[0]
    assert window.session.entries()["II.3"].value == proposed
    assert window.model.entries["II.3"].value == proposed  # the entry table shows it without reloading
    assert desk.status.text().startswith("Đã ghi 2 giá trị tổng hợp")
    assert window.model.undo_stack.count() == 1  # one step for the batch

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.table.setFocus()
    qtbot.keySequence(window, QKeySequence.StandardKey.Undo)
    assert window.session.entries()["II.3"].value == before["II.3"][0]
    assert window.session.entries()["VI.9"].value == before["VI.9"][0]
    assert window.model.entries["II.3"].value == before["II.3"][0]
    assert "Đã hoàn tác" in desk.status.text()
    window.model.undo_stack.redo()
    assert window.session.entries()["II.3"].value == proposed


def test_this_year_against_last_year_in_the_chart(qtbot, db_path, open_window):
    make_office(db_path, 12, year=2024, earlier_years=1, missing=0.0, incomplete=0.0)
    window = open_window(db_path, period=2024)
    window.exchange.act_consolidate.trigger()
    desk = window.exchange.dialog
    qtbot.waitUntil(lambda: desk.data is not None, timeout=60000)
    assert desk.data.previous_year == 2023 and len(desk.data.previous) == 12
    desk.tabs.setCurrentWidget(desk.charts)
    desk.charts.choose("II.1")
    last, now = desk.charts.chart.series()[0].barSets()
    assert (last.label(), now.label()) == ("2023", "2024") and last.count() == now.count() == 12
    first = desk.data.reports[0].unit.code
    assert last.at(0) == float(desk.data.previous[first]["II.1"].value)
    assert "năm trước" not in desk.charts.note.text()


def test_a_read_only_window_shows_the_desk_but_writes_nothing(qtbot, office, open_window):
    window = open_window(office, read_only=True)
    window.exchange.act_consolidate.trigger()
    desk = window.exchange.dialog
    qtbot.waitUntil(lambda: desk.data is not None, timeout=20000)
    assert not desk.accept_button.isEnabled()
    window.office.act_trust.trigger()
    assert not window.office.dialog.add_button.isEnabled() and not window.office.dialog.remove_button.isEnabled()
    assert not window.office.act_receiving.isEnabled()


def test_the_desk_and_the_units_screen_name_each_level_never_its_code(qtbot, office, open_window):
    from c27desk.gui import i18n

    window = open_window(office)
    window.exchange.act_consolidate.trigger()
    desk = window.exchange.dialog
    qtbot.waitUntil(lambda: desk.data is not None, timeout=20000)
    district = "Huyện ủy, thị ủy, thành ủy trực thuộc tỉnh (đến 2025)"
    assert desk.units_table.model().index(0, 2).data() == district
    assert desk.level.itemText(desk.level.findData("huyen")) == district
    window.exchange.act_units.trigger()
    units_dialog = window.exchange.dialog
    assert units_dialog.table.item(0, 2).text() == district
    i18n.install_language("en")
    try:
        english = "District, town or provincial-city Party committee (until 2025)"
        assert units_dialog.table.item(0, 2).text() == english
        assert desk.units_table.model().index(0, 2).data() == english
        assert desk.level.itemText(desk.level.findData("huyen")) == english and desk.level.itemText(0) == "All levels"
    finally:
        i18n.install_language("vi")


def test_the_desk_writes_its_workbook_and_closes_from_the_keyboard(qtbot, office, open_window, monkeypatch, tmp_path):
    from c27desk.gui import consolidation_dialog, i18n

    asked: list[str] = []
    monkeypatch.setattr(consolidation_dialog, "ask_save_path",
                        lambda _parent, _title, name, suffix: asked.append(suffix) or str(tmp_path / f"out{suffix}"))
    window = open_window(office)
    window.exchange.act_consolidate.trigger()
    desk = window.exchange.dialog
    qtbot.waitUntil(lambda: desk.data is not None, timeout=20000)
    desk.activateWindow()
    qtbot.waitUntil(desk.isActiveWindow, timeout=2000)
    try:
        for lang in ("en", "vi"):  # every button of the desk has its own Alt+letter in each language
            i18n.install_language(lang)
            letters = [QKeySequence.mnemonic(b.text()).toString() for b in desk.findChildren(QPushButton)]
            assert len(letters) >= 4 and all(letters) and len(set(letters)) == len(letters), letters
    finally:
        i18n.install_language("vi")
    qtbot.keyClick(desk, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # Xuất Excel (.xlsx)…
    qtbot.waitUntil(lambda: "Đã ghi" in desk.status.text(), timeout=30000)
    assert asked == [".xlsx"] and openpyxl.load_workbook(tmp_path / "out.xlsx").sheetnames[0] == "Đơn vị"
    # the progress box has closed; the offscreen platform does not always give the activation back to the desk,
    # as a window manager does, and a mnemonic reaches only the active window
    desk.activateWindow()
    qtbot.waitUntil(desk.isActiveWindow, timeout=2000)
    qtbot.keyClick(desk, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # Đóng
    qtbot.waitUntil(lambda: not desk.isVisible(), timeout=2000)


def test_the_received_list_fits_the_screen_it_opens_on(qtbot, office, open_window):
    """1100 px wide, it ran past a 1024×768 screen: the Close button and the signer were off the edge."""
    window = open_window(office)
    window.office.act_received.trigger()
    dialog = window.office.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    available = dialog.screen().availableGeometry()
    assert available.width() < 1100  # the test platform's screen is small enough to show the fault
    assert dialog.width() <= available.width() and dialog.height() <= available.height()
    assert dialog.isMaximized()  # on a screen smaller than it wants, as the desk does


def test_closing_the_received_list_while_it_is_read_raises_nothing(qtbot, office, open_window):
    """Its second reading (every value re-checked) finished after the list was closed and deleted: a
    RuntimeError from a deleted table, in the event loop."""
    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool

    window = open_window(office)
    for _ in range(3):
        window.office.act_received.trigger()
        dialog = window.office.dialog
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        dialog.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert QThreadPool.globalInstance().waitForDone(20000)
        qtbot.wait(100)  # the workers' results are delivered here, to nobody


def test_the_workbooks_progress_box_goes_away_when_the_file_is_written(qtbot, office, open_window, monkeypatch,
                                                                        tmp_path):
    """The box showed (writing took longer than its 300 ms) and then stayed, window-modal, over the desk."""
    from PySide6.QtWidgets import QProgressDialog

    from c27desk.gui import consolidation_dialog

    at_once = QProgressDialog.setMinimumDuration
    monkeypatch.setattr(QProgressDialog, "setMinimumDuration", lambda self, _ms: at_once(self, 0))  # always shown
    monkeypatch.setattr(consolidation_dialog, "ask_save_path",
                        lambda _parent, _title, name, suffix: str(tmp_path / f"out{suffix}"))
    window = open_window(office)
    window.exchange.act_consolidate.trigger()
    desk = window.exchange.dialog
    qtbot.waitUntil(lambda: desk.data is not None, timeout=20000)
    desk.save_xlsx.click()
    qtbot.waitUntil(lambda: desk.findChildren(QProgressDialog) != [], timeout=5000)
    qtbot.waitUntil(lambda: "Đã ghi" in desk.status.text(), timeout=30000)
    qtbot.waitUntil(lambda: not any(box.isVisible() for box in desk.findChildren(QProgressDialog)), timeout=2000)
    assert (tmp_path / "out.xlsx").exists() and desk.save_xlsx.isEnabled()

