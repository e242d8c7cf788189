"""Packages for the wheel and the sdist; everything else about the project is in pyproject.toml.

The source tree keeps ``resources/`` and ``db/`` at the top, beside the code, and the frozen
build copies them the same way. An installed wheel has no place beside the package, so both
folders are mapped into it here, as ``c27desk/_app/resources`` and ``c27desk/_app/db``: the
resource locator (``c27desk/resources.py``) finds them there. This needs ``package_dir``, which
pyproject.toml's automatic discovery cannot combine with ``find``, hence this file. Each folder
is listed as a (data-only) package of its own, so a new subfolder of ``resources/`` ships without
a change here and setuptools has nothing to guess.
"""

from pathlib import Path

from setuptools import find_packages, setup

ROOT = Path(__file__).resolve().parent
BUNDLED = {"c27desk._app.resources": "resources", "c27desk._app.db": "db"}


def bundled_folders() -> dict[str, str]:
    """Package name → folder (relative to the project) for each bundled folder and its subfolders."""
    folders = {}
    for package, folder in BUNDLED.items():
        top = ROOT / folder
        for path in [top, *sorted(p for p in top.rglob("*") if p.is_dir() and p.name != "__pycache__")]:
            parts = path.relative_to(top).parts
            folders[".".join([package, *parts])] = path.relative_to(ROOT).as_posix()
    return folders


FOLDERS = bundled_folders()

setup(
    packages=find_packages(include=["c27desk", "c27desk.*"]) + list(FOLDERS),
    package_dir=FOLDERS,
    package_data={package: ["*"] for package in FOLDERS},
    exclude_package_data={package: ["*.pyc"] for package in FOLDERS},
)
