"""``units``: the office's register of units over the years, and the certificates pinned for them.

The register keeps every unit with the years it is valid; a change takes effect ``--from`` a
year, so earlier years keep their tree (the 2023 consolidation reads the same after the 2025
reform as before it).
"""

from __future__ import annotations

from pathlib import Path

from c27desk.errors import InputError
from c27desk.store import units

ACTIONS = ("list", "add", "rename", "move", "retire", "merge", "signers", "pin", "unpin", "history")


def register(sub) -> None:
    p = sub.add_parser("units", help="sổ đơn vị qua các năm, chứng thư số của đơn vị / unit register, signers")
    p.add_argument("action", choices=ACTIONS)
    p.add_argument("codes", nargs="*", metavar="CODE", help="merge: các đơn vị cũ; history: tệp sao lưu")
    p.add_argument("--code")
    p.add_argument("--name")
    p.add_argument("--level")
    p.add_argument("--parent", help="mặc định: đơn vị của cơ sở dữ liệu này")
    p.add_argument("--new-code", help="rename: mã mới (đơn vị cũ kết thúc, đơn vị mới kế thừa)")
    p.add_argument("--into", metavar="CODE", help="merge: mã đơn vị sau hợp nhất")
    p.add_argument("--from", dest="from_year", type=int, metavar="YEAR", help="năm bắt đầu có hiệu lực")
    p.add_argument("--year", type=int, metavar="YEAR", help="list: cây đơn vị của năm này")
    p.add_argument("--force-history", action="store_true",
                   help="cho phép thay đổi từ một năm đã có báo cáo (đổi cây đơn vị của năm đó)")
    p.add_argument("--cert", type=Path, metavar="PEM", help="chứng thư số của người ký của đơn vị")
    p.set_defaults(func=cmd_units)


def _need(args, *names: str) -> None:
    missing = [f"--{n.replace('_', '-')}" if n != "from_year" else "--from" for n in names if not getattr(args, n)]
    if missing:
        raise InputError(f"lệnh units {args.action} cần {', '.join(missing)}.",
                         f"units {args.action} needs {', '.join(missing)}.")


def cmd_units(ctx, args) -> int:
    readonly = args.action in ("list", "signers")
    db = ctx.open(create=False, write=not readonly)
    try:
        me = units.require_self_unit(db)
        if args.force_history and args.from_year is not None:
            vi, en = units.held_history(db, args.from_year)
            if vi:
                ctx.say(f"CẢNH BÁO: thay đổi này sửa cây đơn vị của các năm đã có báo cáo — {vi}",
                        f"WARNING: this change rewrites the unit tree of years already reported on — {en}")
        handler = {"list": _list, "add": _add, "rename": _rename, "move": _move, "retire": _retire,
                   "merge": _merge, "signers": _signers, "pin": _pin, "unpin": _unpin, "history": _history}
        return handler[args.action](ctx, args, db, me) or 0
    finally:
        db.close()


def _list(ctx, args, db, me) -> None:
    en = ctx.lang == "en"
    if args.year is not None:
        top = units.report_unit(db, args.year)
        shown = units.children(db, top.code, args.year)
        ctx.say(f"Đơn vị trực thuộc {top.code} năm {args.year}:", f"Units under {top.code} in {args.year}:")
    else:
        shown = [u for u in units.all_units(db) if u.code != me.code and u.parent is not None]
    for unit in shown:
        since = f"{'from' if en else 'từ'} {unit.valid_from}" if unit.valid_from else ""
        until = f"{'until' if en else 'đến hết'} {unit.valid_until - 1}" if unit.valid_until else ""
        span = " ".join(x for x in (since, until) if x)
        print(f"{unit.code:<16} {unit.level:<10} {unit.parent or '':<16} {unit.name}" + (f"  ({span})" if span else ""))
    for link in units.links(db):
        arrow = "đổi mã" if link.kind == "recode" else "hợp nhất"
        print(f"  {link.predecessor} → {link.successor} ({link.year}, {link.kind if en else arrow})")


def _add(ctx, args, db, me) -> None:
    from c27desk.exchange import certs
    from c27desk.exchange.signers import pin_certificate
    from c27desk.model.units import check_year, make_unit

    _need(args, "code", "name", "level")
    unit = make_unit(args.code, args.name, args.level, args.parent or me.code)
    from dataclasses import replace

    if args.from_year is None:
        args.from_year = units.default_year(db)
        if args.from_year is not None:
            ctx.say(f"Không nêu --from: đơn vị có hiệu lực từ năm {args.from_year} (kỳ báo cáo mới nhất đang mở).",
                    f"No --from given: the unit is valid from {args.from_year} (the newest open period).")
    if args.from_year is not None:
        unit = replace(unit, valid_from=check_year(args.from_year))
    old = units.get_unit(db, unit.code)
    if old is not None and (old.name, old.level, old.parent) != (unit.name, unit.level, unit.parent):
        raise InputError(f"đã có đơn vị {old.code} ({old.name}, {old.level}); không ghi đè (đổi tên: units rename).",
                         f"unit {old.code} ({old.name}, {old.level}) already exists; it is not overwritten "
                         "(to rename: units rename).", code="EXISTS")
    cert = certs.load_pem_file(args.cert) if args.cert else None  # read before anything is written
    with db.atomic():  # a certificate already pinned to another unit undoes the whole add
        if old is None:
            units.guard_history(db, unit.valid_from or 0, force=args.force_history)
            units.save_unit(db, unit, who=ctx.who)
            units.check_placement(db, unit.code, unit.valid_from or 0)
        if cert is not None:
            pin_certificate(db, unit.code, cert, who=ctx.who)
    _list(ctx, args, db, me)


def _rename(ctx, args, db, me) -> None:
    from c27desk.model.units import LinkKind, make_unit

    _need(args, "code", "from_year")
    if not (args.name or args.new_code):
        raise InputError("units rename cần --name (tên mới) hoặc --new-code (mã mới).",
                         "units rename needs --name (a new name) or --new-code (a new code).")
    if args.new_code:
        old = units.unit_in(db, args.code.upper(), args.from_year) or units.get_unit(db, args.code.upper())
        if old is None:
            raise InputError(f"không có đơn vị {args.code}.", f"no unit {args.code}.", code="UNKNOWN_UNIT")
        new = make_unit(args.new_code, args.name or old.name, args.level or old.level, args.parent or old.parent)
        done = units.succeed(db, [old.code], new, args.from_year, LinkKind.RECODE, who=ctx.who,
                              force_history=args.force_history)
        ctx.say(f"Từ năm {args.from_year}, {old.code} đổi thành {done.code} ({done.name}).",
                f"From {args.from_year}, {old.code} becomes {done.code} ({done.name}).")
        return
    done = units.rename(db, args.code, args.name, args.from_year, who=ctx.who, force_history=args.force_history)
    ctx.say(f"Từ năm {args.from_year}, {done.code} có tên “{done.name}”.",
            f"From {args.from_year}, {done.code} is named “{done.name}”.")


def _move(ctx, args, db, me) -> None:
    _need(args, "code", "parent", "from_year")
    done = units.move(db, args.code, args.parent, args.from_year, who=ctx.who, level=args.level,
                      force_history=args.force_history)
    ctx.say(f"Từ năm {args.from_year}, {done.code} trực thuộc {done.parent} (cấp {done.level}).",
            f"From {args.from_year}, {done.code} reports to {done.parent} (level {done.level}).")


def _retire(ctx, args, db, me) -> None:
    _need(args, "code", "from_year")
    done = units.retire(db, args.code, args.from_year, who=ctx.who, force_history=args.force_history)
    ctx.say(f"Đơn vị {done.code} không còn từ năm {args.from_year}; các năm trước giữ nguyên.",
            f"Unit {done.code} no longer exists from {args.from_year}; earlier years are unchanged.")


def _merge(ctx, args, db, me) -> None:
    from c27desk.model.units import LinkKind, make_unit

    _need(args, "into", "from_year")
    if len(args.codes) < 1:
        raise InputError("units merge cần các mã đơn vị cũ, ví dụ: units merge XA-A XA-B --into XA-C …",
                         "units merge needs the old unit codes, e.g. units merge XA-A XA-B --into XA-C …")
    first = units.unit_in(db, args.codes[0].upper(), args.from_year)
    held = units.get_unit(db, args.into.upper())
    if held is None:
        _need(args, "name")
        if first is None:
            raise InputError(f"không có đơn vị {args.codes[0]} vào năm {args.from_year}.",
                             f"no unit {args.codes[0]} in {args.from_year}.", code="UNKNOWN_UNIT")
        new = make_unit(args.into, args.name, args.level or first.level, args.parent or first.parent)
    else:
        new = held
    done = units.succeed(db, args.codes, new, args.from_year, LinkKind.MERGE, who=ctx.who,
                         force_history=args.force_history)
    olds = ", ".join(c.upper() for c in args.codes)
    ctx.say(f"Từ năm {args.from_year}, {olds} hợp nhất thành {done.code} ({done.name}).",
            f"From {args.from_year}, {olds} are merged into {done.code} ({done.name}).")


def _signers(ctx, args, db, me) -> None:
    from c27desk.exchange.signers import list_signers

    rows = list_signers(db)
    if not rows:
        ctx.say("Chưa ghi nhận chứng thư số nào.", "No certificate is pinned.")
    en = ctx.lang == "en"
    for row in rows:
        i = row.info
        print(f"{row.unit:<16} {i.subject}")
        print(f"    {'serial' if en else 'số hiệu'} {i.serial}  {'valid' if en else 'hiệu lực'} {i.validity()}  "
              f"SHA-256 {i.fingerprint}")


def _pin(ctx, args, db, me) -> None:
    from c27desk.exchange import certs
    from c27desk.exchange.signers import pin_certificate

    _need(args, "code", "cert")
    cert = certs.load_pem_file(args.cert)
    if pin_certificate(db, args.code, cert, who=ctx.who):
        ctx.say(f"Đã ghi nhận chứng thư số cho {args.code.upper()}: {certs.subject(cert)}.",
                f"Pinned for {args.code.upper()}: {certs.subject(cert)}.")
    else:
        ctx.say("Chứng thư số này đã được ghi nhận cho đơn vị; không có gì thay đổi.",
                "This certificate is already the unit's pin; nothing changed.")


def _unpin(ctx, args, db, me) -> None:
    from c27desk.exchange.signers import revoke_pin

    _need(args, "code")
    old = revoke_pin(db, args.code, who=ctx.who)
    ctx.say(f"Đã thu hồi chứng thư số của {old.unit} ({old.subject}); gói sau của đơn vị cần xác nhận người ký lại.",
            f"Revoked {old.unit}'s pin ({old.subject}); the unit's next package needs its signer confirmed again.")


def _history(ctx, args, db, me) -> None:
    from c27desk.exchange.history import absorb

    if len(args.codes) != 1:
        raise InputError("units history cần đúng một tệp sao lưu (.sqlite3) của đơn vị đã hợp nhất.",
                         "units history needs exactly one backup file (.sqlite3) of the merged-away unit.")
    got = absorb(db, Path(args.codes[0]), who=ctx.who)
    ctx.say(f"Đã đưa lịch sử của {got.unit} vào: {got.revisions} bản báo cáo, {got.units} đơn vị mới; "
            f"{got.skipped} bản đã có được giữ nguyên.",
            f"Brought in {got.unit}'s history: {got.revisions} report revisions, {got.units} new units; "
            f"{got.skipped} already held were left as they are.")
