"""What a start loads: the heavy libraries wait until they are used (bench/bench_startup.py times it)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = {"PySide6", "reportlab", "pikepdf", "pyhanko", "openpyxl", "sqlite_utils"}


def loaded_after(code: str) -> set[str]:
    """Every module (and each one's top-level package) loaded after running ``code`` in a fresh Python."""
    out = subprocess.run([sys.executable, "-c", code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"],
                         capture_output=True, text=True, check=True)
    modules = set(json.loads(out.stdout.splitlines()[-1]))
    return modules | {m.split(".")[0] for m in modules}


def test_version_loads_neither_qt_nor_the_renderer_nor_the_database():
    assert not loaded_after("from c27desk.cli import main\nassert main(['--version']) == 0") & HEAVY


def test_the_window_loads_no_renderer_signing_or_spreadsheet_library_before_use():
    loaded = loaded_after("import c27desk.gui.app, c27desk.gui.main_window")
    assert "PySide6.QtWidgets" in loaded
    assert not loaded & {"reportlab", "pikepdf", "pyhanko", "openpyxl", "PySide6.QtPdf", "PySide6.QtPdfWidgets",
                          "asn1crypto"}  # certificates: the office menu loads them when a CA is added


def test_the_window_starts_without_loading_the_other_commands():
    from c27desk.cli import opens_window

    assert opens_window([]) and opens_window(["--db", "x.sqlite3", "--lang", "en"]) and opens_window(["gui"])
    assert not opens_window(["--lang", "en", "check"]) and not opens_window(["--help"])
    loaded = loaded_after("from c27desk import cli\ncli.build_parser('gui' if cli.opens_window([]) else None)")
    assert {m for m in loaded if m.startswith("c27desk.commands.")} == {"c27desk.commands.gui"}


# what the window's start may load of Qt: the three modules the entry table is drawn with (and PySide's own
# support package); the PDF viewer, printing, SVG and charts load when first used
QT_AT_START = {"PySide6", "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"}


def test_starting_the_window_loads_only_what_its_first_paint_needs():
    loaded = loaded_after("import c27desk.cli, c27desk.commands.gui, c27desk.gui.app, c27desk.gui.main_window, "
                          "c27desk.gui.setup_dialog, c27desk.gui.desktop_files")
    qt = {m for m in loaded if m.startswith("PySide6.") and not m.startswith("PySide6.support")} | {"PySide6"}
    assert qt == QT_AT_START
    assert not {m for m in loaded if m.startswith(("c27desk.report", "c27desk.exchange", "c27desk.consolidate"))}
    assert "multiprocessing" not in loaded  # the import's workers bring it, and the frozen program's start


def test_the_program_started_from_python_loads_no_multiprocessing():
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "c27desk", "--version"], capture_output=True,
                         text=True, check=True)
    assert out.stdout.startswith("c27desk ")
    assert "multiprocessing" not in out.stderr
