"""Signing the appendix: choose the .p12 file or the USB token, type the passphrase or PIN unseen.

The passphrase/PIN lives only in this dialog's field and the signing call; the rest of the
choice (file, module, token and key labels) is remembered in the database when asked.
Signing runs on a worker with a busy indicator; a wrong PIN leaves the dialog open to retry.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from c27desk.errors import C27Error
from c27desk.gui.workers import run_in_background
from c27desk.i18n import msg
from c27desk.report.sign_appendix import DEFAULT_PKCS11_MODULES, spec_from
from c27desk.store import signing_settings
from c27desk.store.clock import current_user


class SignDialog(QDialog):
    """Ask how to sign, then run ``work(spec)`` on a worker; ``work_done`` carries its result.

    (Not ``done``: that name is QDialog's own slot, which accept() and reject() call.)"""

    work_done = Signal(object)

    def __init__(self, db, unit, title: str, intro: str, work, parent=None):
        super().__init__(parent)
        self.setObjectName("signDialog")
        self.db, self.unit, self.work = db, unit, work
        self.setWindowTitle(title)
        self.use_p12 = QRadioButton(str(msg("Tệp chứng thư số (.p12, .pfx)", "Certificate file (.p12, .pfx)")), self)
        self.use_token = QRadioButton(str(msg("Thiết bị ký số (USB token)", "Signing device (USB token)")), self)
        group = QButtonGroup(self)
        group.addButton(self.use_p12)
        group.addButton(self.use_token)

        self.p12_path = QLineEdit(self)
        self.p12_path.setObjectName("p12Path")
        browse = QPushButton(str(msg("Chọn…", "Browse…")), self)
        browse.clicked.connect(self._browse_p12)
        p12_row = QWidget(self)
        row = QHBoxLayout(p12_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.p12_path, 1)
        row.addWidget(browse)
        self.module = QLineEdit(self)
        self.module.setObjectName("pkcs11Module")
        self.module.setPlaceholderText(DEFAULT_PKCS11_MODULES[0] if DEFAULT_PKCS11_MODULES else "")
        self.token = QLineEdit(self)
        self.token.setObjectName("tokenLabel")
        self.key_label = QLineEdit(self)
        self.key_label.setObjectName("keyLabel")
        self.key_label.setPlaceholderText(str(msg("(không bắt buộc)", "(optional)")))
        self.secret = QLineEdit(self)
        self.secret.setObjectName("secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)  # never shown, never stored
        self.remember = QCheckBox(
            str(
                msg(
                    "Ghi nhớ cách ký cho đơn vị (không lưu mật khẩu, mã PIN)",
                    "Remember how this unit signs (passphrase and PIN are never stored)",
                )
            ),
            self,
        )
        self.remember.setChecked(True)
        self.error = QLabel(self)
        self.error.setObjectName("signError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy: signing on a token can take a few seconds
        self.progress.hide()

        form = QFormLayout()
        form.addRow(self.use_p12)
        form.addRow(str(msg("Tệp .p12", ".p12 file")), p12_row)
        form.addRow(self.use_token)
        form.addRow(str(msg("Thư viện PKCS#11", "PKCS#11 module")), self.module)
        form.addRow(str(msg("Nhãn token", "Token label")), self.token)
        form.addRow(str(msg("Nhãn khóa", "Key label")), self.key_label)
        self.secret_label = QLabel(self)
        form.addRow(self.secret_label, self.secret)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(str(msg("Ký số", "Sign")))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(intro, self))
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.use_p12.toggled.connect(self._method_changed)
        self._load_settings()
        self.secret.setFocus()

    def _load_settings(self) -> None:
        saved = signing_settings.get(self.db, self.unit.code)
        if saved is not None and saved.method == "pkcs11":
            self.use_token.setChecked(True)
            self.module.setText(saved.pkcs11_module or "")
            self.token.setText(saved.token_label or "")
            self.key_label.setText(saved.key_label or "")
        else:
            self.use_p12.setChecked(True)
            if saved is not None:
                self.p12_path.setText(saved.p12_path or "")
        self._method_changed()

    def _method_changed(self, *_args) -> None:
        p12 = self.use_p12.isChecked()
        self.p12_path.setEnabled(p12)
        for widget in (self.module, self.token, self.key_label):
            widget.setEnabled(not p12)
        self.secret_label.setText(
            str(msg("Mật khẩu tệp .p12", ".p12 passphrase")) if p12 else str(msg("Mã PIN", "PIN"))
        )

    def _browse_p12(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            str(msg("Chọn tệp chứng thư số", "Choose the certificate file")),
            self.p12_path.text(),
            str(msg("Chứng thư số (*.p12 *.pfx)", "Certificates (*.p12 *.pfx)")),
        )
        if path:
            self.p12_path.setText(path)

    def settings(self) -> signing_settings.SigningSettings:
        unit = self.unit.code
        if self.use_p12.isChecked():
            return signing_settings.SigningSettings(unit, "p12", p12_path=self.p12_path.text().strip())
        return signing_settings.SigningSettings(
            unit, "pkcs11", pkcs11_module=self.module.text().strip() or self.module.placeholderText(),
            token_label=self.token.text().strip(), key_label=self.key_label.text().strip() or None)

    def start(self) -> None:
        """Sign on a worker; the dialog stays until it succeeds or the user cancels."""
        self.error.clear()
        chosen = self.settings()
        try:
            spec = spec_from(chosen, self.secret.text())
            if self.remember.isChecked():
                signing_settings.save(self.db, chosen, who=current_user())
        except C27Error as exc:  # shown to the user; the dialog stays open
            self.error.setText(exc.message())
            return
        self.secret.clear()
        self._busy(True)
        work = self.work
        run_in_background(lambda: work(spec), self._done, self._failed)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.buttons.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def _done(self, result) -> None:
        self._busy(False)
        self.accept()
        self.work_done.emit(result)

    def _failed(self, message: str) -> None:
        self._busy(False)
        self.error.setText(message)
        self.secret.setFocus()
