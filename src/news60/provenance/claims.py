"""What a clip's or MP3's content credentials say, as a c2pa manifest definition (plain data).

A first version is `c2pa.created` from its photos and narration; a corrected version is
`c2pa.opened` from the previous version's file (its `parentOf` ingredient, whose own credentials
travel with it) then `c2pa.edited`, with the reason. Either way the digital source type says whether
the narration is synthetic, and a schema.org CreativeWork names the story and who made it."""

from __future__ import annotations

import mimetypes
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from news60 import __version__
from news60.credits import source_name
from news60.models import Photo
from news60.provenance.disclosure import synthetic_voice
from news60.records.manifest import VersionManifest

DIGITAL_SOURCE_TYPE = "http://cv.iptc.org/newscodes/digitalsourcetype/"
GENERATOR = {"name": "news60", "version": __version__}
PARENT = "parent"  # ingredient labels tie actions to ingredients inside one definition
NARRATION = "narration"
REMADE = "The story made again after it changed; the previous version is the parent ingredient"


@dataclass(frozen=True)
class Ingredient:
    """Something the file was made from: its definition, and its file when there is one to read
    (a photo's or a previous clip's own credentials then travel inside the new manifest)."""

    definition: dict
    path: Path | None = None

    @property
    def mime(self) -> str | None:
        return media_type(self.path) if self.path else None


@dataclass(frozen=True)
class Claim:
    """A manifest definition for c2pa's Builder, and the ingredients it names."""

    definition: dict
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
    labels = [i.definition["label"] for i in components]
    definition = {
        "claim_generator_info": [GENERATOR],
        "title": title,
        "assertions": [
            {
                "label": "c2pa.actions.v2",
                "data": {"actions": actions(voice, labels, parent, reason)},
            },
            {
                "label": "stds.schema-org.CreativeWork",
                "kind": "Json",
                "data": creative_work(manifest),
            },
        ],
    }
    return Claim(definition, tuple(ingredients))


def actions(voice: str, labels: list[str], parent: Path | None, reason: str | None) -> list[dict]:
    """created from the components; or opened from the parent, then edited with the components."""
    made = {
        "digitalSourceType": source_type(voice),
        "softwareAgent": GENERATOR,
        "parameters": {"ingredientIds": labels},
    }
    if parent is None:
        return [{"action": "c2pa.created", **made}]
    why = reason or "corrected version"
    return [
        {"action": "c2pa.opened", "parameters": {"ingredientIds": [PARENT]}},
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
        path = Path(photo.src) if photo.showable else None
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


def creative_work(manifest: VersionManifest) -> dict:
    """schema.org CreativeWork: headline, the source article, its publisher, authors and credits."""
    credits, reporting = manifest.credits, manifest.credits.reporting
    url = manifest.source_url
    work = {"@context": "https://schema.org", "@type": "CreativeWork"}
    fields = {
        "headline": manifest.title,
        "url": url,
        "datePublished": manifest.published,
        "publisher": {"@type": "Organization", "name": source_name(url)} if url else None,
        "author": [{"@type": "Person", "name": n} for n in reporting.authors]
        + [{"@type": "Organization", "name": n} for n in reporting.agencies],
        "contributor": [{"@type": "Person", "name": n} for n in reporting.contributors],
        "creditText": "; ".join(credits.lines),
    }
    return work | {key: value for key, value in fields.items() if value}
