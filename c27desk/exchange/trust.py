"""The office's trusted CAs: one service for the command line and the window.

Adding checks the file the same way wherever it comes from (a readable certificate, and a CA
certificate, not a unit's signing certificate someone picked by mistake); removing names the
CA by its fingerprint (or an unambiguous start of it, as ``trust list`` prints it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from c27desk.errors import InputError
from c27desk.exchange import certs
from c27desk.i18n import msg
from c27desk.store import exchange


@dataclass(frozen=True)
class TrustChange:
    ca: exchange.TrustedCa
    changed: bool  # False: it was already trusted (add) — removal of an unknown CA is refused instead


def add_ca_file(db: Database, path: Path, *, who: str) -> TrustChange:
    """Trust the CA certificate in ``path`` (PEM or DER); refused, changing nothing, if it is not a CA."""
    cert = certs.load_pem_file(path)
    if not certs.is_ca(cert):
        raise InputError(msg("{path} không phải chứng thư của tổ chức chứng thực (CA).",
                             "{path} is not a CA certificate.",
                             path=path), code="NOT_A_CA")
    ca = exchange.TrustedCa(certs.fingerprint(cert), certs.subject(cert), certs.to_pem(cert))
    return TrustChange(ca, exchange.add_trusted_ca(db, ca, who=who))


def find_ca(db: Database, fingerprint: str) -> exchange.TrustedCa:
    """The trusted CA whose fingerprint is, or starts with, ``fingerprint`` (at least 8 hex digits)."""
    wanted = fingerprint.strip().lower().rstrip("…").replace(":", "")
    if len(wanted) < 8 or any(c not in "0123456789abcdef" for c in wanted):
        raise InputError(msg("“{fingerprint}” không phải dấu vân tay hợp lệ (ít nhất 8 chữ số hex, như trust list in ra).",
                             "“{fingerprint}” is not a valid fingerprint (at least 8 hex digits, as trust list prints).",
                             fingerprint=fingerprint),
                         code="BAD_FINGERPRINT")
    found = [ca for ca in exchange.trusted_cas(db) if ca.fingerprint.startswith(wanted)]
    if not found:
        raise InputError(msg("Không có CA tin cậy nào có dấu vân tay {wanted}.",
                             "No trusted CA has the fingerprint {wanted}.",
                             wanted=wanted), code="UNKNOWN_CA")
    if len(found) > 1:
        raise InputError(msg("{n} CA có dấu vân tay bắt đầu bằng {wanted}; hãy ghi dài hơn.",
                             "{n} CAs have fingerprints starting with {wanted}; give more of it.",
                             n=len(found), wanted=wanted),
                         code="AMBIGUOUS_CA")
    return found[0]


def remove_ca(db: Database, fingerprint: str, *, who: str) -> exchange.TrustedCa:
    """Stop trusting a CA. Packages accepted earlier stay; new ones signed under it are refused."""
    ca = find_ca(db, fingerprint)
    exchange.remove_trusted_ca(db, ca.fingerprint, who=who)
    return ca
