"""Instagram's Graph API for Reels as documented, on 127.0.0.1 (graph and rupload hosts in one).

GET {user}/content_publishing_limit; POST {user}/media (REELS, upload_type=resumable) -> id + uri;
POST uri with offset and file_size headers -> {"success": true}; GET {container}?fields=status_code,
video_status -> IN_PROGRESS (uploading_phase.bytes_transferred: what the upload server holds), then
FINISHED; POST {user}/media_publish -> media id; GET {media}?fields=permalink; GET {user}/media lists
the account's latest Reels; GET /refresh_access_token (ig_refresh_token) renews a long-lived token."""

from __future__ import annotations

import itertools

from fake_platform import FakePlatform, Request, Response

TOKEN = "IGQVJtest-instagram-access-token-987"
REFRESHED = "IGQVJrefreshed-instagram-token-654"
USER = "17841400000000001"
EXPIRED = {
    "error": {
        "message": "Error validating access token: Session has expired",
        "type": "OAuthException",
        "code": 190,
        "error_subcode": 463,
    }
}


class FakeInstagram(FakePlatform):
    def __init__(self):
        super().__init__()
        self.containers: dict[str, dict] = {}
        self.media: dict[str, dict] = {}
        self.violations: list[str] = []
        self.quota_used = 0
        self.short = 0  # this many upload parts keep only half their bytes, yet answer success
        self.tokens = {TOKEN}
        self.refreshed: list[str] = []
        self.ids = itertools.count(1)

    def route(self, request: Request) -> Response:
        parts = request.path.strip("/").split("/")
        if parts[0] == "ig-api-upload":
            return self.upload(request, self.containers.get(parts[-1]))
        if parts == ["refresh_access_token"]:
            return self.refresh(request.query)
        if request.headers.get("Authorization") not in {f"Bearer {t}" for t in self.tokens}:
            request.body()
            return Response(400, EXPIRED)
        fault = self.fault(parts[-1])
        if fault:
            request.body()
            return Response(
                fault,
                {
                    "error": {
                        "message": "An unexpected error has occurred.",
                        "code": 2,
                        "is_transient": True,
                    }
                },
            )
        node = parts[1:]  # after the version
        if node == [USER, "content_publishing_limit"]:
            return Response(
                200,
                {
                    "data": [
                        {
                            "quota_usage": self.quota_used,
                            "config": {"quota_total": 50, "quota_duration": 86400},
                        }
                    ]
                },
            )
        if node == [USER, "media"] and request.method == "GET":
            return self.latest()
        if node == [USER, "media"]:
            return self.container(request.json())
        if node == [USER, "media_publish"]:
            return self.publish(request.json()["creation_id"])
        if len(node) == 1 and node[0] in self.containers:
            return self.status(self.containers[node[0]])
        if len(node) == 1 and node[0] in self.media:
            if (
                self.fault("permalink") == "hold"
            ):  # the test kills the client right after publishing
                self.holding.set()
                self.release.wait(60)
            return Response(200, {"id": node[0], "permalink": self.media[node[0]]["permalink"]})
        return Response(400, {"error": {"message": "Unsupported request", "code": 100}})

    def container(self, fields: dict) -> Response:
        assert fields["media_type"] == "REELS" and fields["upload_type"] == "resumable"
        cid = f"1790000000000{next(self.ids)}"
        self.containers[cid] = {
            "fields": fields,
            "data": bytearray(),
            "size": None,
            "code": "IN_PROGRESS",
            "polls": 0,
        }
        return Response(200, {"id": cid, "uri": f"{self.url}/ig-api-upload/v21.0/{cid}"})

    def upload(self, request: Request, container: dict | None) -> Response:
        if request.headers.get("Authorization") not in {f"OAuth {t}" for t in self.tokens}:
            request.body()
            return Response(
                400,
                {
                    "debug_info": {
                        "retriable": False,
                        "type": "NotAuthorizedError",
                        "message": "User not authorized",
                    }
                },
            )
        if container is None:
            request.body()
            return Response(
                400,
                {
                    "debug_info": {
                        "retriable": False,
                        "type": "ProcessingFailedError",
                        "message": "no container",
                    }
                },
            )
        offset, size = int(request.headers["offset"]), int(request.headers["file_size"])
        fault = self.fault("upload")
        if fault in ("drop", "hold"):
            self.partial(request, fault)  # a part cut short is not acknowledged, so not kept
            request.drop()
        body = request.body()
        if fault:
            return Response(
                fault,
                {
                    "debug_info": {
                        "retriable": True,
                        "type": "ServiceUnavailable",
                        "message": "busy",
                    }
                },
            )
        if offset > len(container["data"]):  # a gap: refused, the client must ask where it stands
            return Response(
                400,
                {
                    "debug_info": {
                        "retriable": True,
                        "type": "ProcessingFailedError",
                        "message": f"offset {offset} is past the {len(container['data'])} bytes held",
                    }
                },
            )
        if offset != len(container["data"]):
            self.violations.append(
                f"{len(body)} bytes at {offset}, {len(container['data'])} stored"
            )
        if self.short:  # the server keeps part of what it was sent, and says success anyway
            self.short -= 1
            body = body[: len(body) // 2]
        container["data"][offset:] = body
        container["size"] = size
        return Response(200, {"success": True, "message": "Upload successful."})

    def status(self, container: dict) -> Response:
        if (
            container["code"] == "IN_PROGRESS"
            and container["size"]
            and len(container["data"]) == container["size"]
        ):
            container["polls"] += 1
            container["code"] = "FINISHED" if container["polls"] >= 2 else "IN_PROGRESS"
        held = len(container["data"])
        phase = "complete" if container["size"] and held == container["size"] else "in_progress"
        return Response(
            200,
            {
                "status_code": container["code"],
                "status": container["code"],
                "id": "x",
                "video_status": {
                    "uploading_phase": {"status": phase, "bytes_transferred": held},
                    "processing_phase": {"status": "not_started"},
                },
            },
        )

    def latest(self) -> Response:
        """The account's Reels, newest first, as GET {user}/media lists them."""
        found = [
            {
                "id": mid,
                "permalink": media["permalink"],
                "caption": self.containers[media["container"]]["fields"]["caption"],
                "timestamp": "2026-06-28T12:00:00+0000",
            }
            for mid, media in reversed(self.media.items())
        ]
        return Response(200, {"data": found})

    def refresh(self, query: dict) -> Response:
        """ig_refresh_token: the same long-lived sign-in, good for 60 more days."""
        if (
            query.get("grant_type") != "ig_refresh_token"
            or query.get("access_token") not in self.tokens
        ):
            return Response(400, EXPIRED)
        self.refreshed.append(query["access_token"])
        self.tokens.add(REFRESHED)
        return Response(
            200, {"access_token": REFRESHED, "token_type": "bearer", "expires_in": 5184000}
        )

    def publish(self, cid: str) -> Response:
        container = self.containers[cid]
        if container["code"] != "FINISHED":
            return Response(400, {"error": {"message": "Media ID is not available", "code": 9007}})
        container["code"] = "PUBLISHED"
        mid = f"1800000000000{next(self.ids)}"
        self.media[mid] = {"container": cid, "permalink": f"https://www.instagram.com/reel/R{mid}/"}
        self.quota_used += 1
        return Response(200, {"id": mid})

    def published(self) -> list[dict]:
        return [c for c in self.containers.values() if c["code"] == "PUBLISHED"]
