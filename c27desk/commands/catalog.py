"""``catalog``: the forms — show, list, validate, publish a signed form, install one, and Excel both ways."""

from __future__ import annotations

import json
from pathlib import Path

from c27desk.catalogs import catalogue_for_year, find_shipped, load_catalogue_file, shipped_catalogues
from c27desk.commands._signing import add_signing_options, signer_spec
from c27desk.errors import C27Error, CatalogueError, InputError
from c27desk.fileio import atomic_write_bytes, read_file, require_output_kind
from c27desk.i18n import joined, msg, verbatim
from c27desk.model.catalogue import parse_catalogue
from c27desk.model.units import level_text
from c27desk.store import periods
from c27desk.store.units import self_unit

ORIGINS = {"shipped": msg("kèm chương trình", "shipped"), "published": msg("do đơn vị này ban hành", "published here"),
           "installed": msg("cài từ tệp đã ký", "installed from a signed file")}
KINDS = {"count": msg("số lượng", "count"), "amount": msg("số tiền", "amount")}
SEVERITIES = {"error": msg("LỖI", "ERROR"), "warning": msg("CẢNH BÁO", "WARNING")}


def register(sub) -> None:
    p = sub.add_parser("catalog", help=msg("biểu mẫu (danh mục tiêu chí)", "forms (catalogue of criteria)"))
    csub = p.add_subparsers(dest="catalog_command", required=True,
                            metavar="show|list|validate|publish|install|to-xlsx|from-xlsx")
    show = csub.add_parser("show", help=msg("in biểu mẫu của một năm", "print a year's form"))
    show.add_argument("--period", "--year", dest="year", type=int,
                      help=msg("năm (mặc định: biểu mẫu mới nhất)",
                               "the year (default: the newest form)"))
    show.add_argument("--level",
                      help=msg("xem như một cấp thấy (ví dụ huyen, xa); mặc định: cấp của đơn vị này",
                               "as one level sees it (for example huyen, xa); default: this unit's level"))
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(func=cmd_show)
    lst = csub.add_parser("list",
                          help=msg("các biểu mẫu có sẵn và nguồn gốc",
                                   "the forms at hand and where they come from"))
    lst.set_defaults(func=cmd_list)
    val = csub.add_parser("validate",
                          help=msg("kiểm tra một tệp biểu mẫu (.json hoặc .xlsx)",
                                   "check a form file (.json or .xlsx)"))
    val.add_argument("file", metavar=str(msg("TỆP", "FILE")))
    val.set_defaults(func=cmd_validate)
    pub = csub.add_parser("publish",
                          help=msg("ký và xuất biểu mẫu cho các đơn vị trực thuộc (.c27form)",
                                   "sign and write a form for the units below (.c27form)"))
    pub.add_argument("--period", "--year", dest="year", type=int, required=True, metavar=str(msg("NĂM", "YEAR")))
    pub.add_argument("--file",
                     help=msg("biểu mẫu mới (.json/.xlsx); mặc định: biểu mẫu kỳ báo cáo năm đó đang dùng",
                              "a new form (.json/.xlsx); default: the form that year's period uses"))
    pub.add_argument("--out", required=True, help=msg("thư mục hoặc tệp .c27form", "a folder or a .c27form file"))
    add_signing_options(pub)
    pub.set_defaults(func=cmd_publish)
    ins = csub.add_parser("install",
                          help=msg("cài biểu mẫu đã ký do cấp trên gửi (.c27form)",
                                   "install a signed form sent by the office above (.c27form)"))
    ins.add_argument("file", metavar=str(msg("TỆP", "FILE")))
    ins.set_defaults(func=cmd_install)
    tox = csub.add_parser("to-xlsx", help=msg("ghi biểu mẫu ra tệp Excel", "write the form to an Excel file"))
    tox.add_argument("--period", "--year", dest="year", type=int)
    tox.add_argument("--file",
                     help=msg("tệp biểu mẫu .json (mặc định: biểu mẫu của năm)",
                              "a .json form file (default: the year's form)"))
    tox.add_argument("--out", required=True)
    tox.set_defaults(func=cmd_to_xlsx)
    frx = csub.add_parser("from-xlsx",
                          help=msg("đọc tệp Excel thành tệp biểu mẫu .json",
                                   "read an Excel file into a .json form file"))
    frx.add_argument("file", metavar=str(msg("TỆP", "FILE")))
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
        raise InputError(msg("Biểu mẫu {key} không có cấp “{level}” (có: {levels}).",
                             "Form {key} has no level “{level}” (it has: {levels}).",
                             key=cat.key, level=args.level, levels=', '.join(cat.levels)),
                         where="--level")
    if args.format == "json":
        print(json.dumps(cat.raw, ensure_ascii=False, indent=2))
        return 0
    inferred = msg(" (suy ra)", " (inferred)").render()
    ctx.say(msg("{title} — {key} ({n} tiêu chí, sha256 {digest}…)", "{title} — {key} ({n} criterion, sha256 {digest}…)",
                plural="{title} — {key} ({n} criteria, sha256 {digest}…)", title=verbatim(cat.title), key=cat.key,
                n=len(cat.criteria), digest=cat.content_hash[:16]))
    for section, depth in cat.walk_sections():
        print(f"{'  ' * depth}{section.label}. {section.title}")
        for crit in section.criteria:
            if crit.kind == "status":
                detail = " ".join(f"{c.code}={c.meaning}{inferred if c.inferred else ''}" for c in crit.codes)
            elif crit.kind in ("count", "amount"):
                detail = f"[{KINDS.get(crit.kind, verbatim(crit.kind))}, {crit.unit}] {crit.label}"
            else:
                detail = f"[{msg('văn bản', 'text')}] {crit.label}"
            print(f"{'  ' * depth}  {crit.id:<9} {crit.text}")
            print(f"{'  ' * depth}  {'':<9} {detail}")
    for rule in cat.rules:
        severity = SEVERITIES.get(rule.severity, verbatim(rule.severity.upper()))
        print(f"  {severity} {rule.id}: {' + '.join(rule.left)} {rule.op} {' + '.join(rule.right)}")
    for r in cat.rollups:
        what = msg("tổng({source})", "sum({source})", source=r.source) if r.op == "sum" else msg("đếm", "count")
        ctx.say(msg("  TỔNG HỢP {child} → {parent}: {into} = {what}", "  ROLLUP {child} → {parent}: {into} = {what}",
                    child=level_text(r.child), parent=level_text(r.parent), into=r.into, what=what))  # names, not codes
    return 0


def cmd_list(ctx, args) -> int:
    rows = {}
    for cat in shipped_catalogues():
        rows[cat.key] = (cat.key, cat.year, cat.content_hash, cat.title, ORIGINS["shipped"].render(), "")
    if ctx.db_path.exists():
        db = ctx.open(create=False, write=False)
        try:
            for f in periods.held_forms(db):
                origin = ORIGINS.get(f.origin, verbatim(f.origin)).render()
                if f.origin != "shipped" and f.origin_detail:
                    origin += f": {f.origin_detail}"
                year_note = msg("cho năm {year}", "for {year}", year=f.for_year).render() if f.for_year else ""
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
            raise CatalogueError(msg("Không kiểm tra được “previous.map”: không có biểu mẫu {form}/{version} (cài biểu mẫu đó trước).",
                                     "Cannot check “previous.map”: form {form}/{version} is not held (install it first).",
                                     form=prev["id"], version=prev["version"]), where=args.file)
        unknown = sorted({v for v in prev["map"].values() if old.get(v) is None})
        if unknown:
            raise CatalogueError(msg("“previous.map” nêu tiêu chí không có trong {key}: {unknown}.",
                                     "“previous.map” names criteria not in {key}: {unknown}.",
                                     key=old.key, unknown=', '.join(unknown)),
                                 where=args.file)
    for year in (cat.year, cat.year + 1):  # the wording must render for its own year and a re-dated one
        parse_catalogue(cat.raw, cat.key, year=year)
        for level in cat.levels:
            parse_catalogue(cat.raw, cat.key, year=year, level=level)
    pairs = {(r.parent, r.child) for r in cat.rollups}
    missing = [f"{child} → {parent}" for parent, child in zip(cat.levels, cat.levels[1:], strict=False)
               if (parent, child) not in pairs]
    if missing:  # levels are listed top-down: each level rolls up into the one above it
        raise CatalogueError(msg("Chưa có quy tắc tổng hợp (rollup) cho: {missing}.",
                                 "No roll-up rules for: {missing}.",
                                 missing=', '.join(missing)), where=args.file)
    inferred = sum(1 for c in cat.criteria for code in c.codes if code.inferred)
    levels = verbatim(", ".join(cat.levels)) if cat.levels else msg("mọi cấp", "all")
    ctx.say(msg("Biểu mẫu hợp lệ: {key}, {criteria} tiêu chí, {rules} quy tắc, {rollups} quy tắc tổng hợp, cấp: "
                "{levels}; {n} lượt mã (tính theo từng tiêu chí) có ý nghĩa còn là suy ra.",
                "Valid form: {key}, {criteria} criteria, {rules} rules, {rollups} roll-up rules, levels: {levels}; "
                "{n} code (counted per criterion) still has an inferred meaning.",
                plural="Valid form: {key}, {criteria} criteria, {rules} rules, {rollups} roll-up rules, levels: "
                "{levels}; {n} codes (counted per criterion) still have an inferred meaning.",
                key=cat.key, criteria=len(cat.criteria), rules=len(cat.rules), rollups=len(cat.rollups),
                levels=levels, n=inferred))
    return 0


def cmd_publish(ctx, args) -> int:
    from c27desk.exchange.forms import FORM_SUFFIX, publish_form
    from c27desk.store.units import require_self_unit

    require_output_kind(args.out, FORM_SUFFIX, folder_ok=True)  # f.txt is not a folder to make; before the passphrase
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
    ctx.say(msg("Đã ký và ghi biểu mẫu {key} cho năm {year}: {target}",
                "Signed and wrote form {key} for {year}: {target}",
                key=cat.key, year=args.year, target=target))
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
        raise C27Error(joined("[{code}] {what}", code=refused.code, what=refused.text), code=refused.code,
                       where=Path(args.file).name) from None
    finally:
        db.close()
    cat = got.catalogue
    if got.new:
        ctx.say(msg("Đã cài biểu mẫu {key} cho năm {year}, do {publisher} ban hành, người ký {signer}.",
                    "Installed form {key} for {year}, published by {publisher}, signed by {signer}.",
                    key=cat.key, year=got.for_year, publisher=got.publisher, signer=got.signer))
    else:
        ctx.say(msg("Đã có biểu mẫu {key} cho năm {year}, do {publisher} ban hành, người ký {signer}.",
                    "Already held: form {key} for {year}, published by {publisher}, signed by {signer}.",
                    key=cat.key, year=got.for_year, publisher=got.publisher, signer=got.signer))
    if got.recorded() is not None:  # after "units unpin" this is where the renewed key is taken: say it was
        ctx.say(got.recorded())
    if period is None:
        ctx.say(msg("Kỳ báo cáo {for_year} sẽ dùng biểu mẫu này khi được tạo.",
                    "The {for_year} period will use this form when it is created.",
                    for_year=got.for_year))
    elif (period.catalogue_id, period.catalogue_version) != (cat.id, cat.version):
        ctx.say(msg("Kỳ báo cáo {for_year} đang dùng {catalogue_id}/{catalogue_version}; để chuyển: c27desk period "
                    "set {for_year} --catalogue {key}",
                    "The {for_year} period uses {catalogue_id}/{catalogue_version}; to move it: c27desk period set "
                    "{for_year} --catalogue {key}",
                    for_year=got.for_year, catalogue_id=period.catalogue_id, catalogue_version=period.catalogue_version, key=cat.key))
    return 0


def cmd_to_xlsx(ctx, args) -> int:
    from c27desk.report.form_xlsx import form_to_xlsx

    args.out = require_output_kind(args.out, ".xlsx")
    cat = load_catalogue_file(args.file) if args.file else _pick(ctx, args.year)
    form_to_xlsx(dict(cat.raw), Path(args.out))
    ctx.say(msg("Đã ghi biểu mẫu {key} ra {out}.",
                "Wrote form {key} to {out}.",
                key=cat.key, out=args.out))
    return 0


def cmd_from_xlsx(ctx, args) -> int:
    from c27desk.report.form_xlsx import xlsx_to_form

    args.out = require_output_kind(args.out, ".json")
    form = xlsx_to_form(read_file(args.file), Path(args.file).name)
    cat = parse_catalogue(form, Path(args.file).name)
    atomic_write_bytes(Path(args.out), (json.dumps(form, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    ctx.say(msg("Đã ghi biểu mẫu {key} ({n} tiêu chí) ra {out}.",
                "Wrote form {key} ({n} criteria) to {out}.",
                key=cat.key, n=len(cat.criteria), out=args.out))
    return 0
