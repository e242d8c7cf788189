"""PDF/A-2b identification for the appendix: an sRGB output intent and XMP metadata.

An archive (Party offices keep reports for decades) wants PDF/A. reportlab writes neither part,
so pikepdf adds them before the document is signed (signing appends an incremental update, which
PDF/A-2 allows). Every font is already embedded and the page uses plain DeviceRGB/gray colour,
so these two parts are what was missing. No PDF/A validator is available offline; the test checks
the parts are present and well formed.
"""

from __future__ import annotations

import io
from datetime import datetime

import pikepdf

from c27desk.resources import resource_path


def add_pdfa_identification(pdf: bytes, *, title: str, author: str, subject: str, keywords: str,
                            creator: str, created: datetime) -> bytes:
    """Return ``pdf`` with XMP (pdfaid 2B, Dublin Core, dates) and an sRGB OutputIntent; reproducible bytes."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        icc = doc.make_stream(resource_path("icc", "sRGB.icc").read_bytes())
        icc.N = 3
        intent = pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent,
            S=pikepdf.Name.GTS_PDFA1,
            OutputConditionIdentifier=pikepdf.String("sRGB IEC61966-2.1"),
            Info=pikepdf.String("sRGB IEC61966-2.1"),
            DestOutputProfile=icc,
        )
        doc.Root.OutputIntents = pikepdf.Array([doc.make_indirect(intent)])
        stamp = created.isoformat(timespec="seconds")
        with doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
            meta["pdfaid:part"] = "2"
            meta["pdfaid:conformance"] = "B"
            meta["dc:title"] = title
            meta["dc:creator"] = [author]
            meta["dc:description"] = subject
            meta["pdf:Keywords"] = keywords
            meta["pdf:Producer"] = creator
            meta["xmp:CreatorTool"] = creator
            meta["xmp:CreateDate"] = stamp
            meta["xmp:ModifyDate"] = stamp
            meta["xmp:MetadataDate"] = stamp
        out = io.BytesIO()
        doc.save(out, deterministic_id=True, fix_metadata_version=False)
        return out.getvalue()
