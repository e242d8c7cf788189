"""Bringing a merged-away unit's history into its successor's database, from that unit's backup.

When a province is merged into another (or a commune into a new one), the successor keeps its
own database and takes in the other's: its units, its own report revisions and values, and every
revision it had received from its children, with where each came from. Nothing the successor
already holds is replaced: a row that exists is kept and counted as skipped. Pinned certificates
are not copied; trusting a signer stays a deliberate act (``units pin``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from c27desk.errors import StoreError
from c27desk.i18n import msg
from c27desk.store import backup, units
from c27desk.store.audit import log
from c27desk.store.backup import backed_up
from c27desk.store.clock import now


@dataclass(frozen=True)
class Absorbed:
    unit: str
    units: int
    revisions: int
    skipped: int


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def _copy(db: Database, src: sqlite3.Connection, table: str, where: str = "", params: tuple = ()) -> tuple[int, int]:
    """Insert the source's rows the successor does not hold (by primary key); returns (added, skipped)."""
    theirs, ours = _columns(src, table), set(_columns(db.conn, table))
    cols = [c for c in theirs if c in ours]
    if not cols:
        return 0, 0
    added = skipped = 0
    names = ", ".join(cols)
    for row in src.execute(f"SELECT {names} FROM {table} {where}", params).fetchall():
        if table == "units":  # never a second own unit; parents are linked once all units are in
            row = [0 if c == "is_self" else (None if c == "parent" else v) for c, v in zip(cols, row, strict=True)]
        cur = db.execute(f"INSERT OR IGNORE INTO {table}({names}) VALUES ({', '.join('?' * len(cols))})", list(row))
        if cur.rowcount:
            added += 1
        else:
            skipped += 1
    return added, skipped


@backed_up("history")
def absorb(db: Database, source: Path, *, who: str) -> Absorbed:
    """Take the history held in ``source`` (another unit's database or backup) into this database."""
    source = Path(source)
    if not source.is_file():
        raise StoreError(msg("Không có tệp {source}.",
                             "No such file {source}.",
                             source=source), code="HISTORY_MISSING")
    problem = backup.check_file(source)
    if problem:
        raise StoreError(msg("{source} không phải cơ sở dữ liệu dùng được (tệp hỏng hoặc không phải SQLite); không có "
                             "gì thay đổi.", "{source} is not a usable database (damaged, or not SQLite); nothing "
                             "changed.", source=source), code="HISTORY_BAD")
    me = units.require_self_unit(db)
    src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"units", "revisions", "value_entries", "periods", "catalogues"} <= tables:
            raise StoreError(msg("{source} không phải cơ sở dữ liệu c27desk; không có gì thay đổi.",
                                 "{source} is not a c27desk database; nothing changed.",
                                 source=source), code="HISTORY_BAD")
        row = src.execute("SELECT code FROM units WHERE is_self = 1").fetchone()
        if row is None:
            raise StoreError(msg("{source} chưa có đơn vị; không có gì thay đổi.",
                                 "{source} has no unit; nothing changed.",
                                 source=source),
                             code="HISTORY_BAD")
        theirs = row[0]
        if theirs == me.code:
            raise StoreError(msg("{source} là dữ liệu của chính đơn vị {code}; hãy dùng “c27desk restore”.",
                                 "{source} is {code}'s own data; use “c27desk restore” instead.",
                                 source=source, code=me.code),
                             code="HISTORY_SELF")
        known = {lk.predecessor for lk in units.links(db)}
        if theirs not in known:
            raise StoreError(msg("Sổ đơn vị không ghi {theirs} là đơn vị đã hợp nhất hoặc đổi mã (units merge / units rename "
                                 "--new-code); chỉ đưa vào lịch sử của đơn vị tiền thân; không có gì thay đổi.",
                                 "The register does not record {theirs} as merged or recoded (units merge / units rename "
                                 "--new-code); only a predecessor's history is brought in; nothing changed.",
                                 theirs=theirs),
                             code="HISTORY_NOT_PREDECESSOR")
        own_past = theirs in units.lineage(db, me.code)
        added_units = revisions = skipped = 0
        with db.atomic():
            for level in src.execute("SELECT code, name, rank, active FROM levels").fetchall():
                db.execute("INSERT OR IGNORE INTO levels(code, name, rank, active) VALUES (?, ?, ?, ?)", list(level))
            # their units, theirs included, as plain units (never this database's own); parents before children
            new_codes = [c for (c,) in src.execute("SELECT code FROM units ORDER BY code").fetchall()
                         if units.get_unit(db, c) is None]
            for code in new_codes:
                added_units += _copy(db, src, "units", "WHERE code = ?", (code,))[0]
            for code in new_codes:
                parent = src.execute("SELECT parent FROM units WHERE code = ?", [code]).fetchone()[0]
                if parent and units.get_unit(db, parent) is not None:
                    db.execute("UPDATE units SET parent = ? WHERE code = ?", [parent, code])
            for code in new_codes:
                if "unit_versions" in tables:
                    _copy(db, src, "unit_versions", "WHERE code = ?", (code,))
                if not db.execute("SELECT 1 FROM unit_versions WHERE code = ?", [code]).fetchone():
                    db.execute("INSERT INTO unit_versions(code, from_year, name, level, parent, at, who) "
                               "SELECT code, coalesce(valid_from, 0), name, level, parent, ?, ? FROM units "
                               "WHERE code = ?", [now(), who, code])
            if "unit_links" in tables:
                _copy(db, src, "unit_links")
            _copy(db, src, "catalogues")
            _copy(db, src, "periods")
            # received = came with a signed package the predecessor verified; its own drafts and unsent
            # revisions never count as received. Its own reports come in only when it is this database's
            # own predecessor (this unit's past, for carry-forward), never as a child's received report.
            if "received_revisions" in tables:
                _copy(db, src, "received_files")
                revisions, skipped = _copy(db, src, "revisions", "WHERE EXISTS (SELECT 1 FROM received_revisions r "
                                           "WHERE r.unit = revisions.unit AND r.year = revisions.year AND "
                                           "r.number = revisions.number) AND status = 'final'")
                _copy(db, src, "received_revisions")
            if own_past:
                added, skip = _copy(db, src, "revisions", "WHERE unit = ?", (theirs,))
                revisions, skipped = revisions + added, skipped + skip
                _copy(db, src, "value_entries", "WHERE unit = ?", (theirs,))
            log(db, "history", who=who, unit=theirs,
                detail=f"{source.name}: {added_units} units, {revisions} revisions, {skipped} kept as held")
    finally:
        src.close()
    return Absorbed(theirs, added_units, revisions, skipped)
