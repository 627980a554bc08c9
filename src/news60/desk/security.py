"""Safe by default: a loopback bind with no token, any other host only with a token and HTTPS;
a CSRF token on every state change; only files under OUT served."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from news60.errors import News60Error

SESSION = "news60_desk_session"  # random per browser: the CSRF token is derived from it
ACCESS = "news60_desk_token"  # the access token, kept by the browser after its first visit
LOOPBACK_NAMES = ("localhost",)


class DeskError(News60Error):
    """The desk cannot start or serve this request as asked."""


@dataclass(frozen=True)
class Guard:
    """The desk's secrets: the access token (None on loopback) and the CSRF key."""

    token: str | None = None
    https: bool = False
    key: bytes = field(default_factory=lambda: secrets.token_bytes(32))

    def csrf(self, session: str) -> str:
        """The CSRF token of a browser session: forms carry it, other sites cannot know it."""
        return hmac.new(self.key, session.encode(), hashlib.sha256).hexdigest()

    def csrf_ok(self, session: str | None, sent: str | None) -> bool:
        if not session or not sent:
            return False
        return hmac.compare_digest(self.csrf(session), sent)

    def token_ok(self, sent: str | None) -> bool:
        """No token needed on loopback; elsewhere exactly the one printed at start."""
        if self.token is None:
            return True
        return bool(sent) and hmac.compare_digest(self.token, sent or "")


def loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or localhost: only this machine can connect."""
    if host.strip("[]") in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None, cert: Path | None, key: Path | None) -> None:
    """Refuse, before anything binds, a desk other machines could reach without a token or HTTPS."""
    if loopback(host):
        if bool(cert) != bool(key):
            raise DeskError("give both --cert and --key for HTTPS, or neither")
        return
    if not token:
        raise DeskError(
            f"the desk on {host} would be open to other machines without a token: "
            "start it through `news60 desk --host`, which makes and prints one"
        )
    if not (cert and key):
        raise DeskError(
            f"the desk on {host} must use HTTPS: give --cert CERT.pem and --key KEY.pem "
            "(or keep the default 127.0.0.1 and reach it through an SSH tunnel)"
        )
    for path in (cert, key):
        if not Path(path).is_file():
            raise DeskError(f"{path} not found: give the certificate and key files")


def new_token() -> str:
    return secrets.token_urlsafe(24)


def served_file(out: Path, relative: str) -> Path:
    """The file `relative` names under OUT; anything else (../, absolute paths, links leading out,
    hidden records and locks) is refused."""
    parts = Path(relative).parts
    if not relative or Path(relative).is_absolute() or ".." in parts or "\\" in relative:
        raise DeskError(f"{relative!r} is not a file of this desk")
    # Hidden files are records and locks; only the story's photos (.photos/) are shown.
    if any(p.startswith(".") and p != ".photos" for p in parts):
        raise DeskError(f"{relative!r} is not a file of this desk")
    root = out.resolve()
    path = (root / relative).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        raise DeskError(f"{relative!r} is not a file of this desk")
    return path
