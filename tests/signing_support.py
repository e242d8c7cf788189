"""Keys for tests: trial .p12 files, a SoftHSM2 token holding a unit key, an NSS database for pdfsig.

The token is what a unit's USB token is to the program: a PKCS#11 module, a token label, a key
label and a PIN. SoftHSM2 reads its configuration once per process, so one token (holding every
test unit's key) serves the whole session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

SOFTHSM_MODULE = Path("/usr/lib/softhsm/libsofthsm2.so")
PASSPHRASE = "thu-nghiem"
TOKEN_LABEL = "c27-token-tinh"
TOKEN_LABEL_2 = "c27-token-huyen"  # not a prefix of the first: pkcs11-tool matches labels by prefix
PIN = "123456"


def need(*tools: str) -> None:
    """Skip when an OS tool is missing, unless CI demands everything (C27DESK_REQUIRE_TOOLS=1)."""
    missing = [t for t in tools if shutil.which(t) is None and not Path(t).exists()]
    if missing:
        if os.environ.get("C27DESK_REQUIRE_TOOLS") == "1":
            pytest.fail(f"required tools missing: {missing}")
        pytest.skip(f"missing tools: {missing}")


@dataclass
class UnitKeys:
    code: str
    name: str
    ca_pem: Path
    p12: Path
    cert_pem: Path
    key_pem: Path

    def p12_spec(self):
        from c27desk.report.signing import P12Spec

        return P12Spec(self.p12, PASSPHRASE)


def make_unit_keys(folder: Path, code: str, name: str) -> UnitKeys:
    """A trial CA with one unit's key; also the key as plain PKCS#8 PEM, for loading onto the token."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    from c27desk.report.trial_keys import make_trial_keys

    keys = make_trial_keys(folder, code, name, PASSPHRASE)
    key, _, _ = pkcs12.load_key_and_certificates(keys.unit_p12.read_bytes(), PASSPHRASE.encode())
    key_pem = folder / f"{code}.key.pem"
    key_pem.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    return UnitKeys(code, name, keys.ca_pem, keys.unit_p12, keys.unit_cert_pem, key_pem)


@dataclass
class Token:
    conf: Path
    module: Path = SOFTHSM_MODULE
    label: str = TOKEN_LABEL
    pin: str = PIN

    def spec(self, key_label: str | None, pin: str | None = None):
        from c27desk.report.signing import Pkcs11Spec

        return Pkcs11Spec(self.module, self.label, key_label, pin or self.pin)

    def load(self, unit: UnitKeys, key_label: str, key_id: str) -> None:
        """Put a unit's key and certificate on the token, as the token issuer would."""
        env = {**os.environ, "SOFTHSM2_CONF": str(self.conf)}
        subprocess.run(["softhsm2-util", "--import", str(unit.key_pem), "--token", self.label, "--label", key_label,
                        "--id", key_id, "--pin", self.pin], check=True, capture_output=True, env=env)
        der = unit.cert_pem.with_suffix(".der")
        subprocess.run(["openssl", "x509", "-in", str(unit.cert_pem), "-outform", "DER", "-out", str(der)],
                       check=True, capture_output=True)
        subprocess.run(["pkcs11-tool", "--module", str(self.module), "--token-label", self.label, "--login",
                        "--pin", self.pin, "--write-object", str(der), "--type", "cert", "--id", key_id,
                        "--label", key_label], check=True, capture_output=True, env=env)


def make_tokens(folder: Path, labels: list[str]) -> list[Token]:
    """Empty tokens, all made before this process first loads the module (SoftHSM2 reads them only then)."""
    need("softhsm2-util", "pkcs11-tool", str(SOFTHSM_MODULE))
    (folder / "tokens").mkdir(parents=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    for label in labels:
        subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", label, "--pin", PIN,
                        "--so-pin", "87654321"], check=True, capture_output=True)
    return [Token(conf, label=label) for label in labels]


def nss_db(folder: Path, ca_pem: Path) -> Path:
    """An NSS database trusting one CA, for poppler's pdfsig."""
    need("certutil", "pdfsig")
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["certutil", "-N", "-d", f"sql:{folder}", "--empty-password"], check=True, capture_output=True)
    subprocess.run(["certutil", "-A", "-d", f"sql:{folder}", "-n", "trial-ca", "-t", "CT,C,C", "-i", str(ca_pem)],
                   check=True, capture_output=True)
    return folder


@dataclass
class PdfsigResult:
    output: str

    @property
    def signature_valid(self) -> bool:
        return "Signature Validation: Signature is Valid." in self.output

    @property
    def certificate_trusted(self) -> bool:
        return "Certificate Validation: Certificate is Trusted." in self.output

    @property
    def whole_document(self) -> bool:
        return "Total document signed" in self.output and "not total document signed" not in self.output

    @property
    def all_good(self) -> bool:
        return self.signature_valid and self.certificate_trusted and self.whole_document


def pdfsig(pdf: Path, nss: Path) -> PdfsigResult:
    run = subprocess.run(["pdfsig", "-nssdir", f"sql:{nss}", str(pdf)], capture_output=True, text=True)
    return PdfsigResult(run.stdout + run.stderr)


def append_revision(pdf: bytes) -> bytes:
    """An incremental update after signing that changes what page 1 shows (a forger's move)."""
    from io import BytesIO

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
    info = writer.trailer["/Info"]
    info["/Title"] = generic.pdf_string("Forged")
    writer.update_container(info)
    page = writer.root["/Pages"]["/Kids"][0]
    page["/Rotate"] = generic.NumberObject(90)
    writer.update_container(page)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def flip_byte(pdf: bytes) -> bytes:
    """One byte changed inside the signed range: in the middle of a page's content stream."""
    at = pdf.index(b"stream\n", len(pdf) // 3) + 40
    return pdf[:at] + bytes([pdf[at] ^ 0x01]) + pdf[at + 1:]
