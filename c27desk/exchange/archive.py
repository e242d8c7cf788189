"""Every received file, kept by content beside the database: ``<db>-archive/ab/abcdef….c27``.

Nothing received is ever lost, accepted or refused: the archive is written before any check,
atomically, and a file already there is not written twice.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from c27desk.fileio import atomic_write_bytes


def archive_dir(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}-archive")


def path_for(db_path: Path, digest: str) -> Path:
    return archive_dir(db_path) / digest[:2] / f"{digest}.c27"


def keep(db_path: Path, raw: bytes) -> str:
    digest = hashlib.sha256(raw).hexdigest()
    target = path_for(db_path, digest)
    if not (target.exists() and target.stat().st_size == len(raw)):
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(target, raw)
    return digest


def clean_partial(db_path: Path) -> int:
    """Remove what an interrupted archive write left behind (``.*.part``); called by the one writer
    holding the database lock before a batch, so nothing half-written lingers beside complete files."""
    folder = archive_dir(db_path)
    removed = 0
    if not folder.is_dir():
        return 0
    for leftover in folder.glob("*/.*.part"):
        try:
            leftover.unlink()
            removed += 1
        except OSError:
            pass  # another try at the next batch; a leftover is untidy, not harmful
    return removed
