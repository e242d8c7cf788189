"""``values load`` / ``values dump`` / ``values confirm``: a unit's answers as CSV or JSON, and accepting carried ones."""

from __future__ import annotations

import sys
from pathlib import Path

from c27desk.errors import InputError
from c27desk.fileio import atomic_write_bytes, read_file, require_output_kind
from c27desk.i18n import msg
from c27desk.report.values_csv import MAX_BYTES, dump_values_csv, dump_values_json
from c27desk.store import periods, units, values
from c27desk.workflow import check_report, confirm_carried, load_values, open_report


def register(sub) -> None:
    p = sub.add_parser("values", help=msg("nạp / xuất giá trị các tiêu chí", "load or dump values"))
    vsub = p.add_subparsers(dest="values_command", required=True, metavar="load|dump|confirm")
    load = vsub.add_parser("load",
                           help=msg("nạp tệp CSV UTF-8: criterion,value,explanation",
                                    "load a UTF-8 CSV file: criterion,value,explanation"))
    load.add_argument("file", type=Path, metavar=str(msg("TỆP", "FILE")))
    load.add_argument("--period", type=int, required=True, metavar=str(msg("NĂM", "YEAR")))
    load.set_defaults(func=cmd_load)
    dump = vsub.add_parser("dump", help=msg("xuất giá trị ra CSV hoặc JSON", "write the values as CSV or JSON"))
    dump.add_argument("--period", type=int, required=True, metavar=str(msg("NĂM", "YEAR")))
    dump.add_argument("--format", choices=("csv", "json"), default="csv")
    dump.add_argument("--unit",
                      help=msg("mã đơn vị (mặc định: đơn vị của cơ sở dữ liệu)",
                               "the unit's code (default: the database's own unit)"))
    dump.add_argument("--out", type=Path,
                      help=msg("ghi ra tệp (CSV có BOM để mở bằng Excel) thay vì màn hình",
                               "write to a file (CSV with a BOM, for Excel) instead of the screen"))
    dump.set_defaults(func=cmd_dump)
    confirm = vsub.add_parser("confirm",
                              help=msg("xác nhận giá trị chuyển từ năm trước",
                                       "confirm carried-forward values"))
    confirm.add_argument("criteria", nargs="*", metavar=str(msg("TIÊU_CHÍ", "CRITERION")),
                         help=msg("mã tiêu chí, ví dụ II.1 VIII.6",
                                  "criterion codes, for example II.1 VIII.6"))
    confirm.add_argument("--all", action="store_true", help=msg("mọi giá trị đang chờ xác nhận", "every waiting value"))
    confirm.add_argument("--period", type=int, required=True, metavar=str(msg("NĂM", "YEAR")))
    confirm.set_defaults(func=cmd_confirm)


def cmd_load(ctx, args) -> int:
    data = read_file(args.file, max_bytes=MAX_BYTES)
    db = ctx.open(backup_reason="before-load", create=False)
    try:
        units.require_self_unit(db)
        with db.atomic():  # a refused file leaves no new period behind either
            periods.ensure_period(db, args.period, who=ctx.who)
            ref = open_report(db, args.period)
            unit = ref.unit
            changed = load_values(db, ref, data, who=ctx.who, source=args.file.name)
        total = len(values.entries(db, unit.code, args.period))
    finally:
        db.close()
    ctx.say(msg("Đã nạp {name}: {n} giá trị thay đổi; năm {period} có {total} tiêu chí đã trả lời.",
                "Loaded {name}: {n} value changed; {period} now has {total} answered criteria.",
                plural="Loaded {name}: {n} values changed; {period} now has {total} answered criteria.",
                name=args.file.name, n=changed, period=args.period, total=total))
    return 0


def cmd_dump(ctx, args) -> int:
    if args.out:  # the one output rule: values.csv.pdf refused, "bảng giá trị" → "bảng giá trị.csv"
        args.out = require_output_kind(args.out, f".{args.format}")
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
        ctx.say(msg("Đã ghi {out}.", "Wrote {out}.", out=args.out))
    else:
        sys.stdout.write(text)
    return 0


def cmd_confirm(ctx, args) -> int:
    if bool(args.criteria) == args.all:
        raise InputError(msg("Ghi các mã tiêu chí cần xác nhận, hoặc --all (không cả hai).",
                             "Name the criteria to confirm, or --all (not both)."))
    db = ctx.open(create=False)
    try:
        ref = open_report(db, args.period)
        done = confirm_carried(db, ref, None if args.all else [c.strip() for c in args.criteria], who=ctx.who)
        waiting = len(check_report(db, ref).unconfirmed)
    finally:
        db.close()
    if not done:
        ctx.say(msg("Không có giá trị nào đang chờ xác nhận trong năm {period}.",
                    "No value is waiting for confirmation in {period}.",
                    period=args.period))
        return 0
    ctx.say(msg("Đã xác nhận {n} giá trị: {done}{more}; còn {waiting} giá trị chờ xác nhận.",
                "Confirmed {n} value: {done}{more}; {waiting} still waiting.",
                plural="Confirmed {n} values: {done}{more}; {waiting} still waiting.",
                n=len(done), done=", ".join(done[:15]), more=" …" if len(done) > 15 else "", waiting=waiting))
    return 0
