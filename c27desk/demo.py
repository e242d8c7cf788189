"""The demonstration database: Tỉnh ủy Đồng Nai's own 2023 figures from the source report."""

from __future__ import annotations

from sqlite_utils import Database

from c27desk.errors import StoreError
from c27desk.i18n import msg
from c27desk.model.units import make_unit
from c27desk.resources import resource_path
from c27desk.store import periods, units
from c27desk.store.database import get_setting, set_setting
from c27desk.workflow import load_values, open_report

DEMO_YEAR = 2023
DEMO_UNIT = make_unit(
    "TU-DONGNAI", "Tỉnh ủy Đồng Nai", "tinh", place="Đồng Nai",
    parent_body="ĐẢNG BỘ TỈNH ĐỒNG NAI", doc_symbol="TU",
)
DEMO_RECIPIENTS = "\n".join([
    "- TTTU (báo cáo),",
    "- CP.VPTU,",
    "- Phòng CY-CNTT,",
    "- Lưu VPTU.",
])


def is_demo(db: Database) -> bool:
    return get_setting(db, "demo") == "1"


def create_demo(db: Database, *, who: str) -> int:
    """Fill an empty database with the demo unit and its 2023 report; returns the rows loaded."""
    existing = units.self_unit(db)
    if existing is not None and existing.code != DEMO_UNIT.code:
        raise StoreError(
            msg("Cơ sở dữ liệu này đã có đơn vị {code} ({name}); dữ liệu mẫu sẽ không ghi đè lên đó. Hãy chọn "
                "một tệp khác bằng --db.",
                "This database already belongs to {code} ({name}); the demo will not overwrite it. Choose "
                "another file with --db.",
                code=existing.code, name=existing.name),
            code="NOT_EMPTY",
        )
    if existing is not None and db.execute("SELECT 1 FROM value_entries LIMIT 1").fetchone():
        # a real Tỉnh ủy Đồng Nai database (or a demo someone has worked in) is never overwritten
        raise StoreError(
            msg("Cơ sở dữ liệu này đã có số liệu; dữ liệu mẫu chỉ ghi vào tệp trống. Hãy chọn một tệp khác bằng "
                "--db.",
                "This database already holds values; the demo only fills an empty file. Choose another file with "
                "--db."),
            code="NOT_EMPTY",
        )
    units.save_unit(db, DEMO_UNIT, is_self=True, who=who)
    periods.ensure_period(db, DEMO_YEAR, who=who)
    periods.update_period(
        db, DEMO_YEAR, who=who, deadline="2024-02-29", report_number="127", report_date="2024-02-20", place="Đồng Nai",
        signer_authority="T/M BAN THƯỜNG VỤ", signer_title="PHÓ BÍ THƯ", signer_name="Hồ Thanh Sơn",
        recipients=DEMO_RECIPIENTS,
    )
    set_setting(db, "demo", "1")
    ref = open_report(db, DEMO_YEAR)
    data = resource_path("demo", "dongnai-2023.csv").read_bytes()
    return load_values(db, ref, data, who=who, source="dongnai-2023.csv")


def demo_values_for_level(level: str) -> bytes:
    """The demo figures as a unit of ``level`` would load them: only the rows its form asks of it."""
    import csv
    import io

    from c27desk.catalogs import catalogue_for_year
    from c27desk.model.catalogue import parse_catalogue

    base = catalogue_for_year(DEMO_YEAR)
    asked = {c.id for c in parse_catalogue(base.raw, base.key, level=level).criteria}
    rows = list(csv.reader(io.StringIO(resource_path("demo", "dongnai-2023.csv").read_text(encoding="utf-8-sig"))))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([rows[0], *(r for r in rows[1:] if r and r[0] in asked)])
    return out.getvalue().encode("utf-8")
