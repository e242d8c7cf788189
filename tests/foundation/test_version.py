"""One version everywhere: pyproject.toml, the package, the frozen-build fallback, --version."""

import tomllib
from pathlib import Path

import c27desk
from c27desk._version import VERSION

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_versions_agree(cli):
    declared = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]
    assert c27desk.__version__ == declared == VERSION


def test_version_flag(capsys):
    from c27desk.cli import main

    try:
        main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert capsys.readouterr().out.strip() == f"c27desk {VERSION}"
