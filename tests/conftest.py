"""Every test runs with its own data folder: no test can touch a real user's database."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the rescaled stamp font is made once per session, never in the user's own cache, and removed after it
if "C27DESK_CACHE_DIR" not in os.environ:
    os.environ["C27DESK_CACHE_DIR"] = tempfile.mkdtemp(prefix="c27desk-test-cache-")
    atexit.register(shutil.rmtree, os.environ["C27DESK_CACHE_DIR"], ignore_errors=True)

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
    from c27desk import log
    from c27desk.i18n import set_language

    log.reset()  # each test's log goes to its own data folder
    set_language("vi")  # the language is process state: every test starts in Vietnamese


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application, with Qt's own words in Vietnamese from the start as in the program
    (installed before any window exists: installing later re-translates every window still open)."""
    from c27desk.gui.qt_strings import install_qt_strings

    install_qt_strings("vi")
    return qapp


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
def child_keys(tmp_path_factory):
    """Trial keys (each with its own trial CA) of two district units under the demo province."""
    from tests.signing_support import make_unit_keys

    folder = tmp_path_factory.mktemp("child-keys")
    return {code: make_unit_keys(folder / code, code, name)
            for code, name in (("HU-BIENHOA", "Huyện ủy Biên Hòa"), ("HU-LONGKHANH", "Huyện ủy Long Khánh"))}


@pytest.fixture(scope="session")
def tokens(tmp_path_factory, unit_keys, child_keys):
    """Two SoftHSM2 tokens, each holding one unit's key: the province's ("dongnai"), Biên Hòa's ("bienhoa")."""
    from tests.signing_support import TOKEN_LABEL, TOKEN_LABEL_2, make_tokens

    first, second = make_tokens(tmp_path_factory.mktemp("softhsm"), [TOKEN_LABEL, TOKEN_LABEL_2])
    first.load(unit_keys, "dongnai", "01")
    second.load(child_keys["HU-BIENHOA"], "bienhoa", "02")
    return first, second


@pytest.fixture
def token(tokens):
    return tokens[0]


# -- an office (the demo province) with three district units, and the districts' own databases ----------
@pytest.fixture
def office(demo_db, child_keys):
    """The province's database: three districts declared, the two districts' trial CAs trusted."""
    from tests.exchange.support import run

    for code, name in (("HU-BIENHOA", "Huyện ủy Biên Hòa"), ("HU-LONGKHANH", "Huyện ủy Long Khánh"),
                       ("HU-NHONTRACH", "Huyện ủy Nhơn Trạch")):
        assert run(demo_db, "units", "add", "--code", code, "--name", name, "--level", "huyen") == 0
    for keys in child_keys.values():
        assert run(demo_db, "trust", "add-ca", str(keys.ca_pem)) == 0
    return demo_db


@pytest.fixture
def bienhoa(tmp_path):
    from tests.exchange.support import make_child

    return make_child(tmp_path / "bienhoa.sqlite3", "HU-BIENHOA", "Huyện ủy Biên Hòa")


@pytest.fixture
def longkhanh(tmp_path):
    from tests.exchange.support import make_child

    return make_child(tmp_path / "longkhanh.sqlite3", "HU-LONGKHANH", "Huyện ủy Long Khánh",
                      changes="II.1,450,\nVI.5,3,\n")
