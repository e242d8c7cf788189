"""``check``: errors, warnings and completeness of a year's report."""

from __future__ import annotations

from c27desk.consolidate.summary import staleness, staleness_lines
from c27desk.i18n import Text, joined, msg, verbatim
from c27desk.workflow import check_report, open_report


def register(sub) -> None:
    p = sub.add_parser("check", help=msg("kiểm tra lỗi, cảnh báo, mức đầy đủ", "validate a report"))
    p.add_argument("--period", type=int, required=True, metavar=str(msg("NĂM", "YEAR")))
    p.add_argument("--unit",
                   help=msg("mã đơn vị (mặc định: đơn vị của cơ sở dữ liệu)",
                            "the unit's code (default: the database's own unit)"))
    p.set_defaults(func=cmd_check)


def details_warning(db, ref) -> Text | None:
    """Only for this unit's own report: a child's details are the child's business."""
    from c27desk.report.sign_appendix import signature_details_warning
    from c27desk.store import periods, units

    me = units.report_unit(db, ref.year)
    period = periods.get_period(db, ref.year)
    if period is None or ref.unit.code != me.code:
        return None
    return signature_details_warning(period, ref.unit)


def errors_said(n: int) -> Text:
    return msg("{n} lỗi", "{n} error", plural="{n} errors", n=n)


def warnings_said(n: int) -> Text:
    return msg("{n} cảnh báo", "{n} warning", plural="{n} warnings", n=n)


def cmd_check(ctx, args) -> int:
    db = ctx.open(create=False, write=False)
    try:
        ref = open_report(db, args.period, args.unit)
        report = check_report(db, ref)
        details = details_warning(db, ref)
        stale = staleness(db, args.period) if args.unit is None else None
    finally:
        db.close()
    ctx.say(msg("{code} – {name}, năm {year} ({form})", "{code} – {name}, year {year} ({form})", code=ref.unit.code,
                name=verbatim(ref.unit.name), year=ref.year, form=ref.catalogue.key))
    for sec in report.sections:
        mark = "✓" if sec.complete and not sec.problems else ("!" if sec.problems else " ")
        print(f"  {mark} {'  ' * sec.depth}{sec.label:<5} {sec.answered:>3}/{sec.total:<3} {sec.title}")
    for issue in report.issues:
        tag = msg("LỖI", "ERROR") if issue.severity == "error" else msg("CẢNH BÁO", "WARNING")
        ctx.say(joined("{tag}: {what}", tag=tag, what=issue.text))
    if details:
        ctx.say(msg("CẢNH BÁO: {what}", "WARNING: {what}", what=details))
    if report.unconfirmed:
        ctx.say(msg("Chưa xác nhận (chuyển từ năm trước): {ids}", "Unconfirmed (carried forward): {ids}",
                    ids=", ".join(report.unconfirmed)))
    if report.missing:
        ids = ", ".join(report.missing[:30]) + (" …" if len(report.missing) > 30 else "")
        ctx.say(msg("Chưa trả lời: {ids}", "Not answered: {ids}", ids=ids))
    if stale is not None and stale.values:
        ctx.say(msg("SỐ LIỆU ĐÃ CŨ: đơn vị trực thuộc gửi bản mới sau khi các giá trị này được nhận:",
                    "STALE: units sent new revisions after these values were taken:"))
        for line in staleness_lines(stale):
            ctx.say(joined("  {line}", line=line))
    pct = round(100 * report.answered / report.total) if report.total else 0
    ready = report.complete and not report.errors
    ctx.say(msg("Đầy đủ: {answered}/{total} ({pct}%); {errors}, {warnings}; {state}",
                "Complete: {answered}/{total} ({pct}%); {errors}, {warnings}; {state}",
                answered=report.answered, total=report.total, pct=pct, errors=errors_said(len(report.errors)),
                warnings=warnings_said(len(report.warnings) + (1 if details else 0)),  # every WARNING printed
                state=msg("ĐẦY ĐỦ VÀ HỢP LỆ", "COMPLETE AND VALID") if ready else msg("CHƯA SẴN SÀNG", "NOT READY")))
    return 1 if report.errors else 0
