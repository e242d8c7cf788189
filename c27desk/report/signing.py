"""Digital signatures with the unit's key: a .p12 file or a PKCS#11 token (USB token, SoftHSM).

Two kinds of signature are made here, both by pyHanko so a token behaves exactly like a file:
PAdES (B-B) signatures on the appendix PDF, with a visible stamp in Vietnamese inside the box the
renderer left in the signature block, and detached CMS signatures over an export package's
manifest. The passphrase or PIN lives only as long as the spec object that carries it; nothing
here writes it anywhere.

Failures a user can cause (a wrong passphrase or PIN, a token not plugged in, a module path that
is not a PKCS#11 library) raise ``SigningError`` with a code and a message in both languages.
"""

from __future__ import annotations

import asyncio
import contextlib
import textwrap
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from asn1crypto import pkcs12 as asn1_pkcs12
from asn1crypto import x509 as asn1_x509

from c27desk.errors import C27Error
from c27desk.i18n import msg
from c27desk.store.clock import VN_TIME

FIELD_NAME = "ChuKySo"


class SigningError(C27Error):
    pass


@dataclass(frozen=True)
class P12Spec:
    path: Path
    passphrase: str = field(repr=False)


@dataclass(frozen=True)
class Pkcs11Spec:
    module_path: Path
    token_label: str
    key_label: str | None
    pin: str = field(repr=False)


SignerSpec = P12Spec | Pkcs11Spec


@dataclass(frozen=True)
class StampText:
    """What the visible stamp says besides the time; the signer defaults to the certificate's name."""

    unit: str
    signer: str | None = None


# --- loading the signer -------------------------------------------------------------------------

def _load_p12(spec: P12Spec):
    from pyhanko.sign.signers import SimpleSigner

    from c27desk.fileio import read_file

    try:  # a .p12 is a few kilobytes: a device or a huge file is refused before it is read
        raw = read_file(spec.path, max_bytes=1024 * 1024)
    except C27Error as exc:
        raise SigningError(msg("Không đọc được tệp chứng thư số: {reason}",
                               "Cannot read the certificate file: {reason}",
                               reason=exc.text),
                           code="P12_NOT_FOUND") from exc
    try:  # the outer structure needs no passphrase: it tells a wrong file from a wrong passphrase
        pfx = asn1_pkcs12.Pfx.load(raw)
        if pfx["version"].native != "v3" or pfx["auth_safe"]["content_type"].native != "data":
            raise ValueError("not PKCS#12")
    except Exception as exc:
        raise SigningError(msg("{path} không phải tệp chứng thư số .p12/.pfx.",
                               "{path} is not a .p12/.pfx certificate file.",
                               path=spec.path), code="P12_INVALID") from exc
    try:
        signer = SimpleSigner.load_pkcs12_data(raw, other_certs=None, passphrase=spec.passphrase.encode("utf-8"))
    except ValueError as exc:
        raise SigningError(msg("Mật khẩu tệp chứng thư số không đúng.",
                               "The certificate file's passphrase is wrong."),
                           code="BAD_PASSPHRASE") from exc
    except (TypeError, AttributeError) as exc:  # a .p12 holding certificates but no key
        raise SigningError(msg("{path} không chứa khóa ký và chứng thư số.",
                               "{path} holds no signing key and certificate.",
                               path=spec.path), code="KEY_NOT_FOUND") from exc
    return signer


def _token_error(exc: Exception, spec: Pkcs11Spec) -> SigningError:
    import pkcs11.exceptions as p11e

    if isinstance(exc, p11e.PinIncorrect | p11e.PinInvalid | p11e.PinLenRange):
        return SigningError(msg("Mã PIN của thiết bị ký số không đúng.",
                                "The token PIN is wrong."), code="BAD_PASSPHRASE")
    if isinstance(exc, p11e.PinLocked):
        return SigningError(msg("Thiết bị ký số đã bị khóa PIN; liên hệ nơi cấp thiết bị.",
                                "The token's PIN is locked; contact the issuer."), code="PIN_LOCKED")
    no_token = type(exc) is p11e.PKCS11Error and "token" in str(exc).lower()
    if no_token or isinstance(exc, p11e.TokenNotPresent | p11e.TokenNotRecognised | p11e.DeviceRemoved
                              | p11e.NoSuchToken):
        return SigningError(msg("Không thấy thiết bị ký số “{token_label}”; hãy cắm USB token.",
                                "Token “{token_label}” not found; plug the USB token in.",
                                token_label=spec.token_label), code="TOKEN_NOT_FOUND")
    # the token library's reason is a class name and English words: the log keeps it (raised ``from exc``)
    return SigningError(msg("Thiết bị ký số báo lỗi; hãy rút USB token ra, cắm lại rồi ký lại (chi tiết trong nhật ký).",
                            "The token reported an error; unplug the USB token, plug it in again and sign again "
                            "(details in the log)."),
                        code="TOKEN_ERROR")


def _find_key_id(session, key_label: str | None, spec: Pkcs11Spec) -> tuple[str | None, bytes | None]:
    """The label or id of the signing key: the given label, else the one key that has a certificate."""
    from pkcs11 import Attribute, ObjectClass

    if key_label:
        keys = list(session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.LABEL: key_label}))
        if not keys:
            raise SigningError(msg("Trên thiết bị không có khóa “{key_label}”.",
                                   "The token holds no key labelled “{key_label}”.",
                                   key_label=key_label), code="KEY_NOT_FOUND")
        return key_label, None
    key_ids = {k[Attribute.ID] for k in session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY})}
    cert_ids = {c[Attribute.ID] for c in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE})}
    usable = sorted(key_ids & cert_ids)
    if len(usable) != 1:
        said = (msg("Thiết bị “{token_label}” không có khóa nào kèm chứng thư số; hãy ghi rõ nhãn khóa.",
                    "Token “{token_label}” holds no key with a certificate; give the key label.",
                    token_label=spec.token_label) if not usable else
                msg("Thiết bị “{token_label}” có {n} khóa kèm chứng thư số; hãy ghi rõ nhãn khóa.",
                    "Token “{token_label}” holds {n} key with a certificate; give the key label.",
                    plural="Token “{token_label}” holds {n} keys with certificates; give the key label.",
                    token_label=spec.token_label, n=len(usable)))
        raise SigningError(said, code="KEY_NOT_FOUND")
    return None, usable[0]


@contextlib.contextmanager
def _pkcs11_signer(spec: Pkcs11Spec) -> Iterator[object]:
    import pkcs11.exceptions as p11e
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign.general import SigningError as HankoSigningError
    from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

    module = Path(spec.module_path)
    if not module.is_file():
        raise SigningError(msg("Không thấy thư viện PKCS#11 {module}.",
                               "PKCS#11 module {module} not found.",
                               module=module),
                           code="PKCS11_MODULE")
    try:
        session = open_pkcs11_session(str(module), token_criteria=TokenCriteria(label=spec.token_label),
                                      user_pin=spec.pin)
    except p11e.PKCS11Error as exc:
        if "exception while loading" in str(exc):
            raise SigningError(msg("{module} không phải thư viện PKCS#11 dùng được: {exc}",
                                   "{module} is not a usable PKCS#11 module: {exc}",
                                   module=module, exc=exc), code="PKCS11_MODULE") from exc
        raise _token_error(exc, spec) from exc
    except HankoSigningError as exc:
        raise SigningError(msg("Không thấy thiết bị ký số “{token_label}”; hãy cắm USB token.",
                               "Token “{token_label}” not found; plug the USB token in.",
                               token_label=spec.token_label),
                           code="TOKEN_NOT_FOUND") from exc
    except (OSError, RuntimeError) as exc:
        raise SigningError(msg("{module} không phải thư viện PKCS#11 dùng được: {exc}",
                               "{module} is not a usable PKCS#11 module: {exc}",
                               module=module, exc=exc), code="PKCS11_MODULE") from exc
    try:
        label, key_id = _find_key_id(session, spec.key_label, spec)
        try:
            signer = PKCS11Signer(session, key_label=label, cert_label=label, key_id=key_id, cert_id=key_id)
            signer.signing_cert  # noqa: B018 - loads the certificate now, so a missing one fails here
        except (HankoSigningError, p11e.PKCS11Error) as exc:
            raise SigningError(msg("Trên thiết bị không có chứng thư số đi kèm khóa ký.",
                                   "The token holds no certificate for the signing key."), code="KEY_NOT_FOUND") from exc
        yield signer
    finally:
        with contextlib.suppress(Exception):
            session.close()


@contextlib.contextmanager
def open_signer(spec: SignerSpec) -> Iterator[object]:
    """A pyHanko signer for the spec, with the token session closed afterwards."""
    if isinstance(spec, P12Spec):
        yield _load_p12(spec)
    else:
        with _pkcs11_signer(spec) as signer:
            yield signer


def signer_certificate(spec: SignerSpec) -> asn1_x509.Certificate:
    """The certificate that signs with this spec (asks for the passphrase/PIN like signing does)."""
    with open_signer(spec) as signer:
        return signer.signing_cert


def certificate_name(cert: asn1_x509.Certificate) -> str:
    """The person or body a certificate names: its common name, else the whole subject."""
    from c27desk.model.text import shown

    subject = cert.subject.native
    return shown(subject.get("common_name") or cert.subject.human_friendly)  # outside text, shown safely


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width=width, break_long_words=True)) or text


def stamp_lines(stamp: StampText, signer_name: str, when: datetime) -> str:
    """The stamp's text: signer, unit, time in Vietnam time, each wrapped to the box."""
    local = when.astimezone(VN_TIME)
    text = "\n".join([
        _wrap(f"Ký bởi: {stamp.signer or signer_name}", 44),
        _wrap(f"Đơn vị: {stamp.unit}", 44),
        f"Thời gian ký: {local:%H:%M:%S} ngày {local:%d/%m/%Y} (GMT+7)",
    ])
    return unicodedata.normalize("NFC", text)


# --- signing ------------------------------------------------------------------------------------

def _pdfa_writer(pdf: bytes):
    """An incremental writer whose metadata stays PDF/A-consistent through signing.

    pyHanko appends "; pyHanko x.y" to the Info dictionary's Producer but writes XMP pdf:Producer
    as "pyHanko x.y" alone, and leaves xmp:MetadataDate at its old value: a PDF/A validator then
    finds Info and XMP disagreeing. Nothing may change after signing, so the update that pyHanko
    writes with the signature is made consistent here: one Producer (Info's) in both, one time for
    Info ModDate, xmp:ModifyDate and xmp:MetadataDate."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.metadata import model
    from pyhanko.pdf_utils.metadata.xmp_xml import MetadataStream

    metadata_date = model.ExpandedName(ns=model.NS["xmp"], local_name="MetadataDate")

    class Writer(IncrementalPdfFileWriter):
        def _update_meta(self) -> None:
            super()._update_meta()
            when = datetime.now(UTC).replace(microsecond=0)
            producer = model.VENDOR
            if self._info is not None:
                info = self._info.get_object()
                producer = str(info.get("/Producer", producer))
                info["/ModDate"] = generic.pdf_date(when)
                self.mark_update(self._info)
            stream = self.root.get("/Metadata")
            stream = stream.get_object() if stream is not None else None
            if isinstance(stream, MetadataStream):
                fields = {name: value for root in stream.xmp for name, value in root}
                fields[model.PDF_PRODUCER] = model.XmpValue(producer)
                fields[model.XMP_MODDATE] = model.XmpValue(when.isoformat())
                fields[metadata_date] = model.XmpValue(when.isoformat())
                stream._xmp = [model.XmpStructure(fields)]
                stream._reserialise()
                stream._encoded_data = None
                self.update_container(stream)

    return Writer(BytesIO(pdf), strict=False)


def sign_pdf(pdf: bytes, spec: SignerSpec, *, stamp: StampText, field_box: tuple[float, float, float, float],
             page: int, reason: str = "Phê duyệt báo cáo", location: str = "") -> bytes:
    """A PAdES B-B signature over the whole document, with a visible stamp in ``field_box`` on ``page``."""
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle

    from c27desk.report.stamp_font import stamp_font_file

    with open_signer(spec) as signer:
        name = certificate_name(signer.signing_cert)
        when = datetime.now(UTC)
        style = TextStampStyle(
            stamp_text="%(lines)s",
            text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(stamp_font_file(), font_size=9), leading=12),
            border_width=1,
            # centred in the box with a small margin, shrunk only if a long unit name needs it
            inner_content_layout=layout.SimpleBoxLayoutRule(
                x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID,
                margins=layout.Margins.uniform(5)),
        )
        meta = signers.PdfSignatureMetadata(
            field_name=FIELD_NAME, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
            reason=reason, location=location or None, name=name,
        )
        pdf_signer = signers.PdfSigner(
            meta, signer=signer, stamp_style=style,
            new_field_spec=fields.SigFieldSpec(FIELD_NAME, on_page=page, box=tuple(round(v, 2) for v in field_box)),
        )
        try:
            writer = _pdfa_writer(pdf)
            out = BytesIO()
            pdf_signer.sign_pdf(writer, output=out,
                                appearance_text_params={"lines": stamp_lines(stamp, name, when)})
        except C27Error:
            raise
        except Exception as exc:
            raise _as_signing_error(exc, spec) from exc
        return out.getvalue()


def _as_signing_error(exc: Exception, spec: SignerSpec) -> SigningError:
    try:
        import pkcs11.exceptions as p11e

        if isinstance(exc, p11e.PKCS11Error) and isinstance(spec, Pkcs11Spec):
            return _token_error(exc, spec)
    except ImportError:  # pragma: no cover - python-pkcs11 ships with pyhanko[pkcs11]
        pass
    return SigningError(msg("Ký số không thành công: {exc}",
                            "Signing failed: {exc}",
                            exc=exc), code="SIGNING_FAILED")


def cms_sign_detached(data: bytes, spec: SignerSpec) -> bytes:
    """A detached CMS SignedData (DER) over ``data``; ``openssl cms -verify -binary`` accepts it."""
    with open_signer(spec) as signer:
        try:
            info = asyncio.run(signer.async_sign_general_data(data, "sha256", detached=True))
        except Exception as exc:
            raise _as_signing_error(exc, spec) from exc
        return info.dump()
