"""Starting the window: one instance per database, a checked database, a unit to report for."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from c27desk.errors import C27Error
from c27desk.gui import desktop_files, i18n
from c27desk.resources import app_root
from c27desk.store import backup, lock, periods, units
from c27desk.store.database import CorruptDatabaseError, connect, open_database

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The program's icon in every size drawn (scripts/make_icons.py), so Qt never scales a 256 px
    picture down to a 16 px blur in the title bar or the task bar."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(app_root() / "resources" / "icons" / f"c27desk-{size}.png"))
    return icon


def _windows_taskbar_identity() -> None:
    """Run from Python (not the built .exe), Windows groups the window under python.exe and shows
    its icon in the task bar; an application id of our own makes it show c27desk's."""
    if sys.platform == "win32":
        import ctypes

        try:
            ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID("c27desk")
        except (AttributeError, OSError):
            pass  # an old or trimmed Windows: the icon in the title bar is still ours


def _application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("c27desk")
    app.setOrganizationName("c27desk")
    _windows_taskbar_identity()
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


def open_for_window(db_path: Path, *, interactive: bool = True):
    """The instance lock and the database, or None when the user gives up.

    A second instance may continue read-only; a damaged database is reported together with
    the newest good backup, which the user may restore on the spot.
    """
    read_only = False
    instance = None
    try:
        instance = lock.acquire(db_path)
    except lock.DatabaseInUseError as exc:
        if not _ask("c27desk", exc.message() + "\n\n" + QApplication.translate(
                "app", "Mở ở chế độ chỉ xem?"), interactive=interactive) and interactive:
            return None
        read_only = True
    try:
        db = open_database(db_path, backup_reason=None if read_only else "start")
    except CorruptDatabaseError as exc:
        if exc.newest_backup is None or not _ask(
                "c27desk", exc.message() + "\n\n" + QApplication.translate("app", "Khôi phục từ bản sao lưu này?"),
                interactive=interactive):
            if interactive:
                QMessageBox.critical(None, "c27desk", exc.message())
                exc.shown_in_window = True
            raise
        raw = connect(db_path)
        try:
            backup.restore(raw, db_path, exc.newest_backup)
        finally:
            raw.close()
        db = open_database(db_path, backup_reason="after-restore")
    return db, instance, read_only


def run_gui(db_path: Path, *, screenshot: Path | None = None, period: int | None = None,
            open_files: list[Path] | None = None) -> int:
    """The window on ``db_path``; ``open_files`` are files the desktop asked us to open (a .c27
    package double-clicked in Explorer), opened in the window once it shows.

    A failure is shown in a box as well as raised: the windowed c27desk.exe has no console, so
    without the box a double-click that fails would seem to do nothing."""
    app = _application()
    i18n.install_language(i18n.saved_language())
    interactive = screenshot is None
    try:
        return _run_window(app, Path(db_path), screenshot=screenshot, period=period, open_files=open_files)
    except C27Error as exc:
        if interactive and not getattr(exc, "shown_in_window", False):
            QMessageBox.critical(None, "c27desk", exc.message())
        raise


def _run_window(app: QApplication, db_path: Path, *, screenshot: Path | None, period: int | None,
                open_files: list[Path] | None) -> int:
    from c27desk.gui.main_window import MainWindow, settle
    from c27desk.gui.setup_dialog import SetupDialog

    interactive = screenshot is None
    opened = open_for_window(db_path, interactive=interactive)
    if opened is None:
        return 1
    db, instance, read_only = opened
    try:
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
        if screenshot is not None:
            settle(window, 300)
            window.grab().save(str(screenshot))
            window.close()
            window.deleteLater()  # widgets left for the interpreter's exit upset PySide's teardown
            settle(window, 0)
            return 0
        QTimer.singleShot(0, window.table.setFocus)
        if open_files:  # started through a file: the association, if wanted, evidently works already
            desktop_files.open_files(window, [Path(p) for p in open_files])
        else:
            desktop_files.offer_association_once(window)
        return app.exec()
    finally:
        db.close()
        if instance is not None:
            instance.release()
