"""One way to find the program's resources, from a source tree, an installed wheel and the frozen build.

The catalogues, fonts, translations, icons and migrations live in two folders, ``resources/`` and
``db/``, under one root:

- a source tree (and an editable install): the checkout, beside the package;
- an installed wheel: ``c27desk/_app`` inside the package (setup.py maps both folders there, since
  a wheel has no place beside the package that belongs to it);
- the PyInstaller build: ``sys._MEIPASS`` (build.spec copies both folders there).

``C27DESK_HOME`` may point elsewhere (tests, an unpacked copy).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from c27desk.errors import C27Error
from c27desk.i18n import msg

_PACKAGE = Path(__file__).resolve().parent
INSTALLED_ROOT = _PACKAGE / "_app"
SOURCE_ROOT = _PACKAGE.parent

# What the program cannot run without; the self-test and the wheel/sdist check (scripts/check_dist.py)
# both look for these, so a build that drops one fails before a user sees it.
REQUIRED_RESOURCES = (
    "fonts/LiberationSerif-Regular.ttf",
    "fonts/LiberationSerif-Bold.ttf",
    "fonts/LiberationSerif-Italic.ttf",
    "fonts/LiberationSerif-BoldItalic.ttf",
    "fonts/LICENSE-LiberationSerif.txt",
    "catalogs/p27-2023.json",
    "demo/dongnai-2023.csv",
    "translations/c27desk_en.qm",
    "icc/sRGB.icc",
    "icc/LICENSE-sRGB.txt",
    "icons/c27desk.svg",
    "icons/c27desk.ico",
    "icons/c27desk-16.png",
    "icons/c27desk-32.png",
    "icons/c27desk-256.png",
)


def app_root() -> Path:
    """The folder holding ``resources/`` and ``db/``.

    The wheel's copy wins over the folder beside the package: an installed package sits in
    site-packages, where a ``resources/`` beside it would belong to someone else.
    """
    override = os.environ.get("C27DESK_HOME")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    if (INSTALLED_ROOT / "resources").is_dir():
        return INSTALLED_ROOT
    return SOURCE_ROOT


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``; raises a clear error if the installation lacks it."""
    path = app_root().joinpath("resources", *parts)
    if not path.exists():
        raise C27Error(
            msg("Thiếu tệp tài nguyên {path}; cài đặt chương trình chưa đầy đủ.",
                "Missing resource file {path}; the installation is incomplete.",
                path=path),
        )
    return path


def missing_resources() -> list[str]:
    """The required resources this installation lacks (empty when it is whole)."""
    root = app_root() / "resources"
    return [name for name in REQUIRED_RESOURCES if not (root / name).is_file()]


def migrations_dir() -> Path:
    return app_root() / "db"
