"""TikTok's Content Posting API, direct post: creator_info, video/init (FILE_UPLOAD), chunk PUTs
with Content-Range, then status/fetch until PUBLISH_COMPLETE or FAILED.

By TikTok's Direct Post guidelines: creator_info is read before every post; only the privacy
levels it lists are used; comments, duets and stitches are off unless the producer turns them on,
and stay off when the account has them off; a clip longer than the account may post is refused
before anything is sent; commercial content is disclosed with the label TikTok shows for it."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from news60.errors import CredentialsError, PublishError
from news60.publish.channel import Acknowledged, Post, Posted, Progress, Session
from news60.publish.clip import Clip
from news60.publish.metadata import Metadata, text_with_footer
from news60.publish.rest import Rest, json_body
from news60.settings import PublishSettings

if TYPE_CHECKING:
    import requests

progress_log = logging.getLogger("news60.progress")

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
INTERACTIONS = ("comment", "duet", "stitch")
MUSIC = "By posting, you agree to TikTok's Music Usage Confirmation."
BRANDED_MUSIC = (
    "By posting, you agree to TikTok's Branded Content Policy and Music Usage Confirmation."
)

log = logging.getLogger(__name__)


class TikTok:
    """One TikTok account, through its user access token."""

    def __init__(self, settings: PublishSettings) -> None:
        self.settings = settings
        self.api = settings.tiktok.api_url.rstrip("/")
        if not CHUNK_MIB[0] <= settings.tiktok.chunk_mb <= CHUNK_MIB[1]:
            raise PublishError(
                f"[publish.tiktok] chunk_mb {settings.tiktok.chunk_mb} is out of range: "
                f"use {CHUNK_MIB[0]} to {CHUNK_MIB[1]}"
            )
        unknown = set(settings.tiktok.allow) - set(INTERACTIONS)
        if unknown:  # checked when the channel opens: batch --publish before any story
            raise PublishError(
                f"[publish.tiktok] allow {', '.join(sorted(unknown))} is unknown: "
                f"use {', '.join(INTERACTIONS)}"
            )
        self.rest = Rest("TikTok", settings.timeout)

    def payload(self, clip: Clip, metadata: Metadata, privacy: str) -> dict[str, Any]:
        """video/init's body; privacy and interactions are settled against creator_info when posting."""
        config = self.settings.tiktok
        if config.brand_content and privacy == "private":
            raise PublishError(
                "Branded content visibility cannot be set to private (TikTok's rule): "
                "pass --privacy public or unlisted, or drop --brand-content"
            )
        chunk, count = chunking(clip.size, config.chunk_mb * MIB)
        return {
            "post_info": {
                "title": caption(metadata),
                "privacy_level": LEVELS[privacy][0],
                **{f"disable_{name}": name not in config.allow for name in INTERACTIONS},
                "brand_content_toggle": config.brand_content,
                "brand_organic_toggle": config.brand_organic,
                "is_aigc": metadata.synthetic,
            },
            "source_info": {
                "source": "FILE_UPLOAD",
                "video_size": clip.size,
                "chunk_size": chunk,
                "total_chunk_count": count,
            },
        }

    def sign_in(self) -> None:
        """A token good for the whole publish: refreshed now when it is due."""
        from news60.publish.tokens import fresh_token

        fresh_token(self.settings, "tiktok")

    def cancel(self, post: Post, session: Session) -> None:
        """TikTok has no call to cancel an upload: an unfinished one lapses on its side."""

    def start(self, post: Post) -> Session:
        """creator_info first (privacy, interactions and length checked against it), then video/init."""
        creator = self._api("creator_info/query/", {})
        check_length(post.clip.seconds, creator)
        level = choose_level(post.privacy, creator.get("privacy_level_options") or [])
        info = {**post.request["post_info"], "privacy_level": level, **respected(post, creator)}
        progress_log.info(
            "tiktok: posting to %s (@%s)",
            creator.get("creator_nickname", ""),
            creator.get("creator_username", ""),
        )
        data = self._api("video/init/", {**post.request, "post_info": info})
        details = {**post.request["source_info"], "privacy_level": level}
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

    def _api(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        """One call to the posting API; a token TikTok refuses is refreshed once and the call made again."""
        from news60.publish.tokens import fresh_token

        response = self._call(path, body, fresh_token(self.settings, "tiktok"))
        if response.status_code == 401 and self._refreshable():
            response = self._call(path, body, fresh_token(self.settings, "tiktok", force=True))
        data = json_body(response)
        if response.status_code != 200 or data.get("error", {}).get("code", "ok") != "ok":
            raise self._refusal(response, path.rstrip("/"))
        answer: dict[str, Any] = data.get("data", {})
        return answer

    def _call(self, path: str, body: dict[str, Any], token: str) -> requests.Response:
        return self.rest.call(
            "POST",
            f"{self.api}/v2/post/publish/{path}",
            json=body,
            headers={
                "Authorization": f"Bearer {token}",
                "Content-Type": "application/json; charset=UTF-8",
            },
        )

    def _refreshable(self) -> bool:
        """Whether the sign-in in use is a saved one with a refresh token."""
        from news60.publish.tokens import load_token

        token = load_token(self.settings, "tiktok")
        return token.saved and bool(token.refresh_token)

    def _refusal(self, response: requests.Response, doing: str) -> PublishError:
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


def check_length(seconds: float, creator: dict[str, Any]) -> None:
    """Refuse, before anything is sent, a clip longer than the account may post."""
    limit = creator.get("max_video_post_duration_sec")
    if limit and seconds > float(limit):
        raise PublishError(
            f"the clip is {seconds:.0f} s long and this TikTok account posts at most {limit} s: "
            f"make a shorter clip (--seconds {limit}) and publish that"
        )


def respected(post: Post, creator: dict[str, Any]) -> dict[str, Any]:
    """disable_comment/duet/stitch: what the producer allowed, except what the account has off."""
    info = post.request["post_info"]
    found = {}
    for name in INTERACTIONS:
        off = bool(creator.get(f"{name}_disabled"))
        if off and not info[f"disable_{name}"]:
            log.warning("tiktok: %ss are off in this account's settings: the post has none", name)
        found[f"disable_{name}"] = off or info[f"disable_{name}"]
    return found


def disclosure(post_info: dict[str, Any]) -> list[str]:
    """What TikTok requires the producer be shown before posting: the label, then the consent."""
    lines = []
    if post_info.get("brand_content_toggle"):  # both toggles: TikTok shows "Paid partnership"
        lines.append("Your video will be labeled as 'Paid partnership'.")
    elif post_info.get("brand_organic_toggle"):
        lines.append("Your video will be labeled as 'Promotional content'.")
    lines.append(BRANDED_MUSIC if post_info.get("brand_content_toggle") else MUSIC)
    return lines


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


def _post_id(data: dict[str, Any]) -> str | None:
    ids = data.get("publicaly_available_post_id") or []  # TikTok's own spelling
    return str(ids[0]) if ids else None
