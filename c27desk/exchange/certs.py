"""Certificates as the exchange needs them: load, fingerprint, name, PEM — whatever library made them.

pyHanko hands out asn1crypto certificates, ``cryptography`` its own; both reduce to DER here.
"""

from __future__ import annotations

import functools
import hashlib
import io
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import pem as asn1_pem
from asn1crypto import x509 as asn1_x509

from c27desk.errors import C27Error
from c27desk.fileio import read_file
from c27desk.i18n import Text, msg
from c27desk.model.text import shown


def _der(cert) -> bytes:
    if isinstance(cert, asn1_x509.Certificate):
        return cert.dump()
    if hasattr(cert, "public_bytes"):
        from cryptography.hazmat.primitives.serialization import Encoding

        return cert.public_bytes(Encoding.DER)
    if isinstance(cert, bytes):
        return cert
    raise TypeError(f"not a certificate: {type(cert).__name__}")


def load_pem(data: str | bytes) -> asn1_x509.Certificate:
    raw = data.encode("ascii", "ignore") if isinstance(data, str) else data
    try:
        if asn1_pem.detect(raw):
            _, _, raw = asn1_pem.unarmor(raw)
        cert = asn1_x509.Certificate.load(raw)
        cert.native  # noqa: B018 - parse fully now, not later
        return cert
    except Exception as exc:  # noqa: BLE001 - any parse failure is the same problem for the user
        raise C27Error(msg("Tệp không phải chứng thư số (PEM hoặc DER) hợp lệ.",
                           "Not a valid certificate file (PEM or DER)."), code="BAD_CERTIFICATE") from exc


def load_pem_file(path) -> asn1_x509.Certificate:
    return load_pem(read_file(path))


def fingerprint(cert) -> str:
    return hashlib.sha256(_der(cert)).hexdigest()


_SHORT = {"common_name": "CN", "organizational_unit_name": "OU", "organization_name": "O", "locality_name": "L",
          "state_or_province_name": "ST", "country_name": "C", "email_address": "E", "serial_number": "SERIALNUMBER"}


def subject(cert) -> str:
    """The subject as people read it on a certificate: ``CN=…, OU=…, O=…, C=VN`` (most specific first),
    escaped for display (see model.text.shown)."""
    name = asn1_x509.Certificate.load(_der(cert)).subject
    parts = []
    for rdn in reversed(name.chosen):
        for attr in rdn:
            key = attr["type"].native
            parts.append(f"{_SHORT.get(key, key)}={attr['value'].native}")
    return shown(", ".join(parts), 500)  # a subject is outside text: it may hold anything


def to_pem(cert) -> str:
    return asn1_pem.armor("CERTIFICATE", _der(cert)).decode("ascii")


def is_ca(cert) -> bool:
    c = asn1_x509.Certificate.load(_der(cert))
    return bool(c.ca)


def pdf_keywords(pdf: bytes) -> str:
    """The /Keywords of a PDF's document information (where the appendix records unit, year, revision, hash)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        if "/Info" not in reader.trailer_view:
            return ""
        value = reader.trailer_view["/Info"].get("/Keywords")  # indexing dereferences the indirect object
        return str(value) if value is not None else ""
    except Exception:  # noqa: BLE001 - an unreadable PDF simply has no keywords
        return ""


def subject_fields(cert) -> list[str]:
    """The subject's values (CN, OU, O, …) as written, for telling which unit a certificate names."""
    name = asn1_x509.Certificate.load(_der(cert)).subject
    return [str(attr["value"].native) for rdn in name.chosen for attr in rdn]


@dataclass(frozen=True)
class CertificateDetails:
    """What an operator checks with a unit (by telephone) before accepting its signing certificate."""

    subject: str
    serial: str
    fingerprint: str
    not_before: datetime
    not_after: datetime

    def validity(self) -> str:
        return f"{self.not_before:%d/%m/%Y} – {self.not_after:%d/%m/%Y}"

    def said(self) -> Text:
        """Everything the operator reads out to the unit, in the reader's language."""
        fp = ":".join(self.fingerprint[i:i + 2] for i in range(0, len(self.fingerprint), 2)).upper()
        return msg("{subject}; số sê-ri {serial}; SHA-256 {fingerprint}; hiệu lực {validity}",
                   "{subject}; serial {serial}; SHA-256 {fingerprint}; valid {validity}",
                   subject=self.subject, serial=self.serial, fingerprint=fp, validity=self.validity())

    def text(self, lang: str | None = None) -> str:
        """The same in ``lang`` (the interface language when not given)."""
        return self.said().render(lang or None)


def details(cert) -> CertificateDetails:
    c = asn1_x509.Certificate.load(_der(cert))
    return CertificateDetails(subject(c), f"{c.serial_number:X}", fingerprint(c), c.not_valid_before,
                              c.not_valid_after)


WEAK_HASHES = {"md2", "md5", "sha1"}
MIN_RSA_BITS, MIN_EC_BITS = 2048, 256
# extended key usages under which a certificate may sign a document (openssl's smimesign purpose accepts
# emailProtection; document signing as RFC 9336, Adobe and Microsoft name it); "any" allows everything
_SIGNING_EKU = {"email_protection", "any_extended_key_usage", "1.3.6.1.5.5.7.3.36", "1.2.840.113583.1.1.5",
                "1.3.6.1.4.1.311.10.3.12", "1.3.6.1.4.1.311.80.1"}


def _hash_of(algorithm) -> str:
    try:
        return algorithm.hash_algo
    except (ValueError, KeyError):
        return ""


@functools.lru_cache(maxsize=4096)
def _same_name(a: bytes, b: bytes) -> bool:
    """Whether two names (DER) are equal as X.509 compares them (RFC 5280 7.1: asn1crypto's ``Name ==``, which
    prepares every string; a few milliseconds a package). The answer depends on the bytes only, so it is
    remembered: every package of a batch names the same CA, and each is checked twice (CMS and PAdES)."""
    return asn1_x509.Name.load(a) == asn1_x509.Name.load(b)


def _self_issued(cert: asn1_x509.Certificate) -> bool:
    """``cert.self_issued`` (subject equal to issuer), through the remembered comparison."""
    return _same_name(cert.subject.dump(), cert.issuer.dump())


def _chain(signer: asn1_x509.Certificate, pool: list[asn1_x509.Certificate]) -> list[asn1_x509.Certificate]:
    """The signer and its issuers by name, as far as ``pool`` goes (for telling the operator *what* is wrong;
    whether the chain is trusted is decided by the validator, which also checks every signature)."""
    chain, current = [signer], signer
    while not _self_issued(current) and len(chain) < 8:
        issuer = next((c for c in pool if _same_name(c.subject.dump(), current.issuer.dump()) and c not in chain),
                      None)
        if issuer is None:
            break
        chain.append(issuer)
        current = issuer
    return chain


def signature_policy(signer_info, certificates: list, signer, roots: list, at: datetime) -> tuple[str, Text | str] | None:
    """The first way a signature breaks the signing policy, as (refusal code, detail), or None.

    The same policy for the package's CMS and the appendix's PAdES signature, checked as ``openssl cms
    -verify`` would: no MD5/SHA-1 anywhere, RSA ≥ 2048, every certificate of the chain valid now, a signer
    that is no CA and whose key usage and extended key usage allow signing documents, and every CA's path
    length respected. Codes are specific so the operator is pointed to the right fix."""
    signer = asn1_x509.Certificate.load(_der(signer))
    pool = [asn1_x509.Certificate.load(_der(c)) for c in [*certificates, *roots]]
    digest = signer_info["digest_algorithm"]["algorithm"].native
    if digest in WEAK_HASHES or _hash_of(signer_info["signature_algorithm"]) in WEAK_HASHES:
        return "WEAK_ALGORITHM", f"{digest}/{signer_info['signature_algorithm']['algorithm'].native}"
    chain = _chain(signer, pool)
    for depth, cert in enumerate(chain):
        name = subject(cert)
        if cert.not_valid_after < at:
            return "CERT_EXPIRED", msg("{name}, hết hạn {day}", "{name}, expired {day}", name=name,
                                       day=cert.not_valid_after.date())
        if cert.not_valid_before > at:
            return "CERT_NOT_YET_VALID", msg("{name}, hiệu lực từ {day}", "{name}, valid from {day}", name=name,
                                             day=cert.not_valid_before.date())
        if not _self_issued(cert) and _hash_of(cert["signature_algorithm"]) in WEAK_HASHES:
            return "WEAK_ALGORITHM", f"{name}: {cert['signature_algorithm']['algorithm'].native}"
        key = cert.public_key
        if key.algorithm == "rsa" and key.bit_size < MIN_RSA_BITS or key.algorithm == "ec" and \
                key.bit_size < MIN_EC_BITS or key.algorithm == "dsa":
            return "WEAK_KEY", f"{name}: {key.algorithm.upper()} {key.bit_size} bit"
        if depth > 0:
            limit = cert.max_path_length
            if limit is not None and depth - 1 > limit:
                return "CERT_PATH_LENGTH", f"{name}: {depth - 1} > {limit}"
            if not cert.ca:
                return "CERT_USAGE", msg("{name}: cấp chứng thư nhưng không phải CA",
                                         "{name}: issues certificates but is no CA", name=name)
    if signer.ca:
        return "CERT_USAGE", msg("{name}: chứng thư của CA", "{name}: a CA certificate", name=subject(signer))
    usage = signer.key_usage_value
    if usage is not None and not ({"digital_signature", "non_repudiation"} & set(usage.native)):
        return "CERT_USAGE", msg("{name}: mục đích của khóa {usage}", "{name}: key usage {usage}", name=subject(signer),
                                 usage=", ".join(sorted(usage.native)))
    eku = signer.extended_key_usage_value
    if eku is not None and not (_SIGNING_EKU & set(eku.native)):
        return "CERT_USAGE", msg("{name}: mục đích mở rộng của khóa {usage}", "{name}: extended key usage {usage}",
                                 name=subject(signer), usage=", ".join(sorted(eku.native)))
    return None
