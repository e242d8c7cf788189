"""The program on the desktop: its icon, the files the desktop hands to the window, and the offer
to make double-clicking them work.

``c27desk FILE.c27`` (a package double-clicked in Explorer) opens the import dialog with the file
already checked; a ``.c27form`` (a form published by the office above) is installed from the
command line. The association itself is written by ``c27desk.desktop`` for the current user only,
after the user agrees: the window asks once, and the settings menu can do it again.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox

from c27desk import desktop
from c27desk.errors import C27Error
from c27desk.gui.config import settings
from c27desk.i18n import language, msg
from c27desk.resources import app_root

OFFERED_KEY = "desktop/association_offered"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The program's icon in every size drawn (scripts/make_icons.py), so Qt never scales a 256 px
    picture down to a 16 px blur in the title bar or the task bar."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(app_root() / "resources" / "icons" / f"c27desk-{size}.png"))
    return icon


def windows_taskbar_identity() -> None:
    """Run from Python (not the built .exe), Windows groups the window under python.exe and shows
    its icon in the task bar; an application id of our own makes it show c27desk's."""
    if sys.platform == "win32":
        import ctypes

        try:
            ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID("c27desk")
        except (AttributeError, OSError):
            pass  # an old or trimmed Windows: the icon in the title bar is still ours


_requested: list[Path] = []


def request_open(paths: list[Path]) -> None:
    """Files to open once the window shows. They arrive before the window exists (on the command
    line, from a double-click), so they wait here for ``window_shown``."""
    _requested[:] = [Path(p) for p in paths]


def window_shown(window) -> None:
    """The window is up: open the files requested, or else offer the association (started through
    a file, the association, if wanted, evidently works already)."""
    paths = list(_requested)
    _requested.clear()
    if paths:
        open_files(window, paths)
    else:
        offer_association_once(window)


def open_files(window, paths: list[Path]) -> None:
    """Open what the desktop gave us: packages in the import dialog (checked at once), forms installed
    (verified like ``catalog install``) once the user agrees; a missing or unknown file is named, not ignored."""
    missing = [p for p in paths if not p.is_file()]
    present = [p for p in paths if p.is_file()]
    packages = [p for p in present if p.suffix.lower() == desktop.PACKAGE_SUFFIX]
    forms = [p for p in present if p.suffix.lower() == desktop.FORM_SUFFIX]
    unknown = [p for p in present if p not in packages and p not in forms]
    if missing:
        text = str(msg("Không tìm thấy tệp:", "File not found:"))
        QMessageBox.warning(window, "c27desk", text + "\n" + "\n".join(map(str, missing)))
    if unknown:
        text = str(
            msg(
                "c27desk chỉ mở gói báo cáo .c27 và mẫu biểu .c27form:",
                "c27desk opens only .c27 report packages and .c27form forms:",
            )
        )
        QMessageBox.warning(window, "c27desk", text + "\n" + "\n".join(map(str, unknown)))
    for form in forms:  # the same checks as Tệp → Cài biểu mẫu…, after the user says yes
        text = str(
            msg("Cài biểu mẫu do cấp trên gửi từ tệp này?", "Install the form sent by the office above from this file?")
        )
        if window.read_only:
            text = str(
                msg(
                    "Cơ sở dữ liệu đang mở ở một cửa sổ c27desk khác. Hãy cài biểu mẫu từ cửa sổ đó (Tệp → Cài biểu "
                    "mẫu do cấp trên gửi…):",
                    "The database is open in another c27desk window. Install the form from that window (File → Install "
                    "a form sent by the office above…):",
                )
            )
            QMessageBox.information(window, "c27desk", text + "\n" + str(form))
            continue
        answer = QMessageBox.question(window, "c27desk", text + "\n" + str(form))
        if answer == QMessageBox.StandardButton.Yes:
            window._install_form(str(form))
    if packages and window.read_only:
        text = str(
            msg(
                "Cơ sở dữ liệu đang mở ở một cửa sổ c27desk khác. Hãy nhận gói từ cửa sổ đó (Tổng hợp → Nhận gói báo "
                "cáo của đơn vị trực thuộc…):",
                "The database is open in another c27desk window. Receive the packages from that window (Consolidation "
                "→ Import child units' packages…):",
            )
        )
        QMessageBox.information(window, "c27desk", text + "\n" + "\n".join(map(str, packages)))
    elif packages:
        window.exchange.open_import(packages)


def associate(window) -> bool:
    """Write the association now and say what was done; False when it could not be written."""
    try:
        written = desktop.register_file_types(language())
    except C27Error as exc:
        QMessageBox.warning(window, "c27desk", exc.message())
        return False
    text = str(
        msg(
            "Từ nay bấm đúp vào tệp .c27 hoặc .c27form sẽ mở c27desk (chỉ với tài khoản này). Đã ghi:",
            "From now on, double-clicking a .c27 or .c27form file opens c27desk (for this account only). Written:",
        )
    )
    QMessageBox.information(window, "c27desk", text + "\n" + "\n".join(written))
    return True


def offer_association_once(window) -> None:
    """Ask once per user whether double-clicking .c27 files should open c27desk. The answer is
    remembered either way: a "no" is not asked again (the settings menu still offers it)."""
    store = settings()
    if not desktop.association_supported() or store.value(OFFERED_KEY, False, type=bool):
        return
    store.setValue(OFFERED_KEY, True)
    store.sync()
    text = str(
        msg(
            "Mở gói báo cáo (.c27) và mẫu biểu (.c27form) bằng c27desk khi bấm đúp vào tệp?\n\nChỉ áp dụng cho tài "
            "khoản của bạn, không cần quyền quản trị. Có thể làm lại sau trong menu Cài đặt.",
            "Open report packages (.c27) and forms (.c27form) with c27desk when they are double-clicked?\n\nThis "
            "applies to your account only and needs no administrator rights. You can do it later from the Settings "
            "menu.",
        )
    )
    if QMessageBox.question(window, "c27desk", text) == QMessageBox.StandardButton.Yes:
        associate(window)
