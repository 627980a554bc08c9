"""One frozen settings tree, loaded once at the edge (defaults, news60.toml, flags) and passed down."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from news60.errors import SettingsError
from news60.models import KINDS
from news60.tomlfile import read_toml

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ArticleSettings:
    allow_private: bool = False  # fetch from private, loopback and link-local addresses
    timeout: float = 15.0  # seconds an HTTP request may stay silent
    deadline: float = 60.0  # seconds for a whole page or photo, however slowly it arrives
    max_bytes: int = 20_000_000  # largest page or photo accepted
    max_pixels: int = 80_000_000  # largest photo accepted (width x height), checked before decoding
    cache_bytes: int = (
        500_000_000  # downloaded photos kept per story (.photos/), oldest removed first
    )
    cache_days: float = 30.0  # downloaded photos older than this are removed
    max_redirects: int = 5
    photos: Path | None = None  # a folder of photos to use besides (and before) the article's own
    base: Path | None = None  # a folder manifests may name files in, besides their own folder
    skip_missing_photos: bool = False  # make the clip without a named photo that cannot be shown


@dataclass(frozen=True)
class ScriptSettings:
    summariser: str = "extractive"  # "extractive", "transformers:<model>" or "openai:<base-url>"
    seconds: float = 60.0  # length of the clip; the narration is fitted inside it
    sentences: int | None = None  # pick exactly this many sentences instead of fitting to time
    strict: bool = False  # fail instead of falling back when an abstractive script is unfaithful
    model: str = ""  # model name for an OpenAI-compatible endpoint
    api_key_env: str = "OPENAI_API_KEY"
    tense: str = "said"  # reporting verbs: "said" keeps the article's past, "says" the present


@dataclass(frozen=True)
class VoiceSettings:
    name: str = "piper:en_US-joe-medium"
    rate: float = 1.0  # speaking rate; >1 is faster, capped at 1.05 by the fitter
    fallback: str | None = None  # voice to use when `name` cannot speak here
    cache_bytes: int = 1_000_000_000  # spoken sentences kept, least recently used removed first


@dataclass(frozen=True)
class VideoSettings:
    formats: tuple[str, ...] = (
        "9:16",
    )  # "9:16", "1:1", "16:9", "4:5": one clip each, one narration
    width: int | None = None  # width and height together: one clip of this custom size instead
    height: int | None = None
    fps: int = 30
    theme: Path | None = None  # a theme TOML; None is assets/themes/default.toml
    music: str | None = None  # "none", a file, or None for the theme's bed
    preset: str = "veryfast"  # x264 preset
    # Frame-drawing and x264 threads; None: this process's share of the cores.
    threads: int | None = None


@dataclass(frozen=True)
class BulletinSettings:
    stories: int = 5  # stories in a bulletin, the first N in the editor's order
    title: str = ""  # the bulletin's name in players and its sign-off; "" is the theme's tagline
    loudness: float = -14.0  # the audio briefing's LUFS: -14 as platforms play, -16 for podcasts
    max_age: float = 48.0  # hours before the bulletin's date a story may be from; 0: any age
    allow_old: tuple[str, ...] = ()  # stories (file or URL) aired however old or undated
    include: tuple[str, ...] = ()  # kinds aired besides news, labelled: "opinion", "review" ...


@dataclass(frozen=True)
class YouTubeSettings:
    root_url: str = (
        "https://youtube.googleapis.com/"  # the API's discovery rootUrl (tests: a local server)
    )
    token_uri: str = "https://oauth2.googleapis.com/token"  # where sign-ins are refreshed
    chunk_kib: int = 8192  # resumable upload chunk; a multiple of 256 KiB, as the protocol requires
    category: str = "25"  # News & Politics
    made_for_kids: bool = False  # status.selfDeclaredMadeForKids, always sent
    auth_port: int = 8765  # loopback port of `news60 auth youtube` (forward it over SSH)


@dataclass(frozen=True)
class TikTokSettings:
    api_url: str = "https://open.tiktokapis.com"
    token: str = ""  # an access token here, or in the environment variable below
    token_env: str = "TIKTOK_ACCESS_TOKEN"
    chunk_mb: int = 10  # upload chunk, 5 to 64 MB as TikTok requires (a file under 5 MB goes whole)
    # What viewers may do with a post ("comment", "duet", "stitch"): none unless the producer turns
    # them on, as TikTok's Direct Post guidelines require; an account's own "off" always wins.
    allow: tuple[str, ...] = ()
    brand_content: bool = False  # promotes a third party for something of value: "Paid partnership"
    brand_organic: bool = False  # promotes the newsroom's own business: "Promotional content"
    client_key: str = ""  # the app's client key, to refresh a sign-in kept by `news60 auth tiktok`
    client_secret_env: str = "TIKTOK_CLIENT_SECRET"  # where `news60 auth tiktok` finds the secret


@dataclass(frozen=True)
class InstagramSettings:
    api_url: str = "https://graph.facebook.com/v21.0"
    user_id: str = ""  # the Instagram professional account's id
    token: str = ""  # an access token here, or in the environment variable below
    token_env: str = "INSTAGRAM_ACCESS_TOKEN"
    chunk_mb: int = 8  # bytes sent per request to the upload URI; each one is acknowledged
    # Where a long-lived token is refreshed (Instagram's ig_refresh_token grant); 60 days each time.
    refresh_url: str = "https://graph.instagram.com/refresh_access_token"


@dataclass(frozen=True)
class PublishSettings:
    privacy: str = "private"  # "private", "unlisted" or "public"
    config_dir: Path | None = None  # where sign-ins are kept; None is the user's config folder
    timeout: float = 60.0  # seconds a request may wait for the platform
    retry_attempts: int = 6  # tries of one step on 429, 5xx or a dropped connection
    retry_delay: float = 2.0  # first wait; doubled each try, with jitter
    retry_max_delay: float = 60.0
    retry_seconds: float = 900.0  # total time one step may spend retrying
    poll_interval: float = 5.0  # seconds between processing-status checks
    poll_seconds: float = 900.0  # how long to wait for a platform to process a clip
    youtube: YouTubeSettings = field(default_factory=YouTubeSettings)
    tiktok: TikTokSettings = field(default_factory=TikTokSettings)
    instagram: InstagramSettings = field(default_factory=InstagramSettings)


@dataclass(frozen=True)
class ProvenanceSettings:
    enabled: bool | None = None  # None: sign once a key exists (settings or `news60 keys init`)
    cert: Path | None = None  # PEM chain: the signing certificate, then its issuers
    key: Path | None = None  # PEM private key of the signing certificate
    algorithm: str | None = None  # "ES256" or "PS256"; None: from the key (EC P-256 or RSA)
    # An RFC 3161 time-stamp authority: a signature it dates keeps verifying after the signing
    # certificate expires. "" signs without one (the manifest's notes say so).
    tsa_url: str = ""


@dataclass(frozen=True)
class Settings:
    article: ArticleSettings = field(default_factory=ArticleSettings)
    script: ScriptSettings = field(default_factory=ScriptSettings)
    voice: VoiceSettings = field(default_factory=VoiceSettings)
    video: VideoSettings = field(default_factory=VideoSettings)
    bulletin: BulletinSettings = field(default_factory=BulletinSettings)
    publish: PublishSettings = field(default_factory=PublishSettings)
    provenance: ProvenanceSettings = field(default_factory=ProvenanceSettings)
    out: Path = Path("output")
    wait: float = 600.0  # seconds a job waits for another job making the same story, then gives up


def load_settings(config: Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then a TOML file, then per-section overrides such as video={"fps": 10}."""
    settings = Settings()
    if config is not None:
        settings = _merge(
            settings,
            read_toml(config, "config file", SettingsError, "check the --config path"),
            str(config),
        )
    return validate(_merge(settings, overrides, "command line"))


def with_overrides(settings: Settings, origin: str, **overrides: Any) -> Settings:
    """A copy of loaded settings with per-section overrides (a batch manifest's row), checked."""
    return validate(_merge(settings, overrides, origin))


# Limits a newsroom's clips live within; each check says why and what to give instead.
SECONDS = (15.0, 180.0)  # under 15 s there is no story to tell; platforms cut Shorts/Reels at 3 min
PLATFORM_SECONDS = 60.0  # YouTube Shorts and some Reels placements expect a minute at most
FPS = (10, 60)  # below 10 motion stutters; above 60 no platform shows the frames
MAX_SIDE = 4096  # no platform takes a larger frame, and memory grows with the square
STORIES = (2, 12)  # a bulletin is at least two stories; past a dozen none gets time to be told
LOUDNESS = (-24.0, -9.0)  # EBU R128 broadcast (-23) to the loudest streaming targets
MAX_AGE = 24.0 * 366  # hours: a year's stories is an archive, not a bulletin (0 lifts the limit)
PRESETS = frozenset(
    [
        "ultrafast",
        "superfast",
        "veryfast",
        "faster",
        "fast",
        "medium",
        "slow",
        "slower",
        "veryslow",
        "placebo",
    ]
)


TENSES = ("said", "says")  # the house tense of reporting verbs


def validate(settings: Settings) -> Settings:
    """Refuse settings no clip can be made with, before any work; warn on odd but possible ones."""
    _check_seconds(settings.script.seconds)
    video = settings.video
    if not isinstance(video.fps, int) or not FPS[0] <= video.fps <= FPS[1]:
        raise SettingsError(
            f"fps {video.fps} is out of range: use {FPS[0]} to {FPS[1]} (30 is usual)"
        )
    if (video.width is None) != (video.height is None):
        raise SettingsError("give both video width and height (e.g. --size 1080x1920), or neither")
    if video.width is not None and video.height is not None:  # both or neither, checked above
        _check_size(video.width, video.height)
    if video.preset not in PRESETS:
        raise SettingsError(
            f"x264 preset {video.preset!r} is unknown: use one of {', '.join(sorted(PRESETS))}"
        )
    if video.threads is not None and not 1 <= video.threads <= 64:
        raise SettingsError(f"threads {video.threads} is out of range: use 1 to 64")
    if settings.script.tense not in TENSES:
        raise SettingsError(
            f'script tense {settings.script.tense!r} is unknown: use "said" (the article\'s past) '
            'or "says" (the present, as radio news writes attributions)'
        )
    if settings.script.sentences is not None and not 1 <= settings.script.sentences <= 50:
        raise SettingsError(f"--sentences {settings.script.sentences} is out of range: use 1 to 50")
    _check_bulletin(settings.bulletin)
    if not 0 <= settings.wait <= 86_400:
        raise SettingsError(f"wait {settings.wait:g} is out of range: use 0 to 86400 seconds")
    article = settings.article
    if not 0 < article.timeout <= 600 or article.max_bytes <= 0 or article.max_redirects < 0:
        raise SettingsError("article timeout, max_bytes and max_redirects must be positive numbers")
    return settings


def _check_seconds(seconds: float) -> None:
    low, high = SECONDS
    if not isinstance(seconds, int | float) or not low <= seconds <= high:  # NaN fails both
        raise SettingsError(
            f"--seconds {seconds} is out of range: use {low:g} to {high:g} (60 for Shorts and Reels)"
        )
    if seconds > PLATFORM_SECONDS:
        log.warning(
            "a %g s clip is longer than YouTube Shorts and some Reels placements take (60 s)",
            seconds,
        )


def _check_bulletin(bulletin: BulletinSettings) -> None:
    if not isinstance(bulletin.stories, int) or not STORIES[0] <= bulletin.stories <= STORIES[1]:
        raise SettingsError(
            f"--stories {bulletin.stories} is out of range: use {STORIES[0]} to {STORIES[1]} (5 is usual)"
        )
    if not LOUDNESS[0] <= bulletin.loudness <= LOUDNESS[1]:
        raise SettingsError(
            f"--lufs {bulletin.loudness:g} is out of range: use -14 (platforms) or -16 (podcasts)"
        )
    if not 0 <= bulletin.max_age <= MAX_AGE:
        raise SettingsError(
            f"--max-age {bulletin.max_age:g} h is out of range: use 0 (any age) to {MAX_AGE:g} h"
        )
    unknown = [k for k in bulletin.include if k not in KINDS[1:]]
    if unknown:
        raise SettingsError(
            f"--include {', '.join(unknown)} is not a kind of story: use {', '.join(KINDS[1:])}"
        )


def _check_size(width: int, height: int) -> None:
    for side in (width, height):
        if not 16 <= side <= MAX_SIDE or side % 2:
            raise SettingsError(
                f"frame size {width}x{height} is not possible: each side must be even, "
                f"16 to {MAX_SIDE} pixels (e.g. --size 1080x1920)"
            )


def _merge(obj: Any, values: dict[str, Any], origin: str) -> Any:
    """Return a copy of the dataclass `obj` with `values` applied, checking every name."""
    known = {f.name: f for f in fields(obj)}
    changes: dict[str, Any] = {}
    for name, value in values.items():
        if value is None:
            continue
        if name not in known:
            raise SettingsError(
                f"unknown setting {name!r} in {origin}; known: {', '.join(sorted(known))}"
            )
        current = getattr(obj, name)
        if is_dataclass(current):
            if not isinstance(value, dict):
                raise SettingsError(f"setting {name!r} in {origin} must be a table")
            changes[name] = _merge(current, value, origin)
        else:
            # Postponed annotations: a field's type is its source text ("Path | None").
            changes[name] = _value(name, str(known[name].type), value, origin)
    return replace(obj, **changes)


def _value(name: str, annotation: str, value: Any, origin: str) -> Any:
    """`value` for a setting declared as `annotation` ("Path | None", "tuple[str, ...]" ...),
    once it is of that kind; TOML arrays become tuples, paths become Path."""
    kinds = {part.strip() for part in annotation.split("|")} - {"None"}
    if any(kind.startswith("tuple") for kind in kinds):
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise SettingsError(
                f"setting {name!r} in {origin} must be a list of strings, not {value!r:.80}"
            )
        return tuple(value)  # TOML arrays; the settings tree stays immutable
    if "Path" in kinds:
        if not isinstance(value, str | Path) or "\x00" in str(value) or not str(value).strip():
            raise SettingsError(
                f"setting {name!r} in {origin} must be a path (text), not {value!r:.80}"
            )
        return Path(value)
    if not any(_same_kind(kind, value) for kind in kinds):
        raise SettingsError(
            f"setting {name!r} in {origin} must be {' or '.join(sorted(kinds))}, "
            f"not {type(value).__name__} ({value!r:.80})"
        )
    if isinstance(value, str) and "\x00" in value:  # names files and commands: never a NUL
        raise SettingsError(f"setting {name!r} in {origin} has a NUL byte in it: remove it")
    return value


def _same_kind(kind: str, value: Any) -> bool:
    """A value may stand for a setting of `kind` (an int where a float is expected)."""
    if kind == "bool" or isinstance(value, bool):
        return kind == "bool" and isinstance(value, bool)
    if kind == "float":
        return isinstance(value, int | float)
    return isinstance(value, {"int": int, "str": str}.get(kind, object))
