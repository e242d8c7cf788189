"""What an edit costs the view: only the changed cells are signalled, and rows are not all re-measured.

Not timed (bench/bench_entry.py times it); these guard the mechanism that keeps an edit within a frame.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from c27desk.gui.entry_model import COL_EXPLANATION, COL_VALUE
from c27desk.gui.table_view import EntryTableView
from tests.gui.test_entry_window import type_into


def watch(window):
    """Every (row, column) cell the model signals changed."""
    cells: list[tuple[int, int]] = []
    window.model.dataChanged.connect(lambda tl, br, *_: cells.extend(
        (r, c) for r in range(tl.row(), br.row() + 1) for c in range(tl.column(), br.column() + 1)))
    return cells


def test_an_edit_signals_only_its_own_cells_and_measures_no_other_row(qtbot, demo_db, open_window, monkeypatch):
    window = open_window(demo_db)
    assert len(window.table._heights) == window.model.rowCount()  # the start measured each row once, then no more
    measured = []
    monkeypatch.setattr(EntryTableView, "resizeRowsToContents", lambda self: measured.append("all rows"))
    monkeypatch.setattr(EntryTableView, "sizeHintForRow", lambda self, row: measured.append(row) or 30)
    cells = watch(window)
    type_into(qtbot, window, "II.5", COL_VALUE, "300")
    row = window.model.row_of("II.5")
    assert set(cells) == {(row, COL_EXPLANATION), (row, COL_VALUE)}
    assert measured == [window.proxy.mapFromSource(window.model.index(row, 0)).row()]
    header = window.table.verticalHeader()
    assert all(header.sectionResizeMode(r) != QHeaderView.ResizeMode.ResizeToContents for r in range(header.count()))
    assert QHeaderView.ResizeMode.ResizeToContents not in {
        window.table.horizontalHeader().sectionResizeMode(c) for c in range(4)}


def test_a_cross_field_problem_repaints_the_other_row_too(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    cells = watch(window)
    type_into(qtbot, window, "II.2", COL_VALUE, "999")  # more connected than in use (II.1 = 402): both rows marked
    rows = {window.model.row_of(c) for c in ("II.1", "II.2")}
    assert {r for r, _ in cells} == rows and len(cells) <= 6
    assert "II.1" in window.model.problems
    marked = window.model.index(window.model.row_of("II.1"), COL_VALUE).data(Qt.ItemDataRole.BackgroundRole)
    assert marked is not None


def test_rows_keep_their_wording_and_an_edited_row_grows_with_its_text(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    table, model = window.table, window.model

    def height(cid):
        return table.rowHeight(window.proxy.mapFromSource(model.index(model.row_of(cid), 0)).row())

    by_length = sorted(model.criteria, key=lambda c: len(c.text))
    longest, shortest = by_length[-1].id, by_length[0].id
    assert height(longest) > height(shortest)  # long wording wraps onto more lines, measured once
    before = height(shortest)
    type_into(qtbot, window, shortest, COL_EXPLANATION, "Đã ban hành " * 15)
    assert height(shortest) > before


def test_rows_shown_again_after_a_filter_keep_their_heights(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    table, model = window.table, window.model
    longest = max(model.criteria, key=lambda c: len(c.text)).id

    def height(cid):
        return table.rowHeight(window.proxy.mapFromSource(model.index(model.row_of(cid), 0)).row())

    before = height(longest)
    window.filter_edit.setText("không có dòng nào như thế này")
    assert window.proxy.rowCount() == 0
    window.filter_edit.setText("")
    assert height(longest) == before > table.verticalHeader().defaultSectionSize()


def test_another_language_measures_the_rows_again(qtbot, demo_db, open_window, monkeypatch):
    window = open_window(demo_db)
    measured = []
    real = EntryTableView.sizeHintForRow
    monkeypatch.setattr(EntryTableView, "sizeHintForRow", lambda self, row: measured.append(row) or real(self, row))
    window.set_language("en")
    qtbot.waitUntil(lambda: len(measured) >= window.proxy.rowCount(), timeout=3000)
    assert window.model.lang == "en"
    window.set_language("vi")  # the language is the program's state: the next test starts in Vietnamese
