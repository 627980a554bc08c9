"""Sign-ins for the platforms: kept in the user's config folder, created 0600, never printed.

YouTube: an OAuth token (google-auth's authorized-user JSON) made by `news60 auth youtube`,
refreshed before it expires. TikTok and Instagram: an access token from the settings, the
environment, or `news60 auth tiktok|instagram`, refreshed by news60.publish.tokens."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from news60.atomic import write_private
from news60.errors import CredentialsError
from news60.localfiles import load_json, read_input
from news60.settings import PublishSettings

if TYPE_CHECKING:
    from google.oauth2.credentials import Credentials

YOUTUBE_SCOPES = ["https://www.googleapis.com/auth/youtube.upload"]
# The fields google-auth needs to refresh a token without a browser.
YOUTUBE_FIELDS = ("refresh_token", "client_id", "client_secret")
TOKEN_BYTES = 1_000_000  # a sign-in is a few hundred bytes


def config_dir(settings: PublishSettings) -> Path:
    if settings.config_dir is not None:
        return Path(settings.config_dir).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("news60"))


def token_path(settings: PublishSettings, channel: str) -> Path:
    return config_dir(settings) / f"{channel}-token.json"


def write_secret(path: Path, text: str) -> Path:
    """Write a file only its owner can read (0600, in a 0700 folder), atomically."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    return write_private(path, text.encode("utf-8"))


def youtube_credentials(settings: PublishSettings) -> Credentials:
    """The saved YouTube sign-in as google-auth credentials (refreshed by the client when due)."""
    from google.oauth2.credentials import Credentials

    path = token_path(settings, "youtube")
    if not path.exists():
        raise CredentialsError(
            "no YouTube sign-in: run `news60 auth youtube --client-secrets client_secret.json` "
            "(or `news60 auth youtube --import TOKEN.json` on a server without a browser)"
        )
    try:
        credentials = Credentials.from_authorized_user_info(
            _read_json(path, "run `news60 auth youtube` again"), YOUTUBE_SCOPES
        )
    except ValueError as exc:
        raise CredentialsError(
            f"the saved YouTube sign-in {path} is incomplete ({exc}): run `news60 auth youtube` again"
        ) from None
    except (TypeError, AttributeError):  # a hand-edited token: never echo its values
        raise CredentialsError(
            f"the saved YouTube sign-in {path} is damaged (a field of the wrong kind): "
            "run `news60 auth youtube` again"
        ) from None
    pointed: Credentials = credentials.with_token_uri(settings.youtube.token_uri)
    return pointed


def save_youtube(settings: PublishSettings, credentials: Credentials) -> Path:
    return write_secret(token_path(settings, "youtube"), credentials.to_json())


def import_youtube_token(settings: PublishSettings, source: Path) -> Path:
    """Keep a token made elsewhere (authorized-user JSON) as this machine's YouTube sign-in."""
    data = _read_json(Path(source), "export the token again")
    missing = [name for name in YOUTUBE_FIELDS if not data.get(name)]
    if missing:
        raise CredentialsError(
            f"{source} lacks {', '.join(missing)}: export the token as google-auth's "
            "authorized-user JSON (Credentials.to_json())"
        )
    return write_secret(token_path(settings, "youtube"), json.dumps(data))


def authorize_youtube(settings: PublishSettings, client_secrets: Path, port: int) -> Path:
    """Google's installed-app flow on a loopback port; the library prints the sign-in address."""
    from google_auth_oauthlib.flow import InstalledAppFlow

    flow = InstalledAppFlow.from_client_secrets_file(str(client_secrets), scopes=YOUTUBE_SCOPES)
    credentials = flow.run_local_server(
        host="localhost",
        port=port,
        open_browser=False,
        authorization_prompt_message=(
            "Open this address in a browser and sign in to the YouTube channel "
            f"(over SSH, first forward port {port}: ssh -L {port}:localhost:{port} ...):\n{{url}}"
        ),
        success_message="news60 is signed in to YouTube: you may close this window.",
        timeout_seconds=600,
    )
    return save_youtube(settings, credentials)


def _read_json(path: Path, fix: str) -> dict[str, Any]:
    """A token file's JSON object; one that is not (damaged, a FIFO, too large) is named with `fix`."""
    raw = read_input(path, TOKEN_BYTES, what="token file", hint=fix, error=CredentialsError)
    try:
        data = load_json(raw.decode("utf-8"))
    except ValueError as exc:  # not UTF-8, not JSON
        raise CredentialsError(
            f"{path} is not a JSON token file ({type(exc).__name__}): {fix}"
        ) from None
    if not isinstance(data, dict):
        raise CredentialsError(f"{path} is not a JSON token file: {fix}")
    return data
