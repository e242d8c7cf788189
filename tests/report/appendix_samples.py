"""Appendix contents of several shapes, fixed in every detail that reaches the bytes (time, version), so
that their drawings can be compared across versions of the drawing code."""

from __future__ import annotations

import dataclasses

from c27desk.catalogs import catalogue_for_year
from c27desk.model.catalogue import parse_catalogue
from c27desk.model.units import DEFAULT_LEVELS
from c27desk.model.values import Entry
from c27desk.report.appendix import AppendixContent, appendix_content
from c27desk.store.database import open_database

PARA = ("Đơn vị đã triển khai phần mềm quản lý văn bản và hồ sơ công việc đến các ban, đảng ủy trực thuộc; "
        "kết nối liên thông với Văn phòng Trung ương Đảng. ")


def sample_contents(final_demo) -> dict[str, AppendixContent]:
    db = open_database(final_demo)
    try:
        demo = appendix_content(db, 2023)
    finally:
        db.close()
    demo = dataclasses.replace(demo, generated_at="2024-02-15T09:30:00+07:00", app_version="0.0-sample")
    out = {"demo": demo, "draft": dataclasses.replace(demo, final=False), "empty": dataclasses.replace(demo, entries={})}
    entries = dict(demo.entries)
    entries["I.1"] = dataclasses.replace(entries["I.1"], explanation=(PARA * 20)[:1000])
    entries["VI.3"] = Entry("VI.3", "\n\n".join([PARA * 4] * 5)[:2000])
    entries["III.2.18"] = Entry("III.2.18", "\n".join(f"Đoạn {i}. " + PARA * 3 for i in range(1, 6)))
    out["long"] = dataclasses.replace(demo, entries=entries)
    base = catalogue_for_year(2023)
    for level, _, _ in DEFAULT_LEVELS:
        cat = parse_catalogue(base.raw, base.key, level=level)
        asked = {c.id for c in cat.criteria} - set(cat.not_asked)
        out[level] = dataclasses.replace(
            demo, catalogue=cat, unit=dataclasses.replace(demo.unit, level=level),
            entries={cid: e for cid, e in demo.entries.items() if cid in asked})
    return out
