"""How the desktop knows c27desk: its file types and the per-user association that opens them.

Double-clicking a ``.c27`` package (or a ``.c27form`` form) should start the window with the file,
without an installer and without administrator rights. On Windows that is a few keys under
``HKEY_CURRENT_USER\\Software\\Classes``; on Linux a freedesktop ``.desktop`` file and a MIME
type in the user's data folder. Nothing here is written unless the user agrees (the window
offers it once, and again from its settings menu). No Qt here: the command line routes files
with the same suffixes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from c27desk.errors import C27Error
from c27desk.fileio import atomic_write_bytes, os_text
from c27desk.i18n import msg
from c27desk.resources import app_root

PACKAGE_SUFFIX = ".c27"
FORM_SUFFIX = ".c27form"
APP_ID = "c27desk"


@dataclass(frozen=True)
class FileType:
    suffix: str
    prog_id: str  # Windows' name for the type (HKCU\Software\Classes\<prog_id>)
    mime: str  # freedesktop's name for it
    vi: str
    en: str


FILE_TYPES = (
    FileType(PACKAGE_SUFFIX, "c27desk.package", "application/x-c27desk-package",
             "Gói báo cáo Chương trình 27", "Program 27 report package"),
    FileType(FORM_SUFFIX, "c27desk.form", "application/x-c27desk-form",
             "Mẫu biểu Chương trình 27", "Program 27 report form"),
)


def opens(name: str) -> bool:
    """Whether the window opens this file when it is given on the command line."""
    return Path(name).suffix.lower() in {t.suffix for t in FILE_TYPES}


def association_supported() -> bool:
    return sys.platform == "win32" or sys.platform.startswith("linux")


def window_command() -> list[str]:
    """The command that starts the window: in the built program the windowed ``c27desk.exe``
    beside the running executable (even when ``c27desk-cli.exe`` asks), else this Python running
    the package (``pythonw`` on Windows, so no console opens)."""
    exe = Path(sys.executable)
    if getattr(sys, "frozen", False):
        window = exe.with_name("c27desk.exe" if sys.platform == "win32" else "c27desk")
        return [str(window if window.exists() else exe)]
    if sys.platform == "win32" and exe.with_name("pythonw.exe").exists():
        exe = exe.with_name("pythonw.exe")
    return [str(exe), "-m", "c27desk"]


def _icon_file(name: str) -> Path:
    return app_root() / "resources" / "icons" / name


def _os_failure(exc: OSError, where: object) -> C27Error:
    return C27Error(msg("Không ghi được liên kết tệp ({where}): {why}.",
                        "Could not write the file association ({where}): {why}.", where=where, why=os_text(exc)),
                    code="ASSOCIATION")


# -- Windows ---------------------------------------------------------------------------------------
def windows_entries(command: list[str], lang: str = "vi") -> list[tuple[str, str, str]]:
    """(key under HKEY_CURRENT_USER, value name, data) for every file type; "" is the key's default."""
    line = " ".join(f'"{arg}"' for arg in command)  # Windows paths cannot hold '"'; quoting all keeps spaces safe
    icon = f'"{command[0]}",0' if command[0].lower().endswith(".exe") and len(command) == 1 \
        else f'"{_icon_file("c27desk.ico")}"'
    entries = []
    for t in FILE_TYPES:
        classes = r"Software\Classes"
        entries += [
            (rf"{classes}\{t.suffix}", "", t.prog_id),
            (rf"{classes}\{t.suffix}\OpenWithProgids", t.prog_id, ""),
            (rf"{classes}\{t.prog_id}", "", t.en if lang == "en" else t.vi),
            (rf"{classes}\{t.prog_id}\DefaultIcon", "", icon),
            (rf"{classes}\{t.prog_id}\shell\open\command", "", f'{line} "%1"'),
        ]
    return entries


def register_windows(command: list[str], *, lang: str = "vi", winreg=None, notify: bool = True) -> list[str]:
    """Write the entries for the current user only (HKCU: no administrator rights), then tell
    Explorer that associations changed so the icons show at once. Returns the keys written."""
    if winreg is None:
        import winreg  # Windows only
    written = []
    for key_path, name, data in windows_entries(command, lang):
        try:
            with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, key_path, 0, winreg.KEY_WRITE) as key:
                winreg.SetValueEx(key, name, 0, winreg.REG_SZ, data)
        except OSError as exc:
            raise _os_failure(exc, rf"HKEY_CURRENT_USER\{key_path}") from exc
        if key_path not in written:
            written.append(key_path)
    if notify:
        import ctypes

        shcne_assocchanged, shcnf_idlist = 0x08000000, 0
        ctypes.windll.shell32.SHChangeNotify(shcne_assocchanged, shcnf_idlist, None, None)
    return [rf"HKEY_CURRENT_USER\{k}" for k in written]


# -- Linux (freedesktop) -----------------------------------------------------------------------------
def _data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def _desktop_quote(arg: str) -> str:
    """An Exec argument per the Desktop Entry spec: quoted when it holds a reserved character."""
    arg = arg.replace("%", "%%")  # a lone % would be a field code
    if not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`'):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'.replace("\\", "\\\\")  # a .desktop string value escapes backslashes once more


def freedesktop_files(command: list[str]) -> dict[str, str]:
    """Relative path under the data folder → contents."""
    mime = "".join(
        f'  <mime-type type="{t.mime}">\n    <comment>{t.en}</comment>\n    <comment xml:lang="vi">{t.vi}</comment>\n'
        f'    <glob pattern="*{t.suffix}"/>\n  </mime-type>\n' for t in FILE_TYPES)
    desktop = "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Name=c27desk",
        "Comment=Báo cáo Chương trình 27",
        "Comment[en]=Program 27 report",
        f"Exec={' '.join(_desktop_quote(a) for a in command)} %F",
        f"Icon={_icon_file('c27desk-256.png')}",
        "Terminal=false",
        "Categories=Office;",
        f"MimeType={';'.join(t.mime for t in FILE_TYPES)};",
        "",
    ])
    return {
        f"mime/packages/{APP_ID}.xml": '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">\n' + mime + "</mime-info>\n",
        f"applications/{APP_ID}.desktop": desktop,
    }


def register_freedesktop(command: list[str], *, refresh: bool = True) -> list[str]:
    """Write the MIME types and the launcher into the user's data folder, then let the desktop's
    own tools (when installed) re-read them. Returns the files written."""
    home = _data_home()
    written = []
    for rel, text in freedesktop_files(command).items():
        path = home / rel
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _os_failure(exc, path.parent) from exc
        atomic_write_bytes(path, text.encode("utf-8"))
        written.append(str(path))
    if refresh:
        for tool, folder in (("update-mime-database", "mime"), ("update-desktop-database", "applications")):
            _quietly(tool, str(home / folder))
        for t in FILE_TYPES:  # the default handler (in the user's mimeapps.list): a file manager asks no question
            if not _quietly("xdg-mime", "default", f"{APP_ID}.desktop", t.mime):
                _quietly("gio", "mime", t.mime, f"{APP_ID}.desktop")
    return written


def _quietly(*command: str) -> bool:
    """Run a desktop tool if it is installed; True when it ran and succeeded. The files written
    already are the association: these tools only make the desktop notice them sooner."""
    if not shutil.which(command[0]):
        return False
    try:
        return subprocess.run(command, capture_output=True, check=False, timeout=60).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def register_file_types(lang: str = "vi") -> list[str]:
    """Associate .c27 and .c27form with the window for the current user; returns what was written."""
    command = window_command()
    if sys.platform == "win32":
        return register_windows(command, lang=lang)
    if sys.platform.startswith("linux"):
        return register_freedesktop(command)
    raise C27Error(msg("Hệ điều hành này chưa hỗ trợ liên kết tệp.",
                       "File association is not supported on this system."),
                   code="ASSOCIATION")
