"""``units``: the office's register of units over the years, and the certificates pinned for them.

The register keeps every unit with the years it is valid; a change takes effect ``--from`` a
year, so earlier years keep their tree (the 2023 consolidation reads the same after the 2025
reform as before it).
"""

from __future__ import annotations

from pathlib import Path

from c27desk.errors import InputError
from c27desk.i18n import msg
from c27desk.model.units import level_text
from c27desk.store import units

ACTIONS = ("list", "add", "rename", "move", "retire", "merge", "signers", "pin", "unpin", "history")


def register(sub) -> None:
    p = sub.add_parser("units", help=msg("sổ đơn vị qua các năm, chứng thư số của đơn vị", "unit register, signers"))
    p.add_argument("action", choices=ACTIONS)
    p.add_argument("codes", nargs="*", metavar=str(msg("MÃ", "CODE")),
                   help=msg("merge: các đơn vị cũ; history: tệp sao lưu",
                            "merge: the old units; history: a backup file"))
    p.add_argument("--code")
    p.add_argument("--name")
    p.add_argument("--level")
    p.add_argument("--parent", help=msg("mặc định: đơn vị của cơ sở dữ liệu này", "default: this database's unit"))
    p.add_argument("--new-code",
                   help=msg("rename: mã mới (đơn vị cũ kết thúc, đơn vị mới kế thừa)",
                            "rename: a new code (the old unit ends, the new one succeeds it)"))
    p.add_argument("--into", metavar=str(msg("MÃ", "CODE")),
                   help=msg("merge: mã đơn vị sau hợp nhất",
                            "merge: the code of the merged unit"))
    p.add_argument("--from", dest="from_year", type=int, metavar=str(msg("NĂM", "YEAR")),
                   help=msg("năm bắt đầu có hiệu lực",
                            "the year the change takes effect"))
    p.add_argument("--year", type=int, metavar=str(msg("NĂM", "YEAR")),
                   help=msg("list: cây đơn vị của năm này",
                            "list: this year's unit tree"))
    p.add_argument("--force-history", action="store_true",
                   help=msg("cho phép thay đổi từ một năm đã có báo cáo (đổi cây đơn vị của năm đó)", "allow a change from a year already reported on (it changes that year's unit tree)"))
    p.add_argument("--cert", type=Path, metavar=str(msg("TỆP.pem", "FILE.pem")),
                   help=msg("chứng thư số của người ký của đơn vị",
                            "the certificate of the unit's signer"))
    p.set_defaults(func=cmd_units)


def _need(args, *names: str) -> None:
    missing = [f"--{n.replace('_', '-')}" if n != "from_year" else "--from" for n in names if not getattr(args, n)]
    if missing:
        raise InputError(msg("Lệnh units {action} cần {missing}.",
                             "The units {action} command needs {missing}.",
                             action=args.action, missing=', '.join(missing)))


def cmd_units(ctx, args) -> int:
    readonly = args.action in ("list", "signers")
    db = ctx.open(create=False, write=not readonly)
    try:
        me = units.require_self_unit(db)
        if args.force_history and args.from_year is not None:
            held = units.held_history(db, args.from_year)
            if held is not None:
                ctx.say(msg("CẢNH BÁO: thay đổi này sửa cây đơn vị của các năm đã có báo cáo — {years}",
                            "WARNING: this change rewrites the unit tree of years already reported on — {years}",
                            years=held))
        handler = {"list": _list, "add": _add, "rename": _rename, "move": _move, "retire": _retire,
                   "merge": _merge, "signers": _signers, "pin": _pin, "unpin": _unpin, "history": _history}
        return handler[args.action](ctx, args, db, me) or 0
    finally:
        db.close()


def _list(ctx, args, db, me) -> None:
    if args.year is not None:
        top = units.report_unit(db, args.year)
        shown = units.children(db, top.code, args.year)
        if shown:
            ctx.say(msg("Đơn vị trực thuộc {code} năm {year}:",
                        "Units under {code} in {year}:",
                        code=top.code, year=args.year))
    else:
        shown = [u for u in units.all_units(db) if u.code != me.code and u.parent is not None]
    if not shown:
        if args.year is not None:
            ctx.say(msg("Năm {year} chưa có đơn vị nào trực thuộc {code}; thêm bằng: c27desk units add --code MÃ --name "
                        "TÊN --level CẤP --from {year}.",
                        "No units under {code} in {year}; add one with: c27desk units add --code CODE --name NAME "
                        "--level LEVEL --from {year}.", code=top.code, year=args.year))
        else:
            ctx.say(msg("Sổ đơn vị chưa có đơn vị trực thuộc nào (ngoài {code}); thêm bằng: c27desk units add --code MÃ "
                        "--name TÊN --level CẤP.",
                        "The register has no units under this one ({code}) yet; add one with: c27desk units add "
                        "--code CODE --name NAME --level LEVEL.", code=me.code))
    level = units.level_names(db)
    for unit in shown:
        since = msg("từ {year}", "from {year}", year=unit.valid_from).render() if unit.valid_from else ""
        until = msg("đến hết {year}", "until {year}", year=unit.valid_until - 1).render() if unit.valid_until else ""
        span = " ".join(x for x in (since, until) if x)
        print(f"{unit.code:<16} {unit.parent or '':<16} {unit.name} – {level.get(unit.level) or level_text(unit.level)}"
              + (f"  ({span})" if span else ""))
    for link in units.links(db):
        kind = msg("đổi mã", "recoded") if link.kind == "recode" else msg("hợp nhất", "merged")
        print(f"  {link.predecessor} → {link.successor} ({link.year}, {kind})")


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
            ctx.say(msg("Không nêu --from: đơn vị có hiệu lực từ năm {from_year} (kỳ báo cáo mới nhất đang mở).",
                        "No --from given: the unit is valid from {from_year} (the newest open period).",
                        from_year=args.from_year))
    if args.from_year is not None:
        unit = replace(unit, valid_from=check_year(args.from_year))
    old = units.get_unit(db, unit.code)
    if old is not None and (old.name, old.level, old.parent) != (unit.name, unit.level, unit.parent):
        raise InputError(msg("Đã có đơn vị {code} ({name}, {level}); không ghi đè (đổi tên: units rename).",
                             "Unit {code} ({name}, {level}) already exists; it is not overwritten (to rename: units rename).",
                             code=old.code, name=old.name, level=units.level_names(db).get(old.level) or
                             level_text(old.level)), code="EXISTS")
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
        raise InputError(msg("Lệnh units rename cần --name (tên mới) hoặc --new-code (mã mới).",
                             "The units rename command needs --name (a new name) or --new-code (a new code)."))
    if args.new_code:
        old = units.unit_in(db, args.code.upper(), args.from_year) or units.get_unit(db, args.code.upper())
        if old is None:
            raise InputError(msg("Không có đơn vị {code}.",
                                 "No unit {code}.",
                                 code=args.code), code="UNKNOWN_UNIT")
        new = make_unit(args.new_code, args.name or old.name, args.level or old.level, args.parent or old.parent)
        done = units.succeed(db, [old.code], new, args.from_year, LinkKind.RECODE, who=ctx.who,
                              force_history=args.force_history)
        ctx.say(msg("Từ năm {from_year}, {code} đổi thành {new_code} ({name}).",
                    "From {from_year}, {code} becomes {new_code} ({name}).",
                    from_year=args.from_year, code=old.code, new_code=done.code, name=done.name))
        return
    done = units.rename(db, args.code, args.name, args.from_year, who=ctx.who, force_history=args.force_history)
    ctx.say(msg("Từ năm {from_year}, {code} có tên “{name}”.",
                "From {from_year}, {code} is named “{name}”.",
                from_year=args.from_year, code=done.code, name=done.name))


def _move(ctx, args, db, me) -> None:
    _need(args, "code", "parent", "from_year")
    done = units.move(db, args.code, args.parent, args.from_year, who=ctx.who, level=args.level,
                      force_history=args.force_history)
    ctx.say(msg("Từ năm {from_year}, {code} trực thuộc {parent} ({level}).",
                "From {from_year}, {code} reports to {parent} ({level}).",
                from_year=args.from_year, code=done.code, parent=done.parent,
                level=units.level_names(db).get(done.level) or level_text(done.level)))


def _retire(ctx, args, db, me) -> None:
    _need(args, "code", "from_year")
    done = units.retire(db, args.code, args.from_year, who=ctx.who, force_history=args.force_history)
    ctx.say(msg("Đơn vị {code} không còn từ năm {from_year}; các năm trước giữ nguyên.",
                "Unit {code} no longer exists from {from_year}; earlier years are unchanged.",
                code=done.code, from_year=args.from_year))


def _merge(ctx, args, db, me) -> None:
    from c27desk.model.units import LinkKind, make_unit

    _need(args, "into", "from_year")
    if len(args.codes) < 1:
        raise InputError(msg("Lệnh units merge cần các mã đơn vị cũ, ví dụ: units merge XA-A XA-B --into XA-C …",
                             "The units merge command needs the old unit codes, e.g. units merge XA-A XA-B --into XA-C …"))
    first = units.unit_in(db, args.codes[0].upper(), args.from_year)
    held = units.get_unit(db, args.into.upper())
    if held is None:
        _need(args, "name")
        if first is None:
            raise InputError(msg("Không có đơn vị {codes} vào năm {from_year}.",
                                 "No unit {codes} in {from_year}.",
                                 codes=args.codes[0], from_year=args.from_year), code="UNKNOWN_UNIT")
        new = make_unit(args.into, args.name, args.level or first.level, args.parent or first.parent)
    else:
        new = held
    done = units.succeed(db, args.codes, new, args.from_year, LinkKind.MERGE, who=ctx.who,
                         force_history=args.force_history)
    olds = ", ".join(c.upper() for c in args.codes)
    ctx.say(msg("Từ năm {from_year}, {olds} hợp nhất thành {code} ({name}).",
                "From {from_year}, {olds} are merged into {code} ({name}).",
                from_year=args.from_year, olds=olds, code=done.code, name=done.name))


def _signers(ctx, args, db, me) -> None:
    from c27desk.exchange.signers import list_signers

    rows = list_signers(db)
    if not rows:
        ctx.say(msg("Chưa ghi nhận chứng thư số nào.",
                    "No certificate is pinned."))
    for row in rows:
        i = row.info
        print(f"{row.unit:<16} {i.subject}")
        ctx.say(msg("    số sê-ri {serial}  hiệu lực {validity}  SHA-256 {fingerprint}",
                    "    serial {serial}  valid {validity}  SHA-256 {fingerprint}", serial=i.serial,
                    validity=i.validity(), fingerprint=i.fingerprint))


def _pin(ctx, args, db, me) -> None:
    from c27desk.exchange import certs
    from c27desk.exchange.signers import pin_certificate

    _need(args, "code", "cert")
    cert = certs.load_pem_file(args.cert)
    if pin_certificate(db, args.code, cert, who=ctx.who):
        ctx.say(msg("Đã ghi nhận chứng thư số cho {code}: {certs}.",
                    "Pinned for {code}: {certs}.",
                    code=args.code.upper(), certs=certs.subject(cert)))
    else:
        ctx.say(msg("Chứng thư số này đã được ghi nhận cho đơn vị; không có gì thay đổi.",
                    "This certificate is already the unit's pin; nothing changed."))


def _unpin(ctx, args, db, me) -> None:
    from c27desk.exchange.signers import revoke_pin

    _need(args, "code")
    old = revoke_pin(db, args.code, who=ctx.who)
    ctx.say(msg("Đã thu hồi chứng thư số của {unit} ({subject}); gói sau của đơn vị cần xác nhận người ký lại.",
                "Revoked {unit}'s pin ({subject}); the unit's next package needs its signer confirmed again.",
                unit=old.unit, subject=old.subject))


def _history(ctx, args, db, me) -> None:
    from c27desk.exchange.history import absorb

    if len(args.codes) != 1:
        raise InputError(msg("Lệnh units history cần đúng một tệp sao lưu (.sqlite3) của đơn vị đã hợp nhất.",
                             "The units history command needs exactly one backup file (.sqlite3) of the merged-away unit."))
    got = absorb(db, Path(args.codes[0]), who=ctx.who)
    ctx.say(msg("Đã đưa lịch sử của {unit} vào: {revisions}, {units}; {skipped} bản đã có được giữ nguyên.",
                "Brought in {unit}'s history: {revisions}, {units}; already held, left as they were: {skipped}.",
                unit=got.unit, skipped=got.skipped,
                revisions=msg("{n} bản báo cáo", "{n} report revision", plural="{n} report revisions", n=got.revisions),
                units=msg("{n} đơn vị mới", "{n} new unit", plural="{n} new units", n=got.units)))
