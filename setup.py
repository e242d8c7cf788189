"""Packages for the wheel and the sdist; everything else about the project is in pyproject.toml.

The source tree keeps ``resources/`` and ``db/`` at the top, beside the code, and the frozen
build copies them the same way. An installed wheel has no place beside the package, so both
folders are mapped into it here, as ``c27desk/_app/resources`` and ``c27desk/_app/db``: the
resource locator (``c27desk/resources.py``) finds them there. This needs ``package_dir``, which
pyproject.toml's automatic discovery cannot combine with ``find``, hence this file.
"""

from setuptools import find_packages, setup

BUNDLED = {"c27desk._app.resources": "resources", "c27desk._app.db": "db"}

setup(
    packages=find_packages(include=["c27desk", "c27desk.*"]) + list(BUNDLED),
    package_dir=BUNDLED,
    package_data={name: ["**/*"] for name in BUNDLED},
    exclude_package_data={name: ["**/__pycache__/*", "**/*.pyc"] for name in BUNDLED},
)
