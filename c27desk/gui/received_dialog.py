"""Received reports: each child unit's signed appendix exactly as it arrived, its signature checked again.

The list is the desk's units model (completeness, state in words and colour) with the same
filter. Opening a unit shows its appendix in the program's preview (print, save) with the
signature's status above the page; "all" joins every received appendix in unit order into one
file to print for a meeting, and says that the joined file's signatures are not valid.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)
from shiboken6 import isValid

from c27desk.consolidate.completeness import ReportState
from c27desk.consolidate.desk import desk_overview
from c27desk.errors import C27Error
from c27desk.exchange.received import (
    MERGED_NOTE,
    merged_appendices,
    received_appendix,
    received_reports,
    verify_received,
)
from c27desk.fileio import atomic_write_bytes
from c27desk.gui.appendix_actions import verification_text
from c27desk.gui.config import restore_window, save_window
from c27desk.gui.desk_models import REPORT_ROLE, UnitFilter, UnitsModel, size_unit_columns
from c27desk.gui.save_dialog import ask_save_path
from c27desk.gui.texts import SaysAgain, ShownTexts
from c27desk.gui.workers import run_in_background, with_database
from c27desk.i18n import Text, joined, msg
from c27desk.store import units

SIGNATURE_OK = "background:#d1e7dd; border:1px solid #0f5132; padding:6px;"
SIGNATURE_BAD = "background:#f8d7da; border:1px solid #842029; padding:6px;"


class ReceivedDialog(SaysAgain, QDialog):
    loaded = Signal()
    opened = Signal(object)  # the preview shown

    def __init__(self, db_path: Path, year: int, parent=None):
        super().__init__(parent)
        self.texts = ShownTexts()
        self.setObjectName("receivedDialog")
        self.db_path, self.year = Path(db_path), year
        self.reports = None
        self.levels: dict = {}  # the levels' names by code, read with the first list
        self.checked = False
        self.preview = None
        self.texts.show(
            self.setWindowTitle, msg("Báo cáo đã nhận năm {year}", "Reports received for {year}", year=year)
        )
        self.head = QLabel(self)
        self.texts.show(self.head.setText, msg("Đang đọc danh sách…", "Reading the list…"))
        self.head.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setObjectName("receivedSearch")
        self.texts.show(self.search.setPlaceholderText, msg("Tìm đơn vị (mã hoặc tên)…", "Find a unit (code or name)…"))
        self.search.setClearButtonEnabled(True)
        self.table = QTableView(self)
        self.table.setObjectName("receivedTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # unit order, unsorted
        self.table.setSortingEnabled(True)
        self.proxy = UnitFilter(self)
        self.table.setModel(self.proxy)
        self.open_button = QPushButton(self)
        self.texts.show(self.open_button.setText, msg("&Mở phụ lục đã ký…", "&Open signed appendix…"))
        self.open_button.setObjectName("openAppendix")
        self.all_button = QPushButton(self)
        self.texts.show(
            self.all_button.setText,
            msg("&In / lưu tất cả phụ lục (một tệp PDF)…", "&Print / save all appendices (one PDF)…"),
        )
        self.all_button.setObjectName("allAppendices")
        close = QPushButton(self)
        self.texts.show(close.setText, msg("Đón&g", "&Close"))
        self.status = QLabel(self)
        self.status.setObjectName("receivedStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for b in (self.open_button, self.all_button, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        restore_window(self, "received/geometry", (1100, 600))  # fitted to a 1024×768 screen too
        self.search.textChanged.connect(lambda t: self.proxy.set_filter(text=t))
        self.open_button.clicked.connect(self.open_selected)
        self.all_button.clicked.connect(self.open_all)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        close.clicked.connect(self.accept)

    def hideEvent(self, event) -> None:  # noqa: N802
        save_window(self, "received/geometry")  # closed by a button, Esc or the title bar: all hide the window
        super().hideEvent(event)

    def retranslate(self) -> None:
        super().retranslate()
        if self.reports is not None:
            self.model.retranslate()

    def load(self) -> None:
        """The list from one query first, then again once every value is re-checked (errors, 'complete')."""
        year = self.year

        def first(found) -> None:
            if not isValid(self):  # closed (and deleted) while the list was being read
                return
            self.levels, reports = found
            self._show(reports)
            run_in_background(with_database(self.db_path, lambda db: received_reports(db, year)), self._show,
                              self._failed)

        run_in_background(with_database(self.db_path, lambda db: (units.level_names(db), desk_overview(db, year))),
                          first, self._failed)

    def _show(self, reports) -> None:
        chosen = self.selected()
        self.checked = all(r.completeness.state != ReportState.CHECKING for r in reports)
        self.reports = reports
        self.model = UnitsModel(reports, self, self.levels)
        self.proxy.setSourceModel(self.model)
        size_unit_columns(self.table)
        got = sum(1 for r in reports if r.sha256)
        self.texts.show(
            self.head.setText,
            msg(
                "Năm {year}: đã nhận {got}/{n} đơn vị. Chọn một đơn vị rồi bấm Mở (hoặc bấm đúp) để xem, in hoặc lưu "
                "phụ lục đã ký đúng như đã nhận.",
                "{year}: {got}/{n} unit received. Select a unit and press Open (or double-click) to view, print or "
                "save its signed appendix exactly as received.",
                plural="{year}: {got}/{n} units received. Select a unit and press Open (or double-click) to view, "
                "print or save its signed appendix exactly as received.",
                year=self.year,
                got=got,
                n=len(reports),
            ),
        )
        self.all_button.setEnabled(got > 0)
        if chosen is not None:
            self.select_unit(chosen.unit.code)
        if self.checked:
            self.loaded.emit()

    def _failed(self, message: str) -> None:
        self.texts.show(self.status.setText, message)
        QMessageBox.warning(self, "c27desk", message)

    def select_unit(self, code: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data() == code:
                self.table.selectRow(row)
                return

    def selected(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(REPORT_ROLE) if rows else None

    # -- one unit ------------------------------------------------------------------------------
    def open_selected(self) -> None:
        report = self.selected()
        if report is None:
            self.texts.show(self.status.setText, msg("Hãy chọn một đơn vị.", "Select a unit."))
            return
        if not report.sha256:
            self.texts.show(
                self.status.setText,
                msg(
                    "Chưa nhận báo cáo năm {year} của {code}.",
                    "No {year} report has been received from {code}.",
                    year=self.year,
                    code=report.unit.code,
                ),
            )
            return
        code, year = report.unit.code, self.year
        self.texts.show(
            self.status.setText,
            msg("Đang mở và kiểm tra chữ ký của {code}…", "Opening {code} and checking its signature…", code=code),
        )

        def fetch(db):
            pdf, rev = received_appendix(db, self.db_path, code, year)
            return report, pdf, rev, verify_received(db, pdf)

        run_in_background(with_database(self.db_path, fetch), self._show_appendix, self._failed)

    def _show_appendix(self, result) -> None:
        report, pdf, rev, check = result
        title = msg(
            "Phụ lục đã nhận: {name} – năm {year}, bản {number}",
            "Received appendix: {name} – {year}, revision {number}",
            name=report.unit.name,
            year=self.year,
            number=rev.number,
        )
        ok = check.ok
        verdict = (
            msg(
                "✓ Chữ ký hợp lệ, bao trùm toàn bộ tệp, thuộc CA tin cậy (kiểm tra lại lúc mở).",
                "✓ Valid signature over the whole file, from a trusted CA (checked again on opening).",
            )
            if ok
            else msg(
                "⚠ Chữ ký có vấn đề (kiểm tra lại lúc mở):", "⚠ The signature has problems (checked again on opening):"
            )
        )
        banner = joined("{verdict}\n{details}", verdict=verdict, details=verification_text(check, " · "))
        name = f"{report.unit.code}_{self.year}_r{rev.number}_phu-luc_da-ky.pdf"
        self.texts.show(self.status.setText, verdict)
        self.preview = self._preview(pdf, title, banner, ok, name)
        self.opened.emit(self.preview)

    # -- all units -------------------------------------------------------------------------------
    def open_all(self) -> None:
        year = self.year
        self.texts.show(self.status.setText, msg("Đang gộp các phụ lục…", "Joining the appendices…"))
        run_in_background(with_database(self.db_path, lambda db: merged_appendices(db, self.db_path, year)),
                          self._show_all, self._failed)

    def _show_all(self, result) -> None:
        pdf, codes = result
        note = MERGED_NOTE
        title = msg(
            "Phụ lục của {n} đơn vị năm {year} (bản gộp để in)",
            "Appendix of {n} unit, {year} (joined for printing)",
            plural="Appendices of {n} units, {year} (joined for printing)",
            n=len(codes),
            year=self.year,
        )
        banner = msg("Gồm {n} đơn vị theo thứ tự mã: {codes}.\n⚠ {note}", "{n} unit in code order: {codes}.\n⚠ {note}",
                     plural="{n} units in code order: {codes}.\n⚠ {note}", n=len(codes), codes=", ".join(codes[:30]) + (" …" if len(codes) > 30 else ""), note=note)
        self.texts.show(self.status.setText, note)
        self.preview = self._preview(pdf, title, banner, False, f"phu-luc-cac-don-vi-{self.year}_ban-gop-de-in.pdf")
        self.opened.emit(self.preview)

    # -- the program's preview, with the signature's status above the page ----------------------
    def _preview(self, pdf: bytes, title: Text, banner: Text, ok: bool, name: str):
        from c27desk.gui.preview import AppendixPreview

        if self.preview is not None:
            self.preview.close()
        preview = AppendixPreview(pdf, title, can_sign=False, parent=self)
        preview.sign_button.setVisible(False)  # a received appendix is the unit's; the office never re-signs it
        label = QLabel(preview)
        preview.texts.show(label.setText, banner)
        label.setObjectName("signatureStatus")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setStyleSheet(SIGNATURE_OK if ok else SIGNATURE_BAD)
        preview.layout().insertWidget(0, label)
        preview.save_requested.connect(lambda: self.save_pdf(pdf, name))
        preview.resize(900, 700)
        preview.show()
        return preview

    def save_pdf(self, pdf: bytes, name: str, path: str | None = None) -> Path | None:
        if path is None:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            path = ask_save_path(self, msg("Lưu phụ lục", "Save appendix"), Path(folder) / name, ".pdf",
                                 filter_text="PDF (*.pdf)")
            if path is None:
                return None
        try:
            atomic_write_bytes(Path(path), pdf)
        except (OSError, C27Error) as exc:
            QMessageBox.warning(
                self,
                "c27desk",
                str(
                    msg(
                        "Không ghi được tệp {path}: {reason}",
                        "Could not write {path}: {reason}",
                        path=path,
                        reason=exc.message() if isinstance(exc, C27Error) else str(exc),
                    )
                ),
            )
            return None
        self.texts.show(self.status.setText,
                        msg("Đã lưu {path} (đúng từng byte như đã nhận).", "Saved {path} (byte for byte as received).",
                            path=path) if "ban-gop" not in name else
                        msg("Đã lưu {path} (bản gộp để in).", "Saved {path} (joined for printing).", path=path))
        return Path(path)
