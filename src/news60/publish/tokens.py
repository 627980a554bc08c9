"""TikTok and Instagram access tokens that expire: kept with their expiry, refreshed before they lapse.

A TikTok access token lives 24 hours and comes with a refresh token (365 days, rotated on every
refresh); an Instagram long-lived token lives 60 days and is refreshed in place once it is a day old.
A token from the settings or the environment has no known expiry and is used as it is."""

from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from news60.errors import CredentialsError
from news60.localfiles import load_json, read_input
from news60.publish.credentials import TOKEN_BYTES, token_path, write_secret
from news60.publish.rest import Rest, json_body
from news60.settings import PublishSettings

log = logging.getLogger(__name__)

# A publish (each step's retries and the platform's processing) ends well within an hour, so a
# token with less life left than this is refreshed before the upload starts.
REFRESH_AHEAD = 3600.0
DAY = 86400.0  # Instagram refreshes only a token that is at least a day old


@dataclass(frozen=True)
class SavedToken:
    """An access token as `news60 auth` keeps it; times are seconds since the epoch."""

    access_token: str
    issued_at: float | None = None
    expires_at: float | None = None  # None: unknown (a pasted token, or one from the environment)
    refresh_token: str = ""
    refresh_expires_at: float | None = None
    client_key: str = ""
    client_secret: str = ""
    saved: bool = True  # False for a token from the settings or the environment: never rewritten

    def lasts(self, seconds: float, now: float) -> bool:
        """Whether the access token is still good `seconds` from `now` (unknown expiry: yes)."""
        return self.expires_at is None or self.expires_at - now > seconds


def load_token(settings: PublishSettings, channel: str) -> SavedToken:
    """The setting, else the environment variable, else the token `news60 auth CHANNEL` saved."""
    section = getattr(settings, channel)
    token = section.token or os.environ.get(section.token_env, "")
    if token:
        return SavedToken(token, saved=False)
    path = token_path(settings, channel)
    data = _read(path) if path.exists() else {}
    if not data.get("access_token"):
        raise CredentialsError(
            f"no {channel} access token: set {section.token_env}, or run `news60 auth {channel}`"
        )
    known = SavedToken.__dataclass_fields__
    fields = {k: v for k, v in data.items() if k in known and k != "saved"}
    for name, value in fields.items():  # a hand-edited file: named, its values never echoed
        number = name.endswith("_at")
        if not (_number_or_none(value) if number else isinstance(value, str)):
            raise CredentialsError(
                f"the saved {channel} sign-in {path} is damaged ({name} is not "
                f"{'a time' if number else 'text'}): run `news60 auth {channel}` again"
            )
    return SavedToken(**fields)


def save_token(settings: PublishSettings, channel: str, token: SavedToken) -> Path:
    """Keep `token` (0600) as this machine's sign-in for `channel`."""
    if not token.access_token.strip():
        raise CredentialsError(f"the {channel} access token is empty: paste the whole token")
    data = {k: v for k, v in asdict(token).items() if k != "saved" and v not in ("", None)}
    return write_secret(token_path(settings, channel), json.dumps(data))


def save_pasted(settings: PublishSettings, channel: str, token: str) -> Path:
    """A pasted access token: its expiry unknown (an Instagram one is refreshed once a day old)."""
    return save_token(settings, channel, SavedToken(token.strip(), issued_at=time.time()))


def import_token(settings: PublishSettings, channel: str, source: Path) -> Path:
    """Keep a token endpoint's answer made elsewhere; TikTok's needs the app's key and secret
    (in the file, or from [publish.tiktok] client_key and its environment variable)."""
    data = _read(Path(source))
    kept: dict[str, str] = {}
    if channel == "tiktok":
        config = settings.tiktok
        kept = {
            "client_key": data.get("client_key") or config.client_key,
            "client_secret": data.get("client_secret")
            or os.environ.get(config.client_secret_env, ""),
        }
        missing = [name for name in ("refresh_token",) if not data.get(name)]
        missing += [name for name, value in kept.items() if not value]
        if missing:
            raise CredentialsError(
                f"{source} lacks {', '.join(missing)}: give TikTok's token answer with its "
                f"refresh_token, and set [publish.tiktok] client_key and {config.client_secret_env}"
            )
    return save_token(settings, channel, token_response(data, time.time(), **kept))


def token_response(
    data: dict[str, Any], now: float, *, client_key: str = "", client_secret: str = ""
) -> SavedToken:
    """A token endpoint's answer (access_token, expires_in, refresh_token, refresh_expires_in)."""
    if not data.get("access_token"):
        raise CredentialsError("the token has no access_token: give the token endpoint's answer")
    return SavedToken(
        access_token=data["access_token"],
        issued_at=now,
        expires_at=now + float(data["expires_in"]) if data.get("expires_in") else None,
        refresh_token=data.get("refresh_token", ""),
        refresh_expires_at=(
            now + float(data["refresh_expires_in"]) if data.get("refresh_expires_in") else None
        ),
        client_key=client_key,
        client_secret=client_secret,
    )


def fresh_token(settings: PublishSettings, channel: str, *, force: bool = False) -> str:
    """An access token good for this whole publish: refreshed (and saved) first when it is due;
    one that cannot be refreshed in time is an error that names `news60 auth CHANNEL`."""
    token, now = load_token(settings, channel), time.time()
    if not token.saved or not (force or _due(channel, token, now)):
        return _usable(channel, token, now)
    try:
        token = REFRESH[channel](settings, token, now)
    except CredentialsError as exc:
        if force or not token.lasts(REFRESH_AHEAD, now):
            raise
        log.warning("%s: %s; the current token still lasts, so this run goes on", channel, exc)
        return token.access_token
    save_token(settings, channel, token)
    log.info("%s: the sign-in was refreshed", channel)
    return token.access_token


def _due(channel: str, token: SavedToken, now: float) -> bool:
    if channel == "instagram":  # refreshed once a day old, the 60 days start again
        return token.issued_at is None or now - token.issued_at >= DAY
    return not token.lasts(REFRESH_AHEAD, now)


def _usable(channel: str, token: SavedToken, now: float) -> str:
    if not token.lasts(0, now):
        raise CredentialsError(
            f"the {channel} sign-in expired and cannot be refreshed: run `news60 auth {channel}`"
        )
    return token.access_token


def refresh_tiktok(settings: PublishSettings, token: SavedToken, now: float) -> SavedToken:
    """TikTok's refresh_token grant; the answer carries a new refresh token (the old one dies)."""
    lapsed = token.refresh_expires_at is not None and token.refresh_expires_at <= now
    if not token.refresh_token or lapsed:
        raise CredentialsError(
            "the TikTok sign-in has no usable refresh token: run `news60 auth tiktok`"
        )
    form = {
        "client_key": token.client_key,
        "client_secret": token.client_secret,
        "grant_type": "refresh_token",
        "refresh_token": token.refresh_token,
    }
    url = f"{settings.tiktok.api_url.rstrip('/')}/v2/oauth/token/"
    data = _grant("TikTok", settings, "POST", url, data=form)
    return token_response(data, now, client_key=token.client_key, client_secret=token.client_secret)


def refresh_instagram(settings: PublishSettings, token: SavedToken, now: float) -> SavedToken:
    """Instagram's ig_refresh_token grant: the same token, good for 60 more days."""
    if not token.lasts(0, now):
        raise CredentialsError(
            "the Instagram sign-in expired (a lapsed token cannot be refreshed): "
            "run `news60 auth instagram`"
        )
    params = {"grant_type": "ig_refresh_token", "access_token": token.access_token}
    data = _grant("Instagram", settings, "GET", settings.instagram.refresh_url, params=params)
    return replace(token_response(data, now), refresh_token=token.refresh_token)


REFRESH = {"tiktok": refresh_tiktok, "instagram": refresh_instagram}


def _grant(
    platform: str, settings: PublishSettings, method: str, url: str, **kwargs: Any
) -> dict[str, Any]:
    """One call to a token endpoint; a refusal names `news60 auth`, never the token."""
    response = Rest(platform, settings.timeout).call(method, url, **kwargs)
    data = json_body(response)
    if response.status_code == 200 and data.get("access_token"):
        return data
    error = data.get("error")
    reason = error.get("code") or error.get("type") if isinstance(error, dict) else error
    raise CredentialsError(
        f"{platform} refused to refresh the sign-in ({reason or response.status_code}): "
        f"run `news60 auth {platform.lower()}`"
    )


def _read(path: Path) -> dict[str, Any]:
    hint = "check it, or run `news60 auth` for the channel again"
    raw = read_input(path, TOKEN_BYTES, what="token file", hint=hint, error=CredentialsError)
    try:
        data = load_json(raw.decode("utf-8"))
    except ValueError as exc:  # not UTF-8, not JSON, nested too deeply
        raise CredentialsError(
            f"{path} is not a readable JSON token file ({type(exc).__name__}): {hint}"
        ) from None
    return data if isinstance(data, dict) else {}


def _number_or_none(value: object) -> bool:
    return value is None or (isinstance(value, int | float) and not isinstance(value, bool))
