"""Instagram Reels through the Graph API: a REELS container with upload_type=resumable, the bytes
POSTed to its upload URI with `offset`/`file_size`, status_code polled until FINISHED, then
media_publish; the 24-hour publishing limit is read before anything is created.

Where an upload stands is the upload server's word (the container's
video_status.uploading_phase.bytes_transferred), never the count news60 sent; after publishing,
the media id and permalink are fetched, and found again from the account's media when a run
stopped right after publishing."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from news60.errors import CredentialsError, PublishError
from news60.publish.channel import Acknowledged, Post, Posted, Progress, Session
from news60.publish.clip import Clip
from news60.publish.metadata import Metadata, text_with_footer
from news60.publish.rest import Rest, json_body
from news60.publish.retry import Transient
from news60.settings import PublishSettings

if TYPE_CHECKING:
    import requests

log = logging.getLogger(__name__)

MIB = 1024 * 1024
CAPTION_CHARS = 2200
EXPIRED_TOKEN = 190  # Graph API: the access token is invalid or expired
RESENDS = 3  # the server keeping fewer bytes than it acknowledged, that many times, is a fault
RECENT_MEDIA = 25  # a Reel published by a stopped run is among the account's latest posts


class Instagram:
    """One Instagram professional account, through its access token."""

    def __init__(self, settings: PublishSettings) -> None:
        self.settings = settings
        self.config = settings.instagram
        self.api = self.config.api_url.rstrip("/")
        self.rest = Rest("Instagram", settings.timeout)

    def payload(self, clip: Clip, metadata: Metadata, privacy: str) -> dict[str, Any]:
        """The container's fields. Reels have no privacy setting: the account's visibility holds."""
        if privacy != "public":
            raise PublishError(
                "Instagram Reels have no private or unlisted setting (a Reel is as visible as "
                "the account): pass --privacy public to post it"
            )
        return {
            "media_type": "REELS",
            "upload_type": "resumable",
            "caption": caption(metadata),
            "share_to_feed": True,
        }

    def sign_in(self) -> None:
        """A token good for the whole publish: a long-lived one a day old is refreshed now."""
        from news60.publish.tokens import fresh_token

        fresh_token(self.settings, "instagram")

    def cancel(self, post: Post, session: Session) -> None:
        """Instagram has no call to cancel: an unpublished container expires after 24 hours."""

    def start(self, post: Post) -> Session:
        """The publishing limit first, then the container and its upload URI."""
        self._check_limit()
        data = self._graph("POST", f"{self._user()}/media", json=post.request)
        return Session(data["id"], data["uri"])

    def send(self, post: Post, session: Session, offset: int, acked: Acknowledged) -> Progress:
        """The bytes from `offset` on; then the server says what it holds, and any gap is sent again."""
        for _ in range(RESENDS):
            self._send_from(post, session, offset, acked)
            where = self.status(post, session)
            if where.state != "sending":
                return where
            log.warning(
                "instagram: the upload server holds %d bytes; sending the rest", where.offset
            )
            acked(where.offset)
            offset = where.offset
        raise Transient(
            f"Instagram's upload server kept fewer bytes than it acknowledged {RESENDS} times"
        )

    def _send_from(self, post: Post, session: Session, offset: int, acked: Acknowledged) -> None:
        """The bytes from `offset` in parts, each POSTed with its offset and acknowledged."""
        part = max(1, self.config.chunk_mb) * MIB
        with post.clip.path.open("rb") as handle:
            while offset < post.clip.size:
                handle.seek(offset)
                data = handle.read(part)
                response = self.rest.call(
                    "POST",
                    session.upload_url,
                    data=data,
                    headers={
                        "Authorization": f"OAuth {self._token()}",
                        "offset": str(offset),
                        "file_size": str(post.clip.size),
                    },
                )
                if not json_body(response).get("success"):
                    raise self._upload_refusal(response)
                offset += len(data)
                acked(offset)

    def status(self, post: Post, session: Session, acknowledged: int = 0) -> Progress:
        """The container's status_code, and the bytes the upload server holds (its word, not ours)."""
        fields = {"fields": "status_code,video_status"}
        container = self._graph("GET", session.ref, params=fields)
        code = container.get("status_code")
        if code == "PUBLISHED":
            return Progress("posted", post.clip.size, session.ref)
        if code in ("EXPIRED", "ERROR"):
            return Progress("expired")
        uploading = (container.get("video_status") or {}).get("uploading_phase") or {}
        held = int(uploading.get("bytes_transferred") or 0)
        if code == "FINISHED" or held >= post.clip.size:
            return Progress("sent", post.clip.size)
        return Progress("sending", held)

    def finish(self, post: Post, session: Session, progress: Progress) -> Posted:
        """Wait for FINISHED, then media_publish; a container already PUBLISHED is not published again."""
        deadline = time.monotonic() + self.settings.poll_seconds
        while True:
            container = self._graph("GET", session.ref, params={"fields": "status_code,status"})
            code = container.get("status_code")
            if code == "PUBLISHED":  # a run that stopped right after publishing
                return self._published_earlier(post, session)
            if code == "FINISHED":
                return self._publish(session)
            if code in ("ERROR", "EXPIRED"):
                raise PublishError(
                    f"Instagram could not process the Reel ({container.get('status') or code})"
                )
            if time.monotonic() > deadline:
                raise PublishError(
                    "Instagram is still processing the Reel: run the command again later"
                )
            time.sleep(self.settings.poll_interval)

    def _publish(self, session: Session) -> Posted:
        media = self._graph(
            "POST", f"{self._user()}/media_publish", json={"creation_id": session.ref}
        )
        link = self._graph("GET", media["id"], params={"fields": "permalink"}).get("permalink")
        return Posted(media["id"], link)

    def _published_earlier(self, post: Post, session: Session) -> Posted:
        """The Reel an earlier run published: found among the account's latest by its caption."""
        fields = {"fields": "id,permalink,caption,timestamp", "limit": RECENT_MEDIA}
        media = self._graph("GET", f"{self._user()}/media", params=fields).get("data") or []
        found = next((m for m in media if m.get("caption") == post.request["caption"]), None)
        if found is None:
            note = "published earlier; not among the account's latest posts, so no link here"
            return Posted(session.ref, None, (note,))
        return Posted(str(found["id"]), found.get("permalink"))

    def _check_limit(self) -> None:
        """Refuse before creating anything when the account's 24-hour publishing limit is used up."""
        fields = {"fields": "config,quota_usage"}
        usage = (
            self._graph("GET", f"{self._user()}/content_publishing_limit", params=fields).get(
                "data"
            )
            or [{}]
        )[0]
        used, total = usage.get("quota_usage", 0), usage.get("config", {}).get("quota_total")
        if total is not None and used >= total:
            raise PublishError(
                f"Instagram's 24-hour publishing limit is reached ({used} of {total} posts): "
                "run the command again tomorrow"
            )

    def _graph(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        response = self.rest.call(
            method,
            f"{self.api}/{path}",
            headers={"Authorization": f"Bearer {self._token()}"},
            **kwargs,
        )
        data = json_body(response)
        if response.status_code != 200 or "error" in data:
            raise self._graph_refusal(response.status_code, data.get("error") or {})
        return data

    def _graph_refusal(self, status: int, error: dict[str, Any]) -> PublishError:
        if error.get("code") == EXPIRED_TOKEN or status == 401:
            return CredentialsError(
                f"Instagram refused the access token (code {error.get('code', status)}): get a new "
                f"one and run `news60 auth instagram`, or set {self.config.token_env}"
            )
        if error.get("is_transient"):
            return Transient(f"Instagram answered {status} ({error.get('message', '')})")
        return PublishError(f"Instagram refused the request ({status}: {error.get('message', '')})")

    def _upload_refusal(self, response: requests.Response) -> PublishError:
        info = json_body(response).get("debug_info", {})
        if info.get("retriable"):
            return Transient(f"Instagram's upload answered {response.status_code}")
        if info.get("type") == "NotAuthorizedError" or response.status_code == 401:
            return self._graph_refusal(401, {})
        return PublishError(
            f"Instagram refused the upload ({info.get('message', response.status_code)})"
        )

    def _user(self) -> str:
        if not self.config.user_id:
            raise PublishError(
                "no Instagram account: set [publish.instagram] user_id in the config"
            )
        return self.config.user_id

    def _token(self) -> str:
        from news60.publish.tokens import fresh_token

        return fresh_token(self.settings, "instagram")


def caption(metadata: Metadata) -> str:
    """Headline, summary, credits, source and disclosure within 2200 characters."""
    head = f"{metadata.headline}\n\n"
    return head + text_with_footer(metadata, lambda text: len(head + text) <= CAPTION_CHARS)
