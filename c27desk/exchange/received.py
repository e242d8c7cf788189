"""Received reports at the office: each child unit's signed appendix exactly as it arrived.

The accepted package is kept byte for byte in the archive under its SHA-256 (``archive.py``),
and ``received_revisions`` names that hash for each unit's newest accepted revision, so the
appendix shown or printed is the very member of the file the unit signed — never a re-render.
Its signature is verified again each time it is opened, against the trust store as it is now
(a CA removed since the import shows as untrusted).

For a meeting, all received appendices of a year can be joined into one PDF in unit order.
Joining rewrites the files, so the signatures in the joined file are no longer valid; it is a
printout, and each page says so in its file's metadata and the caller tells the user.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from c27desk.consolidate.completeness import Completeness, completeness
from c27desk.consolidate.summary import Consolidation, UnitStatus, consolidate
from c27desk.errors import C27Error, InputError
from c27desk.exchange import archive, certs
from c27desk.exchange.package import read_package
from c27desk.exchange.reasons import ImportRefusedError
from c27desk.fileio import atomic_write_bytes, os_text
from c27desk.i18n import Lang, msg
from c27desk.report.verify import PdfVerification, verify_pdf
from c27desk.store import exchange, units

MERGED_NOTE = msg("Tệp gộp chỉ để in: khi gộp, các chữ ký số không còn giá trị trong tệp này. Bản có chữ ký là phụ lục "
                  "của từng đơn vị (mở riêng từng đơn vị).",
                  "The joined file is for printing only: joining the files voids the digital signatures in it. The "
                  "signed copies are each unit's own appendix (open them one by one).")


@dataclass(frozen=True)
class ReceivedReport:
    """One child unit's line in the list: its newest accepted revision (or none) and how complete it is."""

    status: UnitStatus
    completeness: Completeness
    sha256: str = ""

    @property
    def unit(self):
        return self.status.unit


def received_reports(db: Database, year: int, cons: Consolidation | None = None) -> list[ReceivedReport]:
    """Every child unit in unit order, received or not (reuses a consolidation already computed)."""
    cons = cons or consolidate(db, year)
    held = exchange.received_revisions(db, year)
    ids = {level: frozenset(c.id for c in cat.criteria) for level, cat in cons.forms.items()}
    return [ReceivedReport(st, completeness(cons.form_for(st.unit.level), st, ids.get(st.unit.level)),
                           held[st.unit.code].sha256 if st.unit.code in held else "") for st in cons.units]


def _require_child(db: Database, code: str, year: int):
    me = units.require_self_unit(db)
    unit = units.unit_in(db, code, year)  # a child in that year's tree, as it was then
    if unit is None or unit.parent != me.code:
        raise InputError(msg("{code} không phải đơn vị trực thuộc của {office}.",
                             "{code} is not a child unit of {office}.",
                             code=code, office=me.code), code="NOT_A_CHILD")
    return unit


def received_appendix(db: Database, db_path: Path, unit: str, year: int) -> tuple[bytes, exchange.ReceivedRevision]:
    """The signed appendix of ``unit``'s newest accepted revision for ``year``, from the archived package."""
    _require_child(db, unit, year)
    rev = exchange.received_revisions(db, year).get(unit)
    if rev is None:
        raise InputError(msg("Chưa nhận báo cáo năm {year} của {unit}.",
                             "No {year} report has been received from {unit}.",
                             year=year, unit=unit), code="NOT_RECEIVED")
    path = archive.path_for(db_path, rev.sha256)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise C27Error(msg("Không đọc được tệp đã nhận của {unit} trong kho lưu ({path}): {why}.",
                           "Cannot read {unit}'s received file in the archive ({path}): {why}.", unit=unit, path=path,
                           why=os_text(exc)),
                       code="ARCHIVE_MISSING") from exc
    if hashlib.sha256(raw).hexdigest() != rev.sha256:
        raise C27Error(msg("Tệp đã nhận của {unit} trong kho lưu ({path}) đã bị thay đổi sau khi nhận.",
                           "{unit}'s received file in the archive ({path}) has changed since it was received.",
                           unit=unit, path=path),
                       code="ARCHIVE_CHANGED")
    try:
        return read_package(raw).appendix, rev
    except ImportRefusedError as exc:  # cannot happen for an accepted file unless the archive was replaced
        raise C27Error(msg("Tệp đã nhận của {unit} không đọc được: {why}", "{unit}'s received file cannot be read: {why}",
                           unit=unit, why=exc.said()), code="ARCHIVE_CHANGED") from exc


def verify_received(db: Database, pdf: bytes) -> PdfVerification:
    """The appendix's signature checked now, against the office's trusted CAs as they are now."""
    return verify_pdf(pdf, [certs.load_pem(ca.pem) for ca in exchange.trusted_cas(db)])


def merge_appendices(db: Database, db_path: Path, year: int, out: Path) -> list[str]:
    """Join every received appendix of ``year`` into ``out`` in unit order; returns the units included.

    The joined file is for printing: its signatures are not valid (see MERGED_NOTE_*)."""
    pdf, codes = merged_appendices(db, db_path, year)
    atomic_write_bytes(out, pdf)
    return codes


def merged_appendices(db: Database, db_path: Path, year: int) -> tuple[bytes, list[str]]:
    """Every received appendix of ``year`` joined in unit order (bytes, units included), for printing."""
    import pikepdf

    codes = [r.unit.code for r in received_reports(db, year) if r.sha256]
    if not codes:
        raise InputError(msg("Chưa nhận báo cáo năm {year} của đơn vị nào.",
                             "No {year} report has been received from any unit.",
                             year=year), code="NOT_RECEIVED")
    joined = pikepdf.Pdf.new()
    sources = []
    try:
        for code in codes:
            pdf, _rev = received_appendix(db, db_path, code, year)
            src = pikepdf.Pdf.open(io.BytesIO(pdf))
            sources.append(src)
            # the visible signature stamp is a form widget: bake it into the page so it prints everywhere
            src.flatten_annotations("all")
            joined.pages.extend(src.pages)
        with joined.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = f"Phụ lục báo cáo Chương trình 27 năm {year} – {len(codes)} đơn vị (bản gộp để in)"
            meta["dc:description"] = MERGED_NOTE.render(Lang.VI)
        buffer = io.BytesIO()
        joined.save(buffer)
    finally:
        for src in sources:
            src.close()
        joined.close()
    return buffer.getvalue(), codes
