"""The "Văn phòng" menu: the office's whole job in the window.

Installed by the main window in one line, so the entry window stays about entry. Trusted CAs,
opening and closing a year for receiving, received reports and their signed appendices, and the
consolidation desk — each calls the same service as the command line.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from c27desk.errors import C27Error
from c27desk.gui.i18n import can_speak
from c27desk.gui.texts import SaysAgain, ShownTexts
from c27desk.i18n import msg
from c27desk.store import exchange, periods
from c27desk.store.clock import current_user


class TrustDialog(SaysAgain, QDialog):
    """The trusted CAs: list, add (the same checks as ``trust add-ca``), remove after asking."""

    def __init__(self, db, *, read_only: bool = False, parent=None):
        super().__init__(parent)
        self.texts = ShownTexts()
        self.setObjectName("trustDialog")
        self.db = db
        self.texts.show(
            self.setWindowTitle, msg("Tổ chức chứng thực (CA) tin cậy", "Trusted certificate authorities (CAs)")
        )
        intro = QLabel(self)
        self.texts.show(
            intro.setText,
            msg(
                "Gói báo cáo của đơn vị trực thuộc chỉ được nhận khi chữ ký thuộc một CA trong danh sách này (không "
                "dùng danh sách của hệ điều hành).",
                "Packages from child units are accepted only when signed under a CA in this list (the operating "
                "system's list is never used).",
            ),
        )
        intro.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("caList")
        self.texts.show(
            self.list.setHeaderLabels,
            [msg("Chủ thể", "Subject"), msg("Dấu vân tay (SHA-256)", "Fingerprint (SHA-256)")],
        )
        self.list.setRootIsDecorated(False)
        self.list.setColumnWidth(0, 420)
        self.add_button = QPushButton(self)
        self.texts.show(self.add_button.setText, msg("Thêm CA…", "Add CA…"))
        self.add_button.setObjectName("addCa")
        self.remove_button = QPushButton(self)
        self.texts.show(self.remove_button.setText, msg("Bỏ CA đã chọn…", "Remove selected CA…"))
        self.remove_button.setObjectName("removeCa")
        close = QPushButton(self)
        self.texts.show(close.setText, msg("Đóng", "Close"))
        self.status = QLabel(self)
        self.status.setObjectName("trustStatus")
        self.status.setWordWrap(True)
        for b in (self.add_button, self.remove_button):
            b.setEnabled(not read_only)
            if read_only:
                self.texts.show(
                    b.setToolTip, msg("Cơ sở dữ liệu đang mở chỉ để đọc.", "The database is open read-only.")
                )
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.add())
        self.remove_button.clicked.connect(self.remove_selected)
        close.clicked.connect(self.accept)
        self.resize(900, 380)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for ca in exchange.trusted_cas(self.db):
            item = QTreeWidgetItem([ca.subject, ca.fingerprint])
            item.setToolTip(0, ca.subject)
            self.list.addTopLevelItem(item)

    def add(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                str(msg("Chọn tệp chứng thư của CA", "Choose the CA's certificate file")),
                "",
                str(
                    msg(
                        "Chứng thư (*.pem *.crt *.cer *.der);;Mọi tệp (*)",
                        "Certificates (*.pem *.crt *.cer *.der);;All files (*)",
                    )
                ),
            )
            if not path:
                return False
        from c27desk.exchange import trust  # certificates' library loads when first used, not at start

        try:
            done = trust.add_ca_file(self.db, Path(path), who=current_user())
        except C27Error as exc:
            self.texts.show(self.status.setText, exc.said())
            QMessageBox.warning(self, "c27desk", exc.message())
            return False
        self.texts.show(self.status.setText,
                        msg("Đã thêm CA tin cậy: {subject}", "Trusted CA added: {subject}", subject=done.ca.subject)
                        if done.changed else
                        msg("CA này đã có: {subject}", "CA already trusted: {subject}", subject=done.ca.subject))
        self.refresh()
        return done.changed

    def remove_selected(self) -> bool:
        item = self.list.currentItem()
        if item is None:
            self.texts.show(self.status.setText, msg("Hãy chọn một CA.", "Select a CA."))
            return False
        subject, fingerprint = item.text(0), item.text(1)
        answer = QMessageBox.question(
            self,
            str(msg("Bỏ CA tin cậy", "Remove trusted CA")),
            str(
                msg(
                    "Bỏ CA “{subject}”? Gói báo cáo mới ký dưới CA này sẽ bị từ chối; các gói đã nhận vẫn giữ, nhưng "
                    "khi mở phụ lục sẽ hiện là không tin cậy.",
                    "Remove the CA “{subject}”? New packages signed under it will be refused; packages already "
                    "received are kept, but their appendices will show as untrusted when opened.",
                    subject=subject,
                )
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        from c27desk.exchange import trust

        try:
            ca = trust.remove_ca(self.db, fingerprint, who=current_user())
        except C27Error as exc:
            QMessageBox.warning(self, "c27desk", exc.message())
            return False
        self.texts.show(
            self.status.setText, msg("Đã bỏ CA tin cậy: {subject}", "Trusted CA removed: {subject}", subject=ca.subject)
        )
        self.refresh()
        return True


class OfficeMenu(QObject):
    """Builds the "Văn phòng" menu on ``window`` and runs its actions."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dialog = None
        self.menu = window.menuBar().addMenu("")
        self.menu.setObjectName("menuOffice")
        window.menuBar().insertMenu(window.menu_settings.menuAction(), self.menu)
        self.act_received = self._action("received", self.open_received)
        self.act_trust = self._action("trust", self.open_trust)
        self.act_receiving = self._action("receiving", self.toggle_receiving)
        self.menu.addActions([self.act_received, window.exchange.act_consolidate, window.exchange.act_import])
        self.menu.addSeparator()
        self.menu.addActions([self.act_trust, self.act_receiving])
        self.menu.aboutToShow.connect(self.retranslate)
        window.installEventFilter(self)
        window.loaded.connect(self.retranslate)  # the year's name and open/closed state
        self.retranslate()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - follow the window's language switch
        if obj is self.window and event.type() == QEvent.Type.LanguageChange and can_speak(self.window):
            self.retranslate()
        return False

    def _action(self, name: str, slot) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def _year(self) -> int | None:
        return self.window.session.year if self.window.session is not None else None

    def retranslate(self) -> None:
        self.menu.setTitle(str(msg("&Văn phòng", "&Office")))
        self.act_received.setText(str(msg("Báo cáo đã nhận của đơn vị trực thuộc…",
                                              "Reports received from child units…")))
        self.act_trust.setText(str(msg("Tổ chức chứng thực (CA) tin cậy…", "Trusted certificate authorities (CAs)…")))
        year = self._year()
        period = periods.get_period(self.window.db, year) if year else None
        closed = period is not None and period.status == "closed"
        year = year or ""
        self.act_receiving.setText(str(
            msg("Mở lại kỳ {year} để nhận gói báo cáo…", "Reopen {year} for receiving packages…", year=year) if closed
            else msg("Khóa kỳ {year} (thôi nhận gói báo cáo)…", "Close {year} (stop receiving packages)…", year=year)))
        self.act_receiving.setEnabled(period is not None and not self.window.read_only)

    def open_trust(self) -> None:
        self.dialog = TrustDialog(self.window.db, read_only=self.window.read_only, parent=self.window)
        self.dialog.show()

    def open_received(self) -> None:
        from c27desk.gui.received_dialog import ReceivedDialog

        year = self._year()
        if year is None:
            return
        self.dialog = ReceivedDialog(self.window.db_path, year, parent=self.window)
        self.dialog.show()
        self.dialog.load()

    def toggle_receiving(self) -> bool:
        year = self._year()
        if year is None or self.window.read_only:
            return False
        period = periods.require_period(self.window.db, year)
        receiving = period.status == "closed"
        question = str(
            msg(
                "Mở lại kỳ {year} để nhận thêm gói báo cáo của đơn vị trực thuộc?",
                "Reopen {year} to receive more packages from child units?",
                year=year,
            )
            if receiving
            else msg(
                "Khóa kỳ {year}? Sau đó mọi gói báo cáo năm {year} gửi đến sẽ bị từ chối cho đến khi mở lại.",
                "Close {year}? Every {year} package arriving afterwards is refused until it is reopened.",
                year=year,
            )
        )
        if (
            QMessageBox.question(self.window, str(msg("Kỳ báo cáo", "Reporting period")), question)
            != QMessageBox.StandardButton.Yes
        ):
            return False
        try:
            periods.set_receiving(self.window.db, year, receiving, who=current_user())
        except C27Error as exc:
            QMessageBox.warning(self.window, "c27desk", exc.message())
            return False
        self.window.say(
            msg("Đã mở lại kỳ {year} để nhận gói báo cáo.", "Reopened {year} for receiving packages.", year=year)
            if receiving
            else msg(
                "Đã khóa kỳ {year}: không nhận thêm gói báo cáo.",
                "Closed {year}: no more packages are received.",
                year=year,
            )
        )
        self.retranslate()
        return True
