"""A manifest's notes worded for a producer and grouped (setup, photos, voice, publishing, other):
setup notes are about the machine, not the story, so the desk shows them once per page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

GROUPS = {
    "setup": "Setup",
    "photos": "Photos",
    "voice": "Voice",
    "publishing": "Publishing",
    "other": "Other",
}
# "not signed: no signing key (run `news60 keys init` ...)": the same for every story of the machine.
_SETUP = re.compile(r"^not signed\b|signing key|emoji font|content credentials", re.I)
# "photo 'https://…/x.jpg' not shown: …", "photo … could not be read", "… upscaled …".
_PHOTOS = re.compile(r"^photo\b|\bphoto\b.*\b(?:not shown|upscal|could not be read)", re.I)
# "narrated with piper … instead of gtts:en", "… voice …".
_VOICE = re.compile(r"\bvoice\b|\bnarrat", re.I)
# batch --publish: "posted to youtube https://…", "not published to tiktok: …".
_PUBLISHING = re.compile(r"\b(?:published|posted) to\b", re.I)
_URL = re.compile(r"https?://[^\s'\"<>)]+")
URL_CHARS = 48  # a link shown whole up to this; longer ones keep their host and file name


@dataclass(frozen=True)
class Note:
    group: str  # a key of GROUPS
    text: str


def worded(note: str) -> Note:
    """A note in the producer's words: long links shortened, the setup hint said plainly."""
    if _SETUP.search(note):
        return Note("setup", _setup_text(note))
    for group, pattern in (("publishing", _PUBLISHING), ("photos", _PHOTOS), ("voice", _VOICE)):
        if pattern.search(note):
            return Note(group, short_links(note))
    return Note("other", short_links(note))


def grouped(notes: list[str] | tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Story notes by group, each said once, setup notes left out (the page shows them once)."""
    groups: dict[str, list[str]] = {}
    for note in map(worded, notes):
        if note.group != "setup" and note.text not in groups.get(note.group, []):
            groups.setdefault(note.group, []).append(note.text)
    return {GROUPS[g]: tuple(groups[g]) for g in GROUPS if g in groups}


def setup_notes(notes: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The setup notes among `notes`, each once."""
    found = [n.text for n in map(worded, notes) if n.group == "setup"]
    return tuple(dict.fromkeys(found))


def short_links(text: str) -> str:
    """Every long link as host/…/file, so a note never pushes the page wide."""
    return _URL.sub(lambda m: short_link(m.group(0)), text)


def short_link(url: str) -> str:
    """A link kept short enough to read on a phone (a file path is left whole: it wraps)."""
    if len(url) <= URL_CHARS or "://" not in url:
        return url
    parts = urlsplit(url)
    name = parts.path.rstrip("/").rsplit("/", 1)[-1][:32]
    return f"{parts.netloc}/…/{name}" if name else parts.netloc


def _setup_text(note: str) -> str:
    if note.lower().startswith("not signed"):
        return (
            "Clips are not signed with content credentials on this machine: run "
            "`news60 keys init` for a test key, or set [provenance] cert and key."
        )
    return short_links(note)
