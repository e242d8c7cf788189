"""What goes on the appendix: gathered from the store for a unit, year and revision.

The PDF is drawn from this plain record only (see appendix_pdf.py), so the window's preview, the
command line and the export all print the same thing from the same data.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import date

from sqlite_utils import Database

from c27desk import __version__
from c27desk.errors import C27Error, StoreError
from c27desk.i18n import msg
from c27desk.model.catalogue import Catalogue
from c27desk.model.document_number import compose_number, normalise_report_number
from c27desk.model.units import Unit
from c27desk.model.values import Entry
from c27desk.store import revisions, values
from c27desk.store.periods import Period
from c27desk.workflow import PERIOD_PRINTED, UNIT_PRINTED, open_report


@dataclass(frozen=True)
class AppendixContent:
    unit: Unit
    period: Period
    catalogue: Catalogue
    entries: dict[str, Entry]
    revision: int | None  # None: no revision finalised, the current working values
    final: bool  # False prints "DỰ THẢO" (draft) on the page
    content_hash: str  # of the entries, in the PDF metadata (and shown by verify) to tie paper to data
    generated_at: str  # ISO time; the finalisation time for a final revision, so output is reproducible
    app_version: str = __version__

    @property
    def printed_hash(self) -> str:
        """A digest of every detail printed besides the values (unit, number, date, signer …): in the
        PDF's metadata beside the values' hash, so that two papers with different headers never share
        a check code."""
        details = {"unit": {f: getattr(self.unit, f) for f in ("code", *UNIT_PRINTED)},
                   "period": {f: getattr(self.period, f) for f in PERIOD_PRINTED}}
        canonical = json.dumps(details, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    @property
    def year(self) -> int:
        return self.period.year


def appendix_content(db: Database, year: int, *, unit_code: str | None = None, revision: int | None = None,
                     draft: bool = False, draft_hint: bool = False) -> AppendixContent:
    """The appendix of a finalised revision (the latest, or ``revision``), or with ``draft`` the working values.

    Without a finalised revision and without ``draft`` this is refused: a document that will be
    signed or sent must be one the unit has finalised. ``draft_hint``: the caller offers ``--draft``
    (the appendix command), so the refusal may suggest it; export and the window do not.
    """
    ref = open_report(db, year, unit_code)
    code = ref.unit.code
    if revision is None and not draft:
        rev = revisions.latest_final(db, code, year)
        if rev is None:
            said = msg("Báo cáo năm {year} của {name} chưa được chốt; hãy chốt báo cáo (c27desk finalise --period "
                       "{year}).",
                       "The {year} report of {name} is not finalised; finalise it (c27desk finalise --period {year}).",
                       year=year, name=ref.unit.name)
            if draft_hint:
                said = msg("Báo cáo năm {year} của {name} chưa được chốt; hãy chốt báo cáo (c27desk finalise --period "
                           "{year}) hoặc in bản dự thảo (--draft).",
                           "The {year} report of {name} is not finalised; finalise it (c27desk finalise --period "
                           "{year}) or print a draft (--draft).",
                           year=year, name=ref.unit.name)
            raise StoreError(
                said,
                code="NOT_FINAL",
            )
        revision = rev.number
    if revision is not None:
        rev = next((r for r in revisions.history(db, code, year) if r.number == revision), None)
        if rev is None or not rev.is_final:
            raise StoreError(msg("Bản {revision} của báo cáo năm {year} chưa được chốt.",
                                 "Revision {revision} of the {year} report is not finalised.",
                                 revision=revision, year=year), code="NOT_FINAL")
        entries = revisions.snapshot(db, code, year, revision)
        unit, period = ref.unit, ref.period
        frozen = revisions.printed_details(db, code, year, revision)
        if frozen:  # as finalised: a later init or reopened revision does not reprint an earlier paper
            unit = replace(unit, **{k: v for k, v in frozen.get("unit", {}).items() if k in UNIT_PRINTED})
            period = replace(period, **{k: v for k, v in frozen.get("period", {}).items() if k in PERIOD_PRINTED})
        return AppendixContent(unit, period, ref.catalogue, entries, revision, True,
                               revisions.entries_hash(entries), rev.finalised_at or rev.opened_at)
    entries = values.entries(db, code, year)
    from c27desk.store.clock import now

    return AppendixContent(ref.unit, ref.period, ref.catalogue, entries, None, False,
                           revisions.entries_hash(entries), now())


def vn_date_line(place: str, day: date | None) -> str:
    """"Đồng Nai, ngày 20 tháng 02 năm 2024" — 36-HD pads days below 10 and the months January and February."""
    if day is None:
        return f"{place}, ngày    tháng    năm    " if place else "ngày    tháng    năm    "
    d = f"{day.day:02d}" if day.day < 10 else str(day.day)
    m = f"{day.month:02d}" if day.month < 3 else str(day.month)
    prefix = f"{place}, " if place else ""
    return f"{prefix}ngày {d} tháng {m} năm {day.year}"


def document_number(content: AppendixContent) -> str:
    """"123-BC/TU", with room to write the number by hand when it isn't set yet (drafts only: signing needs it)."""
    symbol = content.unit.doc_symbol or ""
    try:  # a number stored whole by an earlier version still prints its symbol once
        number = normalise_report_number(content.period.report_number, symbol)
    except C27Error:
        number = content.period.report_number
    return compose_number(number, symbol)
