"""``appendix``, ``verify``, ``keys demo``, ``signing``: the official PDF, its signature, trial keys."""

from __future__ import annotations

from pathlib import Path

from c27desk.commands._signing import add_signing_options, signer_spec, wants_signing
from c27desk.errors import InputError
from c27desk.fileio import atomic_write_bytes, read_file, require_output_kind
from c27desk.i18n import Text, msg
from c27desk.store import signing_settings
from c27desk.store.signing_settings import SigningSettings
from c27desk.store.units import require_self_unit


def register(sub) -> None:
    p = sub.add_parser("appendix", help=msg("in phụ lục PDF (và ký số)", "render (and sign) the appendix PDF"))
    p.add_argument("--period", type=int, required=True, metavar=str(msg("NĂM", "YEAR")))
    p.add_argument("--out", type=Path, required=True, metavar=str(msg("TỆP.pdf", "FILE.pdf")))
    p.add_argument("--revision", type=int,
                   help=msg("bản đã chốt cần in (mặc định: bản mới nhất)",
                            "the finalised revision to print (default: the latest)"))
    p.add_argument("--draft", action="store_true",
                   help=msg("in bản dự thảo từ số liệu đang sửa (không ký được)",
                            "print a draft of the values being edited (cannot be signed)"))
    add_signing_options(p)
    p.set_defaults(func=cmd_appendix)

    p = sub.add_parser("verify", help=msg("kiểm tra chữ ký số của tệp PDF", "verify a signed PDF"))
    p.add_argument("file", type=Path, metavar=str(msg("TỆP", "FILE")))
    p.add_argument("--trust", type=Path, action="append", default=[], metavar="CA.pem",
                   help=msg("chứng thư gốc tin cậy (có thể lặp); mặc định: các CA đã thêm bằng c27desk trust add-ca", "a trusted root certificate (may be repeated); default: the CAs added with c27desk trust add-ca"))
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("keys", help=msg("khóa dùng thử", "trial keys"))
    p.add_argument("action", choices=("demo",))
    p.add_argument("--out", type=Path, required=True, metavar=str(msg("THƯ_MỤC", "FOLDER")))
    p.add_argument("--unit-code", required=True)
    p.add_argument("--unit-name",
                   help=msg("tên đơn vị ghi trên chứng thư (mặc định: mã đơn vị)",
                            "the unit name written in the certificate (default: the unit's code)"))
    p.set_defaults(func=cmd_keys)

    p = sub.add_parser("signing", help=msg("cách ký của đơn vị (không lưu mật khẩu/PIN)", "signing settings"))
    p.add_argument("action", choices=("show", "set"))
    p.add_argument("--p12", metavar=str(msg("TỆP", "FILE")))
    p.add_argument("--pkcs11-module", metavar=str(msg("THƯ_VIỆN", "LIBRARY")))
    p.add_argument("--token", metavar=str(msg("NHÃN", "LABEL")))
    p.add_argument("--key-label", metavar=str(msg("NHÃN", "LABEL")))
    p.set_defaults(func=cmd_signing)


def cmd_appendix(ctx, args) -> int:
    from c27desk.report.appendix import appendix_content
    from c27desk.report.appendix_pdf import render_appendix

    args.out = require_output_kind(args.out, ".pdf")
    signing = wants_signing(args)
    if signing and args.draft:
        raise InputError(msg("Chỉ ký bản đã chốt, không ký bản dự thảo; hãy chốt báo cáo trước.",
                             "Only a finalised revision is signed, never a draft; finalise first."))
    db = ctx.open(create=False, write=False)
    try:
        content = appendix_content(db, args.period, revision=args.revision, draft=args.draft,
                                       draft_hint=not signing)  # a draft is printed, never signed
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
    state = msg("bản {n}", "revision {n}", n=content.revision) if content.final else msg("dự thảo", "draft")
    ctx.say(msg("Đã ghi {file} ({n} trang, {state}).", "Wrote {file} ({n} page, {state}).",
                plural="Wrote {file} ({n} pages, {state}).", file=args.out, n=rendered.pages, state=state))
    if verification is not None:
        _print_verification(ctx, verification, just_signed=True)
    return 0


def _roots(db, paths: list[Path]) -> list:
    from c27desk.exchange import certs
    from c27desk.store import exchange

    roots = [certs.load_pem_file(p) for p in paths]
    for path, cert in zip(paths, roots, strict=True):
        if not certs.is_ca(cert):  # the same rule as trust add-ca: a signer's own certificate is not a root
            raise InputError(msg("{path} không phải chứng thư của tổ chức chứng thực (CA); --trust cần chứng thư CA.",
                                 "{path} is not a CA certificate; --trust needs the CA's certificate.",
                                 path=path), code="NOT_A_CA")
    if db is not None:
        roots += [certs.load_pem(ca.pem) for ca in exchange.trusted_cas(db)]
    return roots


def _print_verification(ctx, v, *, just_signed: bool = False) -> None:
    from c27desk.report.verify import local_time

    if v.unreadable:  # no signer, no time: the one thing to say is that the file could not be read
        for problem in v.problems:
            ctx.say(msg("VẤN ĐỀ: {problem}", "PROBLEM: {problem}", problem=problem))
        return
    ctx.say(msg("Người ký: {signer}\nThời điểm ký: {when}\nChữ ký còn nguyên vẹn, hợp lệ: {valid}\nChữ ký bao trùm "
                "toàn bộ tệp: {whole}\nThuộc tổ chức chứng thực tin cậy: {trusted}",
                "Signer: {signer}\nSigning time: {when}\nSignature intact and valid: {valid}\nCovers the whole file: "
                "{whole}\nChains to a trusted root: {trusted}",
                signer=v.signer, when=local_time(v.signing_time), valid=yes_no(v.valid and v.intact),
                whole=yes_no(v.covers_whole_file), trusted=yes_no(v.trusted)))
    if v.check_code:
        ctx.say(msg("Văn bản: {document}\nMã kiểm tra: {code}", "Document: {document}\nCheck code: {code}",
                    document=v.described, code=v.check_code))
    if just_signed and not v.trusted:
        # sign_appendix already refused anything else; an untrusted root right after signing only means
        # this machine holds no CA for it, which is normal for a unit
        ctx.say(msg("Ghi chú: máy này chưa có CA tin cậy để xác nhận nguồn gốc chứng thư; đơn vị cấp trên kiểm tra "
                    "bằng CA của họ (tự kiểm tra: c27desk verify TỆP --trust CA.pem).",
                    "Note: this machine holds no trusted CA to confirm the certificate's origin; the office above "
                    "checks with its own (to check here: c27desk verify FILE --trust CA.pem)."))
        return
    for problem in v.problems:
        ctx.say(msg("VẤN ĐỀ: {problem}", "PROBLEM: {problem}", problem=problem))


def yes_no(flag: bool) -> Text:
    return msg("có", "yes") if flag else msg("không", "no")


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
        msg("Đã tạo khóa DÙNG THỬ (không dùng cho báo cáo thật):\n  CA: {ca_pem}\n  tệp ký: {unit_p12}\nChứng "
            "thư số thật của đơn vị nằm trên thiết bị ký số (USB token) do cơ quan cơ yếu cấp.",
            "Made TRIAL keys (not for real reports):\n  CA: {ca_pem}\n  signing file: {unit_p12}\nA unit's real "
            "certificate lives on the USB token issued to it.",
            ca_pem=keys.ca_pem, unit_p12=keys.unit_p12))
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
    ctx.say(saved.describe() if saved else msg("Chưa đặt cách ký.", "No signing settings."))
    return 0
