"""Signatures are judged as ``openssl cms -verify`` would, and each failure says what is wrong.

Certificates are built with ``cryptography`` (as the trial CA is), each breaking one rule; the
package-signature check must answer with that rule's code, not "does not chain to a trusted CA".
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from c27desk.exchange import certs
from c27desk.report.signing import P12Spec, cms_sign_detached
from c27desk.report.verify import verify_cms_detached

NOW = dt.datetime.now(dt.UTC)
_KEYS: dict[int, rsa.RSAPrivateKey] = {}


def key(bits: int = 2048) -> rsa.RSAPrivateKey:
    if bits not in _KEYS:
        _KEYS[bits] = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    return _KEYS[bits]


def name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"), x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def cert(subject: str, issuer: tuple | None, public_key, *, ca: bool = False, path_length: int | None = None,
         before: dt.datetime = NOW - dt.timedelta(days=1), after: dt.datetime = NOW + dt.timedelta(days=365),
         usage: dict | None = None, eku: list | None = None) -> tuple:
    """A certificate and its key; ``issuer`` is (cert, key) or None for self-signed."""
    own_key = public_key
    issuer_cert, issuer_key = issuer if issuer else (None, own_key)
    builder = (x509.CertificateBuilder().subject_name(name(subject))
               .issuer_name(issuer_cert.subject if issuer_cert else name(subject))
               .public_key(own_key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(before).not_valid_after(after)
               .add_extension(x509.BasicConstraints(ca=ca, path_length=path_length if ca else None), critical=True))
    flags = dict(digital_signature=not ca, content_commitment=not ca, key_encipherment=False, data_encipherment=False,
                 key_agreement=False, key_cert_sign=ca, crl_sign=ca, encipher_only=False, decipher_only=False)
    flags.update(usage or {})
    builder = builder.add_extension(x509.KeyUsage(**flags), critical=True)
    if eku is not None:
        builder = builder.add_extension(x509.ExtendedKeyUsage(eku), critical=True)
    return builder.sign(issuer_key, hashes.SHA256()), own_key


def signed(tmp_path: Path, leaf: tuple, chain: list, data: bytes = b"manifest") -> bytes:
    p12 = tmp_path / "signer.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(b"s", leaf[1], leaf[0], chain,
                                                          serialization.BestAvailableEncryption(b"pass")))
    return cms_sign_detached(data, P12Spec(p12, "pass"))


def policy(tmp_path, leaf, chain, root) -> tuple[str, str] | None:
    p7s = signed(tmp_path, leaf, chain)
    roots = [certs.load_pem(root.public_bytes(serialization.Encoding.PEM))]
    result = verify_cms_detached(b"manifest", p7s, roots)
    assert result.valid
    return result.policy


@pytest.fixture(scope="module")
def root():
    return cert("Root CA", None, key(), ca=True, path_length=1)


def test_a_good_chain_passes_the_policy(tmp_path, root):
    leaf = cert("Huyện ủy Biên Hòa", root, key())
    assert policy(tmp_path, leaf, [root[0]], root[0]) is None


@pytest.mark.parametrize(("case", "code"), [
    ("expired", "CERT_EXPIRED"),
    ("not yet valid", "CERT_NOT_YET_VALID"),
    ("1024-bit key", "WEAK_KEY"),
    ("a CA certificate as the signer", "CERT_USAGE"),
    ("no digitalSignature nor nonRepudiation", "CERT_USAGE"),
    ("extended key usage for web servers only", "CERT_USAGE"),
    ("longer chain than the root allows", "CERT_PATH_LENGTH"),
    ("an intermediate that is no CA", "CERT_USAGE"),
])
def test_each_broken_rule_has_its_own_code(tmp_path, root, case, code):
    chain = [root[0]]
    if case == "expired":
        leaf = cert("x", root, key(), before=NOW - dt.timedelta(days=400), after=NOW - dt.timedelta(days=2))
    elif case == "not yet valid":
        leaf = cert("x", root, key(), before=NOW + dt.timedelta(days=30))
    elif case == "1024-bit key":
        leaf = cert("x", root, key(1024))
    elif case == "a CA certificate as the signer":
        leaf = cert("x", root, key(), ca=True, path_length=0, usage={"digital_signature": True})
    elif case == "no digitalSignature nor nonRepudiation":
        leaf = cert("x", root, key(), usage={"digital_signature": False, "content_commitment": False,
                                               "key_encipherment": True})
    elif case == "extended key usage for web servers only":
        leaf = cert("x", root, key(), eku=[ExtendedKeyUsageOID.SERVER_AUTH])
    elif case == "longer chain than the root allows":
        mid1 = cert("Mid 1", root, key(), ca=True, path_length=None)
        mid2 = cert("Mid 2", mid1, key(), ca=True, path_length=None)
        leaf = cert("x", mid2, key())
        chain = [mid2[0], mid1[0], root[0]]
    else:
        mid = cert("Not a CA", root, key())
        leaf = cert("x", mid, key())
        chain = [mid[0], root[0]]
    found = policy(tmp_path, leaf, chain, root[0])
    assert found is not None and found[0] == code, found


def test_document_signing_and_email_protection_usages_are_accepted(tmp_path, root):
    for eku in ([ExtendedKeyUsageOID.EMAIL_PROTECTION], [x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36")]):
        assert policy(tmp_path, cert("x", root, key(), eku=eku), [root[0]], root[0]) is None


def test_a_sha1_signature_is_weak(tmp_path, root):
    from pyhanko.sign.general import load_cert_from_pemder  # noqa: F401 - pyHanko present
    from pyhanko.sign.signers import SimpleSigner

    leaf = cert("x", root, key())
    p12 = tmp_path / "s.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(b"s", leaf[1], leaf[0], [root[0]],
                                                          serialization.BestAvailableEncryption(b"pass")))
    signer = SimpleSigner.load_pkcs12(str(p12), passphrase=b"pass", prefer_pss=False)
    p7s = asyncio.run(signer.async_sign_general_data(b"manifest", "sha1", detached=True)).dump()
    result = verify_cms_detached(b"manifest", p7s, [certs.load_pem(root[0].public_bytes(serialization.Encoding.PEM))])
    assert result.policy is not None and result.policy[0] == "WEAK_ALGORITHM"


def test_certificate_details_name_what_the_operator_checks(root):
    leaf = cert("Huyện ủy Biên Hòa\x1b[2K", root, key())
    d = certs.details(certs.load_pem(leaf[0].public_bytes(serialization.Encoding.PEM)))
    assert "\x1b" not in d.text() and "\\x1b" in d.subject
    assert d.serial == f"{leaf[0].serial_number:X}" and len(d.fingerprint) == 64
    assert d.text("en").count("serial") == 1 and "valid" in d.text("en")
