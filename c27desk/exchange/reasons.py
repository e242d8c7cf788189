"""Why a received file was refused: a stable code, and a message in Vietnamese and English.

The codes are part of the program's interface (``import --json`` prints them, the office's
import log stores them), so they never change meaning once shipped.
"""

from __future__ import annotations

from enum import StrEnum

from c27desk.errors import C27Error
from c27desk.model.text import shown


class Reason(StrEnum):
    """Every refusal code; a StrEnum so the codes compare and print as the plain strings users see."""

    TOO_LARGE = "TOO_LARGE"
    MALFORMED = "MALFORMED"
    UNSAFE_MEMBER = "UNSAFE_MEMBER"
    NOT_A_FILE = "NOT_A_FILE"
    HASH_MISMATCH = "HASH_MISMATCH"
    BAD_SIGNATURE = "BAD_SIGNATURE"
    UNTRUSTED_SIGNER = "UNTRUSTED_SIGNER"
    CERT_EXPIRED = "CERT_EXPIRED"
    CERT_NOT_YET_VALID = "CERT_NOT_YET_VALID"
    WEAK_ALGORITHM = "WEAK_ALGORITHM"
    WEAK_KEY = "WEAK_KEY"
    CERT_USAGE = "CERT_USAGE"
    CERT_PATH_LENGTH = "CERT_PATH_LENGTH"
    NEW_SIGNER = "NEW_SIGNER"
    SIGNER_CHANGED = "SIGNER_CHANGED"
    SIGNER_OF_OTHER_UNIT = "SIGNER_OF_OTHER_UNIT"
    APPENDIX_SIGNATURE = "APPENDIX_SIGNATURE"
    APPENDIX_MISMATCH = "APPENDIX_MISMATCH"
    APPENDIX_ACTIVE_CONTENT = "APPENDIX_ACTIVE_CONTENT"
    CATALOGUE_MISMATCH = "CATALOGUE_MISMATCH"
    UNKNOWN_UNIT = "UNKNOWN_UNIT"
    NOT_A_CHILD = "NOT_A_CHILD"
    PERIOD_CLOSED = "PERIOD_CLOSED"
    STALE_REVISION = "STALE_REVISION"
    REVISION_CONFLICT = "REVISION_CONFLICT"
    INVALID_VALUES = "INVALID_VALUES"
    NOT_FOUND = "NOT_FOUND"


REASONS: dict[str, tuple[str, str]] = {
    "TOO_LARGE": ("tệp hoặc thành phần quá lớn ({detail}).", "file or member too large ({detail})."),
    "MALFORMED": ("tệp không đúng định dạng gói báo cáo: {detail}.", "not a valid report package: {detail}."),
    "UNSAFE_MEMBER": ("gói chứa thành phần không an toàn: {detail}.", "the package holds an unsafe member: {detail}."),
    "NOT_A_FILE": ("{detail} không phải tệp thường (thiết bị, ống dẫn hoặc thư mục); không đọc.",
                   "{detail} is not a regular file (a device, pipe or folder); not read."),
    "HASH_MISMATCH": ("nội dung {detail} không khớp với bản kê (manifest): tệp đã bị sửa hoặc hỏng.",
                      "{detail} does not match the manifest: the file was altered or damaged."),
    "BAD_SIGNATURE": ("chữ ký số của gói không hợp lệ: {detail}.", "the package signature is not valid: {detail}."),
    "UNTRUSTED_SIGNER": ("người ký không thuộc tổ chức chứng thực được tin cậy: {detail}.",
                         "the signer does not chain to a trusted CA: {detail}."),
    "CERT_EXPIRED": ("chứng thư số đã hết hạn: {detail}; đơn vị cần ký lại bằng chứng thư còn hiệu lực.",
                     "the certificate has expired: {detail}; the unit must sign again with a valid one."),
    "CERT_NOT_YET_VALID": ("chứng thư số chưa đến ngày có hiệu lực: {detail}; kiểm tra đồng hồ máy tính hai bên.",
                           "the certificate is not yet valid: {detail}; check both computers' clocks."),
    "WEAK_ALGORITHM": ("thuật toán ký hoặc băm yếu, không được chấp nhận: {detail}.",
                       "a weak signing or hash algorithm, not accepted: {detail}."),
    "WEAK_KEY": ("khóa của chứng thư số quá ngắn: {detail}; cần RSA từ 2048 bit (hoặc EC từ 256 bit).",
                 "the certificate's key is too short: {detail}; RSA of 2048 bits or more (EC 256) is needed."),
    "CERT_USAGE": ("chứng thư số không được cấp để ký văn bản: {detail}.",
                   "the certificate is not issued for signing documents: {detail}."),
    "CERT_PATH_LENGTH": ("chuỗi chứng thực dài hơn mức tổ chức chứng thực cho phép: {detail}.",
                         "the certificate chain is longer than its CA allows: {detail}."),
    "NEW_SIGNER": ("gói đầu tiên của đơn vị {detail}; đối chiếu chứng thư số này với đơn vị (qua điện thoại) rồi "
                   "xác nhận cho riêng đơn vị đó (--accept-new-signer MÃ_ĐƠN_VỊ).",
                   "first package from {detail}; check this certificate with the unit (by telephone), then accept "
                   "it for that unit only (--accept-new-signer UNIT_CODE)."),
    "SIGNER_CHANGED": ("chứng thư số của người ký khác với chứng thư đã ghi nhận cho đơn vị: {detail}; chỉ nhận "
                       "khi xác nhận gia hạn (--accept-new-signer MÃ_ĐƠN_VỊ).",
                       "the signer's certificate differs from the one on record for the unit: {detail}; accept "
                       "the renewal first (--accept-new-signer UNIT_CODE)."),
    "SIGNER_OF_OTHER_UNIT": ("chứng thư số này đã được ghi nhận cho đơn vị khác: {detail}; một đơn vị không ký thay "
                             "đơn vị khác.", "this certificate is pinned to another unit: {detail}; one unit cannot "
                             "sign for another."),
    "APPENDIX_SIGNATURE": ("chữ ký số trên phụ lục PDF không hợp lệ: {detail}.",
                           "the appendix PDF's signature is not valid: {detail}."),
    "APPENDIX_MISMATCH": ("phụ lục PDF không thuộc gói này: {detail}.", "the appendix PDF does not belong to this "
                          "package: {detail}."),
    "APPENDIX_ACTIVE_CONTENT": ("phụ lục PDF chứa nội dung chủ động (JavaScript, hành động tự chạy, tệp đính kèm "
                                "hoặc biểu mẫu XFA): {detail}.", "the appendix PDF holds active content (JavaScript, "
                                "automatic actions, attached files or an XFA form): {detail}."),
    "CATALOGUE_MISMATCH": ("danh mục tiêu chí không khớp: {detail}.", "catalogue mismatch: {detail}."),
    "UNKNOWN_UNIT": ("đơn vị {detail} chưa được khai báo là đơn vị trực thuộc (c27desk units add).",
                     "unit {detail} is not registered as a child unit (c27desk units add)."),
    "NOT_A_CHILD": ("đơn vị {detail} không trực thuộc đơn vị này.", "unit {detail} is not a child of this unit."),
    "NO_PERIOD": ("chưa có kỳ báo cáo năm {detail} ở đơn vị này (tạo kỳ: c27desk period set {detail}).",
                  "there is no {detail} reporting period here (create it: c27desk period set {detail})."),
    "NOT_THE_OFFICE_ABOVE": ("biểu mẫu do {detail} ban hành, không phải cấp trên trực tiếp của đơn vị này trong sổ "
                             "đơn vị; không cài.", "the form is published by {detail}, which is not this unit's "
                             "office above in the unit register; not installed."),
    "PERIOD_CLOSED": ("kỳ báo cáo {detail} chưa mở hoặc đã khóa.", "reporting period {detail} is not open."),
    "STALE_REVISION": ("bản {detail} cũ hơn bản đang giữ; không nhận.", "revision {detail} is older than the one "
                       "held; refused."),
    "REVISION_CONFLICT": ("bản {detail} đã nhận với nội dung khác; đơn vị phải gửi bản mới hơn.",
                          "revision {detail} was received with other content; the unit must send a newer one."),
    "INVALID_VALUES": ("số liệu không hợp lệ: {detail}.", "invalid values: {detail}."),
    "NOT_FOUND": ("không đọc được tệp {detail}.", "cannot read file {detail}."),
    "UNSIGNED": ("biểu mẫu chưa được ký số, hoặc tệp không phải biểu mẫu đã ký (.c27form).",
                 "the form is not signed, or the file is not a signed form (.c27form)."),
    "INVALID_FORM": ("biểu mẫu không hợp lệ: {detail}.", "the form is not valid: {detail}."),
    "FORM_CONFLICT": ("đã có biểu mẫu {detail} với nội dung khác; không ghi đè (biểu mẫu mới phải có phiên bản mới).",
                      "a different form {detail} is already installed; not overwritten (a new form needs a new "
                      "version)."),
}


class ImportRefusedError(C27Error):
    """A received file refused for a coded reason; nothing was changed."""

    def __init__(self, code: str, detail: str = "", *, signer=None):
        vi, en = REASONS[code]
        detail = shown(detail, 400)  # details quote the file: never let it steer the screen or the log
        super().__init__(vi.format(detail=detail), en.format(detail=detail), code=code)
        self.detail = detail
        self.signer = signer  # the certificate details of a new or changed signer, for the operator to confirm


def refuse(code: str, detail: str = "", *, signer=None) -> ImportRefusedError:
    return ImportRefusedError(code, detail, signer=signer)
