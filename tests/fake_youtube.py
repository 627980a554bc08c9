"""YouTube's resumable upload protocol and OAuth token endpoint, as documented, on 127.0.0.1.

Session: POST /upload/youtube/v3/videos?uploadType=resumable -> 200 + Location.
Chunks: PUT Location with Content-Range bytes A-B/TOTAL -> 308 + Range (or 201 + video).
Status: PUT Location with Content-Range bytes */TOTAL -> 308 + Range, 200 + video, or 404.
Cancel: DELETE Location -> 499, and the session is gone (404 from then on).
Bytes received before a dropped connection are kept (Range reports them), as Google does."""

from __future__ import annotations

import itertools
import json
import re

from fake_platform import FakePlatform, Request, Response

ACCESS = "ya29.test-access-token-0123456789"
REFRESHED = "ya29.test-refreshed-token-9876543210"
REFRESH = "1//test-refresh-token-abcdef"


class FakeYouTube(FakePlatform):
    def __init__(self):
        super().__init__()
        self.sessions: dict[str, dict] = {}
        self.videos: dict[str, dict] = {}
        self.thumbnails: dict[str, bytes] = {}
        self.violations: list[str] = []  # a byte sent twice, or a gap
        self.revoked = False  # the refresh token was revoked: refreshing fails with invalid_grant
        self.tokens = {ACCESS}
        self.ids = itertools.count(1)

    def route(self, request: Request) -> Response:
        if request.path == "/token":
            return self.token(request)
        if request.headers.get("Authorization") not in {f"Bearer {t}" for t in self.tokens}:
            return unauthorized()
        if request.path == "/upload/youtube/v3/videos" and request.method == "DELETE":
            return self.cancel(self.sessions.get(request.query.get("upload_id", "")))
        if request.path == "/upload/youtube/v3/videos" and "upload_id" in request.query:
            return self.chunk(request, self.sessions.get(request.query["upload_id"]))
        if request.path == "/upload/youtube/v3/videos":
            return self.open_session(request)
        if request.path == "/upload/youtube/v3/thumbnails/set":
            self.thumbnails[request.query["videoId"]] = request.body()
            return Response(200, {"kind": "youtube#thumbnailSetResponse", "items": [{}]})
        return Response(404, {"error": {"code": 404, "message": "Not Found"}})

    def token(self, request: Request) -> Response:
        form = dict(p.split("=", 1) for p in request.body().decode().split("&"))
        if form.get("grant_type") == "authorization_code" and form.get("code") == "test-code":
            self.tokens.add(ACCESS)
            return Response(
                200,
                {
                    "access_token": ACCESS,
                    "refresh_token": REFRESH,
                    "expires_in": 3599,
                    "scope": "https://www.googleapis.com/auth/youtube.upload",
                    "token_type": "Bearer",
                },
            )
        if self.revoked or form.get("grant_type") != "refresh_token":
            return Response(
                400,
                {
                    "error": "invalid_grant",
                    "error_description": "Token has been expired or revoked.",
                },
            )
        self.tokens.add(REFRESHED)
        return Response(
            200, {"access_token": REFRESHED, "expires_in": 3599, "token_type": "Bearer"}
        )

    def open_session(self, request: Request) -> Response:
        assert request.query["uploadType"] == "resumable"
        fault = self.fault("session")
        resource = request.json()
        if fault == 401:
            return unauthorized()
        if fault:
            return Response(fault, {"error": {"code": fault, "message": "Backend Error"}})
        upload_id = f"session{next(self.ids)}"
        self.sessions[upload_id] = {
            "resource": resource,
            "total": int(request.headers["X-Upload-Content-Length"]),
            "data": bytearray(),
            "video": None,
            "cancelled": False,
        }
        location = f"{self.url}/upload/youtube/v3/videos?uploadType=resumable&upload_id={upload_id}"
        return Response(200, b"", {"Location": location})

    def cancel(self, session: dict | None) -> Response:
        """The documented cancel: 499 Client Closed Request, the bytes discarded."""
        if session is None or session["cancelled"]:
            return Response(404, {"error": {"code": 404, "message": "Not Found"}})
        session["cancelled"] = True
        return Response(499, b"")

    def orphans(self) -> list[dict]:
        """Sessions left open: neither finished as a video nor cancelled."""
        return [s for s in self.sessions.values() if s["video"] is None and not s["cancelled"]]

    def chunk(self, request: Request, session: dict | None) -> Response:
        if session is not None and session["cancelled"]:
            session = None
        if session is None:
            request.body()
            return Response(404, {"error": {"code": 404, "message": "Not Found"}})
        spec = request.headers.get("Content-Range", "")
        if spec.startswith("bytes */"):
            if self.fault("status") == 404:  # the session expired on the platform's side
                self.sessions.clear()
                return Response(404, {"error": {"code": 404, "message": "Not Found"}})
            return self.where(session)
        first = int(re.match(r"bytes (\d+)-(\d+)/(\d+)", spec).group(1))
        fault = self.fault("chunk")
        if fault in ("drop", "hold"):
            self.store(session, first, self.partial(request, fault))
            request.drop()
        body = request.body()
        if fault:
            return Response(fault, {"error": {"code": fault, "message": "Backend Error"}})
        self.store(session, first, body)
        return self.where(session)

    def store(self, session: dict, first: int, body: bytes) -> None:
        """Keep the bytes; any byte arriving twice, or a gap, is a violation of the protocol."""
        if body and first != len(session["data"]):
            self.violations.append(f"{len(body)} bytes at {first}, {len(session['data'])} stored")
        session["data"][first:] = body

    def where(self, session: dict) -> Response:
        if len(session["data"]) == session["total"]:
            if session["video"] is None:
                session["video"] = self.create_video(session)
                return Response(201, session["video"])
            return Response(200, session["video"])
        headers = {"Range": f"bytes=0-{len(session['data']) - 1}"} if session["data"] else {}
        return Response(308, b"", headers)

    def create_video(self, session: dict) -> dict:
        video_id = f"vid{next(self.ids)}"
        video = {"kind": "youtube#video", "id": video_id, **session["resource"]}
        self.videos[video_id] = {**video, "bytes": bytes(session["data"])}
        return video


def unauthorized() -> Response:
    return Response(
        401,
        {
            "error": {
                "code": 401,
                "message": "Invalid Credentials",
                "errors": [{"reason": "authError"}],
            }
        },
    )


def token_file(server: FakeYouTube) -> dict:
    """An authorized-user token, as `news60 auth youtube --import` takes it."""
    return {
        "token": ACCESS,
        "refresh_token": REFRESH,
        "token_uri": f"{server.url}/token",
        "client_id": "test-client.apps.googleusercontent.com",
        "client_secret": "test-client-secret",
        "scopes": ["https://www.googleapis.com/auth/youtube.upload"],
        "expiry": "2999-01-01T00:00:00Z",
    }


def dump(data: dict) -> str:
    return json.dumps(data)
