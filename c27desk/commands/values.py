"""``values load`` / ``values dump`` / ``values confirm``: a unit's answers as CSV or JSON, and accepting carried ones."""

from __future__ import annotations

import sys
from pathlib import Path

from c27desk.errors import InputError
from c27desk.fileio import atomic_write_bytes, read_file
from c27desk.report.values_csv import MAX_BYTES, dump_values_csv, dump_values_json
from c27desk.store import periods, units, values
from c27desk.workflow import check_report, confirm_carried, load_values, open_report


def register(sub) -> None:
    p = sub.add_parser("values", help="nạp / xuất giá trị các tiêu chí / load or dump values")
    vsub = p.add_subparsers(dest="values_command", required=True, metavar="load|dump|confirm")
    load = vsub.add_parser("load", help="nạp tệp CSV UTF-8: criterion,value,explanation")
    load.add_argument("file", type=Path)
    load.add_argument("--period", type=int, required=True, metavar="YEAR")
    load.set_defaults(func=cmd_load)
    dump = vsub.add_parser("dump", help="xuất giá trị ra CSV hoặc JSON")
    dump.add_argument("--period", type=int, required=True, metavar="YEAR")
    dump.add_argument("--format", choices=("csv", "json"), default="csv")
    dump.add_argument("--unit", help="mã đơn vị (mặc định: đơn vị của cơ sở dữ liệu)")
    dump.add_argument("--out", type=Path, help="ghi ra tệp (CSV có BOM để mở bằng Excel) thay vì màn hình")
    dump.set_defaults(func=cmd_dump)
    confirm = vsub.add_parser("confirm", help="xác nhận giá trị chuyển từ năm trước / confirm carried-forward values")
    confirm.add_argument("criteria", nargs="*", metavar="CRITERION", help="mã tiêu chí, ví dụ II.1 VIII.6")
    confirm.add_argument("--all", action="store_true", help="mọi giá trị đang chờ xác nhận / every waiting value")
    confirm.add_argument("--period", type=int, required=True, metavar="YEAR")
    confirm.set_defaults(func=cmd_confirm)


def cmd_load(ctx, args) -> int:
    data = read_file(args.file, max_bytes=MAX_BYTES)
    db = ctx.open(backup_reason="before-load", create=False)
    try:
        units.require_self_unit(db)
        periods.ensure_period(db, args.period, who=ctx.who)
        ref = open_report(db, args.period)
        unit = ref.unit
        changed = load_values(db, ref, data, who=ctx.who, source=args.file.name)
        total = len(values.entries(db, unit.code, args.period))
    finally:
        db.close()
    ctx.say(f"Đã nạp {args.file.name}: {changed} giá trị thay đổi; năm {args.period} có {total} tiêu chí đã trả lời.",
            f"Loaded {args.file.name}: {changed} value(s) changed; {args.period} now has {total} answered criteria.")
    return 0


def cmd_dump(ctx, args) -> int:
    db = ctx.open(create=False, write=False)
    try:
        ref = open_report(db, args.period, args.unit)
        entries = values.entries(db, ref.unit.code, ref.year)
    finally:
        db.close()
    if args.format == "json":
        text = dump_values_json(ref.catalogue, entries, unit=ref.unit.code, year=ref.year)
    else:
        text = dump_values_csv(ref.catalogue, entries)
    if args.out:
        bom = "\ufeff" if args.format == "csv" else ""
        atomic_write_bytes(args.out, (bom + text).encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0


def cmd_confirm(ctx, args) -> int:
    if bool(args.criteria) == args.all:
        raise InputError("ghi các mã tiêu chí cần xác nhận, hoặc --all (không cả hai).",
                         "name the criteria to confirm, or --all (not both).")
    db = ctx.open(create=False)
    try:
        ref = open_report(db, args.period)
        done = confirm_carried(db, ref, None if args.all else [c.strip() for c in args.criteria], who=ctx.who)
        waiting = len(check_report(db, ref).unconfirmed)
    finally:
        db.close()
    if not done:
        ctx.say(f"Không có giá trị nào đang chờ xác nhận trong năm {args.period}.",
                f"No value is waiting for confirmation in {args.period}.")
        return 0
    ctx.say(f"Đã xác nhận {len(done)} giá trị: {', '.join(done[:15])}{' …' if len(done) > 15 else ''}; "
            f"còn {waiting} giá trị chờ xác nhận.",
            f"Confirmed {len(done)} value(s): {', '.join(done[:15])}{' …' if len(done) > 15 else ''}; "
            f"{waiting} still waiting.")
    return 0
