"""Which revision numbers this unit has exported, with their content: kept OUTSIDE the database.

Restoring an older backup puts back an older database, in which a revision that was already
sent upward may be open again. If it were finalised with other content under the same number,
the office above (which holds that number) would refuse it as a conflict, or worse, two
different reports would carry one number. So every export is also noted in a small JSON file
beside the database (``<name>-revisions.json``), written atomically, which a restore does not
touch; finalising consults it and moves to the next free number.
"""

from __future__ import annotations

import json
from pathlib import Path

from c27desk.fileio import atomic_write_bytes


def ledger_path(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}-revisions.json")


def _read(db_path: Path) -> dict[str, str]:
    path = ledger_path(db_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):  # a damaged ledger must not stop work; the database still has its exports
        return {}
    exported = data.get("exported") if isinstance(data, dict) else None
    return {k: v for k, v in exported.items() if isinstance(v, str)} if isinstance(exported, dict) else {}


def issued(db_path: Path, unit: str, year: int) -> dict[int, str]:
    """Revision number → content hash of every revision of ``unit``'s ``year`` report ever exported."""
    out = {}
    for key, digest in _read(db_path).items():
        u, _, rest = key.partition("/")
        y, _, n = rest.partition("/")
        if u == unit and y == str(year) and n.isdigit():
            out[int(n)] = digest
    return out


def record(db_path: Path, unit: str, year: int, number: int, content_hash: str) -> None:
    exported = _read(db_path)
    key = f"{unit}/{year}/{number}"
    if exported.get(key) == content_hash:
        return
    exported[key] = content_hash
    body = json.dumps({"format": 1, "exported": dict(sorted(exported.items()))}, ensure_ascii=False, indent=1)
    atomic_write_bytes(ledger_path(db_path), body.encode("utf-8"))


def number_for(db_path: Path, unit: str, year: int, planned: int, content_hash: str) -> int:
    """The number a revision with this content may be finalised as: ``planned`` unless that number (or a
    later one) already went out with other content, then the next number after every one issued."""
    done = issued(db_path, unit, year)
    if not done:
        return planned
    top = max(done)
    if done.get(top) == content_hash and planned <= top:
        return top  # the very content already sent as the newest revision: the same revision
    if planned > top:
        return planned
    return top + 1
