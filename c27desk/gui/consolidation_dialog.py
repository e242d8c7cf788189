"""The office's desk for a year: who has reported and how completely, values, texts, proposals, charts.

The window opens at once and computes the year in a worker (``consolidate.desk``); every tab is a
model over that data (``desk_models``), so 3,300 units open and scroll like 15. Units that are
missing, incomplete, late or failing their checks are coloured *and* say so in words with a mark.
Proposed values show the office's current value beside them; taking them asks first (old → new),
is one step on the entry window's undo stack, and says what it did.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
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
from c27desk.gui.config import restore_window, save_window
from c27desk.gui.desk_charts import DeskCharts
from c27desk.gui.desk_models import (
    REPORT_ROLE,
    ListModel,
    UnitFilter,
    UnitsModel,
    ValuesModel,
    shown_amount,
    shown_entry,
    size_unit_columns,
)
from c27desk.gui.save_dialog import ask_save_path
from c27desk.gui.texts import SaysAgain, ShownTexts
from c27desk.gui.workers import run_in_background, with_database
from c27desk.i18n import listed, msg
from c27desk.model.units import level_text
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


class ConsolidationDialog(SaysAgain, QDialog):
    accepted_values = Signal(int)
    loaded = Signal()

    def __init__(self, db, db_path: Path, year: int, parent=None, *, undo_stack=None, read_only: bool = False):
        super().__init__(parent)
        self.texts = ShownTexts()
        self.read_only = read_only
        self.setObjectName("consolidationDialog")
        self.db, self.db_path, self.year = db, Path(db_path), year
        self.undo_stack = undo_stack
        self.data: DeskData | None = None
        self._levels: dict | None = None  # the levels' names, read once
        self.progress: QProgressDialog | None = None
        self.texts.show(self.setWindowTitle, msg("Tổng hợp năm {year}", "Consolidation {year}", year=year))

        self.head = QLabel(self)
        self.texts.show(
            self.head.setText, msg("Đang tổng hợp số liệu các đơn vị…", "Consolidating the units' figures…")
        )
        self.head.setObjectName("deskHead")
        self.head.setWordWrap(True)
        self.stale = QLabel(self)  # the office's own figures no longer match what its units sent since
        self.stale.setObjectName("staleValues")
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet("background: #fff3cd; padding: 4px;")
        self.stale.setVisible(False)
        self.search = QLineEdit(self)
        self.search.setObjectName("unitSearch")
        self.texts.show(self.search.setPlaceholderText, msg("Tìm đơn vị (mã hoặc tên)…", "Find a unit (code or name)…"))
        self.search.setClearButtonEnabled(True)
        self.level = QComboBox(self)
        self.level.setObjectName("levelFilter")
        self.state = QComboBox(self)
        self.state.setObjectName("stateFilter")
        for i, text in enumerate(
            (
                msg("Mọi tình trạng", "Any state"),
                msg(
                    "Cần chú ý (chưa nộp, chưa đầy đủ, có lỗi, muộn)",
                    "Needs attention (missing, incomplete, errors, late)",
                ),
                msg("✗ Chưa nộp", "✗ Not received"),
                msg("◐ Chưa đầy đủ", "◐ Incomplete"),
                msg("⚠ Có lỗi", "⚠ Errors"),
                msg("Nộp muộn", "Late"),
                msg("✓ Đầy đủ", "✓ Complete"),
            )
        ):
            self.state.addItem("")
            self.texts.show(self.state.setItemText, i, text)
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
        self.save_xlsx = QPushButton(self)
        self.texts.show(self.save_xlsx.setText, msg("Xuất &Excel (.xlsx)…", "Export &Excel (.xlsx)…"))
        self.save_csv = QPushButton(self)
        self.texts.show(self.save_csv.setText, msg("Xuất C&SV…", "Export C&SV…"))
        close = QPushButton(self)
        self.texts.show(close.setText, msg("Đón&g", "&Close"))
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

    def _tab(self, page: QWidget, title) -> None:
        self.tabs.addTab(page, "")
        self.texts.show(self.tabs.setTabText, self.tabs.indexOf(page), title)

    def retranslate(self) -> None:
        """Texts, headers and cells in the language set now; the proposals' words are made again."""
        super().retranslate()
        for name in ("units_model", "values_model", "texts_model", "proposal_model"):
            model = getattr(self, name, None)
            if model is not None:
                model.retranslate()
        if self.data is not None:
            self.proposal_model.set_rows(self._proposal_rows())

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
            self.texts.show(self.head.setText, message)
            QMessageBox.warning(self, "c27desk", message)

        def overview(reports) -> None:
            self.show_overview(reports)
            run_in_background(in_worker(desk_data), self.show_data, failed)

        run_in_background(in_worker(desk_overview), overview, failed)

    def show_overview(self, reports) -> None:
        """The units tab alone, while the values are being re-checked."""
        if self.data is not None:
            return
        self.units_model = UnitsModel(reports, self, self._level_names())
        self.units_table, proxy = _view(self, self.units_model, "unitsTable")
        self.proxies = [proxy]
        size_unit_columns(self.units_table)
        self._tab(self.units_table, msg("Đơn vị", "Units"))
        self._fill_levels(reports)
        got = sum(1 for r in reports if not r.status.missing)
        self.texts.show(
            self.head.setText,
            msg(
                "Năm {year}: đã nhận {got}/{n} đơn vị. Đang kiểm tra lại số liệu các đơn vị để tổng hợp…",
                "{year}: {got}/{n} unit received. Re-checking the units' values to consolidate…",
                plural="{year}: {got}/{n} units received. Re-checking the units' values to consolidate…",
                year=self.year,
                got=got,
                n=len(reports),
            ),
        )
        self._filter(**self._filter_now())

    def show_data(self, data: DeskData) -> None:
        self.data = data
        cons = data.cons
        if data.stale:
            self.texts.show(self.stale.setText, msg("Số liệu đã nhận vào báo cáo của đơn vị đã cũ:\n",
                                                    "Values taken into this office's report are out of date:\n")
                            + listed(data.stale, "\n"))
        self.stale.setVisible(bool(data.stale))
        self.proxies.clear()
        while self.tabs.count():
            self.tabs.widget(0).deleteLater()
            self.tabs.removeTab(0)
        self.units_model = UnitsModel(data.reports, self, self._level_names())
        self.units_table, proxy = _view(self, self.units_model, "unitsTable")
        self.proxies.append(proxy)
        size_unit_columns(self.units_table)
        self._tab(self.units_table, msg("Đơn vị", "Units"))

        self.criteria_model = ListModel(data.criterion_header, data.criterion_rows, self)
        self.criteria_table, _ = _view(self, self.criteria_model, "criteriaTable")
        self.criteria_table.setColumnWidth(1, 420)
        self._tab(self.criteria_table, msg("Tiêu chí", "Criteria"))

        self.values_model = ValuesModel(data.reports, cons.catalogue, self)
        self.values_table, proxy = _view(self, self.values_model, "valuesTable")
        self.proxies.append(proxy)
        self.values_table.setColumnWidth(1, 200)
        self._tab(self.values_table, msg("Số liệu từng đơn vị", "Values by unit"))

        by_code = {r.unit.code: r for r in data.reports}
        self.texts_model = ListModel(
            [msg("Tiêu chí", "Criterion"), msg("Đơn vị", "Unit"), msg("Nội dung", "Text")],
            data.text_rows,
            self,
            unit_of=lambda row: by_code.get(row[1]),
        )
        self.texts_table, proxy = _view(self, self.texts_model, "textsTable", wide_last=True)
        self.proxies.append(proxy)
        self._tab(self.texts_table, msg("Văn bản", "Free texts"))

        self.proposals = data.proposals
        self.proposal_model = ListModel(
            [msg("Tiêu chí", "Criterion"), msg("Giá trị đề xuất", "Proposed value"),
             msg("Giá trị hiện tại của đơn vị", "Office's current value"), msg("Nguồn", "Sources"),
             msg("Đơn vị chưa có số liệu", "Units without data")],
            self._proposal_rows(), self, highlight=lambda r: bool(self.proposals[r].missing))
        self.proposal_table, _ = _view(self, self.proposal_model, "proposalTable", wide_last=True)
        self.proposal_table.setSortingEnabled(False)
        self.proposal_table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.proposal_table.setColumnWidth(2, 200)
        self.proposal_table.setColumnWidth(3, 360)
        self.accept_button = QPushButton(self)
        self.texts.show(
            self.accept_button.setText,
            msg(
                "&Nhận các giá trị đã chọn vào báo cáo của đơn vị…", "&Take the selected values into the office's report…"
            ),
        )
        self.accept_button.setObjectName("acceptProposals")
        self.accept_button.clicked.connect(self.accept_selected)
        if self.read_only:
            self.accept_button.setEnabled(False)
            self.texts.show(
                self.accept_button.setToolTip,
                msg("Cơ sở dữ liệu đang mở chỉ để đọc.", "The database is open read-only."),
            )
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.addWidget(self.proposal_table)
        box.addWidget(self.accept_button)
        self._tab(holder, msg("Đề xuất tổng hợp", "Proposed values"))

        self.charts = DeskCharts(self)
        self.charts.set_data(data, data.reports)
        self._tab(self.charts, msg("Biểu đồ", "Charts"))

        self._fill_levels(data.reports)
        got = len(cons.received)
        attention = sum(1 for r in data.reports if r.completeness.state != ReportState.COMPLETE or r.status.late)
        self.texts.show(
            self.head.setText,
            msg(
                "Năm {year}: đã nhận {got}/{n} đơn vị; {attention} đơn vị cần chú ý (chưa nộp, chưa đầy đủ, có lỗi "
                "hoặc nộp muộn — tô màu và ghi rõ ở cột Tình trạng). Hạn nộp: {deadline}.",
                "{year}: {got}/{n} unit received; needing attention: {attention} (missing, incomplete, errors or "
                "late — coloured and written in the Report column). Deadline: {deadline}.",
                plural="{year}: {got}/{n} units received; needing attention: {attention} (missing, incomplete, "
                "errors or late — coloured and written in the Report column). Deadline: {deadline}.",
                year=cons.year,
                got=got,
                n=len(cons.units),
                attention=attention,
                deadline=date.fromisoformat(cons.deadline) if cons.deadline else "—",
            ),
        )
        for b in (self.save_xlsx, self.save_csv):
            b.setEnabled(True)
        self._filter(**self._filter_now())
        self.loaded.emit()

    def _level_names(self) -> dict:
        """Each level's name by code (a level is shown by its name, never its code)."""
        if self._levels is None:
            self._levels = units.level_names(self.db)
        return self._levels

    def _fill_levels(self, reports) -> None:
        chosen = self.level.currentData() or ""
        self.level.blockSignals(True)
        self.level.clear()
        self.level.addItem("", "")
        self.texts.show(self.level.setItemText, 0, msg("Mọi cấp", "All levels"))
        names = self._level_names()
        for i, code in enumerate(sorted({r.unit.level for r in reports}), start=1):
            self.level.addItem("", code)
            self.texts.show(self.level.setItemText, i, names.get(code) or level_text(code))
        self.level.setCurrentIndex(max(0, self.level.findData(chosen)))
        self.level.blockSignals(False)

    def _filter_now(self) -> dict:
        return {"text": self.search.text(), "level": self.level.currentData() or "", "state": self.state.currentIndex()}

    def _proposal_rows(self) -> list[list]:
        current = self.data.current
        return [
            [
                p.criterion,
                str(proposal_text(p)),
                shown_entry(current.get(p.criterion)),
                ", ".join(f"{u}: {shown_amount(v)}" for u, v in p.sources),
                ", ".join(p.missing),
            ]
            for p in self.proposals
        ]

    # -- filtering ------------------------------------------------------------------------------
    def _filter(self, **changes) -> None:
        for proxy in self.proxies:
            proxy.set_filter(**changes)
        if not self.proxies:
            return
        proxy = self.proxies[0]
        shown = [proxy.index(r, 0).data(REPORT_ROLE) for r in range(proxy.rowCount())]
        self.texts.show(
            self.shown.setText,
            msg(
                "{n}/{total} đơn vị", "{n}/{total} unit", plural="{n}/{total} units", count="total", n=len(shown),
                total=self.proxies[0].sourceModel().rowCount(),
            ),
        )
        if self.data is not None:
            self.charts.set_reports(shown)

    # -- proposals ------------------------------------------------------------------------------
    def selected_proposals(self) -> list:
        rows = sorted({i.row() for i in self.proposal_table.selectionModel().selectedRows()})
        return [self.proposals[r] for r in rows]

    def accept_selected(self) -> int:
        chosen = [p for p in self.selected_proposals() if p.value is not None]  # no child answered: nothing to take
        if not chosen:
            self.texts.show(
                self.status.setText,
                msg("Hãy chọn (bấm vào) các dòng đề xuất cần nhận.", "Select (click) the proposal rows to take."),
            )
            return 0
        me = units.require_self_unit(self.db)
        old = {p.criterion: values.get_entry(self.db, me.code, self.year, p.criterion) for p in chosen}
        lines = [f"{p.criterion}: {shown_entry(old[p.criterion])} → {shown_amount(p.value)}"
                 + (str(msg(" (thiếu {codes})", " (missing {codes})", codes=", ".join(p.missing))) if p.missing else "")
                 for p in chosen]
        shown = "\n".join(lines[:25]) + ("\n…" if len(lines) > 25 else "")
        answer = QMessageBox.question(
            self,
            str(msg("Nhận giá trị tổng hợp", "Take consolidated values")),
            str(
                msg(
                    "Ghi {n} giá trị tổng hợp vào báo cáo năm {year} của {name}?\n\n{shown}\n\nCó thể hoàn tác (Ctrl+Z "
                    "ở cửa sổ chính).",
                    "Write {n} consolidated value into the {year} report of {name}?\n\n{shown}\n\nThis can be undone "
                    "(Ctrl+Z in the main window).",
                    plural="Write {n} consolidated values into the {year} report of {name}?\n\n{shown}\n\n"
                    "This can be undone "
                    "(Ctrl+Z in the main window).",
                    n=len(chosen),
                    year=self.year,
                    name=me.name,
                    shown=shown,
                )
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.texts.show(
                self.status.setText,
                msg("Không nhận giá trị nào; báo cáo giữ nguyên.", "No value taken; the report is unchanged."),
            )
            return 0
        try:
            changed = self.apply_proposals(chosen)
        except C27Error as exc:
            QMessageBox.warning(self, "c27desk", exc.message())
            return 0
        if changed and self.undo_stack is not None:
            self.undo_stack.push(AcceptProposalsCommand(
                self, chosen, old, self.undo_stack.name(msg("nhận {n} giá trị tổng hợp", "take {n} consolidated value",
                                                           plural="take {n} consolidated values", n=changed))))
        done = str(
            msg(
                "Đã ghi {n} giá trị tổng hợp vào báo cáo của {name}: {values}.",
                "Wrote {n} consolidated value into {name}'s report: {values}.",
                plural="Wrote {n} consolidated values into {name}'s report: {values}.",
                n=changed,
                name=me.name,
                values="; ".join(lines[:5]) + ("; …" if len(lines) > 5 else ""),
            )
        )
        if changed < len(chosen):
            done += " " + str(
                msg(
                    "{n} giá trị đã bằng đề xuất, không đổi.",
                    "{n} value already equals the proposal, unchanged.",
                    plural="{n} values already equal the proposal, unchanged.",
                    n=len(chosen) - changed,
                )
            )
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
        self.texts.show(
            self.status.setText,
            msg(
                "Đã hoàn tác: {n} giá trị trở lại như trước.",
                "Undone: {n} value back as it was.",
                plural="Undone: {n} values back as they were.",
                n=len(old),
            ),
        )
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
            path = ask_save_path(self, msg("Xuất tổng hợp", "Export consolidation"), name, suffix)
            if path is None:
                return
        target, data = Path(path), self.data
        head = str(
            msg("Đang ghi {name} ({n} đơn vị)…", "Writing {name} ({n} unit)…", plural="Writing {name} ({n} units)…",
                name=target.name, n=len(data.reports))
        )
        cancelled = threading.Event()
        self.progress = QProgressDialog(head, str(msg("Hủy", "Cancel")), 0, XLSX_STEPS if suffix == ".xlsx" else 0,
                                        self)
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
            self.texts.show(self.status.setText, msg("Đã ghi {result}.", "Wrote {result}.", result=result))

        def failed(message: str) -> None:
            self._saved()
            self.status.setText(message)
            if not cancelled.is_set():  # stopping was asked for: the status line says it, no alarm
                QMessageBox.warning(self, "c27desk", message)

        run_in_background(job, finished, failed)

    def _progress_step(self, done: int, what: str) -> None:
        if self.progress is not None:
            self.progress.setValue(done)
            self.progress.setLabelText(
                self._progress_head + "\n" + str(msg("Trang: {what}", "Sheet: {what}", what=what))
            )
            self.progress_seen = (done, what)

    def _saved(self) -> None:
        if self.progress is not None:
            # autoClose is off (the box must not vanish at 100 % while the file is still being closed), so
            # reset() alone leaves it on screen, window-modal over the desk: close it here
            self.progress.reset()
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        for b in (self.save_xlsx, self.save_csv):
            b.setEnabled(True)
