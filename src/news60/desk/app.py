"""The desk's web app (Starlette, Jinja2 templates): thin handlers over news60.desk's readers and
actions. Every state change is a POST carrying the form's CSRF token."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.datastructures import FormData, UploadFile
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from news60.desk import actions
from news60.desk.day import STATUSES, read_day
from news60.desk.edits import SceneEdit
from news60.desk.gate import Gate
from news60.desk.jobs import Action, Jobs
from news60.desk.notes import GROUPS, short_link, short_links
from news60.desk.security import DeskError, Guard, served_file
from news60.desk.story import StoryNotFound, story_folder, story_page
from news60.errors import News60Error
from news60.reviews import ReviewError, record_review
from news60.settings import Settings

STATIC = Path(__file__).parent / "static"
UPLOAD_FIELD = "upload"


@dataclass(frozen=True)
class Desk:
    """What every handler needs: the folder, the settings, the secrets and the job queue."""

    out: Path
    settings: Settings
    guard: Guard
    jobs: Jobs = field(default_factory=Jobs)


def create_app(desk: Desk, *, loopback_only: bool = True) -> Starlette:
    """The ASGI app over `desk.out`."""
    routes = [
        Route("/", day),
        Route("/day/list", day_list),
        Route("/story/{name}", story),
        Route("/story/{name}/review", review, methods=["POST"]),
        Route("/story/{name}/render", render, methods=["POST"]),
        Route("/story/{name}/publish", publish_preview),
        Route("/story/{name}/publish", publish, methods=["POST"]),
        Route("/bulletin", bulletin_form),
        Route("/bulletin", bulletin, methods=["POST"]),
        Route("/jobs/{id}", job),
        Route("/jobs/{id}/state", job_state),
        Route("/media/{path:path}", media),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(Gate, guard=desk.guard, loopback_only=loopback_only)],
        exception_handlers={Refused: refused, News60Error: failed},
    )
    app.state.desk, app.state.templates = desk, _templates()
    return app


def page(request: Request, template: str, code: int = 200, **context: object) -> HTMLResponse:
    """A template rendered with the request's CSRF token and the status names."""
    context |= {"csrf": request.state.csrf, "statuses": STATUSES, "groups": GROUPS}
    html = request.app.state.templates.get_template(template).render(context)
    return HTMLResponse(html, code)


def _desk(request: Request) -> Desk:
    desk: Desk = request.app.state.desk  # Starlette's app state is untyped
    return desk


async def failed(request: Request, exc: Exception) -> Response:
    """A News60Error as the error page: not found, a review conflict, or a bad request."""
    code = 404 if isinstance(exc, StoryNotFound) else 409 if isinstance(exc, ReviewError) else 400
    return page(request, "error.html", code, message=str(exc))


async def refused(request: Request, exc: Exception) -> Response:
    return page(request, "error.html", 403, message=f"{exc}: reload the page and try again")


async def day(request: Request) -> Response:
    desk = _desk(request)
    status, query = request.query_params.get("status", ""), request.query_params.get("q", "")
    found = read_day(desk.out, desk.jobs.busy())
    rows = found.select(status, query)
    return page(request, "day.html", day=found, rows=rows, status=status, q=query)


async def day_list(request: Request) -> Response:
    """The list alone, for live updates; 204 when it has not changed since `since`."""
    desk = _desk(request)
    status, query = request.query_params.get("status", ""), request.query_params.get("q", "")
    found = read_day(desk.out, desk.jobs.busy())
    html = request.app.state.templates.get_template("_list.html").render(
        day=found, rows=found.select(status, query), status=status, q=query, statuses=STATUSES
    )
    stamp = hashlib.sha256(html.encode()).hexdigest()[:16]
    if request.query_params.get("since") == stamp:
        return Response(status_code=204)
    return HTMLResponse(html, headers={"X-Stamp": stamp, "Cache-Control": "no-store"})


async def story(request: Request) -> Response:
    desk, name = _desk(request), request.path_params["name"]
    number = _int(request.query_params.get("v"))
    view = story_page(desk.out, name, number, name in desk.jobs.busy())
    return page(request, "story.html", view=view, jobs=desk.jobs.of_story(name))


async def review(request: Request) -> Response:
    form = await checked_form(request)
    desk, name = _desk(request), request.path_params["name"]
    record_review(
        story_folder(desk.out, name),
        _int(form.get("version")) or 0,
        str(form.get("decision", "")),
        str(form.get("by", "")),
        str(form.get("note", "")),
        seen=_int(form.get("seen")) or 0,
    )
    return RedirectResponse(f"/story/{quote(name)}", status_code=303)


async def render(request: Request) -> Response:
    form = await checked_form(request)
    desk, name, number = _desk(request), request.path_params["name"], _int(form.get("version")) or 0
    upload, photo = form.get(UPLOAD_FIELD), None
    if isinstance(upload, UploadFile) and upload.filename:
        photo = (upload.filename, await upload.read(), _int(form.get("upload_scene")) or 1)
    action = actions.render_fix(desk.out, desk.settings, name, number, scene_edits(form), photo)
    return queued(desk, f"Render the fix of v{number}", name, action)


async def publish_preview(request: Request) -> Response:
    desk, name = _desk(request), request.path_params["name"]
    number = _int(request.query_params.get("v")) or 0
    channel = request.query_params.get("channel", "youtube")
    privacy = request.query_params.get("privacy") or None
    shown = actions.preview(desk.out, desk.settings, name, number, channel, privacy)
    return page(request, "publish.html", name=name, preview=shown)


async def publish(request: Request) -> Response:
    form = await checked_form(request)
    desk, name, number = _desk(request), request.path_params["name"], _int(form.get("version")) or 0
    channel, privacy = str(form.get("channel", "")), str(form.get("privacy") or "") or None
    action = actions.publish_version(desk.out, desk.settings, name, number, channel, privacy)
    return queued(desk, f"Publish v{number} to {channel}", name, action)


async def bulletin_form(request: Request) -> Response:
    desk = _desk(request)
    found = read_day(desk.out, desk.jobs.busy())
    rows = [r for r in found.rows if r.status in ("approved", "published") and not r.bulletin]
    return page(request, "bulletin.html", rows=rows, seconds=desk.settings.script.seconds)


async def bulletin(request: Request) -> Response:
    form = await checked_form(request)
    desk = _desk(request)
    picked = sorted(
        (_float(form.get(f"order-{n}"), 0), n) for n in form.getlist("story") if isinstance(n, str)
    )
    names = [n for _, n in picked]
    title, seconds = str(form.get("title", "")), _float(form.get("seconds"), 0) or None
    action = actions.make_lineup(desk.out, desk.settings, names, title, seconds)
    return queued(desk, f"Bulletin of {len(names)} stories", "", action)


def queued(desk: Desk, title: str, name: str, action: Action) -> Response:
    """The action on the job queue; the browser goes to the job's page to watch it."""
    return RedirectResponse(f"/jobs/{desk.jobs.submit(title, name, action).id}", status_code=303)


async def job(request: Request) -> Response:
    found = _desk(request).jobs.get(request.path_params["id"])
    if found is None:
        raise StoryNotFound("that job is not known here (the desk was restarted?)")
    return page(request, "job.html", job=found)


async def job_state(request: Request) -> Response:
    found = _desk(request).jobs.get(request.path_params["id"])
    if found is None:
        return JSONResponse({"state": "unknown"}, status_code=404)
    fields = ("state", "lines", "result", "page", "error", "title")
    return JSONResponse({k: getattr(found, k) for k in fields})


async def media(request: Request) -> Response:
    """A file under OUT (clips, covers, photos); anything else is not found."""
    try:
        path = served_file(_desk(request).out, request.path_params["path"])
    except DeskError as exc:
        return page(request, "error.html", 404, message=str(exc))
    return FileResponse(path, headers={"Cache-Control": "no-cache"})


async def checked_form(request: Request) -> FormData:
    """The form, if it carries this browser's CSRF token; else the request is refused."""
    form = await request.form()
    if not _desk(request).guard.csrf_ok(request.state.session, str(form.get("csrf") or "")):
        raise Refused("this form has no valid CSRF token (stale, or sent from another site)")
    return form


class Refused(Exception):
    """A state change without this browser's CSRF token."""


def scene_edits(form: FormData) -> list[SceneEdit]:
    """The scenes of the edit form, in the order the fields are numbered."""
    edits, number = [], 1
    while f"text-{number}" in form:
        edits.append(
            SceneEdit(
                position=_float(form.get(f"position-{number}"), number),
                text=str(form.get(f"text-{number}", "")),
                caption=str(form.get(f"caption-{number}", "")),
                photo=str(form.get(f"photo-{number}", "keep")),
                photo_caption=str(form.get(f"photo_caption-{number}", "")),
                delete=bool(form.get(f"delete-{number}")),
            )
        )
        number += 1
    return edits


def _templates() -> Environment:
    env = Environment(
        loader=PackageLoader("news60.desk", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["short_link"] = short_link
    env.filters["short_links"] = short_links
    env.filters["media"] = lambda path: "/media/" + quote(path)
    env.filters["json"] = lambda data: json.dumps(data, indent=2, ensure_ascii=False)
    env.filters["when"] = lambda iso: (iso or "")[:16].replace("T", " ")
    env.filters["quote"] = lambda text: quote(str(text))
    env.filters["web"] = web_link
    return env


def web_link(url: object) -> str:
    """An http(s) link as it is; anything else (a page's `javascript:` canonical link) goes nowhere."""
    text = str(url or "")
    return text if text.lower().startswith(("https://", "http://")) else "#"


def _int(value: object) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


def _float(value: object, default: float) -> float:
    try:
        return float(str(value))
    except (TypeError, ValueError):
        return default
