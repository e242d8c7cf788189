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
from c27desk.i18n import msg
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
        self.dialog = dialog
        self.code = QLineEdit(
            objectName="unitCode",
            placeholderText=str(msg("Ví dụ: {example}", "Example: {example}", example="HU-TANPHU")),
        )
        self.name = QLineEdit(
            objectName="unitName",
            placeholderText=str(msg("Ví dụ: {example}", "Example: {example}", example="Huyện ủy Tân Phú")),
        )
        self.level = QComboBox(objectName="unitLevel")
        self.level.addItem(str(msg("— Chọn cấp của đơn vị —", "— Choose the unit's level —")), None)
        for code, name in units.level_names(db).items():
            self.level.addItem(str(name), code)
        self.parent_code = QLineEdit(
            objectName="parentCode",
            placeholderText=str(msg("Ví dụ: {example}", "Example: {example}", example="TU-DONGNAI")),
        )
        self.place = QLineEdit(
            objectName="place", placeholderText=str(msg("Ví dụ: {example}", "Example: {example}", example="Tân Phú"))
        )
        self.parent_body = QLineEdit(
            objectName="parentBody",
            placeholderText=str(msg("Ví dụ: {example}", "Example: {example}", example="ĐẢNG BỘ TỈNH ĐỒNG NAI")),
        )
        self.doc_symbol = QLineEdit(
            objectName="docSymbol", placeholderText=str(msg("Ví dụ: {example}", "Example: {example}", example="HU"))
        )
        self._row(
            form,
            str(msg("Mã đơn vị", "Unit code")),
            self.code,
            str(
                msg(
                    "Chữ không dấu, số và dấu gạch ngang;\ndùng trong tên tệp gửi lên cấp trên.",
                    "Unaccented letters, digits and hyphens;\nused in the names of files sent upward.",
                )
            ),
        )
        form.addRow(str(msg("Tên đơn vị", "Unit name")), self.name)
        form.addRow(str(msg("Cấp", "Level")), self.level)
        self._row(
            form,
            str(msg("Mã đơn vị cấp trên", "Parent unit code")),
            self.parent_code,
            str(
                msg(
                    "Mã của đơn vị nhận báo cáo (để trống nếu chưa biết).",
                    "The code of the unit that receives the report (leave empty if unknown).",
                )
            ),
        )
        self._row(
            form,
            str(msg("Địa danh", "Place")),
            self.place,
            str(
                msg(
                    "In ở dòng ngày tháng: “Tân Phú, ngày … tháng … năm …”.",
                    "Printed in the date line: “Tân Phú, ngày … tháng … năm …”.",
                )
            ),
        )
        self._row(
            form,
            str(msg("Cơ quan cấp trên (dòng đầu)", "Parent body (first line)")),
            self.parent_body,
            str(
                msg(
                    "Dòng in hoa ở góc trên bên trái phụ lục, phía trên tên đơn vị\n(tên đảng bộ cấp trên). Để trống "
                    "nếu đơn vị không ghi dòng này.",
                    "The capitalised line at the top left of the appendix, above the unit's name\n(the Party committee "
                    "above). Leave empty if your unit does not print it.",
                )
            ),
        )
        self._row(
            form,
            str(msg("Ký hiệu văn bản", "Document symbol")),
            self.doc_symbol,
            str(
                msg(
                    "Chữ viết tắt của đơn vị, in sau số báo cáo:\nvới “HU” số in là “Số 123-BC/HU”.",
                    "The unit's abbreviation, printed after the report number:\nwith “HU” the number prints as “Số "
                    "123-BC/HU”.",
                )
            ),
        )
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
            raise InputError(msg("Hãy chọn cấp của đơn vị.", "Choose the unit's level."))
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
        self.setWindowTitle(str(msg("Thiết lập đơn vị báo cáo", "Set up the reporting unit")))
        layout = QVBoxLayout(self)
        intro = QLabel(
            str(
                msg(
                    "Cơ sở dữ liệu chưa có đơn vị. Hãy nhập thông tin đơn vị báo cáo; chữ xám chỉ là ví dụ. Có thể sửa "
                    "lại sau: Báo cáo → Thông tin đơn vị.",
                    "The database has no unit yet. Enter the reporting unit's details; grey text is only an example. "
                    "You can change them later: Report → Unit details.",
                )
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.fields = UnitForm(self, db, form)
        for name in ("code", "name", "level", "parent_code", "place", "parent_body", "doc_symbol"):
            setattr(self, name, getattr(self.fields, name))
        self.signer_authority = QLineEdit(
            objectName="signerAuthority",
            placeholderText=str(msg("Ví dụ: {example}", "Example: {example}", example="T/M BAN THƯỜNG VỤ")),
        )
        self.signer_title = QLineEdit(
            objectName="signerTitle",
            placeholderText=str(msg("Ví dụ: {example}", "Example: {example}", example="PHÓ BÍ THƯ")),
        )
        self.signer_name = QLineEdit(objectName="signerName")
        self.year = QSpinBox(objectName="firstYear", minimum=2021, maximum=2100, value=date.today().year - 1)
        for label, widget in [
            (str(msg("Thẩm quyền ký", "Signing authority")), self.signer_authority),
            (str(msg("Chức vụ người ký", "Signer's title")), self.signer_title),
            (str(msg("Họ tên người ký", "Signer's name")), self.signer_name),
            (str(msg("Năm báo cáo đầu tiên", "First reporting year")), self.year),
        ]:
            form.addRow(label, widget)
        layout.addLayout(form)
        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(str(msg("Tạo", "Create")))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(str(msg("Thoát", "Quit")))
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
        self.setWindowTitle(str(msg("Thông tin đơn vị", "Unit details")))
        unit = units.require_self_unit(db)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.fields = UnitForm(self, db, form, existing=unit)
        layout.addLayout(form)
        layout.addWidget(
            _hint(
                str(
                    msg(
                        "Thay đổi in trên các phụ lục tạo từ nay; bản đã ký không đổi.",
                        "Changes print on appendices made from now on; signed copies do not change.",
                    )
                )
            )
        )
        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(str(msg("Lưu", "Save")))  # Qt's own says “Save”
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(str(msg("Hủy", "Cancel")))
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
