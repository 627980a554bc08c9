"""A local test CA and a signing certificate the C2PA validator accepts, for `news60 keys init`.

The validator rejects a self-signed signing certificate and a TLS-only one: the signer needs an
issuer, an authority key identifier, the digitalSignature key usage (critical) and the
emailProtection extended key usage. Clips signed this way verify as valid but untrusted anywhere
the test CA is not given as a trust anchor."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes

    Key = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey

CA_DAYS = 3650
SIGNER_DAYS = 730
RSA_BITS = 3072  # PS256: the validator wants at least 2048 bits
ORGANISATION = "news60 local test"


def make_certificates(
    algorithm: str, signer_days: float = SIGNER_DAYS
) -> tuple[bytes, bytes, bytes]:
    """(CA certificate, signer certificate then CA, signer key), all PEM, for ES256 or PS256; the
    signer's certificate lapses after `signer_days` (a fraction of a day: tests of expiry)."""
    from cryptography.hazmat.primitives import serialization

    ca_key, signer_key = _new_key(algorithm), _new_key(algorithm)
    ca = _ca_certificate(ca_key)
    signer = _signer_certificate(signer_key, ca, ca_key, signer_days)
    pem = serialization.Encoding.PEM
    key_pem = signer_key.private_bytes(
        pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return ca.public_bytes(pem), signer.public_bytes(pem) + ca.public_bytes(pem), key_pem


def _new_key(algorithm: str) -> Key:
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    if algorithm == "PS256":
        return rsa.generate_private_key(public_exponent=65537, key_size=RSA_BITS)
    return ec.generate_private_key(ec.SECP256R1())


def _ca_certificate(key: Key) -> x509.Certificate:
    from cryptography import x509

    builder = _base(key.public_key(), _name("news60 local test CA"), CA_DAYS)
    return (
        builder.issuer_name(_name("news60 local test CA"))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .sign(key, _hash())
    )


def _signer_certificate(
    key: Key, ca: x509.Certificate, ca_key: Key, days: float
) -> x509.Certificate:
    from cryptography import x509
    from cryptography.x509.oid import ExtendedKeyUsageOID

    builder = _base(key.public_key(), _name("news60 local test signer"), days)
    authority = x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key())
    return (
        builder.issuer_name(ca.subject)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(cert_sign=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), False)
        .add_extension(authority, critical=False)
        .sign(ca_key, _hash())
    )


def _base(
    public_key: CertificatePublicKeyTypes, subject: x509.Name, days: float
) -> x509.CertificateBuilder:
    """A v3 certificate for `subject`, valid from five minutes ago (clock skew) for `days`."""
    from cryptography import x509

    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
    )


def _key_usage(*, cert_sign: bool) -> x509.KeyUsage:
    """A CA signs certificates; the signer signs manifests (digitalSignature) and nothing else."""
    from cryptography import x509

    return x509.KeyUsage(
        digital_signature=not cert_sign,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


def _name(common_name: str) -> x509.Name:
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION),
        ]
    )


def _hash() -> hashes.SHA256:
    from cryptography.hazmat.primitives import hashes

    return hashes.SHA256()
