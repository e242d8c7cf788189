"""``received``: the office's received reports — list them, take out a unit's signed appendix as received."""

from __future__ import annotations

from pathlib import Path

from c27desk.errors import InputError


def register(sub) -> None:
    p = sub.add_parser("received", help="báo cáo đã nhận của đơn vị trực thuộc / reports received from child units")
    rsub = p.add_subparsers(dest="received_action", required=True, metavar="ACTION")
    lst = rsub.add_parser("list", help="các đơn vị: đã nhận bản nào, mức đầy đủ, chữ ký")
    lst.add_argument("--period", type=int, required=True, metavar="YEAR")
    lst.set_defaults(func=cmd_list)
    app = rsub.add_parser("appendix", help="phụ lục đã ký đúng như đã nhận (hoặc --all: gộp để in)")
    app.add_argument("--period", type=int, required=True, metavar="YEAR")
    which = app.add_mutually_exclusive_group(required=True)
    which.add_argument("--unit", metavar="CODE")
    which.add_argument("--all", action="store_true", help="gộp phụ lục của mọi đơn vị theo thứ tự mã (chỉ để in)")
    app.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
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
    en = ctx.lang == "en"
    got = sum(1 for r in reports if r.sha256)
    ctx.say(f"Năm {args.period}: đã nhận {got}/{len(reports)} đơn vị.",
            f"Year {args.period}: {got}/{len(reports)} units received.")
    for r in reports:
        c, st = r.completeness, r.status
        rev = f"r{st.revision}" if st.revision else "—"
        na = f"N/A {c.not_applicable}" if r.sha256 else ""
        when = vn_display(st.received_at, "%d/%m/%Y %H:%M") if st.received_at else ""
        late = (" LATE" if en else " MUỘN") if st.late else ""
        problems = (f" {st.errors} {'errors' if en else 'lỗi'}" if st.errors else "")
        print(f"  {r.unit.code:<16} {rev:<4} {c.fraction():>7} {na:<7} {c.label(ctx.lang):<28}{late}{problems}"
              f"  {signer_name(st.signer)}{'  ' + when if when else ''}")
    return 0


def cmd_appendix(ctx, args) -> int:
    from c27desk.exchange.received import (
        MERGED_NOTE_EN,
        MERGED_NOTE_VI,
        merge_appendices,
        received_appendix,
        verify_received,
    )
    from c27desk.fileio import atomic_write_bytes
    from c27desk.report.verify import local_time

    if args.out.suffix.lower() != ".pdf":
        raise InputError("tệp kết quả phải là .pdf.", "the output must be a .pdf file.")
    db = ctx.open(create=False, write=False)
    try:
        if args.all:
            codes = merge_appendices(db, ctx.db_path, args.period, args.out)
            ctx.say(f"Đã ghi {args.out}: phụ lục của {len(codes)} đơn vị ({', '.join(codes)}).",
                    f"Wrote {args.out}: the appendices of {len(codes)} units ({', '.join(codes)}).")
            ctx.say(MERGED_NOTE_VI, MERGED_NOTE_EN)
            return 0
        pdf, rev = received_appendix(db, ctx.db_path, args.unit, args.period)
        check = verify_received(db, pdf)
    finally:
        db.close()
    atomic_write_bytes(args.out, pdf)
    ctx.say(f"Đã ghi {args.out}: phụ lục đã ký của {args.unit}, năm {args.period}, bản {rev.number}, "
            "đúng từng byte như đã nhận.",
            f"Wrote {args.out}: {args.unit}'s signed appendix, {args.period}, revision {rev.number}, "
            "byte for byte as received.")
    yes, no = ("yes", "no") if ctx.lang == "en" else ("có", "không")
    ctx.say(f"  Người ký: {check.signer or '?'}; ký lúc {local_time(check.signing_time)}; "
            f"bao trùm toàn bộ tệp: {yes if check.covers_whole_file else no}; "
            f"tin cậy: {yes if check.trusted else no}",
            f"  Signer: {check.signer or '?'}; signed {local_time(check.signing_time)}; "
            f"covers the whole file: {yes if check.covers_whole_file else no}; "
            f"trusted: {yes if check.trusted else no}")
    for problem in check.problems:
        print(f"  ! {problem.render(ctx.lang)}")
    return 0 if check.ok else 1
