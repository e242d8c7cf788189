"""Receiving child units' packages: check every file, show what would change, then import.

Checking changes nothing. Each file shows its unit, revision and outcome; selecting a file lists
its changes criterion by criterion (old → new) against the revision held. A first package from a
unit (or one signed with a renewed certificate) shows the signer so the operator can confirm it.
Only what the operator then imports is stored, each file in its own transaction.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    QWidget,
)

from c27desk.exchange.importer import Acceptance, ImportOutcome, import_files
from c27desk.exchange.reasons import ACCEPT_COLUMN
from c27desk.gui.desk_models import shown_entry
from c27desk.gui.texts import SaysAgain, ShownTexts
from c27desk.gui.workers import run_in_background
from c27desk.i18n import Text, joined, language, msg, verbatim
from c27desk.model.text import shown
from c27desk.store.clock import current_user
from c27desk.store.database import open_database

OK_COLOR, BAD_COLOR = QColor("#d4edda"), QColor("#f8d7da")


def check_files(db_path: Path, paths: list[Path], *, accept_new_signer: Acceptance, commit: bool,
                progress=None, cancelled=None) -> list[ImportOutcome]:
    """Run on a worker with its own connection: check (or import) each file, in order, until
    ``cancelled`` says stop (between two files: each file imported is stored whole)."""
    db = open_database(db_path, check_integrity=False, check_same_thread=False,
                       backup_reason="before-import" if commit else None)
    try:
        skipped: list = []
        out = import_files(db, db_path, paths, who=current_user(), dry_run=not commit,
                           accept_new_signer=accept_new_signer, progress=progress, skipped=skipped,
                           cancelled=cancelled)
        # not read (a link, a FIFO): listed, so nothing is left out unsaid
        return [ImportOutcome(shown(path.name), "", "refused", "SKIPPED", why)
                for path, why in skipped] + out
    finally:
        db.close()


class _Progress(QObject):
    step = Signal(int, int)  # done, total: emitted on the worker's thread, received queued on the window's


class ImportDialog(SaysAgain, QDialog):
    imported = Signal(int)

    def __init__(self, db_path: Path, parent=None):
        super().__init__(parent)
        self.texts = ShownTexts()
        self.setObjectName("importDialog")
        self.texts.show(
            self.setWindowTitle, msg("Nhận gói báo cáo của đơn vị trực thuộc", "Import child units' packages")
        )
        self.db_path = Path(db_path)
        self.paths: list[Path] = []
        self.outcomes: list[ImportOutcome] = []
        pick_files = QPushButton(self)
        self.texts.show(pick_files.setText, msg("Chọn &tệp .c27…", "Choose .c27 &files…"))
        pick_folder = QPushButton(self)
        self.texts.show(pick_folder.setText, msg("Chọn thư &mục (USB)…", "Choose a f&older (USB)…"))
        self.accepted: set[str] = set()  # units whose new signing certificate the operator confirmed
        self.files = QTableWidget(0, 6, self)
        self.files.setObjectName("importFiles")
        self.texts.show(
            self.files.setHorizontalHeaderLabels,
            [
                msg("Tệp", "File"),
                msg("Đơn vị", "Unit"),
                msg("Bản", "Revision"),
                msg("Kết quả", "Result"),
                msg("Người ký", "Signer"),
                ACCEPT_COLUMN,  # the refusal's remedy names this column in the same words
            ],
        )
        self.files.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.files.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files.horizontalHeader().setStretchLastSection(True)
        self.files.horizontalHeader().moveSection(5, 3)  # the certificate to confirm before the long result text
        # the selected file's new certificate in full, to read out to the unit on the telephone
        self.signer_details = QLabel(self)
        self.signer_details.setObjectName("signerDetails")
        self.signer_details.setWordWrap(True)
        self.signer_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.signer_details.hide()
        # the selected file's whole result, wrapped: a long refusal reads here, not only in a tooltip
        self.result_details = QLabel(self)
        self.result_details.setObjectName("resultDetails")
        self.result_details.setWordWrap(True)
        self.result_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.changes = QTableWidget(0, 3, self)
        self.changes.setObjectName("importChanges")
        self.texts.show(
            self.changes.setHorizontalHeaderLabels, [msg("Tiêu chí", "Criterion"), msg("Cũ", "Old"), msg("Mới", "New")]
        )
        self.changes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes.horizontalHeader().setStretchLastSection(True)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("importProgress")
        self.progress.hide()
        self.stop_button = QPushButton(self)
        self.stop_button.setObjectName("importStop")
        self.texts.show(self.stop_button.setText, msg("&Dừng", "&Stop"))
        self.texts.show(self.stop_button.setToolTip, msg("Dừng sau tệp đang xử lý; các tệp đã nhận được giữ nguyên.",
                                                         "Stop after the file in hand; the files already imported stay."))
        self.stop_button.hide()
        self.stopping = threading.Event()
        self.reporter = _Progress(self)  # lives on this thread: the worker's steps arrive queued
        self.reporter.step.connect(self._progress_step)
        self.summary = QLabel(self)
        self.import_button = QPushButton(self)
        self.texts.show(self.import_button.setText, msg("&Nhận các tệp hợp lệ", "&Import the valid files"))
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        close = QPushButton(self)
        self.texts.show(close.setText, msg("Đón&g", "&Close"))

        top = QHBoxLayout()
        top.addWidget(pick_files)
        top.addWidget(pick_folder)
        top.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.files)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.result_details)
        lower_layout.addWidget(self.signer_details)
        lower_layout.addWidget(self.changes, 1)
        split.addWidget(lower)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.stop_button)
        layout.addLayout(running)
        layout.addLayout(bottom)
        self.resize(900, 600)

        pick_files.clicked.connect(self._pick_files)
        pick_folder.clicked.connect(self._pick_folder)
        self.files.itemChanged.connect(self._signer_ticked)
        self.files.currentCellChanged.connect(lambda row, *_: self._show_changes(row))
        self.import_button.clicked.connect(self.commit)
        self.stop_button.clicked.connect(self.stop)
        close.clicked.connect(self.accept)

    def _pick_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            str(msg("Chọn gói báo cáo", "Choose report packages")),
            "",
            str(msg("Gói báo cáo (*.c27)", "Report packages (*.c27)")),
        )
        if names:
            self.set_paths([Path(n) for n in names])

    def _pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, str(msg("Chọn thư mục chứa gói báo cáo", "Choose the folder holding the packages"))
        )
        if folder:
            self.set_paths([Path(folder)])

    def set_paths(self, paths: list[Path]) -> None:
        self.paths = paths
        self.check()

    def _run(self, commit: bool) -> None:
        self.progress.show()
        self.progress.setRange(0, 0)  # busy until the first file is done
        self.stopping.clear()
        self.stop_button.setEnabled(True)
        self.stop_button.show()
        self.import_button.setEnabled(False)
        paths, accept, db_path = list(self.paths), frozenset(self.accepted), self.db_path
        stopping, step = self.stopping, self.reporter.step.emit
        run_in_background(lambda: check_files(db_path, paths, accept_new_signer=accept, commit=commit,
                                              progress=step, cancelled=stopping.is_set),
                          lambda result: self._done(result, commit), self._failed)

    def stop(self) -> None:
        """Stop between two files: the one in hand is finished (imported whole or not at all)."""
        self.stopping.set()
        self.stop_button.setEnabled(False)
        self.texts.show(self.summary.setText, msg("Đang dừng sau tệp đang xử lý…", "Stopping after the file in hand…"))

    def _progress_step(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def check(self) -> None:
        if self.paths:
            self._run(commit=False)

    def commit(self) -> None:
        self._run(commit=True)

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.stop_button.hide()
        self.texts.show(self.summary.setText, verbatim(message))  # a switch later must not put an older summary back

    def _done(self, outcomes: list[ImportOutcome], committed: bool) -> None:
        self.progress.hide()
        self.stop_button.hide()
        self.outcomes = outcomes
        self.files.blockSignals(True)  # filling the table is not the operator ticking a certificate
        self.files.setRowCount(len(outcomes))
        for row, o in enumerate(outcomes):
            result = self._result(o)
            cert = o.new_signer
            cells = [o.file_name, o.unit or "", f"r{o.revision}" if o.revision else "", result, o.signer,
                     f"{cert.subject}; {cert.serial}" if cert is not None else ""]
            tips = {5: cert.text(language())} if cert is not None else {}
            for col, text in enumerate(cells):
                item = QTableWidgetItem(shown(text, 2000))
                item.setBackground(BAD_COLOR if o.outcome == "refused" else OK_COLOR)
                item.setToolTip(shown(tips.get(col, text), 2000))
                if col == 5 and o.new_signer is not None and o.unit and not committed:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                                  | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked if o.unit in self.accepted else Qt.CheckState.Unchecked)
                    item.setData(Qt.ItemDataRole.UserRole, o.unit)
                self.files.setItem(row, col, item)
        self.files.blockSignals(False)
        self._fit_columns()
        ready = sum(1 for o in outcomes if o.outcome == "checked")
        refused = sum(1 for o in outcomes if o.outcome == "refused")
        summary: Text
        if committed:
            done = sum(1 for o in outcomes if o.outcome == "accepted")
            summary = msg("Đã nhận {files}; từ chối {refused}.", "Imported {files}; refused {refused}.",
                          files=msg("{n} tệp", "{n} file", plural="{n} files", n=done), refused=refused)
            self.imported.emit(done)
        else:
            already = sum(1 for o in outcomes if o.outcome == "already")
            summary = msg(
                "{ready} sẵn sàng nhận; {already} tệp đã nhận trước đây; {refused} tệp bị từ chối.",
                "{ready} ready to import; {already} imported before; {refused} refused.",
                ready=msg("{n} tệp hợp lệ", "{n} valid file", plural="{n} valid files", n=ready), already=already,
                refused=refused)
        if self.stopping.is_set():
            summary = joined("{what} {stopped}", what=summary, stopped=msg(
                "Đã dừng theo yêu cầu: {n} tệp đã xử lý, các tệp còn lại chưa được đọc.",
                "Stopped as asked: {n} file handled, the rest were not read.",
                plural="Stopped as asked: {n} files handled, the rest were not read.", n=len(outcomes)))
        self.texts.show(self.summary.setText, summary)
        self.import_button.setEnabled(not committed and ready > 0)
        if outcomes:
            self.files.setCurrentCell(0, 0)
            self._show_changes(0)

    def _fit_columns(self) -> None:
        """Each column as wide as its words and its header's, in the language shown: again after a
        switch, or "Bản" sized for "r1" would cut "Revision"."""
        self.files.resizeColumnsToContents()
        for col, widest in ((3, 420), (5, 320)):  # long texts stay readable in their tooltip and below
            self.files.setColumnWidth(col, min(self.files.columnWidth(col), widest))
        self.files.horizontalScrollBar().setValue(0)  # the file names stay in sight

    @staticmethod
    def _result(o: ImportOutcome) -> str:
        label = {"accepted": msg("Đã nhận", "Imported"), "already": msg("Đã có, không đổi", "Already held, unchanged"),
                 "checked": msg("Hợp lệ", "Valid"), "refused": msg("Từ chối", "Refused"),
                 "superseded": msg("Bản cũ, đã có bản mới hơn", "Old file, a newer revision is held")}[o.outcome]
        return str(label) + (f": {o.message}" if o.reason else "")  # the message says why; the code is for scripts

    def retranslate(self) -> None:
        """The results' words and the selected file's details in the language set now."""
        super().retranslate()
        for row, o in enumerate(self.outcomes):
            item = self.files.item(row, 3)
            if item is not None:
                item.setText(shown(self._result(o), 2000))
        if self.outcomes:
            self._fit_columns()
        self._show_changes(self.files.currentRow())

    def _signer_ticked(self, item: QTableWidgetItem) -> None:
        """The operator confirms (or withdraws) one unit's certificate, seen in full in that row: check again."""
        unit = item.data(Qt.ItemDataRole.UserRole)
        if item.column() != 5 or not unit:
            return
        if item.checkState() == Qt.CheckState.Checked:
            self.accepted.add(unit)
        else:
            self.accepted.discard(unit)
        self.check()

    def _show_changes(self, row: int) -> None:
        outcome = self.outcomes[row] if 0 <= row < len(self.outcomes) else None
        result_item = self.files.item(row, 3) if outcome is not None else None
        self.result_details.setText(f"{outcome.file_name}: {result_item.text()}" if result_item is not None else "")
        cert = outcome.new_signer if outcome is not None else None
        self.signer_details.setVisible(cert is not None)
        if cert is not None:
            self.signer_details.setText(str(msg("Chứng thư số mới của {unit}: ", "New certificate of {unit}: ",
                                                unit=outcome.unit or "")) + cert.text(language()))
        changes = outcome.changes if outcome is not None else []
        self.changes.setRowCount(len(changes))
        for i, c in enumerate(changes):
            old, new = shown_entry(c.old), shown_entry(c.new)
            for col, text in enumerate((c.criterion, old, new)):
                self.changes.setItem(i, col, QTableWidgetItem(shown(text, 2000)))
