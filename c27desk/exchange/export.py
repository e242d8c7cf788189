"""Writing a finalised revision as a signed ``.c27`` package, for the USB stick.

The first export of a revision signs the appendix and the manifest and keeps the signed parts
in the database; exporting the same revision again rebuilds the identical bytes from them (an
office receiving the file twice sees the same file). The package is written atomically, then
read back from the target and checked as the office above will check it: USB sticks fail.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from c27desk import __version__
from c27desk.errors import C27Error
from c27desk.exchange.documents import (
    canonical_json,
    data_dict,
    layout_dict,
    manifest_dict,
    parse_data,
    parse_manifest,
    sha256,
)
from c27desk.exchange.package import (
    APPENDIX,
    DATA,
    PackageParts,
    build_package,
    package_name,
    read_package,
)
from c27desk.exchange.reasons import ImportRefusedError
from c27desk.fileio import atomic_write_bytes, os_text, require_output_kind
from c27desk.i18n import Text, msg
from c27desk.report.appendix import appendix_content
from c27desk.report.appendix_pdf import render_appendix
from c27desk.report.sign_appendix import sign_appendix
from c27desk.report.signing import cms_sign_detached
from c27desk.report.verify import verify_cms_detached, verify_pdf
from c27desk.store import exchange, ledger, revisions
from c27desk.store.backup import backed_up, database_file
from c27desk.store.clock import now
from c27desk.workflow import open_report


class ExportError(C27Error):
    pass


class SignerCheckError(ExportError):
    """The certificate just used may be the wrong one; nothing was stored or written. Export again
    with ``confirm_signer`` once the person signing has looked (``lines`` lists why)."""

    def __init__(self, warnings: list[Text]):
        super().__init__(msg("Cần xác nhận chứng thư số trước khi xuất: {why} Nếu đúng, xuất lại với --accept-signer.",
                             "The certificate needs confirming before exporting: {why} If it is right, export again "
                             "with --accept-signer.", why=warnings),
                         code="SIGNER_CHECK")
        self.warnings = warnings


@dataclass(frozen=True)
class ExportResult:
    path: Path
    unit: str
    year: int
    revision: int
    size: int
    reused: bool  # True when the signed parts of an earlier export were reused


def _receivable(parse, document: bytes) -> None:
    """The office above reads a package strictly (see documents.py): a text it would refuse — a control
    character pasted into an explanation, say — is named to the unit now, not discovered there."""
    try:
        parse(document)
    except ImportRefusedError as refused:
        raise ExportError(msg("Báo cáo có nội dung đơn vị cấp trên sẽ không nhận ({detail}); hãy sửa, chốt lại rồi xuất.",
                              "The report holds something the office above would refuse ({detail}); correct it, finalise "
                              "again, then export.",
                              detail=refused.detail), code="UNSENDABLE") from None


def _sign_parts(db: Database, year: int, number: int, spec, who: str,
                confirm_signer: bool) -> exchange.StoredExport:
    from c27desk.exchange.signers import own_signer_warnings, remember_own_signer

    ref = open_report(db, year)
    content = appendix_content(db, year, revision=number)
    entries = revisions.snapshot(db, ref.unit.code, year, number)
    data = canonical_json(data_dict(ref.unit.code, year, number, entries))
    _receivable(parse_data, data)  # before signing: what the office above would refuse is told here
    signed = sign_appendix(content, render_appendix(content), spec)
    cert = signed.verification.signer_cert
    if cert is not None:
        warnings = own_signer_warnings(db, ref.unit.code, cert)
        if warnings and not confirm_signer:
            raise SignerCheckError(warnings)  # before anything signed is kept or written
        remember_own_signer(db, ref.unit.code, cert)
    cat = ref.catalogue
    manifest = canonical_json(manifest_dict(
        # the details the revision was finalised with, as its appendix prints them
        unit={"code": ref.unit.code, "name": content.unit.name, "level": content.unit.level, "parent": ref.unit.parent},
        year=year, revision=number, catalogue={"id": cat.id, "version": cat.version, "hash": cat.content_hash},
        finalised_at=content.generated_at, exported_at=now(), app_version=__version__,
        content_hash=content.content_hash, members={DATA: data, APPENDIX: signed.pdf},
        layout=layout_dict(content.unit, content.period),
    ))
    _receivable(parse_manifest, manifest)
    signature = cms_sign_detached(manifest, spec)
    parts = exchange.StoredExport(manifest, signature, data, signed.pdf)
    exchange.save_export(db, ref.unit.code, year, number, parts, who=who)
    return parts


def check_own_package(raw: bytes) -> None:
    """The checks that need no trust store: structure, hashes, both signatures intact and whole."""
    parts = read_package(raw)
    manifest = parse_manifest(parts.manifest)
    for name in (DATA, APPENDIX):
        digest, size = manifest.members[name]
        body = parts.member(name)
        if sha256(body) != digest or len(body) != size:
            raise ExportError(msg("{name} đọc lại không khớp.",
                                  "{name} read back does not match.",
                                  name=name), code="VERIFY_FAILED")
    cms = verify_cms_detached(parts.manifest, parts.signature, None)
    if not cms.valid:
        raise ExportError(msg("Chữ ký gói đọc lại không hợp lệ.",
                              "The package signature read back is invalid."),
                          code="VERIFY_FAILED")
    pdf = verify_pdf(parts.appendix, None)
    if not (pdf.intact and pdf.valid and pdf.covers_whole_file):
        raise ExportError(msg("Chữ ký phụ lục đọc lại không hợp lệ.",
                              "The appendix signature read back is invalid."),
                          code="VERIFY_FAILED")


def _read_back(path: Path) -> bytes:
    """The file as the device returns it: on Linux the page cache is dropped first, so a stick that
    lost the write is caught here rather than at the office above."""
    with open(path, "rb") as fh:
        if hasattr(os, "posix_fadvise"):
            os.fsync(fh.fileno())
            os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        return fh.read()


@backed_up("export")
def export_package(db: Database, year: int, out: Path, *, spec=None, resign: bool = False,
                   who: str, confirm_signer: bool = False) -> ExportResult:
    """Write ``UNIT_YEAR_rN.c27`` for the latest finalised revision into ``out`` (a folder or a file path)."""
    require_output_kind(out, ".c27", folder_ok=True)
    ref = open_report(db, year)
    rev = revisions.latest_final(db, ref.unit.code, year)
    if rev is None:
        raise ExportError(msg("Báo cáo năm {year} chưa được chốt; hãy chốt trước khi xuất.",
                              "The {year} report is not finalised; finalise it before exporting.",
                              year=year), code="NOT_FINAL")
    db_file = database_file(db)
    sent = ledger.issued(db_file, ref.unit.code, year).get(rev.number) if db_file else None
    if sent is not None and sent != rev.content_hash:
        raise ExportError(msg("Bản {number} đã được xuất trước đây với nội dung khác (có thể do khôi phục bản sao lưu cũ); hãy "
                              "mở lại báo cáo và chốt lại để có số bản mới.",
                              "Revision {number} was exported earlier with other content (an older backup restored?); reopen "
                              "and finalise the report again to get a new revision number.",
                              number=rev.number),
                          code="REVISION_REUSED")
    stored = None if resign else exchange.stored_export(db, ref.unit.code, year, rev.number)
    reused = stored is not None
    if stored is None:
        if spec is None:
            raise ExportError(msg("Cần chứng thư số để ký gói xuất: --sign-p12 TỆP, --pkcs11-module/--token, hoặc --sign (cách ký "
                                  "đã lưu).",
                                  "A signing certificate is needed to sign the export: --sign-p12 FILE, --pkcs11-module/--token, "
                                  "or --sign (the saved way to sign)."),
                              code="SIGNER_NEEDED")
        stored = _sign_parts(db, year, rev.number, spec, who, confirm_signer)
    raw = build_package(PackageParts(stored.manifest, stored.signature, stored.data, stored.appendix))
    out = Path(out)
    if out.is_dir() or out.suffix.lower() != ".c27":  # a folder (the USB stick), made if missing
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ExportError(msg("Không tạo được thư mục {folder}: {why}", "Cannot create folder {folder}: {why}",
                                  folder=out, why=os_text(exc)),
                              code="WRITE_FAILED") from exc
        target = out / package_name(ref.unit.code, year, rev.number)
    else:
        target = out
    atomic_write_bytes(target, raw)
    try:
        written = _read_back(target)
        if written != raw:
            raise ExportError(msg("Tệp {target} đọc lại khác với dữ liệu đã ghi (thiết bị lỗi?).",
                                  "{target} reads back different from what was written (faulty device?).",
                                  target=target),
                              code="VERIFY_FAILED")
        check_own_package(written)
    except (OSError, C27Error) as exc:
        with contextlib.suppress(OSError):  # never leave a file that looks good but isn't
            target.unlink(missing_ok=True)
        if isinstance(exc, C27Error):
            raise
        raise ExportError(msg("Không đọc lại được {file}: {why}; tệp đã được xóa.",
                              "Cannot read back {file}: {why}; the file was removed.", file=target,
                              why=os_text(exc)), code="VERIFY_FAILED") from exc
    if db_file is not None:
        ledger.record(db_file, ref.unit.code, year, rev.number, rev.content_hash or "")
    return ExportResult(target, ref.unit.code, year, rev.number, len(raw), reused)
