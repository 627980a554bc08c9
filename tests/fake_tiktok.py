"""TikTok's Content Posting API (direct post) as documented, on 127.0.0.1.

creator_info/query -> privacy_level_options; video/init (FILE_UPLOAD) checks the chunking rules
and returns publish_id + upload_url; chunk PUTs in order with Content-Range -> 206, the last 201;
status/fetch -> PROCESSING_UPLOAD (uploaded_bytes), then PUBLISH_COMPLETE. Every JSON answer
carries an `error` object, {"code": "ok"} on success."""

from __future__ import annotations

import itertools
import re

from fake_platform import FakePlatform, Request, Response

TOKEN = "act.test-tiktok-access-token-123456"
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
        self.unaudited = False
        self.posts: dict[str, dict] = {}
        self.violations: list[str] = []
        self.ids = itertools.count(1)

    def route(self, request: Request) -> Response:
        if request.path == "/upload/":
            return self.chunk(request, self.posts.get(request.query.get("upload_id")))
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
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
                    "max_video_post_duration_sec": 600,
                }
            )
        if request.path == "/v2/post/publish/video/init/":
            return self.init(request.json())
        if request.path == "/v2/post/publish/status/fetch/":
            return self.status(request.json())
        return refused(404, "invalid_params")

    def init(self, body: dict) -> Response:
        info, source = body["post_info"], body["source_info"]
        if info["privacy_level"] not in self.options:
            return refused(400, "privacy_level_option_mismatch")
        if self.unaudited and info["privacy_level"] != "SELF_ONLY":
            return refused(403, "unaudited_client_can_only_post_to_private_accounts")
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
