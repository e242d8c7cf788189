"""``period``, ``finalise``, ``reopen``, ``carry-forward``: a year's report and its revisions."""

from __future__ import annotations

from c27desk.commands._confirm import confirmed
from c27desk.errors import InputError
from c27desk.store import periods, revisions
from c27desk.store.units import report_unit, require_self_unit
from c27desk.workflow import (
    FinaliseRefusedError,
    carry_forward,
    finalise_report,
    open_report,
    previous_year_with_values,
    reopen_report,
    require_predecessors,
)

FIELDS = {
    "deadline": "hạn nộp (YYYY-MM-DD)",
    "report_number": "số báo cáo: 45 hoặc 45-BC/<ký hiệu đơn vị>; in ra một lần “Số 45-BC/…”",
    "report_date": "ngày báo cáo (YYYY-MM-DD)",
    "place": "địa danh",
    "signer_authority": "thẩm quyền ký, ví dụ T/M BAN THƯỜNG VỤ",
    "signer_title": "chức vụ người ký, ví dụ PHÓ BÍ THƯ",
    "signer_name": "họ tên người ký",
    "recipients": "nơi nhận (mỗi dòng một nơi)",
}


def register(sub) -> None:
    p = sub.add_parser("period", help="kỳ báo cáo (năm) / reporting periods")
    p.add_argument("action", choices=("list", "set", "show", "close", "open"),
                   help="close: thôi nhận gói báo cáo của năm này (open: nhận lại)")
    p.add_argument("year", type=int, nargs="?")
    for name, help_text in FIELDS.items():
        p.add_argument(f"--{name.replace('_', '-')}", dest=name, help=help_text)
    p.add_argument("--catalogue", "--form", dest="catalogue", metavar="ID/VERSION",
                   help="chuyển kỳ báo cáo (chưa chốt) sang biểu mẫu khác, ví dụ P27/2025.1 (xem: c27desk catalog list)")
    p.set_defaults(func=cmd_period)

    p = sub.add_parser("finalise", help="chốt báo cáo thành bản N / finalise as revision N")
    p.add_argument("--period", type=int, required=True, metavar="YEAR")
    p.add_argument("--accept-warnings", action="store_true", help="xác nhận đã xem các cảnh báo")
    p.set_defaults(func=cmd_finalise)

    p = sub.add_parser("reopen", help="mở lại báo cáo đã chốt (bản N+1) / reopen as revision N+1")
    p.add_argument("--period", type=int, required=True, metavar="YEAR")
    p.add_argument("--yes", action="store_true", help="không hỏi lại (dùng trong script) / do not ask")
    p.set_defaults(func=cmd_reopen)

    p = sub.add_parser("carry-forward", help="chuyển số liệu năm trước sang (chưa xác nhận)")
    p.add_argument("--period", type=int, required=True, metavar="YEAR")
    p.add_argument("--from", dest="from_year", type=int, metavar="YEAR")
    p.add_argument("--from-predecessors", action="store_true",
                   help="lấy số liệu của các đơn vị tiền thân (đổi mã, hợp nhất), cộng dồn nếu cộng được")
    p.set_defaults(func=cmd_carry)


def cmd_period(ctx, args) -> int:
    db = ctx.open(create=False, write=args.action not in ("list", "show"))
    try:
        if args.action == "list":
            for per in periods.list_periods(db):
                print(f"{per.year}  {per.catalogue_id}/{per.catalogue_version} ({per.catalogue_basis or '?'})  "
                      f"{per.status}  hạn {per.deadline or '—'}")
            return 0
        if args.year is None:
            raise InputError("cần ghi năm, ví dụ: c27desk period set 2024 …", "a year is required, e.g. c27desk period set 2024 …")
        if args.action == "set":
            created = periods.get_period(db, args.year) is None
            periods.ensure_period(db, args.year, who=ctx.who)
            if args.catalogue:
                _switch(ctx, db, args.year, args.catalogue)
            elif created:
                ctx.say(*periods.period_form_note(db, args.year))
            changes = {k: getattr(args, k) for k in FIELDS if getattr(args, k) is not None}
            if "recipients" in changes:
                changes["recipients"] = changes["recipients"].replace("\\n", "\n")
            periods.update_period(db, args.year, who=ctx.who, **changes)
        elif args.action in ("close", "open"):
            periods.set_receiving(db, args.year, args.action == "open", who=ctx.who)
            if args.action == "close":
                ctx.say(f"Đã khóa kỳ báo cáo {args.year}: không nhận thêm gói báo cáo của năm này.",
                        f"Closed the {args.year} period: no more packages are taken for it.")
            else:
                ctx.say(f"Đã mở lại kỳ báo cáo {args.year}.", f"Reopened the {args.year} period.")
            return 0
        per = periods.require_period(db, args.year)
        for name in ("year", "catalogue_id", "catalogue_version", "catalogue_basis", *FIELDS, "status"):
            print(f"{name:<18} {getattr(per, name) or ''}")
        vi, en = periods.period_form_note(db, args.year)
        print(en if ctx.lang == "en" else vi)
        for rev in revisions.history(db, report_unit(db, args.year).code, args.year):
            print(f"revision {rev.number:<3} {rev.status:<6} {rev.finalised_at or rev.opened_at}")
    finally:
        db.close()
    return 0


def _switch(ctx, db, year: int, key: str) -> None:
    from c27desk.workflow import switch_form

    cat_id, version = periods.parse_form_key(key)
    done = switch_form(db, year, cat_id, version, who=ctx.who)
    ctx.say(f"Kỳ báo cáo {year}: đã chuyển từ biểu mẫu {done.old} sang {done.new}, mang theo {done.carried} giá trị.",
            f"Period {year}: moved from form {done.old} to {done.new}, carrying {done.carried} value(s).")
    if done.dropped:
        ctx.say(f"Không mang sang được {len(done.dropped)} giá trị:", f"{len(done.dropped)} value(s) not carried:")
        for cid, vi, en in done.dropped:
            print(f"  {cid}: {en if ctx.lang == 'en' else vi}")


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
                print(f"  {issue.severity}: {issue.message(ctx.lang)}")
            raise
        from c27desk.commands.check import details_warning

        details = details_warning(db, ref)
    finally:
        db.close()
    if rev.renumbered_from is not None:
        ctx.say(f"Lưu ý: bản {rev.renumbered_from} đã được xuất trước đây với nội dung khác (có thể do khôi phục bản "
                f"sao lưu cũ), nên báo cáo được chốt thành bản {rev.number}.",
                f"Note: revision {rev.renumbered_from} was exported earlier with other content (an older backup "
                f"restored?), so the report is finalised as revision {rev.number}.")
    ctx.say(f"Đã chốt báo cáo năm {args.period}, bản {rev.number}.", f"Report {args.period} finalised as revision {rev.number}.")
    if details:  # not blocking: the details can still be filled in after a reopen
        ctx.say(f"CẢNH BÁO: {details[0]}", f"WARNING: {details[1]}")
    return 0


def cmd_reopen(ctx, args) -> int:
    db = ctx.open(create=False)
    try:
        ref = open_report(db, args.period)
        rev = revisions.require_reopenable(db, ref.unit.code, ref.year)  # said before asking anything
        if not confirmed(ctx, f"Mở lại báo cáo năm {args.period} (bản {rev.number} đã chốt) thành bản "
                              f"{rev.number + 1} để sửa? Bản {rev.number} vẫn được lưu; bản mới phải chốt và gửi lại.",
                         f"Reopen the {args.period} report (revision {rev.number}, finalised) as revision "
                         f"{rev.number + 1} for editing? Revision {rev.number} is kept; the new one must be "
                         "finalised and sent again.", assume_yes=args.yes):
            ctx.say("Không mở lại; báo cáo giữ nguyên.", "Not reopened; the report is unchanged.")
            return 1
        rev = reopen_report(db, ref, who=ctx.who)
    finally:
        db.close()
    ctx.say(f"Đã mở lại báo cáo năm {args.period}: đang sửa bản {rev.number}.",
            f"Report {args.period} reopened: editing revision {rev.number}.")
    return 0


def cmd_carry(ctx, args) -> int:
    db = ctx.open(create=False)
    try:
        if args.from_predecessors:
            require_predecessors(db, _self(db))
        previous = previous_year_with_values(db, _self(db), args.period)
        if args.from_year is None and not args.from_predecessors and previous is not None and args.period - previous > 1:
            # most likely a typo (2031 for 2024): say so before a period is created
            raise InputError(f"năm gần nhất có số liệu là {previous}, cách {args.period} {args.period - previous} năm; "
                             f"nếu đúng là vậy, ghi rõ --from {previous}.",
                             f"the latest year with values is {previous}, {args.period - previous} years before "
                             f"{args.period}; if that is right, say --from {previous}.")
        created = periods.get_period(db, args.period) is None
        periods.ensure_period(db, args.period, who=ctx.who)
        if created:
            ctx.say(*periods.period_form_note(db, args.period))
        ref = open_report(db, args.period)
        n = carry_forward(db, ref, who=ctx.who, from_year=args.from_year, from_predecessors=args.from_predecessors)
    finally:
        db.close()
    ctx.say(f"Đã chuyển {n} giá trị sang năm {args.period}; hãy xác nhận từng giá trị trước khi chốt.",
            f"Carried {n} value(s) into {args.period}; confirm each before finalising.")
    return 0
