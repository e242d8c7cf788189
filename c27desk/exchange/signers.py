"""The signing certificates an office has pinned for its units: list, pin deliberately, revoke.

One service for both faces (``c27desk units signers|pin|unpin`` and the Units screen). A
certificate belongs to one unit: pinning it for a second is refused, whoever asks.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from c27desk.errors import StoreError
from c27desk.exchange import certs
from c27desk.i18n import Text, msg
from c27desk.model.units import normalise_unit_code
from c27desk.store import exchange, units
from c27desk.store.backup import backed_up


@dataclass(frozen=True)
class SignerRow:
    unit: str
    unit_name: str
    info: certs.CertificateDetails
    pinned_at: str


def list_signers(db: Database) -> list[SignerRow]:
    out = []
    for pin in exchange.pinned_signers(db):
        unit = units.get_unit(db, pin.unit)
        out.append(SignerRow(pin.unit, unit.name if unit else "", certs.details(certs.load_pem(pin.pem)),
                             pin.pinned_at))
    return out


def check_names_unit(cert, unit_code: str) -> None:
    """A certificate that names another unit (our trial CA writes the unit code as OU) never signs for
    ``unit_code``: the same check export makes on the unit's own signer."""
    from c27desk.report.trial_keys import trial_unit_code

    named = trial_unit_code(certs.load_pem(certs.to_pem(cert)))
    if named and named != unit_code:
        raise StoreError(msg("Chứng thư số này cấp cho đơn vị {named}, không phải {unit_code}; một đơn vị không ký thay đơn "
                             "vị khác.",
                             "This certificate was issued for unit {named}, not {unit_code}; one unit cannot sign for another.",
                             named=named, unit_code=unit_code), code="SIGNER_OF_OTHER_UNIT")


@backed_up("signers")
def pin_certificate(db: Database, unit_code: str, cert, *, who: str) -> bool:
    """Pin ``cert`` for the unit (first pin or a renewal); False when it was already the unit's pin."""
    code = normalise_unit_code(unit_code)
    if units.get_unit(db, code) is None:
        raise StoreError(msg("Không có đơn vị {code}.",
                             "No unit {code}.",
                             code=code), code="UNKNOWN_UNIT")
    check_names_unit(cert, code)
    fp = certs.fingerprint(cert)
    others = [u for u in exchange.units_pinned_to(db, fp) if u != code]
    if others:
        raise StoreError(msg("Chứng thư số này đã ghi nhận cho đơn vị {others}.",
                             "This certificate is already pinned to {others}.",
                             others=', '.join(others)), code="SIGNER_OF_OTHER_UNIT")
    held = exchange.pinned_signer(db, code)
    if held is not None and held.fingerprint == fp:
        return False
    with db.atomic():
        exchange.pin_signer(db, code, fp, certs.subject(cert), certs.to_pem(cert), who=who)
    return True


@backed_up("signers")
def revoke_pin(db: Database, unit_code: str, *, who: str) -> exchange.PinnedSigner:
    code = normalise_unit_code(unit_code)
    old = exchange.unpin_signer(db, code, who=who)
    if old is None:
        raise StoreError(msg("Đơn vị {code} chưa có chứng thư số được ghi nhận.",
                             "Unit {code} has no pinned certificate.",
                             code=code),
                         code="NOT_PINNED")
    return old


# -- the unit's own certificate, as seen when it signs an export ------------------------------------
def _own_key(unit: str) -> str:
    return f"own-signer:{unit}"



def own_signer_warnings(db: Database, unit_code: str, cert) -> list[Text]:
    """Why a unit might not want to send what it just signed: the certificate names another unit of
    the register (a colleague's token plugged in), or it is not the certificate of earlier exports."""
    from c27desk.store.database import get_setting

    warnings: list[Text] = []
    fields = [f.casefold() for f in certs.subject_fields(cert)]
    mine = units.lineage(db, unit_code)
    own_names = {u.casefold() for c in mine for u in (c, (units.get_unit(db, c) or units.Unit(c, c, "")).name)}
    if not own_names & set(fields):
        named = [u for u in units.all_units(db) if u.code not in mine
                 and (u.code.casefold() in fields or u.name.casefold() in fields)]
        if named:
            who = ", ".join(f"{u.code} ({u.name})" for u in named)
            warnings.append(msg("Chứng thư số ký gói này ghi tên đơn vị khác: {who} — {subject}.",
                                "The certificate signing this package names another unit: {who} — {subject}.",
                                who=who, subject=certs.subject(cert)))
    before = get_setting(db, _own_key(unit_code))
    if before:
        fp, _, subject = before.partition(" ")
        new_fp = certs.fingerprint(cert)
        if fp != new_fp:
            change = f"{subject} (SHA-256 {fp[:16]}…) → {certs.subject(cert)} (SHA-256 {new_fp[:16]}…)"
            warnings.append(msg("Chứng thư số khác với lần xuất trước: {change}; gia hạn hay nhầm token?",
                                "The certificate differs from earlier exports: {change}; a renewal, or the "
                                "wrong token?", change=change))
    return warnings


def remember_own_signer(db: Database, unit_code: str, cert) -> None:
    from c27desk.store.database import set_setting

    set_setting(db, _own_key(unit_code), f"{certs.fingerprint(cert)} {certs.subject(cert)}")
