"""A window the clerk can trust (issue 11): nothing stored that nobody typed, refusals visible where they
happened, spreadsheet paste, filtered views that never move the cursor behind the user's back, a
read-only window that cannot write. Real key presses throughout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QMessageBox

from c27desk.gui.delegates import CodeCombo
from c27desk.gui.entry_model import COL_EXPLANATION, COL_VALUE, CRITERION_ROLE, EntryFilterProxy
from c27desk.store import audit, values
from c27desk.store.database import open_database, open_read_only
from tests.gui.test_entry_window import UNIT, go, press_text, stored, type_into


def type_refused(qtbot, window, cid, column, text):
    """Type into a cell and press Enter, expecting a refusal; returns the editor then open."""
    go(window, cid, column)
    press_text(window.table, text[0])
    editor = window.table.focusWidget()
    assert editor is not window.table
    press_text(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(window.notice.isVisible, timeout=2000)  # the delegate commits on a queued call
    assert window.table.state() == QAbstractItemView.State.EditingState
    return window.table.focusWidget()


def open_dialog(qtbot, window, action, attribute):
    """Open a window dialog from its menu action; the dialog once shown."""
    window.act[action].trigger()
    dialog = getattr(window, attribute)
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    return dialog


def current_id(window):
    return window.proxy.mapToSource(window.table.currentIndex()).row(), window.table.currentIndex().data(
        Qt.ItemDataRole.UserRole + 1)


def test_unknown_status_letter_changes_nothing_and_names_the_codes(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    editor = type_refused(qtbot, window, "I.1", COL_VALUE, "F")  # I.1 holds D; its codes are A–D
    assert stored(demo_db, "I.1").value == "D"
    assert isinstance(editor, CodeCombo) and editor.typed == "F" and editor.currentIndex() == -1
    assert "#b00020" in editor.styleSheet()  # framed red, still open on the same cell
    assert window.notice.isVisible() and "A, B, C, D" in window.notice.text() and "“F”" in window.notice.text()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.table.state() != QAbstractItemView.State.EditingState
    assert not window.notice.isVisible()
    assert stored(demo_db, "I.1").value == "D"
    # a known letter still picks its code
    type_into(qtbot, window, "I.1", COL_VALUE, "b")
    assert stored(demo_db, "I.1").value == "B"


def test_refused_value_stays_in_its_cell_with_the_reason_until_fixed(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    editor = type_refused(qtbot, window, "II.3", COL_VALUE, "1,5")
    assert isinstance(editor, QLineEdit) and editor.text() == "1,5"  # the typed text did not vanish
    assert current_id(window)[1] == "II.3"  # nor did the cursor move on
    assert window.notice.isVisible() and "II.3" in window.notice.text()
    assert stored(demo_db, "II.3").value == "426"
    editor.selectAll()
    qtbot.keyClicks(editor, "427")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.table.state() != QAbstractItemView.State.EditingState, timeout=2000)
    assert stored(demo_db, "II.3").value == "427"
    assert not window.notice.isVisible()
    assert current_id(window)[1] == "II.4"


def test_pasting_a_spreadsheet_column_judges_every_cell_and_is_one_undo_step(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    go(window, "II.3", COL_VALUE)
    # as Excel puts a column on the clipboard: CR LF after every line, the last one too
    QApplication.clipboard().setText("430\r\nabc\r\n250\r\n1,5\r\n")
    qtbot.keyClick(window.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [stored(demo_db, c).value for c in ("II.3", "II.4", "II.5", "II.6")] == ["430", "68", "250", "118"]
    text = window.notice.text()
    assert "2 ô không nhận" in text and "II.4: “abc”" in text and "II.6: “1,5”" in text
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the whole paste at once
    assert [stored(demo_db, c).value for c in ("II.3", "II.5")] == ["426", "245"]


def test_pasting_value_and_explanation_with_an_excel_multiline_cell(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    go(window, "I.6", COL_VALUE)
    QApplication.clipboard().setText('B\tĐang triển khai\r\nF\tsai mã\r\nc\t"dòng 1\ndòng ""2"""\r\n')
    qtbot.keyClick(window.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_db, "I.6").value == "B" and stored(demo_db, "I.6").explanation == "Đang triển khai"
    assert stored(demo_db, "I.7").value == "A" and stored(demo_db, "I.7").explanation == "Đã có Quyết định ban hành"
    assert stored(demo_db, "I.8").value == "C" and stored(demo_db, "I.8").explanation == 'dòng 1\ndòng "2"'
    assert "I.7: “F”" in window.notice.text()


def test_copy_puts_the_selected_cells_on_the_clipboard_as_tab_separated_lines(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    go(window, "II.1", COL_EXPLANATION)
    qtbot.keyClick(window.table, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "Số máy tính loại này là:\t402\r\nSố máy tính loại này là:\t42\r\n"


def test_clicking_away_from_a_refused_value_keeps_the_pane_on_the_row_being_edited(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    go(window, "II.3", COL_VALUE)
    press_text(window.table, "Z")
    qtbot.keyClick(window.table.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(window.notice.isVisible, timeout=2000)
    # a click on I.1 while the refused value is open: the value is refused again and its editor stays
    window.table.setCurrentIndex(window.proxy.mapFromSource(window.model.index(window.model.row_of("I.1"), COL_VALUE)))
    assert window.table.currentIndex().data(CRITERION_ROLE) == "II.3"
    assert window.detail.toPlainText().startswith("II.3"), window.detail.toPlainText()[:40]


def test_esc_on_a_refused_value_says_the_old_value_was_kept(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    go(window, "II.3", COL_VALUE)
    press_text(window.table, "Z")
    qtbot.keyClick(window.table.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(window.notice.isVisible, timeout=2000)
    assert "Không lưu" in window.save_state.text()
    qtbot.keyClick(window.table.focusWidget(), Qt.Key.Key_Escape)
    assert window.notice.isHidden() and stored(demo_db, "II.3").value == "426"
    assert window.save_state.text() == "Đã giữ giá trị cũ của II.3."


def test_undoing_a_paste_takes_its_summary_off_the_bar(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    go(window, "II.1", COL_VALUE)
    QApplication.clipboard().setText("12\r\n13\r\n")
    qtbot.keyClick(window.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_db, "II.2").value == "13" and "2 ô thay đổi" in window.notice.text()
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_db, "II.2").value == "42"
    assert window.notice.isHidden() and "ô thay đổi" not in window.notice.text()


def test_read_only_report_refuses_a_paste(qtbot, final_demo, open_window):
    window = open_window(final_demo)
    go(window, "II.1", COL_VALUE)
    QApplication.clipboard().setText("500\r\n")
    qtbot.keyClick(window.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert stored(final_demo, "II.1").value == "402" and "chỉ xem" in window.notice.text()


def unanswer(db_path, *cids):
    db = open_database(db_path)
    values.save_entries(db, UNIT, 2023, [(c, None) for c in cids], who="t")
    db.close()


def test_answering_in_the_unanswered_view_moves_only_to_the_next_row(qtbot, demo_db, open_window):
    unanswer(demo_db, "II.3", "II.4", "II.5")
    window = open_window(demo_db)
    window.filter_mode.setCurrentIndex(EntryFilterProxy.UNANSWERED)
    go(window, "II.3", COL_VALUE)
    type_into(qtbot, window, "II.3", COL_VALUE, "10")
    assert stored(demo_db, "II.3").value == "10"
    assert current_id(window)[1] == "II.4"  # the next row, not the one after it
    assert [window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())] == ["II.4", "II.5"]
    assert "Đã lưu II.3" in window.notice.text() and "Ô chọn: II.4" in window.notice.text()
    press_text(window.table, "2")  # the key lands on the row shown selected
    qtbot.keyClick(window.table.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.table.state() != QAbstractItemView.State.EditingState, timeout=2000)
    assert stored(demo_db, "II.4").value == "2" and stored(demo_db, "II.5") is None
    assert current_id(window)[1] == "II.5"


def test_a_row_leaving_the_filter_under_the_cursor_is_said_and_the_cursor_shown(qtbot, demo_db, open_window):
    unanswer(demo_db, "II.3", "II.4")
    window = open_window(demo_db)
    window.filter_mode.setCurrentIndex(EntryFilterProxy.UNANSWERED)
    go(window, "II.3", COL_EXPLANATION)
    window.model.setData(window.model.index(window.model.row_of("II.3"), COL_VALUE), "7")  # saved from elsewhere
    assert current_id(window)[1] == "II.4"
    assert "II.3" in window.notice.text() and "II.4" in window.notice.text()


def test_ctrl_f_then_enter_or_down_goes_into_the_results_and_tab_goes_to_the_table(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.filter_edit, "chu ky so")
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)
    assert window.table.hasFocus() and current_id(window)[1] == "III.3.3"
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Down)
    assert window.table.hasFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Tab)
    assert window.table.hasFocus() and not window.tree.hasFocus()


def test_finalising_checks_before_asking_and_shows_the_rows_to_fix(qtbot, demo_db, open_window, monkeypatch):
    asked, warned = [], []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: asked.append(a) or QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: warned.append(a)))
    window = open_window(demo_db)
    type_into(qtbot, window, "II.2", COL_VALUE, "500")  # more connected computers than computers: an error
    window.act["finalise"].trigger()
    assert not asked and warned and not window.session.is_final()
    assert window.filter_mode.currentIndex() == EntryFilterProxy.PROBLEMS
    assert "Có vấn đề" in window.notice.text()


def test_finalising_with_unanswered_criteria_is_refused_and_shows_them(qtbot, demo_db, open_window, monkeypatch):
    asked, warned = [], []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: asked.append(a) or QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: warned.append(a)))
    unanswer(demo_db, "VI.3")
    window = open_window(demo_db)
    window.act["finalise"].trigger()
    assert not window.session.is_final() and not asked
    assert window.filter_mode.currentIndex() == EntryFilterProxy.UNANSWERED and "Chưa trả lời" in window.notice.text()


def test_reopening_asks_first(qtbot, final_demo, open_window, monkeypatch):
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda _p, _t, text: asked.append(text) or answers.pop(0)))
    window = open_window(final_demo)
    window.act["reopen"].trigger()
    assert window.session.is_final() and "bản 2" in asked[0]
    window.act["reopen"].trigger()
    assert not window.session.is_final() and window.session.revision().number == 2


def test_read_only_window_cannot_write_and_its_connection_refuses_writes(qtbot, demo_db):
    import sqlite3

    from c27desk.gui.main_window import MainWindow
    from c27desk.model.values import Entry

    db = open_read_only(demo_db)
    try:
        with pytest.raises(sqlite3.OperationalError) as refused:  # told as the store's one-line DB_READONLY
            values.save_entry(db, UNIT, 2023, "II.1", Entry("II.1", "1"), who="t")
        assert getattr(refused.value, "code", None) == "DB_READONLY"
        from c27desk.store import periods

        with pytest.raises(sqlite3.OperationalError) as refused:
            periods.ensure_period(db, 2024, who="t")
        assert getattr(refused.value, "code", None) == "DB_READONLY"
        window = MainWindow(db, demo_db, period=2023, read_only=True)
        qtbot.addWidget(window)
        window.show()
        for action in window.write_actions():
            assert not action.isEnabled(), action.objectName()
        assert "Chỉ xem" in window.banner.text()
        go(window, "II.1", COL_VALUE)
        press_text(window.table, "5")
        assert window.table.state() != QAbstractItemView.State.EditingState
        QApplication.clipboard().setText("500\r\n")
        qtbot.keyClick(window.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert stored(demo_db, "II.1").value == "402"
        window.close()
    finally:
        db.close()


def test_history_shows_a_change_of_explanation_alone(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    type_into(qtbot, window, "II.1", COL_EXPLANATION, "Máy để bàn")
    go(window, "II.1", COL_VALUE)
    html = window.detail.toPlainText()
    assert "402 → 402" not in html and "“Số máy tính loại này là:” → “Máy để bàn”" in html
    db = open_database(demo_db)
    assert audit.history(db, UNIT, 2023, "II.1")[0].new_explanation == "Máy để bàn"
    db.close()


def test_jumping_to_a_hidden_row_says_that_the_filter_was_cleared(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    window.filter_mode.setCurrentIndex(EntryFilterProxy.UNCONFIRMED)
    window.jump_to("II.3")
    assert window.filter_mode.currentIndex() == EntryFilterProxy.ALL
    assert "II.3" in window.notice.text() and window.notice.isVisible()


def test_save_time_in_the_status_bar_is_gmt7(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    type_into(qtbot, window, "II.5", COL_VALUE, "250")
    assert "GMT+7" in window.save_state.text()


def test_report_details_of_a_finalised_report_cannot_be_edited(qtbot, final_demo, open_window):
    window = open_window(final_demo)
    dialog = open_dialog(qtbot, window, "period_details", "period_dialog")
    assert dialog.findChild(QLineEdit, "signer_name").isReadOnly() and dialog.recipients.isReadOnly()
    assert "Mở lại báo cáo" in dialog.findChild(type(window.notice), "periodLocked").text()
    dialog.reject()


def test_tab_in_the_recipients_box_moves_to_the_next_field(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    dialog = open_dialog(qtbot, window, "period_details", "period_dialog")
    dialog.recipients.setFocus()
    before = dialog.recipients.toPlainText()
    qtbot.keyClick(dialog.recipients, Qt.Key.Key_Tab)
    assert not dialog.recipients.hasFocus() and dialog.recipients.toPlainText() == before
    dialog.reject()


def test_unit_details_are_changed_from_the_window_validated_and_audited(qtbot, demo_db, open_window):
    from c27desk.store import units

    window = open_window(demo_db)
    dialog = open_dialog(qtbot, window, "unit_details", "unit_dialog")
    assert not dialog.fields.code.isEnabled()
    dialog.fields.name.clear()
    qtbot.keyClick(dialog.fields.doc_symbol, Qt.Key.Key_Return)
    assert "tên đơn vị" in dialog.error.text() and dialog.isVisible()  # same rule as the command line
    qtbot.keyClicks(dialog.fields.name, "Tinh uy Dong Nai")
    dialog.fields.doc_symbol.clear()
    qtbot.keyClicks(dialog.fields.doc_symbol, "TU")
    dialog.fields.parent_body.setText("ĐẢNG CỘNG SẢN VIỆT NAM")
    qtbot.keyClick(dialog.fields.doc_symbol, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    unit = units.self_unit(window.db)
    assert (unit.name, unit.parent_body) == ("Tinh uy Dong Nai", "ĐẢNG CỘNG SẢN VIỆT NAM")
    row = window.db.execute("SELECT detail FROM audit_log WHERE action = 'unit' ORDER BY id DESC").fetchone()
    assert "name:" in row[0] and "parent_body:" in row[0]


def test_first_start_placeholders_are_examples_and_the_level_must_be_chosen(qtbot, db_path):
    from c27desk.gui.setup_dialog import SetupDialog
    from c27desk.store import units

    db = open_database(db_path)
    try:
        dialog = SetupDialog(db)
        qtbot.addWidget(dialog)
        dialog.show()
        for edit in dialog.findChildren(QLineEdit):
            assert not edit.placeholderText() or edit.placeholderText().startswith("Ví dụ:"), edit.objectName()
        assert dialog.level.currentData() is None
        qtbot.keyClicks(dialog.code, "XA-TANPHU")
        qtbot.keyClicks(dialog.name, "Dang uy xa Tan Phu")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        assert "cấp" in dialog.error.text() and units.self_unit(db) is None
        dialog.level.setCurrentIndex(dialog.level.findData("xa"))
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        assert units.self_unit(db).level == "xa" and dialog.created_year is not None
    finally:
        db.close()


def test_consolidation_window_fits_the_screen_and_remembers_its_size(qtbot, demo_db):
    from PySide6.QtGui import QGuiApplication

    from c27desk.gui.consolidation_dialog import ConsolidationDialog

    available = QGuiApplication.primaryScreen().availableGeometry()
    db = open_database(demo_db)
    try:
        first = ConsolidationDialog(db, demo_db, 2023)
        qtbot.addWidget(first)
        first.show()
        assert first.height() <= available.height() and first.width() <= available.width()
        first.showNormal()
        first.resize(640, 480)
        first.close()
        again = ConsolidationDialog(db, demo_db, 2023)
        qtbot.addWidget(again)
        assert (again.width(), again.height()) == (640, 480)
    finally:
        db.close()


def test_right_click_offers_copy_and_paste(qtbot, demo_db, open_window, monkeypatch):
    window = open_window(demo_db)
    menu = window.table.context_menu()
    assert [(a.text(), a.isEnabled()) for a in menu.actions()] == [("Sao chép", True), ("Dán (từ Excel)", True)]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Yes))
    window.act["finalise"].trigger()
    assert [a.isEnabled() for a in window.table.context_menu().actions()] == [True, False]  # nothing to paste into


def test_a_second_window_on_a_database_without_unit_does_not_start_the_setup(qtbot, db_path, monkeypatch):
    from c27desk.gui.app import run_gui
    from c27desk.store import lock

    told = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text: told.append(text)))
    open_database(db_path).close()
    first = lock.acquire(db_path)
    try:
        assert run_gui(db_path) == 1
    finally:
        first.release()
    assert told and "cửa sổ khác" in told[0]


def test_several_letters_in_a_status_cell_are_refused_not_read_as_the_last_one(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    editor = type_refused(qtbot, window, "IV.3", COL_VALUE, "abc")  # IV.3's codes are A, B, C
    assert editor.typed == "abc" and "“abc”" in window.notice.text()
    assert stored(demo_db, "IV.3").value == "A"
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)  # back to "a": one letter, a code
    assert editor.currentData() == "A" and editor.typed == ""
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
