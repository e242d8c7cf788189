"""Every test runs with its own data folder: no test can touch a real user's database."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the rescaled stamp font is made once per session, never in the user's own cache
os.environ.setdefault("C27DESK_CACHE_DIR", tempfile.mkdtemp(prefix="c27desk-test-cache-"))

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


def finalise_demo(db_path: Path, year: int = 2023) -> None:
    """Finalise a demo report as revision 1 (warnings acknowledged), as a user would before signing."""
    from c27desk.store.database import open_database
    from c27desk.workflow import finalise_report, open_report

    db = open_database(db_path)
    try:
        finalise_report(db, open_report(db, year), who="tester", acknowledge_warnings=True)
    finally:
        db.close()


@pytest.fixture
def final_demo(demo_db):
    """The demo database with its 2023 report finalised (revision 1)."""
    finalise_demo(demo_db)
    return demo_db


@pytest.fixture
def cli(db_path, capsys):
    """Run the command line in-process against the test database: returns (exit code, stdout, stderr)."""
    from c27desk.cli import main

    def run(*args: str, db: Path | None = None):
        code = main(["--db", str(db or db_path), *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


@pytest.fixture(scope="session")
def unit_keys(tmp_path_factory):
    """Trial keys of the demo unit (Tỉnh ủy Đồng Nai): CA, .p12, certificate."""
    from tests.signing_support import make_unit_keys

    return make_unit_keys(tmp_path_factory.mktemp("keys"), "TU-DONGNAI", "Tỉnh ủy Đồng Nai")


@pytest.fixture(scope="session")
def token(tmp_path_factory, unit_keys):
    """A SoftHSM2 token holding the demo unit's key under the label "dongnai"."""
    from tests.signing_support import make_token

    tok = make_token(tmp_path_factory.mktemp("softhsm"))
    tok.load(unit_keys, "dongnai", "01")
    return tok
