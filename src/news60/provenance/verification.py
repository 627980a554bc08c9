"""Read a file's content credentials back, from the file alone: is it intact, who signed it and
when a time-stamp authority saw the signature, what it was made from, and who is credited."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from news60.errors import ProvenanceError
from news60.localfiles import open_regular, read_input

UNTRUSTED = "signingCredential.untrusted"  # a failure code that still leaves the state "valid"
UNTRUSTED_REASON = "the signer's CA is not a trust anchor here: add it with --trust CA.pem"
# Offline and from the file alone: no remote manifests, no certificate status lookups.
READ_LOCALLY = {"verify": {"remote_manifest_fetch": False, "ocsp_fetch": False}}
MEDIA_TYPES = {".mp4": "video/mp4", ".mp3": "audio/mpeg"}  # others: c2pa detects from the bytes
PEM_BYTES = 1_000_000  # a CA bundle is a few KB


@dataclass(frozen=True)
class Part:
    """An ingredient: its title, how it was used, its IPTC source type, description and credit."""

    title: str
    relationship: str
    source_type: str = ""
    description: str = ""
    credit: str = ""
    has_credentials: bool = False  # it carries content credentials of its own (a parent clip)


@dataclass(frozen=True)
class Verdict:
    """One file's credentials: state is trusted, valid, invalid or unsigned."""

    file: Path
    state: str
    reason: str = ""
    signer: str = ""
    time_stamp: str = ""  # when an RFC 3161 authority dated the signature ("" without one)
    generator: str = ""
    source_type: str = ""
    actions: tuple[str, ...] = ()
    ingredients: tuple[Part, ...] = ()
    work: Mapping[str, object] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.state in ("trusted", "valid")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"file": str(self.file), "work": dict(self.work)}


def media_files(path: Path) -> list[Path]:
    """A file itself; a version folder's clips and MP3; a story folder's current version's."""
    if not path.is_dir():
        return [path]
    folder = path
    if not _media(folder):
        from news60.stories import load_story

        current = load_story(path).current
        folder = current.folder if current else path
    if not _media(folder):
        raise ProvenanceError(
            f"{path} holds no clip or MP3: give a file, a version folder (v1/) or a story folder"
        )
    return _media(folder)


def _media(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".mp4", ".mp3"))


def verify_file(path: Path, anchors: Sequence[Path] = ()) -> Verdict:
    """Validate `path`'s credentials; `anchors` are CA certificates (PEM) to trust."""
    import c2pa

    settings: dict[str, Any] = dict(READ_LOCALLY)
    if anchors:
        settings["trust"] = {"user_anchors": trust_anchors(anchors)}
    try:
        with (
            open_regular(path) as handle,  # a FIFO given to verify is refused, never waited on
            c2pa.Context.from_dict(settings) as context,
            c2pa.Reader(MEDIA_TYPES.get(path.suffix.lower()), handle, context=context) as reader,
        ):
            report = json.loads(reader.json())
    except (OSError, ValueError) as exc:
        raise ProvenanceError(
            f"{path} cannot be read ({getattr(exc, 'strerror', None) or exc}): "
            "give a clip or MP3 file, or a story or version folder"
        ) from None
    except c2pa.C2paError.ManifestNotFound:
        return Verdict(path, "unsigned", "the file carries no content credentials")
    except c2pa.C2paError.NotSupported:
        return Verdict(path, "unsigned", "not a format that carries content credentials")
    except c2pa.C2paError as exc:
        return Verdict(path, "invalid", f"unreadable content credentials ({exc})")
    return verdict_from_report(path, report)


def trust_anchors(paths: Sequence[Path]) -> str:
    """The PEM certificates of `paths`, checked, as one bundle."""
    from cryptography import x509

    bundle = []
    for path in paths:
        hint = "give the CA's certificate (ca.pem)"
        data = read_input(path, PEM_BYTES, what="--trust", hint=hint, error=ProvenanceError)
        try:
            x509.load_pem_x509_certificates(data)
        except ValueError:
            raise ProvenanceError(
                f"--trust {path} is not a PEM certificate: give the CA's certificate (ca.pem)"
            ) from None
        bundle.append(data.decode("ascii", errors="replace").strip())
    return "\n".join(bundle) + "\n"


def verdict_from_report(path: Path, report: Mapping[str, Any]) -> Verdict:
    """The verdict in c2pa's JSON report of a manifest store."""
    manifest = report["manifests"][report["active_manifest"]]
    state = str(report.get("validation_state") or "invalid").lower()
    actions = _actions(manifest)
    return Verdict(
        file=path,
        state=state,
        reason=_reason(state, report.get("validation_results") or {}),
        signer=_signer(manifest.get("signature_info") or {}),
        time_stamp=str((manifest.get("signature_info") or {}).get("time") or ""),
        generator=_generator(manifest.get("claim_generator_info") or []),
        source_type=next(
            (_short(a["digitalSourceType"]) for a in actions if a.get("digitalSourceType")), ""
        ),
        actions=tuple(_action_line(a) for a in actions),
        ingredients=tuple(_part(i) for i in manifest.get("ingredients") or []),
        work=_story(manifest),
    )


def _reason(state: str, results: Mapping[str, Any]) -> str:
    """Why the file is invalid (every failure but 'untrusted'), or why it is only valid."""
    if state == "trusted":
        return ""
    active = results.get("activeManifest") or {}
    failures = list(active.get("failure") or [])
    for delta in results.get("ingredientDeltas") or []:
        failures += (delta.get("validationDeltas") or {}).get("failure") or []
    broken = [
        f"{f['code']}: {f.get('explanation', '')}" for f in failures if f["code"] != UNTRUSTED
    ]
    if state == "invalid":
        return "; ".join(broken) or "the credentials do not validate"
    return UNTRUSTED_REASON


def _actions(manifest: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    found: list[Mapping[str, Any]] = []
    for assertion in manifest.get("assertions") or []:
        if assertion.get("label", "").startswith("c2pa.actions"):
            found += assertion.get("data", {}).get("actions") or []
    return found


def _action_line(action: Mapping[str, Any]) -> str:
    """'c2pa.created', or 'c2pa.edited: <reason>'."""
    reason = action.get("reason")
    return f"{action['action']}: {reason}" if reason else action["action"]


def _part(ingredient: Mapping[str, Any]) -> Part:
    return Part(
        title=ingredient.get("title", ""),
        relationship=ingredient.get("relationship", ""),
        source_type=_short(ingredient.get("digital_source_type", "")),
        description=ingredient.get("description", ""),
        credit=str((ingredient.get("metadata") or {}).get("credit", "")),
        has_credentials="active_manifest" in ingredient,
    )


def _story(manifest: Mapping[str, Any]) -> dict[str, Any]:
    """Headline, source, publisher, date, authors, contributors, agencies and credit line: from
    the CAWG metadata assertion, or the schema.org CreativeWork of a clip signed before it."""
    data = _assertion(manifest, "cawg.metadata")
    if data:
        work = {
            "headline": data.get("dc:title", ""),
            "url": data.get("dc:source", ""),
            "published": data.get("photoshop:DateCreated", ""),
            "publisher": ", ".join(data.get("dc:publisher") or []),
            "authors": list(data.get("dc:creator") or []),
            "contributors": list(data.get("dc:contributor") or []),
            "agencies": data.get("photoshop:Source", ""),
            "credits": data.get("photoshop:Credit", ""),
        }
    else:
        work = _creative_work(_assertion(manifest, "stds.schema-org.CreativeWork"))
    return {key: value for key, value in work.items() if value}


def _creative_work(data: Mapping[str, Any]) -> dict[str, Any]:
    """The same from the CreativeWork assertion news60 wrote before C2PA 2.x dropped it."""
    return {
        "headline": data.get("headline", ""),
        "url": data.get("url", ""),
        "published": data.get("datePublished", ""),
        "publisher": (data.get("publisher") or {}).get("name", ""),
        "authors": [a.get("name", "") for a in data.get("author") or []],
        "contributors": [c.get("name", "") for c in data.get("contributor") or []],
        "credits": data.get("creditText", ""),
    }


def _assertion(manifest: Mapping[str, Any], label: str) -> Mapping[str, Any]:
    return next(
        (a.get("data", {}) for a in manifest.get("assertions") or [] if a.get("label") == label),
        {},
    )


def _signer(info: Mapping[str, Any]) -> str:
    """'news60 local test signer, issued by news60 local test'."""
    name = info.get("common_name", "")
    issuer = info.get("issuer", "")
    return f"{name}, issued by {issuer}" if issuer else name


def _generator(info: Sequence[Mapping[str, Any]]) -> str:
    return " ".join(filter(None, (info[0].get("name"), info[0].get("version")))) if info else ""


def _short(source_type: str) -> str:
    """'http://cv.iptc.org/newscodes/digitalsourcetype/compositeSynthetic' -> 'compositeSynthetic'."""
    return source_type.rstrip("/").rsplit("/", 1)[-1]
