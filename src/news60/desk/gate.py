"""The desk's door: every request passes here before a handler sees it.

It refuses a Host that is not this machine on a loopback desk (a web page elsewhere cannot reach
the desk through DNS rebinding), asks for the access token on any other bind, gives each browser
a session (its CSRF token derives from it) and sets headers that keep pages to their own files."""

from __future__ import annotations

import logging
import secrets

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp

from news60.desk.security import ACCESS, SESSION, Guard, loopback

log = logging.getLogger(__name__)
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; "
        "script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


class Gate(BaseHTTPMiddleware):
    def __init__(self, app: ASGIApp, guard: Guard, loopback_only: bool) -> None:
        super().__init__(app)
        self.guard, self.loopback_only = guard, loopback_only

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if self.loopback_only and not loopback(host_name(request.headers.get("host", ""))):
            return PlainTextResponse("Error! this desk answers only at 127.0.0.1", 400)
        if not self.guard.token_ok(request.cookies.get(ACCESS)):
            return self.token_door(request)
        session = request.cookies.get(SESSION) or ""
        fresh = len(session) < 32
        if fresh:
            session = secrets.token_urlsafe(32)
        request.state.session = session
        request.state.csrf = self.guard.csrf(session)
        try:
            response = await call_next(request)
        except Exception as exc:  # noqa: BLE001 - a bug is one line on the page, not a traceback
            log.debug("desk request %s failed", request.url.path, exc_info=True)
            return PlainTextResponse(
                f"Error! the desk failed unexpectedly ({type(exc).__name__}: {exc}): "
                "run `news60 --debug desk` to see the traceback, and report it",
                500,
            )
        if fresh:
            response.set_cookie(
                SESSION, session, httponly=True, samesite="strict", secure=self.guard.https
            )
        response.headers.update(HEADERS)
        return response

    def token_door(self, request: Request) -> Response:
        """The address printed at start carries ?token=: kept as a cookie, then out of the URL."""
        sent = request.query_params.get("token")
        if request.method != "GET" or not self.guard.token or not self.guard.token_ok(sent):
            return PlainTextResponse(
                "Error! this desk needs its access token: open the address `news60 desk` printed",
                401,
            )
        response = RedirectResponse(request.url.path, status_code=303)
        response.set_cookie(
            ACCESS, self.guard.token, httponly=True, samesite="strict", secure=self.guard.https
        )
        return response


def host_name(host: str) -> str:
    """The Host header without its port ("[::1]:8060" -> "::1")."""
    if host.startswith("["):
        return host[1 : host.find("]")]
    return host.rsplit(":", 1)[0]
