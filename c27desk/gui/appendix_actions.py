"""The window's appendix actions: preview, save as PDF, print and sign, each off the UI thread.

Kept apart from main_window.py so the entry window stays about entry; the window only adds
these actions to its menu and tool bar.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from c27desk.errors import C27Error
from c27desk.fileio import atomic_write_bytes
from c27desk.gui.save_dialog import ask_save_path
from c27desk.i18n import Text, joined, msg


def default_pdf_name(unit: str, year: int, revision: int | None, signed: bool) -> str:
    rev = f"r{revision}" if revision else "du-thao"
    return f"{unit}_{year}_{rev}_phu-luc{'_da-ky' if signed else ''}.pdf"


def trust_roots(db) -> list:
    from c27desk.exchange import certs
    from c27desk.store import exchange

    return [certs.load_pem(ca.pem) for ca in exchange.trusted_cas(db)]


def verification_text(v, separator: str = "\n") -> Text:
    from c27desk.report.verify import local_time

    yes, no = msg("có", "yes"), msg("không", "no")
    when = local_time(v.signing_time)
    lines = [
        msg("Người ký: {signer}", "Signer: {signer}", signer=v.signer or "?"),
        msg("Thời điểm ký: {when}", "Signing time: {when}", when=when),
        msg(
            "Chữ ký nguyên vẹn, hợp lệ: {answer}",
            "Signature intact and valid: {answer}",
            answer=yes if v.valid and v.intact else no,
        ),
        msg(
            "Bao trùm toàn bộ tệp: {answer}",
            "Covers the whole file: {answer}",
            answer=yes if v.covers_whole_file else no,
        ),
        msg(
            "Thuộc tổ chức chứng thực tin cậy: {answer}",
            "Chains to a trusted CA: {answer}",
            answer=yes if v.trusted else no,
        ),
    ]
    if v.check_code:  # ties the paper to the data; it is in the file's metadata, not printed on the page
        lines.append(msg("Mã kiểm tra: {code} ({described})", "Check code: {code} ({described})", code=v.check_code,
                         described=v.described))
    lines += list(v.problems)  # the verifier's problems are messages already
    said = lines[0]
    for line in lines[1:]:
        said += joined(separator + "{line}", line=line)
    return said


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
        self.act_preview.setText(str(msg("Xem trước / in phụ lục…", "Preview / print appendix…")))
        self.act_sign.setText(str(msg("Ký số phụ lục…", "Sign appendix…")))

    # -- preview -------------------------------------------------------------------------------
    def _render(self, then) -> None:
        session = self.window.session
        if session is None or self.window.busy:  # pressed again while one is made: the status bar says so
            return
        year, final = session.year, session.is_final()

        def job(db):
            # the renderer (reportlab, pikepdf: a tenth of a second) loads on first use, not at start
            from c27desk.report.appendix import appendix_content
            from c27desk.report.appendix_pdf import render_appendix

            content = appendix_content(db, year, draft=not final)
            return content, render_appendix(content)

        self.window._background(job, then, msg("Đang tạo phụ lục…", "Making the appendix…"))

    def open_preview(self) -> None:
        self._render(self._show_preview)

    def _show_preview(self, result) -> None:
        from c27desk.gui.preview import AppendixPreview

        content, rendered = result
        self.last = result
        state = msg("bản {revision}", "revision {revision}", revision=content.revision) if content.final \
            else msg("dự thảo", "draft")
        title = msg("Phụ lục năm {year} – {state}", "Appendix {year} – {state}", year=content.year, state=state)
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
        path = ask_save_path(self.window, msg("Lưu phụ lục", "Save appendix"), Path(folder) / name, ".pdf",
                             filter_text="PDF (*.pdf)")
        if path is None:
            return None
        try:
            atomic_write_bytes(Path(path), pdf)
        except OSError as exc:
            QMessageBox.warning(
                self.window,
                "c27desk",
                str(msg("Không ghi được tệp {path}: {exc}", "Could not write {path}: {exc}", path=path, exc=exc)),
            )
            return None
        self.window.say(msg("Đã lưu {path}", "Saved {path}", path=path))
        return Path(path)

    # -- signing -------------------------------------------------------------------------------
    def sign_latest(self) -> None:
        session = self.window.session
        if session is None:
            return
        if not session.is_final():
            QMessageBox.information(
                self.window,
                str(msg("Ký số phụ lục", "Sign appendix")),
                str(
                    msg(
                        "Chỉ ký được báo cáo đã chốt. Hãy chốt báo cáo trước (Báo cáo → Chốt báo cáo…).",
                        "Only a finalised report can be signed. Finalise it first (Report → Finalise report…).",
                    )
                ),
            )
            return
        self._render(lambda result: self.sign(*result))

    def sign(self, content, rendered) -> None:
        from c27desk.gui.sign_dialog import SignDialog
        from c27desk.report.sign_appendix import require_signature_details, sign_appendix

        try:
            require_signature_details(content)  # before anyone types a PIN
        except C27Error as exc:
            QMessageBox.information(self.window, str(msg("Ký số phụ lục", "Sign appendix")), exc.message())
            self.window._period_details()
            return

        roots = trust_roots(self.window.db)
        dialog = SignDialog(
            self.window.db,
            content.unit,
            str(msg("Ký số phụ lục năm {year}", "Sign the {year} appendix", year=content.year)),
            str(
                msg(
                    "Ký số phụ lục bản {revision} của {name}.",
                    "Sign revision {revision} of the appendix of {name}.",
                    revision=content.revision,
                    name=content.unit.name,
                )
            ),
            lambda spec: sign_appendix(content, rendered, spec, roots),
            parent=self.window,
        )
        dialog.work_done.connect(lambda signed: self._signed(content, signed))
        dialog.open()
        self.sign_dialog = dialog

    def _signed(self, content, signed) -> None:
        self.last_verification = signed.verification
        QMessageBox.information(
            self.window, str(msg("Đã ký số", "Signed")), str(verification_text(signed.verification))
        )
        path = self.save_pdf(signed.pdf, content, signed=True)
        if path is not None:
            self.window.say(msg("Đã ký số và lưu {path}", "Signed and saved {path}", path=path))
