"""Seeing the appendix before it leaves the office: preview with zoom and pages, print, save, sign.

The preview shows exactly the bytes that would be saved or signed (the renderer is
reproducible), so what the clerk checks on screen is what the office above receives.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from c27desk.gui.config import restore_window, save_window

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw the document's pages on ``printer`` (honouring a chosen page range); returns pages printed."""
    count = document.pageCount()
    first, last = 1, count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = max(1, printer.fromPage()), min(count, printer.toPage() or count)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        dpi = printer.resolution()
        for number in range(first, last + 1):
            if printed:
                printer.newPage()
            points = document.pagePointSize(number - 1)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(number - 1, size)
            target = painter.viewport()
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), scaled), image)
            printed += 1
    finally:
        painter.end()
    return printed


class AppendixPreview(QDialog):
    """The appendix on screen. ``sign_requested`` asks the window to sign these very bytes."""

    sign_requested = Signal()
    save_requested = Signal()

    def __init__(self, pdf: bytes, title: str, *, can_sign: bool, parent=None):
        super().__init__(parent)
        self.setObjectName("appendixPreview")
        self.setWindowTitle(title)
        self.pdf = pdf
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
        self.zoom.addItem(self.tr("Vừa chiều rộng"), 0.0)
        for z in ZOOMS:
            self.zoom.addItem(f"{round(z * 100)} %", z)
        self.previous = QPushButton(self.tr("◀ Trang trước"), self)
        self.next = QPushButton(self.tr("Trang sau ▶"), self)
        self.zoom_out = QPushButton("−", self)
        self.zoom_in = QPushButton("+", self)
        self.print_button = QPushButton(self.tr("In…"), self)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.save_button = QPushButton(self.tr("Lưu PDF…"), self)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.sign_button = QPushButton(self.tr("Ký số…"), self)
        self.sign_button.setEnabled(can_sign)
        if not can_sign:
            self.sign_button.setToolTip(self.tr("Chỉ ký được báo cáo đã chốt."))
        close = QPushButton(self.tr("Đóng"), self)

        bar = QHBoxLayout()
        bar.addWidget(self.previous)
        bar.addWidget(QLabel(self.tr("Trang"), self))
        bar.addWidget(self.page)
        bar.addWidget(self.page_count)
        bar.addWidget(self.next)
        bar.addSpacing(16)
        bar.addWidget(self.zoom_out)
        bar.addWidget(self.zoom)
        bar.addWidget(self.zoom_in)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
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
            print_document(self.document, printer)
