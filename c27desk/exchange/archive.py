"""Every received file, kept by content beside the database: ``<db>-archive/ab/abcdef….c27``.

Nothing received is ever lost, accepted or refused: the archive is written before any check,
atomically, and a file already there is not written twice.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from c27desk.fileio import atomic_write_bytes, os_text
from c27desk.i18n import Text, msg


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


# -- the decision taken on each file, kept beside it so that a restored database can replay it ------
@dataclass(frozen=True)
class Decision:
    outcome: str  # accepted | already | superseded | refused
    reason: str  # the refusal's code
    signer_accepted: bool  # the operator confirmed a new or renewed signer for this file
    at: str


def decision_path(file: Path) -> Path:
    return Path(file).with_suffix(".json")


def note_decision(db_path: Path, digest: str, decision: Decision) -> None:
    """Write (atomically) what became of an archived file; the database's import log says the same,
    but a restore of an older database loses that log while the archive stays."""
    body = json.dumps({"outcome": decision.outcome, "reason": decision.reason,
                       "signer_accepted": decision.signer_accepted, "at": decision.at}, ensure_ascii=False)
    target = decision_path(path_for(db_path, digest))
    earlier = read_decision(path_for(db_path, digest))
    if earlier is not None and earlier.outcome == "accepted":
        return  # the first acceptance is the decision to replay; later sightings of the file change nothing
    if target.parent.is_dir():
        atomic_write_bytes(target, body.encode("utf-8"))


def read_decision(file: Path) -> Decision | None:
    try:
        data = json.loads(decision_path(file).read_text(encoding="utf-8"))
        return Decision(str(data["outcome"]), str(data.get("reason", "")), bool(data.get("signer_accepted")),
                        str(data.get("at", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None



def not_plain_file(path: Path) -> Text | None:
    """Why ``path`` is not read as a package, or None for a plain file. Checked without
    following links: a link could point anywhere, a FIFO would block the read forever."""
    import stat

    try:
        mode = path.lstat().st_mode
    except OSError as exc:
        return os_text(exc)
    if stat.S_ISLNK(mode):
        return msg("là liên kết tắt, không đọc", "a link (symlink), not read")
    if stat.S_ISDIR(mode):
        return msg("là thư mục", "a folder")
    if not stat.S_ISREG(mode):
        return msg("không phải tệp thường (ống dẫn, thiết bị…), không đọc", "not a regular file (FIFO, device…), not read")
    return None


def archived_files(folder: Path, skipped: list[tuple[Path, Text]] | None = None) -> list[Path]:
    """Every package in an archive folder (kept in sub-folders by digest), oldest decision first; entries
    that are not plain files go to ``skipped`` with their reason."""
    files = []
    for p in Path(folder).rglob("*.c27"):
        reason = not_plain_file(p)
        if reason is None:
            files.append(p)
        elif skipped is not None:
            skipped.append((p, reason))

    def order(p: Path) -> tuple[int, str, str]:
        d = read_decision(p)
        return (0, d.at, p.name) if d else (1, "", p.name)

    return sorted(files, key=order)


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
