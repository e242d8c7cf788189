"""The main window: period, sections, the entry table, details, problems, status.

Every accepted edit is saved at once (there is no Save button); the status bar says when.
"""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from c27desk import __version__
from c27desk.demo import is_demo
from c27desk.errors import C27Error
from c27desk.gui import i18n
from c27desk.gui.appendix_actions import AppendixActions
from c27desk.gui.config import restore_window, save_window, settings
from c27desk.gui.delegates import EntryDelegate
from c27desk.gui.entry_model import COL_VALUE, CRITERION_ROLE, EntryFilterProxy, EntryModel
from c27desk.gui.exchange_actions import ExchangeActions
from c27desk.gui.session import ReportSession
from c27desk.gui.status_text import StatusText
from c27desk.gui.table_view import EntryTableView
from c27desk.gui.workers import run_in_background
from c27desk.i18n import Text, joined, language, msg
from c27desk.model.values import display_value
from c27desk.store import backup, periods, units
from c27desk.store.clock import now, vn_display
from c27desk.store.database import open_database, open_read_only, writable
from c27desk.workflow import (
    FinaliseRefusedError,
    carry_forward,
    finalise_report,
    open_report,
    reopen_report,
    require_finalisable,
)

SECTION_ROLE = Qt.ItemDataRole.UserRole + 10


class MainWindow(QMainWindow):
    loaded = Signal()

    def __init__(self, db, db_path: Path, *, period: int | None = None, read_only: bool = False,
                 remember_geometry: bool = True):
        super().__init__()
        self.remember_geometry = remember_geometry  # off for screenshots: they must not depend on, or change, it
        self.setObjectName("mainWindow")
        self.db, self.db_path, self.read_only = db, Path(db_path), read_only
        self.session: ReportSession | None = None
        self.busy = False
        self.model = EntryModel(self)
        self.model.lang = language()
        self._said: Text | str = ""  # the status bar's message and the message bar's, re-said in a new language
        self._notice: tuple[Text | str, bool] = ("", False)
        self.proxy = EntryFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self._connect()
        self.retranslate_ui()
        self._restore_geometry()
        years = [p.year for p in periods.list_periods(db)]
        wanted = period or int(settings().value("last_period", 0) or 0)
        self.refresh_periods(wanted if wanted in years else (years[-1] if years else None))
        # keys typed while the window appears go into the table's current cell (the first answer), not
        # into the year's box first in the tab order: Qt gives the table the focus once the window is active
        self.table.setFocus()

    # -- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        self.toolbar = QToolBar(objectName="mainToolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)
        self.period_label = QLabel()
        self.period_combo = QComboBox(objectName="periodCombo")
        self.period_combo.setMinimumContentsLength(6)
        self.filter_edit = QLineEdit(objectName="filterEdit")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 16)
        self.filter_mode = QComboBox(objectName="filterMode")
        self.toolbar.addWidget(self.period_label)
        self.toolbar.addWidget(self.period_combo)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.filter_edit)
        self.toolbar.addWidget(self.filter_mode)
        self.toolbar.addSeparator()

        self.banner = QLabel(objectName="banner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        # refusals and notes about the cursor show here, over the table: the status bar is off-screen at 768 pixels
        self.notice = QLabel(objectName="noticeBar")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.setVisible(False)

        self.tree = QTreeWidget(objectName="sectionTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.problems = QListWidget(objectName="problemList")
        self.problems.setWordWrap(True)
        self.problems_label = QLabel()
        left = QSplitter(Qt.Orientation.Vertical, objectName="leftSplitter")
        left.addWidget(self.tree)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.problems_label)
        lay.addWidget(self.problems)
        left.addWidget(box)

        self.table = EntryTableView()
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(EntryDelegate(self.model, self.table))
        self.table.configure_columns()

        self.detail = QTextBrowser(objectName="detailPane")
        # after a save the pane is refreshed once events settle: Enter saves and then moves the cursor,
        # which shows the next row's details anyway, so the edited row's would be drawn for nothing
        self._detail_after_save = QTimer(self, singleShot=True, interval=0)
        self._detail_after_save.timeout.connect(self._detail_after_saving)
        self.detail.setOpenLinks(False)

        center = QWidget()
        clay = QVBoxLayout(center)
        clay.setContentsMargins(0, 0, 0, 0)
        clay.addWidget(self.banner)
        clay.addWidget(self.notice)
        clay.addWidget(self.table)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 4)
        em = self.fontMetrics().horizontalAdvance("M")
        self.splitter.setSizes([em * 26, em * 70, em * 24])
        self.setCentralWidget(self.splitter)

        self.save_state = StatusText(objectName="saveState")  # a long text ends at a word with “…”, whole in the tooltip
        self.completeness = QLabel(objectName="completeness")
        self.statusBar().addWidget(self.save_state, 1)
        self.statusBar().addPermanentWidget(self.completeness)

        self.act = {}
        def action(key, shortcut=None, slot=None):
            a = QAction(self)
            a.setObjectName(key)
            if shortcut:
                a.setShortcut(QKeySequence(shortcut))
            if slot:
                a.triggered.connect(slot)
            self.act[key] = a
            return a

        # own actions rather than QUndoStack's: those name the step with Qt's untranslated "Undo"/"Redo"
        stack = self.model.undo_stack
        undo = action("undo", QKeySequence.StandardKey.Undo, lambda: stack.undo())
        redo = action("redo", None, lambda: stack.redo())
        undo.setEnabled(False)
        redo.setEnabled(False)
        stack.canUndoChanged.connect(undo.setEnabled)  # a read-only window's stack stays empty
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.indexChanged.connect(self._undo_texts)
        stack.indexChanged.connect(self._paste_undone)
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.act["undo"], self.act["redo"] = undo, redo
        action("find", QKeySequence.StandardKey.Find, self._focus_filter)
        action("confirm", "Ctrl+Return", self._confirm_current)
        action("confirm_all", None, self._confirm_all)
        action("new_period", None, self._new_period)
        action("period_details", None, self._period_details)
        action("carry", None, self._carry_forward)
        action("unit_details", None, self._unit_details)
        action("finalise", None, self._finalise)
        action("reopen", None, self._reopen)
        action("revisions", None, self._show_revisions)
        action("backup", None, self._backup_now)
        action("install_form", None, lambda: self._install_form())
        action("quit", QKeySequence.StandardKey.Quit, self.close)
        action("lang_vi", None, lambda: self.set_language("vi"))
        action("lang_en", None, lambda: self.set_language("en"))
        self.language_group = QActionGroup(self)  # one language at a time: the one in use carries the tick
        for key in ("lang_vi", "lang_en"):
            self.act[key].setCheckable(True)
            self.language_group.addAction(self.act[key])
        self._tick_language()
        action("about", None, self._about)
        action("associate", None, self._associate_files)

        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addActions([self.act["install_form"], self.act["backup"], self.act["quit"]])
        self.menu_edit = bar.addMenu("")
        self.menu_edit.addActions([undo, redo, self.table.act_copy, self.table.act_paste, self.act["find"],
                                   self.act["confirm"], self.act["confirm_all"]])
        self.menu_report = bar.addMenu("")
        self.menu_report.setObjectName("menuReport")
        self.menu_report.addActions([self.act["new_period"], self.act["period_details"], self.act["unit_details"],
                                     self.act["carry"]])
        self.menu_report.addSeparator()
        self.menu_report.addActions([self.act["finalise"], self.act["reopen"], self.act["revisions"]])
        self.menu_report.addSeparator()
        self.appendix = AppendixActions(self)
        self.menu_report.addActions(self.appendix.actions())
        self.exchange = ExchangeActions(self)
        self.menu_report.addAction(self.exchange.act_export)
        self.menu_exchange = bar.addMenu("")
        self.menu_exchange.setObjectName("menuExchange")
        self.menu_exchange.addActions([self.exchange.act_import, self.exchange.act_consolidate, self.exchange.act_units])
        self.menu_settings = bar.addMenu("")
        self.menu_settings.addActions([self.act["lang_vi"], self.act["lang_en"]])
        self.menu_settings.addSeparator()
        self.menu_settings.addAction(self.act["associate"])
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act["about"])
        from c27desk.gui.office_menu import OfficeMenu  # the office's menu (Văn phòng), kept in its own module

        self.office = OfficeMenu(self)
        self.toolbar.addActions([undo, redo, self.act["finalise"], self.appendix.act_preview])

    def _connect(self) -> None:
        self.period_combo.currentIndexChanged.connect(self._period_chosen)
        self.filter_edit.textChanged.connect(lambda t: self.proxy.set_filter(text=t))
        self.filter_mode.currentIndexChanged.connect(lambda i: self.proxy.set_filter(mode=i))
        self.tree.currentItemChanged.connect(self._section_chosen)
        self.problems.itemActivated.connect(self._jump_to_problem)
        self.problems.itemClicked.connect(self._jump_to_problem)
        # the cell current now, not the one the signal carries: a refused value pulls the cursor back to its cell
        # inside the same change (a click away from it), and the outer signal then names the cell clicked
        self.table.selectionModel().currentChanged.connect(lambda _cur, _prev: self._show_detail(
            self.table.currentIndex()))
        self.model.saved.connect(self._saved)
        self.model.refused.connect(self._refused)
        self.table.message.connect(self.show_notice)
        self.filter_edit.returnPressed.connect(self._enter_results)
        self.filter_edit.installEventFilter(self)
        # Tab goes from the filter straight into the table (the section tree is one click or Shift+Tab away)
        QWidget.setTabOrder(self.period_combo, self.filter_mode)
        QWidget.setTabOrder(self.filter_mode, self.filter_edit)
        QWidget.setTabOrder(self.filter_edit, self.table)
        QWidget.setTabOrder(self.table, self.tree)
        self.model.changed.connect(self._refresh_overview)

    # -- texts -------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(str(msg("c27desk – Báo cáo Chương trình 27", "c27desk – Program 27 report")))
        self.period_label.setText(str(msg("Năm báo cáo: ", "Reporting year: ")))
        self.filter_edit.setPlaceholderText(str(msg("Lọc theo nội dung (Ctrl+F)", "Filter by text (Ctrl+F)")))
        current = self.filter_mode.currentIndex()
        self.filter_mode.blockSignals(True)
        self.filter_mode.clear()
        self.filter_mode.addItems([str(msg("Tất cả", "All")), str(msg("Chưa trả lời", "Unanswered")),
                                   str(msg("Có vấn đề", "Has problems")), str(msg("Chưa xác nhận", "Unconfirmed"))])
        self.filter_mode.setCurrentIndex(max(current, 0))
        self.filter_mode.blockSignals(False)
        self.problems_label.setText(str(msg("Lỗi và cảnh báo", "Errors and warnings")))
        self.menu_file.setTitle(str(msg("&Tệp", "&File")))
        self.menu_edit.setTitle(str(msg("&Sửa", "&Edit")))
        self.menu_report.setTitle(str(msg("&Báo cáo", "&Report")))
        self.menu_settings.setTitle(str(msg("&Cài đặt", "&Settings")))
        self.menu_help.setTitle(str(msg("T&rợ giúp", "&Help")))
        texts = {
            "find": str(msg("Tìm / lọc", "Find / filter")),
            "confirm": str(msg("Xác nhận giá trị chuyển sang", "Confirm carried value")),
            "confirm_all": str(msg("Xác nhận tất cả giá trị chuyển sang", "Confirm all carried values")),
            "new_period": str(msg("Thêm năm báo cáo…", "Add reporting year…")),
            "period_details": str(
                msg(
                    "Thông tin báo cáo (số, ngày, người ký, nơi nhận)…",
                    "Report details (number, date, signer, recipients)…",
                )
            ),
            "carry": str(msg("Chuyển số liệu năm trước sang", "Carry forward last year's values")),
            "finalise": str(msg("Chốt báo cáo…", "Finalise report…")),
            "unit_details": str(
                msg(
                    "Thông tin đơn vị (tên, cơ quan cấp trên, ký hiệu, địa danh)…",
                    "Unit details (name, body above, document symbol, place)…",
                )
            ),
            "reopen": str(msg("Mở lại báo cáo…", "Reopen report…")),
            "revisions": str(msg("Lịch sử các bản", "Revision history")),
            "backup": str(msg("Sao lưu ngay", "Back up now")),
            "quit": str(msg("Thoát", "Quit")),
            "lang_vi": "Tiếng Việt",
            "install_form": str(
                msg("Cài biểu mẫu do cấp trên gửi (.c27form)…", "Install a form sent by the office above (.c27form)…")
            ),
            "lang_en": "English",
            "about": str(msg("Giới thiệu", "About")),
            "associate": str(
                msg("Mở tệp .c27 và .c27form bằng c27desk…", "Open .c27 and .c27form files with c27desk…")
            ),
        }
        for key, text in texts.items():
            self.act[key].setText(text)
        self.appendix.retranslate()
        self.exchange.retranslate()
        self.table.retranslate()
        self.menu_exchange.setTitle(str(msg("Tổng &hợp", "&Consolidation")))
        self._undo_texts()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        self._refresh_overview()
        self._show_detail(self.table.currentIndex())
        self.say(self._said)
        self.show_notice(*self._notice)

    def say(self, text: Text | str) -> None:
        """The status bar's message; a message (not a plain string from elsewhere) is said again in the
        new language when the language changes."""
        self._said = text
        self.save_state.setText(str(text))

    def _undo_texts(self, *_index) -> None:
        """“Hoàn tác: sửa II.3” – the step named in the language shown now (the stack remembers each step's
        message, so a step made before switching reads in the new language too)."""
        try:
            stack = self.model.undo_stack
            stack.undoText()
        except RuntimeError:  # the stack is emptied while the window is torn down
            return
        for key, step, label, named in (
                ("undo", stack.undoText(), msg("Hoàn tác", "Undo"), msg("Hoàn tác: {step}", "Undo: {step}", step="")),
                ("redo", stack.redoText(), msg("Làm lại", "Redo"), msg("Làm lại: {step}", "Redo: {step}", step=""))):
            if step:
                named = msg(named.vi, named.en, step=stack.shown(step))
            self.act[key].setText(str(named if step else label))

    def _paste_undone(self, index: int) -> None:
        """Ctrl+Z past a paste takes its summary (“Pasted: 3 cells changed”) off the bar: it no longer holds."""
        pasted = getattr(self.table, "pasted", None)
        if pasted is not None and index < pasted[0]:
            self.table.pasted = None
            if self._notice and self._notice[0] is pasted[1]:
                self.show_notice("")

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and i18n.can_speak(self):
            self.model.lang = language()
            self._tick_language()
            self.retranslate_ui()
        super().changeEvent(event)

    def _tick_language(self) -> None:
        """The Settings menu ticks the language in use (however it was set: the menu, --lang, the setting)."""
        self.act[f"lang_{language().value}"].setChecked(True)

    def set_language(self, lang: str) -> None:
        """The menu's language choice: every open window says everything again in ``lang``."""
        i18n.install_language(lang)  # sends LanguageChange to every window, this one included

    # -- periods -------------------------------------------------------------------------------
    def refresh_periods(self, select: int | None) -> None:
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for p in periods.list_periods(self.db):
            self.period_combo.addItem(str(p.year), p.year)
        self.period_combo.blockSignals(False)
        if select is not None:
            idx = self.period_combo.findData(select)
            self.period_combo.setCurrentIndex(idx)
            self.load_period(select)

    def _period_chosen(self, index: int) -> None:
        year = self.period_combo.itemData(index)
        if year is not None:
            self.load_period(int(year))

    def _period_details(self) -> None:
        from c27desk.gui.period_dialog import PeriodDialog

        if self.session is None:
            return
        final = self.session.is_final()
        self.period_dialog = PeriodDialog(self.db, self.session.year, read_only=self.read_only or final,
                                          final=final, parent=self)
        self.period_dialog.accepted.connect(self._period_saved)
        self.period_dialog.open()

    def _period_saved(self) -> None:
        done = self.period_dialog.switched
        if done is None:
            self.say(msg("Đã lưu thông tin báo cáo.", "Report details saved."))
            return
        self.load_period(self.period_dialog.year)
        text = msg(
            "Đã chuyển sang biểu mẫu {form}, mang theo {n} giá trị.",
            "Moved to form {form}, carrying {n} value.",
            plural="Moved to form {form}, carrying {n} values.",
            form=done.new,
            n=done.carried,
        )
        if done.dropped:
            lost = [joined("{criterion}: {reason}", criterion=cid, reason=why) for cid, why in done.dropped]
            text += msg(" Không mang sang được: {lost}", " Not carried: {lost}", lost=lost)
        self.say(text)

    def _unit_details(self) -> None:
        from c27desk.gui.setup_dialog import UnitDialog

        self.unit_dialog = UnitDialog(self.db, parent=self)
        self.unit_dialog.accepted.connect(lambda: self.say(msg("Đã lưu thông tin đơn vị.", "Unit details saved.")))
        self.unit_dialog.open()

    def load_period(self, year: int) -> None:
        try:
            self.session = ReportSession.open(self.db, self.db_path, year, read_only=self.read_only)
        except C27Error as exc:
            QMessageBox.warning(self, "c27desk", exc.message())
            return
        self.model.load(self.session)
        self._build_tree()
        settings().setValue("last_period", year)
        self.table.move_to(0, COL_VALUE)  # rows are measured by the table on the model's reset
        said = (
            msg("Chỉ xem: cửa sổ này không lưu được thay đổi nào.", "Read-only: this window cannot save any change.")
            if self.read_only
            else msg("Mọi thay đổi được lưu ngay khi nhập.", "Every change is saved as soon as it is entered.")
        )
        self.say(said)
        # an earlier year's form, re-dated: said, never silently, in the message bar (a long guidance has no
        # room in the status bar); a year on its own form clears a note left by the year shown before
        self.show_notice(self._form_note(year) if self.session.ref.catalogue.year != year else "")
        self.loaded.emit()

    def _form_note(self, year: int) -> Text:
        """Which form the year uses, and why (the service says it in both languages, as plain strings)."""
        return periods.period_form_note(self.db, year, window=True)

    # -- overview: tree, problems, banner, status ------------------------------------------------
    def _build_tree(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        root = QTreeWidgetItem([str(msg("Tất cả các phần", "All sections")), ""])
        root.setData(0, SECTION_ROLE, None)
        self.tree.addTopLevelItem(root)
        items = {None: root}
        for section, _depth in self.session.ref.catalogue.walk_sections():
            item = QTreeWidgetItem([f"{section.label}. {section.title}", ""])
            item.setData(0, SECTION_ROLE, section.id)
            item.setToolTip(0, section.title)
            items[section.parent_id].addChild(item)
            items[section.id] = item
        self.tree.expandAll()
        self.tree.setCurrentItem(root)
        self.tree.resizeColumnToContents(1)
        self.tree.blockSignals(False)
        self._tree_items = items
        self._refresh_overview()

    def _refresh_overview(self) -> None:
        if self.session is None or self.model.report is None:
            return
        report = self.model.report
        by_id = {s.section_id: s for s in report.sections}
        # after each edit only what changed is touched: a rebuilt list or a re-measured tree is
        # repainted whole, inside the frame the edit has to appear in
        tree_changed = False
        for sid, item in getattr(self, "_tree_items", {}).items():
            if sid is None:
                texts = (str(msg("Tất cả các phần", "All sections")), f"{report.answered}/{report.total}")
            else:
                prog = by_id[sid]
                mark = " ⚠" if prog.problems else (" ✓" if prog.complete else "")
                texts = (item.text(0), f"{prog.answered}/{prog.total}{mark}")
            if (item.text(0), item.text(1)) != texts:
                item.setText(0, texts[0])
                item.setText(1, texts[1])
                tree_changed = True
        if tree_changed:
            self.tree.resizeColumnToContents(1)
        lines = [
            (
                str(
                    msg("Lỗi: {problem}", "Error: {problem}", problem=i.message(self.model.lang))
                    if i.severity == "error"
                    else msg("Cảnh báo: {problem}", "Warning: {problem}", problem=i.message(self.model.lang))
                ),
                i.criteria[0],
                Qt.GlobalColor.darkRed if i.severity == "error" else Qt.GlobalColor.darkYellow,
            )
            for i in report.issues
        ]
        lines += [(str(msg("Chưa xác nhận: {criterion} (chuyển từ năm trước)",
                           "Unconfirmed: {criterion} (carried from last year)", criterion=cid)), cid, None)
                  for cid in report.unconfirmed]
        if lines != getattr(self, "_problem_lines", None):
            self._problem_lines = lines
            self.problems.clear()
            for text, cid, color in lines:
                it = QListWidgetItem(text)
                it.setData(Qt.ItemDataRole.UserRole, cid)
                if color is not None:
                    it.setForeground(color)
                self.problems.addItem(it)
        pct = 100 * report.answered / report.total if report.total else 0
        self.completeness.setText(str(msg("Đã trả lời {answered}/{total} ({percent}%) · {errors} · {warnings}",
                                          "Answered {answered}/{total} ({percent}%) · {errors} · {warnings}",
                                          answered=report.answered, total=report.total, percent=f"{pct:.0f}",
                                          errors=msg("{n} lỗi", "{n} error", plural="{n} errors", n=len(report.errors)),
                                          warnings=msg("{n} cảnh báo", "{n} warning", plural="{n} warnings",
                                                       n=len(report.warnings)))))
        self._refresh_banner()

    def _refresh_banner(self) -> None:
        notes = []
        rev = self.session.revision() if self.session else None
        if is_demo(self.db):
            # the year shown, not the demo's first year (a year carried forward is demo data too)
            notes.append(str(
                msg("DỮ LIỆU MẪU – Tỉnh ủy Đồng Nai năm {year}, để dùng thử.",
                    "DEMO DATA – Tỉnh ủy Đồng Nai, {year}, for trying the program.", year=self.session.year)
                if self.session else
                msg("DỮ LIỆU MẪU – Tỉnh ủy Đồng Nai, để dùng thử.", "DEMO DATA – Tỉnh ủy Đồng Nai, for trying the program.")
            ))
        if self.read_only and not writable(self.db_path):
            notes.append(
                str(
                    msg(
                        "Chỉ xem: cơ sở dữ liệu nằm ở thư mục hoặc ổ chỉ cho đọc (USB khóa ghi?).",
                        "View only: the database is in a read-only folder or on read-only media (a locked stick?).",
                    )
                )
            )
        elif self.read_only:
            notes.append(
                str(
                    msg(
                        "Chỉ xem: cơ sở dữ liệu đang được mở ở cửa sổ khác.",
                        "Read-only: the database is open in another window.",
                    )
                )
            )
        if rev is not None and rev.is_final:
            notes.append(
                str(
                    msg(
                        "Báo cáo đã chốt (bản {number}) – chỉ xem. Dùng “Mở lại báo cáo” để sửa thành bản {next}.",
                        "Report finalised (revision {number}) – read-only. Use “Reopen report” to edit it as "
                        "revision {next}.",
                        number=rev.number,
                        next=rev.number + 1,
                    )
                )
            )
        if self.banner.text() != "  ".join(notes):
            self.banner.setText("  ".join(notes))
        style = "background:#fff4d6; padding:6px; border:1px solid #e0c060;"
        if self.banner.styleSheet() != style:  # setting a style sheet re-polishes the widget, even the same one
            self.banner.setStyleSheet(style)
        self.banner.setVisible(bool(notes))
        final = rev is not None and rev.is_final
        self.act["finalise"].setEnabled(not final and not self.read_only)
        self.act["reopen"].setEnabled(final and not self.read_only)
        self.act["carry"].setEnabled(not final and not self.read_only)
        self.act["confirm"].setEnabled(not final and not self.read_only)
        self.act["confirm_all"].setEnabled(not final and not self.read_only)
        self.table.act_paste.setEnabled(not final and not self.read_only)
        self.appendix.act_sign.setEnabled(final and not self.read_only)
        if self.read_only:
            # the connection is read-only too (store.database, mode=ro): these would only fail
            for action in self.write_actions():
                action.setEnabled(False)

    def write_actions(self) -> list[QAction]:
        """Everything that writes to the database (disabled in a read-only window)."""
        return [self.act[k] for k in ("new_period", "unit_details", "carry", "finalise", "reopen", "confirm",
                                      "confirm_all", "backup", "undo", "redo")] + [
            self.table.act_paste, self.appendix.act_sign, self.exchange.act_export, self.exchange.act_import]
        # the consolidation desk opens read-only too: it shows everything and disables its own writes

    # -- selection and details -----------------------------------------------------------------
    def _section_chosen(self, item, _previous) -> None:
        if item is not None:
            self.proxy.set_filter(section=item.data(0, SECTION_ROLE))

    def _jump_to_problem(self, item: QListWidgetItem) -> None:
        cid = item.data(Qt.ItemDataRole.UserRole)
        self.jump_to(cid)

    def jump_to(self, criterion: str, column: int = COL_VALUE) -> None:
        row = self.model.row_of(criterion)
        if row < 0:
            return
        proxy_index = self.proxy.mapFromSource(self.model.index(row, column))
        if not proxy_index.isValid():  # hidden by a filter: show everything, and say so
            self.filter_edit.clear()
            self.filter_mode.setCurrentIndex(0)
            self.tree.setCurrentItem(self._tree_items[None])
            proxy_index = self.proxy.mapFromSource(self.model.index(row, column))
            self.show_notice(
                msg(
                    "{criterion} bị bộ lọc ẩn đi: bảng đã chuyển về hiện tất cả các dòng.",
                    "{criterion} was hidden by a filter: the table now shows all rows.",
                    criterion=criterion,
                )
            )
        self.table.setCurrentIndex(proxy_index)
        self.table.scrollTo(proxy_index)
        self.table.setFocus()

    def _detail_after_saving(self) -> None:
        if self.isVisible():  # a closed window's connection may be closed already
            self._show_detail(self.table.currentIndex())

    def _show_detail(self, proxy_index) -> None:
        self._detail_after_save.stop()
        if self.session is None or not proxy_index.isValid():
            self.detail.setHtml("")
            return
        cid = proxy_index.data(CRITERION_ROLE)
        crit = self.session.ref.catalogue.get(cid)
        entry = self.model.entries.get(cid)
        e = html.escape
        t_suggest, t_codes, t_unit = (
            str(msg("Gợi ý diễn giải", "Suggested explanation")),
            str(msg("Các mã thực hiện", "Codes")),
            str(msg("đơn vị", "unit")),
        )
        t_inferred = str(
            msg("(ý nghĩa suy ra, chưa có biểu mẫu chính thức)", "(inferred meaning, no official form yet)")
        )
        t_decimal = str(
            msg(
                "Dấu thập phân là dấu phẩy (195,2); không dùng dấu phân cách hàng nghìn.",
                "The decimal mark is a comma (195,2); no thousands separators.",
            )
        )
        parts = [f"<h3>{e(crit.id)}</h3><p><b>{e(crit.text)}</b></p>"]
        if crit.kind == "status":
            rows = "".join(
                f"<tr><td><b>{'▶ ' if entry and entry.value == c.code else ''}{c.code}</b></td><td>{e(c.meaning)}"
                + (f" <i style='color:#8a6d00'>{t_inferred}</i>" if c.inferred else "")
                + (f"<br><i>{t_suggest}: {e(c.suggestion)}</i>" if c.suggestion else "") + "</td></tr>"
                for c in crit.codes)
            parts.append(f"<p>{t_codes}:</p><table cellpadding='3'>{rows}</table>")
        elif crit.is_numeric:
            parts.append(f"<p>{e(crit.label)} ({t_unit}: {e(crit.unit)})</p>")
            parts.append(f"<p><small>{t_decimal}</small></p>")
        else:
            parts.append(f"<p>{e(crit.label)}</p>")
        for issue in self.model.problems.get(cid, []):
            color = "#b00020" if issue.severity == "error" else "#8a6d00"
            parts.append(f"<p style='color:{color}'>{e(issue.message(self.model.lang))}</p>")
        last = self.session.last_year(cid)
        last_text = (
            f"{e(display_value(crit, last, self.model.lang))} – {e(last.explanation)}"
            if last
            else str(msg("không có", "none"))
        )
        t_last = str(msg("Năm trước", "Last year"))
        parts.append(f"<p>{t_last}: {last_text}</p>")
        history = self.session.history(cid)
        if history:
            items = "".join(
                f"<li>{e(vn_display(h.at))} · {e(h.who)} · "
                f"{e(self._action_label(h.action))}: "
                f"{e(self._change_text(h))}</li>"
                for h in history[:15]
            )
            t_history = str(msg("Lịch sử thay đổi", "Change history"))
            parts.append(f"<p>{t_history}:</p><ul>{items}</ul>")
        self.detail.setHtml("".join(parts))

    def _change_text(self, h) -> str:
        """old → new for the value, and the explanation when it changed too (or alone)."""
        parts = []
        if h.old_value != h.new_value or h.old_state != h.new_state or h.old_explanation == h.new_explanation:
            parts.append(f"{h.old_value or '∅'} → {h.new_value or '∅'}")
        if (h.old_explanation or "") != (h.new_explanation or ""):
            parts.append(str(msg("diễn giải “{old}” → “{new}”", "explanation “{old}” → “{new}”",
                             old=h.old_explanation or "∅", new=h.new_explanation or "∅")))
        return "; ".join(parts)

    def _action_label(self, action: str) -> str:
        labels = {
            "edit": str(msg("sửa", "edit")),
            "undo": str(msg("hoàn tác", "undo")),
            "redo": str(msg("làm lại", "redo")),
            "load": str(msg("nạp tệp", "loaded from file")),
            "carry": str(msg("chuyển từ năm trước", "carried from last year")),
            "confirm": str(msg("xác nhận", "confirmed")),
            "import": str(msg("nhận từ đơn vị", "received from unit")),
            "accept": str(msg("nhận số liệu tổng hợp", "accepted from consolidation")),
        }
        return labels.get(action, action)

    # -- editing feedback ----------------------------------------------------------------------
    def _saved(self, criterion: str) -> None:
        self.say(msg("Đã lưu {criterion} lúc {time}", "Saved {criterion} at {time}", criterion=criterion,
                     time=vn_display(now(), "%H:%M:%S (GMT+7)")))
        self._detail_after_save.start()

    def _refused(self, criterion: str, reason: Text) -> None:
        said = msg("Không lưu: {reason}", "Not saved: {reason}", reason=reason)
        self._refusal_said = (said, criterion)
        self.say(said)
        self.last_refusal = str(reason)

    def show_notice(self, text: Text | str, refusal: bool = False) -> None:
        """The message bar over the table: refusals in red, notes (filter, cursor, paste) in blue; empty hides it.
        A message is said again when the language changes."""
        refusal_said = getattr(self, "_refusal_said", None)
        if not str(text) and self._notice[1] and refusal_said is not None and self._said is refusal_said[0]:
            # Esc on a refused value: the status bar no longer says "Not saved: …" as if it were still pending
            self.say(msg("Đã giữ giá trị cũ của {criterion}.", "Kept the old value of {criterion}.",
                         criterion=refusal_said[1]))
        self._notice = (text, refusal)
        text = str(text)
        self.notice.setText(text)
        self.notice.setStyleSheet("background:#fde2e1; color:#8b0000; padding:6px; border:1px solid #d08080;"
                                  if refusal else "background:#e8f0fe; padding:6px; border:1px solid #9ab4e0;")
        self.notice.setVisible(bool(text))

    def _focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def _enter_results(self) -> None:
        """Enter or ↓ in the filter box: into the first row found, on its value."""
        if self.proxy.rowCount() == 0:
            self.show_notice(msg("Không có dòng nào khớp với bộ lọc.", "No row matches the filter."))
            return
        current = self.table.currentIndex()
        if not current.isValid():
            self.table.move_to(0, COL_VALUE)
        self.table.scrollTo(self.table.currentIndex())
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            self._enter_results()
            return True
        return super().eventFilter(watched, event)

    def _confirm_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.model.confirm(self.proxy.mapToSource(index))

    def _confirm_all(self) -> None:
        self.model.undo_stack.beginMacro(self.model.undo_stack.name(msg("xác nhận tất cả", "confirm all")))
        for crit in list(self.model.criteria):
            entry = self.model.entries.get(crit.id)
            if entry is not None and entry.is_unconfirmed:
                self.model.confirm(self.model.index(self.model.row_of(crit.id), COL_VALUE))
        self.model.undo_stack.endMacro()

    # -- report actions --------------------------------------------------------------------------
    def _background(self, fn, done, what: Text) -> None:
        """Run ``fn(db)`` on a worker with its own connection; the window stays usable."""
        self.busy = True
        before = self._said
        self.say(what)
        self.statusBar().showMessage(str(what))
        path = self.db_path

        def job():
            if self.read_only or not writable(path):  # a read-only window's worker cannot write either;
                # on a write-protected stick a preview still works
                db = open_read_only(path, check_integrity=False, check_same_thread=False)
            else:
                db = open_database(path, check_integrity=False, check_same_thread=False)
            try:
                return fn(db)
            finally:
                db.close()

        def finished(result):
            self.busy = False
            self.statusBar().clearMessage()
            if self._said is what:  # "Making the appendix…" is over: what the status bar said before
                self.say(before)
            done(result)

        def failed(message):
            self.busy = False
            self.statusBar().clearMessage()
            self.say(message)
            QMessageBox.warning(self, "c27desk", message)

        run_in_background(job, finished, failed)

    def _new_period(self) -> None:
        years = [p.year for p in periods.list_periods(self.db)]
        suggested = (max(years) + 1) if years else datetime.now().year
        year, ok = QInputDialog.getInt(
            self, str(msg("Thêm năm báo cáo", "Add reporting year")), str(msg("Năm:", "Year:")), suggested, 2021, 2100
        )
        if not ok:
            return
        try:
            periods.ensure_period(self.db, year, who=self.session.who if self.session else "")
        except C27Error as exc:
            QMessageBox.warning(self, "c27desk", exc.message())
            return
        self.refresh_periods(year)
        self.show_notice(self._form_note(year))  # which form the year uses, and why: never silently
        if any(y < year for y in years):
            answer = QMessageBox.question(
                self,
                str(msg("Chuyển số liệu", "Carry forward")),
                str(
                    msg(
                        "Bắt đầu năm {year} từ số liệu năm trước? Mỗi giá trị sẽ được đánh dấu “chưa xác nhận” cho đến "
                        "khi anh/chị xác nhận hoặc sửa.",
                        "Start {year} from last year's values? Each value stays marked “unconfirmed” until you confirm "
                        "or change it.",
                        year=year,
                    )
                ),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._carry_forward()

    def _carry_forward(self) -> None:
        year, unit, who = self.session.year, self.session.unit, self.session.who

        def job(db):
            return carry_forward(db, open_report(db, year, unit), who=who)

        def done(n):
            self.load_period(year)
            self.say(msg("Đã chuyển {n} giá trị từ năm trước; hãy xác nhận từng giá trị.",
                         "Carried {n} value from last year; please confirm it.",
                         plural="Carried {n} values from last year; please confirm each one.", n=n))

        self._background(job, done, msg("Đang chuyển số liệu năm trước…", "Carrying forward last year's values…"))

    def _finalise(self) -> None:
        """The checks first (the service's, without writing); only a report that may be finalised is asked about."""
        year, unit, who = self.session.year, self.session.unit, self.session.who
        try:
            require_finalisable(self.db, open_report(self.db, year, unit), acknowledge_warnings=True)
        except FinaliseRefusedError as refused:
            self._finalise_refused(refused)
            return
        except C27Error as exc:
            QMessageBox.warning(self, "c27desk", exc.message())
            return
        warnings = self.session.check().warnings
        question = str(
            msg(
                "Chốt báo cáo năm {year}? Sau khi chốt, báo cáo chỉ xem được; muốn sửa phải mở lại thành bản mới.",
                "Finalise the {year} report? Once finalised it is read-only; to change it, reopen it as a new "
                "revision.",
                year=year,
            )
        )
        if warnings:
            lines = "\n".join(f"• {w.message(self.model.lang)}" for w in warnings[:15])
            question += (
                "\n\n"
                + str(
                    msg(
                        "Báo cáo còn các cảnh báo sau; chốt nghĩa là anh/chị đã xem và chấp nhận chúng:",
                        "The report has these warnings; finalising means you have read and accept them:",
                    )
                )
                + "\n"
                + lines
            )
        if (
            QMessageBox.question(self, str(msg("Chốt báo cáo", "Finalise report")), question)
            != QMessageBox.StandardButton.Yes
        ):
            return
        try:
            rev = finalise_report(self.db, open_report(self.db, year, unit), who=who, acknowledge_warnings=True)
        except FinaliseRefusedError as refused:  # changed meanwhile (another window cannot write, but be sure)
            self._finalise_refused(refused)
            return
        except C27Error as exc:
            QMessageBox.warning(self, "c27desk", exc.message())
            return
        if rev.renumbered_from is not None:
            QMessageBox.information(
                self,
                "c27desk",
                str(
                    msg(
                        "Bản {renumbered_from} đã được xuất trước đây với nội dung khác (có thể do khôi phục bản sao "
                        "lưu cũ), nên báo cáo được chốt thành bản {number}.",
                        "Revision {renumbered_from} was exported earlier with other content (an older backup "
                        "restored?), so the report is finalised as revision {number}.",
                        renumbered_from=rev.renumbered_from,
                        number=rev.number,
                    )
                ),
            )
        self.load_period(year)
        self.say(
            msg(
                "Đã chốt báo cáo năm {year}, bản {number}.",
                "Report for {year} finalised as revision {number}.",
                year=year,
                number=rev.number,
            )
        )

    def _finalise_refused(self, refused: FinaliseRefusedError) -> None:
        """Say why, then show the rows to fix — and say that the filter was switched."""
        report = refused.report
        missing = set(report.missing)
        # an error that only says "not answered" is fixed in the unanswered view, not among the problems
        if any(not set(e.criteria) <= missing for e in report.errors):
            mode, name = EntryFilterProxy.PROBLEMS, str(msg("Có vấn đề", "Has problems"))
        elif missing:
            mode, name = EntryFilterProxy.UNANSWERED, str(msg("Chưa trả lời", "Unanswered"))
        elif report.unconfirmed:
            mode, name = EntryFilterProxy.UNCONFIRMED, str(msg("Chưa xác nhận", "Unconfirmed"))
        else:
            mode, name = None, ""
        QMessageBox.warning(self, str(msg("Chưa chốt được", "Cannot finalise yet")), refused.message())
        if mode is not None:
            self.filter_edit.clear()
            self.tree.setCurrentItem(self._tree_items[None])
            self.filter_mode.setCurrentIndex(mode)
            self.table.move_to(0, COL_VALUE)
            self.show_notice(
                msg(
                    "Chưa chốt được: {why} Bảng đang lọc “{name}” – các dòng cần sửa; chọn “Tất cả” để xem lại "
                    "mọi dòng.",
                    "Not finalised: {why} The table is filtered to “{name}” – the rows to fix; "
                    "choose “All” to see every row again.",
                    why=refused.said(),
                    name=name,
                ),
                True,
            )
            self.table.setFocus()

    def _reopen(self) -> None:
        rev = self.session.revision()
        if rev is None or not rev.is_final:
            return
        answer = QMessageBox.question(
            self,
            str(msg("Mở lại báo cáo", "Reopen report")),
            str(
                msg(
                    "Mở lại báo cáo năm {year} để sửa? Bản {number} đã chốt được giữ nguyên trong lịch sử (kể cả bản "
                    "đã ký, đã gửi); mọi sửa đổi thuộc bản {next}, bản này phải được chốt, ký và gửi lại. Không thể "
                    "quay về bản {number}.",
                    "Reopen the {year} report for changes? Finalised revision {number} stays in the history (signed "
                    "and sent copies too); every change belongs to revision {next}, which must be finalised, signed "
                    "and sent again. There is no going back to revision {number}.",
                    year=self.session.year,
                    number=rev.number,
                    next=rev.number + 1,
                )
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            rev = reopen_report(self.db, open_report(self.db, self.session.year, self.session.unit),
                                who=self.session.who)
        except C27Error as exc:
            QMessageBox.warning(self, "c27desk", exc.message())
            return
        self.load_period(self.session.year)
        self.say(msg("Đang sửa bản {number}.", "Editing revision {number}.", number=rev.number))

    def _show_revisions(self) -> None:
        t_rev, t_final, t_open = (
            str(msg("Bản", "Revision")),
            str(msg("đã chốt", "final")),
            str(msg("đang sửa", "being edited")),
        )
        rows = [
            f"{t_rev} {r.number}: {t_final if r.is_final else t_open} · "
            f"{vn_display(r.finalised_at or r.opened_at)} · {r.finalised_by or r.opened_by}"
            f"{' · ' + r.source if r.source != 'local' else ''}"
            for r in self.session.revisions()
        ] or [str(msg("Chưa có bản nào.", "No revision yet."))]
        QMessageBox.information(self, str(msg("Lịch sử các bản", "Revision history")), "\n".join(rows))

    def _backup_now(self) -> None:
        path = self.db_path

        def job(db):
            return backup.make_backup(db, path, "manual")

        self._background(job, lambda p: self.say(msg("Đã sao lưu: {path}", "Backed up: {path}", path=p)),
                         msg("Đang sao lưu…", "Backing up…"))

    def _install_form(self, path: str | None = None) -> None:
        """Install a signed form from the office above: the same service and checks as ``catalog install``.

        ``path`` is given when the user double-clicked a .c27form file; else a file dialog asks."""
        from PySide6.QtWidgets import QFileDialog

        from c27desk.exchange.forms import install_form
        from c27desk.fileio import read_file
        from c27desk.store.clock import current_user

        if self.read_only:
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, str(msg("Cài biểu mẫu", "Install a form")), "",
                                                  str(msg("Biểu mẫu đã ký (*.c27form)", "Signed forms (*.c27form)")))
        if not path:
            return
        try:
            got = install_form(self.db, read_file(path), who=current_user())
        except C27Error as exc:  # refused with its code; nothing was written
            QMessageBox.warning(self, str(msg("Không cài được biểu mẫu", "The form was not installed")),
                                f"[{exc.code}] {exc.message()}" if exc.code else exc.message())
            return
        text = msg("Đã cài biểu mẫu {form} cho năm {year}, do {publisher} ban hành.",
                   "Installed form {form} for {year}, published by {publisher}.", form=got.catalogue.key,
                   year=got.for_year, publisher=got.publisher) if got.new else \
            msg("Đã có biểu mẫu {form} cho năm {year}, do {publisher} ban hành.",
                "Already held: form {form} for {year}, published by {publisher}.", form=got.catalogue.key,
                year=got.for_year, publisher=got.publisher)
        if got.recorded() is not None:
            text += joined(" {recorded}", recorded=got.recorded())
        period = periods.get_period(self.db, got.for_year)
        if period is not None and (period.catalogue_id, period.catalogue_version) != (got.catalogue.id,
                                                                                      got.catalogue.version):
            text += msg(" Năm {year} đang dùng biểu mẫu khác: đổi trong Báo cáo → Thông tin báo cáo.",
                        " {year} uses another form: change it in Report → Report details.", year=got.for_year)
        self.say(text)

    def _associate_files(self) -> None:
        from c27desk.gui.desktop_files import associate

        associate(self)

    def _about(self) -> None:
        from c27desk.gui.diagnostics import show_about

        unit = units.self_unit(self.db)
        text = f"c27desk {__version__}\n" + str(
            msg(
                "Báo cáo Chương trình 27 – ứng dụng CNTT trong hoạt động của các cơ quan đảng.",
                "Program 27 reporting – IT application in the work of Party agencies.",
            )
        )
        if unit is not None:
            text += f"\n{unit.code} – {unit.name}"
        show_about(self, str(msg("Giới thiệu", "About")), text, self.db_path)  # + Python, Qt, data folder, log

    # -- geometry -------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        restore_window(self, "geometry" if self.remember_geometry else None, (1280, 800))
        state = settings().value("splitter") if self.remember_geometry else None
        if state is not None:
            self.splitter.restoreState(state)
        width = self.width()
        if self.isMaximized() and self.screen() is not None:
            width = self.screen().availableGeometry().width()
        sizes = self.splitter.sizes()
        if state is None or sum(sizes) <= 0 or sizes[1] < 0.5 * sum(sizes):
            # the table gets most of the width: on a 1024-pixel screen fixed side panes would crush it
            side = max(170, int(width * 0.19))
            self.splitter.setSizes([side, max(width - 2 * side, 400), side])

    def closeEvent(self, event) -> None:  # noqa: N802
        # an editor still open holds the one cell being typed; commit it rather than lose it
        editor = self.focusWidget()
        if self.table.state() == self.table.State.EditingState and editor is not None:
            self.table.commitData(editor)
        if self.remember_geometry:
            save_window(self, "geometry")
            s = settings()
            s.setValue("splitter", self.splitter.saveState())
            s.sync()
        super().closeEvent(event)
        if event.isAccepted():
            # its dialogs (the desk, units, a preview) read this window's database: they go with it
            for child in self.findChildren(QWidget):
                if child.isWindow() and child.isVisible():
                    child.close()


def settle(window: MainWindow, ms: int = 50) -> None:
    """Let queued events run (used by screenshot mode and tests)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    timer = QTimer()
    timer.setSingleShot(True)
    loop = QEventLoop()
    timer.timeout.connect(loop.quit)
    timer.start(ms)
    loop.exec()
    QCoreApplication.processEvents()
