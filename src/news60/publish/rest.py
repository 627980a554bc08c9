"""HTTP for the JSON APIs news60 speaks itself (TikTok, Instagram): timeouts, typed failures.

No request is retried here (requests does not by default): news60's own retries decide, after
asking the platform where the upload stands."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from news60.publish.retry import Transient

if TYPE_CHECKING:
    import requests


class Rest:
    """A requests session for one platform; 429, 5xx and dropped connections become Transient."""

    def __init__(self, platform: str, timeout: float) -> None:
        import requests

        self.platform = platform
        self.timeout = timeout
        self.session = requests.Session()

    def call(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        import requests

        try:
            response = self.session.request(method, url, timeout=self.timeout, **kwargs)
        except (requests.ConnectionError, requests.Timeout) as exc:
            self.session.close()  # a connection that failed mid-request is never reused
            raise Transient(
                f"connection to {self.platform} failed ({type(exc).__name__})"
            ) from None
        if response.status_code == 429 or response.status_code >= 500:
            raise Transient(
                f"{self.platform} answered {response.status_code}",
                retry_after=_seconds(response.headers.get("Retry-After")),
            )
        return response


def _seconds(value: str | None) -> float | None:
    """Retry-After in seconds (the HTTP-date form is rare for APIs and is ignored)."""
    try:
        return float(value) if value else None
    except ValueError:
        return None


def json_body(response: requests.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
