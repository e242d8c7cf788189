"""``check``: errors, warnings and completeness of a year's report."""

from __future__ import annotations

from c27desk.consolidate.summary import staleness, staleness_lines
from c27desk.workflow import check_report, open_report


def register(sub) -> None:
    p = sub.add_parser("check", help="kiểm tra lỗi, cảnh báo, mức đầy đủ / validate a report")
    p.add_argument("--period", type=int, required=True, metavar="YEAR")
    p.add_argument("--unit", help="mã đơn vị (mặc định: đơn vị của cơ sở dữ liệu)")
    p.set_defaults(func=cmd_check)


def details_warning(db, ref) -> tuple[str, str] | None:
    """Only for this unit's own report: a child's details are the child's business."""
    from c27desk.report.sign_appendix import signature_details_warning
    from c27desk.store import periods, units

    me = units.report_unit(db, ref.year)
    period = periods.get_period(db, ref.year)
    if period is None or ref.unit.code != me.code:
        return None
    return signature_details_warning(period, ref.unit)


def cmd_check(ctx, args) -> int:
    db = ctx.open(create=False, write=False)
    try:
        ref = open_report(db, args.period, args.unit)
        report = check_report(db, ref)
        details = details_warning(db, ref)
        stale = staleness(db, args.period) if args.unit is None else None
    finally:
        db.close()
    en = ctx.lang == "en"
    print(f"{ref.unit.code} – {ref.unit.name}, {'year' if en else 'năm'} {ref.year} ({ref.catalogue.key})")
    for sec in report.sections:
        mark = "✓" if sec.complete and not sec.problems else ("!" if sec.problems else " ")
        print(f"  {mark} {'  ' * sec.depth}{sec.label:<5} {sec.answered:>3}/{sec.total:<3} {sec.title}")
    for issue in report.issues:
        tag = ("ERROR" if en else "LỖI") if issue.severity == "error" else ("WARNING" if en else "CẢNH BÁO")
        print(f"{tag}: {issue.message(ctx.lang)}")
    if details:
        ctx.say(f"CẢNH BÁO: {details[0]}", f"WARNING: {details[1]}")
    if report.unconfirmed:
        ids = ", ".join(report.unconfirmed)
        print(f"{'Unconfirmed (carried forward)' if en else 'Chưa xác nhận (chuyển từ năm trước)'}: {ids}")
    if report.missing:
        ids = ", ".join(report.missing[:30]) + (" …" if len(report.missing) > 30 else "")
        print(f"{'Not answered' if en else 'Chưa trả lời'}: {ids}")
    if stale is not None and stale.values:
        print("STALE: units sent new revisions after these values were taken:" if en else
              "SỐ LIỆU ĐÃ CŨ: đơn vị trực thuộc gửi bản mới sau khi các giá trị này được nhận:")
        for line in staleness_lines(stale, ctx.lang):
            print(f"  {line}")
    pct = 100 * report.answered / report.total if report.total else 0
    complete = report.complete
    if en:
        print(f"Complete: {report.answered}/{report.total} ({pct:.0f}%); {len(report.errors)} error(s), "
              f"{len(report.warnings)} warning(s); {'COMPLETE AND VALID' if complete and not report.errors else 'NOT READY'}")
    else:
        print(f"Đầy đủ: {report.answered}/{report.total} ({pct:.0f}%); {len(report.errors)} lỗi, "
              f"{len(report.warnings)} cảnh báo; {'ĐẦY ĐỦ VÀ HỢP LỆ' if complete and not report.errors else 'CHƯA SẴN SÀNG'}")
    return 1 if report.errors else 0
