"""Instagram Reels through the Graph API: a REELS container with upload_type=resumable, the bytes
POSTed to its upload URI with `offset`/`file_size`, status_code polled until FINISHED, then
media_publish; the 24-hour publishing limit is read before anything is created."""

from __future__ import annotations

import time

from news60.errors import CredentialsError, PublishError
from news60.publish.channel import Acknowledged, Post, Posted, Progress, Session
from news60.publish.clip import Clip
from news60.publish.metadata import Metadata, text_with_footer
from news60.publish.rest import Rest, json_body
from news60.publish.retry import Transient
from news60.settings import PublishSettings

MIB = 1024 * 1024
CAPTION_CHARS = 2200
EXPIRED_TOKEN = 190  # Graph API: the access token is invalid or expired


class Instagram:
    """One Instagram professional account, through its access token."""

    def __init__(self, settings: PublishSettings):
        self.settings = settings
        self.config = settings.instagram
        self.api = self.config.api_url.rstrip("/")
        self.rest = Rest("Instagram", settings.timeout)

    def payload(self, clip: Clip, metadata: Metadata, privacy: str) -> dict:
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

    def start(self, post: Post) -> Session:
        """The publishing limit first, then the container and its upload URI."""
        self._check_limit()
        data = self._graph("POST", f"{self._user()}/media", json=post.request)
        return Session(data["id"], data["uri"])

    def send(self, post: Post, session: Session, offset: int, acked: Acknowledged) -> Progress:
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
        return Progress("sent", post.clip.size)

    def status(self, post: Post, session: Session, acknowledged: int = 0) -> Progress:
        """The container's status_code; bytes still arriving resume from the ledger's count."""
        code = self._graph("GET", session.ref, params={"fields": "status_code"}).get("status_code")
        if code == "PUBLISHED":
            return Progress("posted", post.clip.size, session.ref)
        if code in ("EXPIRED", "ERROR"):
            return Progress("expired")
        if code == "FINISHED" or acknowledged >= post.clip.size:
            return Progress("sent", post.clip.size)
        return Progress("sending", acknowledged)

    def finish(self, post: Post, session: Session, progress: Progress) -> Posted:
        """Wait for FINISHED, then media_publish; a container already PUBLISHED is not published again."""
        deadline = time.monotonic() + self.settings.poll_seconds
        while True:
            container = self._graph("GET", session.ref, params={"fields": "status_code,status"})
            code = container.get("status_code")
            if code == "PUBLISHED":
                return Posted(
                    session.ref, None, ("published earlier; Instagram gives no id for it here",)
                )
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

    def _graph(self, method: str, path: str, **kwargs) -> dict:
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

    def _graph_refusal(self, status: int, error: dict) -> PublishError:
        if error.get("code") == EXPIRED_TOKEN or status == 401:
            return CredentialsError(
                f"Instagram refused the access token (code {error.get('code', status)}): get a new "
                f"one and run `news60 auth instagram`, or set {self.config.token_env}"
            )
        if error.get("is_transient"):
            return Transient(f"Instagram answered {status} ({error.get('message', '')})")
        return PublishError(f"Instagram refused the request ({status}: {error.get('message', '')})")

    def _upload_refusal(self, response) -> PublishError:
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
        from news60.publish.credentials import access_token

        return access_token(self.settings, "instagram")


def caption(metadata: Metadata) -> str:
    """Headline, summary, credits, source and disclosure within 2200 characters."""
    head = f"{metadata.headline}\n\n"
    return head + text_with_footer(metadata, lambda text: len(head + text) <= CAPTION_CHARS)
