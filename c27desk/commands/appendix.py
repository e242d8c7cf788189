"""``appendix``, ``verify``, ``keys demo``, ``signing``: the official PDF, its signature, trial keys."""

from __future__ import annotations

from pathlib import Path

from c27desk.commands._signing import add_signing_options, signer_spec, wants_signing
from c27desk.errors import InputError
from c27desk.fileio import atomic_write_bytes, read_file
from c27desk.store import signing_settings
from c27desk.store.signing_settings import SigningSettings
from c27desk.store.units import require_self_unit


def register(sub) -> None:
    p = sub.add_parser("appendix", help="in phụ lục PDF (và ký số) / render (and sign) the appendix PDF")
    p.add_argument("--period", type=int, required=True, metavar="YEAR")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    p.add_argument("--revision", type=int, help="bản đã chốt cần in (mặc định: bản mới nhất)")
    p.add_argument("--draft", action="store_true", help="in bản dự thảo từ số liệu đang sửa (không ký được)")
    add_signing_options(p)
    p.set_defaults(func=cmd_appendix)

    p = sub.add_parser("verify", help="kiểm tra chữ ký số của tệp PDF / verify a signed PDF")
    p.add_argument("file", type=Path)
    p.add_argument("--trust", type=Path, action="append", default=[], metavar="CA.pem",
                   help="chứng thư gốc tin cậy (có thể lặp); mặc định: các CA đã thêm bằng c27desk trust add-ca")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("keys", help="khóa dùng thử / trial keys")
    p.add_argument("action", choices=("demo",))
    p.add_argument("--out", type=Path, required=True, metavar="DIR")
    p.add_argument("--unit-code", required=True)
    p.add_argument("--unit-name", help="tên đơn vị ghi trên chứng thư (mặc định: mã đơn vị)")
    p.set_defaults(func=cmd_keys)

    p = sub.add_parser("signing", help="cách ký của đơn vị (không lưu mật khẩu/PIN) / signing settings")
    p.add_argument("action", choices=("show", "set"))
    p.add_argument("--p12", metavar="FILE")
    p.add_argument("--pkcs11-module", metavar="LIB")
    p.add_argument("--token", metavar="LABEL")
    p.add_argument("--key-label", metavar="LABEL")
    p.set_defaults(func=cmd_signing)


def cmd_appendix(ctx, args) -> int:
    from c27desk.report.appendix import appendix_content
    from c27desk.report.appendix_pdf import render_appendix

    signing = wants_signing(args)
    if signing and args.draft:
        raise InputError("không ký bản dự thảo; hãy chốt báo cáo trước.", "a draft cannot be signed; finalise first.")
    db = ctx.open(create=False, write=False)
    try:
        content = appendix_content(db, args.period, revision=args.revision, draft=args.draft)
        rendered = render_appendix(content)
        pdf = rendered.pdf
        verification = None
        if signing:
            from c27desk.report.sign_appendix import require_signature_details, sign_appendix

            require_signature_details(content)  # before the passphrase is asked
            signed = sign_appendix(content, rendered, signer_spec(db, content.unit.code, args), _roots(db, []))
            pdf, verification = signed.pdf, signed.verification
    finally:
        db.close()
    atomic_write_bytes(args.out, pdf)
    state = f"bản {content.revision}" if content.final else "dự thảo"
    ctx.say(f"Đã ghi {args.out} ({rendered.pages} trang, {state}).",
            f"Wrote {args.out} ({rendered.pages} pages, {'revision ' + str(content.revision) if content.final else 'draft'}).")
    if verification is not None:
        _print_verification(ctx, verification, just_signed=True)
    return 0


def _roots(db, paths: list[Path]) -> list:
    from c27desk.exchange import certs
    from c27desk.store import exchange

    roots = [certs.load_pem_file(p) for p in paths]
    for path, cert in zip(paths, roots, strict=True):
        if not certs.is_ca(cert):  # the same rule as trust add-ca: a signer's own certificate is not a root
            raise InputError(f"{path} không phải chứng thư của tổ chức chứng thực (CA); --trust cần chứng thư CA.",
                             f"{path} is not a CA certificate; --trust needs the CA's certificate.", code="NOT_A_CA")
    if db is not None:
        roots += [certs.load_pem(ca.pem) for ca in exchange.trusted_cas(db)]
    return roots


def _print_verification(ctx, v, *, just_signed: bool = False) -> None:
    from c27desk.report.verify import local_time

    yes, no = ("yes", "no") if ctx.lang == "en" else ("có", "không")
    when = local_time(v.signing_time)
    if ctx.lang == "en":
        print(f"Signer: {v.signer}\nSigning time: {when}\nSignature intact and valid: {yes if v.valid and v.intact else no}"
              f"\nCovers the whole file: {yes if v.covers_whole_file else no}\nChains to a trusted root: "
              f"{yes if v.trusted else no}")
    else:
        print(f"Người ký: {v.signer}\nThời điểm ký: {when}\nChữ ký còn nguyên vẹn, hợp lệ: "
              f"{yes if v.valid and v.intact else no}\nChữ ký bao trùm toàn bộ tệp: {yes if v.covers_whole_file else no}"
              f"\nThuộc tổ chức chứng thực tin cậy: {yes if v.trusted else no}")
    if v.check_code:
        print(("Document: " if ctx.lang == "en" else "Văn bản: ") + v.described)
        print(("Check code: " if ctx.lang == "en" else "Mã kiểm tra: ") + v.check_code)
    if just_signed and not v.trusted:
        # sign_appendix already refused anything else; an untrusted root right after signing only means
        # this machine holds no CA for it, which is normal for a unit
        ctx.say("Ghi chú: máy này chưa có CA tin cậy để xác nhận nguồn gốc chứng thư; đơn vị cấp trên kiểm tra "
                "bằng CA của họ (tự kiểm tra: c27desk verify TỆP --trust CA.pem).",
                "Note: this machine holds no trusted CA to confirm the certificate's origin; the office above "
                "checks with its own (to check here: c27desk verify FILE --trust CA.pem).")
        return
    for problem in v.problems:
        print(("PROBLEM: " if ctx.lang == "en" else "VẤN ĐỀ: ") + problem.render(ctx.lang))


def cmd_verify(ctx, args) -> int:
    from c27desk.report.verify import verify_pdf

    pdf = read_file(args.file)
    db = None
    if ctx.db_path.exists():
        db = ctx.open(create=False, write=False)  # read-only media and foreign files as every reading command
    try:
        roots = _roots(db, args.trust)
    finally:
        if db is not None:
            db.close()
    v = verify_pdf(pdf, roots)
    _print_verification(ctx, v)
    return 0 if v.ok else 1


def cmd_keys(ctx, args) -> int:
    from c27desk.commands._signing import read_secret
    from c27desk.report.trial_keys import make_trial_keys

    secret = read_secret(SigningSettings(args.unit_code, "p12", p12_path="-"))  # asked first: a refusal leaves no folder
    keys = make_trial_keys(args.out, args.unit_code, args.unit_name or args.unit_code, secret)
    ctx.say(
        f"Đã tạo khóa DÙNG THỬ (không dùng cho báo cáo thật):\n  CA: {keys.ca_pem}\n  tệp ký: {keys.unit_p12}\n"
        "Chứng thư số thật của đơn vị nằm trên thiết bị ký số (USB token) do cơ quan cơ yếu cấp.",
        f"Made TRIAL keys (not for real reports):\n  CA: {keys.ca_pem}\n  signing file: {keys.unit_p12}\n"
        "A unit's real certificate lives on the USB token issued to it.")
    return 0


def cmd_signing(ctx, args) -> int:
    db = ctx.open(create=False, write=args.action == "set")
    try:
        unit = require_self_unit(db).code
        if args.action == "set":
            if args.p12:
                chosen = SigningSettings(unit, "p12", p12_path=str(Path(args.p12).resolve()))
            else:
                chosen = SigningSettings(unit, "pkcs11", pkcs11_module=args.pkcs11_module, token_label=args.token,
                                         key_label=args.key_label)
            signing_settings.save(db, chosen, who=ctx.who)
        saved = signing_settings.get(db, unit)
    finally:
        db.close()
    print(saved.describe() if saved else ("no signing settings" if ctx.lang == "en" else "chưa đặt cách ký"))
    return 0
