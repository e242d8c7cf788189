"""First start: who is this unit? Creates the unit and its first reporting year."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
)

from c27desk.errors import C27Error
from c27desk.model.units import make_unit
from c27desk.store import periods, units
from c27desk.store.clock import current_user


class SetupDialog(QDialog):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.setObjectName("setupDialog")
        self.setWindowTitle(self.tr("Thiết lập đơn vị báo cáo"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Cơ sở dữ liệu chưa có đơn vị. Hãy nhập thông tin đơn vị báo cáo; "
                               "có thể sửa lại sau trong phần Kỳ báo cáo."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.code = QLineEdit(objectName="unitCode", placeholderText="HU-TANPHU")
        self.name = QLineEdit(objectName="unitName", placeholderText=self.tr("Huyện ủy Tân Phú"))
        self.level = QComboBox(objectName="unitLevel")
        for lv in units.levels(db):
            self.level.addItem(lv["name"], lv["code"])
        self.parent_code = QLineEdit(objectName="parentCode", placeholderText="TU-DONGNAI")
        self.place = QLineEdit(objectName="place", placeholderText="Tân Phú")
        self.parent_body = QLineEdit(objectName="parentBody", placeholderText="ĐẢNG BỘ TỈNH ĐỒNG NAI")
        self.doc_symbol = QLineEdit(objectName="docSymbol", placeholderText="HU")
        self.signer_authority = QLineEdit(objectName="signerAuthority", placeholderText="T/M BAN THƯỜNG VỤ")
        self.signer_title = QLineEdit(objectName="signerTitle", placeholderText="PHÓ BÍ THƯ")
        self.signer_name = QLineEdit(objectName="signerName")
        self.year = QSpinBox(objectName="firstYear", minimum=2021, maximum=2100, value=date.today().year - 1)
        for label, widget in [
            (self.tr("Mã đơn vị"), self.code), (self.tr("Tên đơn vị"), self.name), (self.tr("Cấp"), self.level),
            (self.tr("Mã đơn vị cấp trên"), self.parent_code), (self.tr("Địa danh"), self.place),
            (self.tr("Cơ quan cấp trên (dòng đầu)"), self.parent_body), (self.tr("Ký hiệu văn bản"), self.doc_symbol),
            (self.tr("Thẩm quyền ký"), self.signer_authority), (self.tr("Chức vụ người ký"), self.signer_title),
            (self.tr("Họ tên người ký"), self.signer_name), (self.tr("Năm báo cáo đầu tiên"), self.year),
        ]:
            form.addRow(label, widget)
        layout.addLayout(form)
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
            unit = make_unit(self.code.text(), self.name.text(), self.level.currentData(), self.parent_code.text() or None,
                             self.place.text(), self.parent_body.text(), self.doc_symbol.text())
            units.save_unit(self.db, unit, is_self=True, who=who)
            year = self.year.value()
            periods.ensure_period(self.db, year, who=who)
            periods.update_period(self.db, year, who=who, place=self.place.text(),
                                  signer_authority=self.signer_authority.text(),
                                  signer_title=self.signer_title.text(), signer_name=self.signer_name.text())
        except C27Error as exc:
            QMessageBox.warning(self, self.tr("Chưa tạo được"), exc.message())
            return
        self.created_year = year
        super().accept()
