"""What `pip install news60` leaves out, and which extra brings it back: the core makes, scripts,
renders and extracts clips; batch, publishing, content credentials and the desk are extras."""

from __future__ import annotations

from news60.errors import News60Error

# The modules each extra installs (by their import name), for the message a missing one gets.
EXTRAS = {
    "dask": "batch",
    "distributed": "batch",
    "feedparser": "batch",
    "rich": "batch",
    "googleapiclient": "publish",
    "google_auth_oauthlib": "publish",
    "google": "publish",
    "google_auth_httplib2": "publish",
    "httplib2": "publish",
    "requests": "publish",
    "c2pa": "provenance",
    "cryptography": "provenance",
    "starlette": "desk",
    "fastapi": "desk",
    "uvicorn": "desk",
    "jinja2": "desk",
    "multipart": "desk",
    "python_multipart": "desk",
}


class ExtraMissing(News60Error):
    """A command needs a part of news60 this install left out."""


def missing_extra(exc: ModuleNotFoundError) -> ExtraMissing | None:
    """The error naming the extra that installs the module `exc` did not find, if one does."""
    module = (exc.name or "").split(".")[0]
    extra = EXTRAS.get(module)
    if extra is None:
        return None
    return ExtraMissing(
        f"this needs news60's {extra} extra ({module} is not installed): "
        f"pip install 'news60[{extra}]'"
    )
