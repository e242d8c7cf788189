"""Forms travel like reports: an office publishes the form its units use for a year as a signed
``.c27form`` file, and a unit installs it after the same checks a package gets.

A ``.c27form`` is a zip of ``form.json`` (the form as written, the year it is published for and
who publishes it) and ``form.p7s``, a detached CMS signature over ``form.json`` — the same zip
writer and reader, signer and verifier as the ``.c27`` package. Installed forms live in the
database (the ``catalogues`` table), which is what backups cover.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from c27desk.errors import C27Error
from c27desk.exchange import certs
from c27desk.exchange.documents import canonical_json
from c27desk.exchange.package import build_zip, read_members
from c27desk.exchange.reasons import ImportRefusedError, refuse
from c27desk.fileio import atomic_write_bytes, os_reason
from c27desk.model.catalogue import NAME_PART_RE, Catalogue, parse_catalogue
from c27desk.store import exchange, periods, units
from c27desk.store.audit import log
from c27desk.store.clock import now

FORM, FORM_SIGNATURE = "form.json", "form.p7s"
FORM_SUFFIX = ".c27form"
_LIMITS = {FORM: 4 * 1024 * 1024, FORM_SIGNATURE: 64 * 1024}
_MAX_FILE = 8 * 1024 * 1024


@dataclass(frozen=True)
class InstalledForm:
    catalogue: Catalogue
    for_year: int
    publisher: str
    signer: str
    new: bool  # False when the identical form was already held


def form_file_name(cat: Catalogue, year: int) -> str:
    """Built only from parts ``parse_catalogue`` validated (plain characters, no path separator)."""
    if not (NAME_PART_RE.match(cat.id) and NAME_PART_RE.match(cat.version)):
        raise C27Error(f"mã/phiên bản biểu mẫu “{cat.key}” không dùng làm tên tệp được.",
                       f"the form id/version “{cat.key}” cannot be used in a file name.", code="INVALID_FORM")
    return f"{cat.id}_{cat.version}_{int(year)}{FORM_SUFFIX}"


def publish_form(db: Database, cat: Catalogue, year: int, out: Path, spec, *, who: str) -> Path:
    """Sign ``cat`` as the form for ``year`` and write it to ``out`` (a folder or a ``.c27form`` path);
    the office keeps the form too, marked as published for that year."""
    if year < cat.year:
        raise C27Error(f"biểu mẫu {cat.key} dùng từ năm {cat.year}, không ban hành cho năm {year} được.",
                       f"form {cat.key} applies from {cat.year}; it cannot be published for {year}.",
                       code="INVALID_FORM")
    me = units.require_self_unit(db)
    from c27desk.report.signing import cms_sign_detached

    body = canonical_json({"format": 1, "for_year": year, "form": dict(cat.raw), "published_at": now(),
                           "publisher": {"code": me.code, "name": me.name, "level": me.level}})
    raw = build_zip([(FORM, body), (FORM_SIGNATURE, cms_sign_detached(body, spec))])
    out = Path(out)
    target = out if out.suffix.lower() == FORM_SUFFIX else out / form_file_name(cat, year)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        vi, en = os_reason(exc)
        raise C27Error(f"không tạo được thư mục {target.parent}: {vi}", f"cannot create folder {target.parent}: {en}",
                       code="WRITE_FAILED") from exc
    atomic_write_bytes(target, raw)
    with db.atomic():
        periods.store_catalogue(db, cat, origin="published", detail=f"{me.code} – {me.name}", for_year=year)
        log(db, "form", who=who, year=year, detail=f"published {cat.key} → {target.name}")
    return target


def read_form(db: Database, raw: bytes) -> tuple[Catalogue, int, str, str]:
    """Check a ``.c27form`` without writing: structure, signature chaining to a trusted CA, the form itself.
    Returns the form, the year it is published for, the publisher and the signer; refusals carry a code."""
    if raw[:4] != b"PK\x03\x04":
        raise refuse("UNSIGNED")
    try:
        parts = read_members(raw, _LIMITS, _MAX_FILE)
    except ImportRefusedError as exc:
        if exc.code == "MALFORMED" and exc.detail == f"thiếu / missing {[FORM_SIGNATURE]}":
            raise refuse("UNSIGNED", FORM) from None
        raise
    try:
        doc = json.loads(parts[FORM].decode("utf-8"))
        year, form, publisher = doc["for_year"], doc["form"], doc["publisher"]
        if doc.get("format") != 1 or not isinstance(year, int) or not isinstance(form, dict) \
                or not isinstance(publisher, dict):
            raise ValueError
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise refuse("MALFORMED", FORM) from None
    roots = [certs.load_pem(ca.pem) for ca in exchange.trusted_cas(db)]
    from c27desk.report.verify import verify_cms_detached

    cms = verify_cms_detached(parts[FORM], parts[FORM_SIGNATURE], roots)
    if not cms.valid or cms.signer_cert is None:
        raise refuse("BAD_SIGNATURE", "; ".join(cms.problems) or FORM_SIGNATURE)
    if not cms.trusted:
        raise refuse("UNTRUSTED_SIGNER", certs.subject(cms.signer_cert))
    try:
        cat = parse_catalogue(form, source=FORM)
        parse_catalogue(form, source=FORM, year=year)
    except C27Error as exc:
        raise refuse("INVALID_FORM", exc.message("vi") + " / " + exc.message("en")) from None
    who = f"{publisher.get('code', '?')} – {publisher.get('name', '?')}"
    return cat, year, who, certs.subject(cms.signer_cert)


def install_form(db: Database, raw: bytes, *, who: str) -> InstalledForm:
    """Verify and keep a published form; a different form under the same id and version is refused."""
    cat, year, publisher, signer = read_form(db, raw)
    with db.atomic():
        try:
            new = periods.store_catalogue(db, cat, origin="installed", detail=f"{publisher}; {signer}",
                                          for_year=year)
        except C27Error as exc:
            raise refuse("FORM_CONFLICT", cat.key) from exc
        log(db, "form", who=who, year=year, detail=f"installed {cat.key} from {publisher}")
    return InstalledForm(cat, year, publisher, signer, new)
