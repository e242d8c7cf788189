"""Signing options shared by ``appendix`` and ``export``; the secret never comes from the command line."""

from __future__ import annotations

import getpass
import os
import sys

from c27desk.errors import InputError
from c27desk.i18n import msg
from c27desk.store import signing_settings
from c27desk.store.signing_settings import SigningSettings


def add_signing_options(p) -> None:
    g = p.add_argument_group(msg("ký số (mật khẩu hoặc PIN: biến C27DESK_PIN hoặc gõ khi được hỏi)",
                                 "signing (passphrase or PIN: C27DESK_PIN, or typed when asked)"))
    g.add_argument("--sign-p12", metavar=str(msg("TỆP", "FILE")),
                   help=msg("ký bằng tệp chứng thư số .p12/.pfx",
                            "sign with a .p12/.pfx certificate file"))
    g.add_argument("--pkcs11-module", metavar=str(msg("THƯ_VIỆN", "LIBRARY")),
                   help=msg("thư viện PKCS#11 của token (.dll/.so)",
                            "the token's PKCS#11 library (.dll/.so)"))
    g.add_argument("--token", metavar=str(msg("NHÃN", "LABEL")), help=msg("nhãn token", "the token's label"))
    g.add_argument("--key-label", metavar=str(msg("NHÃN", "LABEL")),
                   help=msg("nhãn khóa trên token (nếu có nhiều khóa)",
                            "the key label on the token (when it holds several keys)"))
    g.add_argument("--sign", action="store_true",
                   help=msg("ký theo cách đã lưu (c27desk signing set …)",
                            "sign the saved way (c27desk signing set …)"))


def wants_signing(args) -> bool:
    return bool(args.sign or args.sign_p12 or args.pkcs11_module or args.token)


def chosen_settings(db, unit: str, args) -> SigningSettings:
    if args.sign_p12 and (args.pkcs11_module or args.token):
        raise InputError(msg("Chỉ chọn một cách ký: --sign-p12 hoặc --pkcs11-module/--token.",
                             "Choose one way to sign: --sign-p12 or --pkcs11-module/--token."))
    if args.sign_p12:
        return SigningSettings(unit, "p12", p12_path=args.sign_p12)
    if args.pkcs11_module or args.token:
        if not (args.pkcs11_module and args.token):
            raise InputError(msg("Ký bằng token cần cả --pkcs11-module và --token.",
                                 "Token signing needs both --pkcs11-module and --token."))
        return SigningSettings(unit, "pkcs11", pkcs11_module=args.pkcs11_module, token_label=args.token,
                               key_label=args.key_label)
    saved = signing_settings.get(db, unit)
    if saved is None:
        raise InputError(msg("Chưa có cách ký đã lưu; dùng --sign-p12 hoặc --pkcs11-module/--token, hoặc c27desk signing set.",
                             "No saved signing settings; use --sign-p12 or --pkcs11-module/--token, or c27desk signing set."))
    return saved


def read_secret(settings: SigningSettings) -> str:
    """The passphrase or PIN: C27DESK_PIN, else a prompt without echo."""
    secret = os.environ.get("C27DESK_PIN")
    if secret is not None:
        return secret
    if not sys.stdin.isatty():
        raise InputError(msg("Cần mật khẩu/PIN: đặt biến C27DESK_PIN hoặc chạy trong cửa sổ lệnh để nhập.",
                             "A passphrase/PIN is needed: set C27DESK_PIN or run in a terminal to type it."))
    prompt = msg("Mật khẩu tệp .p12: ", "The .p12 file's passphrase: ") if settings.method == "p12" else \
        msg("Mã PIN của token: ", "The token's PIN: ")
    return getpass.getpass(prompt.render())


def signer_spec(db, unit: str, args):
    from c27desk.report.sign_appendix import spec_from

    settings = chosen_settings(db, unit, args)
    return spec_from(settings, read_secret(settings))
