"""Every command that writes, against the faults a user's machine has: a full disk or stick, a
write-protected stick or folder, a folder that cannot exist, a stick pulled out mid-write or
mid-read, a database on read-only or full media. Each must end with one clear line on stderr
and exit 1, never a traceback; the log keeps what happened (and the traceback of the fault).

Real tmpfs media where the machine lets us (root, as in CI); the injected faults run everywhere.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from c27desk import log
from tests.exchange.support import YEAR
from tests.reliability.faulty_io import fail_file_io, mount_tmpfs
from tests.signing_support import PASSPHRASE


@pytest.fixture
def media(tmp_path):
    """``media(kind)``: a folder that is a full stick, a write-protected stick, a path that cannot
    be made, or a plain folder (for the injected faults); unmounted afterwards."""
    mounted: list[Path] = []

    def make(kind: str, content: Path | None = None) -> Path:
        where = tmp_path / f"media-{kind}-{len(mounted)}"
        if kind == "missing":  # a drive that is not there: the path runs through a file, nothing can make it
            (tmp_path / "not-a-drive").write_text("x")
            return tmp_path / "not-a-drive" / "c27"
        if kind == "plain":
            where.mkdir()
            return where
        size = (content.stat().st_size + 64 * 1024) if content else 4096
        if not mount_tmpfs(where, f"size={size}"):
            pytest.skip("cannot mount a tmpfs here (not root); the injected faults cover this")
        mounted.append(where)
        if content is not None:
            shutil.copy2(content, where / content.name)
        if kind == "full":
            fd = os.open(where / "filler", os.O_WRONLY | os.O_CREAT)
            try:  # fill what is left
                while os.write(fd, b"\0" * 4096):
                    pass
            except OSError:
                pass
            finally:
                os.close(fd)
        elif kind == "read-only":
            assert subprocess.run(["mount", "-o", "remount,ro", str(where)]).returncode == 0
        return where

    yield make
    for where in reversed(mounted):
        subprocess.run(["umount", "-l", str(where)], check=False)


# -- what each command needs: (database fixture, arguments with {out} for the output folder) -----------
def _p12(request) -> str:
    return str(request.getfixturevalue("unit_keys").p12)


OUTPUT_COMMANDS: dict[str, tuple[str, Callable]] = {
    "values dump": ("demo_db", lambda out, rq: ["values", "dump", "--period", "2023", "--out", f"{out}/values.csv"]),
    "appendix draft": ("demo_db", lambda out, rq: ["appendix", "--period", "2023", "--draft", "--out", f"{out}/a.pdf"]),
    "appendix sign": ("final_demo", lambda out, rq: ["appendix", "--period", "2023", "--out", f"{out}/s.pdf",
                                                      "--sign-p12", _p12(rq)]),
    "export": ("bienhoa", lambda out, rq: ["export", "--period", str(YEAR), "--out", str(out), "--sign-p12",
                                           str(rq.getfixturevalue("child_keys")["HU-BIENHOA"].p12)]),
    "consolidate xlsx": ("office", lambda out, rq: ["consolidate", "--period", "2023", "--out", f"{out}/t.xlsx"]),
    "consolidate csv": ("office", lambda out, rq: ["consolidate", "--period", "2023", "--out", f"{out}/t.csv"]),
    "keys demo": ("demo_db", lambda out, rq: ["keys", "demo", "--out", f"{out}/keys", "--unit-code", "HU-THU"]),
}


def run_command(request, cli, monkeypatch, name: str, out: Path, db: Path | None = None):
    fixture, args = OUTPUT_COMMANDS[name]
    db = db or request.getfixturevalue(fixture)
    monkeypatch.setenv("C27DESK_PIN", PASSPHRASE)
    return cli(*args(out, request), db=db)


def assert_one_clear_line(code: int, err: str, *, logged: str) -> None:
    """Exit 1, the reason as the last line of stderr, no traceback; the log holds the refusal or
    fault with the command's name, and where a disk fault caused it, its traceback."""
    assert code == 1, err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("c27desk: "), err
    text = log.log_path().read_text(encoding="utf-8")
    assert f"in command {logged}" in text
    assert "refused [" in text or "failed in command" in text


@pytest.mark.parametrize("fault", ["full", "read-only", "missing"])
@pytest.mark.parametrize("name", list(OUTPUT_COMMANDS))
def test_writing_to_faulty_media(request, cli, media, monkeypatch, name, fault):
    out = media(fault)
    code, _, err = run_command(request, cli, monkeypatch, name, out)
    assert_one_clear_line(code, err, logged=name.split()[0] if name != "values dump" else name)
    if fault != "missing" and out.exists():
        assert not [p for p in out.rglob("*") if p.is_file() and p.name != "filler"]  # nothing half-written


@pytest.mark.parametrize("error", [errno.ENOSPC, errno.EIO])
@pytest.mark.parametrize("name", list(OUTPUT_COMMANDS))
def test_write_fails_midway(request, cli, media, monkeypatch, name, error):
    out = media("plain")
    fail_file_io(monkeypatch, error)
    code, _, err = run_command(request, cli, monkeypatch, name, out)
    assert_one_clear_line(code, err, logged=name.split()[0] if name != "values dump" else name)
    assert {errno.ENOSPC: "đầy", errno.EIO: "lỗi đọc/ghi"}[error] in err
    assert "Traceback" in log.log_path().read_text(encoding="utf-8")  # the fault's, for whoever helps


DATABASE_COMMANDS = {
    "values load": lambda tmp: ["values", "load", str(_csv(tmp)), "--period", "2023"],
    "period set": lambda tmp: ["period", "set", "2023", "--report-number", "46"],
    "carry-forward": lambda tmp: ["carry-forward", "--period", "2024"],
    "backup": lambda tmp: ["backup"],
}


def _csv(tmp: Path) -> Path:
    path = tmp / "values.csv"
    path.write_text("criterion,value,explanation\nII.1,450,\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("fault", ["full", "read-only"])
@pytest.mark.parametrize("name", list(DATABASE_COMMANDS))
def test_database_on_faulty_media(demo_db, cli, media, tmp_path, name, fault):
    folder = media(fault, content=demo_db)
    code, _, err = cli(*DATABASE_COMMANDS[name](tmp_path), db=folder / demo_db.name)
    assert_one_clear_line(code, err, logged=name)


@pytest.mark.parametrize("name,args", [
    ("values load", lambda f: ["values", "load", str(f), "--period", "2023"]),
    ("trust add-ca", lambda f: ["trust", "add-ca", str(f)]),
    ("verify", lambda f: ["verify", str(f)]),
])
def test_stick_pulled_out_while_reading(demo_db, cli, tmp_path, monkeypatch, name, args):
    source = _csv(tmp_path)
    fail_file_io(monkeypatch, errno.EIO, on="read")
    code, _, err = cli(*args(source), db=demo_db)
    assert_one_clear_line(code, err, logged=name)
    assert "lỗi đọc/ghi" in err and "Traceback" in log.log_path().read_text(encoding="utf-8")
