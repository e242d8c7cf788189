"""Receiving child units' packages: check every file, show what would change, then import.

Checking changes nothing. Each file shows its unit, revision and outcome; selecting a file lists
its changes criterion by criterion (old → new) against the revision held. A first package from a
unit (or one signed with a renewed certificate) shows the signer so the operator can confirm it.
Only what the operator then imports is stored, each file in its own transaction.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from c27desk.exchange.importer import ImportOutcome, entry_text, import_bytes, package_files, read_received
from c27desk.exchange.reasons import ImportRefusedError
from c27desk.gui.workers import run_in_background
from c27desk.model.text import shown
from c27desk.store.clock import current_user
from c27desk.store.database import open_database

OK_COLOR, BAD_COLOR = QColor("#d4edda"), QColor("#f8d7da")


def check_files(db_path: Path, paths: list[Path], *, accept_new_signer: bool, commit: bool,
                progress=None) -> list[ImportOutcome]:
    """Run on a worker with its own connection: check (or import) each file, in order."""
    db = open_database(db_path, check_integrity=False, check_same_thread=False,
                       backup_reason="before-import" if commit else None)
    out = []
    try:
        skipped: list = []
        files = list(package_files(paths, skipped))
        for path, vi, en in skipped:  # not read (a link, a FIFO): listed, so nothing is left out unsaid
            out.append(ImportOutcome(path.name, "", "refused", "SKIPPED", f"{vi} / {en}"))
        for i, path in enumerate(files, start=1):
            try:
                raw = read_received(path)
            except ImportRefusedError as refused:
                out.append(ImportOutcome(path.name, "", "refused", refused.code or "", refused.message()))
                continue
            out.append(import_bytes(db, db_path, raw, path.name, who=current_user(), dry_run=not commit,
                                    accept_new_signer=accept_new_signer))
            if progress is not None:
                progress(i, len(files))
    finally:
        db.close()
    return out


class ImportDialog(QDialog):
    imported = Signal(int)

    def __init__(self, db_path: Path, parent=None):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Nhận gói báo cáo của đơn vị trực thuộc"))
        self.db_path = Path(db_path)
        self.paths: list[Path] = []
        self.outcomes: list[ImportOutcome] = []
        pick_files = QPushButton(self.tr("Chọn tệp .c27…"), self)
        pick_folder = QPushButton(self.tr("Chọn thư mục (USB)…"), self)
        self.accept_signer = QCheckBox(self.tr("Xác nhận chứng thư số mới của người ký (lần đầu gửi hoặc gia hạn)"),
                                       self)
        self.files = QTableWidget(0, 5, self)
        self.files.setObjectName("importFiles")
        self.files.setHorizontalHeaderLabels([self.tr("Tệp"), self.tr("Đơn vị"), self.tr("Bản"), self.tr("Kết quả"),
                                              self.tr("Người ký")])
        self.files.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.files.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files.horizontalHeader().setStretchLastSection(True)
        self.changes = QTableWidget(0, 3, self)
        self.changes.setObjectName("importChanges")
        self.changes.setHorizontalHeaderLabels([self.tr("Tiêu chí"), self.tr("Cũ"), self.tr("Mới")])
        self.changes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes.horizontalHeader().setStretchLastSection(True)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.summary = QLabel(self)
        self.import_button = QPushButton(self.tr("Nhận các tệp hợp lệ"), self)
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        close = QPushButton(self.tr("Đóng"), self)

        top = QHBoxLayout()
        top.addWidget(pick_files)
        top.addWidget(pick_folder)
        top.addWidget(self.accept_signer, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.files)
        split.addWidget(self.changes)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.progress)
        layout.addLayout(bottom)
        self.resize(900, 600)

        pick_files.clicked.connect(self._pick_files)
        pick_folder.clicked.connect(self._pick_folder)
        self.accept_signer.toggled.connect(lambda _on: self.check())
        self.files.currentCellChanged.connect(lambda row, *_: self._show_changes(row))
        self.import_button.clicked.connect(self.commit)
        close.clicked.connect(self.accept)

    def _pick_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Chọn gói báo cáo"), "", self.tr("Gói báo cáo (*.c27)"))
        if names:
            self.set_paths([Path(n) for n in names])

    def _pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục chứa gói báo cáo"))
        if folder:
            self.set_paths([Path(folder)])

    def set_paths(self, paths: list[Path]) -> None:
        self.paths = paths
        self.check()

    def _run(self, commit: bool) -> None:
        self.progress.show()
        self.progress.setRange(0, 0)
        self.import_button.setEnabled(False)
        paths, accept, db_path = list(self.paths), self.accept_signer.isChecked(), self.db_path
        run_in_background(lambda: check_files(db_path, paths, accept_new_signer=accept, commit=commit),
                          lambda result: self._done(result, commit), self._failed)

    def check(self) -> None:
        if self.paths:
            self._run(commit=False)

    def commit(self) -> None:
        self._run(commit=True)

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.summary.setText(message)

    def _done(self, outcomes: list[ImportOutcome], committed: bool) -> None:
        self.progress.hide()
        self.outcomes = outcomes
        self.files.setRowCount(len(outcomes))
        labels = {"accepted": self.tr("Đã nhận"), "already": self.tr("Đã có, không đổi"),
                  "checked": self.tr("Hợp lệ"), "refused": self.tr("Từ chối"),
                  "superseded": self.tr("Bản cũ, đã có bản mới hơn")}
        for row, o in enumerate(outcomes):
            result = labels[o.outcome] + (f" [{o.reason}] {o.message}" if o.reason else "")
            cells = [shown(o.file_name), o.unit or "", f"r{o.revision}" if o.revision else "", result, o.signer]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setBackground(BAD_COLOR if o.outcome == "refused" else OK_COLOR)
                item.setToolTip(text)
                self.files.setItem(row, col, item)
        self.files.resizeColumnsToContents()
        ready = sum(1 for o in outcomes if o.outcome == "checked")
        refused = sum(1 for o in outcomes if o.outcome == "refused")
        if committed:
            done = sum(1 for o in outcomes if o.outcome == "accepted")
            self.summary.setText(self.tr("Đã nhận %1 tệp; từ chối %2.").replace("%1", str(done))
                                 .replace("%2", str(refused)))
            self.imported.emit(done)
        else:
            already = sum(1 for o in outcomes if o.outcome == "already")
            self.summary.setText(self.tr("%1 tệp hợp lệ sẵn sàng nhận; %2 tệp đã nhận trước đây; %3 tệp bị từ chối.")
                                 .replace("%1", str(ready)).replace("%2", str(already)).replace("%3", str(refused)))
        self.import_button.setEnabled(not committed and ready > 0)
        if outcomes:
            self.files.setCurrentCell(0, 0)
            self._show_changes(0)

    def _show_changes(self, row: int) -> None:
        changes = self.outcomes[row].changes if 0 <= row < len(self.outcomes) else []
        self.changes.setRowCount(len(changes))
        for i, c in enumerate(changes):
            old, new = entry_text(c.old), entry_text(c.new)
            for col, text in enumerate((c.criterion, old, new)):
                self.changes.setItem(i, col, QTableWidgetItem(text))
