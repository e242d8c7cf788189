"""The office's consolidation view: who has reported, the criteria across units, proposed values.

Units with problems (missing, late, errors) are highlighted. Proposed values — criteria the
catalogue fills from the child units — list where each figure came from, and the operator
takes the ones they accept into the office's own report.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from c27desk.consolidate.export import (
    UNIT_HEADER,
    criterion_rows,
    text_rows,
    unit_rows,
    value_rows,
    write_csv,
    write_xlsx,
)
from c27desk.consolidate.summary import (
    Consolidation,
    accept_proposals,
    proposal_text,
    proposals,
    staleness,
    staleness_lines,
)
from c27desk.errors import C27Error, current_language
from c27desk.gui.config import restore_window, save_window
from c27desk.store.clock import current_user

PROBLEM = QColor("#f8d7da")


def _table(parent, header: list[str], rows: list[list], highlight: list[bool] | None = None) -> QTableWidget:
    table = QTableWidget(len(rows), len(header), parent)
    table.setHorizontalHeaderLabels([str(h) for h in header])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if len(item.text()) > 40:
                item.setToolTip(item.text())
            if highlight and highlight[r]:
                item.setBackground(PROBLEM)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    for col in range(table.columnCount()):  # a criterion's wording would push every other column out of sight
        table.setColumnWidth(col, min(table.columnWidth(col), 420))
    return table


class ConsolidationDialog(QDialog):
    accepted_values = Signal(int)

    def __init__(self, db, cons: Consolidation, parent=None):
        super().__init__(parent)
        self.setObjectName("consolidationDialog")
        self.db, self.cons = db, cons
        self.setWindowTitle(self.tr("Tổng hợp năm %1").replace("%1", str(cons.year)))
        got = len(cons.received)
        head = QLabel(self.tr("Đã nhận %1/%2 đơn vị; hạn nộp %3.").replace("%1", str(got))
                      .replace("%2", str(len(cons.units))).replace("%3", cons.deadline or "—"), self)
        stale = staleness(db, cons.year, cons)
        self.stale = QLabel(self)
        self.stale.setObjectName("staleValues")
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet("background: #fff3cd; padding: 4px;")
        if stale.values:  # the office's own figures no longer match what its units sent since
            self.stale.setText(self.tr("Số liệu đã nhận vào báo cáo của đơn vị đã cũ:") + "\n"
                               + "\n".join(staleness_lines(stale, current_language())))
        self.stale.setVisible(bool(stale.values))
        tabs = QTabWidget(self)
        self.units_table = _table(self, list(UNIT_HEADER), unit_rows(cons), [u.has_problems for u in cons.units])
        self.units_table.setObjectName("unitsTable")
        tabs.addTab(self.units_table, self.tr("Đơn vị"))
        header, rows = criterion_rows(cons)
        self.criteria_table = _table(self, header, rows)
        tabs.addTab(self.criteria_table, self.tr("Tiêu chí"))
        header, rows = value_rows(cons)
        self.values_table = _table(self, header, rows)
        self.values_table.setObjectName("valuesTable")
        tabs.addTab(self.values_table, self.tr("Số liệu từng đơn vị"))
        self.texts_table = _table(self, [self.tr("Tiêu chí"), self.tr("Đơn vị"), self.tr("Nội dung")], text_rows(cons))
        self.texts_table.setObjectName("textsTable")
        self.texts_table.horizontalHeader().setStretchLastSection(True)
        tabs.addTab(self.texts_table, self.tr("Văn bản"))
        self.proposals = proposals(cons)
        prop_rows = [[p.criterion, proposal_text(p, current_language()), ", ".join(f"{u}: {v}" for u, v in p.sources),
                      ", ".join(p.missing)] for p in self.proposals]
        self.proposal_table = _table(self, [self.tr("Tiêu chí"), self.tr("Giá trị đề xuất"), self.tr("Nguồn"),
                                            self.tr("Đơn vị chưa có số liệu")], prop_rows,
                                     [bool(p.missing) for p in self.proposals])
        self.proposal_table.setObjectName("proposalTable")
        self.proposal_table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        accept = QPushButton(self.tr("Nhận các giá trị đã chọn vào báo cáo của đơn vị"), self)
        accept.setObjectName("acceptProposals")
        accept.clicked.connect(self.accept_selected)
        box = QVBoxLayout()
        box.addWidget(self.proposal_table)
        box.addWidget(accept)
        holder = QWidget(self)
        holder.setLayout(box)
        tabs.addTab(holder, self.tr("Đề xuất tổng hợp"))
        save_xlsx = QPushButton(self.tr("Xuất Excel (.xlsx)…"), self)
        save_csv = QPushButton(self.tr("Xuất CSV…"), self)
        close = QPushButton(self.tr("Đóng"), self)
        save_xlsx.clicked.connect(lambda: self.save(".xlsx"))
        save_csv.clicked.connect(lambda: self.save(".csv"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (save_xlsx, save_csv, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.stale)
        layout.addWidget(tabs, 1)
        layout.addLayout(buttons)
        # fits the screen it opens on (a 900×1000 page view is taller than a 768-pixel laptop screen)
        restore_window(self, "consolidation/geometry", (1000, 650))


    def hideEvent(self, event) -> None:  # noqa: N802
        save_window(self, "consolidation/geometry")  # closed by a button, Esc or the title bar: all hide the window
        super().hideEvent(event)
    def save(self, suffix: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = Path(folder) / f"tong-hop-{self.cons.year}{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Xuất tổng hợp"), str(name), f"*{suffix}")
        if not path:
            return None
        try:
            (write_xlsx if suffix == ".xlsx" else write_csv)(self.cons, Path(path))
        except C27Error as exc:
            QMessageBox.warning(self, "c27desk", exc.message())
            return None
        return Path(path)

    def accept_selected(self) -> int:
        rows = sorted({i.row() for i in self.proposal_table.selectedIndexes()})
        chosen = [self.proposals[r] for r in rows]
        if not chosen:
            return 0
        try:
            changed = accept_proposals(self.db, self.cons.year, chosen, who=current_user())
        except C27Error as exc:
            QMessageBox.warning(self, "c27desk", exc.message())
            return 0
        self.accepted_values.emit(changed)
        return changed
