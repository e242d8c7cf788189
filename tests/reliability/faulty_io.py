"""A stick that fails under the program: writes (or reads) through ``c27desk.fileio`` raise an
operating-system error midway, as on a full disk or a stick pulled out."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def mount_tmpfs(where: Path, options: str) -> bool:
    """A real tiny, full or read-only stick where the machine lets us (root, as in CI)."""
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True)
    return done.returncode == 0


def fail_file_io(monkeypatch, error: int, *, on: str = "write") -> None:
    """From now on, files opened by ``c27desk.fileio`` for ``on`` ("write" or "read") fail with
    ``error``: a write after half its bytes, a read at once. The other direction is untouched
    (the .p12 is still read when writes fail)."""
    import c27desk.fileio as fileio

    real_fdopen = os.fdopen

    class Failing:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            self.fh.write(data[: len(data) // 2])
            raise OSError(error, os.strerror(error))

        def read(self, *_):
            raise OSError(error, os.strerror(error))

    def fdopen(fd, mode, **kw):
        fails = ("w" in mode) if on == "write" else ("r" in mode)
        return Failing(real_fdopen(fd, mode, **kw)) if fails else real_fdopen(fd, mode, **kw)

    monkeypatch.setattr(fileio.os, "fdopen", fdopen)
