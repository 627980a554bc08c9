"""C2PA content credentials: every clip and MP3 signed as the last step, and read back.

`sign_outputs` signs a version folder's media; `verify_file` reads one file's credentials;
`make_test_keys` makes a local test CA and signing certificate. c2pa and cryptography are imported
only inside the functions that use them, so importing this package stays instant."""

from news60.provenance.disclosure import disclosure_line, synthetic_voice
from news60.provenance.keys import SigningKey, find_signing_key
from news60.provenance.signing import Credentials, sign_outputs
from news60.provenance.verification import Verdict, verify_file

__all__ = [
    "Credentials",
    "SigningKey",
    "Verdict",
    "disclosure_line",
    "find_signing_key",
    "sign_outputs",
    "synthetic_voice",
    "verify_file",
]
