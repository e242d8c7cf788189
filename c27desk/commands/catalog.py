"""``catalog show``: the criteria of a year's form, as the program understands them."""

from __future__ import annotations

import json

from c27desk.catalogs import catalogue_for_year, load_catalogue_file, shipped_catalogues
from c27desk.store import periods


def register(sub) -> None:
    p = sub.add_parser("catalog", help="danh mục tiêu chí / the catalogue of criteria")
    csub = p.add_subparsers(dest="catalog_command", required=True, metavar="show|list|validate")
    show = csub.add_parser("show", help="in danh mục tiêu chí")
    show.add_argument("--period", "--year", dest="year", type=int, help="năm (mặc định: danh mục mới nhất)")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(func=cmd_show)
    lst = csub.add_parser("list", help="các danh mục có sẵn")
    lst.set_defaults(func=cmd_list)
    val = csub.add_parser("validate", help="kiểm tra một tệp danh mục")
    val.add_argument("file")
    val.set_defaults(func=cmd_validate)


def _pick(ctx, year):
    if year is not None and ctx.db_path.exists():
        db = ctx.open(create=False, write=False)
        try:
            if periods.get_period(db, year):
                return periods.period_catalogue(db, year)
        finally:
            db.close()
    if year is not None:
        return catalogue_for_year(year)
    return max(shipped_catalogues(), key=lambda c: c.year)


def cmd_show(ctx, args) -> int:
    cat = _pick(ctx, args.year)
    if args.format == "json":
        print(json.dumps(cat.raw, ensure_ascii=False, indent=2))
        return 0
    print(f"{cat.title} — {cat.key} ({len(cat.criteria)} tiêu chí, sha256 {cat.content_hash[:16]}…)")
    for section, depth in cat.walk_sections():
        print(f"{'  ' * depth}{section.label}. {section.title}")
        for crit in section.criteria:
            if crit.kind == "status":
                detail = " ".join(f"{c.code}={c.meaning}" for c in crit.codes)
            elif crit.kind in ("count", "amount"):
                detail = f"[{crit.kind}, {crit.unit}] {crit.label}"
            else:
                detail = f"[text] {crit.label}"
            print(f"{'  ' * depth}  {crit.id:<9} {crit.text}")
            print(f"{'  ' * depth}  {'':<9} {detail}")
    for rule in cat.rules:
        print(f"  {rule.severity.upper()} {rule.id}: {' + '.join(rule.left)} {rule.op} {' + '.join(rule.right)}")
    return 0


def cmd_list(ctx, args) -> int:
    for cat in shipped_catalogues():
        print(f"{cat.key:<14} {cat.year}  {len(cat.criteria):>3}  {cat.content_hash[:16]}  {cat.title}")
    return 0


def cmd_validate(ctx, args) -> int:
    cat = load_catalogue_file(args.file)
    ctx.say(f"Danh mục hợp lệ: {cat.key}, {len(cat.criteria)} tiêu chí, {len(cat.rules)} quy tắc.",
            f"Valid catalogue: {cat.key}, {len(cat.criteria)} criteria, {len(cat.rules)} rules.")
    return 0
