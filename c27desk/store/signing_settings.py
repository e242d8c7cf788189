"""A unit's signing settings: which .p12 file or which token and key. Never the passphrase or PIN."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from c27desk.errors import InputError
from c27desk.i18n import Text, msg
from c27desk.store.audit import log
from c27desk.store.clock import now


@dataclass(frozen=True)
class SigningSettings:
    unit: str
    method: str  # "p12" | "pkcs11"
    p12_path: str | None = None
    pkcs11_module: str | None = None
    token_label: str | None = None
    key_label: str | None = None

    def describe(self) -> Text:
        """How this unit signs, for a person (the audit log keeps the Vietnamese wording)."""
        if self.method == "p12":
            return msg("Tệp .p12: {path}", "A .p12 file: {path}", path=self.p12_path)
        said = msg("Thiết bị ký số (token) {token} qua {module}", "Signing token {token} through {module}",
                   token=self.token_label, module=self.pkcs11_module)
        if self.key_label:
            said += msg(", khóa {key}", ", key {key}", key=self.key_label)
        return said


def get(db: Database, unit: str) -> SigningSettings | None:
    row = db.execute("SELECT unit, method, p12_path, pkcs11_module, token_label, key_label FROM signing_settings "
                     "WHERE unit = ?", [unit]).fetchone()
    return SigningSettings(*row) if row else None


def _require_file(settings: SigningSettings) -> None:
    """The .p12 file or the token's library must be there (a saved typo would only fail at the next signing);
    the library is not loaded here."""
    if settings.method == "p12":
        given = settings.p12_path
        what = msg("Tệp chứng thư số {path} (cần một tệp .p12/.pfx có sẵn)",
                   "The certificate file {path} (an existing .p12/.pfx file is needed)",
                   path=str(Path(given).expanduser()))
    elif settings.method == "pkcs11":
        given = settings.pkcs11_module
        what = msg("Thư viện PKCS#11 {path} (tệp .dll/.so đi kèm token)",
                   "The PKCS#11 library {path} (the .dll/.so file that comes with the token)",
                   path=str(Path(given).expanduser()))
    else:
        return
    if not Path(given).expanduser().is_file():
        raise InputError(msg("{what} không có hoặc không phải là tệp; chưa lưu gì.",
                             "{what} does not exist or is not a file; nothing was saved.", what=what),
                         code="SIGNING_SETTINGS")


def save(db: Database, settings: SigningSettings, *, who: str) -> None:
    if settings.method == "p12" and not settings.p12_path:
        raise InputError(msg("Cần đường dẫn tệp .p12.",
                             "A .p12 file path is needed."), code="SIGNING_SETTINGS")
    if settings.method == "pkcs11" and not (settings.pkcs11_module and settings.token_label):
        raise InputError(msg("Cần thư viện PKCS#11 và nhãn token.",
                             "A PKCS#11 module and a token label are needed."),
                         code="SIGNING_SETTINGS")
    if settings.method not in ("p12", "pkcs11"):
        raise InputError(msg("Cách ký không hợp lệ: {method}",
                             "Invalid signing method: {method}",
                             method=settings.method),
                         code="SIGNING_SETTINGS")
    _require_file(settings)
    old = get(db, settings.unit)
    with db.atomic():
        db.execute(
            "INSERT INTO signing_settings(unit, method, p12_path, pkcs11_module, token_label, key_label, updated_at, "
            "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(unit) DO UPDATE SET method = excluded.method, "
            "p12_path = excluded.p12_path, pkcs11_module = excluded.pkcs11_module, "
            "token_label = excluded.token_label, key_label = excluded.key_label, updated_at = excluded.updated_at, "
            "updated_by = excluded.updated_by",
            [settings.unit, settings.method, settings.p12_path, settings.pkcs11_module, settings.token_label,
             settings.key_label, now(), who])
        log(db, "signing", who=who, unit=settings.unit, old_value=old.describe().render("vi") if old else None,
            new_value=settings.describe().render("vi"))
