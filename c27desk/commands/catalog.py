"""``catalog``: the forms — show, list, validate, publish a signed form, install one, and Excel both ways."""

from __future__ import annotations

import json
from pathlib import Path

from c27desk.catalogs import catalogue_for_year, find_shipped, load_catalogue_file, shipped_catalogues
from c27desk.commands._signing import add_signing_options, signer_spec
from c27desk.errors import C27Error, CatalogueError, InputError
from c27desk.fileio import atomic_write_bytes, read_file
from c27desk.model.catalogue import parse_catalogue
from c27desk.store import periods
from c27desk.store.units import self_unit

ORIGINS = {"shipped": ("kèm chương trình", "shipped"), "published": ("do đơn vị này ban hành", "published here"),
           "installed": ("cài từ tệp đã ký", "installed from a signed file")}


def register(sub) -> None:
    p = sub.add_parser("catalog", help="biểu mẫu (danh mục tiêu chí) / forms (catalogue of criteria)")
    csub = p.add_subparsers(dest="catalog_command", required=True,
                            metavar="show|list|validate|publish|install|to-xlsx|from-xlsx")
    show = csub.add_parser("show", help="in biểu mẫu của một năm")
    show.add_argument("--period", "--year", dest="year", type=int, help="năm (mặc định: biểu mẫu mới nhất)")
    show.add_argument("--level", help="xem như một cấp thấy (ví dụ huyen, xa); mặc định: cấp của đơn vị này")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(func=cmd_show)
    lst = csub.add_parser("list", help="các biểu mẫu có sẵn và nguồn gốc")
    lst.set_defaults(func=cmd_list)
    val = csub.add_parser("validate", help="kiểm tra một tệp biểu mẫu (.json hoặc .xlsx)")
    val.add_argument("file")
    val.set_defaults(func=cmd_validate)
    pub = csub.add_parser("publish", help="ký và xuất biểu mẫu cho các đơn vị trực thuộc (.c27form)")
    pub.add_argument("--period", "--year", dest="year", type=int, required=True, metavar="YEAR")
    pub.add_argument("--file", help="biểu mẫu mới (.json/.xlsx); mặc định: biểu mẫu kỳ báo cáo năm đó đang dùng")
    pub.add_argument("--out", required=True, help="thư mục hoặc tệp .c27form")
    add_signing_options(pub)
    pub.set_defaults(func=cmd_publish)
    ins = csub.add_parser("install", help="cài biểu mẫu đã ký do cấp trên gửi (.c27form)")
    ins.add_argument("file")
    ins.set_defaults(func=cmd_install)
    tox = csub.add_parser("to-xlsx", help="ghi biểu mẫu ra tệp Excel")
    tox.add_argument("--period", "--year", dest="year", type=int)
    tox.add_argument("--file", help="tệp biểu mẫu .json (mặc định: biểu mẫu của năm)")
    tox.add_argument("--out", required=True)
    tox.set_defaults(func=cmd_to_xlsx)
    frx = csub.add_parser("from-xlsx", help="đọc tệp Excel thành tệp biểu mẫu .json")
    frx.add_argument("file")
    frx.add_argument("--out", required=True)
    frx.set_defaults(func=cmd_from_xlsx)


def _pick(ctx, year, level=None):
    if year is not None and ctx.db_path.exists():
        db = ctx.open(create=False, write=False)
        try:
            me = self_unit(db)
            level = level or (me.level if me else None)
            if periods.get_period(db, year):
                return periods.period_catalogue(db, year, level)
            chosen, _basis = periods.choose_form(db, year)  # the form a new period would take, installed ones too
            return parse_catalogue(chosen.raw, chosen.key, year=year, level=level)
        finally:
            db.close()
    if year is not None:
        base = catalogue_for_year(year)
        return parse_catalogue(base.raw, base.key, year=year, level=level)
    base = max(shipped_catalogues(), key=lambda c: c.year)
    return parse_catalogue(base.raw, base.key, level=level) if level else base


def _read_form_file(path: str):
    """A form file as written: JSON, or a workbook made by ``to-xlsx``."""
    if str(path).lower().endswith(".xlsx"):
        from c27desk.report.form_xlsx import xlsx_to_form

        return parse_catalogue(xlsx_to_form(read_file(path), Path(path).name), Path(path).name)
    return load_catalogue_file(path)


def cmd_show(ctx, args) -> int:
    cat = _pick(ctx, args.year, args.level)
    if args.level and cat.levels and args.level not in cat.levels:
        raise InputError(f"biểu mẫu {cat.key} không có cấp “{args.level}” (có: {', '.join(cat.levels)}).",
                         f"form {cat.key} has no level “{args.level}” (it has: {', '.join(cat.levels)}).",
                         where="--level")
    if args.format == "json":
        print(json.dumps(cat.raw, ensure_ascii=False, indent=2))
        return 0
    inferred = " (suy ra)" if ctx.lang != "en" else " (inferred)"
    print(f"{cat.title} — {cat.key} ({len(cat.criteria)} tiêu chí, sha256 {cat.content_hash[:16]}…)")
    for section, depth in cat.walk_sections():
        print(f"{'  ' * depth}{section.label}. {section.title}")
        for crit in section.criteria:
            if crit.kind == "status":
                detail = " ".join(f"{c.code}={c.meaning}{inferred if c.inferred else ''}" for c in crit.codes)
            elif crit.kind in ("count", "amount"):
                detail = f"[{crit.kind}, {crit.unit}] {crit.label}"
            else:
                detail = f"[text] {crit.label}"
            print(f"{'  ' * depth}  {crit.id:<9} {crit.text}")
            print(f"{'  ' * depth}  {'':<9} {detail}")
    for rule in cat.rules:
        print(f"  {rule.severity.upper()} {rule.id}: {' + '.join(rule.left)} {rule.op} {' + '.join(rule.right)}")
    for r in cat.rollups:
        what = f"sum({r.source})" if r.op == "sum" else "count"
        print(f"  ROLLUP {r.child} → {r.parent}: {r.into} = {what}")
    return 0


def cmd_list(ctx, args) -> int:
    en = ctx.lang == "en"
    rows = {}
    for cat in shipped_catalogues():
        rows[cat.key] = (cat.key, cat.year, cat.content_hash, cat.title, ORIGINS["shipped"][en], "")
    if ctx.db_path.exists():
        db = ctx.open(create=False, write=False)
        try:
            for f in periods.held_forms(db):
                origin = ORIGINS.get(f.origin, (f.origin, f.origin))[en]
                if f.origin != "shipped" and f.origin_detail:
                    origin += f": {f.origin_detail}"
                year_note = (f"for {f.for_year}" if en else f"cho năm {f.for_year}") if f.for_year else ""
                rows[f.key] = (f.key, f.year, f.hash, f.title, origin, year_note)
        finally:
            db.close()
    for key, year, digest, title, origin, year_note in rows.values():
        print(f"{key:<16} {year}  {digest[:16]}  {title}")
        print(f"{'':<16}       {origin}{'  ' + year_note if year_note else ''}")
    return 0


def cmd_validate(ctx, args) -> int:
    cat = _read_form_file(args.file)
    prev = cat.previous or {}
    if prev.get("map"):
        old = find_shipped(prev["id"], prev["version"])
        if old is None and ctx.db_path.exists():
            db = ctx.open(create=False, write=False)
            try:
                old = periods.load_catalogue(db, prev["id"], prev["version"])
            except C27Error:  # the previous form is not held here
                old = None
            finally:
                db.close()
        if old is None:
            raise CatalogueError(f"không kiểm tra được “previous.map”: không có biểu mẫu {prev['id']}/{prev['version']} "
                                 "(cài biểu mẫu đó trước).",
                                 f"cannot check “previous.map”: form {prev['id']}/{prev['version']} is not held "
                                 "(install it first).", where=args.file)
        unknown = sorted({v for v in prev["map"].values() if old.get(v) is None})
        if unknown:
            raise CatalogueError(f"“previous.map” nêu tiêu chí không có trong {old.key}: {', '.join(unknown)}.",
                                 f"“previous.map” names criteria not in {old.key}: {', '.join(unknown)}.",
                                 where=args.file)
    for year in (cat.year, cat.year + 1):  # the wording must render for its own year and a re-dated one
        parse_catalogue(cat.raw, cat.key, year=year)
        for level in cat.levels:
            parse_catalogue(cat.raw, cat.key, year=year, level=level)
    pairs = {(r.parent, r.child) for r in cat.rollups}
    missing = [f"{child} → {parent}" for parent, child in zip(cat.levels, cat.levels[1:], strict=False)
               if (parent, child) not in pairs]
    if missing:  # levels are listed top-down: each level rolls up into the one above it
        raise CatalogueError(f"chưa có quy tắc tổng hợp (rollup) cho: {', '.join(missing)}.",
                             f"no roll-up rules for: {', '.join(missing)}.", where=args.file)
    inferred = sum(1 for c in cat.criteria for code in c.codes if code.inferred)
    ctx.say(f"Biểu mẫu hợp lệ: {cat.key}, {len(cat.criteria)} tiêu chí, {len(cat.rules)} quy tắc, "
            f"{len(cat.rollups)} quy tắc tổng hợp, cấp: {', '.join(cat.levels) or 'mọi cấp'}; "
            f"{inferred} lượt mã (tính theo từng tiêu chí) có ý nghĩa còn là suy ra.",
            f"Valid form: {cat.key}, {len(cat.criteria)} criteria, {len(cat.rules)} rules, {len(cat.rollups)} "
            f"roll-up rules, levels: {', '.join(cat.levels) or 'all'}; {inferred} codes (counted per criterion) still "
            "have an inferred meaning.")
    return 0


def cmd_publish(ctx, args) -> int:
    from c27desk.exchange.forms import publish_form
    from c27desk.store.units import require_self_unit

    db = ctx.open(create=False)
    try:
        if args.file:
            cat = _read_form_file(args.file)
        else:
            period = periods.require_period(db, args.year)
            cat = periods.load_catalogue(db, period.catalogue_id, period.catalogue_version)
        spec = signer_spec(db, require_self_unit(db).code, args)
        target = publish_form(db, cat, args.year, Path(args.out), spec, who=ctx.who)
    finally:
        db.close()
    ctx.say(f"Đã ký và ghi biểu mẫu {cat.key} cho năm {args.year}: {target}",
            f"Signed and wrote form {cat.key} for {args.year}: {target}")
    return 0


def cmd_install(ctx, args) -> int:
    from c27desk.exchange.forms import install_form
    from c27desk.exchange.reasons import ImportRefusedError

    raw = read_file(args.file)
    db = ctx.open(create=False, backup_reason="install-form")
    try:
        got = install_form(db, raw, who=ctx.who)
        period = periods.get_period(db, got.for_year)
    except ImportRefusedError as refused:  # the code first, as ``import`` shows it: scripts and people quote it
        raise C27Error(f"[{refused.code}] {refused.vi}", f"[{refused.code}] {refused.en}", code=refused.code,
                       where=Path(args.file).name) from None
    finally:
        db.close()
    cat = got.catalogue
    ctx.say(f"{'Đã cài' if got.new else 'Đã có'} biểu mẫu {cat.key} cho năm {got.for_year}, do {got.publisher} "
            f"ban hành, người ký {got.signer}.",
            f"{'Installed' if got.new else 'Already held:'} form {cat.key} for {got.for_year}, published by "
            f"{got.publisher}, signed by {got.signer}.")
    if period is None:
        ctx.say(f"Kỳ báo cáo {got.for_year} sẽ dùng biểu mẫu này khi được tạo.",
                f"The {got.for_year} period will use this form when it is created.")
    elif (period.catalogue_id, period.catalogue_version) != (cat.id, cat.version):
        ctx.say(f"Kỳ báo cáo {got.for_year} đang dùng {period.catalogue_id}/{period.catalogue_version}; để chuyển: "
                f"c27desk period set {got.for_year} --catalogue {cat.key}",
                f"The {got.for_year} period uses {period.catalogue_id}/{period.catalogue_version}; to move it: "
                f"c27desk period set {got.for_year} --catalogue {cat.key}")
    return 0


def cmd_to_xlsx(ctx, args) -> int:
    from c27desk.report.form_xlsx import form_to_xlsx

    if not str(args.out).lower().endswith(".xlsx"):
        raise InputError("tệp ra phải là .xlsx.", "the output must be .xlsx.", where="--out")
    cat = load_catalogue_file(args.file) if args.file else _pick(ctx, args.year)
    form_to_xlsx(dict(cat.raw), Path(args.out))
    ctx.say(f"Đã ghi biểu mẫu {cat.key} ra {args.out}.", f"Wrote form {cat.key} to {args.out}.")
    return 0


def cmd_from_xlsx(ctx, args) -> int:
    from c27desk.report.form_xlsx import xlsx_to_form

    form = xlsx_to_form(read_file(args.file), Path(args.file).name)
    cat = parse_catalogue(form, Path(args.file).name)
    atomic_write_bytes(Path(args.out), (json.dumps(form, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    ctx.say(f"Đã ghi biểu mẫu {cat.key} ({len(cat.criteria)} tiêu chí) ra {args.out}.",
            f"Wrote form {cat.key} ({len(cat.criteria)} criteria) to {args.out}.")
    return 0
