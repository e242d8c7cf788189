"""Where the window keeps its preferences (size, splitters, last period, language).

An ini file in the user's config folder, or in ``C27DESK_CONFIG_DIR`` (tests point it at a
temporary folder so they never touch a real user's settings).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings


def config_dir() -> Path:
    override = os.environ.get("C27DESK_CONFIG_DIR")
    path = Path(override) if override else Path(platformdirs.user_config_dir("c27desk", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def settings() -> QSettings:
    return QSettings(str(config_dir() / "c27desk.ini"), QSettings.Format.IniFormat)
