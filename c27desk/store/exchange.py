"""SQL for the exchange: trusted CAs, pinned unit signers, received files, the import log, exports."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from c27desk.store.audit import log
from c27desk.store.clock import now


@dataclass(frozen=True)
class TrustedCa:
    fingerprint: str
    subject: str
    pem: str


@dataclass(frozen=True)
class PinnedSigner:
    unit: str
    fingerprint: str
    subject: str
    pem: str
    pinned_at: str


@dataclass(frozen=True)
class ImportRecord:
    id: int
    at: str
    who: str
    sha256: str
    file_name: str
    unit: str | None
    year: int | None
    revision: int | None
    outcome: str
    reason: str
    message: str
    signer: str
    signed_at: str


@dataclass(frozen=True)
class ReceivedRevision:
    unit: str
    year: int
    number: int
    sha256: str
    signer: str
    signed_at: str
    received_at: str


# -- trust ----------------------------------------------------------------------------------------
def trusted_cas(db: Database) -> list[TrustedCa]:
    return [TrustedCa(*r) for r in db.execute("SELECT fingerprint, subject, pem FROM trusted_cas ORDER BY added_at")]


def add_trusted_ca(db: Database, ca: TrustedCa, *, who: str) -> bool:
    """Add a root; False if it was already trusted."""
    with db.atomic():
        if db.execute("SELECT 1 FROM trusted_cas WHERE fingerprint = ?", [ca.fingerprint]).fetchone():
            return False
        db.execute("INSERT INTO trusted_cas(fingerprint, subject, pem, added_at, added_by) VALUES (?, ?, ?, ?, ?)",
                   [ca.fingerprint, ca.subject, ca.pem, now(), who])
        log(db, "trust-ca", who=who, new_value=ca.subject, detail=ca.fingerprint)
    return True


def remove_trusted_ca(db: Database, fingerprint: str, *, who: str) -> TrustedCa | None:
    """Stop trusting a root (audited); None when it was not trusted. Packages already accepted stay."""
    with db.atomic():
        row = db.execute("SELECT fingerprint, subject, pem FROM trusted_cas WHERE fingerprint = ?",
                         [fingerprint]).fetchone()
        if row is None:
            return None
        db.execute("DELETE FROM trusted_cas WHERE fingerprint = ?", [fingerprint])
        log(db, "untrust-ca", who=who, old_value=row[1], detail=row[0])
    return TrustedCa(*row)


def pinned_signer(db: Database, unit: str) -> PinnedSigner | None:
    row = db.execute("SELECT unit, fingerprint, subject, pem, pinned_at FROM unit_signers WHERE unit = ?",
                     [unit]).fetchone()
    return PinnedSigner(*row) if row else None


def units_pinned_to(db: Database, fingerprint: str) -> list[str]:
    """The units whose pinned signing certificate this is (a certificate belongs to one unit)."""
    return [r[0] for r in db.execute("SELECT unit FROM unit_signers WHERE fingerprint = ? ORDER BY unit",
                                     [fingerprint]).fetchall()]


def pin_signer(db: Database, unit: str, fingerprint: str, subject: str, pem: str, *, who: str) -> None:
    """Record (or renew) the certificate a unit signs with; call inside the import's transaction."""
    old = pinned_signer(db, unit)
    db.execute(
        "INSERT INTO unit_signers(unit, fingerprint, subject, pem, pinned_at, pinned_by) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(unit) DO UPDATE SET fingerprint = excluded.fingerprint, subject = excluded.subject, "
        "pem = excluded.pem, pinned_at = excluded.pinned_at, pinned_by = excluded.pinned_by",
        [unit, fingerprint, subject, pem, now(), who])
    log(db, "pin-signer", who=who, unit=unit, old_value=old.subject if old else None, new_value=subject,
        detail=f"{old.fingerprint if old else '-'} -> {fingerprint}")


# -- received files and the import log -----------------------------------------------------------
def record_received(db: Database, digest: str, size: int, name: str) -> None:
    db.execute("INSERT OR IGNORE INTO received_files(sha256, size, first_name, first_seen_at) VALUES (?, ?, ?, ?)",
               [digest, size, name, now()])


def log_import(db: Database, *, who: str, sha256: str, file_name: str, outcome: str, unit: str | None = None,
               year: int | None = None, revision: int | None = None, reason: str = "", message: str = "",
               signer: str = "", signed_at: str = "") -> None:
    db.execute(
        "INSERT INTO import_log(at, who, sha256, file_name, unit, year, revision, outcome, reason, message, signer, "
        "signed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [now(), who, sha256, file_name, unit, year, revision, outcome, reason, message, signer, signed_at])


def import_log(db: Database, *, unit: str | None = None, year: int | None = None) -> list[ImportRecord]:
    sql = ("SELECT id, at, who, sha256, file_name, unit, year, revision, outcome, reason, message, signer, signed_at "
           "FROM import_log WHERE (? IS NULL OR unit = ?) AND (? IS NULL OR year = ?) ORDER BY id")
    return [ImportRecord(*r) for r in db.execute(sql, [unit, unit, year, year])]


def record_received_revision(db: Database, rev: ReceivedRevision) -> None:
    db.execute("INSERT INTO received_revisions(unit, year, number, sha256, signer, signed_at, received_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)",
               [rev.unit, rev.year, rev.number, rev.sha256, rev.signer, rev.signed_at, rev.received_at])


def received_revisions(db: Database, year: int) -> dict[str, ReceivedRevision]:
    """The newest received revision of each child unit for a year."""
    rows = db.execute("SELECT unit, year, number, sha256, signer, signed_at, received_at FROM received_revisions "
                      "WHERE year = ? ORDER BY number", [year])
    return {r[0]: ReceivedRevision(*r) for r in rows}


# -- this unit's exports -------------------------------------------------------------------------
@dataclass(frozen=True)
class StoredExport:
    manifest: bytes
    signature: bytes
    data: bytes
    appendix: bytes


def stored_export(db: Database, unit: str, year: int, number: int) -> StoredExport | None:
    row = db.execute("SELECT manifest, signature, data, appendix FROM exports WHERE unit = ? AND year = ? "
                     "AND number = ?", [unit, year, number]).fetchone()
    return StoredExport(*(bytes(x) for x in row)) if row else None


def save_export(db: Database, unit: str, year: int, number: int, parts: StoredExport, *, who: str) -> None:
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO exports(unit, year, number, manifest, signature, data, appendix, created_at, "
                   "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [unit, year, number, parts.manifest, parts.signature, parts.data, parts.appendix, now(), who])
        log(db, "export", who=who, unit=unit, year=year, new_value=str(number))


def pinned_signers(db: Database) -> list[PinnedSigner]:
    return [PinnedSigner(*r) for r in db.execute("SELECT unit, fingerprint, subject, pem, pinned_at FROM unit_signers "
                                                 "ORDER BY unit")]


def unpin_signer(db: Database, unit: str, *, who: str) -> PinnedSigner | None:
    """Revoke a unit's pin: its next package needs the operator's confirmation again (audited)."""
    with db.atomic():
        old = pinned_signer(db, unit)
        if old is not None:
            db.execute("DELETE FROM unit_signers WHERE unit = ?", [unit])
            log(db, "unpin-signer", who=who, unit=unit, old_value=old.subject, detail=old.fingerprint)
    return old
