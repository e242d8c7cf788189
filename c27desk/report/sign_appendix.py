"""Signing a rendered appendix and checking the result, for the window, the CLI and the export.

The visible stamp goes into the box the renderer left between the signer's title and name, and
carries who signed, for which unit, and when. Right after signing the file is verified the same
way the office above will, so a signature that would be refused there is never handed out.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from c27desk.errors import C27Error
from c27desk.report.appendix import AppendixContent
from c27desk.report.appendix_pdf import RenderedAppendix
from c27desk.report.signing import P12Spec, Pkcs11Spec, StampText, sign_pdf
from c27desk.report.verify import PdfVerification, verify_pdf
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
            raise SigningSetupError(f"không tìm thấy tệp chứng thư số {path}.", f"certificate file {path} not found.",
                                    code="P12_NOT_FOUND")
        return P12Spec(path, secret)
    if not settings.pkcs11_module or not settings.token_label:
        raise SigningSetupError("cần thư viện PKCS#11 và nhãn token.", "a PKCS#11 module and token label are needed.",
                                code="SIGNING_SETTINGS")
    return Pkcs11Spec(Path(settings.pkcs11_module), settings.token_label, settings.key_label, secret)


_SIGNATURE_DETAILS = (("place", "địa danh", "place"), ("signer_title", "chức vụ người ký", "signer's title"),
                      ("signer_name", "họ tên người ký", "signer's name"))


def missing_signature_details(content: AppendixContent) -> list[tuple[str, str]]:
    """What the signature block and date line still lack (Vietnamese, English)."""
    return [(vi, en) for field, vi, en in _SIGNATURE_DETAILS if not getattr(content.period, field)]


def sign_appendix(content: AppendixContent, rendered: RenderedAppendix, spec: P12Spec | Pkcs11Spec,
                  trust_roots: list | None = None) -> SignedAppendix:
    """Sign a finalised appendix into its signature box and verify the result."""
    if not content.final:
        raise C27Error("chỉ ký được phụ lục của báo cáo đã chốt.", "only a finalised report's appendix can be signed.",
                       code="NOT_FINAL")
    missing = missing_signature_details(content)
    if missing:
        vi = ", ".join(m[0] for m in missing)
        en = ", ".join(m[1] for m in missing)
        raise C27Error(
            f"phụ lục năm {content.year} chưa có {vi}; văn bản ký số gửi đi không được để trống khối chữ ký. Hãy "
            f"khai báo ở Báo cáo → Thông tin báo cáo… hoặc c27desk period set {content.year} --place … "
            "--signer-title … --signer-name ….",
            f"the {content.year} appendix has no {en}; a signed document must not go out with an empty signature "
            f"block. Fill them in under Báo cáo → Thông tin báo cáo… or with c27desk period set {content.year} "
            "--place … --signer-title … --signer-name ….", code="DETAILS_MISSING")
    stamp = StampText(unit=content.unit.name)
    box = rendered.signature_box
    signed = sign_pdf(rendered.pdf, spec, stamp=stamp, field_box=box.box, page=box.page)
    verification = verify_pdf(signed, trust_roots)
    if not (verification.intact and verification.valid and verification.covers_whole_file):
        raise C27Error("chữ ký vừa tạo không kiểm tra được: " + "; ".join(verification.problems),
                       "the new signature does not verify: " + "; ".join(verification.problems), code="BAD_SIGNATURE")
    other = _certificate_of_other_unit(verification.signer_cert, content.unit.code)
    if other:
        raise C27Error(f"chứng thư số này ghi đơn vị {other}, không phải {content.unit.code}; hãy ký bằng chứng thư "
                       "của chính đơn vị.", f"this certificate names unit {other}, not {content.unit.code}; sign "
                       "with the unit's own certificate.", code="SIGNER_OF_OTHER_UNIT")
    return SignedAppendix(signed, verification)


_UNIT_CODE = re.compile(r"^[A-Z]{2,5}-[A-Z0-9-]{2,}$")


def _certificate_of_other_unit(cert, unit_code: str) -> str | None:
    """The unit code a certificate names in its OU, when that is clearly another unit's (trial keys do this)."""
    if cert is None:
        return None
    found = cert.subject.native.get("organizational_unit_name") or []
    for ou in [found] if isinstance(found, str) else found:
        if isinstance(ou, str) and _UNIT_CODE.match(ou) and ou != unit_code:
            return ou
    return None
