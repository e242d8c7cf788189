"""Where the window keeps its preferences (size, splitters, last period, language).

An ini file in the user's config folder, or in ``C27DESK_CONFIG_DIR`` (tests point it at a
temporary folder so they never touch a real user's settings).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication


def config_dir() -> Path:
    override = os.environ.get("C27DESK_CONFIG_DIR")
    path = Path(override) if override else Path(platformdirs.user_config_dir("c27desk", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def settings() -> QSettings:
    return QSettings(str(config_dir() / "c27desk.ini"), QSettings.Format.IniFormat)


def restore_window(window, key: str | None, wanted: tuple[int, int]) -> None:
    """Give a window its remembered size and maximised state, fitted to the screen it opens on.

    Without a remembered size (first start, or ``key`` None for screenshots) it takes the
    wanted size shrunk to the available screen, and starts maximised when that screen is
    small (1366×768 laptops): a window taller than the screen hides its status bar and buttons.
    """
    saved = settings().value(key) if key else None
    screen = window.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry() if screen is not None else None
    if saved is not None and window.restoreGeometry(saved):
        if available is not None and not window.isMaximized():
            frame = window.frameGeometry()
            if frame.width() > available.width() or frame.height() > available.height():
                window.resize(min(window.width(), available.width()), min(window.height(), available.height()))
                window.move(available.topLeft())
        return
    if available is None or key is None:
        window.resize(*wanted)  # screenshots are made at one known size
        return
    width, height = min(wanted[0], available.width()), min(wanted[1], available.height())
    window.resize(width, height)
    window.move(available.left() + (available.width() - width) // 2, available.top() + (available.height() - height) // 2)
    if key and (wanted[0] > available.width() or wanted[1] > available.height()):
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def save_window(window, key: str) -> None:
    """Remember size, place and maximised state (Qt's saveGeometry holds all three)."""
    s = settings()
    s.setValue(key, window.saveGeometry())
    s.sync()
