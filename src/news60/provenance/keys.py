"""Which key signs: the newsroom's from settings, else the one `news60 keys init` made."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from news60.errors import ProvenanceError
from news60.settings import ProvenanceSettings

ALGORITHMS = ("ES256", "PS256")
UNTRUSTED_WARNING = (
    'Clips signed with this test key read as "valid, untrusted" outside this machine, and here '
    "too unless verified with `news60 verify --trust {ca}`. For credentials that viewers trust, "
    "set [provenance] cert and key to a certificate from a CA on the C2PA trust list."
)


@dataclass(frozen=True)
class KeyFiles:
    """Where `news60 keys init` keeps its files: the test CA, the signer's chain and its key."""

    folder: Path

    @property
    def ca(self) -> Path:
        return self.folder / "ca.pem"

    @property
    def cert(self) -> Path:
        return self.folder / "signer.pem"

    @property
    def key(self) -> Path:
        return self.folder / "signer-key.pem"


@dataclass(frozen=True)
class SigningKey:
    """A PEM certificate chain (signer first), its private key, and the signature algorithm."""

    cert: Path
    key: Path
    algorithm: str


def key_folder() -> Path:
    """The user's config folder for news60 keys (~/.config/news60/keys on Linux)."""
    from platformdirs import user_config_path

    return user_config_path("news60") / "keys"


def make_test_keys(folder: Path, algorithm: str = "ES256", *, force: bool = False) -> KeyFiles:
    """A new test CA and signing certificate in `folder`, every file readable by its owner only."""
    from news60.atomic import write_private
    from news60.provenance.certificates import make_certificates

    algorithm = _checked_algorithm(algorithm)
    files = KeyFiles(folder)
    existing = [p for p in (files.ca, files.cert, files.key) if p.exists()]
    if existing and not force:
        raise ProvenanceError(
            f"{folder} already holds signing keys: pass --force to replace them "
            "(clips signed with the old ones keep their credentials)"
        )
    ca, chain, key = make_certificates(algorithm)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_private(files.key, key)
    write_private(files.cert, chain)
    write_private(files.ca, ca)
    return files


def find_signing_key(settings: ProvenanceSettings, folder: Path | None = None) -> SigningKey | None:
    """The key to sign with, or None when signing is off or there is no key and none was asked for."""
    if settings.enabled not in (None, True, False):
        raise ProvenanceError(f"[provenance] enabled = {settings.enabled!r}: use true or false")
    if settings.enabled is False:
        return None
    if settings.cert or settings.key:
        cert, key = _configured(settings)
    else:
        files = KeyFiles(folder or key_folder())
        if not (files.cert.is_file() and files.key.is_file()):
            if settings.enabled:
                raise ProvenanceError(
                    "signing is on ([provenance] enabled = true) but there is no key: "
                    "run `news60 keys init`, or set [provenance] cert and key"
                )
            return None
        cert, key = files.cert, files.key
    return SigningKey(cert, key, key_algorithm(key, settings.algorithm))


def _configured(settings: ProvenanceSettings) -> tuple[Path, Path]:
    """The settings' cert and key: both given, both existing files."""
    if not (settings.cert and settings.key):
        raise ProvenanceError(
            "[provenance] needs both cert and key: set the missing one, or remove both "
            "to sign with the key `news60 keys init` makes"
        )
    for name, path in (("cert", settings.cert), ("key", settings.key)):
        if not path.is_file():
            raise ProvenanceError(
                f"[provenance] {name} {path} not found: check the path in the config file"
            )
    return settings.cert, settings.key


def key_algorithm(key: Path, wanted: str | None = None) -> str:
    """ES256 for an EC P-256 key, PS256 for an RSA key; `wanted` must agree with the key."""
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    try:
        private = load_pem_private_key(key.read_bytes(), password=None)
    except (ValueError, TypeError) as exc:
        raise ProvenanceError(
            f"{key} is not an unencrypted PEM private key ({exc}): export it without a password"
        ) from None
    if isinstance(private, rsa.RSAPrivateKey):
        found = "PS256"
    elif isinstance(private, ec.EllipticCurvePrivateKey) and private.curve.name == "secp256r1":
        found = "ES256"
    else:
        raise ProvenanceError(f"{key}: news60 signs with EC P-256 (ES256) or RSA (PS256) keys")
    if wanted and _checked_algorithm(wanted) != found:
        raise ProvenanceError(
            f"[provenance] algorithm {wanted} does not fit {key} (a {found} key): "
            f"set algorithm = {found!r} or leave it unset"
        )
    return found


def _checked_algorithm(name: str) -> str:
    if name.upper() not in ALGORITHMS:
        raise ProvenanceError(f"unknown signing algorithm {name!r}: use ES256 or PS256")
    return name.upper()
