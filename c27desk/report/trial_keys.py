"""Trial keys, so a new user can try signing before the unit's USB token is set up.

A real unit signs with the certificate on the token issued to it; these keys exist only to learn
the program with. Every name says so: the files are called TRIAL-…, the CA's and the unit's
certificates carry "DÙNG THỬ" (trial) in their names, and the CA is trusted nowhere unless an
office adds it on purpose.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from c27desk.errors import C27Error
from c27desk.fileio import atomic_write_bytes
from c27desk.i18n import msg
from c27desk.model.text import shown
from c27desk.model.units import unit_name as model_unit_name

TRIAL = "DÙNG THỬ"
TRIAL_ISSUER_ORG = f"c27desk - {TRIAL}, không dùng cho báo cáo thật"


@dataclass(frozen=True)
class TrialKeys:
    ca_pem: Path
    ca_key: Path
    unit_p12: Path
    unit_cert_pem: Path


def _fit(text: str, limit: int = 64) -> str:
    """X.509 caps these names at 64 bytes; a long Vietnamese name is cut on a character boundary."""
    while len(text.encode("utf-8")) > limit:
        text = text[:-1]
    return text


def _name(common: str, org: str, unit: str | None = None) -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
             x509.NameAttribute(NameOID.ORGANIZATION_NAME, _fit(org))]
    if unit:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, _fit(unit)))
    parts.append(x509.NameAttribute(NameOID.COMMON_NAME, _fit(common)))
    return x509.Name(parts)


def _load_ca(keys: TrialKeys, secret: bytes):
    """The trial CA already in the folder, so several units' keys can share it (one CA for an office to trust)."""
    try:
        ca_cert = x509.load_pem_x509_certificate(keys.ca_pem.read_bytes())
        ca_key = serialization.load_pem_private_key(keys.ca_key.read_bytes(), secret)
    except (ValueError, TypeError) as exc:
        raise C27Error(msg("Không mở được {ca_key}: mật khẩu khác với lần tạo CA dùng thử?",
                           "Cannot open {ca_key}: a different passphrase from when the trial CA was made?",
                           ca_key=keys.ca_key),
                       code="BAD_PASSPHRASE") from exc
    return ca_cert, ca_key


def _new_ca(unit_code: str, years: int, now: dt.datetime):
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = _name(f"CA {TRIAL} c27desk {unit_code}", TRIAL_ISSUER_ORG)
    ca_cert = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
        .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now).not_valid_after(now + dt.timedelta(days=365 * (years + 7)))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    return ca_cert, ca_key


def make_trial_keys(out_dir: Path, unit_code: str, unit_name: str, passphrase: str,
                    *, years: int = 3) -> TrialKeys:
    """One unit's trial signing key and certificate in ``out_dir``, under the folder's trial CA (made if missing).

    Keys are never overwritten; a second unit in the same folder gets its certificate from the same CA."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", unit_code or ""):
        raise C27Error(msg("Mã đơn vị “{value}” không dùng được làm tên tệp.",
                           "Unit code “{value}” cannot be used in a file name.",
                           value=shown(unit_code or '')), code="INVALID_UNIT")
    unit_name = model_unit_name(unit_name)  # the same rules as a unit's printed name: no escapes, no bidi
    if len(passphrase) < 4:
        raise C27Error(msg("Mật khẩu cần ít nhất 4 ký tự.",
                           "The passphrase needs at least 4 characters."),
                       code="WEAK_PASSPHRASE")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    keys = TrialKeys(out_dir / "TRIAL-CA.pem", out_dir / "TRIAL-CA.key", out_dir / f"TRIAL-{unit_code}.p12",
                     out_dir / f"TRIAL-{unit_code}.pem")
    ca_files = [p.exists() for p in (keys.ca_pem, keys.ca_key)]
    existing = [p for p in (keys.unit_p12, keys.unit_cert_pem) if p.exists()]
    if existing or any(ca_files) != all(ca_files):
        first = existing[0] if existing else (keys.ca_pem if ca_files[0] else keys.ca_key)
        raise C27Error(msg("{first} đã có; không ghi đè khóa cũ.",
                           "{first} already exists; old keys are never overwritten.",
                           first=first), code="EXISTS")

    now = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    secret = passphrase.encode("utf-8")
    reuse = all(ca_files)
    ca_cert, ca_key = _load_ca(keys, secret) if reuse else _new_ca(unit_code, years, now)
    unit_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    common = f"{_fit(unit_name, 64 - len(f' ({TRIAL})'.encode()))} ({TRIAL})"
    unit_cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common, unit_name, unit_code)).issuer_name(ca_cert.subject)
        .public_key(unit_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now).not_valid_after(min(now + dt.timedelta(days=365 * years), ca_cert.not_valid_after_utc))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(unit_key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    if not reuse:
        atomic_write_bytes(keys.ca_pem, ca_cert.public_bytes(pem))
        atomic_write_bytes(keys.ca_key, ca_key.private_bytes(pem, serialization.PrivateFormat.PKCS8,
                                                             serialization.BestAvailableEncryption(secret)), mode=0o600)
    atomic_write_bytes(keys.unit_cert_pem, unit_cert.public_bytes(pem))
    atomic_write_bytes(keys.unit_p12, pkcs12.serialize_key_and_certificates(
        f"{unit_code} {TRIAL}".encode(), unit_key, unit_cert, [ca_cert],
        serialization.BestAvailableEncryption(secret)), mode=0o600)
    return keys


def trial_unit_code(cert) -> str | None:
    """The unit a trial certificate made here was issued for (its OU), or None for any other certificate.

    Only our own trial CA writes the unit code there, so real certificates are never second-guessed."""
    if cert is None or cert.issuer.native.get("organization_name") != TRIAL_ISSUER_ORG:
        return None
    unit = cert.subject.native.get("organizational_unit_name")
    return unit if isinstance(unit, str) else None
