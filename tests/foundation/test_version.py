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


def test_selftest_runs_the_whole_chain_without_touching_the_users_database(cli, db_path):
    code, out, err = cli("--lang", "en", "selftest")
    assert code == 0, err
    for step in ("resources", "unit database", "trial keys", "appendix", "sign + verify", "export", "import",
                 "consolidate"):
        assert f"✓ {step}" in out
    assert f"c27desk {VERSION}" in out
    assert not db_path.exists()


def test_the_appendix_pdf_names_the_version(demo_db):
    import subprocess

    from c27desk.report.appendix import appendix_content
    from c27desk.report.appendix_pdf import render_appendix
    from c27desk.store.database import open_database

    db = open_database(demo_db)
    try:
        pdf = render_appendix(appendix_content(db, 2023, draft=True)).pdf
    finally:
        db.close()
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert f"Creator:         c27desk {VERSION}" in info
