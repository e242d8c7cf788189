"""The Units screen: the office's register for a chosen year, its changes, and the pinned certificates.

Every change goes through the same store services as ``c27desk units …`` and takes effect from
the year in "Từ năm", so earlier years keep their tree. A refused change says why under the
buttons and changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from c27desk.errors import C27Error
from c27desk.exchange.signers import list_signers, revoke_pin
from c27desk.gui.texts import SaysAgain, ShownTexts
from c27desk.i18n import Text, msg
from c27desk.model.units import FIRST_YEAR, LAST_YEAR, LinkKind, level_text, make_unit
from c27desk.store import units
from c27desk.store.clock import current_user


def _fill(table: QTableWidget, rows: list[list[str | Text]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            text = str(value)  # a message (a level's name) in the language shown now
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


class UnitsDialog(SaysAgain, QDialog):
    changed = Signal()

    def __init__(self, db, year: int, parent=None):
        super().__init__(parent)
        self.texts = ShownTexts()
        self.setObjectName("unitsDialog")
        self.db = db
        self.force_history = False  # set only while a change the user confirmed is made again
        self.texts.show(self.setWindowTitle, msg("Đơn vị trực thuộc qua các năm", "Units over the years"))
        self.year = QSpinBox(self)
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(year)
        self.year.valueChanged.connect(self.refresh)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("unitsTable")
        self.texts.show(
            self.table.setHorizontalHeaderLabels,
            [
                msg("Mã", "Code"),
                msg("Tên", "Name"),
                msg("Cấp", "Level"),
                msg("Cấp trên", "Parent"),
                msg("Hiệu lực", "Valid"),
            ],
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.links = QLabel(self)
        self.links.setWordWrap(True)
        self.from_year = QSpinBox(self)
        self.from_year.setObjectName("fromYear")
        self.from_year.setRange(FIRST_YEAR, LAST_YEAR)
        self.from_year.setValue(year)
        self.new_name, self.new_parent, self.new_code = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        for edit, name in ((self.new_name, "newName"), (self.new_parent, "newParent"), (self.new_code, "newCode")):
            edit.setObjectName(name)
        form = QFormLayout()
        form.addRow(self.texts.label(msg("Từ năm", "From year"), self), self.from_year)
        form.addRow(self.texts.label(msg("Tên mới", "New name"), self), self.new_name)
        form.addRow(self.texts.label(msg("Cấp trên mới (mã)", "New parent (code)"), self), self.new_parent)
        form.addRow(
            self.texts.label(msg("Mã mới / mã sau hợp nhất", "New code / code after merging"), self), self.new_code
        )
        buttons = QHBoxLayout()
        for text, slot in (
            (msg("Đổi tên / đổi mã", "Rename / new code"), self.rename),
            (msg("Chuyển cấp trên", "Move to parent"), self.move),
            (msg("Thôi hoạt động", "Retire"), self.retire),
            (msg("Hợp nhất các đơn vị đã chọn", "Merge the selected units"), self.merge),
        ):
            b = QPushButton(self)
            self.texts.show(b.setText, text)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        self.message = QLabel(self)
        self.message.setObjectName("unitsMessage")
        self.message.setWordWrap(True)
        register = QWidget(self)
        box = QVBoxLayout(register)
        top = QHBoxLayout()
        top.addWidget(self.texts.label(msg("Năm:", "Year:"), self))
        top.addWidget(self.year)
        top.addStretch(1)
        box.addLayout(top)
        box.addWidget(self.table, 1)
        box.addWidget(self.links)
        box.addLayout(form)
        box.addLayout(buttons)
        box.addWidget(self.message)
        self.signers = QTableWidget(0, 6, self)
        self.signers.setObjectName("signersTable")
        self.texts.show(
            self.signers.setHorizontalHeaderLabels,
            [
                msg("Đơn vị", "Unit"),
                msg("Người ký (chủ thể)", "Signer (subject)"),
                msg("Số hiệu", "Serial"),
                msg("Hiệu lực từ", "Valid from"),
                msg("Đến", "Until"),
                "SHA-256",
            ],
        )
        self.signers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.signers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        revoke = QPushButton(self)
        self.texts.show(revoke.setText, msg("Thu hồi chứng thư đã chọn", "Revoke the selected certificate"))
        revoke.clicked.connect(self.revoke)
        signer_page = QWidget(self)
        sbox = QVBoxLayout(signer_page)
        sbox.addWidget(self.signers, 1)
        sbox.addWidget(revoke)
        tabs = QTabWidget(self)
        tabs.addTab(register, "")
        tabs.addTab(signer_page, "")
        self.texts.show(tabs.setTabText, 0, msg("Sổ đơn vị", "Register"))
        self.texts.show(tabs.setTabText, 1, msg("Chứng thư số đã ghi nhận", "Pinned certificates"))
        close = QPushButton(self)
        self.texts.show(close.setText, msg("Đóng", "Close"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(close)
        self.resize(1000, 620)
        self.refresh()

    # -- showing ---------------------------------------------------------------------------------
    def shown_units(self) -> list[units.Unit]:
        """The year's units below this office, as a tree read top-down: each unit followed by its own
        units (a district's communes right under it), so the register reads as the hierarchy it is."""
        me = units.self_unit(self.db)
        below = [u for u in units.tree(self.db, self.year.value())
                 if u.parent is not None and (me is None or u.code != me.code)]
        children: dict[str, list[units.Unit]] = {}
        for u in below:
            children.setdefault(u.parent, []).append(u)
        codes = {u.code for u in below}
        roots = [u for u in below if u.parent not in codes]  # children of this office (or of an office above it)
        ordered: list[units.Unit] = []
        self.depth: dict[str, int] = {}

        def walk(unit: units.Unit, depth: int) -> None:
            if unit.code in self.depth:  # the register refuses cycles; never loop on an old database's
                return
            self.depth[unit.code] = depth
            ordered.append(unit)
            for child in children.get(unit.code, []):
                walk(child, depth + 1)

        for root in roots:
            walk(root, 0)
        return ordered + [u for u in below if u.code not in self.depth]

    def retranslate(self) -> None:
        super().retranslate()
        self.refresh()  # the links' words

    def refresh(self) -> None:
        self.rows = self.shown_units()
        level = units.level_names(self.db)
        _fill(self.table, [[u.code, "    " * self.depth.get(u.code, 0) + ("└ " if self.depth.get(u.code) else "")
                            + u.name, level.get(u.level) or level_text(u.level), u.parent or "", self._span(u)]
                           for u in self.rows])
        self.links.setText("\n".join(
            f"{lk.predecessor} → {lk.successor} ({lk.year}, "
            f"{msg('đổi mã', 'new code') if lk.kind == LinkKind.RECODE else msg('hợp nhất', 'merged')})"
            for lk in units.links(self.db)))
        _fill(self.signers, [[s.unit, s.info.subject, s.info.serial, f"{s.info.not_before:%d/%m/%Y}", f"{s.info.not_after:%d/%m/%Y}",
                              s.info.fingerprint] for s in list_signers(self.db)])

    def _span(self, unit: units.Unit) -> str:
        start = str(unit.valid_from) if unit.valid_from else "…"
        end = str(unit.valid_until - 1) if unit.valid_until else "…"
        return f"{start} – {end}"

    def selected(self) -> list[units.Unit]:
        return [self.rows[r] for r in sorted({i.row() for i in self.table.selectedIndexes()})]

    # -- changing --------------------------------------------------------------------------------
    def _do(self, work) -> None:
        """Run a change; one that would rewrite a year already reported on is asked about first (the window's
        ``--force-history``), and made only when the user confirms, with what it changes in the question."""
        self.force_history = False
        try:
            done = work()
        except C27Error as exc:
            if exc.code != "HISTORY_LOCKED" or not self._confirm_history(exc.message()):
                self.texts.show(self.message.setText, exc.said())
                return
            self.force_history = True
            try:
                done = work()
            except C27Error as again:
                self.texts.show(self.message.setText, again.said())
                return
            finally:
                self.force_history = False
        self.texts.show(self.message.setText, done)
        self.refresh()
        self.changed.emit()

    def _confirm_history(self, why: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            str(msg("Sửa lịch sử đơn vị?", "Change the units' history?")),
            why
            + "\n\n"
            + str(
                msg(
                    "Vẫn thay đổi (tổng hợp các năm đó sẽ đọc khác đi)?",
                    "Change it anyway (those years' consolidation will read differently)?",
                )
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _one(self) -> units.Unit:
        chosen = self.selected()
        if len(chosen) != 1:
            raise C27Error(msg("Hãy chọn đúng một đơn vị trong bảng.", "Select exactly one unit in the table."))
        return chosen[0]

    def rename(self) -> None:
        def work() -> str:
            unit, year = self._one(), self.from_year.value()
            if self.new_code.text().strip():
                new = make_unit(self.new_code.text(), self.new_name.text() or unit.name, unit.level, unit.parent)
                units.succeed(self.db, [unit.code], new, year, LinkKind.RECODE, who=current_user(),
                              force_history=self.force_history)
                return msg(
                    "Từ năm {year}, {code} đổi thành {new}.",
                    "From {year}, {code} becomes {new}.",
                    year=year,
                    code=unit.code,
                    new=new.code,
                )
            units.rename(self.db, unit.code, self.new_name.text(), year, who=current_user(),
                         force_history=self.force_history)
            return msg(
                "Từ năm {year}, {code} có tên mới.", "From {year}, {code} has a new name.", year=year, code=unit.code
            )

        self._do(work)

    def move(self) -> None:
        def work() -> str:
            unit, year = self._one(), self.from_year.value()
            units.move(self.db, unit.code, self.new_parent.text(), year, who=current_user(),
                       force_history=self.force_history)
            return msg(
                "Từ năm {year}, {code} trực thuộc {parent}.",
                "From {year}, {code} reports to {parent}.",
                year=year,
                code=unit.code,
                parent=self.new_parent.text().strip().upper(),
            )

        self._do(work)

    def retire(self) -> None:
        def work() -> str:
            unit, year = self._one(), self.from_year.value()
            units.retire(self.db, unit.code, year, who=current_user(), force_history=self.force_history)
            return msg(
                "Đơn vị {code} không còn từ năm {year}.",
                "Unit {code} no longer exists from {year}.",
                code=unit.code,
                year=year,
            )

        self._do(work)

    def merge(self) -> None:
        def work() -> str:
            chosen, year = self.selected(), self.from_year.value()
            if len(chosen) < 2:
                raise C27Error(msg("Hãy chọn ít nhất hai đơn vị để hợp nhất.", "Select at least two units to merge."))
            held = units.get_unit(self.db, self.new_code.text().strip().upper()) if self.new_code.text().strip() \
                else None
            new = held or make_unit(self.new_code.text(), self.new_name.text(), chosen[0].level,
                                    self.new_parent.text() or chosen[0].parent)
            units.succeed(self.db, [u.code for u in chosen], new, year, LinkKind.MERGE, who=current_user(),
                          force_history=self.force_history)
            return msg(
                "Từ năm {year}, {codes} hợp nhất thành {code}.",
                "From {year}, {codes} are merged into {code}.",
                year=year,
                codes=", ".join(u.code for u in chosen),
                code=new.code,
            )

        self._do(work)

    def revoke(self) -> None:
        rows = sorted({i.row() for i in self.signers.selectedIndexes()})
        if not rows:
            return
        code = self.signers.item(rows[0], 0).text()
        self._do(lambda: (revoke_pin(self.db, code, who=current_user()),
                          msg("Đã thu hồi chứng thư số của {code}.", "Revoked {code}'s certificate.", code=code))[1])
