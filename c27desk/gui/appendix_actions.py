"""The window's appendix actions: preview, save as PDF, print and sign, each off the UI thread.

Kept apart from main_window.py so the entry window stays about entry; the window only adds
these actions to its menu and tool bar.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from c27desk.errors import C27Error
from c27desk.fileio import atomic_write_bytes


def default_pdf_name(unit: str, year: int, revision: int | None, signed: bool) -> str:
    rev = f"r{revision}" if revision else "du-thao"
    return f"{unit}_{year}_{rev}_phu-luc{'_da-ky' if signed else ''}.pdf"


def trust_roots(db) -> list:
    from c27desk.exchange import certs
    from c27desk.store import exchange

    return [certs.load_pem(ca.pem) for ca in exchange.trusted_cas(db)]


def verification_text(ctx: QObject, v) -> str:
    from c27desk.gui.i18n import current_language
    from c27desk.report.verify import local_time

    yes, no = ctx.tr("có"), ctx.tr("không")
    when = local_time(v.signing_time)
    lines = [
        ctx.tr("Người ký: %1").replace("%1", v.signer or "?"),
        ctx.tr("Thời điểm ký: %1").replace("%1", when),
        ctx.tr("Chữ ký nguyên vẹn, hợp lệ: %1").replace("%1", yes if v.valid and v.intact else no),
        ctx.tr("Bao trùm toàn bộ tệp: %1").replace("%1", yes if v.covers_whole_file else no),
        ctx.tr("Thuộc tổ chức chứng thực tin cậy: %1").replace("%1", yes if v.trusted else no),
    ]
    if v.check_code:  # ties the paper to the data; it is in the file's metadata, not printed on the page
        lines.append(ctx.tr("Mã kiểm tra: %1 (%2)").replace("%1", v.check_code).replace("%2", v.described))
    return "\n".join(lines + [p.render(current_language()) for p in v.problems])


class AppendixActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.preview = None
        self.last = None  # (content, rendered) of the latest preview
        self.act_preview = QAction(window)
        self.act_preview.setObjectName("preview")
        self.act_preview.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.act_preview.triggered.connect(self.open_preview)
        self.act_sign = QAction(window)
        self.act_sign.setObjectName("sign")
        self.act_sign.triggered.connect(self.sign_latest)
        self.retranslate()

    def actions(self) -> list[QAction]:
        return [self.act_preview, self.act_sign]

    def retranslate(self) -> None:
        self.act_preview.setText(self.tr("Xem trước / in phụ lục…"))
        self.act_sign.setText(self.tr("Ký số phụ lục…"))

    # -- preview -------------------------------------------------------------------------------
    def _render(self, then) -> None:
        session = self.window.session
        if session is None:
            return
        year, final = session.year, session.is_final()

        def job(db):
            # the renderer (reportlab, pikepdf: a tenth of a second) loads on first use, not at start
            from c27desk.report.appendix import appendix_content
            from c27desk.report.appendix_pdf import render_appendix

            content = appendix_content(db, year, draft=not final)
            return content, render_appendix(content)

        self.window._background(job, then, self.tr("Đang tạo phụ lục…"))

    def open_preview(self) -> None:
        self._render(self._show_preview)

    def _show_preview(self, result) -> None:
        from c27desk.gui.preview import AppendixPreview

        content, rendered = result
        self.last = result
        state = self.tr("bản %1").replace("%1", str(content.revision)) if content.final else self.tr("dự thảo")
        title = self.tr("Phụ lục năm %1 – %2").replace("%1", str(content.year)).replace("%2", state)
        if self.preview is not None:
            self.preview.close()
        self.preview = AppendixPreview(rendered.pdf, title, can_sign=content.final, parent=self.window,
                                       pdf_name=default_pdf_name(content.unit.code, content.year, content.revision,
                                                                 False))
        self.preview.save_requested.connect(lambda: self.save_pdf(rendered.pdf, content, signed=False))
        self.preview.sign_requested.connect(lambda: self.sign(content, rendered))
        self.preview.show()

    def save_pdf(self, pdf: bytes, content, *, signed: bool) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = default_pdf_name(content.unit.code, content.year, content.revision, signed)
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Lưu phụ lục"), str(Path(folder) / name),
                                              "PDF (*.pdf)")
        if not path:
            return None
        try:
            atomic_write_bytes(Path(path), pdf)
        except OSError as exc:
            QMessageBox.warning(self.window, "c27desk",
                                self.tr("Không ghi được tệp %1: %2").replace("%1", path).replace("%2", str(exc)))
            return None
        self.window.save_state.setText(self.tr("Đã lưu %1").replace("%1", path))
        return Path(path)

    # -- signing -------------------------------------------------------------------------------
    def sign_latest(self) -> None:
        session = self.window.session
        if session is None:
            return
        if not session.is_final():
            QMessageBox.information(self.window, self.tr("Ký số phụ lục"),
                                    self.tr("Chỉ ký được báo cáo đã chốt. Hãy chốt báo cáo trước (Báo cáo → Chốt "
                                            "báo cáo…)."))
            return
        self._render(lambda result: self.sign(*result))

    def sign(self, content, rendered) -> None:
        from c27desk.gui.sign_dialog import SignDialog
        from c27desk.report.sign_appendix import require_signature_details, sign_appendix

        try:
            require_signature_details(content)  # before anyone types a PIN
        except C27Error as exc:
            QMessageBox.information(self.window, self.tr("Ký số phụ lục"), exc.message())
            self.window._period_details()
            return

        roots = trust_roots(self.window.db)
        dialog = SignDialog(
            self.window.db, content.unit, self.tr("Ký số phụ lục năm %1").replace("%1", str(content.year)),
            self.tr("Ký số phụ lục bản %1 của %2.").replace("%1", str(content.revision)).replace("%2", content.unit.name),
            lambda spec: sign_appendix(content, rendered, spec, roots), parent=self.window)
        dialog.work_done.connect(lambda signed: self._signed(content, signed))
        dialog.open()
        self.sign_dialog = dialog

    def _signed(self, content, signed) -> None:
        self.last_verification = signed.verification
        QMessageBox.information(self.window, self.tr("Đã ký số"), verification_text(self, signed.verification))
        path = self.save_pdf(signed.pdf, content, signed=True)
        if path is not None:
            self.window.save_state.setText(self.tr("Đã ký số và lưu %1").replace("%1", str(path)))
