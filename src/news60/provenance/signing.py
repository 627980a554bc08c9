"""Sign a version folder's clips and MP3 in place: the last step before the folder is published.

A remux or re-encode strips a manifest, so nothing may touch the files after this. Each file is
signed into a temporary name and renamed over the unsigned one, so a failed signature never leaves
a file that looks finished. The manifest goes after the MP4's file header: fast start is kept."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from news60.atomic import writing
from news60.errors import ProvenanceError
from news60.models import Photo
from news60.provenance.claims import Claim, build_claim, media_type
from news60.provenance.keys import SigningKey, find_signing_key
from news60.provenance.verification import READ_LOCALLY
from news60.records.manifest import VersionManifest
from news60.settings import ProvenanceSettings

if TYPE_CHECKING:
    import c2pa

progress = logging.getLogger("news60.progress")

SIGNED = {".mp4", ".mp3"}  # every clip format and the audio summary
SHOWS_PHOTOS = {".mp4"}  # the MP3 is made from the narration alone
NO_KEY = "not signed: no signing key (run `news60 keys init`, or set [provenance] cert and key)"
SWITCHED_OFF = "not signed: [provenance] enabled = false"
NO_TIME_STAMP = (
    "signed without a trusted time-stamp: the credentials stop verifying when the signing "
    "certificate expires; set [provenance] tsa_url to an RFC 3161 time-stamp authority"
)


@dataclass(frozen=True)
class Credentials:
    """What signing did: who signed, each signed file's manifest size, and notes for the producer."""

    signer: str | None
    manifest_bytes: Mapping[str, int] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def to_manifest(self) -> dict[str, Any]:
        return {"signer": self.signer, "manifest_bytes": dict(self.manifest_bytes)}


def sign_outputs(
    files: Mapping[str, Path],
    manifest: VersionManifest,
    settings: ProvenanceSettings,
    *,
    photos: Sequence[Photo] = (),
    previous: Path | None = None,
    reason: str | None = None,
) -> Credentials:
    """Sign every MP4 and MP3 in `files`; with `previous` (the last version's folder), each file's
    namesake there is its parent. Without a key, nothing is signed and a note says so."""
    key = find_signing_key(settings)
    if key is None:
        return Credentials(None, notes=(SWITCHED_OFF if settings.enabled is False else NO_KEY,))
    media = {name: path for name, path in files.items() if path.suffix.lower() in SIGNED}
    sizes = {}
    with open_signer(key, settings.tsa_url) as signer:
        for name, path in media.items():
            progress.info("signing %s", path.name)
            claim = claim_for(path, manifest, photos, previous, reason)
            sizes[name] = sign_file(path, claim, signer)
    notes = () if settings.tsa_url else (NO_TIME_STAMP,)
    return Credentials(signer_name(key.cert), sizes, notes)


def claim_for(
    path: Path,
    manifest: VersionManifest,
    photos: Sequence[Photo],
    previous: Path | None,
    reason: str | None,
) -> Claim:
    """The claim for one file: photos only in a clip; a parent when the last version has one."""
    parent = previous / path.name if previous else None
    return build_claim(
        path.name,
        manifest,
        photos=photos if path.suffix.lower() in SHOWS_PHOTOS else (),
        parent=parent if parent and parent.is_file() else None,
        reason=reason,
    )


def sign_file(path: Path, claim: Claim, signer: c2pa.Signer) -> int:
    """Embed the signed claim in `path`; a failure leaves the file as it was. Returns the manifest's size."""
    import c2pa

    attached = [i for i in claim.ingredients if i.path and i.mime in _readable()]
    listed = [i.definition for i in claim.ingredients if i not in attached]
    definition = {**claim.definition, "ingredients": listed}
    try:
        with (
            c2pa.Context.from_dict(_builder_settings()) as context,
            c2pa.Builder(definition, context=context) as builder,
        ):
            for ingredient in attached:
                assert ingredient.path is not None  # attached: the ingredients with a file
                with ingredient.path.open("rb") as stream:
                    builder.add_ingredient(ingredient.definition, ingredient.mime, stream)
            with writing(path) as partial, path.open("rb") as source, partial.open("w+b") as dest:
                manifest = builder.sign(signer, media_type(path), source, dest)
    except c2pa.C2paError as exc:
        raise ProvenanceError(
            f"cannot sign {path.name} ({exc}): check [provenance] cert, key and tsa_url (the "
            "time-stamp authority must answer), or make a test key with `news60 keys init`"
        ) from exc
    return len(manifest)


@contextmanager
def open_signer(key: SigningKey, tsa_url: str = "") -> Iterator[c2pa.Signer]:
    """A c2pa signer for `key`, whose signatures the time-stamp authority at `tsa_url` dates
    (RFC 3161); an unusable certificate or key is named with the fix."""
    import c2pa

    if tsa_url and not tsa_url.startswith(("http://", "https://")):
        raise ProvenanceError(
            f"[provenance] tsa_url {tsa_url!r} is not an http(s) address: give the time-stamp "
            "authority's URL, or remove it to sign without a time-stamp"
        )
    info = c2pa.C2paSignerInfo(
        key.algorithm.lower(), key.cert.read_bytes(), key.key.read_bytes(), tsa_url or None
    )
    try:
        signer = c2pa.Signer.from_info(info)
    except c2pa.C2paError as exc:
        raise ProvenanceError(
            f"cannot sign with {key.cert} and {key.key} ({exc}): they must be a PEM certificate "
            "chain and its private key; `news60 keys init` makes a test pair"
        ) from exc
    with signer:
        yield signer


def signer_name(cert: Path) -> str:
    """'news60 local test signer (news60 local test)': the certificate's name and organisation."""
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    subject = x509.load_pem_x509_certificates(cert.read_bytes())[0].subject
    common = subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    organisation = subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    # (A CN or O value is text; str() is what formatting did.)
    name = str(common[0].value) if common else subject.rfc4514_string()
    return f"{name} ({organisation[0].value!s})" if organisation else name


def _builder_settings() -> dict[str, Any]:
    """No thumbnails (a clip's credentials stay a few kilobytes); read ingredients locally."""
    return {"builder": {"thumbnail": {"enabled": False}}, **READ_LOCALLY}


def _readable() -> set[str]:
    """The formats c2pa can hash as an ingredient (JPEG, PNG, WebP, MP4 ...)."""
    import c2pa

    return set(c2pa.Builder.get_supported_mime_types())
