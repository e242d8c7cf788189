"""One resource locator for a source tree, an installed wheel and the frozen build."""

from __future__ import annotations

import shutil

import pytest

from c27desk import resources
from c27desk.errors import C27Error


def test_the_source_tree_is_whole():
    assert resources.missing_resources() == []
    assert (resources.migrations_dir() / "0001_initial.sql").is_file()


def test_an_installed_wheel_uses_the_copy_inside_the_package(tmp_path, monkeypatch):
    installed = tmp_path / "site-packages" / "c27desk" / "_app"
    shutil.copytree(resources.SOURCE_ROOT / "resources", installed / "resources")
    monkeypatch.setattr(resources, "INSTALLED_ROOT", installed)
    assert resources.app_root() == installed
    assert resources.resource_path("fonts", "LiberationSerif-Regular.ttf").parent == installed / "resources" / "fonts"


def test_the_frozen_build_uses_its_unpacked_folder(tmp_path, monkeypatch):
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert resources.app_root() == tmp_path
    assert resources.migrations_dir() == tmp_path / "db"


def test_an_incomplete_installation_names_what_is_missing(tmp_path, monkeypatch):
    monkeypatch.setenv("C27DESK_HOME", str(tmp_path))
    (tmp_path / "resources" / "fonts").mkdir(parents=True)
    assert "fonts/LiberationSerif-Regular.ttf" in resources.missing_resources()
    with pytest.raises(C27Error, match="LiberationSerif-Regular.ttf"):
        resources.resource_path("fonts", "LiberationSerif-Regular.ttf")
