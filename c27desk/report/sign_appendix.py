"""Signing a rendered appendix and checking the result, for the window, the CLI and the export.

The visible stamp goes into the box the renderer left between the signer's title and name, and
carries who signed, for which unit, and when. Right after signing the file is verified the same
way the office above will, so a signature that would be refused there is never handed out.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from c27desk.errors import C27Error
from c27desk.i18n import Text, listed, msg
from c27desk.report.appendix import AppendixContent
from c27desk.report.appendix_pdf import RenderedAppendix
from c27desk.report.signing import P12Spec, Pkcs11Spec, StampText, sign_pdf
from c27desk.report.trial_keys import trial_unit_code
from c27desk.report.verify import PdfVerification, verify_pdf
from c27desk.store.periods import field_name
from c27desk.store.signing_settings import SigningSettings

# where the usual token middleware lives; the first that exists is offered as the default
_CANDIDATE_MODULES = (
    [r"C:\Windows\System32\eps2003csp11v2.dll", r"C:\Windows\System32\eTPKCS11.dll",
     r"C:\Windows\System32\ShuttleCsp11_3003.dll"]
    if sys.platform == "win32"
    else ["/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so", "/usr/lib/softhsm/libsofthsm2.so"]
)
DEFAULT_PKCS11_MODULES = [m for m in _CANDIDATE_MODULES if os.path.exists(m)]


class SigningSetupError(C27Error):
    pass


@dataclass(frozen=True)
class SignedAppendix:
    pdf: bytes
    verification: PdfVerification


def spec_from(settings: SigningSettings, secret: str) -> P12Spec | Pkcs11Spec:
    """A signer from stored (or typed) settings plus the passphrase/PIN the user just typed."""
    if settings.method == "p12":
        path = Path(settings.p12_path or "")
        if not path.is_file():
            if path.exists():  # a folder, a device, a pipe: not a .p12 anyone can sign with
                raise SigningSetupError(msg("{path} không phải là một tệp chứng thư số (.p12) thông thường.",
                                            "{path} is not a regular certificate file (.p12).",
                                            path=path), code="P12_NOT_FOUND")
            raise SigningSetupError(msg("Không tìm thấy tệp chứng thư số {path}.",
                                        "Certificate file {path} not found.",
                                        path=path),
                                    code="P12_NOT_FOUND")
        return P12Spec(path, secret)
    if not settings.pkcs11_module or not settings.token_label:
        raise SigningSetupError(msg("Cần thư viện PKCS#11 và nhãn token.",
                                    "A PKCS#11 module and token label are needed."),
                                code="SIGNING_SETTINGS")
    return Pkcs11Spec(Path(settings.pkcs11_module), settings.token_label, settings.key_label, secret)


# the number and date cannot be written on a signed file afterwards without breaking its signature
_SIGNATURE_DETAILS = (("report_number", "--report-number"), ("report_date", "--report-date"), ("place", "--place"),
                      ("signer_title", "--signer-title"), ("signer_name", "--signer-name"))


def missing_signature_details(period, unit) -> list[tuple[Text, str]]:
    """The report details still empty that export will require, as (their name in a sentence, option):
    ``check`` and ``finalise`` say so early, without blocking, so nobody learns it only at export."""
    printed = {"place": period.place or unit.place}  # the date line falls back to the unit's place
    return [(field_name(field), opt) for field, opt in _SIGNATURE_DETAILS
            if not printed.get(field, getattr(period, field))]


def signature_details_warning(period, unit) -> Text | None:
    """A one-line warning naming what is missing, or None when the signature block is complete."""
    missing = missing_signature_details(period, unit)
    if not missing:
        return None
    return msg("khối chữ ký chưa đủ: thiếu {missing} — phải có trước khi xuất gửi (c27desk period set {year} {options}).",
               "the signature block is incomplete: no {missing} — needed before export "
               "(c27desk period set {year} {options}).",
               missing=listed([name for name, _ in missing]), year=period.year,
               options=" ".join(f"{opt} …" for _, opt in missing))


def require_signature_details(content: AppendixContent) -> None:
    """Refuse an appendix whose number, date or signature block is still empty: it must not go out signed.

    Called by sign_appendix, and earlier by the window and the command line so nobody types a PIN
    only to be told this afterwards."""
    missing = missing_signature_details(content.period, content.unit)
    if missing:
        options = " ".join(f"{opt} …" for _, opt in missing)
        raise C27Error(
            msg("Phụ lục năm {year} chưa có {value}; văn bản ký số gửi đi không được để trống số, ngày hay khối "
                "chữ ký (không thể ghi thêm sau khi ký). Hãy mở lại báo cáo, khai báo ở Báo cáo → Thông tin báo "
                "cáo… hoặc c27desk period set {year} {options}, rồi chốt lại.",
                "The {year} appendix has no {value}; a signed document must not go out with a blank number, "
                "date or signature block (nothing can be added after signing). Reopen the report, fill them in "
                "under Báo cáo → Thông tin báo cáo… or with c27desk period set {year} {options}, and finalise "
                "again.",
                year=content.year, options=options, value=listed([name for name, _ in missing])),
            code="DETAILS_MISSING")


def sign_appendix(content: AppendixContent, rendered: RenderedAppendix, spec: P12Spec | Pkcs11Spec,
                  trust_roots: list | None = None) -> SignedAppendix:
    """Sign a finalised appendix into its signature box and verify the result."""
    if not content.final:
        raise C27Error(msg("Chỉ ký được phụ lục của báo cáo đã chốt.",
                           "Only a finalised report's appendix can be signed."),
                       code="NOT_FINAL")
    require_signature_details(content)
    stamp = StampText(unit=content.unit.name)
    box = rendered.signature_box
    signed = sign_pdf(rendered.pdf, spec, stamp=stamp, field_box=box.box, page=box.page)
    verification = verify_pdf(signed, trust_roots)
    if not (verification.intact and verification.valid and verification.covers_whole_file):
        raise C27Error(msg("Chữ ký vừa tạo không kiểm tra được: {problems}", "The new signature does not verify: {problems}",
                           problems=verification.problems), code="BAD_SIGNATURE")
    other = trial_unit_code(verification.signer_cert)
    if other and other != content.unit.code:
        raise C27Error(msg("Chứng thư số dùng thử này cấp cho đơn vị {other}, không phải {code}; hãy ký bằng chứng thư của "
                           "chính đơn vị.",
                           "This trial certificate was made for unit {other}, not {code}; sign with the unit's own "
                           "certificate.",
                           other=other, code=content.unit.code), code="SIGNER_OF_OTHER_UNIT")
    return SignedAppendix(signed, verification)

