"""Exporting to a full or write-protected stick: a clear message, and no file left that looks good.

Where the machine lets us (root, as in CI), the stick is a real tiny or read-only tmpfs; the
simulated variants inject the same operating-system errors and run everywhere.
"""

from __future__ import annotations

import errno
import subprocess
from pathlib import Path

import pytest

from tests.exchange.support import YEAR
from tests.reliability.faulty_io import fail_file_io, mount_tmpfs
from tests.signing_support import PASSPHRASE


@pytest.fixture
def stick(tmp_path, request):
    """A mounted tmpfs stick; unmounted afterwards."""
    where = tmp_path / "usb"
    if not mount_tmpfs(where, request.param):
        pytest.skip("cannot mount a tmpfs here (not root); the simulated variant covers this")
    yield where
    subprocess.run(["umount", str(where)], check=False)


def export(cli, db, out, p12, monkeypatch):
    monkeypatch.setenv("C27DESK_PIN", PASSPHRASE)
    return cli("export", "--period", str(YEAR), "--out", str(out), "--sign-p12", str(p12), db=db)


def nothing_left(folder: Path) -> bool:
    return not any(folder.iterdir())


@pytest.mark.parametrize("stick", ["size=48k"], indirect=True)
def test_full_stick_real(bienhoa, child_keys, cli, stick, monkeypatch):
    code, _, err = export(cli, bienhoa, stick, child_keys["HU-BIENHOA"].p12, monkeypatch)
    assert code == 1 and "thiết bị hoặc ổ đĩa đã đầy" in err and "Traceback" not in err
    assert nothing_left(stick)


@pytest.mark.parametrize("stick", ["ro,size=1m"], indirect=True)
def test_read_only_stick_real(bienhoa, child_keys, cli, stick, monkeypatch):
    code, _, err = export(cli, bienhoa, stick, child_keys["HU-BIENHOA"].p12, monkeypatch)
    assert code == 1 and "chỉ cho đọc" in err
    assert nothing_left(stick)


@pytest.mark.parametrize("error", [errno.ENOSPC, errno.EROFS, errno.EIO])
def test_write_failures_simulated(bienhoa, child_keys, cli, tmp_path, monkeypatch, error):
    """The write fails midway (as on a full stick) or the file cannot be created at all."""
    usb = tmp_path / "usb"
    usb.mkdir()
    fail_file_io(monkeypatch, error)  # writes fail; reading (the .p12, through fileio.read_file) is untouched
    code, _, err = export(cli, bienhoa, usb, child_keys["HU-BIENHOA"].p12, monkeypatch)
    expected = {errno.ENOSPC: "đã đầy", errno.EROFS: "chỉ cho đọc", errno.EIO: "lỗi đọc/ghi thiết bị"}[error]
    assert code == 1 and expected in err
    assert nothing_left(usb)


def test_a_stick_that_loses_the_write_is_caught_by_the_read_back(bienhoa, child_keys, cli, tmp_path, monkeypatch):
    import c27desk.exchange.export as export_module

    usb = tmp_path / "usb"

    def corrupted(path):
        data = bytearray(Path(path).read_bytes())
        data[len(data) // 2] ^= 0xFF
        return bytes(data)

    monkeypatch.setattr(export_module, "_read_back", corrupted)
    code, _, err = export(cli, bienhoa, usb, child_keys["HU-BIENHOA"].p12, monkeypatch)
    assert code == 1 and "đọc lại khác" in err
    assert nothing_left(usb)
