"""One Protocol for every platform (start, send, finish, status) and the table that picks one.

A channel's module is imported only when it is used: googleapiclient and requests stay out of
`news60 --help`."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from news60.errors import PublishError
from news60.publish.clip import Clip
from news60.publish.metadata import Metadata
from news60.settings import PublishSettings

PRIVACY = ("private", "unlisted", "public")


@dataclass(frozen=True)
class Post:
    """One clip going to one channel: the metadata exactly as that platform takes it."""

    channel: str
    clip: Clip
    metadata: Metadata
    privacy: str
    request: dict[str, Any]  # the platform's own metadata fields (what --dry-run prints)


@dataclass(frozen=True)
class Session:
    """An upload the platform has opened: saved in the ledger as soon as it exists."""

    ref: str  # YouTube's session URI, TikTok's publish_id, Instagram's container id
    upload_url: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"ref": self.ref, "upload_url": self.upload_url, "details": self.details}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Session:
        return cls(data["ref"], data.get("upload_url", ""), dict(data.get("details") or {}))


@dataclass(frozen=True)
class Progress:
    """Where an upload stands on the platform's side."""

    state: str  # "sending" (from `offset`), "sent" (all bytes in), "posted", "expired"
    offset: int = 0
    remote_id: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Posted:
    """A finished post: the platform's id and a link to it."""

    remote_id: str
    url: str | None
    notes: tuple[str, ...] = ()


Acknowledged = Callable[[int], None]  # told each byte count the platform confirms


class Channel(Protocol):
    """A platform's upload, step by step; every step may be retried or resumed."""

    def payload(self, clip: Clip, metadata: Metadata, privacy: str) -> dict[str, Any]:
        """The platform's metadata fields for this clip (no network, no credentials)."""

    def sign_in(self) -> None:
        """Make the sign-in last the whole publish (refresh it when due), before any upload;
        one that cannot be refreshed is a CredentialsError naming `news60 auth CHANNEL`."""

    def start(self, post: Post) -> Session:
        """Open the upload; no byte of the clip is sent yet."""

    def send(self, post: Post, session: Session, offset: int, acked: Acknowledged) -> Progress:
        """Send the clip's bytes from `offset` on."""

    def finish(self, post: Post, session: Session, progress: Progress) -> Posted:
        """Turn the uploaded bytes into a post (processing, publishing, thumbnail)."""

    def status(self, post: Post, session: Session, acknowledged: int) -> Progress:
        """Ask the platform where a saved session stands (`acknowledged`: the ledger's count)."""

    def cancel(self, post: Post, session: Session) -> None:
        """Close a session that will not be resumed (a platform without a way lets it lapse)."""


CHANNELS = {
    "youtube": "news60.publish.youtube:YouTube",
    "tiktok": "news60.publish.tiktok:TikTok",
    "instagram": "news60.publish.instagram:Instagram",
}


def open_channel(name: str, settings: PublishSettings) -> Channel:
    """The channel called `name`, built from the settings (credentials are read when needed)."""
    if name not in CHANNELS:
        raise PublishError(f"unknown channel {name!r}: use one of {', '.join(CHANNELS)}")
    module, cls = CHANNELS[name].split(":")
    channel: Channel = getattr(importlib.import_module(module), cls)(settings)
    return channel
