"""The appendix inside the window: preview with pages and zoom, and printing."""

import subprocess

from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from c27desk.gui.preview import MAX_PRINT_DPI, pages_to_print, print_pdf
from tests.conftest import finalise_demo

REAL_QUESTION = QMessageBox.question  # the box itself, before the test fixture replaces it


def open_preview(qtbot, window):
    window.appendix.act_preview.trigger()
    qtbot.waitUntil(lambda: window.appendix.preview is not None and window.appendix.preview.isVisible(),
                    timeout=10000)
    return window.appendix.preview


def test_preview_pages_zoom_and_print(qtbot, demo_db, open_window, tmp_path):
    finalise_demo(demo_db)
    window = open_window(demo_db)
    preview = open_preview(qtbot, window)
    pages = preview.document.pageCount()
    assert pages >= 2
    assert preview.sign_button.isEnabled()  # a finalised report can be signed
    assert "bản 1" in preview.windowTitle()
    preview.page.setValue(pages)
    qtbot.waitUntil(lambda: preview.current_page() == pages, timeout=3000)
    preview.next.click()  # already on the last page: stays there
    assert preview.page.value() == pages
    preview.zoom_in.click()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom and preview.view.zoomFactor() > 0.9
    preview.zoom.setCurrentIndex(0)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth



def test_making_the_appendix_leaves_the_status_bar_once_the_preview_is_open(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    before = window.save_state.text()
    window.appendix.act_preview.trigger()
    assert window.save_state.text() == "Đang tạo phụ lục…"
    window.appendix.act_preview.trigger()  # pressed twice while it is made: one appendix, no error
    qtbot.waitUntil(lambda: window.appendix.preview is not None and window.appendix.preview.isVisible(),
                    timeout=10000)
    qtbot.wait(200)
    assert window.save_state.text() == before and "Đang tạo phụ lục" not in window.statusBar().currentMessage()


def pdf_printer(out) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # reports 1200 dpi, like an office laser printer
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    return printer


def test_printing_runs_off_the_ui_thread_with_progress_and_stays_small(qtbot, demo_db, open_window, tmp_path):
    from PySide6.QtCore import QTimer

    finalise_demo(demo_db)
    window = open_window(demo_db)
    preview = open_preview(qtbot, window)
    pages = preview.document.pageCount()
    assert pages == 8
    out = tmp_path / "printed.pdf"
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    with qtbot.waitSignal(preview.printed, timeout=60000) as done:
        preview.start_printing(pdf_printer(out))
        assert not preview.print_button.isEnabled()
        progress = preview.findChild(QProgressDialog, "printProgress")
        assert progress is not None and progress.isVisible()
    timer.stop()
    assert done.args == [pages, False]
    assert len(ticks) >= 10  # the UI thread kept running its event loop while the pages were drawn
    assert out.stat().st_size < 5 * 1024 * 1024
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert f"Pages:           {pages}" in info
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    widths = {int(line.split()[3]) for line in images.splitlines()[2:]}
    assert widths == {round(595.28 / 72 * MAX_PRINT_DPI)}  # 300 dpi, not the 1200 the printer reports
    assert preview.print_button.isEnabled()


def test_print_range_copies_and_cancel(qtbot, demo_db, open_window, tmp_path):
    import threading

    finalise_demo(demo_db)
    window = open_window(demo_db)
    preview = open_preview(qtbot, window)
    printer = pdf_printer(tmp_path / "range.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    printer.setCopyCount(2)
    printer.setCollateCopies(True)
    assert pages_to_print(printer, 8) == [1, 2, 1, 2]
    printer.setCollateCopies(False)
    assert pages_to_print(printer, 8) == [1, 1, 2, 2]
    printer.setCopyCount(1)
    assert print_pdf(preview.pdf, printer) == 2
    info = subprocess.run(["pdfinfo", str(tmp_path / "range.pdf")], capture_output=True, text=True).stdout
    assert "Pages:           2" in info
    stop = threading.Event()
    seen = []

    def progress(done, total):
        seen.append(done)
        stop.set()  # cancel after the first page

    assert print_pdf(preview.pdf, pdf_printer(tmp_path / "cancelled.pdf"), progress=progress, cancelled=stop) == 1
    assert seen == [1]


def test_windows_hands_the_pdf_to_the_system_pdf_application(qtbot, demo_db, open_window, monkeypatch, tmp_path):
    import os
    import sys
    import tempfile

    from c27desk.gui import preview as preview_module

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # the print copies go here, not to the real /tmp
    finalise_demo(demo_db)
    window = open_window(demo_db)
    preview = open_preview(qtbot, window)
    assert not preview.system_print_button.isVisible()  # Linux: Qt printing only
    calls = []
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "startfile", lambda path, verb: calls.append((path, verb)), raising=False)
    preview.system_print_button.click()
    assert len(calls) == 1 and calls[0][1] == "print"
    from pathlib import Path

    handed = Path(calls[0][0])
    assert handed.read_bytes() == preview.pdf and handed.name == "TU-DONGNAI_2023_r1_phu-luc.pdf"
    assert preview_module.print_with_system(b"%PDF", "x.pdf").exists()
    assert handed.parent.parent == tmp_path


def test_a_print_copy_a_day_old_is_removed_at_the_next_print_a_newer_one_kept(monkeypatch, tmp_path):
    import os
    import sys
    import tempfile
    import time

    from c27desk.gui import preview as preview_module

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "startfile", lambda path, verb: None, raising=False)
    old, recent, other = (tmp_path / "c27desk-in-old", tmp_path / "c27desk-in-recent", tmp_path / "someone-elses")
    for folder in (old, recent, other):
        folder.mkdir()
        (folder / "x.pdf").write_bytes(b"%PDF")
    day_ago = time.time() - 25 * 3600
    for folder in (old, other):
        os.utime(folder, (day_ago, day_ago))
    os.utime(recent, (time.time() - 3600,) * 2)  # an hour old: its application may still be printing it
    handed = preview_module.print_with_system(b"%PDF", "y.pdf")
    assert not old.exists() and recent.exists() and other.exists() and handed.exists()


def test_unfinalised_report_previews_as_a_draft_that_cannot_be_signed(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    assert not window.appendix.act_sign.isEnabled()
    preview = open_preview(qtbot, window)
    assert "dự thảo" in preview.windowTitle()
    assert not preview.sign_button.isEnabled()


def test_sign_in_the_window_asks_without_echo_and_shows_the_verification(
        qtbot, demo_db, open_window, cli, unit_keys, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit, QMessageBox

    from c27desk.report.verify import verify_pdf
    from c27desk.store import signing_settings
    from tests.signing_support import PASSPHRASE

    finalise_demo(demo_db)
    assert cli("trust", "add-ca", str(unit_keys.ca_pem), db=demo_db)[0] == 0
    shown = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, title, text: shown.append(text)))
    out = tmp_path / "da-ky.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "PDF (*.pdf)")))
    window = open_window(demo_db)
    window.appendix.act_sign.trigger()
    qtbot.waitUntil(lambda: getattr(window.appendix, "sign_dialog", None) is not None
                    and window.appendix.sign_dialog.isVisible(), timeout=10000)
    dialog = window.appendix.sign_dialog
    assert dialog.secret.echoMode() == QLineEdit.EchoMode.Password
    dialog.use_p12.setChecked(True)
    dialog.p12_path.setText(str(unit_keys.p12))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)

    qtbot.keyClicks(dialog.secret, "sai-roi")
    ok.click()
    qtbot.waitUntil(lambda: "Mật khẩu" in dialog.error.text(), timeout=10000)
    assert dialog.isVisible() and dialog.secret.text() == ""
    assert not out.exists()

    qtbot.keyClicks(dialog.secret, PASSPHRASE)
    ok.click()
    qtbot.waitUntil(lambda: bool(shown) and out.exists(), timeout=20000)
    assert "Tỉnh ủy Đồng Nai (DÙNG THỬ)" in shown[0]
    from c27desk.exchange import certs

    v = verify_pdf(out.read_bytes(), [certs.load_pem_file(unit_keys.ca_pem)])
    assert v.ok, v.problems
    saved = signing_settings.get(window.db, "TU-DONGNAI")
    assert saved.method == "p12" and saved.p12_path == str(unit_keys.p12)
    window.db.conn.commit()
    assert PASSPHRASE.encode() not in demo_db.read_bytes()


def test_signing_with_an_empty_signature_block_opens_the_report_details_first(qtbot, demo_db, open_window,
                                                                               monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from c27desk.store import periods
    from c27desk.store.database import open_database

    db = open_database(demo_db)
    periods.update_period(db, 2023, who="tester", signer_name="", report_number="")  # finalised details cannot change
    db.close()
    finalise_demo(demo_db)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text: shown.append(text)))
    window = open_window(demo_db)
    window.appendix.act_sign.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "họ tên người ký" in shown[0] and "số báo cáo" in shown[0]
    assert window.period_dialog.isVisible()  # straight to where it is filled in, no PIN asked
    assert getattr(window.appendix, "sign_dialog", None) is None


def test_report_details_show_the_printed_number_as_it_is_typed(qtbot, demo_db, open_window):
    from PySide6.QtCore import Qt

    from c27desk.store import periods

    window = open_window(demo_db)
    window.act["period_details"].trigger()
    dialog = window.period_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    number = dialog.fields["report_number"]
    assert dialog.number_shown.text().endswith("Số 127-BC/TU")
    number.clear()
    qtbot.keyClicks(number, "45-BC/TU")
    assert dialog.number_shown.text().endswith("Số 45-BC/TU")
    qtbot.keyClick(number, Qt.Key.Key_Backspace)
    qtbot.keyClick(number, Qt.Key.Key_Backspace)
    qtbot.keyClicks(number, "HU")  # another body's symbol: said at once, and refused on saving
    assert "BC/HU" in dialog.number_shown.text() and "45-BC/TU" in dialog.number_shown.text()
    qtbot.keyClick(number, Qt.Key.Key_Return)
    assert dialog.isVisible() and "BC/HU" in dialog.error.text()
    assert periods.require_period(window.db, 2023).report_number == "127"
    number.clear()
    qtbot.keyClicks(number, "45")
    assert dialog.number_shown.text().endswith("Số 45-BC/TU")
    qtbot.keyClick(number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert periods.require_period(window.db, 2023).report_number == "45"


def test_the_save_dialog_takes_the_command_lines_rule_for_the_kind_of_file(qtbot, demo_db, open_window, tmp_path,
                                                                           monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    usb = tmp_path / "usb"
    usb.mkdir()
    typed, warned = [str(usb / "x.txt"), ""], []  # "": the dialog asked again is cancelled
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (typed.pop(0), "PDF (*.pdf)")))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text: warned.append(text)))
    window = open_window(demo_db)
    preview = open_preview(qtbot, window)
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)  # Lưu PDF…
    assert warned and "x.txt" in warned[0] and "phải có đuôi .pdf; không ghi gì" in warned[0]
    assert list(usb.iterdir()) == [] and typed == []  # refused: nothing written, not a PDF named .txt
    typed.append(str(usb / "bao-cao"))
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert (usb / "bao-cao.pdf").read_bytes()[:5] == b"%PDF-" and len(warned) == 1  # the kind's suffix added


def test_a_refused_or_not_replaced_name_opens_the_save_dialog_again_on_that_name(qtbot, demo_db, open_window,
                                                                                 tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "báo cáo.pdf").write_bytes(b"old")
    typed, opened_on, warned = [str(usb / "x.txt"), str(usb / "báo cáo"), str(usb / "mới.PDF")], [], []

    def dialog(_parent, _title, start, _filter):
        opened_on.append(start)
        return typed.pop(0), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text: warned.append(text)))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.No))
    preview = open_preview(qtbot, open_window(demo_db))
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)  # Lưu PDF…: x.txt, then báo cáo (No), mới.PDF
    assert opened_on[1:] == [str(usb / "x.txt"), str(usb / "báo cáo")] and typed == []
    assert warned == [f"Tệp kết quả {usb / 'x.txt'} phải có đuôi .pdf; không ghi gì."]  # not "Lưu phụ lục: …"
    assert (usb / "báo cáo.pdf").read_bytes() == b"old" and (usb / "mới.PDF").read_bytes()[:5] == b"%PDF-"


def test_enter_on_the_replace_question_keeps_the_existing_file(qtbot, demo_db, open_window, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog

    old = tmp_path / "báo cáo.pdf"
    old.write_bytes(b"old")
    typed = [str(tmp_path / "báo cáo"), ""]  # then the dialog asked again is cancelled
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (typed.pop(0), "")))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(REAL_QUESTION))
    pressed = []

    def press_enter():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(50, press_enter)
            return
        pressed.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)
    QTimer.singleShot(50, press_enter)
    qtbot.mouseClick(open_preview(qtbot, open_window(demo_db)).save_button, Qt.MouseButton.LeftButton)
    assert pressed == [f"Đã có tệp {old}. Ghi đè?"] and typed == [] and old.read_bytes() == b"old"
