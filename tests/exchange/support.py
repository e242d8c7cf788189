"""Units, offices and packages for the exchange tests, made the way users make them (the command line)."""

from __future__ import annotations

import io
import sqlite3
import stat
import zipfile
from pathlib import Path

from c27desk.cli import main
from c27desk.exchange.documents import canonical_json, sha256
from c27desk.exchange.package import PackageParts, build_package, read_package

YEAR = 2023
# what an import may change; the import log and the archive index grow on every file, accepted or not
STATE_TABLES = ("units", "periods", "value_entries", "revisions", "unit_signers", "received_revisions",
                "trusted_cas", "audit_log")


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def make_child(db: Path, code: str, name: str, *, changes: str = "", reopen_with: str = "") -> Path:
    """A district unit's database with the demo figures, finalised as r1 (and r2 when ``reopen_with``)."""
    assert run(db, "init", "--unit-code", code, "--unit-name", name, "--level", "huyen", "--parent",
               "TU-DONGNAI", "--place", name.split("ủy ")[-1]) == 0
    assert run(db, "values", "load", str(district_csv(db)), "--period", str(YEAR)) == 0
    assert run(db, "period", "set", str(YEAR), "--place", name.split("ủy ")[-1], "--signer-authority",
               "T/M BAN THƯỜNG VỤ", "--signer-title", "BÍ THƯ", "--signer-name", "Nguyễn Văn An",
               "--report-number", "12", "--report-date", "2024-02-15", "--recipients", "- Tỉnh ủy,\n- Lưu VP.") == 0
    if changes:
        assert run(db, "values", "load", str(csv_file(db, changes)), "--period", str(YEAR)) == 0
    assert run(db, "finalise", "--period", str(YEAR), "--accept-warnings") == 0
    if reopen_with:
        assert run(db, "reopen", "--period", str(YEAR), "--yes") == 0
        assert run(db, "values", "load", str(csv_file(db, reopen_with)), "--period", str(YEAR)) == 0
        assert run(db, "finalise", "--period", str(YEAR), "--accept-warnings") == 0
    return db


def district_csv(db: Path) -> Path:
    """The demo figures a district answers (its form does not ask it for the districts' totals)."""
    from c27desk.demo import demo_values_for_level

    path = db.with_suffix(".huyen.csv")
    path.write_bytes(demo_values_for_level("huyen"))
    return path


def csv_file(db: Path, rows: str) -> Path:
    path = db.with_suffix(f".{abs(hash(rows))}.csv")
    path.write_text("criterion,value,explanation\n" + rows, encoding="utf-8")
    return path


def export(db: Path, spec, out: Path, *, confirm_signer: bool = False) -> bytes:
    from c27desk.exchange.export import export_package
    from c27desk.store.database import open_database

    handle = open_database(db)
    try:
        return export_package(handle, YEAR, out, spec=spec, who="tester",
                              confirm_signer=confirm_signer).path.read_bytes()
    finally:
        handle.close()


def state(db: Path) -> dict[str, list]:
    """Everything an import may change, read straight from the file."""
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in STATE_TABLES}
    finally:
        conn.close()


def held_values(db: Path, unit: str) -> dict:
    from c27desk.store import revisions
    from c27desk.store.database import open_database

    handle = open_database(db, check_integrity=False)
    try:
        rev = revisions.latest_final(handle, unit, YEAR)
        return {"revision": rev.number if rev else None,
                "entries": revisions.snapshot(handle, unit, YEAR, rev.number) if rev else {}}
    finally:
        handle.close()


def forge(raw: bytes, *, manifest=None, data=None, appendix=None, sign_with=None, fix_hashes: bool = True,
          signature: bytes | None = None) -> bytes:
    """A package with some parts replaced; member hashes fixed and the manifest re-signed unless told not to.

    ``manifest`` is a function of the manifest dict, or bytes to use as they are."""
    import json

    from c27desk.report.signing import cms_sign_detached

    parts = read_package(raw)
    new_data = data if data is not None else parts.data
    new_appendix = appendix if appendix is not None else parts.appendix
    if isinstance(manifest, bytes):
        new_manifest = manifest
    else:
        doc = json.loads(parts.manifest)
        if fix_hashes:
            doc["members"] = {"data.json": {"sha256": sha256(new_data), "size": len(new_data)},
                              "appendix.pdf": {"sha256": sha256(new_appendix), "size": len(new_appendix)}}
        if manifest is not None:
            doc = manifest(doc)
        new_manifest = canonical_json(doc)
    if signature is None:
        signature = cms_sign_detached(new_manifest, sign_with) if sign_with is not None else parts.signature
    return build_package(PackageParts(new_manifest, signature, new_data, new_appendix))


def zip_of(members: list[tuple[str, bytes]], *, attrs: dict | None = None) -> bytes:
    """A zip written member by member as given: hostile names, links, duplicates and all."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2021, 1, 1, 0, 0, 0))
            info.create_system = 3
            info.external_attr = (attrs or {}).get(name, (stat.S_IFREG | 0o644) << 16)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return out.getvalue()


def copy_db(source: Path, target: Path) -> Path:
    """A copy through SQLite's backup API, as the program itself copies a database."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return target
