"""The office's desk for a year: who has reported and how completely, values, texts, proposals, charts.

The window opens at once and computes the year in a worker (``consolidate.desk``); every tab is a
model over that data (``desk_models``), so 3,300 units open and scroll like 15. Units that are
missing, incomplete, late or failing their checks are coloured *and* say so in words with a mark.
Proposed values show the office's current value beside them; taking them asks first (old → new),
is one step on the entry window's undo stack, and says what it did.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from c27desk.consolidate.completeness import ReportState
from c27desk.consolidate.desk import DeskData, desk_data, desk_overview
from c27desk.consolidate.export import XLSX_STEPS, write_csv, write_xlsx
from c27desk.consolidate.summary import accept_proposals, proposal_text
from c27desk.errors import C27Error
from c27desk.exchange.importer import entry_text
from c27desk.gui import i18n
from c27desk.gui.config import restore_window, save_window
from c27desk.gui.desk_charts import DeskCharts
from c27desk.gui.desk_models import REPORT_ROLE, ListModel, UnitFilter, UnitsModel, ValuesModel, size_unit_columns
from c27desk.gui.workers import run_in_background, with_database
from c27desk.model.values import Entry
from c27desk.store import units, values
from c27desk.store.clock import current_user


def _view(parent, model, name: str, *, wide_last: bool = False) -> tuple[QTableView, UnitFilter]:
    proxy = UnitFilter(parent)
    proxy.setSourceModel(model)
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(proxy)
    # unit order until the user sorts: no sort indicator, so enabling sorting sorts nothing (a sort of
    # 3,300 rows through Python would cost half a second before the first paint)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
    view.horizontalHeader().setDefaultSectionSize(110)
    if wide_last:
        view.horizontalHeader().setStretchLastSection(True)
    return view, proxy


class _Progress(QObject):
    step = Signal(int, str)


class AcceptProposalsCommand(QUndoCommand):
    """Proposed values taken into the office's report as one undo step of the entry window.

    The first application is done (and checked) before the command is pushed; undo puts every
    old answer back in one transaction, redo takes the proposals again — each audited."""

    def __init__(self, dialog: ConsolidationDialog, chosen, old: dict[str, Entry | None], text: str):
        super().__init__(text)
        self.dialog, self.chosen, self.old = dialog, chosen, old
        self.applied = True

    def redo(self) -> None:
        if self.applied:
            return
        self.dialog.apply_proposals(self.chosen)
        self.applied = True

    def undo(self) -> None:
        self.dialog.restore(self.old)
        self.applied = False


class ConsolidationDialog(QDialog):
    accepted_values = Signal(int)
    loaded = Signal()

    def __init__(self, db, db_path: Path, year: int, parent=None, *, undo_stack=None, read_only: bool = False):
        super().__init__(parent)
        self.read_only = read_only
        self.setObjectName("consolidationDialog")
        self.db, self.db_path, self.year = db, Path(db_path), year
        self.undo_stack = undo_stack
        self.lang = i18n.current_language()
        self.data: DeskData | None = None
        self.progress: QProgressDialog | None = None
        self.setWindowTitle(self.tr("Tổng hợp năm %1").replace("%1", str(year)))

        self.head = QLabel(self.tr("Đang tổng hợp số liệu các đơn vị…"), self)
        self.head.setObjectName("deskHead")
        self.head.setWordWrap(True)
        self.stale = QLabel(self)  # the office's own figures no longer match what its units sent since
        self.stale.setObjectName("staleValues")
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet("background: #fff3cd; padding: 4px;")
        self.stale.setVisible(False)
        self.search = QLineEdit(self)
        self.search.setObjectName("unitSearch")
        self.search.setPlaceholderText(self.tr("Tìm đơn vị (mã hoặc tên)…"))
        self.search.setClearButtonEnabled(True)
        self.level = QComboBox(self)
        self.level.setObjectName("levelFilter")
        self.state = QComboBox(self)
        self.state.setObjectName("stateFilter")
        for text in (self.tr("Mọi tình trạng"), self.tr("Cần chú ý (chưa nộp, chưa đầy đủ, có lỗi, muộn)"),
                     self.tr("✗ Chưa nộp"), self.tr("◐ Chưa đầy đủ"), self.tr("⚠ Có lỗi"), self.tr("Nộp muộn"),
                     self.tr("✓ Đầy đủ")):
            self.state.addItem(text)
        self.shown = QLabel(self)
        self.shown.setObjectName("shownCount")
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.level, 1)
        bar.addWidget(self.state, 1)
        bar.addWidget(self.shown)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("deskTabs")
        self.status = QLabel(self)
        self.status.setObjectName("deskStatus")
        self.status.setWordWrap(True)
        self.save_xlsx = QPushButton(self.tr("Xuất Excel (.xlsx)…"), self)
        self.save_csv = QPushButton(self.tr("Xuất CSV…"), self)
        close = QPushButton(self.tr("Đóng"), self)
        self.save_xlsx.clicked.connect(lambda: self.save(".xlsx"))
        self.save_csv.clicked.connect(lambda: self.save(".csv"))
        close.clicked.connect(self.accept)
        for b in (self.save_xlsx, self.save_csv):
            b.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for b in (self.save_xlsx, self.save_csv, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addWidget(self.stale)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        restore_window(self, "consolidation/geometry", (1200, 680))
        self.proxies: list[UnitFilter] = []
        self.search.textChanged.connect(lambda t: self._filter(text=t))
        self.level.currentIndexChanged.connect(lambda _i: self._filter(level=self.level.currentData() or ""))
        self.state.currentIndexChanged.connect(lambda i: self._filter(state=i))

    def hideEvent(self, event) -> None:  # noqa: N802
        save_window(self, "consolidation/geometry")  # closed by a button, Esc or the title bar: all hide the window
        super().hideEvent(event)

    # -- loading -----------------------------------------------------------------------------
    def load(self) -> None:
        """Compute the year off the UI thread, in two steps: the units with how complete each report is
        (one query, shown at once), then the whole consolidation (every value re-checked), after which
        every tab is there."""
        path, year = self.db_path, self.year

        def in_worker(fn):
            return with_database(path, lambda db: fn(db, year))

        def failed(message: str) -> None:
            self.head.setText(message)
            QMessageBox.warning(self, "c27desk", message)

        def overview(reports) -> None:
            self.show_overview(reports)
            run_in_background(in_worker(desk_data), self.show_data, failed)

        run_in_background(in_worker(desk_overview), overview, failed)

    def show_overview(self, reports) -> None:
        """The units tab alone, while the values are being re-checked."""
        if self.data is not None:
            return
        self.units_model = UnitsModel(reports, self.lang, self)
        self.units_table, proxy = _view(self, self.units_model, "unitsTable")
        self.proxies = [proxy]
        size_unit_columns(self.units_table)
        self.tabs.addTab(self.units_table, self.tr("Đơn vị"))
        self._fill_levels(reports)
        got = sum(1 for r in reports if not r.status.missing)
        self.head.setText(self.tr("Năm %1: đã nhận %2/%3 đơn vị. Đang kiểm tra lại số liệu các đơn vị để tổng hợp…")
                          .replace("%1", str(self.year)).replace("%2", str(got)).replace("%3", str(len(reports))))
        self._filter(**self._filter_now())

    def show_data(self, data: DeskData) -> None:
        self.data = data
        cons = data.cons
        if data.stale:
            self.stale.setText(self.tr("Số liệu đã nhận vào báo cáo của đơn vị đã cũ:") + "\n"
                               + "\n".join(en if self.lang == "en" else vi for vi, en in data.stale))
        self.stale.setVisible(bool(data.stale))
        self.proxies.clear()
        while self.tabs.count():
            self.tabs.widget(0).deleteLater()
            self.tabs.removeTab(0)
        self.units_model = UnitsModel(data.reports, self.lang, self)
        self.units_table, proxy = _view(self, self.units_model, "unitsTable")
        self.proxies.append(proxy)
        size_unit_columns(self.units_table)
        self.tabs.addTab(self.units_table, self.tr("Đơn vị"))

        self.criteria_model = ListModel(data.criterion_header, data.criterion_rows, self)
        self.criteria_table, _ = _view(self, self.criteria_model, "criteriaTable")
        self.criteria_table.setColumnWidth(1, 420)
        self.tabs.addTab(self.criteria_table, self.tr("Tiêu chí"))

        self.values_model = ValuesModel(data.reports, cons.catalogue, self.lang, self)
        self.values_table, proxy = _view(self, self.values_model, "valuesTable")
        self.proxies.append(proxy)
        self.values_table.setColumnWidth(1, 200)
        self.tabs.addTab(self.values_table, self.tr("Số liệu từng đơn vị"))

        by_code = {r.unit.code: r for r in data.reports}
        self.texts_model = ListModel([self.tr("Tiêu chí"), self.tr("Đơn vị"), self.tr("Nội dung")], data.text_rows,
                                     self, unit_of=lambda row: by_code.get(row[1]))
        self.texts_table, proxy = _view(self, self.texts_model, "textsTable", wide_last=True)
        self.proxies.append(proxy)
        self.tabs.addTab(self.texts_table, self.tr("Văn bản"))

        self.proposals = data.proposals
        self.proposal_model = ListModel(
            [self.tr("Tiêu chí"), self.tr("Giá trị đề xuất"), self.tr("Giá trị hiện tại của đơn vị"),
             self.tr("Nguồn"), self.tr("Đơn vị chưa có số liệu")],
            self._proposal_rows(), self, highlight=lambda r: bool(self.proposals[r].missing))
        self.proposal_table, _ = _view(self, self.proposal_model, "proposalTable", wide_last=True)
        self.proposal_table.setSortingEnabled(False)
        self.proposal_table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.proposal_table.setColumnWidth(2, 200)
        self.proposal_table.setColumnWidth(3, 360)
        self.accept_button = QPushButton(self.tr("Nhận các giá trị đã chọn vào báo cáo của đơn vị…"), self)
        self.accept_button.setObjectName("acceptProposals")
        self.accept_button.clicked.connect(self.accept_selected)
        if self.read_only:
            self.accept_button.setEnabled(False)
            self.accept_button.setToolTip(self.tr("Cơ sở dữ liệu đang mở chỉ để đọc."))
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.addWidget(self.proposal_table)
        box.addWidget(self.accept_button)
        self.tabs.addTab(holder, self.tr("Đề xuất tổng hợp"))

        self.charts = DeskCharts(self)
        self.charts.set_data(data, data.reports)
        self.tabs.addTab(self.charts, self.tr("Biểu đồ"))

        self._fill_levels(data.reports)
        got = len(cons.received)
        attention = sum(1 for r in data.reports if r.completeness.state != ReportState.COMPLETE or r.status.late)
        self.head.setText(
            self.tr("Năm %1: đã nhận %2/%3 đơn vị; %4 đơn vị cần chú ý (chưa nộp, chưa đầy đủ, có lỗi hoặc nộp muộn "
                    "— tô màu và ghi rõ ở cột Tình trạng). Hạn nộp: %5.")
            .replace("%1", str(cons.year)).replace("%2", str(got)).replace("%3", str(len(cons.units)))
            .replace("%4", str(attention)).replace("%5", cons.deadline or "—"))
        for b in (self.save_xlsx, self.save_csv):
            b.setEnabled(True)
        self._filter(**self._filter_now())
        self.loaded.emit()

    def _fill_levels(self, reports) -> None:
        chosen = self.level.currentData() or ""
        self.level.blockSignals(True)
        self.level.clear()
        self.level.addItem(self.tr("Mọi cấp"), "")
        for code in sorted({r.unit.level for r in reports}):
            self.level.addItem(code, code)
        self.level.setCurrentIndex(max(0, self.level.findData(chosen)))
        self.level.blockSignals(False)

    def _filter_now(self) -> dict:
        return {"text": self.search.text(), "level": self.level.currentData() or "", "state": self.state.currentIndex()}

    def _proposal_rows(self) -> list[list]:
        current = self.data.current
        return [[p.criterion, proposal_text(p, self.lang), entry_text(current.get(p.criterion)),
                 ", ".join(f"{u}: {v}" for u, v in p.sources), ", ".join(p.missing)] for p in self.proposals]

    # -- filtering ------------------------------------------------------------------------------
    def _filter(self, **changes) -> None:
        for proxy in self.proxies:
            proxy.set_filter(**changes)
        if not self.proxies:
            return
        proxy = self.proxies[0]
        shown = [proxy.index(r, 0).data(REPORT_ROLE) for r in range(proxy.rowCount())]
        self.shown.setText(self.tr("%1/%2 đơn vị").replace("%1", str(len(shown)))
                           .replace("%2", str(self.proxies[0].sourceModel().rowCount())))
        if self.data is not None:
            self.charts.set_reports(shown)

    # -- proposals ------------------------------------------------------------------------------
    def selected_proposals(self) -> list:
        rows = sorted({i.row() for i in self.proposal_table.selectionModel().selectedRows()})
        return [self.proposals[r] for r in rows]

    def accept_selected(self) -> int:
        chosen = [p for p in self.selected_proposals() if p.value is not None]  # no child answered: nothing to take
        if not chosen:
            self.status.setText(self.tr("Hãy chọn (bấm vào) các dòng đề xuất cần nhận."))
            return 0
        me = units.require_self_unit(self.db)
        old = {p.criterion: values.get_entry(self.db, me.code, self.year, p.criterion) for p in chosen}
        lines = [f"{p.criterion}: {entry_text(old[p.criterion])} → {p.value}"
                 + (self.tr(" (thiếu %1)").replace("%1", ", ".join(p.missing)) if p.missing else "")
                 for p in chosen]
        shown = "\n".join(lines[:25]) + ("\n…" if len(lines) > 25 else "")
        answer = QMessageBox.question(
            self, self.tr("Nhận giá trị tổng hợp"),
            self.tr("Ghi %1 giá trị tổng hợp vào báo cáo năm %2 của %3?\n\n%4\n\nCó thể hoàn tác (Ctrl+Z ở cửa sổ "
                    "chính).").replace("%1", str(len(chosen))).replace("%2", str(self.year))
            .replace("%3", me.name).replace("%4", shown))
        if answer != QMessageBox.StandardButton.Yes:
            self.status.setText(self.tr("Không nhận giá trị nào; báo cáo giữ nguyên."))
            return 0
        try:
            changed = self.apply_proposals(chosen)
        except C27Error as exc:
            QMessageBox.warning(self, "c27desk", exc.message())
            return 0
        if changed and self.undo_stack is not None:
            self.undo_stack.push(AcceptProposalsCommand(
                self, chosen, old, self.tr("Nhận %1 giá trị tổng hợp").replace("%1", str(changed))))
        done = self.tr("Đã ghi %1 giá trị tổng hợp vào báo cáo của %2: %3.").replace("%1", str(changed)) \
            .replace("%2", me.name).replace("%3", "; ".join(lines[:5]) + ("; …" if len(lines) > 5 else ""))
        if changed < len(chosen):
            done += " " + self.tr("%1 giá trị đã bằng đề xuất, không đổi.").replace("%1", str(len(chosen) - changed))
        self.status.setText(done)
        return changed

    def apply_proposals(self, chosen) -> int:
        changed = accept_proposals(self.db, self.year, chosen, who=current_user())
        self._after_change()
        self.accepted_values.emit(changed)
        return changed

    def restore(self, old: dict[str, Entry | None]) -> None:
        me = units.require_self_unit(self.db)
        values.save_entries(self.db, me.code, self.year, list(old.items()), who=current_user(), action="undo")
        self._after_change()
        self.status.setText(self.tr("Đã hoàn tác: %1 giá trị trở lại như trước.").replace("%1", str(len(old))))
        self.accepted_values.emit(len(old))

    def _after_change(self) -> None:
        if self.data is None:
            return
        me = units.require_self_unit(self.db)
        self.data.current = values.entries(self.db, me.code, self.year)
        self.proposal_model.set_rows(self._proposal_rows())

    # -- files ------------------------------------------------------------------------------------
    def save(self, suffix: str, path: str | None = None) -> None:
        """Write the XLSX or CSV in a worker, with a progress box that can stop it; the window stays usable.

        Stopping leaves no file behind: the workbook is put in place only when it is whole."""
        if self.data is None:
            return
        if path is None:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            name = Path(folder) / f"tong-hop-{self.year}{suffix}"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Xuất tổng hợp"), str(name), f"*{suffix}")
            if not path:
                return
        target, data = Path(path), self.data
        head = self.tr("Đang ghi %1 (%2 đơn vị)…").replace("%1", target.name).replace("%2", str(len(data.reports)))
        cancelled = threading.Event()
        self.progress = QProgressDialog(head, self.tr("Hủy"), 0, XLSX_STEPS if suffix == ".xlsx" else 0, self)
        self.progress.setObjectName("exportProgress")
        self.progress.setAutoReset(False)
        self.progress.setAutoClose(False)
        self.progress.canceled.connect(cancelled.set)  # its button
        self.progress.rejected.connect(cancelled.set)  # Esc
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        for b in (self.save_xlsx, self.save_csv):
            b.setEnabled(False)

        reporter = _Progress(self)  # lives on this thread: the worker's calls arrive queued
        self._progress_head = head
        reporter.step.connect(self._progress_step)  # a method of this dialog: queued to its thread

        def job():
            if suffix == ".xlsx":
                return write_xlsx(data.cons, target, previous=data.previous, previous_year=data.previous_year,
                                  progress=reporter.step.emit, cancelled=cancelled.is_set)
            return write_csv(data.cons, target)

        def finished(result) -> None:
            self._saved()
            self.last_saved = result
            self.status.setText(self.tr("Đã ghi %1.").replace("%1", str(result)))

        def failed(message: str) -> None:
            self._saved()
            self.status.setText(message)
            if not cancelled.is_set():  # stopping was asked for: the status line says it, no alarm
                QMessageBox.warning(self, "c27desk", message)

        run_in_background(job, finished, failed)

    def _progress_step(self, done: int, what: str) -> None:
        if self.progress is not None:
            self.progress.setValue(done)
            self.progress.setLabelText(self._progress_head + "\n" + self.tr("Trang: %1").replace("%1", what))
            self.progress_seen = (done, what)

    def _saved(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress = None
        for b in (self.save_xlsx, self.save_csv):
            b.setEnabled(True)
