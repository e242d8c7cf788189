"""Checking signatures the way the office above does: whole file, intact, valid, and whose.

A PAdES signature stays "valid" when someone appends a revision after signing (that is how PDF
incremental updates work), so a signature counts only when it covers the entire file. Trust is
only ever the roots we are given (the office's trust store or ``--trust``): never the operating
system's list, which on the Party WAN means nothing. Revocation cannot be fetched offline, so it
is checked soft-fail.

Neither function raises on a damaged or hostile file: whatever is wrong ends up in ``problems``.
"""

from __future__ import annotations

import asyncio
import io
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime

from asn1crypto import cms as asn1_cms
from asn1crypto import x509 as asn1_x509

from c27desk.i18n import Text, joined, moment, msg
from c27desk.report.signing import certificate_name


@dataclass
class PdfVerification:
    signer: str = ""
    signer_cert: asn1_x509.Certificate | None = field(default=None, repr=False)
    signing_time: datetime | None = None
    intact: bool = False
    valid: bool = False
    covers_whole_file: bool = False
    trusted: bool = False
    problems: list[Text] = field(default_factory=list)
    described: str = ""  # "TU-DONGNAI, 2023, revision 1" from the document's metadata (what the file says it is)
    check_code: str = ""  # the content hash our renderer put in the metadata (no longer printed on the page)
    policy: tuple[str, str] | None = None  # (refusal code, detail) when the signature breaks the signing policy
    active: list[str] = field(default_factory=list)  # JavaScript, automatic actions, attachments, XFA
    keywords: str | None = None  # the document information's /Keywords, when read in the same pass
    unreadable: bool = False  # not a PDF at all (or too damaged to open): nothing else in here means anything

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.covers_whole_file and self.trusted and not self.problems


def _identity(reader) -> tuple[str, str]:
    """Unit, year, revision and content hash from the Keywords the renderer writes; empty when absent."""
    try:
        keywords = str(reader.trailer_view["/Info"].get_object().get("/Keywords", ""))
    except Exception:  # noqa: BLE001 - metadata is informative; a file without it is verified all the same
        return "", ""
    parts = keywords.split(";")
    if len(parts) < 5 or parts[0] != "c27desk":
        return "", ""
    named = dict(p.split("=", 1) for p in parts[3:] if "=" in p)
    code = named.get("hash", "")[:16]
    if code and named.get("printed"):  # the header's details too: papers with different headers differ here
        code += "-" + named["printed"][:8]
    return f"{parts[1]}, {parts[2]}, r{named.get('revision', '?')}", code


@dataclass
class CmsVerification:
    signer_cert: asn1_x509.Certificate | None = field(default=None, repr=False)
    valid: bool = False
    trusted: bool = False
    problems: list[Text] = field(default_factory=list)
    policy: tuple[str, str] | None = None

    @property
    def ok(self) -> bool:
        return self.valid and self.trusted and not self.problems


def local_time(when: datetime | None) -> str:
    """A signing time for people: GMT+7 with seconds, "?" when the signature names none."""
    return moment(when, seconds=True) if when else "?"


def _context(roots):
    from pyhanko_certvalidator import ValidationContext

    # pyHanko logs every failed check with a traceback; here failures are results, reported in ``problems``
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    return ValidationContext(trust_roots=list(roots or []), allow_fetching=False, revocation_mode="soft-fail")


def _policy(signer_info, signed_data, signing_cert, roots) -> tuple[str, str] | None:
    from c27desk.exchange.certs import signature_policy

    certificates = [c.chosen for c in (signed_data["certificates"] or []) if c.name == "certificate"]
    return signature_policy(signer_info, certificates, signing_cert, list(roots or []), datetime.now(UTC))


def _policy_problem(policy: tuple[str, str]) -> Text:
    from c27desk.exchange.reasons import REASONS

    code, detail = policy
    vi, en = REASONS[code]
    return joined("[{code}] {reason}", code=code, reason=msg(vi.rstrip("."), en.rstrip("."), detail=detail))


# What makes a PDF do something when opened instead of only showing pages: an appendix has none of it.
_ACTIVE_KEYS = {"/JS": "JavaScript", "/JavaScript": "JavaScript", "/OpenAction": "OpenAction", "/AA": "AA",
                "/EmbeddedFiles": "EmbeddedFiles", "/EmbeddedFile": "EmbeddedFile", "/XFA": "XFA",
                "/RichMedia": "RichMedia"}
_ACTIVE_ACTIONS = {"/Launch", "/JavaScript", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE", "/Rendition",
                   "/Sound", "/Movie"}


def active_content(pdf: bytes) -> list[str]:
    """The kinds of active content anywhere in the PDF (every object, not only those reachable from pages)."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(pdf)) as doc:
            return _active_in(doc)
    except Exception:  # noqa: BLE001 - a PDF pikepdf cannot read cannot be shown to be harmless
        return ["?"]  # listed as a kind that cannot be named; the log keeps pikepdf's reason


def _active_in(doc) -> list[str]:
    import pikepdf

    found: set[str] = set()

    def look(obj, depth: int) -> None:
        """One object and the direct objects inside it (indirect ones are visited on their own)."""
        if depth > 50:
            found.add("nesting")
            return
        if isinstance(obj, pikepdf.Stream):
            obj = obj.stream_dict
        if isinstance(obj, pikepdf.Array):
            for item in obj:
                if isinstance(item, pikepdf.Dictionary | pikepdf.Array) and not item.is_indirect:
                    look(item, depth + 1)
            return
        if not isinstance(obj, pikepdf.Dictionary):
            return
        found.update(label for key, label in _ACTIVE_KEYS.items() if key in obj)
        action = obj.get("/S")
        if isinstance(action, pikepdf.Name) and str(action) in _ACTIVE_ACTIONS:
            found.add(str(action)[1:])
        if obj.get("/Type") == pikepdf.Name.Filespec or obj.get("/Subtype") == pikepdf.Name.FileAttachment:
            found.add("EmbeddedFile")
        for key in obj.keys():
            value = obj.get(key)
            if isinstance(value, pikepdf.Dictionary | pikepdf.Array) and not value.is_indirect:
                look(value, depth + 1)

    look(doc.trailer, 0)
    for obj in doc.objects:
        look(obj, 0)
    return sorted(found)


_FAST_DIGESTS = {"sha256", "sha384", "sha512"}


def verify_signed_by(pdf: bytes, signer_cert: asn1_x509.Certificate, roots: list) -> PdfVerification | None:
    """The appendix's signature checked for what an import needs, or None when this cannot tell: then
    ``verify_pdf`` (pyHanko's general reader and validation) decides and says what is wrong.

    An import has already validated the package's signer (its path to a trusted CA, now, under the
    signing policy). The appendix must be signed by that very certificate, so its path is not built
    again; what is checked here is that the file holds exactly one signature, whose byte ranges cover
    the whole file but its own /Contents (nothing appended, nothing outside the signature), made by a
    certificate byte for byte equal to ``signer_cert``, its digest and RSA signature correct (pyHanko's
    own integrity check), the signing policy met, and no active content; the keywords are read in the
    same pass. Only a file passing all of that gets a result here: anything unusual (another signature
    layout, a certificate named by key identifier, signed attributes missing) goes to ``verify_pdf``, so
    every refusal is the general check's own."""
    import hashlib

    import pikepdf
    from pyhanko.pdf_utils.generic import parse_pdf_date
    from pyhanko.sign.validation.generic_cms import extract_self_reported_ts, validate_sig_integrity

    try:
        with pikepdf.open(io.BytesIO(pdf)) as doc:
            if _active_in(doc):
                return None
            values = [obj for obj in doc.objects if isinstance(obj, pikepdf.Dictionary) and "/ByteRange" in obj]
            fields = _signature_fields(doc)
            if len(values) != 1 or len(fields) != 1 or fields[0].objgen != values[0].objgen:
                return None
            value = values[0]
            if value.get("/SubFilter") not in (pikepdf.Name("/ETSI.CAdES.detached"),
                                               pikepdf.Name("/adbe.pkcs7.detached")):
                return None
            ranges = [int(v) for v in value["/ByteRange"]]
            contents = bytes(value["/Contents"])
            stamped = str(value["/M"]) if "/M" in value else None
            info = doc.trailer.get("/Info")
            keywords = str(info.get("/Keywords", "")) if isinstance(info, pikepdf.Dictionary) else ""
    except Exception:  # noqa: BLE001 - whatever pikepdf cannot read, the general check reports
        return None
    if len(ranges) != 4 or ranges[0] != 0 or not 0 < ranges[1] < ranges[2] or ranges[2] + ranges[3] != len(pdf):
        return None
    gap = pdf[ranges[1]:ranges[2]]
    try:
        if gap[:1] != b"<" or gap[-1:] != b">" or bytes.fromhex(gap[1:-1].decode("ascii")) != contents:
            return None
        signed = asn1_cms.ContentInfo.load(contents)  # the zeros padding /Contents after the DER are not read
        if signed["content_type"].native != "signed_data":
            return None
        signed_data = signed["content"]
        if len(signed_data["signer_infos"]) != 1 or signed_data["encap_content_info"]["content"].native is not None:
            return None
        signer_info = signed_data["signer_infos"][0]
        sid = signer_info["sid"]
        if sid.name != "issuer_and_serial_number" or signer_info["signed_attrs"].native is None:
            return None
        if any(a["type"].native in ("cms_algorithm_protection", "signing_certificate") for a in
               signer_info["signed_attrs"]):
            return None
        certificates = [c.chosen for c in signed_data["certificates"] or [] if c.name == "certificate"]
        named = [c for c in certificates if c.serial_number == sid.chosen["serial_number"].native
                 and c.issuer.dump() == sid.chosen["issuer"].dump()]
        if len(named) != 1 or named[0].dump() != signer_cert.dump():
            return None
        algorithm = signer_info["digest_algorithm"]["algorithm"].native
        if algorithm not in _FAST_DIGESTS:
            return None
        digest = hashlib.new(algorithm, pdf[:ranges[1]] + pdf[ranges[2]:]).digest()
        intact, valid = validate_sig_integrity(signer_info, named[0], "data", digest)
        if not (intact and valid):
            return None
        policy = _policy(signer_info, signed_data, named[0], roots)
        signing_time = extract_self_reported_ts(signer_info)  # as pyHanko: the signed attribute, else /M
        if signing_time is None and stamped is not None:
            signing_time = parse_pdf_date(stamped, strict=False)
    except Exception:  # noqa: BLE001 - a structure this does not expect: the general check reports
        return None
    if policy is not None:
        return None
    return PdfVerification(signer=certificate_name(named[0]), signer_cert=named[0], signing_time=signing_time,
                           intact=True, valid=True, covers_whole_file=True, trusted=True, keywords=keywords)


def _signature_fields(doc) -> list:
    """The values (/V) of the form's signature fields, the field type inherited down the field tree."""
    import pikepdf

    out: list = []
    form = doc.Root.get("/AcroForm")
    if not isinstance(form, pikepdf.Dictionary):
        return out

    def walk(fields, inherited, depth: int) -> None:
        if depth > 20 or not isinstance(fields, pikepdf.Array):
            return
        for f in fields:
            if not isinstance(f, pikepdf.Dictionary):
                continue
            kind = f.get("/FT", inherited)
            if "/Kids" in f:
                walk(f["/Kids"], kind, depth + 1)
            if kind == pikepdf.Name("/Sig") and isinstance(f.get("/V"), pikepdf.Dictionary):
                out.append(f["/V"])

    walk(form.get("/Fields"), None, 0)
    return out


def verify_pdf(pdf: bytes, roots: list | None) -> PdfVerification:
    """Verify the one signature a signed appendix carries; ``roots`` are the trusted CA certificates."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    result = PdfVerification()
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = list(reader.embedded_signatures)
    except Exception:  # noqa: BLE001 - any damage means "not a readable signed PDF"
        result.unreadable = True
        result.problems.append(msg("Không đọc được tệp: đây không phải tệp PDF, hoặc tệp bị hỏng.",
                                   "The file cannot be read: it is not a PDF, or it is damaged."))
        return result
    if not signatures:
        result.problems.append(msg("Tệp không có chữ ký số.", "The file carries no signature."))
        return result
    if len(signatures) > 1:
        result.problems.append(msg("Tệp có {n} chữ ký.", "The file carries {n} signature.",
                                   plural="The file carries {n} signatures.", n=len(signatures)))
    result.active = active_content(pdf)
    if result.active:
        kinds = ", ".join(result.active)
        result.problems.append(msg("[APPENDIX_ACTIVE_CONTENT] Tệp chứa nội dung chủ động ({kinds}).",
                                   "[APPENDIX_ACTIVE_CONTENT] The file holds active content ({kinds}).", kinds=kinds))
    sig = signatures[-1]
    result.described, result.check_code = _identity(reader)
    try:
        status = validate_pdf_signature(sig, _context(roots))
        if status.signing_cert is not None:
            result.policy = _policy(sig.signer_info, sig.signed_data, status.signing_cert, roots)
    except Exception:  # noqa: BLE001 - hostile input must not crash the caller
        result.problems.append(msg("Chữ ký bị hỏng, không kiểm tra được.", "The signature is damaged and cannot be checked."))
        return result
    if result.policy is not None:
        result.problems.append(_policy_problem(result.policy))
    result.signer_cert = status.signing_cert
    result.signer = certificate_name(status.signing_cert) if status.signing_cert is not None else ""
    result.signing_time = status.signer_reported_dt
    result.intact, result.valid, result.trusted = bool(status.intact), bool(status.valid), bool(status.trusted)
    result.covers_whole_file = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    if not result.intact:
        result.problems.append(msg("Nội dung đã bị sửa sau khi ký.", "The signed content was altered."))
    elif not result.valid:
        result.problems.append(msg("Chữ ký không hợp lệ.", "The signature is invalid."))
    if not result.covers_whole_file:
        result.problems.append(msg("Có nội dung thêm vào sau khi ký.", "Content was added after signing."))
    if not result.trusted:
        result.problems.append(msg("Người ký không thuộc tổ chức chứng thực tin cậy.",
                                   "The signer does not chain to a trusted root."))
    return result


def verify_cms_detached(data: bytes, p7s: bytes, roots: list | None) -> CmsVerification:
    """Verify a detached CMS signature (DER) over ``data``; trust is judged only when roots are given."""
    from pyhanko.sign.validation.generic_cms import async_validate_detached_cms

    result = CmsVerification()
    try:
        info = asn1_cms.ContentInfo.load(p7s)
        if info["content_type"].native != "signed_data":
            raise ValueError("not SignedData")
        signed_data = info["content"]
        if len(signed_data["signer_infos"]) != 1:
            raise ValueError("one signer expected")
    except Exception:  # noqa: BLE001 - any parse failure is the same problem
        result.problems.append(msg("Chữ ký gói không đọc được.", "The package signature is unreadable."))
        return result
    try:
        status = asyncio.run(async_validate_detached_cms(data, signed_data, signer_validation_context=_context(roots)))
    except Exception:  # noqa: BLE001 - hostile input must not crash the caller
        result.problems.append(msg("Chữ ký gói bị hỏng, không kiểm tra được.",
                                   "The package signature is damaged and cannot be checked."))
        return result
    result.signer_cert = status.signing_cert
    result.valid = bool(status.intact and status.valid)
    if status.signing_cert is not None:
        try:
            result.policy = _policy(signed_data["signer_infos"][0], signed_data, status.signing_cert, roots)
        except Exception:  # noqa: BLE001 - a certificate too damaged to judge is a damaged signature
            result.problems.append(msg("Chữ ký gói bị hỏng, không kiểm tra được.",
                                       "The package signature is damaged and cannot be checked."))
        if result.policy is not None:
            result.problems.append(_policy_problem(result.policy))
    result.trusted = bool(status.trusted) and roots is not None and len(roots) > 0
    if not result.valid:
        result.problems.append(msg("Chữ ký gói không khớp nội dung.", "The package signature does not match."))
    return result
