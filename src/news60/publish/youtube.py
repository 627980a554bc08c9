"""YouTube Shorts through google-api-python-client: videos.insert as a resumable upload.

The session is opened with the documented POST (Location = session URI), only after every local
check passed, and saved before any byte is sent; the chunks go through
HttpRequest.next_chunk(num_retries=0), news60 retrying; after a failure the session is asked
`Content-Range: bytes */TOTAL` where it stands. A session YouTube refused for good is cancelled
(DELETE on its URI), so none is left open."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from news60.errors import CredentialsError, PublishError
from news60.publish.channel import Acknowledged, Post, Posted, Progress, Session
from news60.publish.clip import Clip
from news60.publish.metadata import Metadata, shorten, text_with_footer
from news60.publish.retry import Refused, Transient
from news60.settings import PublishSettings

if TYPE_CHECKING:
    import httplib2
    from google.oauth2.credentials import Credentials
    from googleapiclient._apis.youtube.v3 import Video, VideoHttpRequest, YouTubeResource

T = TypeVar("T")

log = logging.getLogger(__name__)

TITLE_CHARS = 100
DESCRIPTION_BYTES = 5000
TAGS_CHARS = 500
CHUNK_UNIT = 256 * 1024  # the resumable protocol takes chunks in multiples of 256 KiB
THUMBNAIL_BYTES = 2 * 1024 * 1024  # thumbnails.set takes a JPEG or PNG up to 2 MB
# Refusals a later run could still get past: the day's quota, and limits that reset.
WAIT_REASONS = ("quotaExceeded", "uploadLimitExceeded", "rateLimitExceeded")
REAUTH = "run `news60 auth youtube --client-secrets client_secret.json` to sign in again"


class YouTube:
    """One YouTube channel, signed in through the saved OAuth token."""

    def __init__(self, settings: PublishSettings) -> None:
        self.settings = settings
        self.config = settings.youtube
        if self.config.chunk_kib * 1024 % CHUNK_UNIT or self.config.chunk_kib <= 0:
            raise PublishError(
                f"[publish.youtube] chunk_kib {self.config.chunk_kib} must be a positive "
                "multiple of 256"
            )
        self._service: YouTubeResource | None = None
        # google-auth's AuthorizedHttp (untyped): every request carries the token
        self._authorized: Any = None
        self._credentials: Credentials | None = None
        self._saved_token: str | None = None

    def payload(self, clip: Clip, metadata: Metadata, privacy: str) -> dict[str, Any]:
        """The video resource sent with videos.insert (part=snippet,status), limits checked."""
        resource = {
            "snippet": {
                "title": title(metadata),
                "description": description(metadata),
                "tags": list(tags(metadata)),
                "categoryId": self.config.category,
                "defaultLanguage": metadata.language,
                "defaultAudioLanguage": metadata.language,
            },
            "status": {
                "privacyStatus": privacy,
                "selfDeclaredMadeForKids": self.config.made_for_kids,
                "containsSyntheticMedia": metadata.synthetic,
            },
        }
        check_limits(resource)
        return resource

    def sign_in(self) -> None:
        """The saved sign-in, refreshed now when it would lapse during this publish."""
        import datetime as dt

        import google_auth_httplib2

        from news60.publish.tokens import REFRESH_AHEAD

        credentials = self._signed_in_credentials()
        expiry = credentials.expiry
        ahead = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(seconds=REFRESH_AHEAD)
        if credentials.token and expiry is not None and expiry > ahead:
            return
        request = google_auth_httplib2.Request(self._authorized.http)
        self._guard(lambda: credentials.refresh(request))

    def cancel(self, post: Post, session: Session) -> None:
        """DELETE on the session URI: YouTube discards what it holds (it answers 499)."""
        response, content = self._call(session.ref, "DELETE", headers={"Content-Length": "0"})
        if response.status not in (204, 404, 410, 499):
            raise _error(response.status, content, "cancelling the upload")

    def start(self, post: Post) -> Session:
        """The documented first step, after the local checks: POST the resource, get the
        session URI in Location."""
        check_thumbnail(post.clip.thumbnail)
        request = self._insert(post)
        assert request.headers is not None  # the client sets the request's headers
        headers = {
            **request.headers,
            "X-Upload-Content-Type": "video/mp4",
            "X-Upload-Content-Length": str(post.clip.size),
        }
        response, content = self._call(request.uri, "POST", body=request.body, headers=headers)
        if response.status == 200 and "location" in response:
            return Session(response["location"])
        raise _error(response.status, content, "opening the upload")

    def send(self, post: Post, session: Session, offset: int, acked: Acknowledged) -> Progress:
        """The chunks from `offset` on; 308 answers acknowledge bytes, the last one the video."""
        request = self._insert(post)
        request.resumable_uri = session.ref
        request.resumable_progress = offset
        video = None
        while video is None:
            status, video = self._guard(lambda: request.next_chunk(num_retries=0))
            if status is not None:
                acked(status.resumable_progress)
        return Progress("posted", post.clip.size, video["id"])

    def status(self, post: Post, session: Session, acknowledged: int = 0) -> Progress:
        """Ask the session where it stands: 308 + Range, 200/201 = done, 404/410 = expired."""
        headers = {"Content-Range": f"bytes */{post.clip.size}", "Content-Length": "0"}
        response, content = self._call(session.ref, "PUT", headers=headers)
        if response.status in (200, 201):
            return Progress("posted", post.clip.size, json.loads(content)["id"])
        if response.status == 308:
            last = response.get("range", "").rpartition("-")[2]
            return Progress("sending", int(last) + 1 if last else 0)
        if response.status in (404, 410):
            return Progress("expired")
        raise _error(response.status, content, "checking the saved upload")

    def finish(self, post: Post, session: Session, progress: Progress) -> Posted:
        """The uploaded video, with the thumbnail set (a failure there is noted, not fatal)."""
        video_id = progress.remote_id or self.status(post, session).remote_id
        if video_id is None:
            raise PublishError("YouTube did not return the video's id: run the command again")
        notes = self._thumbnail(post, video_id)
        return Posted(video_id, f"https://www.youtube.com/shorts/{video_id}", notes)

    def _thumbnail(self, post: Post, video_id: str) -> tuple[str, ...]:
        from googleapiclient.http import MediaFileUpload

        if post.clip.thumbnail is None:
            return ("no thumbnail.jpg in the version folder: YouTube picks a frame",)
        media = MediaFileUpload(str(post.clip.thumbnail), mimetype="image/jpeg")
        request = self._youtube().thumbnails().set(videoId=video_id, media_body=media)
        try:
            self._guard(lambda: request.execute(num_retries=0))
        except (Transient, PublishError) as exc:
            if isinstance(exc, CredentialsError):
                raise
            log.warning("youtube: the thumbnail was not set: %s", exc)
            return (f"thumbnail not set: {exc}",)
        return ()

    def _insert(self, post: Post) -> VideoHttpRequest:
        from googleapiclient.http import MediaFileUpload

        media = MediaFileUpload(
            str(post.clip.path),
            mimetype="video/mp4",
            chunksize=self.config.chunk_kib * 1024,
            resumable=True,
        )
        return (
            self._youtube()
            .videos()
            .insert(part="snippet,status", body=cast("Video", post.request), media_body=media)
        )

    def _youtube(self) -> YouTubeResource:
        """The API client, built from the bundled discovery document pointed at root_url."""
        if self._service is None:
            # google-api-python-client-stubs leave out build_from_document and get_static_doc's types.
            from googleapiclient.discovery import build_from_document  # type: ignore[attr-defined]
            from googleapiclient.discovery_cache import get_static_doc

            document = json.loads(get_static_doc("youtube", "v3"))  # type: ignore[no-untyped-call]
            document["rootUrl"] = self.config.root_url
            self._service = build_from_document(document, http=self._signed_in())
        return self._service

    def _signed_in_credentials(self) -> Credentials:
        """The sign-in the API client uses (signing in first when it has not)."""
        self._youtube()
        assert self._credentials is not None  # _youtube() signs in
        return self._credentials

    def _signed_in(self) -> Any:  # google_auth_httplib2.AuthorizedHttp
        import google_auth_httplib2
        import httplib2

        from news60.publish.credentials import youtube_credentials
        from news60.publish.sendonce import SendOnce

        self._credentials = credentials = youtube_credentials(self.settings)
        self._saved_token = credentials.token
        plain = httplib2.Http(timeout=self.settings.timeout)
        plain.redirect_codes = plain.redirect_codes - {308}  # 308 is "resume incomplete" here
        self._authorized = google_auth_httplib2.AuthorizedHttp(credentials, http=SendOnce(plain))
        return self._authorized

    def _call(self, uri: str, method: str, **kwargs: Any) -> tuple[httplib2.Response, bytes]:
        self._youtube()
        answer: tuple[httplib2.Response, bytes] = self._guard(
            lambda: self._authorized.request(uri, method, **kwargs)
        )
        return answer

    def _guard(self, action: Callable[[], T]) -> T:
        """Run one request; transport failures and 429/5xx become Transient, 401 a re-auth."""
        import httplib2
        from google.auth.exceptions import RefreshError, TransportError
        from googleapiclient.errors import HttpError

        try:
            result = action()
        except RefreshError as exc:
            raise CredentialsError(
                f"YouTube refused the saved sign-in ({_reason(exc)}): {REAUTH}"
            ) from None
        except HttpError as exc:
            raise _error(exc.resp.status, exc.content, "uploading") from None
        except (TransportError, httplib2.HttpLib2Error, OSError) as exc:
            raise Transient(f"connection to YouTube failed ({type(exc).__name__})") from None
        self._save_refreshed()
        return result

    def _save_refreshed(self) -> None:
        """Keep a refreshed access token, so the next run need not refresh again."""
        from news60.publish.credentials import save_youtube

        if self._credentials is not None and self._credentials.token != self._saved_token:
            save_youtube(self.settings, self._credentials)
            self._saved_token = self._credentials.token


def _error(status: int, content: bytes, doing: str) -> PublishError:
    """A YouTube answer as a typed error: retried, re-auth, quota, or a plain refusal."""
    reason = _api_reason(content)
    if status == 429 or status >= 500:
        return Transient(f"YouTube answered {status} {reason}".rstrip())
    if status == 401:
        return CredentialsError(
            f"YouTube refused the sign-in ({reason or 'unauthorized'}): {REAUTH}"
        )
    if reason in WAIT_REASONS:
        return PublishError(
            f"YouTube's upload quota is used up ({reason}): try again after midnight Pacific time"
        )
    return Refused(f"YouTube refused {doing} ({status} {reason})".rstrip())


def _api_reason(content: bytes) -> str:
    try:
        error = json.loads(content or b"{}").get("error", {})
    except ValueError:
        return ""
    details = error.get("errors") or [{}]
    return details[0].get("reason") or error.get("status") or ""


def _reason(exc: Exception) -> str:
    """The OAuth error code only (invalid_grant ...): the rest may quote the request."""
    args: tuple[object, ...] = getattr(exc, "args", ())
    data = args[1] if len(args) > 1 and isinstance(args[1], dict) else {}
    return data.get("error") or "expired or revoked"


def title(metadata: Metadata) -> str:
    """The headline within 100 characters, without the < and > YouTube refuses."""
    clean = metadata.headline.replace("<", "‹").replace(">", "›")
    return shorten(clean, lambda text: len(text) <= TITLE_CHARS)


def description(metadata: Metadata) -> str:
    """Summary, credits, source and disclosure within 5000 bytes, without < and >."""
    text = text_with_footer(metadata, lambda t: len(t.encode()) <= DESCRIPTION_BYTES)
    return text.replace("<", "‹").replace(">", "›")


def tags(metadata: Metadata) -> tuple[str, ...]:
    """Tags within YouTube's 500 characters (a tag with a space counts with its quotes)."""
    kept: list[str] = []
    for tag in metadata.tags:
        if _tags_length([*kept, tag]) <= TAGS_CHARS:
            kept.append(tag)
    return tuple(kept)


def _tags_length(tags: list[str]) -> int:
    return sum(len(t) + (2 if " " in t else 0) for t in tags) + max(len(tags) - 1, 0)


def check_thumbnail(path: Path | None) -> None:
    """Refuse, before the session opens, a thumbnail YouTube would not take."""
    if path is not None and path.stat().st_size > THUMBNAIL_BYTES:
        raise PublishError(
            f"{path.name} is over YouTube's 2 MB for a thumbnail: make the clip again "
            "(news60 writes it smaller) or remove the file to let YouTube pick a frame"
        )


def check_limits(resource: dict[str, Any]) -> None:
    """Refuse metadata YouTube would refuse, before anything is sent."""
    snippet = resource["snippet"]
    problems = []
    if len(snippet["title"]) > TITLE_CHARS or set("<>") & set(snippet["title"]):
        problems.append("the title is over 100 characters or has < >")
    if len(snippet["description"].encode()) > DESCRIPTION_BYTES:
        problems.append("the description is over 5000 bytes")
    if _tags_length(snippet["tags"]) > TAGS_CHARS:
        problems.append("the tags are over 500 characters")
    if problems:
        raise PublishError(f"YouTube would refuse this clip: {'; '.join(problems)}")
