"""What a clip's or MP3's content credentials say, as a c2pa manifest definition (plain data).

A first version is `c2pa.created`, then each component (the narration, every photo on screen)
`c2pa.placed`; a corrected version is `c2pa.opened` from the previous version's file (its
`parentOf` ingredient, whose own credentials travel with it), the components placed, then
`c2pa.edited` with the reason. Either way the digital source type says whether the narration is
synthetic. Who made the story and who is credited travel as C2PA 2.x expects them, in a CAWG
metadata assertion (`cawg.metadata`, JSON-LD with Dublin Core, IPTC and Photoshop terms; the
schema.org CreativeWork assertion is gone from C2PA 2.x), and its credit line names only what
the file shows."""

from __future__ import annotations

import mimetypes
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from news60 import __version__
from news60.credits import source_name, spoken_reporting
from news60.models import Photo, Reporting
from news60.provenance.disclosure import synthetic_voice
from news60.records.manifest import VersionManifest

DIGITAL_SOURCE_TYPE = "http://cv.iptc.org/newscodes/digitalsourcetype/"
GENERATOR = {"name": "news60", "version": __version__}
PARENT = "parent"  # ingredient labels tie actions to ingredients inside one definition
NARRATION = "narration"
REMADE = "The story made again after it changed; the previous version is the parent ingredient"
METADATA = "cawg.metadata"
# The namespaces of the CAWG metadata assertion's JSON-LD, as XMP names them.
NAMESPACES = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "Iptc4xmpExt": "http://iptc.org/std/Iptc4xmpExt/2008-02-29/",
}


@dataclass(frozen=True)
class Ingredient:
    """Something the file was made from: its definition, and its file when there is one to read
    (a photo's or a previous clip's own credentials then travel inside the new manifest)."""

    definition: dict[str, Any]
    path: Path | None = None

    @property
    def mime(self) -> str | None:
        return media_type(self.path) if self.path else None


@dataclass(frozen=True)
class Claim:
    """A manifest definition for c2pa's Builder, and the ingredients it names."""

    definition: dict[str, Any]
    ingredients: tuple[Ingredient, ...]


def media_type(path: Path) -> str | None:
    """'video/mp4', 'audio/mpeg', 'image/jpeg' ... from the file name."""
    return mimetypes.guess_type(path.name)[0]


def source_type(voice: str) -> str:
    """Photos and cards with a synthetic voice are a synthetic composite; with a person's, a capture."""
    kind = "compositeSynthetic" if synthetic_voice(voice) else "compositeCapture"
    return DIGITAL_SOURCE_TYPE + kind


def build_claim(
    title: str,
    manifest: VersionManifest,
    *,
    photos: Sequence[Photo] = (),
    parent: Path | None = None,
    reason: str | None = None,
) -> Claim:
    """The claim for the file `title` of the version `manifest` describes."""
    voice = manifest.voice
    components = [narration_ingredient(voice), *photo_ingredients(photos)]
    ingredients = ([parent_ingredient(parent, reason)] if parent else []) + components
    definition = {
        "claim_generator_info": [GENERATOR],
        "title": title,
        "assertions": [
            {
                "label": "c2pa.actions.v2",
                "data": {"actions": actions(voice, components, parent, reason)},
            },
            {"label": METADATA, "kind": "Json", "data": story_metadata(manifest, photos)},
        ],
    }
    return Claim(definition, tuple(ingredients))


def actions(
    voice: str, components: Sequence[Ingredient], parent: Path | None, reason: str | None
) -> list[dict[str, Any]]:
    """created, or opened from the parent; each component placed; a correction then edited."""
    made = {"digitalSourceType": source_type(voice), "softwareAgent": GENERATOR}
    placed = [
        {
            "action": "c2pa.placed",
            "description": f"{component.definition['title']} placed in the file",
            "parameters": {"ingredientIds": [component.definition["label"]]},
        }
        for component in components
    ]
    if parent is None:
        return [{"action": "c2pa.created", **made}, *placed]
    why = reason or "corrected version"
    return [
        {"action": "c2pa.opened", "parameters": {"ingredientIds": [PARENT]}},
        *placed,
        {"action": "c2pa.edited", "reason": why, "description": REMADE, **made},
    ]


def narration_ingredient(voice: str) -> Ingredient:
    """The narration: trained algorithmic media when a synthetic voice spoke it."""
    synthetic = synthetic_voice(voice)
    kind = "trainedAlgorithmicMedia" if synthetic else "digitalCapture"
    return Ingredient(
        {
            "title": f"narration ({voice})",
            "format": "audio/wav",
            "relationship": "componentOf",
            "label": NARRATION,
            "description": f"Spoken by {'the synthetic voice ' if synthetic else ''}{voice}",
            "digital_source_type": DIGITAL_SOURCE_TYPE + kind,
        }
    )


def photo_ingredients(photos: Sequence[Photo]) -> list[Ingredient]:
    """Each photo on screen with its caption and credit; its file is read when it is local."""
    found = []
    for index, photo in enumerate(dict.fromkeys(photos)):
        path = Path(photo.src) if photo.showable and photo.src else None  # (showable: has a path)
        definition = {
            "title": path.name if path else (photo.caption or f"photo {index + 1}"),
            "relationship": "componentOf",
            "label": f"photo-{index}",
            "description": photo.caption,
            "metadata": {"credit": photo.credit},
        }
        found.append(Ingredient(definition, path if path and path.is_file() else None))
    return found


def parent_ingredient(parent: Path, reason: str | None) -> Ingredient:
    """The previous version's file, named by its version folder: 'v1/clip.mp4'."""
    definition = {
        "title": f"{parent.parent.name}/{parent.name}",
        "relationship": "parentOf",
        "label": PARENT,
        "description": f"The previous version ({reason})" if reason else "The previous version",
    }
    return Ingredient(definition, parent)


def story_metadata(manifest: VersionManifest, photos: Sequence[Photo] = ()) -> dict[str, Any]:
    """The CAWG metadata assertion: headline, source, publisher, date, authors, contributors,
    agencies, the source type, and the credit line for what the file shows."""
    reporting = manifest.credits.reporting
    url = manifest.source_url
    fields = {
        "dc:title": manifest.title,
        "dc:source": url,
        "dc:publisher": [source_name(url)] if url else None,
        "dc:creator": list(reporting.authors),
        "dc:contributor": list(reporting.contributors),
        "photoshop:Source": "; ".join(reporting.agencies + reporting.partners),
        "photoshop:DateCreated": manifest.published,
        "photoshop:Credit": credit_line(reporting, photos),
        "Iptc4xmpExt:DigitalSourceType": source_type(manifest.voice),
    }
    return {"@context": NAMESPACES} | {key: value for key, value in fields.items() if value}


def credit_line(reporting: Reporting, photos: Sequence[Photo]) -> str:
    """'Reporting: Jane Doe, with Sam Roe and AFP; Photos: Jane Lens/AP': the reporting, and the
    photos in this file only (an MP3 shows none; photos the source credits but the clip leaves
    out are not named)."""
    parts = [f"Reporting: {spoken_reporting(reporting)}"] if reporting else []
    shown = list(dict.fromkeys(p.credit for p in photos if p.credit))
    if shown:
        parts.append(f"Photos: {'; '.join(shown)}")
    return "; ".join(parts)
