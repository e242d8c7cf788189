"""The house rule: Qt lives only under c27desk/gui/, and model/ does no I/O."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "c27desk"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_module_outside_gui_imports_pyside6():
    offenders = [
        str(p.relative_to(PACKAGE.parent))
        for p in PACKAGE.rglob("*.py")
        if "gui" not in p.relative_to(PACKAGE).parts[:1]
        and any(n.split(".")[0] == "PySide6" for n in _imports(p))
    ]
    assert offenders == []


def test_model_imports_no_io_or_storage():
    forbidden = {"sqlite3", "sqlite_utils", "PySide6", "os", "pathlib", "shutil", "c27desk.store", "c27desk.gui"}
    offenders = {
        p.name: sorted(n for n in _imports(p) if n in forbidden or n.split(".")[0] in {"sqlite3", "PySide6"})
        for p in (PACKAGE / "model").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_the_cli_does_not_load_qt():
    import subprocess
    import sys

    code = "import sys, c27desk.cli; c27desk.cli.build_parser(); print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
