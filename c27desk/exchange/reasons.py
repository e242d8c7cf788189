"""Why a received file was refused: a stable code, and a message in Vietnamese and English.

The codes are part of the program's interface (``import --json`` prints them, the office's
import log stores them), so they never change meaning once shipped.
"""

from __future__ import annotations

from c27desk.errors import C27Error

REASONS: dict[str, tuple[str, str]] = {
    "TOO_LARGE": ("tệp hoặc thành phần quá lớn ({detail}).", "file or member too large ({detail})."),
    "MALFORMED": ("tệp không đúng định dạng gói báo cáo: {detail}.", "not a valid report package: {detail}."),
    "UNSAFE_MEMBER": ("gói chứa thành phần không an toàn: {detail}.", "the package holds an unsafe member: {detail}."),
    "HASH_MISMATCH": ("nội dung {detail} không khớp với bản kê (manifest): tệp đã bị sửa hoặc hỏng.",
                      "{detail} does not match the manifest: the file was altered or damaged."),
    "BAD_SIGNATURE": ("chữ ký số của gói không hợp lệ: {detail}.", "the package signature is not valid: {detail}."),
    "UNTRUSTED_SIGNER": ("người ký không thuộc tổ chức chứng thực được tin cậy: {detail}.",
                         "the signer does not chain to a trusted CA: {detail}."),
    "NEW_SIGNER": ("đơn vị {detail} gửi lần đầu; cần xác nhận chứng thư số của người ký trước khi nhận "
                   "(--accept-new-signer).",
                   "first package from {detail}; confirm the signer's certificate before accepting it "
                   "(--accept-new-signer)."),
    "SIGNER_CHANGED": ("chứng thư số của người ký khác với chứng thư đã ghi nhận cho đơn vị: {detail}; chỉ nhận "
                       "khi xác nhận gia hạn (--accept-new-signer).",
                       "the signer's certificate differs from the one on record for the unit: {detail}; accept "
                       "the renewal first (--accept-new-signer)."),
    "SIGNER_OF_OTHER_UNIT": ("chứng thư số này đã được ghi nhận cho đơn vị khác: {detail}; một đơn vị không ký thay "
                             "đơn vị khác.", "this certificate is pinned to another unit: {detail}; one unit cannot "
                             "sign for another."),
    "APPENDIX_SIGNATURE": ("chữ ký số trên phụ lục PDF không hợp lệ: {detail}.",
                           "the appendix PDF's signature is not valid: {detail}."),
    "APPENDIX_MISMATCH": ("phụ lục PDF không thuộc gói này: {detail}.", "the appendix PDF does not belong to this "
                          "package: {detail}."),
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

    def __init__(self, code: str, detail: str = ""):
        vi, en = REASONS[code]
        super().__init__(vi.format(detail=detail), en.format(detail=detail), code=code)
        self.detail = detail


def refuse(code: str, detail: str = "") -> ImportRefusedError:
    return ImportRefusedError(code, detail)
