"""``received``: the office's received reports — list them, take out a unit's signed appendix as received."""

from __future__ import annotations

from pathlib import Path

from c27desk.commands.appendix import yes_no
from c27desk.commands.check import errors_said
from c27desk.i18n import joined, msg


def register(sub) -> None:
    p = sub.add_parser("received",
                       help=msg("báo cáo đã nhận của đơn vị trực thuộc",
                                "reports received from child units"))
    rsub = p.add_subparsers(dest="received_action", required=True, metavar=str(msg("VIỆC", "ACTION")))
    lst = rsub.add_parser("list",
                          help=msg("các đơn vị: đã nhận bản nào, mức đầy đủ, chữ ký",
                                   "the units: which revision was received, completeness, signature"))
    lst.add_argument("--period", type=int, required=True, metavar=str(msg("NĂM", "YEAR")))
    lst.set_defaults(func=cmd_list)
    app = rsub.add_parser("appendix",
                          help=msg("phụ lục đã ký đúng như đã nhận (hoặc --all: gộp để in)",
                                   "a signed appendix exactly as received (or --all: joined for printing)"))
    app.add_argument("--period", type=int, required=True, metavar=str(msg("NĂM", "YEAR")))
    which = app.add_mutually_exclusive_group(required=True)
    which.add_argument("--unit", metavar=str(msg("MÃ", "CODE")))
    which.add_argument("--all", action="store_true",
                       help=msg("gộp phụ lục của mọi đơn vị theo thứ tự mã (chỉ để in)",
                                "join every unit's appendix in code order (for printing only)"))
    app.add_argument("--out", type=Path, required=True, metavar=str(msg("TỆP.pdf", "FILE.pdf")))
    app.set_defaults(func=cmd_appendix)


def cmd_list(ctx, args) -> int:
    from c27desk.consolidate.export import signer_name
    from c27desk.exchange.received import received_reports
    from c27desk.store.clock import vn_display

    db = ctx.open(create=False, write=False)
    try:
        reports = received_reports(db, args.period)
    finally:
        db.close()
    got = sum(1 for r in reports if r.sha256)
    ctx.say(msg("Năm {period}: đã nhận {got}/{n} đơn vị.",
                "Year {period}: {got}/{n} unit received.", plural="Year {period}: {got}/{n} units received.",
                period=args.period, got=got, n=len(reports)))
    for r in reports:
        c, st = r.completeness, r.status
        rev = f"r{st.revision}" if st.revision else "—"
        na = f"N/A {c.not_applicable}" if r.sha256 else ""
        when = vn_display(st.received_at, "%d/%m/%Y %H:%M (GMT+7)") if st.received_at else ""
        late = f" {msg('MUỘN', 'LATE')}" if st.late else ""
        problems = f" {errors_said(st.errors)}" if st.errors else ""
        print(f"  {r.unit.code:<16} {rev:<4} {c.fraction():>7} {na:<7} {c.label(ctx.lang):<28}{late}{problems}"
              f"  {signer_name(st.signer)}{'  ' + when if when else ''}")
    return 0


def cmd_appendix(ctx, args) -> int:
    from c27desk.exchange.received import (
        MERGED_NOTE,
        merge_appendices,
        received_appendix,
        verify_received,
    )
    from c27desk.fileio import atomic_write_bytes, require_output_kind
    from c27desk.report.verify import local_time

    args.out = require_output_kind(args.out, ".pdf")
    db = ctx.open(create=False, write=False)
    try:
        if args.all:
            codes = merge_appendices(db, ctx.db_path, args.period, args.out)
            ctx.say(msg("Đã ghi {out}: phụ lục của {n} đơn vị ({codes}).",
                        "Wrote {out}: the appendix of {n} unit ({codes}).",
                        plural="Wrote {out}: the appendices of {n} units ({codes}).",
                        out=args.out, n=len(codes), codes=', '.join(codes)))
            ctx.say(MERGED_NOTE)
            return 0
        pdf, rev = received_appendix(db, ctx.db_path, args.unit, args.period)
        check = verify_received(db, pdf)
    finally:
        db.close()
    atomic_write_bytes(args.out, pdf)
    ctx.say(msg("Đã ghi {out}: phụ lục đã ký của {unit}, năm {period}, bản {number}, đúng từng byte như đã nhận.",
                "Wrote {out}: {unit}'s signed appendix, {period}, revision {number}, byte for byte as received.",
                out=args.out, unit=args.unit, period=args.period, number=rev.number))
    ctx.say(msg("  Người ký: {signer}; ký lúc {when}; bao trùm toàn bộ tệp: {whole}; tin cậy: {trusted}",
                "  Signer: {signer}; signed {when}; covers the whole file: {whole}; trusted: {trusted}",
                signer=check.signer or "?", when=local_time(check.signing_time),
                whole=yes_no(check.covers_whole_file), trusted=yes_no(check.trusted)))
    for problem in check.problems:
        ctx.say(joined("  ! {problem}", problem=problem))
    return 0 if check.ok else 1
