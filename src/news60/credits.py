"""Who made what the viewer sees and hears: one credit roll for the card, the MP3, uploads and C2PA.

Photos are credited where they are shown; the photos a source credits but the clip does not show are
recorded (manifest, description) as "credited by the source, not shown", never on the card."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from news60.models import Photo, Reporting, Script
from news60.records.manifest import Credits, NotShown, PhotoCredit

NOT_SHOWN = "credited by the source, not shown"


@dataclass(frozen=True)
class CreditRoll:
    """The reporting credits, the photos on screen, and the photos credited but not shown."""

    reporting: Reporting
    shown: tuple[Photo, ...]
    not_shown: tuple[Photo, ...]
    source_url: str | None = None

    @property
    def photo_credits(self) -> tuple[str, ...]:
        """Each distinct credit of a photo on screen, in order of appearance."""
        return _unique(p.credit for p in self.shown)

    def sections(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The end card: (heading, lines) for reporting, photos shown and the source."""
        found = []
        if self.reporting:
            found.append(("Reporting", reporting_lines(self.reporting)))
        if self.photo_credits:
            found.append(("Photos", merged_credits(self.photo_credits)))
        if self.source_url:
            found.append(("Source", (source_name(self.source_url),)))
        return tuple(found)

    def card_lines(self) -> list[str]:
        """The sections as lines, each heading before its names."""
        return [line for heading, lines in self.sections() for line in (heading, *lines)]

    def spoken(self) -> str:
        """'Reporting: Jane Doe, with Sam Roe and AFP. Photos: PA Images.' for the audio summary."""
        parts = []
        if self.reporting:
            parts.append(f"Reporting: {spoken_reporting(self.reporting)}.")
        agencies = _unique(photo_agency(c) for c in self.photo_credits)
        if agencies:
            parts.append(f"Photos: {joined(list(agencies))}.")
        return " ".join(parts)

    def description_lines(self) -> list[str]:
        """Credit lines for an upload's description: reporting, photos shown, photos not shown."""
        lines = []
        if self.reporting:
            lines.append(f"Reporting: {spoken_reporting(self.reporting)}")
        if self.photo_credits:
            lines.append(f"Photos: {'; '.join(self.photo_credits)}")
        hidden = _unique(p.credit for p in self.not_shown)
        if hidden:
            lines.append(f"Photos credited by the source (not shown): {'; '.join(hidden)}")
        return lines

    def to_manifest(self) -> Credits:
        """The credits as the manifest records them: reporting by role, photos shown, photos not
        shown and why, and the upload's credit lines."""
        return Credits(
            reporting=self.reporting,
            photos=tuple(PhotoCredit(p.credit, p.caption) for p in self.shown),
            not_shown=tuple(
                NotShown(p.credit, p.caption, p.src, p.note or NOT_SHOWN) for p in self.not_shown
            ),
            lines=tuple(self.description_lines()),
        )


def credit_roll(script: Script, shown: Iterable[Photo]) -> CreditRoll:
    """The roll for a clip that shows `shown`: every other photo of the story is credited, not shown."""
    on_screen = tuple(dict.fromkeys(shown))
    seen = {_identity(p) for p in on_screen}
    scene_photos = tuple(s.photo for s in script.scenes if s.photo is not None)
    others = tuple(
        p for p in dict.fromkeys(script.photos + scene_photos) if _identity(p) not in seen
    )
    return CreditRoll(script.reporting, on_screen, others, script.source_url)


def merged_credits(credits: Iterable[str]) -> tuple[str, ...]:
    """One line per organisation for the end card: 'Chang W. Lee/The New York Times' and 'Kirsten
    Luce for The New York Times' become 'Chang W. Lee, Kirsten Luce/The New York Times'; a credit
    given twice (in any case) is shown once."""
    groups: dict[str, list[tuple[str, str, str]]] = {}
    for credit in _unique(credits):
        person, organisation = credit_parts(credit)
        groups.setdefault(" ".join(organisation.casefold().split()), []).append(
            (credit, person, organisation)
        )
    lines = []
    for members in groups.values():
        people = list(dict.fromkeys(p for _, p, _ in members if p))
        if len(members) == 1 or not people:
            lines.append(members[0][0])
        else:
            lines.append(f"{', '.join(people)}/{members[0][2]}")
    return _unique(lines)


def credit_parts(credit: str) -> tuple[str, str]:
    """(photographer, organisation) of a photo credit; either may be ""."""
    text = re.sub(r"^\W*(©|\(c\))?\s*", "", credit.strip(), flags=re.I)
    text = re.sub(r"^(photos?( by)?|photograph|image|credit)\s*:?\s*", "", text, flags=re.I)
    # "AP Photo/Jeffrey T. Barnes": AP's style puts the agency before the photographer.
    wire = re.match(
        r"^(?P<agency>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)?) Photos?\s*/\s*(?P<who>.+)$", text
    )
    if wire:
        return wire["who"].split(",")[0].strip(), wire["agency"]
    for separator in (" via ", "/", " for "):
        if separator in text:
            person, organisation = text.split(separator, 1)
            return person.strip(" .;,"), organisation.strip(" .;,")
    return "", text.strip(" .;,")


def reporting_lines(reporting: Reporting) -> tuple[str, ...]:
    """Authors, then 'with' contributors, then agencies and partners: one line each for the end
    card."""
    lines = list(reporting.authors)
    if reporting.contributors:
        lines.append(f"with {joined(list(reporting.contributors))}")
    lines.extend(organisations(reporting))
    return tuple(lines)


def organisations(reporting: Reporting) -> tuple[str, ...]:
    """The agencies and partner outlets credited, each once."""
    return tuple(dict.fromkeys(reporting.agencies + reporting.partners))


def spoken_reporting(reporting: Reporting) -> str:
    """'Jane Doe, with Sam Roe and AFP', 'AFP' or 'Jane Doe and AFP'."""
    outlets = list(organisations(reporting))
    head = joined(list(reporting.authors) or outlets)
    rest = list(reporting.contributors) + (outlets if reporting.authors else [])
    if not rest:
        return head
    if not head:
        return joined(rest)
    return (
        f"{head}, with {joined(rest)}" if reporting.contributors else f"{head} and {joined(rest)}"
    )


def photo_agency(credit: str) -> str:
    """The organisation in a photo credit: 'Susan Walsh via PA Images' -> 'PA Images'."""
    text = re.sub(r"^\W*(©|\(c\))?\s*", "", credit.strip(), flags=re.I)
    text = re.sub(r"^(photos?( by)?|photograph|image|credit)\s*:?\s*", "", text, flags=re.I)
    # "AP Photo/Alan Diaz, File": AP's style puts the agency before the photographer.
    wire = re.match(r"^(?P<agency>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)?) Photos?\s*/", text)
    if wire:
        return wire["agency"]
    for separator in (" via ", "/", " for "):
        if separator in text:
            text = text.rsplit(separator, 1)[1]
    # "PA IMages": copy-pasted credits with stray capitals.
    text = re.sub(r"\b([A-Z])([A-Z])([a-z]+)", lambda m: m[1] + m[2].lower() + m[3], text)
    return text.strip(" .;,")


def source_name(url: str) -> str:
    """A source link as people say it: 'https://www.thejournal.ie/x' -> 'thejournal.ie'."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def joined(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _identity(photo: Photo) -> tuple[str, str]:
    """Photos are the same picture when caption and credit match (a download changes only src)."""
    return (photo.caption, photo.credit) if photo.caption or photo.credit else (photo.src or "", "")


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    """Each value once, in order; values differing only in case or spacing are the same."""
    seen: dict[str, str] = {}
    for value in values:
        if value:
            seen.setdefault(" ".join(value.casefold().split()), value)
    return tuple(seen.values())
