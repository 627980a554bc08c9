"""story.json: the script as a producer edits it, and its strict reading back."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, fields, replace
from pathlib import Path
from typing import Any

from news60.atomic import write_json
from news60.errors import ScriptError
from news60.models import (
    OnScreen,
    Photo,
    QuoteCard,
    Reporting,
    Rewrite,
    Scene,
    Script,
    TracedSentence,
)
from news60.records.paths import relative_path

FORMAT = "news60/story@2"
READABLE = (FORMAT, "news60/story@1")  # @1 listed reporting credits as plain `credits`
# A quote card as story.json writes it, “the words” — Speaker; a producer may type straight
# quotes and a hyphen, or leave the speaker out.
QUOTE_CARD = re.compile(r"^[“\"](?P<quote>.+?)[”\"]\s*(?:[-–—]\s*(?P<speaker>.+))?$", re.S)


def script_to_dict(
    script: Script, folder: Path | None = None, within: Path | None = None
) -> dict[str, Any]:
    """The script as plain JSON data, with the whole narration as `text` for reading. Photos
    inside `within` are written relative to `folder` (the file's own), so the two move together."""
    if folder is not None:
        script = _relative_photos(script, folder, within or folder)
    data = {"format": FORMAT, **asdict(script)}
    for scene, entry in zip(script.scenes, data["scenes"], strict=True):
        entry["caption"] = str(scene.caption)
    data["text"] = script.text
    return data


def save_story(script: Script, path: Path) -> Path:
    """Write story.json atomically, its photos in its folder as paths relative to it."""
    return write_json(path, script_to_dict(script, path.parent))


def _relative_photos(script: Script, folder: Path, within: Path) -> Script:
    def relative(photo: Photo | None) -> Photo | None:
        if photo is None or not photo.src or "://" in photo.src:
            return photo
        return replace(photo, src=relative_path(Path(photo.src), folder, within))

    scenes = tuple(replace(s, photo=relative(s.photo)) for s in script.scenes)
    return replace(script, scenes=scenes, photos=tuple(relative(p) for p in script.photos))


def load_story(path: Path) -> Script:
    """Read an edited story.json, naming any field that is unknown, missing or of the wrong kind.

    Photo paths in it are relative to the story file's folder, as a producer writes them."""
    from news60.article.decode import decode
    from news60.errors import ArticleError

    try:
        text = decode(path.read_bytes(), str(path))  # any encoding an editor saves: UTF-8/16, BOMs
        data = json.loads(text)
    except FileNotFoundError:
        raise ScriptError(
            f"{path} not found: write one with `news60 script SOURCE -o {path}`"
        ) from None
    except (IsADirectoryError, ArticleError) as exc:
        raise ScriptError(
            f"{path} is not a story file ({exc}): give the story.json itself"
        ) from None
    except json.JSONDecodeError as exc:
        raise ScriptError(
            f"{path} is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}): "
            "fix it, or write it again with `news60 script`"
        ) from None
    return resolve_photos(script_from_dict(data, str(path)), path.parent)


def resolve_photos(script: Script, folder: Path) -> Script:
    """Relative photo paths made absolute against `folder`; URLs and absolute paths unchanged."""

    def resolved(photo: Photo | None) -> Photo | None:
        if photo is None or not photo.src or "://" in photo.src:
            return photo
        path = Path(photo.src).expanduser()
        return replace(photo, src=str(path if path.is_absolute() else (folder / path).resolve()))

    scenes = tuple(replace(s, photo=resolved(s.photo)) for s in script.scenes)
    return replace(script, scenes=scenes, photos=tuple(resolved(p) for p in script.photos))


def script_from_dict(data: Any, origin: str = "story") -> Script:
    if not isinstance(data, dict):
        raise ScriptError(f"{origin}: expected a JSON object with title and scenes")
    tag = data.get("format", FORMAT)
    if tag not in READABLE:
        raise ScriptError(
            f"{origin}: format {tag!r} is not one news60 reads ({', '.join(READABLE)}): "
            "write the story again with `news60 script SOURCE -o story.json`"
        )
    data = {k: v for k, v in data.items() if k not in ("format", "text")}
    if "credits" in data and tag == "news60/story@1":
        data["reporting"] = _reporting_v1(data.pop("credits"), origin)
    _check_fields(data, Script, origin, required={"title", "scenes"})
    scenes = data.get("scenes")
    if not isinstance(scenes, list | tuple) or not scenes:
        raise ScriptError(
            f"{origin}: `scenes` must be a non-empty list of {{text, caption, photo}}"
        )
    return Script(
        title=_text(data["title"], f"{origin}: title"),
        scenes=tuple(_scene(s, f"{origin}: scenes[{i}]") for i, s in enumerate(scenes)),
        photos=tuple(
            _photo(p, f"{origin}: photos[{i}]") for i, p in enumerate(data.get("photos", []))
        ),
        reporting=_reporting(data.get("reporting", {}), f"{origin}: reporting"),
        published=data.get("published"),
        source_url=data.get("source_url"),
        language=data.get("language", "en"),
        summariser=data.get("summariser", "edited"),
        key=data.get("key"),
        notes=tuple(
            _text(n, f"{origin}: notes") for n in _list(data.get("notes", []), f"{origin}: notes")
        ),
    )


def _scene(data: Any, origin: str) -> Scene:
    if not isinstance(data, dict):
        raise ScriptError(f"{origin}: expected an object with text, caption and photo")
    _check_fields(data, Scene, origin, required={"text"})
    text = _text(data["text"], f"{origin}.text")
    if not text.strip():
        raise ScriptError(f"{origin}.text is empty: give the scene something to say, or delete it")
    caption = data.get("caption") or text
    photo = data.get("photo")
    return Scene(
        text,
        on_screen(_text(caption, f"{origin}.caption")),
        _photo(photo, f"{origin}.photo") if photo is not None else None,
        _lines(data.get("lines", []), text, f"{origin}.lines"),
    )


def on_screen(line: str) -> OnScreen:
    """A scene's on-screen line as written: a quote card when it reads as one, else a key line."""
    card = QUOTE_CARD.match(line)
    return QuoteCard(card["quote"], card["speaker"] or "") if card else line


def _lines(data: Any, text: str, origin: str) -> tuple[TracedSentence, ...]:
    """The scene's trace to the article; none once the producer has edited the scene's words
    (the trace would say the article wrote what the producer did)."""
    if not isinstance(data, list | tuple):
        raise ScriptError(f"{origin} must be a list of traced sentences (or left out)")
    lines = tuple(_line(item, f"{origin}[{i}]") for i, item in enumerate(data))
    return lines if " ".join(line.text for line in lines) == text else ()


def _line(data: Any, origin: str) -> TracedSentence:
    if isinstance(data, TracedSentence):
        return data
    if not isinstance(data, dict):
        raise ScriptError(f"{origin}: expected {{text, sources, places, rewrites}}")
    _check_fields(data, TracedSentence, origin, required={"text"})
    rewrites = data.get("rewrites", [])
    if not isinstance(rewrites, list | tuple) or not all(isinstance(r, dict) for r in rewrites):
        raise ScriptError(f"{origin}.rewrites must be a list of {{rule, note}}")
    places = data.get("places", [])
    if not isinstance(places, list | tuple) or not all(isinstance(p, int) for p in places):
        raise ScriptError(f"{origin}.places must be a list of sentence numbers")
    return TracedSentence(
        _text(data["text"], f"{origin}.text"),
        tuple(
            _text(s, f"{origin}.sources")
            for s in _list(data.get("sources", []), f"{origin}.sources")
        ),
        tuple(places),
        tuple(
            Rewrite(
                _text(r.get("rule", ""), f"{origin}.rule"),
                _text(r.get("note", ""), f"{origin}.note"),
            )
            for r in rewrites
        ),
    )


def _list(value: Any, origin: str) -> list | tuple:
    if not isinstance(value, list | tuple):
        raise ScriptError(f"{origin} must be a list")
    return value


def _photo(data: Any, origin: str) -> Photo:
    if isinstance(data, str):  # a bare path is a photo without caption or credit
        return Photo(data, "", "")
    if not isinstance(data, dict):
        raise ScriptError(f"{origin}: expected {{src, caption, credit}} or a path")
    _check_fields(data, Photo, origin, required=set())
    return Photo(
        data.get("src"), data.get("caption", ""), data.get("credit", ""), data.get("note", "")
    )


def _reporting(data: Any, origin: str) -> Reporting:
    if isinstance(data, Reporting):
        return data
    if not isinstance(data, dict):
        raise ScriptError(f"{origin}: expected {{authors, contributors, agencies}} lists of names")
    _check_fields(data, Reporting, origin, required=set())
    names = {}
    for role in ("authors", "contributors", "agencies"):
        value = data.get(role, [])
        if not isinstance(value, list | tuple):
            raise ScriptError(f"{origin}.{role} must be a list of names")
        names[role] = tuple(_text(v, f"{origin}.{role}") for v in value)
    return Reporting(**names)


def _reporting_v1(credits: Any, origin: str) -> Reporting:
    """A story@1 `credits` list of reporting credits, sorted into agencies and contributors."""
    from news60.article.reporting import read_reporting

    if not isinstance(credits, list):
        raise ScriptError(f"{origin}: credits must be a list of names")
    return read_reporting("", [_text(c, f"{origin}: credits") for c in credits])


def _check_fields(data: dict, kind: type, origin: str, required: set[str]) -> None:
    known = {f.name for f in fields(kind)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ScriptError(
            f"{origin}: unknown field(s) {', '.join(unknown)}; allowed: {', '.join(sorted(known))}"
        )
    missing = sorted(required - set(data))
    if missing:
        raise ScriptError(f"{origin}: missing field(s) {', '.join(missing)}")


def _text(value: Any, origin: str) -> str:
    if not isinstance(value, str):
        raise ScriptError(f"{origin} must be a string, not {type(value).__name__}")
    return value
