"""Importing child units' packages at the office above: check everything, then commit in one go.

``check_package`` reads and verifies a file without changing anything and returns a plan:
what would be stored and what changes against the revision held (the window shows it before
the operator commits). ``commit_plan`` stores it in one transaction. ``import_file`` keeps the
received bytes in the archive first, whatever the outcome, and logs the outcome.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import struct
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlite_utils import Database

from c27desk.errors import C27Error
from c27desk.exchange import archive, certs
from c27desk.exchange.documents import DataDoc, Manifest, parse_data, parse_manifest, sha256
from c27desk.exchange.package import APPENDIX, DATA, MAX_FILE, read_package
from c27desk.exchange.reasons import ImportRefusedError, Outcome, refuse
from c27desk.fileio import os_text
from c27desk.i18n import Lang, Text, byte_size, joined, msg, number, verbatim
from c27desk.model.text import shown
from c27desk.model.validation import check
from c27desk.model.values import Entry, make_entry
from c27desk.report.trial_keys import trial_unit_code
from c27desk.store import exchange, periods, revisions, units
from c27desk.store.clock import now


@dataclass(frozen=True)
class Change:
    criterion: str
    old: Entry | None
    new: Entry | None


def _entry_json(entry: Entry | None) -> dict | None:
    if entry is None:
        return None
    return {"value": entry.value, "explanation": entry.explanation, "state": entry.state}


_NUMBER = re.compile(r"^-?\d+\.\d+$")


def value_text(value: object) -> str:
    """A stored value as people read it: a decimal number with the decimal comma in Vietnamese
    (as the window shows it), anything else as it is."""
    text = str(value)
    return number(Decimal(text)) if _NUMBER.match(text) else text


def entry_text(entry: Entry | None, limit: int = 60) -> str:
    """One side of a change as people read it: ∅ (no value), N/A, or the value with its explanation."""
    if entry is None or (entry.value is None and not entry.is_na):
        return "∅"
    text = "N/A" if entry.is_na else value_text(entry.value)
    if entry.explanation:
        note = entry.explanation if len(entry.explanation) <= limit else entry.explanation[: limit - 1] + "…"
        text += f" «{note}»"
    return text


@dataclass
class ImportPlan:
    file_name: str
    sha256: str
    manifest: Manifest
    entries: dict[str, Entry]
    signer_subject: str
    signer_fingerprint: str
    signer_pem: str
    signed_at: str
    already: bool = False  # the identical revision is held: nothing to do
    pin: str = ""  # "", "first" or "renewal": the signer will be pinned on commit
    changes: list[Change] = field(default_factory=list)
    held_revision: int | None = None
    signer: certs.CertificateDetails | None = None
    compared: bool = False  # the appendix was drawn again and found to show these values


@dataclass
class ImportOutcome:
    file_name: str
    sha256: str
    outcome: Outcome
    reason: str = ""
    said: Text | None = None  # why (or what was pinned): a message, said in the language shown when shown
    unit: str | None = None
    year: int | None = None
    revision: int | None = None
    signer: str = ""
    signed_at: str = ""
    changes: list[Change] = field(default_factory=list)
    new_signer: certs.CertificateDetails | None = None  # a certificate to be (or just) pinned: shown in full
    pin: str = ""  # "first" or "renewal" when the signer is (to be) pinned

    @property
    def message(self) -> str:
        """What :attr:`said` says, in the interface language now ("" when nothing was said)."""
        return "" if self.said is None else self.said.render()

    def as_json(self) -> dict:
        """The outcome for ``import --json``; ``message`` is said in the interface language."""
        return {
            "file": self.file_name, "sha256": self.sha256, "outcome": self.outcome, "reason": self.reason,
            "message": self.message, "unit": self.unit, "year": self.year, "revision": self.revision,
            "signer": self.signer, "signed_at": self.signed_at, "pin": self.pin,
            "new_signer": None if self.new_signer is None else {
                "subject": self.new_signer.subject, "serial": self.new_signer.serial,
                "sha256": self.new_signer.fingerprint, "not_before": self.new_signer.not_before.isoformat(),
                "not_after": self.new_signer.not_after.isoformat()},
            "changes": [{"criterion": c.criterion, "old": _entry_json(c.old), "new": _entry_json(c.new)}
                        for c in self.changes],
        }


def _check_unit(db: Database, manifest: Manifest) -> None:
    me = units.report_unit(db, manifest.year)
    unit = units.unit_in(db, manifest.unit_code, manifest.year)  # the tree of the package's year
    if unit is None:
        raise refuse("UNKNOWN_UNIT" if units.get_unit(db, manifest.unit_code) is None else "NOT_A_CHILD",
                     msg("{unit} (năm {year})", "{unit} ({year})", unit=manifest.unit_code, year=manifest.year))
    if unit.parent not in units.lineage(db, me.code) or unit.code == me.code:
        raise refuse("NOT_A_CHILD", manifest.unit_code)


def _open_period(db: Database, manifest: Manifest):
    """The package's year has a period here, and it is open."""
    period = periods.get_period(db, manifest.year)
    if period is None:
        raise refuse("NO_PERIOD", str(manifest.year))
    if period.status != "open":
        raise refuse("PERIOD_CLOSED", str(manifest.year))
    return period


def _check_period(db: Database, manifest: Manifest):
    """The package's year has a period here, open, on the form the package was filled in on."""
    period = _open_period(db, manifest)
    if (period.catalogue_id, period.catalogue_version) != (manifest.catalogue_id, manifest.catalogue_version):
        key = f"{manifest.catalogue_id}/{manifest.catalogue_version}"
        raise refuse("CATALOGUE_MISMATCH", f"{key} ≠ {period.catalogue_id}/{period.catalogue_version}; "
                     f"c27desk period set {manifest.year} --catalogue {key}")
    return period


def _check_catalogue(db: Database, manifest: Manifest) -> object:
    period = _open_period(db, manifest)
    try:
        child = units.get_unit(db, manifest.unit_code)
        cat = periods.load_catalogue(db, manifest.catalogue_id, manifest.catalogue_version, year=manifest.year,
                                     level=child.level if child else None)
    except C27Error:
        raise refuse("CATALOGUE_MISMATCH", f"{manifest.catalogue_id}/{manifest.catalogue_version}") from None
    if cat.content_hash != manifest.catalogue_hash:
        raise refuse("CATALOGUE_MISMATCH", msg("{form}: nội dung khác biểu mẫu đang giữ",
                                                "{form}: the content differs from the form held", form=cat.key))
    if (period.catalogue_id, period.catalogue_version) != (cat.id, cat.version):
        raise refuse("CATALOGUE_MISMATCH", msg("{form} ≠ {held}; để chuyển: c27desk period set {year} --catalogue {form}",
                                                "{form} ≠ {held}; to move: c27desk period set {year} --catalogue {form}",
                                                form=cat.key, held=f"{period.catalogue_id}/{period.catalogue_version}",
                                                year=manifest.year))
    return cat


def _entries(cat, data: DataDoc) -> dict[str, Entry]:
    problems, entries = [], {}
    for cid, (value, explanation, state) in data.values.items():
        crit = cat.get(cid)
        if crit is None:
            problems.append(msg("{id}: không có trong biểu mẫu", "{id}: not in the form", id=cid))
            continue
        try:
            entry = make_entry(crit, "N/A" if state == "na" else value, explanation)
        except C27Error as exc:
            problems.append(joined("{id}: {what}", id=cid, what=exc.said()))
            continue
        if state not in ("answered", "na") or entry.state != state or entry.value != value:
            problems.append(msg("{id}: giá trị không ở dạng chuẩn", "{id}: value not in canonical form", id=cid))
            continue
        entries[cid] = entry
    if problems:
        raise refuse("INVALID_VALUES", joined("{first}{more}", first=problems[:5], more=" …" if len(problems) > 5 else ""))
    return entries


Acceptance = bool | frozenset[str]  # which units' new signing certificates the operator accepts (True: any)


def accepts(acceptance: Acceptance, unit: str) -> bool:
    return acceptance is True or (not isinstance(acceptance, bool) and unit in acceptance)


def _check_appendix_shows(pdf: bytes, manifest: Manifest, cat, entries: dict[str, Entry]) -> None:
    """The signed appendix must show exactly this package's values: it is drawn again and compared."""
    from c27desk.model.units import Unit
    from c27desk.report.appendix import AppendixContent
    from c27desk.report.appendix_check import appendix_difference
    from c27desk.report.appendix_pdf import render_for_comparison
    from c27desk.store.periods import Period

    lay = manifest.layout
    try:
        unit = Unit(manifest.unit_code, manifest.unit_name, manifest.unit_level, manifest.unit_parent, **lay["unit"])
        period = Period(manifest.year, cat.id, cat.version, **lay["period"])
    except TypeError:  # a detail this version does not know: its appendix cannot be drawn here
        raise refuse("MALFORMED", msg("manifest.json: thông tin trình bày không dùng được",
                                       "manifest.json: unusable layout details")) from None
    content = AppendixContent(unit, period, cat, entries, manifest.revision, True, manifest.content_hash,
                              manifest.finalised_at, app_version=manifest.app_version)
    try:
        expected = render_for_comparison(content)
    except Exception as exc:  # noqa: BLE001 - details no appendix of ours could have been drawn from
        raise refuse("APPENDIX_MISMATCH", msg("không vẽ lại được từ số liệu của gói",
                                               "cannot be drawn again from the package's data")) from exc
    difference = appendix_difference(pdf, expected)
    if difference:
        raise refuse("APPENDIX_MISMATCH", difference)


def _signer_pin(db: Database, unit: str, cert, signer: certs.CertificateDetails, accept_new_signer: Acceptance,
                batch_claims: dict[str, set[str]] | None) -> str:
    """Whether the signer is the unit's own: "" (pinned already), "first" or "renewal" (accepted for this
    unit by the operator, pinned on commit), or a refusal. A certificate that is, or may be, another unit's
    is refused whatever the operator accepted."""
    subject = signer.subject
    named = trial_unit_code(cert)  # our trial certificates name their unit: exact, never a guess
    if named and named != unit:
        raise refuse("SIGNER_OF_OTHER_UNIT", joined("{unit} ({subject})", unit=named, subject=subject))
    others = [u for u in exchange.units_pinned_to(db, signer.fingerprint) if u != unit]
    if others:  # one unit's key signing for another is a forgery, whatever the operator clicks
        raise refuse("SIGNER_OF_OTHER_UNIT", joined("{unit} ({subject})", unit=", ".join(others), subject=subject))
    pinned = exchange.pinned_signer(db, unit)
    if pinned is not None and pinned.fingerprint == signer.fingerprint:
        return ""
    elsewhere = sorted((batch_claims or {}).get(signer.fingerprint, set()) - {unit})
    if elsewhere:  # the same key offered for two units on one stick: neither is taken on trust
        raise refuse("SIGNER_OF_OTHER_UNIT", msg("{unit} ({subject}) — cùng đợt nhận", "{unit} ({subject}) — in this same "
                                                  "batch", unit=", ".join(elsewhere), subject=subject))
    if not accepts(accept_new_signer, unit):
        if pinned is None:
            raise refuse("NEW_SIGNER", joined("{unit}: {signer}", unit=unit, signer=signer.said()), signer=signer,
                         unit=unit)
        old = certs.details(certs.load_pem(pinned.pem))
        raise refuse("SIGNER_CHANGED", joined("{old} → {new}", old=old.said(), new=signer.said()), signer=signer,
                     unit=unit)
    return "first" if pinned is None else "renewal"


def check_package(db: Database, raw: bytes, file_name: str, *, accept_new_signer: Acceptance = False,
                  batch_claims: dict[str, set[str]] | None = None, roots: list | None = None,
                  seen: dict | None = None, file_digest: str | None = None) -> ImportPlan:
    """Every check, nothing written; raises ImportRefusedError with the first reason found.

    ``batch_claims`` maps each signing certificate in the batch (validly signed files only) to the
    units it signed for: a certificate not yet pinned is never accepted while it also speaks for
    another unit on the same stick. ``roots`` are the trusted CAs, parsed once per batch (read from
    the database when not given); ``seen`` receives the batch claim this file makes, as soon as its
    package signature is known to be valid and trusted (a later refusal does not withdraw it). ``file_digest``
    is the bytes' sha256 when the caller has it already."""
    from c27desk.report.verify import verify_cms_detached, verify_pdf, verify_signed_by

    parts = read_package(raw)
    manifest = parse_manifest(parts.manifest)
    for name in (DATA, APPENDIX):
        if name not in manifest.members:
            raise refuse("MALFORMED", msg("manifest.json: thiếu {name}", "manifest.json: {name} is missing", name=name))
        digest, size = manifest.members[name]
        body = parts.member(name)
        if sha256(body) != digest or len(body) != size:
            raise refuse("HASH_MISMATCH", name)
    if set(manifest.members) != {DATA, APPENDIX}:
        raise refuse("MALFORMED", msg("manifest.json: danh sách thành phần sai", "manifest.json: wrong list of members"))
    if roots is None:
        roots = trust_anchors(db)
    cms = verify_cms_detached(parts.manifest, parts.signature, roots)
    if seen is not None and cms.valid and cms.trusted and cms.signer_cert is not None:
        seen["claim"] = (certs.fingerprint(cms.signer_cert), manifest.unit_code)
    if not cms.valid or cms.signer_cert is None:
        raise refuse("BAD_SIGNATURE", cms.problems or "manifest.p7s")
    if cms.policy is not None:
        raise refuse(*cms.policy)
    if not cms.trusted:
        raise refuse("UNTRUSTED_SIGNER", certs.subject(cms.signer_cert))
    signer_fp, signer_subject = certs.fingerprint(cms.signer_cert), certs.subject(cms.signer_cert)
    signer = certs.details(cms.signer_cert)
    _check_unit(db, manifest)
    pin = _signer_pin(db, manifest.unit_code, cms.signer_cert, signer, accept_new_signer, batch_claims)
    # signed by the package's signer, whose path is validated above: checked for that (or, when that
    # cannot tell, by the general check, which then says what is wrong)
    pdf = verify_signed_by(parts.appendix, cms.signer_cert, roots) or verify_pdf(parts.appendix, roots)
    if pdf.active:
        raise refuse("APPENDIX_ACTIVE_CONTENT", ", ".join(pdf.active))
    if pdf.policy is not None:
        raise refuse(*pdf.policy)
    if not (pdf.intact and pdf.valid and pdf.covers_whole_file):
        raise refuse("APPENDIX_SIGNATURE", pdf.problems or APPENDIX)
    if pdf.signer_cert is None or certs.fingerprint(pdf.signer_cert) != signer_fp:
        raise refuse("APPENDIX_MISMATCH", msg("ký bởi người khác", "signed by someone else"))
    keywords = pdf.keywords if pdf.keywords is not None else certs.pdf_keywords(parts.appendix)
    expected = f"c27desk;{manifest.unit_code};{manifest.year};revision={manifest.revision};hash={manifest.content_hash}"
    if keywords != expected and not keywords.startswith(expected + ";printed="):
        raise refuse("APPENDIX_MISMATCH", msg("đơn vị, năm, số bản hoặc nội dung", "unit, year, revision or content"))
    cat = _check_catalogue(db, manifest)
    data = parse_data(parts.data)
    if (data.unit_code, data.year, data.revision) != (manifest.unit_code, manifest.year, manifest.revision):
        raise refuse("MALFORMED", verbatim("data.json ≠ manifest.json"))
    entries = _entries(cat, data)
    errors = check(cat, entries).errors  # the rules that block finalising at entry block receiving too
    if errors:
        raise refuse("INVALID_VALUES", [joined("{ids}: {what}", ids=", ".join(e.criteria), what=e.text)
                                          for e in errors[:3]])
    if revisions.entries_hash(entries) != manifest.content_hash:
        raise refuse("HASH_MISMATCH", msg("số liệu", "the values"))
    plan = ImportPlan(file_name, file_digest or sha256(raw), manifest, entries, signer_subject, signer_fp,
                      certs.to_pem(cms.signer_cert), pdf.signing_time.isoformat() if pdf.signing_time else "",
                      pin=pin, signer=signer)
    if _judge_revision(db, plan):
        # last: the costliest check (a whole rendering), for a revision that would be stored
        _check_appendix_shows(parts.appendix, manifest, cat, entries)
        plan.compared = True
    return plan


def _judge_revision(db: Database, plan: ImportPlan) -> bool:
    """Against the revision held now: True when the plan's revision would be stored (its changes
    listed), False when the identical revision is held; a stale or conflicting one is refused."""
    m = plan.manifest
    plan.already, plan.changes, plan.held_revision = False, [], None
    held = revisions.latest_final(db, m.unit_code, m.year)
    if held is not None:
        plan.held_revision = held.number
        if m.revision < held.number:
            raise refuse("STALE_REVISION", joined("r{got} < r{held}", got=m.revision, held=held.number))
        if m.revision == held.number:
            if held.content_hash == m.content_hash:
                plan.already = True
                return False
            raise refuse("REVISION_CONFLICT", joined("r{got}", got=m.revision))
        old = revisions.snapshot(db, m.unit_code, m.year, held.number)
    else:
        old = {}
    plan.changes = [Change(c, o, n) for c, o, n in revisions.diff_entries(old, plan.entries)]
    return True


def trust_anchors(db: Database) -> list:
    """The trusted CA certificates, parsed: once per batch, not once per package."""
    return [certs.load_pem(ca.pem) for ca in exchange.trusted_cas(db)]


def recheck(db: Database, plan: ImportPlan, *, accept_new_signer: Acceptance = False,
            batch_claims: dict[str, set[str]] | None = None) -> ImportPlan | None:
    """Judge a plan made earlier (in a worker process, on the database as it was then) again against
    the database as it is now, right before it is committed: the unit in the register, its pinned
    signer, the period open with its form, the revision held. The bytes' own checks (structure,
    signatures, values, appendix) do not depend on the database and stand. None when the plan
    now needs a check it skipped (its revision was held when it was made): check it again whole."""
    m = plan.manifest
    _check_unit(db, m)
    cert = certs.load_pem(plan.signer_pem)
    plan.pin = _signer_pin(db, m.unit_code, cert, plan.signer or certs.details(cert), accept_new_signer,
                           batch_claims)
    _check_period(db, m)
    if _judge_revision(db, plan) and not plan.compared:
        return None
    return plan


def commit_plan(db: Database, plan: ImportPlan, *, who: str) -> None:
    """Store a checked plan in one transaction: the revision, its origin, the pinned signer, the log."""
    m = plan.manifest
    with db.atomic():
        if plan.pin:
            exchange.pin_signer(db, m.unit_code, plan.signer_fingerprint, plan.signer_subject, plan.signer_pem,
                                who=who)
        revisions.record_received(db, m.unit_code, m.year, m.revision, plan.entries, who=who,
                                  source=f"import:{plan.sha256[:16]}", finalised_at=m.finalised_at)
        exchange.record_received_revision(db, exchange.ReceivedRevision(
            m.unit_code, m.year, m.revision, plan.sha256, plan.signer_subject, plan.signed_at, now()))
        exchange.log_import(db, who=who, sha256=plan.sha256, file_name=plan.file_name, outcome="accepted",
                            unit=m.unit_code, year=m.year, revision=m.revision, signer=plan.signer_subject,
                            signed_at=plan.signed_at)


def receive(db: Database, db_path: Path, raw: bytes, file_name: str) -> str:
    """Keep the received bytes in the archive (before any check) and note them; returns the digest."""
    digest = archive.keep(db_path, raw)
    with db.atomic():
        exchange.record_received(db, digest, len(raw), file_name)
    return digest


def _claimed_identity(raw: bytes) -> tuple[str | None, int | None, int | None]:
    """Unit, year and revision a refused file claims to be, when its manifest can be read at all."""
    try:
        manifest = parse_manifest(read_package(raw).manifest)
        return manifest.unit_code, manifest.year, manifest.revision
    except Exception:  # noqa: BLE001 - a file too damaged to say who it claims to be
        return None, None, None


# Faults of a hostile file that slipped past a specific check (a parser's own error): still one refused
# file, never a stopped batch. Database and OS errors are not among them: those are the office's own.
_FILE_FAULTS = (ValueError, TypeError, KeyError, IndexError, AttributeError, UnicodeError, RecursionError,
                OverflowError, zlib.error, struct.error)


def _check(db: Database, raw: bytes, file_name: str, accept_new_signer: Acceptance,
           batch_claims: dict[str, set[str]] | None, roots: list | None = None,
           seen: dict | None = None, digest: str | None = None) -> ImportPlan:
    try:
        return check_package(db, raw, file_name, accept_new_signer=accept_new_signer, batch_claims=batch_claims,
                             roots=roots, seen=seen, file_digest=digest)
    except ImportRefusedError:
        raise
    except _FILE_FAULTS as exc:
        raise refuse("MALFORMED", msg("nội dung gói bị hỏng", "the package's content is damaged")) from exc


@dataclass
class Verdict:
    """What a worker process found in one file's bytes, judged on the database as it was then: a plan or
    a refusal, and the batch claim its package signature makes. Never taken as it is for the database's
    state: ``import_bytes`` judges it again right before committing (see ``recheck``)."""

    digest: str
    plan: ImportPlan | None = None
    refusal: tuple | None = None  # (code, text, detail, signer) of the ImportRefusedError
    claim: tuple[str, str] | None = None  # (signer fingerprint, unit) when the package signature is valid, trusted
    unit: str | None = None  # the unit the file claims to be, for a refusal about the database's state

    def refused(self) -> ImportRefusedError:
        code, text, _detail, signer = self.refusal
        return ImportRefusedError(code, signer=signer, text=text)


@dataclass
class Batch:
    """What one import of many files shares: the trusted CAs parsed once, the batch's signer claims, and
    which units and certificates its commits touched so far (a worker's verdict about them is stale)."""

    roots: list
    claims: dict[str, set[str]] | None = None
    touched: set[str] = field(default_factory=set)


def _judged(db: Database, raw: bytes, file_name: str, accept_new_signer: Acceptance, batch: Batch | None,
            verdict: Verdict | None, batch_claims: dict[str, set[str]] | None) -> ImportPlan:
    """The plan for this file now: checked here, or a worker's verdict judged again on the database as it is."""
    roots = batch.roots if batch is not None else None
    if verdict is None:
        return _check(db, raw, file_name, accept_new_signer, batch_claims, roots)
    if verdict.refusal is not None:
        refused = verdict.refused()
        # what this batch stored since may change which check fails first (the unit's pin, its revision):
        # a refusal about a unit or certificate the batch has touched is judged here again
        stale = verdict.unit in batch.touched or (verdict.claim is not None and verdict.claim[0] in batch.touched)
        # a worker does not know the batch's claims: where another unit's claim on this file's certificate
        # decides (SIGNER_OF_OTHER_UNIT comes before later checks), the file is judged here with them
        claimed = batch_claims is not None and verdict.claim is not None and bool(
            batch_claims.get(verdict.claim[0], set()) - {verdict.claim[1]})
        if not (stale or claimed):
            raise refused
        return _check(db, raw, file_name, accept_new_signer, batch_claims, roots)
    plan = recheck(db, verdict.plan, accept_new_signer=accept_new_signer, batch_claims=batch_claims)
    if plan is None:  # a revision held when the worker looked is not held now: check it whole, here
        return _check(db, raw, file_name, accept_new_signer, batch_claims, roots)
    return plan


def import_bytes(db: Database, db_path: Path, raw: bytes, file_name: str, *, who: str, dry_run: bool = False,
                 accept_new_signer: Acceptance = False, batch_claims: dict[str, set[str]] | None = None,
                 confirm: Callable[[ImportPlan], bool] | None = None, batch: Batch | None = None,
                 verdict: Verdict | None = None) -> ImportOutcome:
    """Archive, check, and (unless dry run or not confirmed) commit one file; never raises for a bad file.

    With ``verdict`` (a worker's, for exactly these bytes) the bytes are not verified again: the verdict
    is judged again against the database as it is now (pins, revisions held, the period open)."""
    file_name = shown(file_name)  # a name from a stick may hold escapes or undecodable bytes
    digest = receive(db, db_path, raw, file_name) if not dry_run else sha256(raw)
    if verdict is not None and verdict.digest != digest:
        verdict = None  # not these bytes: check them here
    try:
        plan = _judged(db, raw, file_name, accept_new_signer, batch, verdict, batch_claims)
    except ImportRefusedError as refused:
        unit, year, revision = _claimed_identity(raw)
        # an old file left on the stick (a newer revision is held) is not a failure
        kind = Outcome.SUPERSEDED if refused.code == "STALE_REVISION" else Outcome.REFUSED
        outcome = ImportOutcome(file_name, digest, kind, refused.code or "", refused.said(), unit=unit,
                                year=year, revision=revision, new_signer=refused.signer,
                                pin={"NEW_SIGNER": "first", "SIGNER_CHANGED": "renewal"}.get(refused.code or "", ""))
        if not dry_run:
            with db.atomic():
                exchange.log_import(db, who=who, sha256=digest, file_name=file_name, outcome="refused",
                                    reason=refused.code or "", message=refused.en, unit=unit, year=year,
                                    revision=revision)
            _note(db_path, digest, kind, refused.code or "")
        return outcome
    m = plan.manifest
    outcome = ImportOutcome(file_name, digest, Outcome.ALREADY if plan.already else Outcome.ACCEPTED, unit=m.unit_code,
                            year=m.year, revision=m.revision, signer=shown(plan.signer_subject),
                            signed_at=plan.signed_at, changes=plan.changes, pin=plan.pin,
                            new_signer=plan.signer if plan.pin else None)
    if dry_run:
        outcome.outcome = Outcome.ALREADY if plan.already else Outcome.CHECKED
        return outcome
    if plan.already:
        with db.atomic():
            if plan.pin:  # a renewal accepted on a revision already held: the pin is what changes
                exchange.pin_signer(db, m.unit_code, plan.signer_fingerprint, plan.signer_subject, plan.signer_pem,
                                    who=who)
                outcome.said = msg("Đã ghi nhận chứng thư số mới: {subject}", "New certificate pinned: {subject}",
                                   subject=shown(plan.signer_subject))
                if batch is not None:
                    batch.touched.update((m.unit_code, plan.signer_fingerprint))
            exchange.log_import(db, who=who, sha256=digest, file_name=file_name, outcome="already",
                                unit=m.unit_code, year=m.year, revision=m.revision, signer=plan.signer_subject,
                                signed_at=plan.signed_at, message=outcome.said.render(Lang.EN) if outcome.said else "")
        _note(db_path, digest, "already", "", signer_accepted=bool(plan.pin))
        return outcome
    if confirm is not None and not confirm(plan):
        outcome.outcome, outcome.reason = Outcome.REFUSED, "NOT_CONFIRMED"
        outcome.said = msg("Người dùng không xác nhận.", "Not confirmed by the operator.")
        with db.atomic():
            exchange.log_import(db, who=who, sha256=digest, file_name=file_name, outcome="refused",
                                reason="NOT_CONFIRMED", unit=m.unit_code, year=m.year, revision=m.revision)
        _note(db_path, digest, "refused", "NOT_CONFIRMED")
        return outcome
    commit_plan(db, plan, who=who)
    if batch is not None:
        batch.touched.update((m.unit_code, plan.signer_fingerprint))
    _note(db_path, digest, "accepted", "", signer_accepted=bool(plan.pin))
    return outcome


def _note(db_path: Path, digest: str, outcome: str, reason: str, *, signer_accepted: bool = False) -> None:
    """The decision beside the archived file, after the database has it (see ``replay_archive``)."""
    try:
        archive.note_decision(db_path, digest, archive.Decision(outcome, reason, signer_accepted, now()))
    except C27Error:  # the database holds the decision; a full disk must not turn an import into a failure
        pass


def replay_archive(db: Database, db_path: Path, folder: Path, *, who: str, rejudge: bool = False,
                   skipped: list[tuple[Path, Text]] | None = None) -> list[ImportOutcome]:
    """Import every archived file again in the order first decided, reproducing each decision:
    a file refused then stays refused (unless ``rejudge``), a signer confirmed then is confirmed
    again for that file only; a file with no recorded decision is judged like any new file."""
    out = []
    for path in archive.archived_files(folder, skipped):
        decision = archive.read_decision(path)
        try:
            raw = read_received(path)
        except ImportRefusedError as refused:
            out.append(ImportOutcome(path.name, "", Outcome.REFUSED, refused.code or "", refused.said()))
            continue
        if decision is not None and decision.outcome == "refused" and not rejudge:
            unit, year, revision = _claimed_identity(raw)
            said = C27Error(msg("Đã từ chối trước đây (--rejudge để xét lại).", "Refused before (--rejudge to judge again)."))
            digest = receive(db, db_path, raw, path.name)
            with db.atomic():  # the restored import log says again what became of it
                exchange.log_import(db, who=who, sha256=digest, file_name=path.name, outcome="refused",
                                    reason=decision.reason, message=said.en, unit=unit, year=year, revision=revision)
            out.append(ImportOutcome(path.name, digest, Outcome.KEPT_REFUSED, decision.reason, said.said(),
                                     unit=unit, year=year, revision=revision))
            continue
        accept = decision is not None and decision.signer_accepted
        out.append(import_bytes(db, db_path, raw, path.name, who=who, accept_new_signer=accept))
    return out


def package_files(paths: list[Path], skipped: list[tuple[Path, Text]] | None = None) -> Iterator[Path]:
    """The ``.c27`` files named, or found directly inside folders named (a USB stick's root); a ``.c27``
    entry that is not a plain file (a link, a FIFO, a folder) is left out and, with ``skipped``, listed
    there with its reason so that nothing is left out unsaid."""
    for path in paths:
        if path.is_dir():
            for p in sorted(p for p in path.iterdir() if p.suffix.lower() == ".c27"):
                reason = archive.not_plain_file(p)
                if reason is None:
                    yield p
                elif skipped is not None:
                    skipped.append((p, reason))
        else:
            yield path


def read_received(path: Path) -> bytes:
    """A received file's bytes, read only if it is a regular file of at most MAX_FILE bytes.

    The type and size come from the open handle before anything is read (``/dev/zero`` or a pipe
    would otherwise be read until memory runs out or forever), and the read itself stops one byte
    past the limit, so a file growing underneath is caught too."""
    name = shown(path.name)
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        if path.is_symlink():
            raise refuse("UNSAFE_MEMBER", msg("{name} là liên kết", "{name} is a link", name=name))
        fd = os.open(path, flags)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise refuse("NOT_A_FILE", name)
            if info.st_size > MAX_FILE:
                raise refuse("TOO_LARGE", joined("{name}: {size}", name=name, size=byte_size(info.st_size)))
            with os.fdopen(os.dup(fd), "rb") as fh:
                raw = fh.read(MAX_FILE + 1)
        finally:
            os.close(fd)
    except OSError as exc:
        raise refuse("NOT_FOUND", joined("{path} ({why})", path=shown(path), why=os_text(exc))) from None
    if len(raw) > MAX_FILE:
        raise refuse("TOO_LARGE", joined("{name}: > {limit}", name=name, limit=byte_size(MAX_FILE)))
    return raw


def _claim(raw: bytes, roots: list) -> tuple[str, str] | None:
    """The (certificate, unit) a file's valid, trusted package signature speaks for (see check_package)."""
    from c27desk.report.verify import verify_cms_detached

    try:
        parts = read_package(raw)
        manifest = parse_manifest(parts.manifest)
    except (ImportRefusedError, *_FILE_FAULTS):
        return None  # refused again, with its reason, when its turn comes
    cms = verify_cms_detached(parts.manifest, parts.signature, roots)
    if cms.valid and cms.trusted and cms.signer_cert is not None:
        return certs.fingerprint(cms.signer_cert), manifest.unit_code
    return None


def _batch_claims(files: list[Path], roots: list) -> dict[str, set[str]]:
    """Which units each signing certificate validly signs for across the batch (see check_package)."""
    claims: dict[str, set[str]] = {}
    for path in files:
        try:
            claim = _claim(read_received(path), roots)
        except ImportRefusedError:
            continue
        if claim is not None:
            claims.setdefault(claim[0], set()).add(claim[1])
    return claims


# A batch this small is checked in this process: two spawned workers are ready (the signature, PDF and
# drawing libraries loaded) after 1.5-5 s on the 2-CPU machines here, the time of 10-30 files checked here,
# so they pay off from about 20 files on.
POOL_THRESHOLD = 20


def import_files(db: Database, db_path: Path, paths: list[Path], *, who: str, dry_run: bool = False,
                 accept_new_signer: Acceptance = False, progress: Callable[[int, int], None] | None = None,
                 skipped: list | None = None, cancelled: Callable[[], bool] | None = None,
                 workers: int | None = None) -> list[ImportOutcome]:
    """Import (or with ``dry_run`` only check) every package named or found in the folders named.

    The one loop both the command line and the window run: each file is refused or taken on its own,
    and a file that cannot even be read is a refused line like any other, so the batch always goes on.
    Entries of the folders that are not read (links, pipes) are added to ``skipped`` with why.

    From ``POOL_THRESHOLD`` files on, the files' bytes are verified in worker processes (``workers``,
    default one per CPU) while this process archives, judges again and commits each file in order (see
    ``_checked_by_workers``). ``cancelled`` is asked between files: once it says yes no further file is
    read or committed, and the outcomes so far are returned (each file committed is committed whole, in
    its own transaction). ``progress(done, total)`` counts steps: in a batch using workers each file is
    two (checked, stored)."""
    files = list(package_files(paths, skipped))
    if not dry_run:
        archive.clean_partial(db_path)
    batch = Batch(trust_anchors(db))
    stop = cancelled or (lambda: False)
    workers = (os.cpu_count() or 1) if workers is None else workers
    steps = [0, len(files)]  # done, total

    def step() -> None:
        steps[0] += 1
        if progress is not None:
            progress(*steps)

    checked: Iterator[tuple[int, bytes | None, Verdict | None]]
    if workers > 1 and len(files) >= POOL_THRESHOLD:
        steps[1] = 2 * len(files)
        checked = _checked_by_workers(db_path, files, accept_new_signer, workers, stop, step,
                                      held_limit=HELD_BYTES if accept_new_signer else None)
        if accept_new_signer:
            # a new signer is taken only if no other file of the batch validly claims its certificate for
            # another unit: every verdict is in before the first commit
            done = list(checked)
            batch.claims = {}
            for _, _, verdict in done:
                if verdict is not None and verdict.claim is not None:
                    batch.claims.setdefault(verdict.claim[0], set()).add(verdict.claim[1])
            checked = (item for item in done)
    else:
        if accept_new_signer:
            batch.claims = _batch_claims(files, batch.roots)
        checked = ((i, None, None) for i in range(len(files)))
    outcomes = []
    first_of: dict[str, ImportOutcome] = {}  # a dry run: the first file of the batch holding each file's bytes
    with contextlib.closing(checked):
        for i, raw, verdict in checked:
            if stop():
                break
            path = files[i]
            try:
                raw = read_received(path) if raw is None else raw
            except ImportRefusedError as refused:
                outcomes.append(ImportOutcome(shown(path.name), "", Outcome.REFUSED, refused.code or "",
                                              refused.said()))
            else:
                outcome = import_bytes(db, db_path, raw, path.name, who=who, dry_run=dry_run,
                                       accept_new_signer=accept_new_signer, batch_claims=batch.claims,
                                       batch=batch, verdict=verdict)
                if dry_run and outcome.outcome == Outcome.CHECKED:
                    _once_per_batch(outcome, first_of)
                outcomes.append(outcome)
            step()
    return outcomes


def _once_per_batch(outcome: ImportOutcome, first_of: dict[str, ImportOutcome]) -> None:
    """A dry run says of a file what importing the batch would do with it: the same bytes a second time
    (a copy under another name, a file chosen twice) are taken once, so the later one is "already"."""
    earlier = first_of.setdefault(outcome.sha256, outcome)
    if earlier is not outcome:
        outcome.outcome, outcome.changes = Outcome.ALREADY, []
        outcome.said = msg("Giống hệt tệp {file} ở trên: chỉ nhận một lần.",
                           "The same as the file {file} above: it is imported once.", file=verbatim(earlier.file_name))


# -- worker processes ------------------------------------------------------------------------------
_WORKER: dict = {}  # in a worker process: its read-only connection and the trusted CAs, made once
# Received bytes kept in memory from their reading to their commit when every verdict must be in first
# (a batch accepting new signers): beyond this, a file's bytes are read again when its turn comes.
HELD_BYTES = 64 * 1024 * 1024


def _worker_start(db_path: str, lang: str) -> None:
    """A worker's start: Ctrl+C is the main process's to handle (it stops between files); the worker
    reads the database read-only, so nothing it does can change it."""
    import signal

    from c27desk.i18n import set_language
    from c27desk.store.database import connect

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    set_language(lang)
    db = connect(Path(db_path), readonly=True, check_same_thread=False)
    _WORKER.update(db=db, roots=trust_anchors(db))


def _worker_verify(raw: bytes, file_name: str, accept_new_signer: Acceptance) -> Verdict:
    """One file's verdict in a worker: every check of its bytes, on the database as it is now.

    The plan goes back without its list of changes: that is made again at commit against the revision
    held then (``recheck``), so it is not pickled for nothing."""
    db, roots = _WORKER["db"], _WORKER["roots"]
    seen: dict = {}
    verdict = Verdict(sha256(raw))
    try:
        verdict.plan = _check(db, raw, shown(file_name), accept_new_signer, None, roots, seen, digest=verdict.digest)
        verdict.plan.changes = []
    except ImportRefusedError as refused:
        verdict.refusal = (refused.code, refused.text, refused.detail, refused.signer)
        verdict.unit = _claimed_identity(raw)[0]
        if "claim" not in seen and accept_new_signer:  # refused before its package signature was looked at
            seen["claim"] = _claim(raw, roots)
    verdict.claim = seen.get("claim")
    return verdict


def _checked_by_workers(db_path: Path, files: list[Path], accept_new_signer: Acceptance, workers: int,
                        stop: Callable[[], bool], checked: Callable[[], None],
                        held_limit: int | None = None) -> Iterator[tuple[int, bytes | None, Verdict | None]]:
    """Each file's index, bytes and verdict from worker processes, in the files' order, as soon as the
    files before it are given: the caller commits a file while the workers check the next ones.

    Each file is read once, here: the bytes the workers verified are the bytes committed. A few files per
    worker are in hand at once (read, being checked, or checked and waiting for an earlier one), not the
    whole stick. With ``held_limit`` (the caller keeps every file until all are checked) the bytes given
    back stop at that many; after it a file is given as None and read again when its turn comes, as is a
    file that cannot be read now. The verdict is None where there is none (a worker's own fault, workers
    gone, a cancelled batch): that file is checked in this process. ``checked()`` is called per verdict.

    The processes are spawned, not forked (as on Windows, and in the PyInstaller build through
    ``multiprocessing.freeze_support``): a fork of a process running Qt's threads is not safe."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, ProcessPoolExecutor, wait

    from c27desk.i18n import language

    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(min(workers, len(files)), mp_context=context, initializer=_worker_start,
                               initargs=(str(db_path), str(language())))
    pending: dict = {}  # future -> index
    ready: dict[int, tuple[bytes | None, Verdict | None]] = {}  # index -> what is known of it so far
    given, read_next, window = 0, 0, 4 * workers
    held = 0
    broken = False
    try:
        while given < len(files):
            while read_next < len(files) and read_next - given < window and not stop():
                i, read_next = read_next, read_next + 1
                if broken:
                    ready[i] = (None, None)
                    checked()
                    continue
                try:
                    raw = read_received(files[i])
                except ImportRefusedError:
                    ready[i] = (None, None)  # refused with its reason when its turn comes
                    checked()
                    continue
                ready[i] = (raw, None)
                try:
                    pending[pool.submit(_worker_verify, raw, files[i].name, accept_new_signer)] = i
                except BrokenExecutor:  # the workers are gone (killed, out of memory): the rest is checked here
                    broken = True
                    checked()
            if given not in ready or given in pending.values():
                if not pending:
                    return  # stopped: nothing more is read
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    i = pending.pop(future)
                    try:
                        verdict = future.result()
                    except Exception:  # noqa: BLE001 - a worker's own fault: the file is checked here instead
                        verdict = None
                    ready[i] = (ready[i][0], verdict)
                    checked()
                continue
            raw, verdict = ready.pop(given)
            if held_limit is not None and raw is not None:
                held += len(raw)
                if held > held_limit:
                    raw = None
            yield given, raw, verdict
            given += 1
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
