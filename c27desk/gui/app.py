"""Starting the window: one instance per database, a checked database, a unit to report for."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from c27desk import log
from c27desk.errors import C27Error
from c27desk.gui import i18n
from c27desk.gui.diagnostics import show_unexpected, watch_actions
from c27desk.i18n import msg
from c27desk.store import backup, faults, lock, periods, units
from c27desk.store.database import (
    CorruptDatabaseError,
    open_database,
    open_read_only,
    refuse_unusable,
    resolve_db_path,
    writable,
)


def _application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("c27desk")
    app.setOrganizationName("c27desk")
    from c27desk.gui.desktop_files import app_icon, windows_taskbar_identity

    windows_taskbar_identity()
    app.setWindowIcon(app_icon())  # every window and dialog inherits it
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)  # readable before Windows scaling is applied
        app.setFont(QFont(font))
    return app


def _ask(title: str, text: str, *, interactive: bool) -> bool:
    if not interactive:
        return False
    return QMessageBox.question(None, title, text) == QMessageBox.StandardButton.Yes


def _damage_box(exc: CorruptDatabaseError, *, ask: bool) -> QMessageBox:
    """A box that fits a 1366×768 screen: two short lines, the long paths and SQLite's words
    in the expandable details."""
    box = QMessageBox(QMessageBox.Icon.Warning if ask else QMessageBox.Icon.Critical, "c27desk",
                      str(msg("Cơ sở dữ liệu bị hỏng.", "The database is damaged.")))
    details = exc.message()
    if ask and exc.newest_backup is not None:
        stamp = backup.taken_at(exc.newest_backup)
        # the file it would restore, named as the command line does
        box.setInformativeText(str(msg(
            "Khôi phục từ bản sao lưu tốt gần nhất ({stamp}: {file})? Tệp hỏng được giữ nguyên để kiểm tra sau.",
            "Restore the newest good backup ({stamp}: {file})? The damaged file is kept as it is for later "
            "inspection.", stamp=stamp, file=exc.newest_backup.name)))
        details += "\n\n" + str(msg("Tệp hỏng sẽ được giữ trong thư mục: {folder}",
                                     "The damaged file will be kept in the folder: {folder}",
                                     folder=str(backup.safety_dir(exc.path))))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.button(QMessageBox.StandardButton.Yes).setText(str(msg("Khôi phục", "Restore")))
        box.button(QMessageBox.StandardButton.No).setText(str(msg("Không khôi phục", "Do not restore")))
    elif exc.newest_backup is not None:  # cannot restore from here (view only, read-only media): still name it
        box.setInformativeText(str(msg("Bản sao lưu tốt gần nhất để khôi phục: {stamp}: {file}.",
                                       "Newest good backup to restore: {stamp}: {file}.",
                                       stamp=backup.taken_at(exc.newest_backup), file=exc.newest_backup.name)))
    else:
        box.setInformativeText(
            str(msg("Không có bản sao lưu tốt để khôi phục.", "There is no good backup to restore."))
        )
    box.setDetailedText(details)
    return box


def _ask_restore(exc: CorruptDatabaseError, *, interactive: bool) -> bool:
    if not interactive:
        return False
    exc.asked = True  # the user has seen the damage: run_gui shows no second box
    return _damage_box(exc, ask=True).exec() == QMessageBox.StandardButton.Yes


def _show_damage(exc: CorruptDatabaseError) -> None:
    _damage_box(exc, ask=False).exec()


def open_for_window(db_path: Path, *, interactive: bool = True):
    """The instance lock and the database, or None when the user gives up.

    A second instance may continue read-only; a damaged database is reported together with
    the newest good backup, which the user may restore on the spot.
    """
    read_only = False
    instance = None
    db_path = resolve_db_path(db_path)
    try:
        refuse_unusable(db_path)  # another program's file, a device: refused before the lock file is made
    except CorruptDatabaseError:
        pass  # an overwritten database of ours: offered for restore below, under the lock
    if db_path.exists() and not writable(db_path):  # a write-protected stick: view only, nothing written
        return open_read_only(db_path), None, True
    try:
        instance = lock.acquire(db_path)
    except lock.DatabaseInUseError as exc:
        if (
            not _ask(
                "c27desk",
                exc.message() + "\n\n" + str(msg("Mở ở chế độ chỉ xem?", "Open read-only?")),
                interactive=interactive,
            )
            and interactive
        ):
            return None
        read_only = True
    try:
        db = open_read_only(db_path) if read_only else open_database(db_path, backup_reason="start")
    except CorruptDatabaseError as exc:
        if read_only or exc.newest_backup is None or not _ask_restore(exc, interactive=interactive):
            if instance is not None:
                instance.release()
            raise
        try:
            backup.restore(db_path, exc.newest_backup)
        except C27Error:
            if instance is not None:
                instance.release()
            raise
        db = open_database(db_path, backup_reason="after-restore")
    return db, instance, read_only


def fault_hook(db_path: Path, previous=None):
    """An excepthook for the window: a database or disk fault, or any C27Error, that escapes a
    slot is shown as its one line in a box; anything else as an unexpected error naming the log.
    Each goes to the log; none reaches a console nobody sees, and the window goes on."""
    previous = previous or sys.excepthook

    def hook(kind, exc, tb) -> None:
        if not isinstance(exc, Exception):  # Ctrl+C in a console, SystemExit: Python's own handling
            previous(kind, exc, tb)
            return
        if isinstance(exc, C27Error):
            log.refused(exc, "window")
            text = exc.message()
        elif isinstance(exc, faults.FAULTS):
            log.failed(exc, "window", tb)
            text = faults.explain(exc, db_path).message()
        else:
            show_unexpected(exc, tb)
            return
        QMessageBox.critical(QApplication.activeWindow(), "c27desk", text)

    return hook


def run_gui(db_path: Path, *, screenshot: Path | None = None, period: int | None = None,
            lang: str | None = None) -> int:
    """The window. ``lang`` (``--lang`` on the command line) wins for this run without changing
    the language saved in the Settings menu; without it the saved choice is used."""
    from c27desk.gui.main_window import MainWindow, settle
    from c27desk.gui.setup_dialog import SetupDialog

    log.setup("window")  # once per process: already done when started by the command line
    app = _application()
    if lang:
        i18n.install_language(lang, remember=False)
    else:
        i18n.install_language(i18n.saved_language())
    interactive = screenshot is None
    db_path = resolve_db_path(db_path)  # the lock, backups and restore act on the real file, not a link
    try:
        opened = open_for_window(db_path, interactive=interactive)
    except CorruptDatabaseError as exc:
        if interactive and not getattr(exc, "asked", False):
            _show_damage(exc)
        raise
    except C27Error as exc:
        if interactive:
            QMessageBox.critical(None, "c27desk", exc.message())
        raise
    if opened is None:
        return 1
    db, instance, read_only = opened
    previous_hook = sys.excepthook
    if interactive:
        sys.excepthook = fault_hook(Path(db_path), previous_hook)
    try:
        if units.self_unit(db) is None and read_only:
            # setting up writes; the window holding the database is the one to do it
            if interactive:
                QMessageBox.information(
                    None,
                    "c27desk",
                    str(
                        msg(
                            "Cơ sở dữ liệu chưa có đơn vị và đang được mở ở cửa sổ khác; hãy thiết lập đơn vị ở cửa sổ "
                            "đó.",
                            "The database has no unit yet and is open in another window; set the unit up in that "
                            "window.",
                        )
                    ),
                )
            return 1
        if units.self_unit(db) is None:
            dialog = SetupDialog(db)
            if screenshot is not None:
                dialog.show()
                settle(dialog, 200)
                dialog.grab().save(str(screenshot))
                dialog.close()
                dialog.deleteLater()
                settle(dialog, 0)
                return 0
            if dialog.exec() != SetupDialog.DialogCode.Accepted:
                return 1
            period = dialog.created_year
        if period is not None:
            periods.require_period(db, period)  # an unknown year is refused, not silently replaced
        window = MainWindow(db, Path(db_path), period=period, read_only=read_only,
                            remember_geometry=screenshot is None)
        window.show()
        log.done(f"window opened (read-only: {read_only})")
        if screenshot is not None:
            settle(window, 300)
            window.grab().save(str(screenshot))
            window.close()
            window.deleteLater()  # widgets left for the interpreter's exit upset PySide's teardown
            settle(window, 0)
            return 0
        watch_actions(window)
        QTimer.singleShot(0, window.table.setFocus)
        from c27desk.gui.desktop_files import window_shown

        window_shown(window)  # files the desktop handed over, or the offer to associate them
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        db.close()
        if instance is not None:
            instance.release()
