"""The appendix inside the window: preview with pages and zoom, and printing."""

import subprocess

from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter

from c27desk.gui.preview import print_document
from tests.conftest import finalise_demo


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

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printer.setResolution(100)
    assert print_document(preview.document, printer) == pages
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert f"Pages:           {pages}" in info


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
    qtbot.waitUntil(lambda: "mật khẩu" in dialog.error.text(), timeout=10000)
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
    periods.update_period(db, 2023, who="tester", signer_name="")  # details of a finalised report cannot change
    db.close()
    finalise_demo(demo_db)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text: shown.append(text)))
    window = open_window(demo_db)
    window.appendix.act_sign.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "họ tên người ký" in shown[0]
    assert window.period_dialog.isVisible()  # straight to where it is filled in, no PIN asked
    assert getattr(window.appendix, "sign_dialog", None) is None
