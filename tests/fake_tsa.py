"""An RFC 3161 time-stamp authority on 127.0.0.1, for the tests: a TimeStampReq in, a TimeStampResp
out whose token is a CMS SignedData over a TSTInfo (the request's message imprint and nonce, the
time), signed by a time-stamping certificate from the authority's own CA.

Built on asn1crypto (the ASN.1 structures) and cryptography (keys, certificates, the signature)."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# The test CA's certificate builders: the same profile (validity, key usage, names) as `keys init`.
from news60.provenance.certificates import _base, _hash, _key_usage, _name

POLICY = "1.3.6.1.4.1.4146.2.3"  # any policy OID will do; the client does not ask for one


class TimeStampAuthority:
    """A running TSA: `url` takes POSTed application/timestamp-query bodies."""

    def __init__(self):
        self.ca_key, self.ca = _ca("news60 test TSA CA")
        self.key, self.cert = _tsa_certificate(self.ca_key, self.ca)
        self.serials = itertools.count(1)
        self.stamped: list[dt.datetime] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/tsa"

    def ca_pem(self) -> bytes:
        from cryptography.hazmat.primitives.serialization import Encoding

        return self.ca.public_bytes(Encoding.PEM)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def respond(self, query: bytes) -> bytes:
        """The TimeStampResp for a DER TimeStampReq."""
        from asn1crypto import tsp

        request = tsp.TimeStampReq.load(query)
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        info = {
            "version": "v1",
            "policy": POLICY,
            "message_imprint": request["message_imprint"],
            "serial_number": next(self.serials),
            "gen_time": now,
        }
        if request["nonce"].native is not None:
            info["nonce"] = request["nonce"]
        self.stamped.append(now)
        token = self._token(tsp.TSTInfo(info).dump(), bool(request["cert_req"].native))
        return tsp.TimeStampResp(
            {"status": {"status": "granted"}, "time_stamp_token": token}
        ).dump()

    def _token(self, content: bytes, with_certificate: bool):
        """CMS SignedData over the TSTInfo, with the signed attributes RFC 3161 asks for."""
        from asn1crypto import cms, core
        from asn1crypto import x509 as asn1_x509
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.hazmat.primitives.serialization import Encoding

        der = self.cert.public_bytes(Encoding.DER)
        certificate = asn1_x509.Certificate.load(der)
        attributes = cms.CMSAttributes(
            [
                {"type": "content_type", "values": ["tst_info"]},
                {"type": "message_digest", "values": [hashlib.sha256(content).digest()]},
                {
                    "type": "signing_certificate_v2",
                    "values": [{"certs": [{"cert_hash": hashlib.sha256(der).digest()}]}],
                },
            ]
        )
        signature = self.key.sign(attributes.dump(), ec.ECDSA(hashes.SHA256()))
        signer = cms.SignerInfo(
            {
                "version": "v1",
                "sid": cms.SignerIdentifier(
                    {
                        "issuer_and_serial_number": {
                            "issuer": certificate.issuer,
                            "serial_number": certificate.serial_number,
                        }
                    }
                ),
                "digest_algorithm": {"algorithm": "sha256"},
                "signed_attrs": attributes,
                "signature_algorithm": {"algorithm": "sha256_ecdsa"},
                "signature": signature,
            }
        )
        signed = {
            "version": "v3",
            "digest_algorithms": [{"algorithm": "sha256"}],
            "encap_content_info": {
                "content_type": "tst_info",
                "content": core.ParsableOctetString(content),
            },
            "signer_infos": [signer],
        }
        if with_certificate:
            signed["certificates"] = [certificate]
        return cms.ContentInfo({"content_type": "signed_data", "content": cms.SignedData(signed)})

    def _handler(self):
        authority = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                query = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                body = authority.respond(query)
                self.send_response(200)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler


def _ca(name: str):
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        _base(key.public_key(), _name(name), 3650)
        .issuer_name(_name(name))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .sign(key, _hash())
    )
    return key, cert


def _tsa_certificate(ca_key, ca):
    """A time-stamping certificate: id-kp-timeStamping as its only, critical, extended key usage."""
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID

    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        _base(key.public_key(), _name("news60 test TSA"), 3650)
        .issuer_name(ca.subject)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(cert_sign=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, _hash())
    )
    return key, cert
