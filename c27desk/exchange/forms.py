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
from c27desk.exchange.documents import _no_duplicates, canonical_json
from c27desk.exchange.package import build_zip, read_members
from c27desk.exchange.reasons import ImportRefusedError, refuse
from c27desk.exchange.signers import check_names_unit
from c27desk.fileio import atomic_write_bytes, os_text
from c27desk.i18n import Text, joined, msg, verbatim
from c27desk.model.catalogue import NAME_PART_RE, Catalogue, parse_catalogue
from c27desk.model.units import UNIT_CODE_RE
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
    pinned: certs.CertificateDetails | None = None  # the publisher's certificate, recorded by this install

    def recorded(self) -> Text | None:
        """What this install recorded besides the form, said by both faces: after ``units unpin`` the
        install that takes a renewed key holds a form already held, and this is all it did."""
        if self.pinned is None:
            return None
        return msg("Đã ghi nhận chứng thư số của {publisher}; biểu mẫu sau phải được ký bằng chứng thư này: {cert}.",
                   "Recorded the certificate of {publisher}; later forms must be signed with it: {cert}.",
                   publisher=self.publisher, cert=self.pinned.said())


def form_file_name(cat: Catalogue, year: int) -> str:
    """Built only from parts ``parse_catalogue`` validated (plain characters, no path separator)."""
    if not (NAME_PART_RE.match(cat.id) and NAME_PART_RE.match(cat.version)):
        raise C27Error(msg("Mã/phiên bản biểu mẫu “{key}” không dùng làm tên tệp được.",
                           "The form id/version “{key}” cannot be used in a file name.",
                           key=cat.key), code="INVALID_FORM")
    return f"{cat.id}_{cat.version}_{int(year)}{FORM_SUFFIX}"


def _check_own_signer(db: Database, code: str, body: bytes, signature: bytes) -> None:
    """A form goes out under this unit's name only when this unit's own certificate signs it: not one
    pinned here for another unit, not a trial certificate made for another unit."""
    from c27desk.report.verify import verify_cms_detached

    cert = verify_cms_detached(body, signature, []).signer_cert
    if cert is None:
        raise C27Error(msg("Không đọc được chứng thư số vừa ký.",
                           "Cannot read the certificate just used to sign."),
                       code="BAD_SIGNATURE")
    others = [u for u in exchange.units_pinned_to(db, certs.fingerprint(cert)) if u != code]
    if others:
        raise C27Error(msg("Chứng thư số này đã ghi nhận cho đơn vị {others}; biểu mẫu của {code} phải do chính {code} ký.",
                           "This certificate is pinned to {others}; {code}'s form must be signed by {code} itself.",
                           others=', '.join(others), code=code), code="SIGNER_OF_OTHER_UNIT")
    check_names_unit(cert, code)


def publish_form(db: Database, cat: Catalogue, year: int, out: Path, spec, *, who: str) -> Path:
    """Sign ``cat`` as the form for ``year`` and write it to ``out`` (a folder or a ``.c27form`` path);
    the office keeps the form too, marked as published for that year."""
    if year < cat.year:
        raise C27Error(msg("Biểu mẫu {key} dùng từ năm {year}, không ban hành cho năm {asked} được.",
                           "Form {key} applies from {year}; it cannot be published for {asked}.",
                           key=cat.key, year=cat.year, asked=year),
                       code="INVALID_FORM")
    me = units.require_self_unit(db)
    from c27desk.report.signing import cms_sign_detached

    body = canonical_json({"format": 1, "for_year": year, "form": dict(cat.raw), "published_at": now(),
                           "publisher": {"code": me.code, "name": me.name, "level": me.level}})
    signature = cms_sign_detached(body, spec)
    _check_own_signer(db, me.code, body, signature)
    raw = build_zip([(FORM, body), (FORM_SIGNATURE, signature)])
    out = Path(out)
    target = out if out.suffix.lower() == FORM_SUFFIX else out / form_file_name(cat, year)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise C27Error(msg("Không tạo được thư mục {folder}: {why}", "Cannot create folder {folder}: {why}",
                           folder=target.parent, why=os_text(exc)),
                       code="WRITE_FAILED") from exc
    atomic_write_bytes(target, raw)
    with db.atomic():
        periods.store_catalogue(db, cat, origin="published", detail=f"{me.code} – {me.name}", for_year=year)
        log(db, "form", who=who, year=year, detail=f"published {cat.key} → {target.name}")
    return target


def _form_alone(raw: bytes) -> bool:
    try:
        read_members(raw, {FORM: _LIMITS[FORM]}, _MAX_FILE)
    except ImportRefusedError:
        return False
    return True


def read_form(db: Database, raw: bytes) -> tuple[Catalogue, int, str, str]:
    """The checks of ``install_form``, nothing written: the form, its year, its publisher and its signer."""
    cat, year, who, cert, _code = _read_form(db, raw)
    return cat, year, who, certs.subject(cert)


def _read_form(db: Database, raw: bytes):
    """Check a ``.c27form`` without writing: structure, signature chaining to a trusted CA, the form itself.
    Returns the form, the year it is published for, the publisher and the signer; refusals carry a code."""
    if raw[:4] != b"PK\x03\x04":
        raise refuse("UNSIGNED")
    try:
        parts = read_members(raw, _LIMITS, _MAX_FILE)
    except ImportRefusedError as exc:
        if exc.code == "MALFORMED" and _form_alone(raw):  # a well-made file with the form and no signature
            raise refuse("UNSIGNED", FORM) from None
        raise
    try:
        doc = json.loads(parts[FORM].decode("utf-8"), object_pairs_hook=_no_duplicates(FORM))
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
        raise refuse("BAD_SIGNATURE", cms.problems or FORM_SIGNATURE)
    if not cms.trusted:
        raise refuse("UNTRUSTED_SIGNER", certs.subject(cms.signer_cert))
    try:
        cat = parse_catalogue(form, source=FORM)
        parse_catalogue(form, source=FORM, year=year)
    except C27Error as exc:
        raise refuse("INVALID_FORM", exc.said()) from None
    code = publisher.get("code")
    if not isinstance(code, str) or not UNIT_CODE_RE.match(code):
        raise refuse("MALFORMED", msg("{file}: mã đơn vị ban hành không hợp lệ", "{file}: invalid publisher code",
                                      file=FORM))
    _check_publisher(db, code, year, cms.signer_cert)
    who = f"{code} – {publisher.get('name', '?')}"
    return cat, year, who, cms.signer_cert, code


def _office_above(db: Database, year: int) -> str | None:
    """This unit's parent office in the register for ``year`` (the unit as it reported that year)."""
    me = units.report_unit(db, year)
    return me.parent


def _check_publisher(db: Database, code: str, year: int, cert) -> None:
    """A form is the office above's only when that office publishes it and its own certificate signs it:
    the one pinned for it, or — the first time — one that no other unit holds and that names no other
    unit. Any trusted signer is not enough (a sibling district's key is trusted too)."""
    me = units.require_self_unit(db)
    above = _office_above(db, year)
    if code not in (me.code, above):
        hint = verbatim("") if above else msg(
            " — sổ đơn vị chưa ghi cấp trên của {unit} (c27desk units move --code {unit} --parent … --from {year})",
            " — the register names no office above {unit} (c27desk units move --code {unit} --parent … --from {year})",
            unit=me.code, year=year)
        raise refuse("NOT_THE_OFFICE_ABOVE", joined("{code}{hint}", code=code, hint=hint))
    fp = certs.fingerprint(cert)
    others = [u for u in exchange.units_pinned_to(db, fp) if u != code]
    if others:
        raise refuse("SIGNER_OF_OTHER_UNIT", joined("{units} ({subject})", units=", ".join(others),
                                                    subject=certs.subject(cert)))
    try:
        check_names_unit(cert, code)
    except C27Error:
        raise refuse("SIGNER_OF_OTHER_UNIT", certs.subject(cert)) from None
    pinned = exchange.pinned_signer(db, code)
    if pinned is not None and pinned.fingerprint != fp:
        # a renewed key usually keeps its subject: the serial and fingerprint are what is read out by telephone
        raise refuse("SIGNER_CHANGED", joined("{old} → {new}", old=certs.details(certs.load_pem(pinned.pem)).said(),
                                              new=certs.details(cert).said()), unit=code, form=True)


def _pin_publisher(db: Database, code: str, cert, who: str) -> bool:
    """The office above's certificate, first seen on a form it published: pinned, so a later form signed by
    another key is refused (a renewal is confirmed with ``units pin``)."""
    if code != units.require_self_unit(db).code and exchange.pinned_signer(db, code) is None \
            and units.get_unit(db, code) is not None:
        exchange.pin_signer(db, code, certs.fingerprint(cert), certs.subject(cert), certs.to_pem(cert), who=who)
        return True
    return False


def install_form(db: Database, raw: bytes, *, who: str) -> InstalledForm:
    """Verify and keep a published form; a different form under the same id and version is refused."""
    cat, year, publisher, cert, code = _read_form(db, raw)
    signer = certs.subject(cert)
    with db.atomic():
        pinned = _pin_publisher(db, code, cert, who)
        try:
            new = periods.store_catalogue(db, cat, origin="installed", detail=f"{publisher}; {signer}",
                                          for_year=year)
        except C27Error as exc:
            raise refuse("FORM_CONFLICT", cat.key) from exc
        log(db, "form", who=who, year=year, detail=f"installed {cat.key} from {publisher}")
    return InstalledForm(cat, year, publisher, signer, new, certs.details(cert) if pinned else None)
