"""One way to find the program's resources, from a source tree and from the frozen build.

The catalogues, fonts, translations and migrations live beside the package in the source
tree (``resources/``, ``db/``) and inside ``sys._MEIPASS`` in a PyInstaller build.
``C27DESK_HOME`` may point elsewhere (tests, an unpacked copy).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from c27desk.errors import C27Error


def app_root() -> Path:
    override = os.environ.get("C27DESK_HOME")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``; raises a clear error if the installation lacks it."""
    path = app_root().joinpath("resources", *parts)
    if not path.exists():
        raise C27Error(
            f"thiếu tệp tài nguyên {path}; cài đặt chương trình chưa đầy đủ.",
            f"missing resource file {path}; the installation is incomplete.",
        )
    return path


def migrations_dir() -> Path:
    return app_root() / "db"
