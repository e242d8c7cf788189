"""Certificates as the exchange needs them: load, fingerprint, name, PEM — whatever library made them.

pyHanko hands out asn1crypto certificates, ``cryptography`` its own; both reduce to DER here.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from asn1crypto import pem as asn1_pem
from asn1crypto import x509 as asn1_x509

from c27desk.errors import C27Error
from c27desk.fileio import read_file


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
        raise C27Error("tệp không phải chứng thư số (PEM hoặc DER) hợp lệ.",
                       "not a valid certificate file (PEM or DER).", code="BAD_CERTIFICATE") from exc


def load_pem_file(path) -> asn1_x509.Certificate:
    return load_pem(read_file(path))


def fingerprint(cert) -> str:
    return hashlib.sha256(_der(cert)).hexdigest()


_SHORT = {"common_name": "CN", "organizational_unit_name": "OU", "organization_name": "O", "locality_name": "L",
          "state_or_province_name": "ST", "country_name": "C", "email_address": "E", "serial_number": "SERIALNUMBER"}


def subject(cert) -> str:
    """The subject as people read it on a certificate: ``CN=…, OU=…, O=…, C=VN`` (most specific first)."""
    name = asn1_x509.Certificate.load(_der(cert)).subject
    parts = []
    for rdn in reversed(name.chosen):
        for attr in rdn:
            key = attr["type"].native
            parts.append(f"{_SHORT.get(key, key)}={attr['value'].native}")
    return ", ".join(parts)


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


@dataclass(frozen=True)
class CertInfo:
    """What an operator compares on a certificate before trusting or revoking it."""

    subject: str
    serial: str  # hex, as certificate viewers show it
    fingerprint: str  # SHA-256 of the DER, hex
    not_before: str  # ISO dates (UTC)
    not_after: str


def describe(cert) -> CertInfo:
    c = asn1_x509.Certificate.load(_der(cert))
    validity = c["tbs_certificate"]["validity"]
    return CertInfo(subject(cert), format(c.serial_number, "X"), fingerprint(cert),
                    validity["not_before"].native.date().isoformat(), validity["not_after"].native.date().isoformat())


def subject_fields(cert) -> list[str]:
    """The subject's values (CN, OU, O, …) as written, for telling which unit a certificate names."""
    name = asn1_x509.Certificate.load(_der(cert)).subject
    return [str(attr["value"].native) for rdn in name.chosen for attr in rdn]
