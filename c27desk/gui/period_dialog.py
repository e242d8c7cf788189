"""The year's report details that print on the appendix: number, date, place, signer, recipients, deadline.

Without them the appendix goes out with an empty signature block, so signing asks for them
(report/sign_appendix.py) and points here. Saving is one audited change; a bad date is refused
with the field named and nothing saved.
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
    QPlainTextEdit,
    QVBoxLayout,
)

from c27desk.catalogs import shipped_catalogues
from c27desk.errors import C27Error
from c27desk.i18n import msg
from c27desk.model.document_number import compose_number, normalise_report_number
from c27desk.store import periods, revisions, units
from c27desk.store.clock import current_user
from c27desk.store.units import self_unit

_LINES = ("report_number", "report_date", "place", "signer_authority", "signer_title", "signer_name", "deadline")


def _shown_date(iso: str | None) -> str:
    return date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


class PeriodDialog(QDialog):
    def __init__(self, db, year: int, *, read_only: bool = False, final: bool = False, parent=None):
        """``final``: the revision is finalised, so its details print on a locked report: shown, not editable."""
        super().__init__(parent)
        self.setObjectName("periodDialog")
        self.db, self.year = db, year
        self.setWindowTitle(str(msg("Thông tin báo cáo năm {year}", "Report details for {year}", year=year)))
        period = periods.require_period(db, year)
        labels = dict(periods.FIELD_NAMES)  # the names every refusal uses for these fields
        labels["deadline"] = msg("{label} (đơn vị cấp trên)", "{label} (office above)", label=labels["deadline"])
        hints = {"report_number": "45", "report_date": "20/02/2024", "place": "Đồng Nai",
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
            form.addRow(str(labels[name]), edit)
            self.fields[name] = edit
            if name == "report_number":  # what will print, as it is typed: the symbol is added once, by us
                self.number_shown = QLabel(self)
                self.number_shown.setObjectName("numberShown")
                self.number_shown.setWordWrap(True)  # a refusal is a sentence; the dialog keeps its width
                form.addRow("", self.number_shown)
                edit.textChanged.connect(self._show_number)
        self.recipients = QPlainTextEdit(period.recipients or "", self)
        self.recipients.setObjectName("recipients")
        self.recipients.setPlaceholderText("- TTTU (báo cáo),\n- Lưu VPTU.")
        self.recipients.setReadOnly(read_only)
        self.recipients.setTabChangesFocus(True)
        form.addRow(str(msg("{label} (mỗi dòng một nơi)", "{label} (one per line)", label=labels["recipients"])),
                    self.recipients)
        # the form the year uses, why, and (while nothing is finalised) the choice of another held form
        self.form_note = QLabel(str(periods.period_form_note(db, year, window=True)), self)
        self.form_note.setObjectName("formNote")
        self.form_note.setWordWrap(True)
        self.form_combo = QComboBox(self)
        self.form_combo.setObjectName("formCombo")
        current = f"{period.catalogue_id}/{period.catalogue_version}"
        keys = {current} | {f.key for f in periods.held_forms(db) if f.year <= year}
        keys |= {c.key for c in shipped_catalogues() if c.year <= year}
        for key in sorted(keys):
            self.form_combo.addItem(key, key)
        self.form_combo.setCurrentIndex(self.form_combo.findData(current))
        me = units.self_unit(db)
        locked = me is None or revisions.latest_final(db, me.code, year) is not None
        self.form_combo.setEnabled(not read_only and not locked)
        if locked and not read_only:
            self.form_combo.setToolTip(
                str(
                    msg(
                        "Báo cáo đã có bản chốt: không đổi biểu mẫu được nữa.",
                        "The report has a finalised revision: its form can no longer change.",
                    )
                )
            )
        form.addRow(str(msg("Biểu mẫu", "Form")), self.form_combo)
        form.addRow("", self.form_note)
        self.current_form = current
        self.switched = None
        self.error = QLabel(self)
        self.error.setObjectName("periodError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
                                   if not read_only else QDialogButtonBox.StandardButton.Close, self)
        for kind, text in ((QDialogButtonBox.StandardButton.Save, str(msg("Lưu", "Save"))),
                           (QDialogButtonBox.StandardButton.Cancel, str(msg("Hủy", "Cancel"))),
                           (QDialogButtonBox.StandardButton.Close, str(msg("Đóng", "Close")))):
            if buttons.button(kind) is not None:
                buttons.button(kind).setText(text)  # Qt's own buttons speak English
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        if final:
            locked = QLabel(
                str(
                    msg(
                        "Báo cáo đã chốt: thông tin này chỉ xem được. Muốn sửa, hãy dùng Báo cáo → Mở lại báo cáo (tạo "
                        "bản mới) trước.",
                        "The report is finalised: these details are read-only. To change them, use Report → Reopen "
                        "report (a new revision) first.",
                    )
                ),
                self,
            )
            locked.setObjectName("periodLocked")
            locked.setWordWrap(True)
            locked.setStyleSheet("background:#fff4d6; padding:6px; border:1px solid #e0c060;")
            layout.addWidget(locked)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 480)
        self._show_number(self.fields["report_number"].text())

    def _show_number(self, typed: str) -> None:
        unit = self_unit(self.db)
        symbol = unit.doc_symbol if unit else ""
        try:
            number = normalise_report_number(typed, symbol)
        except C27Error as exc:
            self.number_shown.setStyleSheet("color: #b00020")
            self.number_shown.setText(exc.text.render())
            return
        self.number_shown.setStyleSheet("")
        self.number_shown.setText(
            str(
                msg(
                    "In trên phụ lục: Số {number}",
                    "Printed on the appendix: Số {number}",
                    number=compose_number(number, symbol),
                )
            )
        )

    def save(self) -> None:
        changes: dict[str, str | None] = {name: edit.text().strip() for name, edit in self.fields.items()}
        for name in periods.DATE_FIELDS:  # an empty date is "not set", other fields are empty text
            changes[name] = changes[name] or None
        changes["recipients"] = self.recipients.toPlainText().strip()
        try:
            periods.update_period(self.db, self.year, who=current_user(), **changes)
            chosen = self.form_combo.currentData()
            if chosen and chosen != self.current_form:
                from c27desk.workflow import switch_form

                self.switched = switch_form(self.db, self.year, *periods.parse_form_key(chosen), who=current_user())
        except C27Error as exc:  # shown beside the fields; nothing was saved
            self.error.setText(exc.message())
            if exc.field in self.fields:
                self.fields[exc.field].setFocus()
            return
        self.accept()
