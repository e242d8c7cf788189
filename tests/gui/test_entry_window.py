"""What a clerk does in the entry table, with real key presses, and what the database then holds."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication

from c27desk.gui.entry_model import COL_EXPLANATION, COL_VALUE, EntryFilterProxy
from c27desk.model.values import Entry
from c27desk.store import audit, values
from c27desk.store.database import open_database

UNIT = "TU-DONGNAI"


def stored(db_path, cid):
    db = open_database(db_path)
    try:
        return values.get_entry(db, UNIT, 2023, cid)
    finally:
        db.close()


def go(window, cid, column):
    window.jump_to(cid, column)
    assert window.proxy.mapToSource(window.table.currentIndex()).row() == window.model.row_of(cid)


def press_text(widget, text):
    """Key presses carrying Vietnamese characters (QTest's keyClicks only knows ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def type_into(qtbot, window, cid, column, text):
    go(window, cid, column)
    press_text(window.table, text[0])  # typing starts editing...
    editor = window.table.focusWidget()
    assert editor is not window.table
    press_text(editor, text[1:])  # ...and the rest goes to the editor, which now has the focus
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits on a queued call, as it does for a real key press
    qtbot.waitUntil(lambda: window.table.state() != QAbstractItemView.State.EditingState, timeout=2000)


def cell(window, cid, column):
    return window.model.index(window.model.row_of(cid), column).data()


def test_typing_code_amount_and_explanation_is_saved_and_survives_restart(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    # a status code by its letter: I.1 was D, type B
    type_into(qtbot, window, "I.1", COL_VALUE, "B")
    assert stored(demo_db, "I.1").value == "B"
    # the suggestion for the new code is offered only if the old explanation was the old code's suggestion
    assert stored(demo_db, "I.1").explanation == "Chưa xác định được lộ trình"
    # an amount with the Vietnamese decimal comma
    type_into(qtbot, window, "VIII.7", COL_VALUE, "70,5")
    assert stored(demo_db, "VIII.7").value == "70.5"
    assert cell(window, "VIII.7", COL_VALUE) == "70,5"
    # an explanation
    type_into(qtbot, window, "I.1", COL_EXPLANATION, "Đang xây dựng, dự kiến xong năm 2025")
    assert stored(demo_db, "I.1").explanation == "Đang xây dựng, dự kiến xong năm 2025"
    assert "Đã lưu" in window.save_state.text()
    window.close()

    again = open_window(demo_db)
    assert cell(again, "I.1", COL_VALUE) == "B"
    assert cell(again, "VIII.7", COL_VALUE) == "70,5"
    assert cell(again, "I.1", COL_EXPLANATION) == "Đang xây dựng, dự kiến xong năm 2025"


def test_undo_and_redo_restore_values_and_are_audited(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    type_into(qtbot, window, "II.1", COL_VALUE, "410")
    assert stored(demo_db, "II.1").value == "410"
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_db, "II.1").value == "402"
    assert cell(window, "II.1", COL_VALUE) == "402"
    qtbot.keyClick(window.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_db, "II.1").value == "410"
    db = open_database(demo_db)
    actions = [r.action for r in audit.history(db, UNIT, 2023, "II.1")]
    db.close()
    assert actions[:3] == ["redo", "undo", "edit"]


def test_invalid_count_is_refused_with_a_message_and_nothing_saved(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    for bad in ("abc", "-3", "1,5"):
        go(window, "II.3", COL_VALUE)
        press_text(window.table, bad[0])
        editor = window.table.focusWidget()
        press_text(editor, bad[1:])
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(window.notice.isVisible, timeout=2000)  # the delegate commits on a queued call
        assert stored(demo_db, "II.3").value == "426"
        assert "Không lưu" in window.save_state.text() and "II.3" in window.last_refusal
        qtbot.keyClick(window.table.focusWidget(), Qt.Key.Key_Escape)  # give up: the old value stays
        assert window.table.state() != QAbstractItemView.State.EditingState
    assert "số" in window.last_refusal


def test_filter_shows_only_unanswered_rows(qtbot, demo_db, open_window):
    db = open_database(demo_db)
    values.save_entries(db, UNIT, 2023, [("IV.14", None), ("VI.3", None)], who="t")
    db.close()
    window = open_window(demo_db)
    window.filter_mode.setCurrentIndex(EntryFilterProxy.UNANSWERED)
    shown = [window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())]
    assert shown == ["IV.14", "VI.3"]
    # Ctrl+F focuses the text filter, which is accent-insensitive
    window.filter_mode.setCurrentIndex(EntryFilterProxy.ALL)
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_edit.hasFocus()
    qtbot.keyClicks(window.filter_edit, "chu ky so")
    shown = [window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())]
    assert shown == ["III.3.3", "III.3.4", "III.3.5"]


def test_cross_field_error_marks_both_cells_and_lists_the_problem(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    type_into(qtbot, window, "II.2", COL_VALUE, "500")  # more connected computers than computers (402)
    assert stored(demo_db, "II.2").value == "500"  # saved: a cross-field error is for finalising, not typing
    for cid in ("II.1", "II.2"):
        index = window.model.index(window.model.row_of(cid), COL_VALUE)
        assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
        assert "II.2" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert window.problems.count() == 1
    item = window.problems.item(0)
    assert "Lỗi" in item.text()
    window.problems.itemClicked.emit(item)
    assert window.proxy.mapToSource(window.table.currentIndex()).row() == window.model.row_of("II.2")
    assert "1 lỗi" in window.completeness.text()


def test_code_picked_from_list_offers_the_suggestion(qtbot, demo_db, open_window):
    db = open_database(demo_db)
    values.save_entry(db, UNIT, 2023, "II.17", None, who="t")
    db.close()
    window = open_window(demo_db)
    type_into(qtbot, window, "II.17", COL_VALUE, "D")
    assert stored(demo_db, "II.17") == Entry("II.17", "D", "Chưa xây dựng")


def test_finalised_report_is_read_only_and_reopen_makes_next_revision(qtbot, demo_db, open_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = open_window(demo_db)
    window.act["finalise"].trigger()
    assert window.session.is_final() and "bản 1" in window.banner.text()
    go(window, "II.1", COL_VALUE)
    press_text(window.table, "1")  # typing on a final report opens no editor
    assert window.table.state() != QAbstractItemView.State.EditingState
    assert window.table.focusWidget() is window.table
    assert stored(demo_db, "II.1").value == "402"
    window.act["reopen"].trigger()
    assert window.session.revision().number == 2
    type_into(qtbot, window, "II.1", COL_VALUE, "403")
    assert stored(demo_db, "II.1").value == "403"


def test_language_switch_keeps_work(qtbot, demo_db, open_window):
    from c27desk.gui import i18n

    window = open_window(demo_db)
    type_into(qtbot, window, "II.5", COL_VALUE, "250")
    try:
        window.act["lang_en"].trigger()
        assert window.menu_report.title() == "&Report"
        assert window.model.headerData(1, Qt.Orientation.Horizontal) == "Criterion"
        assert cell(window, "II.5", COL_VALUE) == "250"
        window.act["lang_vi"].trigger()
        assert window.menu_report.title() == "&Báo cáo"
        assert window.model.headerData(1, Qt.Orientation.Horizontal) == "Tên tiêu chí"
    finally:
        i18n.install_language("vi")


def test_about_names_the_version_and_the_database(open_window, demo_db, monkeypatch):
    from PySide6.QtWidgets import QLabel

    from c27desk._version import VERSION
    from c27desk.gui.diagnostics import AboutDialog

    shown = []
    monkeypatch.setattr(AboutDialog, "exec", lambda dialog: shown.append(dialog))
    window = open_window(demo_db)
    window.act["about"].trigger()
    about = shown[0]
    assert f"c27desk {VERSION}" in about.findChild(QLabel).text()
    assert about.fields["Database"].text() == str(demo_db)
    assert about.fields["Log file"].text().endswith("c27desk.log")


def test_a_second_instance_is_told_and_opens_read_only(qtbot, demo_db, monkeypatch):
    """Two windows on one database: the second asks, then shows the data without letting anyone edit it."""
    from PySide6.QtWidgets import QMessageBox

    from c27desk.gui.app import open_for_window
    from c27desk.gui.main_window import MainWindow
    from c27desk.store import lock

    asked = []

    def answer(_parent, _title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes if len(asked) == 1 else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    first = lock.acquire(demo_db)
    try:
        db, instance, read_only = open_for_window(demo_db)
        assert read_only and instance is None and "Mở ở chế độ chỉ xem?" in asked[0]
        import sqlite3

        import pytest

        with pytest.raises(sqlite3.OperationalError) as refused:  # the connection itself cannot write
            db.execute("INSERT INTO settings(key, value) VALUES ('x', 'y')")
        assert getattr(refused.value, "code", None) == "DB_READONLY"
        window = MainWindow(db, demo_db, period=2023, read_only=True)
        qtbot.addWidget(window)
        window.show()
        assert not window.act["finalise"].isEnabled()
        before = demo_db.read_bytes()
        from PySide6.QtCore import Qt

        from c27desk.gui.entry_model import COL_VALUE

        row = next(r for r in range(window.proxy.rowCount())
                   if window.proxy.index(r, COL_VALUE).data() not in (None, ""))  # a criterion row, not a section
        assert not window.proxy.flags(window.proxy.index(row, COL_VALUE)) & Qt.ItemFlag.ItemIsEditable
        window.close()
        db.close()
        assert open_for_window(demo_db) is None  # answering No opens nothing
        assert demo_db.read_bytes() == before
    finally:
        first.release()


def test_report_details_are_edited_in_the_window_and_bad_dates_refused(qtbot, demo_db, open_window):
    from PySide6.QtCore import Qt

    from c27desk.store import periods

    window = open_window(demo_db)
    window.act["period_details"].trigger()
    dialog = window.period_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert dialog.fields["report_date"].text() == "20/02/2024"  # shown the Vietnamese way
    dialog.fields["signer_name"].clear()
    qtbot.keyClicks(dialog.fields["signer_name"], "Nguyen Van B")
    dialog.fields["report_date"].setText("31/02/2024")
    qtbot.keyClick(dialog.fields["signer_name"], Qt.Key.Key_Return)
    assert "không phải ngày hợp lệ" in dialog.error.text() and dialog.isVisible()
    assert dialog.error.text().startswith("Ngày báo cáo “31/02/2024”") and "report_date" not in dialog.error.text()
    assert dialog.focusWidget() is dialog.fields["report_date"]  # the field named by the refusal, found by its key
    assert periods.require_period(window.db, 2023).signer_name == "Hồ Thanh Sơn"  # nothing saved
    dialog.fields["report_date"].setText("01/01/1900")  # the service's window, the same as period set's
    qtbot.keyClick(dialog.fields["signer_name"], Qt.Key.Key_Return)
    assert "từ 01/01/2023 đến 31/12/2024" in dialog.error.text() and dialog.isVisible()
    assert periods.require_period(window.db, 2023).signer_name == "Hồ Thanh Sơn"
    dialog.fields["report_date"].setText("21/02/2024")
    qtbot.keyClick(dialog.fields["signer_name"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    period = periods.require_period(window.db, 2023)
    assert (period.signer_name, period.report_date) == ("Nguyen Van B", "2024-02-21")
    assert "TTTU" in period.recipients


def test_finalising_a_half_blank_report_says_what_is_missing_before_any_question(qtbot, demo_db, open_window,
                                                                                 monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    db = open_database(demo_db)
    values.save_entries(db, "TU-DONGNAI", 2023, [("II.1", None), ("VIII.6", None)], who="tester")
    db.close()
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text: warned.append(text)))
    window = open_window(demo_db)  # QMessageBox.question still fails the test if it is asked
    window.act["finalise"].trigger()
    assert len(warned) == 1 and "Còn 2/120 tiêu chí chưa trả lời: II.1, VIII.6" in warned[0]
    assert window.filter_mode.currentIndex() == EntryFilterProxy.UNANSWERED
    assert window.proxy.rowCount() == 2 and not window.session.is_final()


def test_the_window_refuses_what_the_model_refuses(qtbot, demo_db, open_window):
    """The cell editors end in make_entry: a code the criterion lacks, a number with a space inside,
    a control character — each refused with its reason, the stored answer unchanged."""
    window = open_window(demo_db)
    refused = []
    window.model.refused.connect(lambda _cid, text: refused.append(str(text)))
    for cid, column, raw in (("I.1", COL_VALUE, "AB"), ("II.1", COL_VALUE, "1 250"),
                             ("II.1", COL_EXPLANATION, "Máy\x1b tính")):
        before = stored(demo_db, cid)
        index = window.model.index(window.model.row_of(cid), column)
        assert not window.model.setData(index, raw)
        assert stored(demo_db, cid) == before
    assert "các mã có" in refused[0] and "dấu cách" in refused[1] and "U+001B" in refused[2]


def test_the_settings_menu_ticks_the_language_in_use_and_a_keypress_switches_it(qtbot, demo_db, open_window):
    from c27desk.gui import i18n

    window = open_window(demo_db)
    vi, en = window.act["lang_vi"], window.act["lang_en"]
    assert vi.isCheckable() and en.isCheckable() and window.language_group.isExclusive()
    assert vi.isChecked() and not en.isChecked()
    menu = window.menu_settings
    try:
        qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # Alt+C: “&Cài đặt”
        qtbot.waitUntil(menu.isVisible, timeout=3000)
        qtbot.keyClick(menu, Qt.Key.Key_Down)  # Tiếng Việt is active: one down is English
        assert menu.activeAction() is en
        qtbot.keyClick(menu, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.menu_report.title() == "&Report", timeout=3000)
        assert en.isChecked() and not vi.isChecked()
        i18n.install_language("vi")  # however the language is set, the tick follows it
        assert vi.isChecked() and not en.isChecked()
    finally:
        i18n.install_language("vi")


def test_a_refused_report_detail_is_named_in_the_words_of_its_label(qtbot, demo_db, open_window):
    from PySide6.QtCore import Qt

    from c27desk.gui import i18n
    from c27desk.store import periods

    i18n.install_language("en", remember=False)
    try:
        window = open_window(demo_db)
        window.act["period_details"].trigger()
        dialog = window.period_dialog
        qtbot.waitUntil(dialog.isVisible, timeout=3000)
        label = dialog.layout().itemAt(0).layout().labelForField(dialog.fields["signer_name"]).text()
        assert label == str(periods.FIELD_NAMES["signer_name"]) == "Signer's name"
        dialog.fields["signer_name"].clear()
        qtbot.keyClicks(dialog.fields["signer_name"], "N" * 90)  # more than the signature block prints
        qtbot.keyClick(dialog.fields["signer_name"], Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.error.text().startswith(label + " is 90 characters long")
    finally:
        i18n.install_language("vi", remember=False)
