"""Seeing the appendix before it leaves the office: preview with zoom and pages, print, save, sign.

The preview shows exactly the bytes that would be saved or signed (the renderer is
reproducible), so what the clerk checks on screen is what the office above receives.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from c27desk.errors import C27Error
from c27desk.fileio import atomic_write_bytes, os_text
from c27desk.gui.config import restore_window, save_window
from c27desk.gui.texts import SaysAgain, ShownTexts
from c27desk.i18n import Text, msg

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


MAX_PRINT_DPI = 300  # a printer reporting 1200 dpi would get 10,000 × 14,000-pixel pages (60 MB for 8 pages)


def pages_to_print(printer: QPrinter, count: int) -> list[int]:
    """0-based pages in print order: the dialog's page range, and its copies when the driver cannot make them."""
    first, last = 1, count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = max(1, printer.fromPage()), min(count, printer.toPage() or count)
    pages = list(range(first - 1, last))
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if copies == 1:
        return pages
    if printer.collateCopies():
        return pages * copies
    return [p for p in pages for _ in range(copies)]


def print_pdf(pdf: bytes, printer: QPrinter, *, progress: Callable[[int, int], None] | None = None,
              cancelled: threading.Event | None = None) -> int:
    """Draw the PDF's pages on ``printer`` at its resolution capped at MAX_PRINT_DPI; returns pages printed.

    Runs on a worker thread: it loads its own QPdfDocument (rendering into a QImage and painting
    on a QPrinter are thread-safe in Qt; the preview's document stays with the window)."""
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    order = pages_to_print(printer, document.pageCount())
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not order or not painter.begin(printer):
        return 0
    printed = 0
    try:
        for index, number in enumerate(order):
            if cancelled is not None and cancelled.is_set():
                printer.abort()
                break
            if printed:
                printer.newPage()
            points = document.pagePointSize(number)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(number, size)
            if image.allGray():  # a final appendix is black on white: a third of the bytes to the spooler
                image = image.convertToFormat(QImage.Format.Format_Grayscale8)
            target = painter.viewport()
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), scaled), image)
            printed += 1
            if progress is not None:
                progress(index + 1, len(order))
    finally:
        painter.end()
        document.close()
    return printed


#: The temporary folders the system's PDF application prints from, and how long one is kept: the
#: application opens the file after the verb returns and may hold it while it prints, so a copy is
#: removed only at a later print, once it is a day old.
PRINT_COPY_PREFIX = "c27desk-in-"
PRINT_COPY_KEPT = 24 * 3600


def clear_old_print_copies(root: Path | None = None, *, now: float | None = None) -> list[Path]:
    """Remove the print copies older than :data:`PRINT_COPY_KEPT` from the temporary folder; returns
    those removed. One still open (a PDF application printing slowly) stays for the next time."""
    root = Path(root or tempfile.gettempdir())
    limit = (now if now is not None else time.time()) - PRINT_COPY_KEPT
    removed = []
    for folder in root.glob(f"{PRINT_COPY_PREFIX}*"):
        try:
            if folder.is_dir() and not folder.is_symlink() and folder.stat().st_mtime < limit:
                shutil.rmtree(folder)
                removed.append(folder)
        except OSError:
            continue
    return removed


def print_with_system(pdf: bytes, name: str) -> Path:
    """Windows: hand the PDF to the default PDF application's "print" verb (its own dialog, driver and speed)."""
    if sys.platform != "win32":
        raise C27Error(msg("Chỉ có trên Windows.", "Only available on Windows."), code="NOT_WINDOWS")
    clear_old_print_copies()
    folder = Path(tempfile.mkdtemp(prefix=PRINT_COPY_PREFIX))
    path = folder / name
    atomic_write_bytes(path, pdf)
    try:
        os.startfile(str(path), "print")  # type: ignore[attr-defined]  # Windows only
    except OSError as exc:
        raise C27Error(msg("Không có ứng dụng PDF nào nhận lệnh in: {reason}",
                           "No PDF application accepted the print request: {reason}", reason=os_text(exc)),
                       code="SYSTEM_PRINT") from exc
    return path


class _PrintSignals(QObject):
    progress = Signal(int, int)


class AppendixPreview(SaysAgain, QDialog):
    """The appendix on screen. ``sign_requested`` asks the window to sign these very bytes."""

    sign_requested = Signal()
    save_requested = Signal()
    printed = Signal(int, bool)  # pages printed, cancelled

    def __init__(self, pdf: bytes, title: Text | str, *, can_sign: bool, pdf_name: str = "phu-luc.pdf", parent=None):
        super().__init__(parent)
        self.texts = ShownTexts()
        self.setObjectName("appendixPreview")
        self.texts.show(self.setWindowTitle, title)
        self.pdf = pdf
        self.pdf_name = pdf_name
        self.printing = None
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.page = QSpinBox(self)
        self.page.setObjectName("pageSpin")
        self.page.setRange(1, max(1, self.document.pageCount()))
        self.page_count = QLabel(self)
        self.zoom = QComboBox(self)
        self.zoom.setObjectName("zoomCombo")
        self.zoom.addItem("", 0.0)
        self.texts.show(self.zoom.setItemText, 0, msg("Vừa chiều rộng", "Fit width"))
        for z in ZOOMS:
            self.zoom.addItem(f"{round(z * 100)} %", z)
        self.previous = QPushButton(self)
        self.texts.show(self.previous.setText, msg("◀ Trang &trước", "◀ &Previous"))
        self.next = QPushButton(self)
        self.texts.show(self.next.setText, msg("Trang &sau ▶", "&Next ▶"))
        self.zoom_out = QPushButton("−", self)
        self.zoom_in = QPushButton("+", self)
        self.print_button = QPushButton(self)
        self.texts.show(self.print_button.setText, msg("&In…", "P&rint…"))
        # Ctrl+P and Ctrl+S as shortcuts of their own: a button's shortcut is its Alt+letter, which each
        # setText (the language switch) sets again, so Ctrl+P set on the button was lost at the first switch
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_button.click)
        self.system_print_button = QPushButton(self)
        self.texts.show(
            self.system_print_button.setText, msg("In bằng ứng &dụng PDF…", "Print with the PDF &application…")
        )
        self.texts.show(
            self.system_print_button.setToolTip,
            msg(
                "Giao tệp PDF cho ứng dụng đọc PDF mặc định của Windows để in.",
                "Hands the PDF to Windows' default PDF application for printing.",
            ),
        )
        self.system_print_button.setVisible(sys.platform == "win32")
        self.save_button = QPushButton(self)
        self.texts.show(self.save_button.setText, msg("&Lưu PDF…", "&Save PDF…"))
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_button.click)
        self.sign_button = QPushButton(self)
        self.texts.show(self.sign_button.setText, msg("&Ký số…", "Si&gn…"))
        self.sign_button.setEnabled(can_sign)
        if not can_sign:
            self.texts.show(
                self.sign_button.setToolTip,
                msg("Chỉ ký được báo cáo đã chốt.", "Only a finalised report can be signed."),
            )
        close = QPushButton(self)
        self.texts.show(close.setText, msg("Đón&g", "&Close"))

        bar = QHBoxLayout()
        bar.addWidget(self.previous)
        page_label = QLabel(self)
        self.texts.show(page_label.setText, msg("Trang", "Page"))
        bar.addWidget(page_label)
        bar.addWidget(self.page)
        bar.addWidget(self.page_count)
        bar.addWidget(self.next)
        bar.addSpacing(16)
        bar.addWidget(self.zoom_out)
        bar.addWidget(self.zoom)
        bar.addWidget(self.zoom_in)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.system_print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.sign_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.page_count.setText(f"/ {self.document.pageCount()}")
        # fits the screen it opens on (a 900×1000 page view is taller than a 768-pixel laptop screen)
        restore_window(self, "preview/geometry", (900, 1000))

        self.page.valueChanged.connect(self.go_to_page)
        self.previous.clicked.connect(lambda: self.page.setValue(self.page.value() - 1))
        self.next.clicked.connect(lambda: self.page.setValue(self.page.value() + 1))
        self.view.pageNavigator().currentPageChanged.connect(self._page_shown)
        self.zoom.currentIndexChanged.connect(self._zoom_chosen)
        self.zoom_in.clicked.connect(lambda: self._step_zoom(+1))
        self.zoom_out.clicked.connect(lambda: self._step_zoom(-1))
        self.print_button.clicked.connect(self.print_dialog)
        self.system_print_button.clicked.connect(self.print_by_system)
        self.save_button.clicked.connect(self.save_requested)
        self.sign_button.clicked.connect(self.sign_requested)
        close.clicked.connect(self.accept)

    def hideEvent(self, event) -> None:  # noqa: N802
        save_window(self, "preview/geometry")  # closed by a button, Esc or the title bar: all hide the window
        super().hideEvent(event)

    # -- pages and zoom ------------------------------------------------------------------------
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage() + 1

    def go_to_page(self, number: int) -> None:
        self.view.pageNavigator().jump(number - 1, QPointF(), self.view.pageNavigator().currentZoom())

    def _page_shown(self, page: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(page + 1)
        self.page.blockSignals(False)

    def _zoom_chosen(self, index: int) -> None:
        factor = self.zoom.itemData(index)
        if not factor:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(factor))

    def _step_zoom(self, step: int) -> None:
        current = self.view.zoomFactor() if self.view.zoomMode() == QPdfView.ZoomMode.Custom else 1.0
        if step > 0:
            target = next((z for z in ZOOMS if z > current + 1e-6), ZOOMS[-1])
        else:
            target = next((z for z in reversed(ZOOMS) if z < current - 1e-6), ZOOMS[0])
        self.zoom.setCurrentIndex(1 + ZOOMS.index(target))

    # -- print ---------------------------------------------------------------------------------
    def print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.document.pageCount())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.start_printing(printer)

    def start_printing(self, printer: QPrinter) -> None:
        """Print off the UI thread with a progress dialog that can cancel; the window stays responsive."""
        from c27desk.gui.workers import run_in_background

        if self.printing is not None:
            return
        cancelled = threading.Event()
        signals = _PrintSignals(self)
        progress = QProgressDialog(
            str(msg("Đang in phụ lục…", "Printing the appendix…")), str(msg("Hủy", "Cancel")), 0, 1, self
        )
        progress.setObjectName("printProgress")
        self.texts.show(progress.setWindowTitle, msg("In phụ lục", "Print the appendix"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(cancelled.set)

        def advance(done: int, total: int) -> None:
            # the label first: a window-modal setValue processes events, and with them the next page's report
            self.texts.show(
                progress.setLabelText,
                msg("Đang in trang {done}/{total}…", "Printing page {done}/{total}…", done=done, total=total),
            )
            progress.setMaximum(total)
            progress.setValue(done)

        signals.progress.connect(advance)
        self.printing = (printer, cancelled, progress, signals)
        self.print_button.setEnabled(False)

        def finished(printed) -> None:
            self._print_finished(printed, cancelled.is_set(), None)

        run_in_background(lambda: print_pdf(self.pdf, printer, progress=signals.progress.emit, cancelled=cancelled),
                          finished, lambda message: self._print_finished(0, False, message))
        progress.show()

    def _print_finished(self, printed: int, cancelled: bool, error: str | None) -> None:
        _printer, _flag, progress, _signals = self.printing
        progress.close()
        self.printing = None
        self.print_button.setEnabled(True)
        if error:
            QMessageBox.warning(
                self,
                str(msg("In phụ lục", "Print the appendix")),
                str(msg("Không in được: {error}", "Could not print: {error}", error=error)),
            )
        self.printed.emit(printed, cancelled)

    def done(self, result: int) -> None:
        if self.printing is not None:  # closing the preview stops a print run between pages
            self.printing[1].set()
        super().done(result)

    def print_by_system(self) -> None:
        try:
            print_with_system(self.pdf, self.pdf_name)
        except C27Error as exc:
            QMessageBox.warning(self, str(msg("In phụ lục", "Print the appendix")), exc.message())
