"""``init``, ``demo``, ``levels``: getting a database ready."""

from __future__ import annotations

from dataclasses import asdict

from c27desk.catalogs import shipped_catalogues
from c27desk.demo import DEMO_YEAR, create_demo
from c27desk.errors import InputError
from c27desk.model.text import shown
from c27desk.model.units import make_unit, normalise_unit_code
from c27desk.store import periods, units
from c27desk.store.database import set_setting


def register(sub) -> None:
    p = sub.add_parser("init", help="tạo cơ sở dữ liệu cho đơn vị / set up the database for a unit")
    p.add_argument("--unit-code", required=True)
    # on a unit already set up, only the options given change (the others keep what is stored)
    p.add_argument("--unit-name", help="tên đơn vị (bắt buộc khi tạo mới)")
    p.add_argument("--level", help="mã cấp, ví dụ tinh, xa (xem: c27desk levels; bắt buộc khi tạo mới)")
    p.add_argument("--parent", help="mã đơn vị cấp trên")
    p.add_argument("--place", help="địa danh ghi ở dòng ngày tháng")
    p.add_argument("--parent-body", help="cơ quan chủ quản ghi trên tên đơn vị (ví dụ ĐẢNG BỘ TỈNH …)")
    p.add_argument("--doc-symbol", help="ký hiệu văn bản, ví dụ TU, HU")
    p.add_argument("--period", type=int, metavar="YEAR", help="tạo luôn kỳ báo cáo của năm này")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help="cơ sở dữ liệu mẫu của Tỉnh ủy Đồng Nai năm 2023 / demo database")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("levels", help="các cấp đơn vị / unit levels")
    p.add_argument("action", nargs="?", choices=("list", "add"), default="list")
    p.add_argument("--code")
    p.add_argument("--name")
    p.add_argument("--rank", type=int, default=9)
    p.set_defaults(func=cmd_levels)


_FIELDS = {"name": ("tên", "name"), "level": ("cấp", "level"), "parent": ("cấp trên", "parent"),
           "place": ("địa danh", "place"), "parent_body": ("cơ quan chủ quản", "parent body"),
           "doc_symbol": ("ký hiệu văn bản", "document symbol")}


def cmd_init(ctx, args) -> int:
    given = {"name": args.unit_name, "level": args.level, "parent": args.parent, "place": args.place,
             "parent_body": args.parent_body, "doc_symbol": args.doc_symbol}
    db = ctx.open()
    try:
        old = units.get_unit(db, normalise_unit_code(args.unit_code))
        if old is None and (args.unit_name is None or args.level is None):
            raise InputError("đơn vị mới cần --unit-name và --level.", "a new unit needs --unit-name and --level.")
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
        ctx.say(f"Đã tạo đơn vị {unit.code} – {unit.name} trong {ctx.db_path}.",
                f"Unit {unit.code} – {unit.name} set up in {ctx.db_path}.")
    else:
        changed = [k for k in _FIELDS if (getattr(old, k) or "") != (getattr(unit, k) or "")]
        if changed:
            ctx.say("Đã sửa đơn vị " + unit.code + ": " + "; ".join(
                        f"{_FIELDS[k][0]} “{shown(getattr(old, k) or '')}” → “{shown(getattr(unit, k) or '')}”"
                        for k in changed) + ". Các bản đã chốt vẫn in như lúc chốt.",
                    f"Unit {unit.code} changed: " + "; ".join(
                        f"{_FIELDS[k][1]} “{shown(getattr(old, k) or '')}” → “{shown(getattr(unit, k) or '')}”"
                        for k in changed) + ". Finalised revisions still print as they were finalised.")
        else:
            ctx.say(f"Đơn vị {unit.code} không thay đổi.", f"Unit {unit.code} is unchanged.")
    if note is None:  # which form a year will use is said when its period is made; here, what is at hand
        newest = max(shipped_catalogues(), key=lambda c: c.year)
        note = (f"Biểu mẫu có sẵn: {newest.key} (năm {newest.year}). Năm sau chưa có biểu mẫu riêng sẽ dùng lại "
                "biểu mẫu này, ghi lại năm, và chương trình sẽ báo; biểu mẫu cấp trên gửi: c27desk catalog install "
                "TỆP.c27form.",
                f"Form at hand: {newest.key} ({newest.year}). A later year without a form of its own reuses it, "
                "re-dated, and the program says so; a form sent by the office above: c27desk catalog install "
                "FILE.c27form.")
    ctx.say(*note)
    return 0


def cmd_demo(ctx, args) -> int:
    db = ctx.open()
    try:
        n = create_demo(db, who=ctx.who)
    finally:
        db.close()
    ctx.say(f"Đã tạo dữ liệu mẫu (Tỉnh ủy Đồng Nai, năm {DEMO_YEAR}, {n} tiêu chí) trong {ctx.db_path}.",
            f"Demo data written (Tỉnh ủy Đồng Nai, {DEMO_YEAR}, {n} criteria) to {ctx.db_path}.")
    return 0


def cmd_levels(ctx, args) -> int:
    db = ctx.open(create=args.action == "add", write=args.action == "add")
    try:
        if args.action == "add":
            if not args.code or not args.name:
                raise InputError("cần --code và --name.", "--code and --name are required.")
            units.add_level(db, args.code, args.name, args.rank)
        for lv in units.levels(db):
            print(f"{lv['code']:<12} {lv['rank']}  {lv['name']}")
    finally:
        db.close()
    return 0
