"""The version resource of the Windows executables, read back by PyInstaller's own loader."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import winversion  # noqa: E402

from c27desk import __version__  # noqa: E402


@pytest.fixture
def pyinstaller_versioninfo(monkeypatch):
    """PyInstaller's versioninfo module imports pefile and win32api, which only Windows installs;
    reading a version file needs neither."""
    import PyInstaller.compat

    monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)
    monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.versioninfo", raising=False)
    from PyInstaller.utils.win32 import versioninfo

    return versioninfo


def test_version_file_says_product_version_and_file(tmp_path, pyinstaller_versioninfo):
    version = winversion.project_version(ROOT / "pyproject.toml")
    assert version == __version__
    path = winversion.write_version_file(tmp_path / "v.txt", version, "c27desk-cli.exe", "c27desk — dòng lệnh")
    info = pyinstaller_versioninfo.load_version_info_from_text_file(str(path))
    strings = {s.name: s.val for s in info.kids[0].kids[0].kids}
    assert strings["ProductName"] == "c27desk" and strings["CompanyName"] == "c27desk"
    assert strings["ProductVersion"] == strings["FileVersion"] == version
    assert strings["OriginalFilename"] == "c27desk-cli.exe"
    assert strings["FileDescription"] == "c27desk — dòng lệnh"
    numbers = winversion.version_tuple(version)
    assert info.ffi.fileVersionMS == (numbers[0] << 16) | numbers[1]
    assert b"c\x002\x007\x00d\x00e\x00s\x00k\x00" in info.toRaw()  # serialises as Windows stores it


@pytest.mark.parametrize(("version", "numbers"), [
    ("0.1.0", (0, 1, 0, 0)), ("1.2.3rc1", (1, 2, 3, 0)), ("2.0.dev4", (2, 0, 0, 0)), ("1.2.3.4.5", (1, 2, 3, 4)),
])
def test_version_numbers(version, numbers):
    assert winversion.version_tuple(version) == numbers
