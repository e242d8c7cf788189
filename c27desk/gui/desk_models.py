"""Table models of the office's desk: units, their values, lists — model/view, nothing built per cell.

At the centre's scale (about 3,300 units × 120 criteria) a table of widget items would build
hundreds of thousands of objects on the UI thread; these models answer only for the cells the
view paints. One filter proxy (unit text, level, report state) serves every tab listing units.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from c27desk.consolidate.completeness import ReportState
from c27desk.consolidate.export import signer_name
from c27desk.exchange.importer import entry_text
from c27desk.exchange.received import ReceivedReport
from c27desk.i18n import Lang, Text, language, msg, number
from c27desk.model.catalogue import Catalogue
from c27desk.model.text import fold
from c27desk.model.units import level_text
from c27desk.model.values import Entry, display_value
from c27desk.store.clock import vn_display

SORT_ROLE = Qt.ItemDataRole.UserRole + 20
REPORT_ROLE = Qt.ItemDataRole.UserRole + 21
PROBLEM = QColor("#f8d7da")      # missing or failing its checks
INCOMPLETE = QColor("#fff3cd")   # received, not every criterion answered
_ROOT = QModelIndex()


def shown_amount(text: str | None) -> str:
    """A stored value as people read it: a number with the decimal comma in Vietnamese, anything else as it is."""
    if not text:
        return text or ""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    return number(value) if value.is_finite() else text


def shown_entry(entry: Entry | None) -> str:
    """One side of a change (∅, N/A, or the value with its explanation), the value as people read it."""
    if entry is not None and entry.value:
        entry = replace(entry, value=shown_amount(entry.value))
    return entry_text(entry)


def report_colour(report: ReceivedReport) -> QColor | None:
    """The row's colour; always paired with the state's words and mark (✗ ⚠ ◐ ✓), never alone."""
    state = report.completeness.state
    if state in (ReportState.MISSING, ReportState.PROBLEM) or report.status.late:
        return PROBLEM
    if state == ReportState.INCOMPLETE:
        return INCOMPLETE
    return None


def _when(stamp: str) -> str:
    return vn_display(stamp) if stamp else ""


class _Table(QAbstractTableModel):
    """A flat table: ``rows`` and a horizontal ``header``."""

    rows: list
    header: list[Text | str]  # messages are rendered when asked for: a language switch only repaints

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def retranslate(self) -> None:
        """Headers and cells read again in the language set now (they are rendered when painted)."""
        if self.header:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.header) - 1)
        if self.rows and self.header:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.header) - 1))

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.header)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return str(self.header[section])
        return None


class _ReportRows(_Table):
    """Rows that are units' received reports; each subclass says what a column shows in its
    ``cell(report, column)`` (UnitsModel: the unit's status, ValuesModel: one criterion per column)."""

    def __init__(self, reports: Sequence[ReceivedReport], parent=None):
        super().__init__(parent)
        self.reports = self.rows = list(reports)
        self.header: list[Text | str] = []

    @property
    def lang(self) -> Lang:
        """Cells are said in the language set when they are painted."""
        return language()

    def report_at(self, row: int) -> ReceivedReport | None:
        return self.reports[row]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        report = self.reports[index.row()]
        if role == REPORT_ROLE:
            return report
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = report_colour(report)
            return QBrush(colour) if colour else None
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ToolTipRole):
            value = self.cell(report, index.column())
            if role == SORT_ROLE:
                return value if isinstance(value, int | float) else ("" if value is None else str(value))
            if role == Qt.ItemDataRole.ToolTipRole:
                text = "" if value is None else str(value)
                return text if len(text) > 40 else None
            return "" if value is None else str(value)
        return None


class UnitsModel(_ReportRows):
    """Units × status: received revision, completeness, N/A, problems, signer, times."""

    def __init__(self, reports, parent=None, levels: Mapping[str, Text] | None = None):
        super().__init__(reports, parent)
        self.levels = dict(levels or {})  # each level's name by code (``units.level_names``)
        self.header = [t for t in (
            msg("Mã đơn vị", "Unit code"), msg("Tên đơn vị", "Unit"), msg("Cấp", "Level"), msg("Tình trạng", "Report"),
            msg("Đã trả lời", "Answered"), msg("N/A", "N/A"), msg("Bản", "Revision"), msg("Người ký", "Signed by"),
            msg("Thời điểm ký", "Signed at"), msg("Thời điểm nhận", "Received at"), msg("Nộp muộn", "Late"),
            msg("Lỗi", "Errors"), msg("Cảnh báo", "Warnings"))]

    def cell(self, report: ReceivedReport, column: int) -> object:
        st, c = report.status, report.completeness
        received = not st.missing
        late = str(msg("Muộn", "Late")) if st.late else ""
        state = c.label(self.lang) + (str(msg(" · nộp muộn", " · late")) if st.late else "")
        level = self.levels.get(st.unit.level) or level_text(st.unit.level)
        return (st.unit.code, st.unit.name, level, state, c.fraction(),
                c.not_applicable if received else None, st.revision, signer_name(st.signer),
                _when(st.signed_at), _when(st.received_at), late,
                st.errors if received else None, st.warnings if received else None)[column]


UNIT_COLUMN_WIDTHS = ((0, 110), (1, 200), (2, 160), (3, 230), (4, 80), (5, 50), (6, 50), (7, 220), (8, 185),
                      (9, 185), (10, 70), (11, 50), (12, 70))


def size_unit_columns(view) -> None:
    for col, width in UNIT_COLUMN_WIDTHS:
        view.setColumnWidth(col, width)


class ValuesModel(_ReportRows):
    """Units × criteria: each unit's answers, one row per unit so the unit filter applies."""

    FIXED = 3

    def __init__(self, reports, catalogue: Catalogue, parent=None):
        super().__init__(reports, parent)
        self.criteria = list(catalogue.criteria)
        fixed: list[Text | str] = [
            msg("Mã đơn vị", "Unit code"),
            msg("Tên đơn vị", "Unit"),
            msg("Đã trả lời", "Answered"),
        ]
        self.header = fixed + [c.id for c in self.criteria]

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole
                and section >= self.FIXED):
            return self.criteria[section - self.FIXED].text
        return super().headerData(section, orientation, role)

    def cell(self, report: ReceivedReport, column: int) -> object:
        st = report.status
        if column < self.FIXED:
            return (st.unit.code, st.unit.name, report.completeness.fraction())[column]
        if st.missing:
            return None
        crit = self.criteria[column - self.FIXED]
        return display_value(crit, st.entries.get(crit.id), self.lang)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == SORT_ROLE and index.isValid() and index.column() >= self.FIXED:
            crit = self.criteria[index.column() - self.FIXED]
            entry = self.reports[index.row()].status.entries.get(crit.id)
            if crit.is_numeric:
                try:
                    return float(Decimal(entry.value)) if entry is not None and entry.value else -1.0
                except InvalidOperation:
                    return -1.0
        return super().data(index, role)


class ListModel(_Table):
    """Rows of ready values (criteria, texts, proposals); ``unit_of`` maps a row to its unit's report."""

    def __init__(self, header: Sequence[Text | str], rows: Sequence[Sequence], parent=None, *,
                 unit_of: Callable[[Sequence], ReceivedReport | None] | None = None,
                 highlight: Callable[[int], bool] | None = None):
        super().__init__(parent)
        self.header, self.rows = list(header), list(rows)
        self.unit_of, self.highlight = unit_of, highlight

    def report_at(self, row: int) -> ReceivedReport | None:
        return self.unit_of(self.rows[row]) if self.unit_of else None

    def set_rows(self, rows: Sequence[Sequence]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            return value if isinstance(value, int | float) else ("" if value is None else str(value))
        if role == Qt.ItemDataRole.ToolTipRole:
            text = "" if value is None else str(value)
            return text if len(text) > 40 else None
        if role == Qt.ItemDataRole.BackgroundRole and self.highlight and self.highlight(index.row()):
            return QBrush(PROBLEM)
        return None


class UnitFilter(QSortFilterProxyModel):
    """Unit code or name (accents optional), level, and report state; rows without a unit always pass."""

    ALL, NOT_COMPLETE, MISSING, INCOMPLETE, PROBLEM, LATE, COMPLETE = range(7)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text, self.level, self.state = "", "", self.ALL
        self.setSortRole(SORT_ROLE)

    def set_filter(self, *, text: str | None = None, level: str | None = None, state: int | None = None) -> None:
        self.beginFilterChange()
        if text is not None:
            self.text = fold(text.strip())
        if level is not None:
            self.level = level
        if state is not None:
            self.state = state
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def accepts(self, report: ReceivedReport) -> bool:
        st, state = report.status, report.completeness.state
        if self.level and st.unit.level != self.level:
            return False
        wanted = {
            self.ALL: True,
            self.NOT_COMPLETE: state not in (ReportState.COMPLETE, ReportState.CHECKING) or st.late,
            self.MISSING: state == ReportState.MISSING,
            self.INCOMPLETE: state == ReportState.INCOMPLETE,
            self.PROBLEM: state == ReportState.PROBLEM,
            self.LATE: st.late,
            self.COMPLETE: state == ReportState.COMPLETE,
        }[self.state]
        if not wanted:
            return False
        return not self.text or self.text in fold(f"{st.unit.code} {st.unit.name}")

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        report = self.sourceModel().report_at(row)
        return report is None or self.accepts(report)
