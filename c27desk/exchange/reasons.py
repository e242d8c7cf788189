"""Why a received file was refused: a stable code, and a message (a :class:`~c27desk.i18n.Text`).

The codes are part of the program's interface (``import --json`` prints them, the office's
import log stores them), so they never change meaning once shipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from enum import StrEnum
from typing import Any

from c27desk.errors import C27Error
from c27desk.i18n import Lang, Text, joined, msg, verbatim
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
    NO_PERIOD = "NO_PERIOD"
    NOT_THE_OFFICE_ABOVE = "NOT_THE_OFFICE_ABOVE"
    UNSIGNED = "UNSIGNED"
    INVALID_FORM = "INVALID_FORM"
    FORM_CONFLICT = "FORM_CONFLICT"


#: Every refusal's wording; the detail is a Text in both languages (or a quoted name, verbatim).
#: The column the import window's operator ticks to accept a unit's new certificate, named in the
#: remedy with its header's very words, so that a clerk in the window is not sent to a command-line flag.
ACCEPT_COLUMN = msg("Xác nhận chứng thư số mới", "Accept the new certificate")
ACCEPT_IN_WINDOW = msg("trong cửa sổ Nhận gói báo cáo, đánh dấu ô “{column}” ở dòng của tệp",
                       "in the import window, tick “{column}” in the file's row", column=ACCEPT_COLUMN)

REASON_TEXTS: dict[str, Callable[[Text], Text]] = {
    Reason.TOO_LARGE: lambda d: msg("Tệp hoặc thành phần quá lớn ({detail}).", "File or member too large ({detail}).",
                                    detail=d),
    Reason.MALFORMED: lambda d: msg("Tệp không đúng định dạng gói báo cáo: {detail}.",
                                    "Not a valid report package: {detail}.", detail=d),
    Reason.UNSAFE_MEMBER: lambda d: msg("Gói chứa thành phần không an toàn: {detail}.",
                                        "The package holds an unsafe member: {detail}.", detail=d),
    Reason.NOT_A_FILE: lambda d: msg("{detail} không phải tệp thường (thiết bị, ống dẫn hoặc thư mục); không đọc.",
                                     "{detail} is not a regular file (a device, pipe or folder); not read.", detail=d),
    Reason.HASH_MISMATCH: lambda d: msg("Nội dung {detail} không khớp với bản kê (manifest): tệp đã bị sửa hoặc hỏng.",
                                        "{detail} does not match the manifest: the file was altered or damaged.",
                                        detail=d),
    Reason.BAD_SIGNATURE: lambda d: msg("Chữ ký số của gói không hợp lệ: {detail}.",
                                        "The package signature is not valid: {detail}.", detail=d),
    Reason.UNTRUSTED_SIGNER: lambda d: msg("Người ký không thuộc tổ chức chứng thực được tin cậy: {detail}.",
                                           "The signer does not chain to a trusted CA: {detail}.", detail=d),
    Reason.CERT_EXPIRED: lambda d: msg("Chứng thư số đã hết hạn: {detail}; đơn vị cần ký lại bằng chứng thư còn hiệu "
                                       "lực.", "The certificate has expired: {detail}; the unit must sign again with a "
                                       "valid one.", detail=d),
    Reason.CERT_NOT_YET_VALID: lambda d: msg("Chứng thư số chưa đến ngày có hiệu lực: {detail}; kiểm tra đồng hồ máy "
                                             "tính hai bên.", "The certificate is not yet valid: {detail}; check both "
                                             "computers' clocks.", detail=d),
    Reason.WEAK_ALGORITHM: lambda d: msg("Thuật toán ký hoặc băm yếu, không được chấp nhận: {detail}.",
                                         "A weak signing or hash algorithm, not accepted: {detail}.", detail=d),
    Reason.WEAK_KEY: lambda d: msg("Khóa của chứng thư số quá ngắn: {detail}; cần RSA từ 2048 bit (hoặc EC từ 256 "
                                   "bit).", "The certificate's key is too short: {detail}; RSA of 2048 bits or more "
                                   "(EC 256) is needed.", detail=d),
    Reason.CERT_USAGE: lambda d: msg("Chứng thư số không được cấp để ký văn bản: {detail}.",
                                     "The certificate is not issued for signing documents: {detail}.", detail=d),
    Reason.CERT_PATH_LENGTH: lambda d: msg("Chuỗi chứng thực dài hơn mức tổ chức chứng thực cho phép: {detail}.",
                                           "The certificate chain is longer than its CA allows: {detail}.", detail=d),
    Reason.NEW_SIGNER: lambda d: msg("Gói đầu tiên của đơn vị {detail}; đối chiếu chứng thư số này với đơn vị (qua "
                                     "điện thoại) rồi xác nhận cho riêng đơn vị đó: {where} (dòng lệnh: "
                                     "--accept-new-signer MÃ_ĐƠN_VỊ).",
                                     "First package from {detail}; check this certificate with the unit (by "
                                     "telephone), then accept it for that unit only: {where} (on the command line: "
                                     "--accept-new-signer UNIT_CODE).", detail=d, where=ACCEPT_IN_WINDOW),
    Reason.SIGNER_CHANGED: lambda d: msg("Chứng thư số của người ký khác với chứng thư đã ghi nhận cho đơn vị: "
                                         "{detail}; chỉ nhận khi xác nhận gia hạn: {where} (dòng lệnh: "
                                         "--accept-new-signer MÃ_ĐƠN_VỊ).",
                                         "The signer's certificate differs from the one on record for the unit: "
                                         "{detail}; accept the renewal first: {where} (on the command line: "
                                         "--accept-new-signer UNIT_CODE).", detail=d, where=ACCEPT_IN_WINDOW),
    Reason.SIGNER_OF_OTHER_UNIT: lambda d: msg("Chứng thư số này đã được ghi nhận cho đơn vị khác: {detail}; một đơn "
                                               "vị không ký thay đơn vị khác.", "This certificate is pinned to another "
                                               "unit: {detail}; one unit cannot sign for another.", detail=d),
    Reason.APPENDIX_SIGNATURE: lambda d: msg("Chữ ký số trên phụ lục PDF không hợp lệ: {detail}.",
                                             "The appendix PDF's signature is not valid: {detail}.", detail=d),
    Reason.APPENDIX_MISMATCH: lambda d: msg("Phụ lục PDF không thuộc gói này: {detail}.",
                                            "The appendix PDF does not belong to this package: {detail}.", detail=d),
    Reason.APPENDIX_ACTIVE_CONTENT: lambda d: msg("Phụ lục PDF chứa nội dung chủ động (JavaScript, hành động tự chạy, "
                                                  "tệp đính kèm hoặc biểu mẫu XFA): {detail}.", "The appendix PDF "
                                                  "holds active content (JavaScript, automatic actions, attached "
                                                  "files or an XFA form): {detail}.", detail=d),
    Reason.CATALOGUE_MISMATCH: lambda d: msg("Biểu mẫu không khớp: {detail}.", "The form does not match: {detail}.",
                                             detail=d),
    Reason.UNKNOWN_UNIT: lambda d: msg("Đơn vị {detail} chưa được khai báo là đơn vị trực thuộc (c27desk units add).",
                                       "Unit {detail} is not registered as a child unit (c27desk units add).",
                                       detail=d),
    Reason.NOT_A_CHILD: lambda d: msg("Đơn vị {detail} không trực thuộc đơn vị này.",
                                      "Unit {detail} is not a child of this unit.", detail=d),
    Reason.NO_PERIOD: lambda d: msg("Chưa có kỳ báo cáo năm {detail} ở đơn vị này (tạo kỳ: c27desk period set "
                                    "{detail}).", "There is no {detail} reporting period here (create it: c27desk "
                                    "period set {detail}).", detail=d),
    Reason.NOT_THE_OFFICE_ABOVE: lambda d: msg("Biểu mẫu do {detail} ban hành, không phải cấp trên trực tiếp của đơn "
                                               "vị này trong sổ đơn vị; không cài.", "The form is published by "
                                               "{detail}, which is not this unit's office above in the unit "
                                               "register; not installed.", detail=d),
    Reason.PERIOD_CLOSED: lambda d: msg("Kỳ báo cáo {detail} chưa mở hoặc đã khóa.",
                                        "Reporting period {detail} is not open.", detail=d),
    Reason.STALE_REVISION: lambda d: msg("Bản {detail} cũ hơn bản đang giữ; không nhận.",
                                         "Revision {detail} is older than the one held; refused.", detail=d),
    Reason.REVISION_CONFLICT: lambda d: msg("Bản {detail} đã nhận với nội dung khác; đơn vị phải gửi bản mới hơn.",
                                            "Revision {detail} was received with other content; the unit must send "
                                            "a newer one.", detail=d),
    Reason.INVALID_VALUES: lambda d: msg("Số liệu không hợp lệ: {detail}.", "Invalid values: {detail}.", detail=d),
    Reason.NOT_FOUND: lambda d: msg("Không đọc được tệp {detail}.", "Cannot read file {detail}.", detail=d),
    Reason.UNSIGNED: lambda d: msg("Biểu mẫu chưa được ký số, hoặc tệp không phải biểu mẫu đã ký (.c27form){detail}.",
                                   "The form is not signed, or the file is not a signed form (.c27form){detail}.",
                                   detail=_aside(d)),
    Reason.INVALID_FORM: lambda d: msg("Biểu mẫu không hợp lệ: {detail}.", "The form is not valid: {detail}.",
                                       detail=d),
    Reason.FORM_CONFLICT: lambda d: msg("Đã có biểu mẫu {detail} với nội dung khác; không ghi đè (biểu mẫu mới phải "
                                        "có phiên bản mới).", "A different form {detail} is already installed; not "
                                        "overwritten (a new form needs a new version).", detail=d),
}


def _aside(detail: Text) -> Text:
    """An optional detail after a full sentence: `` (detail)`` or nothing."""
    return joined(" ({d})", d=detail) if detail.render(Lang.EN) else verbatim("")


def _safe(value: Any) -> Any:
    """Every quoted name in a detail made safe to show: a detail quotes the file, which must never
    steer the screen or the log (escapes, control characters, endless text)."""
    if isinstance(value, Text):
        return replace(value, values={k: _safe(v) for k, v in value.values.items()})
    if isinstance(value, str):
        return shown(value, 400)
    return value


#: The refusals whose remedy names the unit, when the unit's code is known (``--accept-new-signer HU-A``
#: rather than the placeholder UNIT_CODE of the table above).
UNIT_REASON_TEXTS: dict[str, Callable[[Text, str], Text]] = {
    Reason.NEW_SIGNER: lambda d, u: msg("Gói đầu tiên của đơn vị {detail}; đối chiếu chứng thư số này với đơn vị (qua "
                                        "điện thoại) rồi xác nhận cho riêng đơn vị đó: {where} (dòng lệnh: "
                                        "--accept-new-signer {unit}).",
                                        "First package from {detail}; check this certificate with the unit (by "
                                        "telephone), then accept it for that unit only: {where} (on the command line: "
                                        "--accept-new-signer {unit}).", detail=d, unit=u, where=ACCEPT_IN_WINDOW),
    Reason.SIGNER_CHANGED: lambda d, u: msg("Chứng thư số của người ký khác với chứng thư đã ghi nhận cho đơn vị: "
                                            "{detail}; chỉ nhận khi xác nhận gia hạn: {where} (dòng lệnh: "
                                            "--accept-new-signer {unit}).",
                                            "The signer's certificate differs from the one on record for the unit: "
                                            "{detail}; accept the renewal first: {where} (on the command line: "
                                            "--accept-new-signer {unit}).", detail=d, unit=u, where=ACCEPT_IN_WINDOW),
}


#: The refusals of a form (``catalog install``, the window's Install a form) whose remedy differs from a
#: package's: the form commands have no ``--accept-new-signer``; a publisher's renewed certificate is
#: recorded by revoking the old pin, after which the next install records the new one.
FORM_REASON_TEXTS: dict[str, Callable[[Text, str], Text]] = {
    Reason.SIGNER_CHANGED: lambda d, u: msg(
        "Biểu mẫu được ký bằng chứng thư số khác với chứng thư đã ghi nhận cho {unit}: {detail}; hãy gọi điện cho "
        "{unit} xác nhận chứng thư mới, rồi thu hồi chứng thư cũ (c27desk units unpin --code {unit}, hoặc Tổng hợp → "
        "Đơn vị trực thuộc và chứng thư số → Thu hồi chứng thư đã chọn) và cài lại biểu mẫu: chứng thư mới được ghi "
        "nhận khi cài.",
        "The form is signed with a certificate other than the one on record for {unit}: {detail}; confirm the new "
        "certificate with {unit} by telephone, then revoke the old one (c27desk units unpin --code {unit}, or "
        "Consolidation → Units and certificates → Revoke the selected certificate) and install the form again: the "
        "new certificate is recorded as it installs.", detail=d, unit=u),
}


def reason_text(code: str, detail: Text | str = "", unit: str | None = None, *, form: bool = False) -> Text:
    """The refusal ``code`` said with ``detail`` (a Text in both languages, or a quoted name); with
    ``unit`` (the unit's code, when known) a remedy that names a unit names that one; ``form``: the
    refused file is a published form, whose remedies are the form commands'."""
    said = detail if isinstance(detail, Text) else verbatim(detail)
    if form and unit and code in FORM_REASON_TEXTS:
        return FORM_REASON_TEXTS[code](_safe(said), unit)
    if unit and code in UNIT_REASON_TEXTS:
        return UNIT_REASON_TEXTS[code](_safe(said), unit)
    return REASON_TEXTS[code](_safe(said))


def _as_before(template: str) -> str:
    """The old templates began in lower case: verify.py puts them after a code ("[CODE] a weak …")."""
    return template[:1].lower() + template[1:] if template[:2] != "{d" else template


#: The old (Vietnamese, English) templates, for ``report/verify.py`` until it builds its problems as
#: Texts (m17svc); rendered from the one table above, so the wording cannot drift.
REASONS: dict[str, tuple[str, str]] = {
    code: (_as_before(make(verbatim("{detail}")).render(Lang.VI)), _as_before(make(verbatim("{detail}")).render(Lang.EN)))
    for code, make in REASON_TEXTS.items()}


class Outcome(StrEnum):
    """What became of a received file; a StrEnum so ``import --json`` and the import log keep the
    plain strings they always printed."""

    ACCEPTED = "accepted"
    ALREADY = "already"
    SUPERSEDED = "superseded"
    KEPT_REFUSED = "kept-refused"
    CHECKED = "checked"  # a dry run: valid, nothing written
    REFUSED = "refused"

    @property
    def label(self) -> Text:
        """The outcome as the import list shows it, in capitals to stand out."""
        return _OUTCOME_LABELS[self]


_OUTCOME_LABELS = {
    Outcome.ACCEPTED: msg("ĐÃ NHẬN", "ACCEPTED"),
    Outcome.ALREADY: msg("ĐÃ CÓ", "ALREADY IMPORTED"),
    Outcome.SUPERSEDED: msg("BẢN CŨ (đã có bản mới hơn)", "OLD (a newer revision is held)"),
    Outcome.KEPT_REFUSED: msg("VẪN TỪ CHỐI", "STILL REFUSED"),
    Outcome.CHECKED: msg("HỢP LỆ (chưa ghi)", "VALID (not written)"),
    Outcome.REFUSED: msg("TỪ CHỐI", "REFUSED"),
}


class ImportRefusedError(C27Error):
    """A received file refused for a coded reason; nothing was changed.

    ``text``: the refusal as already worded (a worker process's, carried back), said as it is instead of
    being worded again from ``code`` and ``detail``."""

    def __init__(self, code: str, detail: Text | str = "", *, signer=None, unit: str | None = None,
                 form: bool = False, text: Text | None = None):
        text = text if text is not None else reason_text(code, detail, unit, form=form)
        super().__init__(text, code=code)
        self.detail = text.values["detail"]  # the detail alone, as a Text (quoted names made safe)
        self.signer = signer  # the certificate details of a new or changed signer, for the operator to confirm

    def __reduce__(self):
        """Across a process boundary as its code, words and signer (``Exception`` would rebuild it from
        the English message alone)."""
        return _worded_refusal, (self.code, self.text, self.signer)


def _worded_refusal(code: str, text: Text, signer) -> ImportRefusedError:
    return ImportRefusedError(code, signer=signer, text=text)


def refuse(code: str, detail: Text | str = "", *, signer=None, unit: str | None = None,
           form: bool = False) -> ImportRefusedError:
    """``raise refuse(Reason.X, msg("…", "…", name=…))``: a detail of words is a Text in both languages;
    a bare string is a quoted name (a file, a unit code, a certificate subject) shown as it is. ``unit``:
    the unit concerned, named in the remedy where one names a unit; ``form``: a published form refused
    (its remedy names what the form commands offer)."""
    return ImportRefusedError(code, detail, signer=signer, unit=unit, form=form)
