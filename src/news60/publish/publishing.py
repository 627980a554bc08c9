"""Publishing a story's clip to one channel, exactly once: the one entry point for the CLI and batch.

start -> (session saved) -> send -> finish, each step retried; a saved session is resumed from
the byte the platform last acknowledged, never started again while it can still finish."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from news60.errors import PublishError, SettingsError
from news60.publish.channel import PRIVACY, Channel, Post, Progress, Session, open_channel
from news60.publish.clip import load_clip
from news60.publish.ledger import Ledger, Upload, locked, new_upload
from news60.publish.metadata import describe
from news60.publish.retry import Backoff, GaveUp, Refused, retrying
from news60.settings import Settings

log = logging.getLogger(__name__)
progress_log = logging.getLogger("news60.progress")


@dataclass(frozen=True)
class PublishResult:
    """What happened to one story on one channel."""

    channel: str
    story: Path
    version: int | None
    state: str  # "posted", "already posted"
    remote_id: str | None
    url: str | None
    notes: tuple[str, ...] = ()


def prepare(
    story_dir: Path, channel: str, settings: Settings, privacy: str | None, fmt: str | None = None
) -> tuple[Channel, Post]:
    """The channel and exactly what it would send for this story (no network, no credentials)."""
    privacy = privacy or settings.publish.privacy
    if privacy not in PRIVACY:
        raise SettingsError(f"privacy {privacy!r} is unknown: use one of {', '.join(PRIVACY)}")
    clip = load_clip(story_dir, fmt)
    metadata = describe(clip)
    backend = open_channel(channel, settings.publish)
    return backend, Post(channel, clip, metadata, privacy, backend.payload(clip, metadata, privacy))


def sign_in(channels: tuple[str, ...], settings: Settings) -> None:
    """Every channel known and signed in (refreshed when due), before any story is made or sent:
    an unattended `batch --publish` stops at once with the `news60 auth CHANNEL` to run."""
    backoff = Backoff.from_settings(settings.publish)
    for channel in channels:
        backend = open_channel(channel, settings.publish)
        retrying(_signing_in(backend), backoff, f"signing in to {channel}")


def _signing_in(backend: Channel) -> Callable[[int], None]:
    """A retrying step: sign in to `backend` (the attempt number is not needed)."""
    return lambda _attempt: backend.sign_in()


def publish_story(
    story_dir: Path,
    channel: str,
    settings: Settings,
    *,
    privacy: str | None = None,
    fmt: str | None = None,
    force: bool = False,
) -> PublishResult:
    """Post the story's clip to `channel` unless it is there already; resume an open upload."""
    backend, post = prepare(story_dir, channel, settings, privacy, fmt)
    clip = post.clip
    with locked(clip.story) as ledger:
        upload = ledger.find(channel, clip.sha256)
        if upload and upload.posted and not force:
            return _result(post, upload, "already posted")
        if upload is None or upload.posted:
            _check_version(ledger, post, force)
            upload = None
        backoff = Backoff.from_settings(settings.publish)
        retrying(lambda _: backend.sign_in(), backoff, "signing in")  # before any upload starts
        return _Run(backend, post, ledger, backoff).publish(upload)


def _check_version(ledger: Ledger, post: Post, force: bool) -> None:
    """A story's newer version goes out only when asked: by naming its folder, or --force."""
    earlier = [u for u in ledger.posted_to(post.channel) if u.sha256 != post.clip.sha256]
    if not earlier or force or post.clip.named:
        return
    last = earlier[-1]
    posted = f"v{last.version}" if last.version is not None else "an earlier render"
    current = f"v{post.clip.version}" if post.clip.version is not None else "the clip"
    raise PublishError(
        f"{post.channel} already has {posted} of this story ({last.url or last.remote_id}); "
        f"its current version {current} differs: to post it too, name the version "
        f"folder ({post.clip.folder}) or add --force"
    )


class _Run:
    """One publish of one clip: the channel, the post, the retry policy and the ledger it keeps."""

    def __init__(self, backend: Channel, post: Post, ledger: Ledger, backoff: Backoff) -> None:
        self.backend, self.post, self.ledger, self.backoff = backend, post, ledger, backoff

    def save(self, upload: Upload) -> Upload:
        """Write the change to the ledger at once: a killed process loses nothing it learnt."""
        self.ledger = self.ledger.record(upload)
        return upload

    def publish(self, upload: Upload | None) -> PublishResult:
        try:
            upload, session, progress = self.upload(upload)
            posted = retrying(
                lambda _: self.backend.finish(self.post, session, progress),
                self.backoff,
                "finishing the post",
            )
        except GaveUp as exc:
            raise PublishError(_not_posted(self.post, self.ledger, exc)) from exc
        except Refused as exc:
            self.cancel()
            raise Refused(f"{exc}; the upload session was cancelled, nothing was posted") from exc
        done = replace(
            upload, state="posted", remote_id=posted.remote_id, url=posted.url, notes=posted.notes
        )
        progress_log.info("%s: posted %s", self.post.channel, posted.url or posted.remote_id)
        return _result(self.post, self.save(done), "posted")

    def cancel(self) -> None:
        """Close the open session of this clip, which will not be resumed, and record that."""
        upload = self.ledger.find(self.post.channel, self.post.clip.sha256)
        if upload is None or not upload.open:
            return
        try:
            self.backend.cancel(self.post, Session.from_dict(upload.session))
        except PublishError as exc:  # it lapses on the platform's side in time
            log.warning("%s: the upload session could not be cancelled: %s", upload.channel, exc)
        self.save(replace(upload, state="cancelled"))

    def upload(self, upload: Upload | None) -> tuple[Upload, Session, Progress]:
        """All the clip's bytes on the platform; a session that expires midway is replaced once."""
        channel = self.post.channel
        for _ in range(2):
            upload, session, progress = self.resume_or_start(upload)
            if progress.state == "sending":
                progress = self.send(upload, session, progress)
            if progress.state == "sending":
                raise PublishError(f"{channel} stopped acknowledging bytes: run the command again")
            if progress.state != "expired":
                sent = replace(upload, state="sent", acknowledged=self.post.clip.size)
                return self.save(sent), session, progress
            log.warning("%s: the upload session expired while sending; starting anew", channel)
            upload = self.save(replace(upload, state="expired"))
        raise PublishError(
            f"{channel} expired two upload sessions in a row: nothing was posted; try again later"
        )

    def resume_or_start(self, upload: Upload | None) -> tuple[Upload, Session, Progress]:
        """An open upload's session if the platform still has it, else a new one (saved at once)."""
        if upload is not None and upload.open:
            session = Session.from_dict(upload.session)
            progress = retrying(
                lambda _: self.backend.status(self.post, session, upload.acknowledged),
                self.backoff,
                "checking the saved upload",
            )
            if progress.state != "expired":
                log.info(
                    "%s: resuming the saved upload at byte %d", upload.channel, progress.offset
                )
                return upload, session, progress
            self.save(replace(upload, state="expired"))
            log.warning("%s: the saved upload session expired; starting anew", upload.channel)
        session = retrying(
            lambda _: self.backend.start(self.post), self.backoff, "opening the upload"
        )
        return self.save(_started(self.post, session)), session, Progress("sending", 0)

    def send(self, upload: Upload, session: Session, progress: Progress) -> Progress:
        """The bytes, resumed after each failure from what the platform says it has."""
        post, acknowledged = self.post, [upload]

        def acked(offset: int) -> None:
            acknowledged[0] = self.save(replace(acknowledged[0], acknowledged=offset))
            progress_log.info("%s: %d of %d bytes sent", post.channel, offset, post.clip.size)

        def attempt(number: int) -> Progress:
            known = acknowledged[0].acknowledged
            where = progress if number == 1 else self.backend.status(post, session, known)
            if where.state != "sending":
                return where
            if number > 1:
                log.info("%s: resuming from byte %d", post.channel, where.offset)
            return self.backend.send(post, session, where.offset, acked)

        return retrying(attempt, self.backoff, "sending the clip")


def _started(post: Post, session: Session) -> Upload:
    return new_upload(
        channel=post.channel,
        sha256=post.clip.sha256,
        file=str(post.clip.path.relative_to(post.clip.story)),
        version=post.clip.version,
        size=post.clip.size,
        privacy=post.privacy,
        state="started",
        session=session.to_dict(),
    )


def _not_posted(post: Post, ledger: Ledger, exc: Exception) -> str:
    """What was and was not posted when the retries ran out."""
    upload = ledger.find(post.channel, post.clip.sha256)
    sent = upload.acknowledged if upload else 0
    saved = (
        " The upload session is saved: run the same command again to resume it." if upload else ""
    )
    return (
        f"{post.clip.story.name} was NOT posted to {post.channel}: {exc}. "
        f"{sent} of {post.clip.size} bytes were acknowledged.{saved}"
    )


def _result(post: Post, upload: Upload, state: str) -> PublishResult:
    return PublishResult(
        post.channel,
        post.clip.story,
        upload.version,
        state,
        upload.remote_id,
        upload.url,
        upload.notes,
    )
