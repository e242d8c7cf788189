"""The entry table view: keyboard first, like a spreadsheet.

Enter and Tab commit and move on; arrows move; typing starts editing; Delete clears an
answer; Ctrl+Enter confirms a value carried forward from last year; Ctrl+C / Ctrl+V copy
and paste blocks of cells as spreadsheets do.

Three things a clerk must be able to trust:

* A refused value stays in its cell, in an editor framed red, with the reason shown in the
  message bar above the table, until it is fixed or Esc is pressed.
* In a filtered view (unanswered, problems, unconfirmed) a row that an edit takes out of
  the filter leaves only once the editor is closed and the cursor has moved; if the row
  under the cursor leaves, the cursor goes to the row that took its place and the message
  bar says so. The proxy therefore does not re-filter by itself on every change
  (``dynamicSortFilter`` off); the view re-filters at those safe points.
* A paste is judged cell by cell exactly as typing (``EntryModel.try_set``), as one undo step.

Every edit must be on screen within a frame. Rows keep heights measured once (long criterion
wording wraps onto as many lines as it needs) and re-measured only for the row just edited, or all
of them when the column widths, the language or the report change: a header that measures its
rows to contents re-measures all 120 rows after every change, some five thousand ``data()`` calls
per keystroke.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QMenu, QTableView

from c27desk.gui.entry_model import COL_EXPLANATION, COL_STT, COL_TEXT, COL_VALUE, CRITERION_ROLE
from c27desk.i18n import Text, joined, msg
from c27desk.model.table_text import format_cells, parse_cells


@dataclass
class PasteResult:
    changed: int = 0
    skipped_empty: int = 0
    refused: list[tuple[Text | str, str, Text]] = field(default_factory=list)  # (criterion or line, text, why)


class EntryTableView(QTableView):
    message = Signal(object, bool)  # Text (or "") for the message bar (empty clears it), and whether it is a refusal

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("entryTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # heights: see remeasure_rows
        self._heights: dict[int, int] = {}  # source row → measured height, for the current column widths
        self.pasted: tuple[int, object] | None = None  # the undo index after the last paste, and what the bar said
        self._measure_on_show = False
        self._remeasure = QTimer(self, singleShot=True, interval=0)
        self._remeasure.timeout.connect(self._widths_changed)
        # the rows below the visible ones are measured right after the table has painted (see remeasure_rows)
        self._measure_rest = QTimer(self, singleShot=True)
        self._measure_rest.timeout.connect(self.measure_all_rows)
        self._measured_widths: tuple[int, ...] = ()
        # always there, so the viewport keeps its width and the rows need not be measured twice at start
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.horizontalHeader().sectionResized.connect(lambda *_: self._remeasure.start())
        self.setStyleSheet("QTableView::item:focus { border: 2px solid #1a73e8; }")
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self.act_copy = QAction(self, objectName="copyCells", shortcut=QKeySequence.StandardKey.Copy)
        self.act_paste = QAction(self, objectName="pasteCells", shortcut=QKeySequence.StandardKey.Paste)
        for act in (self.act_copy, self.act_paste):
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.addAction(act)
        self.act_copy.triggered.connect(self.copy_selection)
        self.act_paste.triggered.connect(self.paste_clipboard)
        self._committing = False
        self._refusal: tuple[QPersistentModelIndex, str, str] | None = None
        self._refilter_pending = False
        self._batch = False
        self.showing_refusal = False
        self._fitting = False
        self._columns_set_by_user = False
        self.retranslate()

    def retranslate(self) -> None:
        self.act_copy.setText(str(msg("Sao chép", "Copy")))
        self.act_paste.setText(str(msg("Dán (từ Excel)", "Paste (from Excel)")))

    def setModel(self, model) -> None:  # noqa: N802
        super().setModel(model)
        model.setDynamicSortFilter(False)  # the view re-filters at safe points (see the module docstring)
        source = model.sourceModel()
        source.refused.connect(self._on_refused)
        source.changed.connect(self._after_write)
        source.saved.connect(self._remeasure_criterion)
        model.modelReset.connect(self.remeasure_rows)
        model.layoutChanged.connect(lambda *_: self._apply_heights())
        model.rowsInserted.connect(lambda _parent, first, last: self._apply_heights(first, last))

    # -- row heights -----------------------------------------------------------------------------
    def remeasure_rows(self) -> None:
        """Measure every row again (column widths, language or report changed).

        A hidden table is measured when it is shown: its columns get their widths only then. The
        rows on screen are measured at once, the others right after the table has painted them:
        measuring all 120 took ~20 ms of a window's start, before anything was drawn. Whatever
        needs a row's place sooner (scrolling to it, a filter, a jump) measures the rest first
        (``measure_all_rows``)."""
        self._remeasure.stop()
        self._heights.clear()
        if not self.isVisible():
            self._measure_on_show = True
            return
        self.resizeColumnToContents(COL_STT)  # the numbers change only with the report
        self._measured_widths = self._widths()
        proxy = self.model()
        if proxy is None or proxy.rowCount() == 0:
            return
        first, bottom = max(self.rowAt(0), 0), self.viewport().height()
        header, last, end = self.verticalHeader(), first, proxy.rowCount() - 1
        while True:  # the rows that fit on screen, each placed under those measured before it
            self._apply_heights(last, last)
            if last == end or header.sectionViewportPosition(last) + header.sectionSize(last) >= bottom:
                break
            last += 1
        if first > 0 or last < end:
            self._measure_rest.start(100)  # made 0 by the next paint (paintEvent); 100 ms if none comes

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self._measure_rest.isActive() and self._measure_rest.interval():
            self._measure_rest.start(0)  # the rows on screen are drawn: the others now, before any other work

    def rows_pending(self) -> bool:
        """Whether rows wait to be measured after the paint (at start, or after the columns changed)."""
        return self._measure_rest.isActive()

    def measure_all_rows(self) -> None:
        """Every row its height (those measured already keep theirs): what scrolling and jumping rely on."""
        self._measure_rest.stop()
        self._apply_heights()

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # noqa: N802
        if self._measure_rest.isActive():
            self.measure_all_rows()  # a row's place depends on the heights of the rows above it
        super().scrollTo(index, hint)

    def _widths(self) -> tuple[int, ...]:
        return tuple(self.columnWidth(c) for c in range(4))

    def _widths_changed(self) -> None:
        if self._widths() != self._measured_widths:
            self.remeasure_rows()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._measure_on_show:
            self._measure_on_show = False
            self.remeasure_rows()

    def _apply_heights(self, first: int = 0, last: int | None = None) -> None:
        """Give the shown rows their heights, measuring only those not measured yet."""
        proxy = self.model()
        if proxy is None:
            return
        if first == 0 and last is None:
            self._measure_rest.stop()  # all of them now
        header = self.verticalHeader()
        last = proxy.rowCount() - 1 if last is None else last
        for row in range(first, last + 1):
            source_row = proxy.mapToSource(proxy.index(row, COL_STT)).row()
            height = self._heights.get(source_row)
            if height is None:
                height = self._heights[source_row] = self.sizeHintForRow(row)
            if header.sectionSize(row) != height:
                header.resizeSection(row, height)

    def _remeasure_criterion(self, criterion: str) -> None:
        """An edit changes the height of its own row only."""
        proxy, source = self._source()
        source_row = source.row_of(criterion)
        self._heights.pop(source_row, None)
        row = proxy.mapFromSource(source.index(source_row, COL_STT)).row()
        if row >= 0:
            self._apply_heights(row, row)

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._measured_widths = ()  # values read differently in the other language (fonts measure differently)
            if hasattr(self, "_columns_set_by_user"):  # (not while being built)
                self._fit_columns()  # the value column's header in the other language
            self._remeasure.start()
            self.viewport().update()

    def configure_columns(self) -> None:
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_STT, QHeaderView.ResizeMode.Fixed)  # sized once per report: remeasure_rows
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_EXPLANATION, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_VALUE, QHeaderView.ResizeMode.Interactive)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a narrow column shows “Diễn giải tình…”, not a middle cut
        self._fit_columns()
        header.sectionResized.connect(self._user_resized)

    def _user_resized(self, index: int, _old: int, _new: int) -> None:
        if not self._fitting and index in (COL_EXPLANATION, COL_VALUE):
            self._columns_set_by_user = True

    def _fit_columns(self) -> None:
        """Explanation and value take shares of the width, so the criterion text keeps about half of it
        on a 1024-pixel screen as on a wide one (until the user drags a column border)."""
        if self._columns_set_by_user:
            return
        fm = self.fontMetrics()
        width = self.viewport().width()
        self._fitting = True
        try:
            header = self.horizontalHeader()
            # the value column's header is said in full (up to 30 % of the width), the room taken from the
            # explanation, whose header may be cut (its tooltip says it whole): the criterion keeps its share
            value = max(fm.horizontalAdvance("Không áp dụng") + fm.horizontalAdvance("MM"), int(width * 0.23),
                        min(int(width * 0.30), self._header_width(COL_VALUE)))
            header.resizeSection(COL_EXPLANATION, max(fm.horizontalAdvance("M") * 10,
                                                      int(width * 0.51) - value))
            header.resizeSection(COL_VALUE, value)
        finally:
            self._fitting = False

    def _header_width(self, column: int) -> int:
        """The width ``column``'s header needs in the language shown, as Qt measures it (in bold, as the
        current cell's column is drawn, with the style's margins)."""
        return self.horizontalHeader().sectionSizeFromContents(column).width() if self.model() else 0

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_columns()

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

    # -- committing, refusals, filtered views -----------------------------------------------------
    def _on_refused(self, criterion: str, reason: Text) -> None:
        if not self._committing:
            self.message.emit(reason, True)  # a refusal outside an editor (Delete, confirm): said, nothing kept

    def commitData(self, editor):  # noqa: N802
        if self._committing:
            return  # Qt may commit again while the first commit is still saving
        cell = getattr(editor, "cell", None)
        delegate = self.itemDelegate()
        text = delegate.editor_text(editor) if hasattr(delegate, "editor_text") else ""
        source = self.model().sourceModel()
        source.last_refusal = None
        self._committing = True
        try:
            super().commitData(editor)
        finally:
            self._committing = False
        if source.last_refusal is not None and cell is not None and cell.isValid():
            self._refusal = (QPersistentModelIndex(cell), text, source.last_refusal[1])
        elif self.showing_refusal:
            self.showing_refusal = False
            self.message.emit("", False)

    def closeEditor(self, editor, hint):  # noqa: N802
        # Enter in an editor commits and moves down, Tab moves on, as in a spreadsheet
        cell = getattr(editor, "cell", None)
        index = QModelIndex(cell) if cell is not None and cell.isValid() else self.currentIndex()
        refusal, self._refusal = self._refusal, None
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if refusal is not None and hint != QAbstractItemDelegate.EndEditHint.RevertModelCache:
            self._show_refused(*refusal)
            return
        if hint == QAbstractItemDelegate.EndEditHint.RevertModelCache and self.showing_refusal:
            self.showing_refusal = False
            self.message.emit("", False)  # Esc: the value stays as it was, the message goes
        if hint == QAbstractItemDelegate.EndEditHint.EditNextItem:
            self.next_cell(index)
        elif hint == QAbstractItemDelegate.EndEditHint.EditPreviousItem:
            self.next_cell(index, backwards=True)
        elif hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self.move_to(index.row() + 1, index.column())
        if self._refilter_pending and not self._batch:
            edited = self.model().mapToSource(index) if index.isValid() else QModelIndex()
            self.refilter()
            if edited.isValid() and not self.model().mapFromSource(edited).isValid() and not self.showing_refusal:
                # the row just answered left the view: say so, the cursor already stands on the next one
                current = self.currentIndex().data(CRITERION_ROLE)
                said = msg("Đã lưu {criterion}; dòng này không còn trong bộ lọc đang chọn.",
                           "Saved {criterion}; the row no longer matches the chosen filter.",
                           criterion=edited.data(CRITERION_ROLE))
                if current:
                    said += msg(" Ô chọn: {current}.", " Cursor: {current}.", current=current)
                self.message.emit(said, False)

    def _show_refused(self, cell: QPersistentModelIndex, text: str, reason: Text) -> None:
        """Open the cell again with the refused text in a red frame; the reason goes to the message bar."""
        index = QModelIndex(cell)
        self.itemDelegate().refused_text[QPersistentModelIndex(index)] = text
        self.setCurrentIndex(index)
        self.scrollTo(index)
        self.showing_refusal = True
        self.message.emit(msg("Không lưu: {reason} Sửa lại rồi nhấn Enter, hoặc nhấn Esc để giữ giá trị cũ.",
                              "Not saved: {reason} Correct it and press Enter, or press Esc to keep the old value.",
                              reason=reason), True)
        self.edit(index)

    def _after_write(self) -> None:
        if self._batch or self._committing or self.state() == QAbstractItemView.State.EditingState:
            self._refilter_pending = True  # rows leave once the editor is closed and the cursor has moved
        else:
            self.refilter()

    def refilter(self) -> None:
        """Apply the filter to changed rows, keeping the cursor on a row the user can see."""
        self._refilter_pending = False
        proxy, source = self._source()
        current = self.currentIndex()
        if not current.isValid():
            proxy.set_filter()
            return
        column = current.column()
        src_row = proxy.mapToSource(current).row()
        proxy.set_filter()
        still = proxy.mapFromSource(source.index(src_row, column))
        if still.isValid():
            if still != self.currentIndex():
                self.setCurrentIndex(still)
            return
        # the row under the cursor left the filter: take the one that took its place, and say so
        after = [proxy.mapFromSource(source.index(r, column)) for r in range(src_row + 1, source.rowCount())]
        target = next((i for i in after if i.isValid()), None)
        if target is None and proxy.rowCount():
            target = proxy.index(proxy.rowCount() - 1, column)
        left = source.criteria[src_row].id
        if target is None:
            self.message.emit(
                msg(
                    "{left} không còn trong bộ lọc đang chọn; bộ lọc không còn dòng nào.",
                    "{left} no longer matches the chosen filter; no rows are left in it.",
                    left=left,
                ),
                False,
            )
            return
        self.setCurrentIndex(target)
        self.scrollTo(target)
        self.message.emit(msg("{left} không còn trong bộ lọc đang chọn; ô chọn chuyển sang {target}.",
                              "{left} no longer matches the chosen filter; the cursor moved to {target}.", left=left,
                              target=target.data(CRITERION_ROLE)), False)

    # -- keys ---------------------------------------------------------------------------------------
    def keyPressEvent(self, event):  # noqa: N802
        index = self.currentIndex()
        key = event.key()
        proxy, source = self._source()
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_clipboard()
            return
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

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addActions([self.act_copy, self.act_paste])
        self.act_paste.setEnabled(not self._source()[1].read_only())
        return menu

    def contextMenuEvent(self, event):  # noqa: N802
        self.context_menu().exec(event.globalPos())

    # -- copy and paste -----------------------------------------------------------------------------
    def copy_selection(self) -> str:
        """The selected block (or the current cell) on the clipboard as tab-separated lines."""
        indexes = self.selectedIndexes() or ([self.currentIndex()] if self.currentIndex().isValid() else [])
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        proxy = self.model()

        def text(r: int, c: int) -> str:
            role = Qt.ItemDataRole.EditRole if c in (COL_EXPLANATION, COL_VALUE) else Qt.ItemDataRole.DisplayRole
            return str(proxy.index(r, c).data(role) or "")

        block = format_cells([[text(r, c) for c in cols] for r in rows])
        QGuiApplication.clipboard().setText(block)
        self.message.emit(
            msg("Đã sao chép {n} ô.", "Copied {n} cell.", plural="Copied {n} cells.", n=len(rows) * len(cols)), False
        )
        return block

    def paste_clipboard(self) -> PasteResult | None:
        return self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> PasteResult | None:
        """Fill consecutive visible rows from the current cell; every cell judged as if typed; one undo step.

        One pasted column fills the current column. Two columns pasted on the explanation
        column are explanation and value (the table's order); on the value column they are
        value and explanation (how most spreadsheets lay them out). Empty cells are skipped:
        a paste never clears an answer.
        """
        proxy, source = self._source()
        start = self.currentIndex()
        rows = parse_cells(text)
        if not start.isValid() or not rows:
            return None
        if source.read_only():
            self.message.emit(
                msg("Không dán được: báo cáo đang ở chế độ chỉ xem.", "Nothing pasted: the report is read-only."), True
            )
            return None
        width = max(len(r) for r in rows)
        if start.column() not in (COL_EXPLANATION, COL_VALUE) or width > 2:
            self.message.emit(
                msg(
                    "Không dán được: chỉ dán một cột (giá trị hoặc diễn giải) hoặc hai cột (giá trị và diễn giải), bắt "
                    "đầu từ ô giá trị hoặc ô diễn giải. Không có ô nào bị thay đổi.",
                    "Nothing pasted: paste one column (values or explanations) or two (values and explanations), "
                    "starting on a value or explanation cell. No cell was changed.",
                ),
                True,
            )
            return None
        if width == 1:
            columns = [start.column()]
        else:
            columns = [COL_EXPLANATION, COL_VALUE] if start.column() == COL_EXPLANATION else [COL_VALUE, COL_EXPLANATION]
        # the rows the user sees now; they may leave the filter as they are filled
        targets = [proxy.mapToSource(proxy.index(start.row() + i, COL_VALUE)).row()
                   for i in range(min(len(rows), proxy.rowCount() - start.row()))]
        result = PasteResult()
        self._batch = True
        source.undo_stack.beginMacro(source.undo_stack.name(
            msg("dán {n} dòng", "paste {n} row", plural="paste {n} rows", n=len(targets))))
        try:
            for line, cells in enumerate(rows):
                if line >= len(targets):
                    result.refused.append(
                        (
                            msg("dòng {line}", "line {line}", line=line + 1),
                            "\t".join(cells),
                            msg("không còn dòng nào bên dưới trong bảng", "no more rows below in the table"),
                        )
                    )
                    continue
                crit = source.criteria[targets[line]]
                pairs = dict(zip(columns, cells + [""] * (len(columns) - len(cells)), strict=True))
                # the value first: an explanation alone cannot answer a numeric criterion
                for column in sorted(pairs, key=lambda c: c != COL_VALUE):
                    raw = pairs[column]
                    if not raw.strip():
                        result.skipped_empty += 1
                        continue
                    before = source.undo_stack.index(), source.entries.get(crit.id)
                    reason = source.try_set(source.index(targets[line], column), raw, named=False)
                    if reason is not None:
                        result.refused.append((crit.id, raw, reason))
                        break  # the row stays as it was: no explanation without its value
                    if source.entries.get(crit.id) != before[1]:
                        result.changed += 1
        finally:
            source.undo_stack.endMacro()
            self._batch = False
        self.refilter()
        self.pasted = (source.undo_stack.index(), self.paste_summary(result))  # the bar says it until undone
        self.message.emit(self.pasted[1], bool(result.refused))
        return result

    def paste_summary(self, result: PasteResult) -> Text:
        text = msg("Đã dán: {n} ô thay đổi.", "Pasted: {n} cell changed.", plural="Pasted: {n} cells changed.",
                   n=result.changed)
        if result.refused:
            shown = [joined("\n{where}: “{what}” – {why}", where=where, what=what, why=why)
                     for where, what, why in result.refused[:6]]
            more = len(result.refused) - len(shown)
            text += msg(" {n} ô không nhận (giữ nguyên):", " {n} cell refused (left unchanged):",
                        plural=" {n} cells refused (left unchanged):", n=len(result.refused))
            for line in shown:
                text += line
            if more:
                text += msg("\n… và {n} ô khác.", "\n… and {n} more cell.", plural="\n… and {n} more cells.", n=more)
        return text
