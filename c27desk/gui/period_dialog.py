"""The year's report details that print on the appendix: number, date, place, signer, recipients, deadline.

Without them the appendix goes out with an empty signature block, so signing asks for them
(report/sign_appendix.py) and points here. Saving is one audited change; a bad date is refused
with the field named and nothing saved.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from c27desk.errors import C27Error
from c27desk.store import periods
from c27desk.store.clock import current_user

_LINES = ("report_number", "report_date", "place", "signer_authority", "signer_title", "signer_name", "deadline")


def _shown_date(iso: str | None) -> str:
    return date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


class PeriodDialog(QDialog):
    def __init__(self, db, year: int, *, read_only: bool = False, final: bool = False, parent=None):
        """``final``: the revision is finalised, so its details print on a locked report: shown, not editable."""
        super().__init__(parent)
        self.setObjectName("periodDialog")
        self.db, self.year = db, year
        self.setWindowTitle(self.tr("Thông tin báo cáo năm %1").replace("%1", str(year)))
        period = periods.require_period(db, year)
        labels = {
            "report_number": self.tr("Số báo cáo"), "report_date": self.tr("Ngày báo cáo"),
            "place": self.tr("Địa danh"), "signer_authority": self.tr("Thẩm quyền ký"),
            "signer_title": self.tr("Chức vụ người ký"), "signer_name": self.tr("Họ tên người ký"),
            "deadline": self.tr("Hạn nộp (đơn vị cấp trên)"),
        }
        hints = {"report_number": "123", "report_date": "20/02/2024", "place": "Đồng Nai",
                 "signer_authority": "T/M BAN THƯỜNG VỤ", "signer_title": "PHÓ BÍ THƯ",
                 "signer_name": "Hồ Thanh Sơn", "deadline": "29/02/2024"}
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name in _LINES:
            value = getattr(period, name) or ""
            edit = QLineEdit(_shown_date(value) if name in periods.DATE_FIELDS else value, self)
            edit.setObjectName(name)
            edit.setPlaceholderText(hints[name])
            edit.setReadOnly(read_only)
            form.addRow(labels[name], edit)
            self.fields[name] = edit
        self.recipients = QPlainTextEdit(period.recipients or "", self)
        self.recipients.setObjectName("recipients")
        self.recipients.setPlaceholderText("- TTTU (báo cáo),\n- Lưu VPTU.")
        self.recipients.setReadOnly(read_only)
        self.recipients.setTabChangesFocus(True)
        form.addRow(self.tr("Nơi nhận (mỗi dòng một nơi)"), self.recipients)
        self.error = QLabel(self)
        self.error.setObjectName("periodError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
                                   if not read_only else QDialogButtonBox.StandardButton.Close, self)
        for kind, text in ((QDialogButtonBox.StandardButton.Save, self.tr("Lưu")),
                           (QDialogButtonBox.StandardButton.Cancel, self.tr("Hủy")),
                           (QDialogButtonBox.StandardButton.Close, self.tr("Đóng"))):
            if buttons.button(kind) is not None:
                buttons.button(kind).setText(text)  # Qt's own buttons speak English
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        if final:
            locked = QLabel(self.tr("Báo cáo đã chốt: thông tin này chỉ xem được. Muốn sửa, hãy dùng "
                                    "Báo cáo → Mở lại báo cáo (tạo bản mới) trước."), self)
            locked.setObjectName("periodLocked")
            locked.setWordWrap(True)
            locked.setStyleSheet("background:#fff4d6; padding:6px; border:1px solid #e0c060;")
            layout.addWidget(locked)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 460)

    def save(self) -> None:
        changes: dict[str, str | None] = {name: edit.text().strip() for name, edit in self.fields.items()}
        for name in periods.DATE_FIELDS:  # an empty date is "not set", other fields are empty text
            changes[name] = changes[name] or None
        changes["recipients"] = self.recipients.toPlainText().strip()
        try:
            periods.update_period(self.db, self.year, who=current_user(), **changes)
        except C27Error as exc:  # shown beside the fields; nothing was saved
            self.error.setText(exc.message())
            if exc.where in self.fields:
                self.fields[exc.where].setFocus()
            return
        self.accept()
