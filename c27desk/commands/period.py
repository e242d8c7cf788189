"""``period``, ``finalise``, ``reopen``, ``carry-forward``: a year's report and its revisions."""

from __future__ import annotations

from datetime import date

from c27desk.commands._confirm import confirmed
from c27desk.errors import InputError
from c27desk.i18n import day, joined, msg, verbatim
from c27desk.store import periods, revisions
from c27desk.store.clock import vn_display
from c27desk.store.units import report_unit, require_self_unit
from c27desk.workflow import (
    FinaliseRefusedError,
    carry_forward,
    finalise_report,
    open_report,
    previous_year_with_values,
    reopen_report,
    require_carry_source,
    require_predecessors,
)

#: The report details a period carries, each with its label and its help, in words a user knows.
FIELDS = {
    "deadline": (msg("Hạn nộp", "Deadline"), msg("hạn nộp, ví dụ 29/02/2024", "the deadline, for example 29/02/2024")),
    "report_number": (msg("Số báo cáo", "Report number"),
                      msg("số báo cáo: 45 hoặc 45-BC/<ký hiệu đơn vị>; in ra một lần “Số 45-BC/…”",
                          "the report number: 45 or 45-BC/<unit symbol>; printed once as “Số 45-BC/…”")),
    "report_date": (msg("Ngày báo cáo", "Report date"), msg("ngày báo cáo, ví dụ 20/02/2024", "the report date, for example 20/02/2024")),
    "place": (msg("Địa danh", "Place"), msg("địa danh", "the place name on the date line")),
    "signer_authority": (msg("Thẩm quyền ký", "Signing authority"),
                         msg("thẩm quyền ký, ví dụ “T/M BAN THƯỜNG VỤ”", "the signing authority, for example “T/M BAN "
                             "THƯỜNG VỤ”")),
    "signer_title": (msg("Chức vụ người ký", "Signer's title"),
                     msg("chức vụ người ký, ví dụ “PHÓ BÍ THƯ”", "the signer's title, for example “PHÓ BÍ THƯ”")),
    "signer_name": (msg("Người ký", "Signer"), msg("họ tên người ký", "the signer's full name")),
    "recipients": (msg("Nơi nhận", "Recipients"), msg("nơi nhận (mỗi dòng một nơi)", "the recipients (one a line)")),
}
PERIOD_STATES = {"open": msg("đang nhận gói báo cáo", "taking packages"),
                 "closed": msg("đã khóa, không nhận thêm gói", "closed, taking no more packages")}
REVISION_STATES = {"open": msg("đang sửa", "being edited"), "final": msg("đã chốt", "finalised")}


def register(sub) -> None:
    p = sub.add_parser("period", help=msg("kỳ báo cáo (năm)", "reporting periods"))
    p.add_argument("action", choices=("list", "set", "show", "close", "open"),
                   help=msg("close: thôi nhận gói báo cáo của năm này (open: nhận lại)", "close: take no more of this year's packages (open: take them again)"))
    p.add_argument("year", type=int, nargs="?", metavar=str(msg("NĂM", "YEAR")))
    for name, (_label, help_text) in FIELDS.items():
        p.add_argument(f"--{name.replace('_', '-')}", dest=name, help=help_text)
    p.add_argument("--catalogue", "--form", dest="catalogue", metavar=str(msg("MÃ/PHIÊN_BẢN", "ID/VERSION")),
                   help=msg("chuyển kỳ báo cáo (chưa chốt) sang biểu mẫu khác, ví dụ P27/2025.1 (xem: c27desk catalog list)", "move the period (not finalised) to another form, for example P27/2025.1 (see: c27desk catalog list)"))
    p.set_defaults(func=cmd_period)

    p = sub.add_parser("finalise", help=msg("chốt báo cáo thành bản N", "finalise as revision N"))
    p.add_argument("--period", type=int, required=True, metavar=str(msg("NĂM", "YEAR")))
    p.add_argument("--accept-warnings", action="store_true",
                   help=msg("xác nhận đã xem các cảnh báo",
                            "confirm the warnings were read"))
    p.set_defaults(func=cmd_finalise)

    p = sub.add_parser("reopen", help=msg("mở lại báo cáo đã chốt (bản N+1)", "reopen as revision N+1"))
    p.add_argument("--period", type=int, required=True, metavar=str(msg("NĂM", "YEAR")))
    p.add_argument("--yes", action="store_true", help=msg("không hỏi lại (khi chạy tự động)", "do not ask (for unattended runs)"))
    p.set_defaults(func=cmd_reopen)

    p = sub.add_parser("carry-forward",
                       help=msg("chuyển số liệu năm trước sang (chưa xác nhận)",
                                "carry the previous year's values forward (unconfirmed)"))
    p.add_argument("--period", type=int, required=True, metavar=str(msg("NĂM", "YEAR")))
    p.add_argument("--from", dest="from_year", type=int, metavar=str(msg("NĂM", "YEAR")))
    p.add_argument("--from-predecessors", action="store_true",
                   help=msg("lấy số liệu của các đơn vị tiền thân (đổi mã, hợp nhất), cộng dồn nếu cộng được", "take the values of predecessor units (recoded, merged), added up where they add up"))
    p.set_defaults(func=cmd_carry)


def cmd_period(ctx, args) -> int:
    db = ctx.open(create=False, write=args.action not in ("list", "show"))
    try:
        if args.action == "list":
            for per in periods.list_periods(db):
                ctx.say(msg("{year}  {form}  {state}  hạn nộp {deadline}", "{year}  {form}  {state}  deadline {deadline}",
                            year=per.year, form=f"{per.catalogue_id}/{per.catalogue_version}",
                            state=PERIOD_STATES.get(per.status, verbatim(per.status)), deadline=_day(per.deadline)))
            return 0
        if args.year is None:
            raise InputError(msg("Cần ghi năm, ví dụ: c27desk period set 2024 …",
                                 "A year is required, e.g. c27desk period set 2024 …"))
        if args.action == "set":
            created = periods.get_period(db, args.year) is None
            periods.ensure_period(db, args.year, who=ctx.who)
            if args.catalogue:
                _switch(ctx, db, args.year, args.catalogue)
            elif created:
                ctx.say(periods.period_form_note(db, args.year))
            changes = {k: getattr(args, k) for k in FIELDS if getattr(args, k) is not None}
            if "recipients" in changes:
                changes["recipients"] = changes["recipients"].replace("\\n", "\n")
            periods.update_period(db, args.year, who=ctx.who, **changes)
        elif args.action in ("close", "open"):
            periods.set_receiving(db, args.year, args.action == "open", who=ctx.who)
            if args.action == "close":
                ctx.say(msg("Đã khóa kỳ báo cáo {year}: không nhận thêm gói báo cáo của năm này.",
                            "Closed the {year} period: no more packages are taken for it.",
                            year=args.year))
            else:
                ctx.say(msg("Đã mở lại kỳ báo cáo {year}.",
                            "Reopened the {year} period.",
                            year=args.year))
            return 0
        per = periods.require_period(db, args.year)
        rows = [(msg("Năm", "Year"), str(per.year)),
                (msg("Biểu mẫu", "Form"), f"{per.catalogue_id}/{per.catalogue_version}")]
        for name, (label, _help) in FIELDS.items():
            value = getattr(per, name) or ""
            rows.append((label, _day(value) if name in ("deadline", "report_date") and value else value))
        rows.append((msg("Trạng thái", "State"), PERIOD_STATES.get(per.status, verbatim(per.status)).render()))
        for label, value in rows:
            print(f"{label.render() + ':':<20} {value}")
        ctx.say(periods.period_form_note(db, args.year))
        for rev in revisions.history(db, report_unit(db, args.year).code, args.year):
            ctx.say(msg("Bản {n}: {state}, {when}", "Revision {n}: {state}, {when}", n=rev.number,
                        state=REVISION_STATES.get(rev.status, verbatim(rev.status)),
                        when=vn_display(rev.finalised_at or rev.opened_at, "%d/%m/%Y %H:%M (GMT+7)")))
    finally:
        db.close()
    return 0


def _switch(ctx, db, year: int, key: str) -> None:
    from c27desk.workflow import switch_form

    cat_id, version = periods.parse_form_key(key)
    done = switch_form(db, year, cat_id, version, who=ctx.who)
    ctx.say(msg("Kỳ báo cáo {year}: đã chuyển từ biểu mẫu {old} sang {new}, mang theo {n} giá trị.",
                "Period {year}: moved from form {old} to {new}, carrying {n} value.",
                plural="Period {year}: moved from form {old} to {new}, carrying {n} values.",
                year=year, old=done.old, new=done.new, n=done.carried))
    if done.dropped:
        ctx.say(msg("Không mang sang được {n} giá trị:", "{n} value not carried:", plural="{n} values not carried:",
                    n=len(done.dropped)))
        for cid, why in done.dropped:
            ctx.say(joined("  {id}: {why}", id=cid, why=why))


def _day(text: str | None) -> str:
    """A stored date (YYYY-MM-DD) as people write it, dd/mm/yyyy; anything else as it is."""
    if not text:
        return "—"
    try:
        return day(date.fromisoformat(text))
    except ValueError:
        return text


def _self(db) -> str:
    return require_self_unit(db).code


def cmd_finalise(ctx, args) -> int:
    db = ctx.open(create=False)
    try:
        ref = open_report(db, args.period)
        try:
            rev = finalise_report(db, ref, who=ctx.who, acknowledge_warnings=args.accept_warnings)
        except FinaliseRefusedError as refused:
            for issue in refused.report.issues:
                tag = msg("LỖI", "ERROR") if issue.severity == "error" else msg("CẢNH BÁO", "WARNING")
                ctx.say(joined("  {tag}: {what}", tag=tag, what=issue.text))
            raise
        from c27desk.commands.check import details_warning

        details = details_warning(db, ref)
    finally:
        db.close()
    if rev.renumbered_from is not None:
        ctx.say(msg("Lưu ý: bản {renumbered_from} đã được xuất trước đây với nội dung khác (có thể do khôi phục bản "
                    "sao lưu cũ), nên báo cáo được chốt thành bản {number}.",
                    "Note: revision {renumbered_from} was exported earlier with other content (an older backup "
                    "restored?), so the report is finalised as revision {number}.",
                    renumbered_from=rev.renumbered_from, number=rev.number))
    ctx.say(msg("Đã chốt báo cáo năm {period}, bản {number}.",
                "Report {period} finalised as revision {number}.",
                period=args.period, number=rev.number))
    if details:  # not blocking: the details can still be filled in after a reopen
        ctx.say(msg("CẢNH BÁO: {what}", "WARNING: {what}", what=details))
    return 0


def cmd_reopen(ctx, args) -> int:
    db = ctx.open(create=False)
    try:
        ref = open_report(db, args.period)
        rev = revisions.require_reopenable(db, ref.unit.code, ref.year)  # said before asking anything
        if not confirmed(msg("Mở lại báo cáo năm {year} (bản {n} đã chốt) thành bản {next} để sửa? Bản {n} vẫn được "
                             "lưu; bản mới phải chốt và gửi lại.",
                             "Reopen the {year} report (revision {n}, finalised) as revision {next} for editing? "
                             "Revision {n} is kept; the new one must be finalised and sent again.",
                             year=args.period, n=rev.number, next=rev.number + 1), assume_yes=args.yes):
            ctx.say(msg("Không mở lại; báo cáo giữ nguyên.",
                        "Not reopened; the report is unchanged."))
            return 1
        rev = reopen_report(db, ref, who=ctx.who)
    finally:
        db.close()
    ctx.say(msg("Đã mở lại báo cáo năm {period}: đang sửa bản {number}.",
                "Report {period} reopened: editing revision {number}.",
                period=args.period, number=rev.number))
    return 0


def cmd_carry(ctx, args) -> int:
    db = ctx.open(create=False)
    try:
        if args.from_predecessors:
            require_predecessors(db, _self(db))
        previous = previous_year_with_values(db, _self(db), args.period)
        if args.from_year is None and not args.from_predecessors and previous is not None and args.period - previous > 1:
            # most likely a typo (2031 for 2024): say so before a period is created
            raise InputError(msg("Năm gần nhất có số liệu là {previous}, cách {period} {gap} năm; nếu đúng là vậy, "
                                 "ghi rõ --from {previous}.",
                                 "The latest year with values is {previous}, {gap} years before {period}; if that is "
                                 "right, say --from {previous}.",
                                 previous=previous, period=args.period, gap=args.period - previous))
        # refused before the period is created: a failed carry leaves the database as it was
        require_carry_source(db, _self(db), args.period, from_year=args.from_year,
                             from_predecessors=args.from_predecessors)
        created = periods.get_period(db, args.period) is None
        periods.ensure_period(db, args.period, who=ctx.who)
        if created:
            ctx.say(periods.period_form_note(db, args.period))
        ref = open_report(db, args.period)
        n = carry_forward(db, ref, who=ctx.who, from_year=args.from_year, from_predecessors=args.from_predecessors)
    finally:
        db.close()
    ctx.say(msg("Đã chuyển {n} giá trị sang năm {period}; hãy xác nhận từng giá trị trước khi chốt.",
                "Carried {n} value into {period}; confirm it before finalising.",
                plural="Carried {n} values into {period}; confirm each before finalising.",
                n=n, period=args.period))
    return 0
