"""Who is this unit: the first-start dialog (unit and first reporting year) and the later "unit details" dialog.

Both ask the same fields with the same validation (``model.units.make_unit``) and save
through ``store.units.save_unit``, which audits the change. Placeholders read "Ví dụ: …"
so a grey sample is never taken for a value already filled in; the level starts with no
choice, because the right one differs from unit to unit.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from c27desk.errors import C27Error, InputError
from c27desk.model.units import Unit, make_unit
from c27desk.store import periods, units
from c27desk.store.clock import current_user


def _hint(text: str) -> QLabel:
    # lines broken by hand: a word-wrapped label in a form gets one line's height and is cut off
    label = QLabel(text)
    label.setStyleSheet("color:#555;")
    label.setMinimumHeight(label.fontMetrics().lineSpacing() * (text.count("\n") + 1) + 6)  # room for diacritics
    return label


class UnitForm:
    """The unit's fields in a form layout; ``unit()`` validates them as the command line does."""

    def __init__(self, dialog: QDialog, db, form: QFormLayout, existing: Unit | None = None):
        tr = dialog.tr
        self.dialog = dialog
        example = tr("Ví dụ: %1")
        self.code = QLineEdit(objectName="unitCode", placeholderText=example.replace("%1", "HU-TANPHU"))
        self.name = QLineEdit(objectName="unitName", placeholderText=example.replace("%1", "Huyện ủy Tân Phú"))
        self.level = QComboBox(objectName="unitLevel")
        self.level.addItem(tr("— Chọn cấp của đơn vị —"), None)
        for lv in units.levels(db):
            self.level.addItem(lv["name"], lv["code"])
        self.parent_code = QLineEdit(objectName="parentCode", placeholderText=example.replace("%1", "TU-DONGNAI"))
        self.place = QLineEdit(objectName="place", placeholderText=example.replace("%1", "Tân Phú"))
        self.parent_body = QLineEdit(objectName="parentBody",
                                     placeholderText=example.replace("%1", "ĐẢNG BỘ TỈNH ĐỒNG NAI"))
        self.doc_symbol = QLineEdit(objectName="docSymbol", placeholderText=example.replace("%1", "HU"))
        self._row(form, tr("Mã đơn vị"), self.code, tr(
            "Chữ không dấu, số và dấu gạch ngang;\ndùng trong tên tệp gửi lên cấp trên."))
        form.addRow(tr("Tên đơn vị"), self.name)
        form.addRow(tr("Cấp"), self.level)
        self._row(form, tr("Mã đơn vị cấp trên"), self.parent_code, tr(
            "Mã của đơn vị nhận báo cáo (để trống nếu chưa biết)."))
        self._row(form, tr("Địa danh"), self.place, tr(
            "In ở dòng ngày tháng: “Tân Phú, ngày … tháng … năm …”."))
        self._row(form, tr("Cơ quan cấp trên (dòng đầu)"), self.parent_body, tr(
            "Dòng in hoa ở góc trên bên trái phụ lục, phía trên tên đơn vị\n"
            "(tên đảng bộ cấp trên). Để trống nếu đơn vị không ghi dòng này."))
        self._row(form, tr("Ký hiệu văn bản"), self.doc_symbol, tr(
            "Chữ viết tắt của đơn vị, in sau số báo cáo:\nvới “HU” số in là “Số 123-BC/HU”."))
        if existing is not None:
            self.code.setText(existing.code)
            self.code.setEnabled(False)  # the code names the unit in files already sent; it never changes
            self.name.setText(existing.name)
            self.level.setCurrentIndex(max(self.level.findData(existing.level), 0))
            self.parent_code.setText(existing.parent or "")
            self.place.setText(existing.place)
            self.parent_body.setText(existing.parent_body)
            self.doc_symbol.setText(existing.doc_symbol)

    @staticmethod
    def _row(form: QFormLayout, label: str, edit: QWidget, hint: str) -> None:
        """The field, then its explanation on a row of its own (QFormLayout gives a wrapped label its height)."""
        form.addRow(label, edit)
        form.addRow("", _hint(hint))

    def unit(self) -> Unit:
        if self.level.currentData() is None:
            self.level.setFocus()
            raise InputError("hãy chọn cấp của đơn vị.", "choose the unit's level.")
        return make_unit(self.code.text(), self.name.text(), self.level.currentData(),
                         self.parent_code.text() or None, self.place.text(), self.parent_body.text(),
                         self.doc_symbol.text())


def _error_label() -> QLabel:
    label = QLabel(objectName="setupError")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020")
    return label


class SetupDialog(QDialog):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.setObjectName("setupDialog")
        self.setWindowTitle(self.tr("Thiết lập đơn vị báo cáo"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Cơ sở dữ liệu chưa có đơn vị. Hãy nhập thông tin đơn vị báo cáo; chữ xám chỉ là "
                               "ví dụ. Có thể sửa lại sau: Báo cáo → Thông tin đơn vị."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.fields = UnitForm(self, db, form)
        for name in ("code", "name", "level", "parent_code", "place", "parent_body", "doc_symbol"):
            setattr(self, name, getattr(self.fields, name))
        example = self.tr("Ví dụ: %1")
        self.signer_authority = QLineEdit(objectName="signerAuthority",
                                          placeholderText=example.replace("%1", "T/M BAN THƯỜNG VỤ"))
        self.signer_title = QLineEdit(objectName="signerTitle", placeholderText=example.replace("%1", "PHÓ BÍ THƯ"))
        self.signer_name = QLineEdit(objectName="signerName")
        self.year = QSpinBox(objectName="firstYear", minimum=2021, maximum=2100, value=date.today().year - 1)
        for label, widget in [
            (self.tr("Thẩm quyền ký"), self.signer_authority), (self.tr("Chức vụ người ký"), self.signer_title),
            (self.tr("Họ tên người ký"), self.signer_name), (self.tr("Năm báo cáo đầu tiên"), self.year),
        ]:
            form.addRow(label, widget)
        layout.addLayout(form)
        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Tạo"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Thoát"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.created_year: int | None = None

    def accept(self) -> None:
        who = current_user()
        try:
            unit = self.fields.unit()
            units.save_unit(self.db, unit, is_self=True, who=who)
            year = self.year.value()
            periods.ensure_period(self.db, year, who=who)
            periods.update_period(self.db, year, who=who, place=self.place.text(),
                                  signer_authority=self.signer_authority.text(),
                                  signer_title=self.signer_title.text(), signer_name=self.signer_name.text())
        except C27Error as exc:  # shown in the dialog; the user corrects and presses Tạo again
            self.error.setText(exc.message())
            return
        self.created_year = year
        super().accept()


class UnitDialog(QDialog):
    """The unit's details after the first start: same fields and rules as the setup, the code fixed."""

    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.setObjectName("unitDialog")
        self.setWindowTitle(self.tr("Thông tin đơn vị"))
        unit = units.require_self_unit(db)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.fields = UnitForm(self, db, form, existing=unit)
        layout.addLayout(form)
        layout.addWidget(_hint(self.tr("Thay đổi in trên các phụ lục tạo từ nay; bản đã ký không đổi.")))
        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Lưu"))  # Qt's own says “Save”
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            units.save_unit(self.db, self.fields.unit(), is_self=True, who=current_user())
        except C27Error as exc:
            self.error.setText(exc.message())
            return
        self.accept()
