"""Every test runs with its own data folder: no test can touch a real user's database."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SEED_APPENDIX = REPO / "tests" / "data" / "seed_appendix.md"
DEMO_CSV = REPO / "resources" / "demo" / "dongnai-2023.csv"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("C27DESK_DB", str(home / "default.sqlite3"))
    monkeypatch.setenv("C27DESK_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("C27DESK_USER", "tester")
    monkeypatch.setenv("C27DESK_LANG", "vi")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.delenv("C27DESK_PIN", raising=False)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "c27desk.sqlite3"


@pytest.fixture
def demo_db(db_path):
    """A database holding the demo (Tỉnh ủy Đồng Nai, 2023), already closed; yields its path."""
    from c27desk.demo import create_demo
    from c27desk.store.database import open_database

    db = open_database(db_path)
    try:
        create_demo(db, who="tester")
    finally:
        db.close()
    return db_path


@pytest.fixture
def cli(db_path, capsys):
    """Run the command line in-process against the test database: returns (exit code, stdout, stderr)."""
    from c27desk.cli import main

    def run(*args: str, db: Path | None = None):
        code = main(["--db", str(db or db_path), *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run
