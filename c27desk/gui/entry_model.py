"""The entry table: one row per criterion, the appendix's four columns.

The model holds the catalogue and the current answers; every accepted edit goes through
an undo command that saves to the database at once (autosave), and the model only shows
what the database holds afterwards.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QUndoCommand, QUndoStack

from c27desk.errors import C27Error, InputError
from c27desk.i18n import Text, joined, msg
from c27desk.model.catalogue import Catalogue, Criterion
from c27desk.model.text import fold
from c27desk.model.validation import CheckReport, Issue
from c27desk.model.values import Entry, display_explanation, display_value, make_entry

COL_STT, COL_TEXT, COL_EXPLANATION, COL_VALUE = range(4)
CRITERION_ROLE = Qt.ItemDataRole.UserRole + 1

PROBLEM_BG = QColor("#fde2e1")
WARNING_BG = QColor("#fff4d6")
CARRIED_BG = QColor("#e8f0fe")
LABEL_FG = QColor("#6b6b6b")
_ROOT = QModelIndex()


class UndoSteps(QUndoStack):
    """The undo stack, remembering each step's message so that “Hoàn tác: sửa I.1” reads in the language
    shown now, not in the one the step was made in (a QUndoCommand holds one plain string)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._said: dict[str, Text] = {}

    def name(self, said: Text) -> str:
        """The text to give a command or macro; :meth:`shown` turns it back into ``said`` in any language."""
        text = said.render()
        self._said[text] = said
        return text

    def shown(self, text: str) -> str:
        said = self._said.get(text)
        return text if said is None else said.render()


class SaveEntryCommand(QUndoCommand):
    """One change of one answer; undo and redo are saves like any other, so they are audited."""

    def __init__(self, model: EntryModel, criterion: str, old: Entry | None, new: Entry | None, text: str):
        super().__init__(text)
        self.model, self.criterion, self.old, self.new = model, criterion, old, new
        self.first = True

    def redo(self) -> None:
        self.model.write(self.criterion, self.new, "edit" if self.first else "redo")
        self.first = False

    def undo(self) -> None:
        self.model.write(self.criterion, self.old, "undo")


class EntryModel(QAbstractTableModel):
    saved = Signal(str)          # criterion id, after a successful save
    refused = Signal(str, object)   # criterion id, reason (a Text) — input not accepted, nothing saved
    changed = Signal()           # answers or problems changed (tree, status bar, problem list refresh)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.session = None
        self.catalogue: Catalogue | None = None
        self.criteria: list[Criterion] = []
        self.entries: dict[str, Entry] = {}
        self.report: CheckReport | None = None
        self.problems: dict[str, list[Issue]] = {}
        self._rows: dict[str, int] = {}
        self._final = False  # the report's state when loaded: finalising and reopening load the model again
        self.undo_stack = UndoSteps(self)
        self.lang = "vi"
        self._last_error: Text | None = None
        self.last_refusal: tuple[str, Text] | None = None  # the latest refused edit: (criterion, reason)

    # -- loading -------------------------------------------------------------------------
    def load(self, session) -> None:
        self.beginResetModel()
        self.session = session
        self.catalogue = session.ref.catalogue
        self.criteria = list(self.catalogue.criteria)
        self._rows = {c.id: i for i, c in enumerate(self.criteria)}
        self.entries = session.entries()
        self._final = session.is_final()
        self._recheck()
        self.undo_stack.clear()
        self.endResetModel()
        self.changed.emit()

    def _recheck(self) -> None:
        self.report = self.session.check(self.entries)
        self.problems = {}
        for issue in self.report.issues:
            for cid in issue.criteria:
                self.problems.setdefault(cid, []).append(issue)

    def row_of(self, criterion: str) -> int:
        return self._rows.get(criterion, -1)

    def read_only(self) -> bool:
        """Asked by flags() for every cell painted, so it reads the state kept at load, not the database."""
        return self.session is None or self.session.read_only or self._final

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.criteria)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        # the tooltip says a header in full where a narrow column elides it (“Diễn giải tình trạng thự…”)
        if orientation == Qt.Orientation.Horizontal and role in (Qt.ItemDataRole.DisplayRole,
                                                                 Qt.ItemDataRole.ToolTipRole):
            return str([msg("STT", "No."), msg("Tên tiêu chí", "Criterion"),
                        msg("Diễn giải tình trạng thực hiện", "Explanation of status"),
                        msg("Mã thực hiện / giá trị", "Code / value")][section])
        return None

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (COL_EXPLANATION, COL_VALUE) and not self.read_only():
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        crit = self.criteria[index.row()]
        entry = self.entries.get(crit.id)
        col = index.column()
        if role == CRITERION_ROLE:
            return crit.id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_STT:
                return crit.id
            if col == COL_TEXT:
                return crit.text
            if col == COL_EXPLANATION:
                return display_explanation(crit, entry)
            return self._value_text(crit, entry)
        if role == Qt.ItemDataRole.EditRole:
            if col == COL_EXPLANATION:
                return entry.explanation if entry else ""
            if col == COL_VALUE:
                return display_value(crit, entry, self.lang) if entry and not entry.is_na else ("N/A" if entry else "")
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = [i.message(self.lang) for i in self.problems.get(crit.id, [])]
            if entry and entry.is_unconfirmed:
                tips.append(str(msg("Giá trị chuyển từ năm trước, chưa được xác nhận (Ctrl+Enter để xác nhận).",
                                    "Value carried from last year, not yet confirmed (Ctrl+Enter to confirm).")))
            if col == COL_TEXT:
                tips.insert(0, crit.text)
            return "\n".join(tips) or None
        if role == Qt.ItemDataRole.BackgroundRole and col in (COL_EXPLANATION, COL_VALUE):
            issues = self.problems.get(crit.id)
            if issues:
                return QBrush(PROBLEM_BG if any(i.severity == "error" for i in issues) else WARNING_BG)
            if entry and entry.is_unconfirmed:
                return QBrush(CARRIED_BG)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_EXPLANATION and entry is not None and not entry.explanation:
            return QBrush(LABEL_FG)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_EXPLANATION and entry is None and crit.is_numeric:
            return QBrush(LABEL_FG)
        if role == Qt.ItemDataRole.FontRole and col == COL_VALUE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_STT, COL_VALUE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _value_text(self, crit: Criterion, entry: Entry | None) -> str:
        if entry is None:
            return ""
        text = display_value(crit, entry, self.lang)
        if entry.is_unconfirmed:
            text += " ?"
        return text

    # -- editing -----------------------------------------------------------------------------
    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        before = self.undo_stack.count()
        reason = self.try_set(index, "" if value is None else str(value))
        if reason is not None:
            self.last_refusal = (self.criteria[index.row()].id, reason)
            self.refused.emit(*self.last_refusal)
            return False
        return self.undo_stack.count() != before

    def try_set(self, index, raw: str, *, named: bool = True) -> Text | None:
        """Put typed (or pasted) text in a cell; the reason it was refused, or None when taken (or unchanged).

        Typing and pasting share this one path, so a pasted cell is judged exactly as a typed one.
        ``named``: the reason starts with the criterion (a paste's summary names it already).
        """
        if self.read_only():
            return msg("báo cáo đang ở chế độ chỉ xem.", "the report is read-only.")
        crit = self.criteria[index.row()]
        old = self.entries.get(crit.id)
        if index.column() == COL_VALUE:
            explanation = old.explanation if old else ""
            if raw.strip() and crit.kind == "status":
                code = crit.code(raw.strip().upper())
                previous = crit.code(old.value) if old and old.value else None
                suggestion_was_untouched = not explanation or (previous is not None and explanation == previous.suggestion)
                if code is not None and code.suggestion and suggestion_was_untouched:
                    explanation = code.suggestion
            new_value_text = raw
        elif index.column() == COL_EXPLANATION:
            explanation = raw
            new_value_text = (old.value if old and not old.is_na else ("N/A" if old else "")) or ""
            if old is None and not raw.strip():
                return None
        else:
            return msg("cột này không sửa được.", "this column cannot be edited.")
        if not raw.strip() and index.column() == COL_VALUE:
            if old is None:
                return None
            if crit.kind == "text" and explanation:
                new: Entry | None = Entry(crit.id, "", explanation)
            else:
                new = None  # clearing the value clears the answer
        else:
            try:
                new = make_entry(crit, new_value_text, explanation)
            except InputError as exc:
                return joined("{criterion}: {reason}", criterion=crit.id, reason=exc.said()) if named else exc.said()
        if new is not None and new.same_content(old):
            return None
        return self._push(crit.id, old, new)

    def push(self, criterion: str, old: Entry | None, new: Entry | None, text: Text | None = None) -> bool:
        """Save a change as an undoable command; False (and a refusal) if the store refused it."""
        error = self._push(criterion, old, new, text)
        if error is not None:
            self.refused.emit(criterion, error)
            return False
        return True

    def _push(self, criterion: str, old: Entry | None, new: Entry | None, text: Text | None = None) -> Text | None:
        before = self.undo_stack.count()
        self.undo_stack.push(SaveEntryCommand(self, criterion, old, new, self.undo_stack.name(
            text or msg("sửa {criterion}", "edit {criterion}", criterion=criterion))))
        if self._last_error:
            # the store refused it: drop the command so undo does not replay a change that never happened
            error, self._last_error = self._last_error, None
            if self.undo_stack.index() > before:  # inside a macro (a paste) nothing was added yet
                self.undo_stack.setIndex(before)
            return error
        return None

    def write(self, criterion: str, entry: Entry | None, action: str) -> None:
        """Save to the database, then show what it holds (called by the undo commands)."""
        try:
            self.session.save(criterion, entry, action=action)
        except C27Error as exc:
            self._last_error = exc.said()
            return
        if entry is None:
            self.entries.pop(criterion, None)
        else:
            self.entries[criterion] = entry
        before = self.problems
        self._recheck()
        self.signal_changes(criterion, before)
        self.saved.emit(criterion)
        self.changed.emit()

    def marked_rows(self, before: dict[str, list[Issue]]) -> list[str]:
        """Criteria whose problems differ from ``before``: a cross-field rule may mark or unmark rows
        other than the one edited."""
        return [cid for cid in before.keys() | self.problems.keys() if before.get(cid) != self.problems.get(cid)]

    def signal_changes(self, criterion: str, before: dict[str, list[Issue]]) -> None:
        """dataChanged for the edited row's answer cells and for the rows whose problems changed — not the
        whole table: a view re-measures and repaints what it is told changed, which made each edit cost
        five thousand data() calls."""
        marked = set(self.marked_rows(before))
        for cid in sorted({criterion} | marked, key=self.row_of):
            row = self.row_of(cid)
            if row >= 0:  # the text column's tooltip lists the problems, so it changes with them
                first = COL_TEXT if cid in marked else COL_EXPLANATION
                self.dataChanged.emit(self.index(row, first), self.index(row, COL_VALUE))

    def clear(self, index) -> bool:
        crit = self.criteria[index.row()]
        old = self.entries.get(crit.id)
        if old is None or self.read_only():
            return False
        return self.push(crit.id, old, None, msg("xóa {criterion}", "clear {criterion}", criterion=crit.id))

    def confirm(self, index) -> bool:
        crit = self.criteria[index.row()]
        old = self.entries.get(crit.id)
        if old is None or not old.is_unconfirmed or self.read_only():
            return False
        return self.push(
            crit.id, old, old.confirmed(), msg("xác nhận {criterion}", "confirm {criterion}", criterion=crit.id)
        )


class EntryFilterProxy(QSortFilterProxyModel):
    """Rows matching the search text (accent-insensitive), a section, and a state filter."""

    ALL, UNANSWERED, PROBLEMS, UNCONFIRMED = range(4)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = ""
        self.section: str | None = None
        self.mode = self.ALL

    def set_filter(self, text: str | None = None, section: str | None | bool = False, mode: int | None = None) -> None:
        self.beginFilterChange()
        if text is not None:
            self.text = fold(text.strip())
        if section is not False:
            self.section = section
        if mode is not None:
            self.mode = mode
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        model: EntryModel = self.sourceModel()
        crit = model.criteria[row]
        if self.section and not (crit.section_id == self.section or crit.section_id.startswith(self.section + ".")):
            return False
        entry = model.entries.get(crit.id)
        if self.mode == self.UNANSWERED and entry is not None:
            return False
        if self.mode == self.PROBLEMS and crit.id not in model.problems:
            return False
        if self.mode == self.UNCONFIRMED and not (entry and entry.is_unconfirmed):
            return False
        if self.text:
            haystack = fold(" ".join([crit.id, crit.text, entry.explanation if entry else "", entry.value or "" if entry else ""]))
            return self.text in haystack
        return True
