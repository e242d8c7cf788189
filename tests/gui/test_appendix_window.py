"""The appendix inside the window: preview with pages and zoom, and printing."""

import subprocess

from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter

from c27desk.gui.preview import print_document
from c27desk.store.database import open_database
from c27desk.workflow import finalise_report, open_report


def finalise(db_path):
    db = open_database(db_path)
    try:
        finalise_report(db, open_report(db, 2023), who="tester", acknowledge_warnings=True)
    finally:
        db.close()


def open_preview(qtbot, window):
    window.appendix.act_preview.trigger()
    qtbot.waitUntil(lambda: window.appendix.preview is not None and window.appendix.preview.isVisible(),
                    timeout=10000)
    return window.appendix.preview


def test_preview_pages_zoom_and_print(qtbot, demo_db, open_window, tmp_path):
    finalise(demo_db)
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
