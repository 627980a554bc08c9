"""TikTok's Content Posting API, direct post: creator_info, video/init (FILE_UPLOAD), chunk PUTs
with Content-Range, then status/fetch until PUBLISH_COMPLETE or FAILED."""

from __future__ import annotations

import time

from news60.errors import CredentialsError, PublishError
from news60.publish.channel import Acknowledged, Post, Posted, Progress, Session
from news60.publish.clip import Clip
from news60.publish.metadata import Metadata, text_with_footer
from news60.publish.rest import Rest, json_body
from news60.settings import PublishSettings

MIB = 1024 * 1024
# Chunks of 5 to 64 MB: MiB from 5 (>= 5 MB) to 60 (< 64 MB) hold whichever unit TikTok means.
CHUNK_MIB = (5, 60)
CAPTION_UNITS = 2200  # TikTok counts a title's length in UTF-16 code units
# Our privacy names to TikTok's levels, most to least preferred; only offered ones are used.
LEVELS = {
    "private": ("SELF_ONLY",),
    "unlisted": ("FOLLOWER_OF_CREATOR", "MUTUAL_FOLLOW_FRIENDS"),
    "public": ("PUBLIC_TO_EVERYONE",),
}
UNAUDITED = "unaudited_client_can_only_post_to_private_accounts"
DONE = "PUBLISH_COMPLETE"


class TikTok:
    """One TikTok account, through its user access token."""

    def __init__(self, settings: PublishSettings):
        self.settings = settings
        self.api = settings.tiktok.api_url.rstrip("/")
        if not CHUNK_MIB[0] <= settings.tiktok.chunk_mb <= CHUNK_MIB[1]:
            raise PublishError(
                f"[publish.tiktok] chunk_mb {settings.tiktok.chunk_mb} is out of range: "
                f"use {CHUNK_MIB[0]} to {CHUNK_MIB[1]}"
            )
        self.rest = Rest("TikTok", settings.timeout)

    def payload(self, clip: Clip, metadata: Metadata, privacy: str) -> dict:
        """video/init's body; privacy_level is confirmed against creator_info when posting."""
        chunk, count = chunking(clip.size, self.settings.tiktok.chunk_mb * MIB)
        return {
            "post_info": {
                "title": caption(metadata),
                "privacy_level": LEVELS[privacy][0],
                "disable_comment": False,
                "disable_duet": False,
                "disable_stitch": False,
                "is_aigc": metadata.synthetic,
            },
            "source_info": {
                "source": "FILE_UPLOAD",
                "video_size": clip.size,
                "chunk_size": chunk,
                "total_chunk_count": count,
            },
        }

    def start(self, post: Post) -> Session:
        """creator_info first (privacy only from its options), then video/init."""
        creator = self._api("creator_info/query/", {})
        level = choose_level(post.privacy, creator.get("privacy_level_options") or [])
        body = {**post.request, "post_info": {**post.request["post_info"], "privacy_level": level}}
        data = self._api("video/init/", body)
        details = {**body["source_info"], "privacy_level": level}
        details["username"] = creator.get("creator_username", "")
        return Session(data["publish_id"], data["upload_url"], details)

    def send(self, post: Post, session: Session, offset: int, acked: Acknowledged) -> Progress:
        """The chunks in order from the one holding `offset`; 206 acknowledges, 201 ends."""
        chunk, count = session.details["chunk_size"], session.details["total_chunk_count"]
        with post.clip.path.open("rb") as handle:
            for index in range(min(offset // chunk, count - 1), count):
                first = index * chunk
                last = post.clip.size - 1 if index == count - 1 else first + chunk - 1
                handle.seek(first)
                response = self.rest.call(
                    "PUT",
                    session.upload_url,
                    data=handle.read(last - first + 1),
                    headers={
                        "Content-Type": "video/mp4",
                        "Content-Range": f"bytes {first}-{last}/{post.clip.size}",
                    },
                )
                if response.status_code not in (201, 206):
                    raise self._refusal(response, "the upload")
                acked(last + 1)
        return Progress("sent", post.clip.size)

    def status(self, post: Post, session: Session, acknowledged: int = 0) -> Progress:
        """status/fetch: bytes TikTok holds while uploading; FAILED means start again."""
        data = self._api("status/fetch/", {"publish_id": session.ref})
        state = data.get("status")
        if state == "PROCESSING_UPLOAD":
            chunk = session.details["chunk_size"]
            return Progress("sending", int(data.get("uploaded_bytes") or 0) // chunk * chunk)
        if state == "FAILED":
            return Progress("expired")
        if state == DONE:
            return Progress("posted", post.clip.size, _post_id(data))
        return Progress("sent", post.clip.size)

    def finish(self, post: Post, session: Session, progress: Progress) -> Posted:
        """Poll status/fetch until PUBLISH_COMPLETE; FAILED stops with TikTok's reason."""
        deadline = time.monotonic() + self.settings.poll_seconds
        while True:
            data = self._api("status/fetch/", {"publish_id": session.ref})
            if data.get("status") == DONE:
                return self._posted(session, _post_id(data))
            if data.get("status") == "FAILED":
                raise PublishError(
                    f"TikTok could not post the clip ({data.get('fail_reason') or 'no reason given'})"
                )
            if time.monotonic() > deadline:
                raise PublishError(
                    f"TikTok is still processing the clip after {self.settings.poll_seconds:.0f} s: "
                    "run the command again later to check on it"
                )
            time.sleep(self.settings.poll_interval)

    def _posted(self, session: Session, post_id: str | None) -> Posted:
        user = session.details.get("username")
        if post_id and user:
            return Posted(post_id, f"https://www.tiktok.com/@{user}/video/{post_id}")
        note = "posted privately: TikTok gives no public link (publish_id kept as the id)"
        return Posted(post_id or session.ref, None, () if post_id else (note,))

    def _api(self, path: str, body: dict) -> dict:
        from news60.publish.credentials import access_token

        token = access_token(self.settings, "tiktok")
        response = self.rest.call(
            "POST",
            f"{self.api}/v2/post/publish/{path}",
            json=body,
            headers={
                "Authorization": f"Bearer {token}",
                "Content-Type": "application/json; charset=UTF-8",
            },
        )
        data = json_body(response)
        if response.status_code != 200 or data.get("error", {}).get("code", "ok") != "ok":
            raise self._refusal(response, path.rstrip("/"))
        return data.get("data", {})

    def _refusal(self, response, doing: str) -> PublishError:
        """TikTok's error code as a typed error that says what to do."""
        error = json_body(response).get("error", {})
        code = error.get("code") or str(response.status_code)
        if response.status_code == 401 or code in ("access_token_invalid", "scope_not_authorized"):
            return CredentialsError(
                f"TikTok refused the access token ({code}): get a new one (scope video.publish) "
                f"and run `news60 auth tiktok`, or set {self.settings.tiktok.token_env}"
            )
        if code == UNAUDITED:
            return PublishError(
                "TikTok has not audited this app yet: until it passes TikTok's audit it may post "
                "only to a private account, with --privacy private; make the account private, "
                "or apply for the audit in the TikTok developer portal"
            )
        if code.startswith("spam_risk"):
            return PublishError(f"TikTok refused the post for now ({code}): try again tomorrow")
        return PublishError(f"TikTok refused {doing} ({code}: {error.get('message', '')})")


def chunking(size: int, chunk: int) -> tuple[int, int]:
    """(chunk_size, total_chunk_count): one chunk under 5 MB, else floor(size / chunk) chunks."""
    if size < CHUNK_MIB[0] * MIB or size <= chunk:
        return size, 1
    return chunk, size // chunk


def choose_level(privacy: str, options: list[str]) -> str:
    """The first level for `privacy` that the creator is offered; never a more public one."""
    for level in LEVELS[privacy]:
        if level in options:
            return level
    raise PublishError(
        f"TikTok does not offer {privacy} posting for this account (it offers "
        f"{', '.join(options) or 'nothing'}): choose another --privacy"
    )


def caption(metadata: Metadata) -> str:
    """Headline, summary, credits, source and disclosure within 2200 UTF-16 units."""
    body = text_with_footer(
        metadata, lambda t: _units(f"{metadata.headline}\n\n{t}") <= CAPTION_UNITS
    )
    return f"{metadata.headline}\n\n{body}"


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _post_id(data: dict) -> str | None:
    ids = data.get("publicaly_available_post_id") or []  # TikTok's own spelling
    return str(ids[0]) if ids else None
