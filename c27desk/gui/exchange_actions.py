"""The window's exchange actions: export this unit's package, receive the children's, consolidate."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from c27desk.errors import C27Error
from c27desk.i18n import msg
from c27desk.store import exchange, revisions
from c27desk.store.clock import current_user
from c27desk.store.database import open_database


class ExchangeActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dialog = None
        self.act_export = self._action("export", self.export)
        self.act_import = self._action("import", lambda: self.open_import())
        self.act_consolidate = self._action("consolidate", self.open_consolidation)
        self.act_units = self._action("units", self.open_units)
        self.retranslate()

    def _action(self, name: str, slot) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def retranslate(self) -> None:
        self.act_export.setText(str(msg("Xuất gói báo cáo (.c27)…", "Export report package (.c27)…")))
        self.act_import.setText(str(msg("Nhận gói báo cáo của đơn vị trực thuộc…", "Import child units' packages…")))
        self.act_consolidate.setText(str(msg("Tổng hợp các đơn vị…", "Consolidate units…")))
        self.act_units.setText(str(msg("Đơn vị trực thuộc và chứng thư số…", "Units and certificates…")))

    # -- export --------------------------------------------------------------------------------
    def export(self, folder: str | None = None) -> None:
        session = self.window.session
        if session is None:
            return
        final = revisions.latest_final(self.window.db, session.unit, session.year)
        if final is None:
            QMessageBox.information(
                self.window,
                str(msg("Xuất gói báo cáo", "Export report package")),
                str(
                    msg(
                        "Chỉ xuất được báo cáo đã chốt. Hãy chốt báo cáo trước.",
                        "Only a finalised report can be exported. Finalise it first.",
                    )
                ),
            )
            return
        folder = folder or QFileDialog.getExistingDirectory(
            self.window, str(msg("Chọn thư mục (USB) để ghi gói", "Choose the folder (USB) to write the package to"))
        )
        if not folder:
            return
        db_path, year, who = self.window.db_path, session.year, current_user()

        def work(spec, confirm_signer: bool = False):
            from c27desk.exchange.export import SignerCheckError, export_package

            db = open_database(db_path, check_integrity=False, check_same_thread=False)
            try:
                return export_package(db, year, Path(folder), spec=spec, who=who, confirm_signer=confirm_signer)
            except SignerCheckError as check:  # asked in the window, then signed again if confirmed
                return check, lambda: work(spec, True)
            finally:
                db.close()

        if exchange.stored_export(self.window.db, session.unit, year, final.number) is not None:
            # signed before: the same bytes are rebuilt, no passphrase needed
            self.window._background(lambda _db: work(None), self._exported, msg("Đang xuất gói…", "Exporting…"))
            return
        from c27desk.gui.sign_dialog import SignDialog
        from c27desk.report.appendix import appendix_content
        from c27desk.report.sign_appendix import require_signature_details

        try:
            require_signature_details(appendix_content(self.window.db, year))  # before anyone types a PIN
        except C27Error as exc:
            QMessageBox.information(self.window, str(msg("Xuất gói báo cáo", "Export report package")), exc.message())
            self.window._period_details()
            return
        dialog = SignDialog(
            self.window.db,
            session.ref.unit,
            str(msg("Xuất gói báo cáo năm {year}", "Export the {year} report package", year=year)),
            str(
                msg(
                    "Ký số và xuất bản {number} vào {folder}.",
                    "Sign and export revision {number} to {folder}.",
                    number=final.number,
                    folder=folder,
                )
            ),
            work,
            parent=self.window,
        )
        dialog.work_done.connect(self._exported)
        dialog.open()
        self.dialog = dialog

    def _exported(self, result) -> None:
        if isinstance(result, tuple):  # the certificate needs a look before anything is written
            check, again = result
            lang = self.window.model.lang if hasattr(self.window, "model") else None
            text = "\n".join(f"• {w.render(lang)}" for w in check.warnings)
            answer = QMessageBox.question(
                self.window,
                str(msg("Kiểm tra chứng thư số", "Check the certificate")),
                text
                + "\n\n"
                + str(
                    msg(
                        "Vẫn ký và xuất gói bằng chứng thư số này?",
                        "Sign and export the package with this certificate anyway?",
                    )
                ),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.window._background(lambda _db: again(), self._exported, msg("Đang xuất gói…", "Exporting…"))
            return
        self.last_export = result
        message = str(
            msg(
                "Đã xuất và kiểm tra lại {path} (bản {revision}).",
                "Exported and re-checked {path} (revision {revision}).",
                path=result.path,
                revision=result.revision,
            )
        )
        self.window.save_state.setText(message)
        QMessageBox.information(self.window, str(msg("Xuất gói báo cáo", "Export report package")), message)

    # -- import and consolidation ---------------------------------------------------------------
    def open_import(self, paths: list[Path] | None = None) -> None:
        """The import dialog; with ``paths`` (files the desktop handed us) they are checked at once."""
        from c27desk.gui.import_dialog import ImportDialog

        self.dialog = ImportDialog(self.window.db_path, parent=self.window)
        self.dialog.show()
        if paths:
            self.dialog.set_paths(list(paths))

    def open_units(self) -> None:
        from c27desk.gui.units_dialog import UnitsDialog

        session = self.window.session
        year = session.year if session is not None else 2025
        self.dialog = UnitsDialog(self.window.db, year, parent=self.window)
        self.dialog.show()

    def open_consolidation(self) -> None:
        """The desk opens at once and computes the year in a worker (see ConsolidationDialog.load)."""
        from c27desk.gui.consolidation_dialog import ConsolidationDialog

        session = self.window.session
        if session is None:
            return
        year = session.year
        self.dialog = ConsolidationDialog(self.window.db, self.window.db_path, year, parent=self.window,
                                          undo_stack=self.window.model.undo_stack, read_only=self.window.read_only)
        self.dialog.accepted_values.connect(lambda _n: refresh_entries(self.window, year))
        self.dialog.show()
        self.dialog.load()


def refresh_entries(window, year: int) -> None:
    """Show what the database now holds in the entry table without reloading it, so its undo stack
    (which holds the accepted proposals as one step) survives."""
    model = window.model
    if model.session is None or model.session.year != year:
        return
    model.entries = model.session.entries()
    model._recheck()
    model.dataChanged.emit(model.index(0, 0), model.index(max(0, model.rowCount() - 1), model.columnCount() - 1))
    model.changed.emit()
