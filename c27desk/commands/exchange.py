"""``export``, ``import``, ``trust``, ``units``, ``consolidate``: between a unit and the office above."""

from __future__ import annotations

import json
from pathlib import Path

from c27desk.commands._signing import add_signing_options, signer_spec, wants_signing
from c27desk.errors import InputError
from c27desk.store import units


def register(sub) -> None:
    p = sub.add_parser("export", help="xuất gói báo cáo đã ký (.c27) / write the signed export package")
    p.add_argument("--period", type=int, required=True, metavar="YEAR")
    p.add_argument("--out", type=Path, required=True, metavar="DIR_OR_FILE")
    p.add_argument("--resign", action="store_true", help="ký lại dù bản này đã được xuất trước đây")
    add_signing_options(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="nhận gói báo cáo của đơn vị trực thuộc / import child units' packages")
    p.add_argument("paths", type=Path, nargs="+", metavar="FILE_OR_FOLDER")
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.add_argument("--accept-new-signer", type=_unit_list, default=frozenset(), metavar="UNIT[,UNIT]",
                   help="xác nhận chứng thư số mới (lần đầu nhận hoặc gia hạn) của người ký, cho từng đơn vị nêu tên")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("trust", help="tổ chức chứng thực tin cậy / trusted CAs")
    p.add_argument("action", choices=("add-ca", "list"))
    p.add_argument("file", type=Path, nargs="?", metavar="CA.pem")
    p.set_defaults(func=cmd_trust)

    p = sub.add_parser("units", help="đơn vị trực thuộc / child units")
    p.add_argument("action", choices=("add", "list"))
    p.add_argument("--code")
    p.add_argument("--name")
    p.add_argument("--level")
    p.add_argument("--parent", help="mặc định: đơn vị của cơ sở dữ liệu này")
    p.add_argument("--cert", type=Path, metavar="PEM", help="chứng thư số của người ký của đơn vị (ghi nhận trước)")
    p.set_defaults(func=cmd_units)

    p = sub.add_parser("consolidate", help="tổng hợp số liệu các đơn vị / consolidate child units")
    p.add_argument("--period", type=int, required=True, metavar="YEAR")
    p.add_argument("--out", type=Path, metavar="FILE.xlsx|FILE.csv")
    p.add_argument("--propose", action="store_true", help="in các giá trị đề xuất tổng hợp từ đơn vị trực thuộc")
    p.add_argument("--accept", action="store_true", help="nhận các giá trị đề xuất vào báo cáo của đơn vị mình")
    p.set_defaults(func=cmd_consolidate)


def cmd_export(ctx, args) -> int:
    from c27desk.exchange.export import export_package

    db = ctx.open(create=False)
    try:
        unit = units.require_self_unit(db).code
        spec = None
        if wants_signing(args):
            from c27desk.report.appendix import appendix_content
            from c27desk.report.sign_appendix import require_signature_details

            require_signature_details(appendix_content(db, args.period))  # before the passphrase is asked
            spec = signer_spec(db, unit, args)
        result = export_package(db, args.period, args.out, spec=spec, resign=args.resign, who=ctx.who)
    finally:
        db.close()
    reused = " (dùng lại chữ ký của lần xuất trước)" if result.reused else ""
    ctx.say(f"Đã xuất và kiểm tra lại {result.path} ({result.size} byte, bản {result.revision}){reused}.",
            f"Exported and re-checked {result.path} ({result.size} bytes, revision {result.revision})"
            f"{' (signature of the earlier export reused)' if result.reused else ''}.")
    return 0


def _unit_list(text: str) -> frozenset[str]:
    """``--accept-new-signer HU-A,HU-B``: a new certificate is accepted for the units named, never for any."""
    units_named = frozenset(u.strip() for u in text.split(",") if u.strip())
    if not units_named:
        raise InputError("--accept-new-signer cần mã đơn vị (ví dụ HU-BIENHOA).",
                         "--accept-new-signer needs unit codes (for example HU-BIENHOA).")
    return units_named


def cmd_import(ctx, args) -> int:
    from c27desk.exchange.importer import import_files, package_files

    if not list(package_files(args.paths)):
        raise InputError("không có tệp .c27 nào để nhận.", "no .c27 file to import.")
    db = ctx.open(create=False, write=not args.dry_run, backup_reason=None if args.dry_run else "before-import")
    try:
        outcomes = import_files(db, ctx.db_path, args.paths, who=ctx.who, dry_run=args.dry_run,
                                accept_new_signer=args.accept_new_signer)
    finally:
        db.close()
    if args.json:
        print(json.dumps([o.as_json(ctx.lang) for o in outcomes], ensure_ascii=False, indent=1))
    else:
        for o in outcomes:
            _print_outcome(ctx, o)
    return 1 if any(o.outcome == "refused" for o in outcomes) else 0


def _print_outcome(ctx, o) -> None:
    """One line per file (plus its changes); every outside text passes through ``shown`` first."""
    from c27desk.exchange.importer import entry_text
    from c27desk.model.text import shown

    en = ctx.lang == "en"
    label = {"accepted": ("ĐÃ NHẬN", "ACCEPTED"), "already": ("ĐÃ CÓ", "ALREADY IMPORTED"),
             "checked": ("HỢP LỆ (chưa ghi)", "VALID (not written)"), "refused": ("TỪ CHỐI", "REFUSED")}[o.outcome]
    head = f"{label[1 if en else 0]}: {shown(o.file_name)}"
    if o.unit:
        head += f" – {shown(o.unit)} {o.year} r{o.revision}"
    if o.reason:
        head += f" [{o.reason}] {shown(o.message, 2000)}"
    print(head)
    if o.new_signer is not None:
        what = {"first": ("chứng thư số mới", "new certificate"), "renewal": ("chứng thư số gia hạn", "renewed "
                "certificate")}.get(o.pin, ("chứng thư số", "certificate"))
        print(f"    {what[1 if en else 0]}: {o.new_signer.text(ctx.lang)}")
    shown_changes = 30
    for c in o.changes[:shown_changes]:
        print(f"    {shown(c.criterion)}: {shown(entry_text(c.old))} → {shown(entry_text(c.new))}")
    if len(o.changes) > shown_changes:
        more = len(o.changes) - shown_changes
        print(f"    … and {more} more changes (--json lists them all)" if en
              else f"    … và {more} thay đổi khác (--json để xem tất cả)")


def cmd_trust(ctx, args) -> int:
    from c27desk.exchange import certs
    from c27desk.store import exchange

    db = ctx.open(create=False, write=args.action == "add-ca")
    try:
        if args.action == "add-ca":
            if args.file is None:
                raise InputError("cần tệp CA.pem.", "a CA.pem file is needed.")
            cert = certs.load_pem_file(args.file)
            if not certs.is_ca(cert):
                raise InputError(f"{args.file} không phải chứng thư của tổ chức chứng thực (CA).",
                                 f"{args.file} is not a CA certificate.", code="NOT_A_CA")
            added = exchange.add_trusted_ca(db, exchange.TrustedCa(certs.fingerprint(cert), certs.subject(cert),
                                                                   certs.to_pem(cert)), who=ctx.who)
            ctx.say(("Đã thêm CA tin cậy: " if added else "CA này đã có: ") + certs.subject(cert),
                    ("Trusted CA added: " if added else "CA already trusted: ") + certs.subject(cert))
        for ca in exchange.trusted_cas(db):
            print(f"{ca.fingerprint[:16]}…  {ca.subject}")
    finally:
        db.close()
    return 0


def cmd_units(ctx, args) -> int:
    from c27desk.model.units import make_unit

    db = ctx.open(create=False, write=args.action == "add")
    try:
        me = units.require_self_unit(db)
        if args.action == "add":
            if not (args.code and args.name and args.level):
                raise InputError("cần --code, --name và --level.", "--code, --name and --level are needed.")
            from c27desk.exchange import certs
            from c27desk.store import exchange

            unit = make_unit(args.code, args.name, args.level, args.parent or me.code)
            old = units.get_unit(db, unit.code)
            if old is not None and (old.name, old.level, old.parent) != (unit.name, unit.level, unit.parent):
                raise InputError(f"đã có đơn vị {old.code} ({old.name}, {old.level}); không ghi đè.",
                                 f"unit {old.code} ({old.name}, {old.level}) already exists; it is not overwritten.",
                                 code="EXISTS")
            cert = certs.load_pem_file(args.cert) if args.cert else None  # checked before anything is written
            if cert is not None:
                others = [u for u in exchange.units_pinned_to(db, certs.fingerprint(cert)) if u != unit.code]
                if others:
                    raise InputError(f"chứng thư số này đã ghi nhận cho đơn vị {', '.join(others)}.",
                                     f"this certificate is already pinned to {', '.join(others)}.",
                                     code="SIGNER_OF_OTHER_UNIT")
            with db.atomic():
                if old is None:
                    units.save_unit(db, unit, who=ctx.who)
                if cert is not None:
                    exchange.pin_signer(db, unit.code, certs.fingerprint(cert), certs.subject(cert),
                                        certs.to_pem(cert), who=ctx.who)
        for unit in units.children(db, me.code):
            print(f"{unit.code:<16} {unit.level:<10} {unit.name}")
    finally:
        db.close()
    return 0


def cmd_consolidate(ctx, args) -> int:
    from c27desk.consolidate.export import write_csv, write_xlsx
    from c27desk.consolidate.summary import accept_proposals, consolidate, proposals
    from c27desk.exchange.importer import entry_text
    from c27desk.store import values
    from c27desk.workflow import check_report, open_report

    if args.out and args.out.suffix.lower() not in (".xlsx", ".csv"):
        raise InputError("tệp kết quả phải là .xlsx hoặc .csv.", "the output must be .xlsx or .csv.")
    db = ctx.open(create=False, write=args.accept)
    try:
        cons = consolidate(db, args.period)
        props = proposals(cons)
        ref = open_report(db, args.period)
        current = values.entries(db, ref.unit.code, args.period)
        if args.accept:
            changed = accept_proposals(db, args.period, props, who=ctx.who)
            ctx.say(f"Đã nhận {changed} giá trị tổng hợp vào báo cáo của {ref.unit.name}:",
                    f"Took {changed} consolidated values into {ref.unit.name}'s report:")
            for p in props:
                print(f"  {p.criterion}: {entry_text(current.get(p.criterion))} → {p.value}"
                      + (f"  ({'missing' if ctx.lang == 'en' else 'thiếu'} {', '.join(p.missing)})"
                         if p.missing else ""))
            errors = check_report(db, ref).errors
            if errors:
                ctx.say(f"Lưu ý: báo cáo của đơn vị giờ có {len(errors)} lỗi cần sửa trước khi chốt "
                        f"(c27desk check --period {args.period}).",
                        f"Note: the unit's report now has {len(errors)} errors to fix before finalising "
                        f"(c27desk check --period {args.period}).")
    finally:
        db.close()
    got = len(cons.received)
    ctx.say(f"Năm {cons.year}: đã nhận {got}/{len(cons.units)} đơn vị.",
            f"Year {cons.year}: {got}/{len(cons.units)} units received.")
    for st in cons.units:
        state = "CHƯA NỘP" if st.missing else f"r{st.revision}" + (" MUỘN" if st.late else "")
        print(f"  {st.unit.code:<16} {state:<12} {st.signer}")
    if args.propose and not args.accept:
        for p in props:
            src = ", ".join(f"{u}={v}" for u, v in p.sources)
            print(f"  {p.criterion} = {p.value}  ({src}{'; thiếu ' + ', '.join(p.missing) if p.missing else ''})"
                  f"  [{'now' if ctx.lang == 'en' else 'hiện tại'}: {entry_text(current.get(p.criterion))}]")
    if args.out:
        (write_xlsx if args.out.suffix.lower() == ".xlsx" else write_csv)(cons, args.out)
        ctx.say(f"Đã ghi {args.out}.", f"Wrote {args.out}.")
    return 0
