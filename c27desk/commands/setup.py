"""``init``, ``demo``, ``levels``: getting a database ready."""

from __future__ import annotations

from dataclasses import asdict

from c27desk.catalogs import shipped_catalogues
from c27desk.demo import DEMO_YEAR, create_demo
from c27desk.errors import InputError
from c27desk.i18n import joined, msg, verbatim
from c27desk.model.text import shown
from c27desk.model.units import level_text, make_unit, normalise_unit_code
from c27desk.store import periods, units
from c27desk.store.database import set_setting


def register(sub) -> None:
    p = sub.add_parser("init", help=msg("tạo cơ sở dữ liệu cho đơn vị", "set up the database for a unit"))
    p.add_argument("--unit-code", required=True)
    # on a unit already set up, only the options given change (the others keep what is stored)
    p.add_argument("--unit-name",
                   help=msg("tên đơn vị (bắt buộc khi tạo mới)",
                            "the unit's name (required for a new unit)"))
    p.add_argument("--level",
                   help=msg("mã cấp, ví dụ tinh, xa (xem: c27desk levels; bắt buộc khi tạo mới)",
                            "the level code, for example tinh, xa (see: c27desk levels; required for a new unit)"))
    p.add_argument("--parent", help=msg("mã đơn vị cấp trên", "the office above's unit code"))
    p.add_argument("--place", help=msg("địa danh ghi ở dòng ngày tháng", "the place written on the date line"))
    p.add_argument("--parent-body",
                   help=msg("cơ quan chủ quản ghi trên tên đơn vị (ví dụ “ĐẢNG BỘ TỈNH …”)",
                            "the parent body written above the unit name (for example “ĐẢNG BỘ TỈNH …”)"))
    p.add_argument("--doc-symbol", help=msg("ký hiệu văn bản, ví dụ TU, HU", "the document symbol, for example TU, HU"))
    p.add_argument("--period", type=int, metavar=str(msg("NĂM", "YEAR")),
                   help=msg("tạo luôn kỳ báo cáo của năm này",
                            "create this year's period as well"))
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help=msg("cơ sở dữ liệu mẫu của Tỉnh ủy Đồng Nai năm 2023", "demo database"))
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("levels", help=msg("các cấp đơn vị", "unit levels"))
    p.add_argument("action", nargs="?", choices=("list", "add"), default="list")
    p.add_argument("--code")
    p.add_argument("--name")
    p.add_argument("--rank", type=int, default=9)
    p.set_defaults(func=cmd_levels)


_FIELDS = {"name": msg("tên", "name"), "level": msg("cấp", "level"), "parent": msg("cấp trên", "office above"),
           "place": msg("địa danh", "place"), "parent_body": msg("cơ quan chủ quản", "parent body"),
           "doc_symbol": msg("ký hiệu văn bản", "document symbol")}


def cmd_init(ctx, args) -> int:
    given = {"name": args.unit_name, "level": args.level, "parent": args.parent, "place": args.place,
             "parent_body": args.parent_body, "doc_symbol": args.doc_symbol}
    fresh = not ctx.db_path.exists()
    code = normalise_unit_code(args.unit_code)  # the options are checked before anything is created
    if fresh:
        _need_name_and_level(args)
        make_unit(args.unit_code, args.unit_name, args.level, args.parent, args.place or "", args.parent_body or "",
                  args.doc_symbol or "")
    try:
        return _init(ctx, args, code, given)
    except BaseException:
        if fresh:  # what a failed init created goes again: the folder is as it was
            ctx.discard_new_database()
        raise


def _need_name_and_level(args) -> None:
    if args.unit_name is None or args.level is None:
        raise InputError(msg("Đơn vị mới cần --unit-name và --level.",
                             "A new unit needs --unit-name and --level."))


def _init(ctx, args, code: str, given: dict) -> int:
    db = ctx.open()
    try:
        old = units.get_unit(db, code)
        if old is None:
            _need_name_and_level(args)
        if args.period is not None and periods.get_period(db, args.period) is None:
            periods.choose_form(db, args.period)  # a year no form serves is refused before the unit is changed
        base = asdict(old) if old is not None else {}
        merged = {k: (v if v is not None else base.get(k, "")) for k, v in given.items()}
        unit = make_unit(args.unit_code, merged["name"], merged["level"], merged["parent"] or None, merged["place"],
                         merged["parent_body"], merged["doc_symbol"])
        units.save_unit(db, unit, is_self=True, who=ctx.who)
        set_setting(db, "initialised", "1")
        note = None
        if args.period is not None:
            periods.ensure_period(db, args.period, who=ctx.who)
            note = periods.period_form_note(db, args.period)
    finally:
        db.close()
    if old is None:
        ctx.say(msg("Đã tạo đơn vị {code} – {name} trong {db_path}.",
                    "Unit {code} – {name} set up in {db_path}.",
                    code=unit.code, name=verbatim(unit.name), db_path=ctx.db_path))
    else:
        changed = [k for k in _FIELDS if (getattr(old, k) or "") != (getattr(unit, k) or "")]
        if changed:
            what = [joined("{field} “{old}” → “{new}”", field=_FIELDS[k], old=shown(getattr(old, k) or ""),
                           new=shown(getattr(unit, k) or "")) for k in changed]
            ctx.say(msg("Đã sửa đơn vị {code}: {what}. Các bản đã chốt vẫn in như lúc chốt.",
                        "Unit {code} changed: {what}. Finalised revisions still print as they were finalised.",
                        code=unit.code, what=what))
        else:
            ctx.say(msg("Đơn vị {code} không thay đổi.",
                        "Unit {code} is unchanged.",
                        code=unit.code))
    if note is None:  # which form a year will use is said when its period is made; here, what is at hand
        newest = max(shipped_catalogues(), key=lambda c: c.year)
        note = msg("Biểu mẫu có sẵn: {key} (năm {year}). Năm sau chưa có biểu mẫu riêng sẽ dùng lại biểu mẫu này, "
                   "ghi lại năm, và chương trình sẽ báo; biểu mẫu cấp trên gửi: c27desk catalog install TỆP.c27form.",
                   "Form at hand: {key} ({year}). A later year without a form of its own reuses it, re-dated, and the "
                   "program says so; a form sent by the office above: c27desk catalog install FILE.c27form.",
                   key=newest.key, year=newest.year)
    ctx.say(note)
    return 0


def cmd_demo(ctx, args) -> int:
    db = ctx.open()
    try:
        n = create_demo(db, who=ctx.who)
    finally:
        db.close()
    ctx.say(msg("Đã tạo dữ liệu mẫu ({unit}, năm {year}, {n} tiêu chí) trong {file}.",
                "Demo data written ({unit}, {year}, {n} criteria) to {file}.",
                unit=verbatim("Tỉnh ủy Đồng Nai"), year=DEMO_YEAR, n=n, file=ctx.db_path))
    return 0


def cmd_levels(ctx, args) -> int:
    db = ctx.open(create=args.action == "add", write=args.action == "add")
    try:
        if args.action == "add":
            if not args.code or not args.name:
                raise InputError(msg("Cần --code và --name.",
                                     "--code and --name are required."))
            units.add_level(db, args.code, args.name, args.rank)
        for lv in units.levels(db):
            print(f"{lv['code']:<12} {lv['rank']}  {level_text(lv['code'], lv['name'])}")  # the code: what --level takes
    finally:
        db.close()
    return 0
