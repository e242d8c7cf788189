"""The entry table view: keyboard first, like a spreadsheet.

Enter and Tab commit and move on; arrows move; typing starts editing; Delete clears an
answer; Ctrl+Enter confirms a value carried forward from last year.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QTableView

from c27desk.gui.entry_model import COL_EXPLANATION, COL_STT, COL_TEXT, COL_VALUE


class EntryTableView(QTableView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("entryTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setStyleSheet("QTableView::item:focus { border: 2px solid #1a73e8; }")

    def configure_columns(self) -> None:
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_STT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_EXPLANATION, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_VALUE, QHeaderView.ResizeMode.Interactive)
        fm = self.fontMetrics()
        header.resizeSection(COL_EXPLANATION, fm.horizontalAdvance("M") * 22)
        header.resizeSection(COL_VALUE, fm.horizontalAdvance("Mã thực hiện / giá trị") + fm.horizontalAdvance("MM"))

    def _source(self):
        proxy = self.model()
        return proxy, proxy.sourceModel()

    def move_to(self, row: int, column: int) -> None:
        proxy = self.model()
        if proxy.rowCount() == 0:
            return
        row = max(0, min(row, proxy.rowCount() - 1))
        self.setCurrentIndex(proxy.index(row, column))

    def next_cell(self, index: QModelIndex, backwards: bool = False) -> None:
        """Tab order inside the table: explanation → value → next row's explanation."""
        if backwards:
            if index.column() == COL_VALUE:
                self.move_to(index.row(), COL_EXPLANATION)
            else:
                self.move_to(index.row() - 1, COL_VALUE)
        elif index.column() == COL_EXPLANATION:
            self.move_to(index.row(), COL_VALUE)
        else:
            self.move_to(index.row() + 1, COL_EXPLANATION if index.column() != COL_VALUE else COL_VALUE)

    def closeEditor(self, editor, hint):  # noqa: N802
        # Enter in an editor commits and moves down, Tab moves on, as in a spreadsheet
        index = self.currentIndex()
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if hint == QAbstractItemDelegate.EndEditHint.EditNextItem:
            self.next_cell(index)
        elif hint == QAbstractItemDelegate.EndEditHint.EditPreviousItem:
            self.next_cell(index, backwards=True)
        elif hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self.move_to(index.row() + 1, index.column())

    def keyPressEvent(self, event):  # noqa: N802
        index = self.currentIndex()
        key = event.key()
        proxy, source = self._source()
        if self.state() != QAbstractItemView.State.EditingState and index.isValid():
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    source.confirm(proxy.mapToSource(index))
                    return
                if index.column() in (COL_EXPLANATION, COL_VALUE) and source.flags(proxy.mapToSource(index)) & Qt.ItemFlag.ItemIsEditable:
                    self.edit(index)
                    return
                self.move_to(index.row() + 1, index.column())
                return
            if key == Qt.Key.Key_Tab:
                self.next_cell(index)
                return
            if key == Qt.Key.Key_Backtab:
                self.next_cell(index, backwards=True)
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and index.column() in (COL_EXPLANATION, COL_VALUE):
                if index.column() == COL_VALUE:
                    source.clear(proxy.mapToSource(index))
                else:
                    source.setData(proxy.mapToSource(index), "")
                return
        super().keyPressEvent(event)
