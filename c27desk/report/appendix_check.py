"""Does a signed appendix show exactly what its package's data says? Compared with a fresh rendering.

The keywords of a PDF are only a claim: a package could carry the right hash in them while its
pages print other figures. So the office draws the appendix again from the package's own data and
layout details (the signed manifest carries them) and compares what every page draws: its content
stream (every text operator, every position), its fonts' programs and character maps, its size.
The only thing the signed file may add is the signature's own widget, inside the signature box.
The rendering is reproducible (see appendix_pdf.render_appendix), so equal inputs give equal pages.
"""

from __future__ import annotations

import hashlib
import io

from c27desk.i18n import Text, msg
from c27desk.report.appendix_pdf import RenderedAppendix

_SKIP_KEYS = {"/Parent", "/Annots"}  # the page tree link (inherited keys are taken below) and the signature widget
# How a stream's bytes are encoded, not what they are: a stream is digested by its decoded bytes (a filter
# that cannot be decoded raises, and the page cannot be shown to match), so the expected side may be drawn
# uncompressed (appendix_pdf.render_for_comparison) and still equal a signed page that is compressed. The
# signed side must still be encoded exactly as render_appendix writes every stream a page reaches (Flate, no
# parameters): a stream stored another way was never drawn by us, and viewers may decode odd filters
# differently from qpdf, so it is refused as before.
_STREAM_SKIP = _SKIP_KEYS | {"/Filter", "/DecodeParms", "/Length"}
SIGNED_FILTER = "/FlateDecode"
_INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")  # a page takes these from its parents
MAX_OBJECTS = 20_000  # a visit budget: a page whose resources never end is not an appendix of ours


def _digest(obj, seen: dict, budget: list[int], encoding: str | None = None) -> str:
    """A digest of what an object means (streams by their decoded bytes), following references once.
    With ``encoding``, a stream stored with any other filter (or with decode parameters) is refused."""
    import pikepdf

    budget[0] -= 1
    if budget[0] < 0:
        raise ValueError("too many objects")
    key = obj.objgen if isinstance(obj, pikepdf.Object) and obj.is_indirect else None
    if key is not None and key in seen:
        return seen[key]
    if key is not None:
        seen[key] = "cycle"
    h = hashlib.sha256()
    if isinstance(obj, pikepdf.Stream):
        if encoding is not None and (repr(obj.stream_dict.get("/Filter")) != repr(pikepdf.Name(encoding))
                                     or "/DecodeParms" in obj.stream_dict):
            raise ValueError("a stream not encoded as drawn")
        keys = hashlib.sha256()
        _add_keys(keys, obj.stream_dict, _STREAM_SKIP, seen, budget, encoding)
        h.update(b"S" + keys.hexdigest().encode() + obj.read_bytes())
    elif isinstance(obj, pikepdf.Dictionary):
        _add_keys(h, obj, _SKIP_KEYS, seen, budget, encoding)
    elif isinstance(obj, pikepdf.Array):
        for item in obj:
            h.update(b"A" + _digest(item, seen, budget, encoding).encode())
    else:
        h.update(b"V" + repr(obj).encode("utf-8", "backslashreplace"))
    result = h.hexdigest()
    if key is not None:
        seen[key] = result
    return result


def _add_keys(h, obj, skip: set[str], seen: dict, budget: list[int], encoding: str | None) -> None:
    for name in sorted(k for k in obj.keys() if k not in skip):
        h.update(f"D{name}=".encode() + _digest(obj[name], seen, budget, encoding).encode())


def _inherited(page, key: str):
    """A page attribute as a viewer applies it: the page's own, else the nearest parent's (a crop box put on
    the page tree would otherwise cut figures out of sight without changing any page). qpdf already copies
    inherited attributes onto the pages it reads; taking them here keeps the check from resting on that."""
    node, hops = page, 0
    while node is not None and hops < 64:
        if key in node:
            return node[key]
        node, hops = node.get("/Parent"), hops + 1
    return None


def _pages(pdf: bytes, encoding: str | None = None) -> list[tuple[str, list]]:
    import pikepdf

    out = []
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        seen: dict = {}
        budget = [MAX_OBJECTS]
        for page in doc.pages:
            streams = page.obj.get("/Contents")
            streams = [streams] if isinstance(streams, pikepdf.Stream) else list(streams or [])
            content = b"".join(s.read_bytes() for s in streams)
            inherited = "".join(f"{key}={_digest(_inherited(page.obj, key), seen, budget, encoding)}"
                                for key in _INHERITED)
            digest = hashlib.sha256(content + _digest(page.obj, seen, budget, encoding).encode()
                                    + inherited.encode()).hexdigest()
            annots = []
            for annot in page.obj.get("/Annots", []):
                rect = [float(v) for v in annot.get("/Rect", [])]
                annots.append((str(annot.get("/Subtype", "")), str(annot.get("/FT", annot.get("/Parent", {})
                                                                                .get("/FT", ""))), rect))
            out.append((digest, annots))
    return out


def appendix_difference(signed: bytes, expected: RenderedAppendix) -> Text | None:
    """Where the signed appendix differs from the expected rendering (page N), or None if it shows the same."""
    try:
        got, want = _pages(signed, SIGNED_FILTER), _pages(expected.pdf)
    except Exception:  # noqa: BLE001 - a page that cannot be read cannot be shown to match
        return msg("không đọc được các trang", "the pages cannot be read")
    if len(got) != len(want):
        return msg("{got} trang, cần {want}", "{got} page, {want} expected", plural="{got} pages, {want} expected",
                   count="got", got=len(got), want=len(want))
    box = expected.signature_box
    for number, ((digest, annots), (want_digest, _)) in enumerate(zip(got, want, strict=True), start=1):
        if digest != want_digest:
            return msg("trang {n} khác số liệu của gói", "page {n} differs from the package's data", n=number)
        for subtype, field_type, rect in annots:
            inside = len(rect) == 4 and number - 1 == box.page and box.x1 - 2 <= min(rect[0], rect[2]) \
                and max(rect[0], rect[2]) <= box.x2 + 2 and box.y1 - 2 <= min(rect[1], rect[3]) \
                and max(rect[1], rect[3]) <= box.y2 + 2
            if subtype != "/Widget" or field_type != "/Sig" or not inside:
                return msg("trang {n}: chú thích phủ lên nội dung", "page {n}: an annotation over the content", n=number)
    return None
