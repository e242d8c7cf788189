"""The per-user file association (Windows registry through a fake winreg, freedesktop files) and
the command line's routing of files the desktop hands over."""

from __future__ import annotations

import configparser
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from c27desk import desktop
from c27desk.cli import build_parser, route_opened_files
from c27desk.errors import C27Error


class FakeWinreg:
    """The part of winreg the association uses, recording every value written per hive."""

    HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE = "HKCU", "HKLM"
    KEY_WRITE, REG_SZ = 0x20006, 1

    def __init__(self, fail_on: str | None = None):
        self.values: dict[tuple[str, str, str], str] = {}
        self.fail_on = fail_on

    class _Key:
        def __init__(self, hive, path):
            self.hive, self.path = hive, path

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def CreateKeyEx(self, hive, path, reserved, access):  # noqa: N802 (winreg's names)
        assert reserved == 0 and access == self.KEY_WRITE
        if self.fail_on and self.fail_on in path:
            raise PermissionError(13, "Access is denied")
        return self._Key(hive, path)

    def SetValueEx(self, key, name, reserved, kind, data):  # noqa: N802
        assert kind == self.REG_SZ
        self.values[(key.hive, key.path, name)] = data


EXE = r"C:\Users\Lan\Documents\c27desk\c27desk.exe"


def test_windows_association_is_written_for_the_current_user_only():
    reg = FakeWinreg()
    written = desktop.register_windows([EXE], winreg=reg, notify=False)
    assert {hive for hive, _, _ in reg.values} == {"HKCU"}
    assert all(path.startswith("Software\\Classes\\") for _, path, _ in reg.values)
    v = {(path, name): data for _, path, name in reg.values for data in [reg.values[("HKCU", path, name)]]}
    assert v[(r"Software\Classes\.c27", "")] == "c27desk.package"
    assert v[(r"Software\Classes\.c27form", "")] == "c27desk.form"
    assert v[(r"Software\Classes\c27desk.package\shell\open\command", "")] == f'"{EXE}" "%1"'
    assert v[(r"Software\Classes\c27desk.form\DefaultIcon", "")] == f'"{EXE}",0'
    assert v[(r"Software\Classes\c27desk.package", "")] == "Gói báo cáo Chương trình 27"
    assert r"HKEY_CURRENT_USER\Software\Classes\.c27" in written


def test_windows_association_from_python_runs_pythonw_with_the_module():
    reg = FakeWinreg()
    desktop.register_windows([r"C:\Py311\pythonw.exe", "-m", "c27desk"], lang="en", winreg=reg, notify=False)
    command = reg.values[("HKCU", r"Software\Classes\c27desk.form\shell\open\command", "")]
    assert command == r'"C:\Py311\pythonw.exe" "-m" "c27desk" "%1"'
    assert reg.values[("HKCU", r"Software\Classes\c27desk.form\DefaultIcon", "")].endswith('c27desk.ico"')
    assert reg.values[("HKCU", r"Software\Classes\c27desk.form", "")] == "Program 27 report form"


def test_a_refused_registry_write_is_a_message_naming_the_key():
    with pytest.raises(C27Error) as err:
        desktop.register_windows([EXE], winreg=FakeWinreg(fail_on="c27desk.form"), notify=False)
    assert r"HKEY_CURRENT_USER\Software\Classes\c27desk.form" in err.value.message("en")
    assert "no permission" in err.value.message("en")


def test_freedesktop_files_in_the_users_data_folder(tmp_path):
    command = [str(tmp_path / "my apps" / "c27desk"), "--lang", "50%"]
    written = desktop.register_freedesktop(command, refresh=False)
    home = Path(os.environ["XDG_DATA_HOME"])
    assert sorted(written) == [str(home / "applications/c27desk.desktop"), str(home / "mime/packages/c27desk.xml")]
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(home / "applications/c27desk.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == f'"{tmp_path}/my apps/c27desk" --lang 50%% %F'
    assert section["MimeType"] == "application/x-c27desk-package;application/x-c27desk-form;"
    assert Path(section["Icon"]).is_file()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(home / "mime/packages/c27desk.xml").getroot()
    globs = {t.get("type"): t.find("m:glob", ns).get("pattern") for t in mime.findall("m:mime-type", ns)}
    assert globs == {"application/x-c27desk-package": "*.c27", "application/x-c27desk-form": "*.c27form"}


def test_window_command_from_python_is_this_python_running_the_package(monkeypatch):
    monkeypatch.delattr("sys.frozen", raising=False)
    command = desktop.window_command()
    assert command[1:] == ["-m", "c27desk"] and Path(command[0]).exists()


def test_the_built_cli_points_the_association_at_the_window_program_beside_it(tmp_path, monkeypatch):
    name = "c27desk.exe" if os.name == "nt" else "c27desk"
    (tmp_path / name).write_bytes(b"")
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys.executable", str(tmp_path / "c27desk-cli"))
    assert desktop.window_command() == [str(tmp_path / name)]


@pytest.mark.parametrize(("argv", "routed"), [
    (["D:\\usb\\HU_2023_r1.C27"], ["gui", "D:\\usb\\HU_2023_r1.C27"]),
    (["--db", "x.sqlite3", "a.c27", "b.c27form"], ["--db", "x.sqlite3", "gui", "a.c27", "b.c27form"]),
    (["--lang=en", "a.c27"], ["--lang=en", "gui", "a.c27"]),
    (["import", "a.c27"], ["import", "a.c27"]),  # a command keeps its own arguments
    (["--db", "a.c27"], ["--db", "a.c27"]),  # an option's value is not a file to open
    (["notes.txt"], ["notes.txt"]),  # left to the parser, which names the unknown command
    ([], []),
])
def test_files_where_the_command_belongs_open_the_window(argv, routed):
    assert route_opened_files(build_parser(), argv) == routed
