"""TikTok's Content Posting API (direct post) as documented, on 127.0.0.1.

creator_info/query -> privacy_level_options, the account's interaction settings and longest post;
video/init (FILE_UPLOAD) checks the chunking rules and returns publish_id + upload_url; chunk PUTs
in order with Content-Range -> 206, the last 201; status/fetch -> PROCESSING_UPLOAD
(uploaded_bytes), then PUBLISH_COMPLETE. Every JSON answer carries an `error` object,
{"code": "ok"} on success. /v2/oauth/token/ refreshes a sign-in (refresh_token grant): a new
access token and a new refresh token, the old refresh token dead from then on."""

from __future__ import annotations

import itertools
import re
from urllib.parse import parse_qsl

from fake_platform import FakePlatform, Request, Response

TOKEN = "act.test-tiktok-access-token-123456"
REFRESH = "rft.test-tiktok-refresh-token-abcdef"
CLIENT_KEY = "aw-test-client-key"
CLIENT_SECRET = "test-tiktok-client-secret"
MB5 = 5 * 1024 * 1024


def ok(data: dict) -> Response:
    return Response(200, {"data": data, "error": {"code": "ok", "message": "", "log_id": "log1"}})


def refused(status: int, code: str) -> Response:
    return Response(
        status, {"data": {}, "error": {"code": code, "message": code, "log_id": "log2"}}
    )


class FakeTikTok(FakePlatform):
    def __init__(self):
        super().__init__()
        self.options = ["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"]
        self.creator = {
            "comment_disabled": False,
            "duet_disabled": False,
            "stitch_disabled": False,
            "max_video_post_duration_sec": 600,
        }
        self.tokens = {TOKEN}  # access tokens the API accepts; expire() empties it
        self.refresh_tokens = {REFRESH}
        self.refreshes: list[dict] = []
        self.unaudited = False
        self.posts: dict[str, dict] = {}
        self.violations: list[str] = []
        self.ids = itertools.count(1)

    def route(self, request: Request) -> Response:
        if request.path == "/upload/":
            return self.chunk(request, self.posts.get(request.query.get("upload_id")))
        if request.path == "/v2/oauth/token/":
            return self.refresh(dict(parse_qsl(request.body().decode())))
        if request.headers.get("Authorization") not in {f"Bearer {t}" for t in self.tokens}:
            request.body()
            return refused(401, "access_token_invalid")
        fault = self.fault(request.path.rstrip("/").rsplit("/", 1)[-1])
        if fault:
            request.body()
            return (
                refused(fault, "internal_error")
                if fault >= 500
                else refused(fault, "access_token_invalid")
            )
        if request.path == "/v2/post/publish/creator_info/query/":
            request.body()
            return ok(
                {
                    "creator_username": "newsroom",
                    "creator_nickname": "Newsroom",
                    "privacy_level_options": self.options,
                    **self.creator,
                }
            )
        if request.path == "/v2/post/publish/video/init/":
            return self.init(request.json())
        if request.path == "/v2/post/publish/status/fetch/":
            return self.status(request.json())
        return refused(404, "invalid_params")

    def expire(self) -> None:
        """Every access token issued so far stops working, as after 24 hours."""
        self.tokens.clear()

    def refresh(self, form: dict) -> Response:
        """The refresh_token grant: a new access token (24 h) and a new refresh token."""
        self.refreshes.append(form)
        known = (form.get("client_key"), form.get("client_secret")) == (CLIENT_KEY, CLIENT_SECRET)
        if form.get("grant_type") != "refresh_token" or not known:
            return Response(400, {"error": "invalid_request", "error_description": "bad client"})
        if form.get("refresh_token") not in self.refresh_tokens:
            return Response(
                400, {"error": "invalid_grant", "error_description": "Refresh token is invalid."}
            )
        self.refresh_tokens = {f"rft.rotated-{len(self.refreshes)}"}
        access = f"act.refreshed-{len(self.refreshes)}"
        self.tokens.add(access)
        return Response(
            200,
            {
                "access_token": access,
                "expires_in": 86400,
                "refresh_token": next(iter(self.refresh_tokens)),
                "refresh_expires_in": 31536000,
                "open_id": "open-id-1",
                "scope": "video.publish",
                "token_type": "Bearer",
            },
        )

    def init(self, body: dict) -> Response:
        info, source = body["post_info"], body["source_info"]
        if info["privacy_level"] not in self.options:
            return refused(400, "privacy_level_option_mismatch")
        if self.unaudited and info["privacy_level"] != "SELF_ONLY":
            return refused(403, "unaudited_client_can_only_post_to_private_accounts")
        for name in ("comment", "duet", "stitch"):  # the account's own "off" must be respected
            if self.creator[f"{name}_disabled"] and not info[f"disable_{name}"]:
                self.violations.append(f"{name}s allowed on an account that has them off")
        if info.get("brand_content_toggle") and info["privacy_level"] == "SELF_ONLY":
            return refused(400, "invalid_params")  # branded content cannot be private
        size, chunk, count = source["video_size"], source["chunk_size"], source["total_chunk_count"]
        assert source["source"] == "FILE_UPLOAD"
        assert (size < MB5 and chunk == size and count == 1) or (
            MB5 <= chunk <= 64_000_000 and count == size // chunk
        )
        publish_id = f"v_pub_file~v2.{next(self.ids)}"
        upload_id = f"up{next(self.ids)}"
        self.posts[upload_id] = {
            "publish_id": publish_id,
            "info": info,
            "source": source,
            "data": bytearray(),
            "status": "PROCESSING_UPLOAD",
            "fetches": 0,
        }
        url = f"{self.url}/upload/?upload_id={upload_id}&upload_token=tok{upload_id}"
        return ok({"publish_id": publish_id, "upload_url": url})

    def chunk(self, request: Request, post: dict | None) -> Response:
        if post is None:
            request.body()
            return Response(404, b"")
        first, last, total = map(
            int, re.match(r"bytes (\d+)-(\d+)/(\d+)", request.headers["Content-Range"]).groups()
        )
        fault = self.fault("chunk")
        if fault in ("drop", "hold"):
            self.partial(request, fault)  # a chunk cut short is not kept: TikTok takes whole chunks
            request.drop()
        body = request.body()
        if fault:
            return Response(fault, b"")
        if first != len(post["data"]) or len(body) != last - first + 1:
            self.violations.append(f"chunk {first}-{last} with {len(post['data'])} stored")
            return Response(400, b"")
        post["data"] += body
        if len(post["data"]) == total:
            post["status"] = "PROCESSING_DOWNLOAD"
            return Response(201, b"")
        return Response(206, b"")

    def status(self, body: dict) -> Response:
        post = next((p for p in self.posts.values() if p["publish_id"] == body["publish_id"]), None)
        if post is None:
            return refused(400, "invalid_publish_id")
        if post["status"] == "PROCESSING_UPLOAD":
            return ok({"status": "PROCESSING_UPLOAD", "uploaded_bytes": len(post["data"])})
        post["fetches"] += 1
        if post["fetches"] >= 2:
            post["status"] = "PUBLISH_COMPLETE"
        public = (
            post["info"]["privacy_level"] == "PUBLIC_TO_EVERYONE"
            and post["status"] == "PUBLISH_COMPLETE"
        )
        return ok(
            {
                "status": post["status"],
                "publicaly_available_post_id": [7300000000001] if public else [],
            }
        )

    def published(self) -> list[dict]:
        return [p for p in self.posts.values() if p["status"] == "PUBLISH_COMPLETE"]
