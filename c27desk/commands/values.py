"""``values load`` / ``values dump``: a unit's answers as CSV or JSON."""

from __future__ import annotations

import sys
from pathlib import Path

from c27desk.fileio import atomic_write_bytes, read_file
from c27desk.report.values_csv import dump_values_csv, dump_values_json
from c27desk.store import periods, units, values
from c27desk.workflow import load_values, open_report


def register(sub) -> None:
    p = sub.add_parser("values", help="nạp / xuất giá trị các tiêu chí / load or dump values")
    vsub = p.add_subparsers(dest="values_command", required=True, metavar="load|dump")
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


def cmd_load(ctx, args) -> int:
    data = read_file(args.file)
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
