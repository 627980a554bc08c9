"""story.json: the script as a producer edits it, and its strict reading back."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from news60.atomic import write_json
from news60.errors import ScriptError
from news60.localfiles import inside, load_json, problem_with_path, read_input
from news60.models import (
    KINDS,
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

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

FORMAT = "news60/story@2"
READABLE = (FORMAT, "news60/story@1")  # @1 listed reporting credits as plain `credits`
VERSION = re.compile(r"v\d+")  # a version folder's name, OUT/<story>/v3
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
    def relative(photo: Photo) -> Photo:
        if not photo.src or "://" in photo.src:
            return photo
        return replace(photo, src=relative_path(Path(photo.src), folder, within))

    scenes = tuple(replace(s, photo=s.photo and relative(s.photo)) for s in script.scenes)
    return replace(script, scenes=scenes, photos=tuple(relative(p) for p in script.photos))


# Limits of an edited story, each far above anything news60 writes, far below a mistake's size.
STORY_BYTES = 5_000_000  # a minute's story.json is a few KB; with traces, still well under this
TITLE_CHARS = 1_000  # the longest headlines run to about 200 characters
# A scene's narration; a story too long to narrate is refused later naming how much to cut,
# this stops only a whole file pasted into one scene.
TEXT_CHARS = 100_000
LABEL_CHARS = 1_000  # a caption, a photo caption or credit, a reporter's name
ADDRESS_CHARS = 4_096  # a photo path or URL, the source URL, the story's key
SHORT_CHARS = 200  # the summariser's name, the language tag, the publication date
ITEMS = 500  # scenes, photos, or names in one reporting list


def load_story(path: Path, photos: Path | None = None) -> Script:
    """Read an edited story.json, naming any field that is unknown, missing or of the wrong kind.

    Photo paths in it are relative to the story file's folder, as a producer writes them, and must
    lie inside the story's folder (or `photos`, the --photos folder): a story file names photos
    of its own story, never any file on the machine."""
    from news60.article.decode import decode
    from news60.errors import ArticleError

    hint = f"write one with `news60 script SOURCE -o {path}`"
    raw = read_input(path, STORY_BYTES, what="story file", hint=hint, error=ScriptError)
    try:
        text = decode(raw, str(path))  # any encoding an editor saves: UTF-8/16, BOMs
        data = load_json(text)
    except ArticleError as exc:
        raise ScriptError(
            f"{path} is not a story file ({exc}): give the story.json itself"
        ) from None
    except json.JSONDecodeError as exc:
        raise ScriptError(
            f"{path} is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}): "
            "fix it, or write it again with `news60 script`"
        ) from None
    except ValueError as exc:  # nested too deeply, a number too long
        raise ScriptError(f"{path} is not a story file ({exc}): {hint}") from None
    script = resolve_photos(script_from_dict(data, str(path)), path.parent)
    return confine_photos(script, (story_folder(path), *([photos] if photos else [])), str(path))


def story_folder(path: Path) -> Path:
    """The folder a story file's photos may come from: its own, or for a version's script.json
    (OUT/<story>/vN/script.json) the story's folder, where its downloaded photos are kept."""
    folder = path.resolve().parent
    if VERSION.fullmatch(folder.name) and (folder.parent / "manifest.json").is_file():
        return folder.parent
    return folder


def resolve_photos(script: Script, folder: Path) -> Script:
    """Relative photo paths made absolute against `folder`; URLs and absolute paths unchanged."""

    def resolved(photo: Photo) -> Photo:
        if not photo.src or "://" in photo.src:
            return photo
        path = Path(photo.src).expanduser()
        return replace(photo, src=str(path if path.is_absolute() else (folder / path).resolve()))

    scenes = tuple(replace(s, photo=s.photo and resolved(s.photo)) for s in script.scenes)
    return replace(script, scenes=scenes, photos=tuple(resolved(p) for p in script.photos))


def confine_photos(script: Script, folders: tuple[Path, ...], origin: str) -> Script:
    """The script, once every local photo it names is inside one of `folders`."""
    named = [(f"scenes[{i}].photo", s.photo) for i, s in enumerate(script.scenes)]
    named += [(f"photos[{i}]", p) for i, p in enumerate(script.photos)]
    for field, photo in named:
        if photo is None or not photo.src or "://" in photo.src:
            continue
        if not inside(Path(photo.src), folders):
            raise ScriptError(
                f"{origin}: {field} {photo.src} is outside the story's folder "
                f"({folders[0]}): copy the photo there and name it relative to the story file, "
                "or give its folder with --photos"
            )
    return script


def script_from_dict(data: Any, origin: str = "story") -> Script:
    if not isinstance(data, dict):
        raise ScriptError(f"{origin}: expected a JSON object with title and scenes")
    tag = data.get("format", FORMAT)
    if tag not in READABLE:
        raise ScriptError(
            f"{origin}: format {str(tag)[:40]!r} is not one news60 reads ({', '.join(READABLE)}): "
            "write the story again with `news60 script SOURCE -o story.json`"
        )
    data = {k: v for k, v in data.items() if k not in ("format", "text")}
    if "credits" in data and tag == "news60/story@1":
        data["reporting"] = _reporting_v1(data.pop("credits"), origin)
    _check_fields(data, Script, origin, required={"title", "scenes"})
    scenes = _list(data["scenes"], f"{origin}: scenes", "{text, caption, photo} scenes")
    if not scenes:
        raise ScriptError(
            f"{origin}: `scenes` must be a non-empty list of {{text, caption, photo}}"
        )
    photos = _list(data.get("photos", []), f"{origin}: photos", "{src, caption, credit} photos")
    return Script(
        title=_text(data["title"], f"{origin}: title", TITLE_CHARS),
        scenes=tuple(_scene(s, f"{origin}: scenes[{i}]") for i, s in enumerate(scenes)),
        photos=tuple(_photo(p, f"{origin}: photos[{i}]") for i, p in enumerate(photos)),
        reporting=_reporting(data.get("reporting", {}), f"{origin}: reporting"),
        published=_optional(data.get("published"), f"{origin}: published", SHORT_CHARS),
        source_url=_optional(data.get("source_url"), f"{origin}: source_url", ADDRESS_CHARS),
        language=_text(data.get("language", "en"), f"{origin}: language", SHORT_CHARS),
        summariser=_text(data.get("summariser", "edited"), f"{origin}: summariser", SHORT_CHARS),
        key=_optional(data.get("key"), f"{origin}: key", ADDRESS_CHARS),
        rate=_rate(data.get("rate", 1.0), f"{origin}: rate"),
        notes=tuple(
            _text(n, f"{origin}: notes", TEXT_CHARS)
            for n in _list(data.get("notes", []), f"{origin}: notes", "notes")
        ),
        kind=_story_kind(data.get("kind", "news"), origin),
    )


def _story_kind(value: Any, origin: str) -> str:
    """The story's kind (news, opinion ...), one news60.article.kinds knows."""
    if value not in KINDS:
        raise ScriptError(f"{origin}: kind {value!r} is not one of {', '.join(KINDS)}")
    return str(value)  # (one of KINDS: already a str)


def _scene(data: Any, origin: str) -> Scene:
    if not isinstance(data, dict):
        raise ScriptError(f"{origin}: expected an object with text, caption and photo")
    _check_fields(data, Scene, origin, required={"text"})
    text = _text(data["text"], f"{origin}.text", TEXT_CHARS)
    if not text.strip():
        raise ScriptError(f"{origin}.text is empty: give the scene something to say, or delete it")
    caption = data.get("caption") or text
    photo = data.get("photo")
    return Scene(
        text,
        on_screen(_text(caption, f"{origin}.caption", max(LABEL_CHARS, len(text)))),
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
    items = _list(data, origin, "traced sentences (or left out)")
    lines = tuple(_line(item, f"{origin}[{i}]") for i, item in enumerate(items))
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
        _text(data["text"], f"{origin}.text", TEXT_CHARS),
        tuple(
            _text(s, f"{origin}.sources", TEXT_CHARS)
            for s in _list(data.get("sources", []), f"{origin}.sources", "sentences")
        ),
        tuple(places),
        tuple(
            Rewrite(
                _text(r.get("rule", ""), f"{origin}.rule", SHORT_CHARS),
                _text(r.get("note", ""), f"{origin}.note", LABEL_CHARS),
            )
            for r in rewrites
        ),
    )


def _photo(data: Any, origin: str) -> Photo:
    if isinstance(data, str):  # a bare path is a photo without caption or credit
        return Photo(_source(data, origin), "", "")
    if not isinstance(data, dict):
        raise ScriptError(f"{origin}: expected {{src, caption, credit}} or a path")
    _check_fields(data, Photo, origin, required=set())
    src = data.get("src")
    return Photo(
        _source(src, f"{origin}.src") if src is not None else None,
        _text(data.get("caption", ""), f"{origin}.caption", LABEL_CHARS),
        _text(data.get("credit", ""), f"{origin}.credit", LABEL_CHARS),
        _text(data.get("note", ""), f"{origin}.note", LABEL_CHARS),
    )


def _source(value: Any, origin: str) -> str:
    """A photo's place: an http(s) URL, or a path (no other scheme, no control characters)."""
    text = _text(value, origin, ADDRESS_CHARS)
    if problem := problem_with_path(text):
        raise ScriptError(f"{origin} {problem}: give a photo path or an https:// address")
    if "://" in text and not text.lower().startswith(("http://", "https://")):
        raise ScriptError(
            f"{origin} {text[:80]!r} is neither a path nor an http(s) URL: give the photo's "
            "path relative to the story file, or an https:// address"
        )
    return text


def _reporting(data: Any, origin: str) -> Reporting:
    if isinstance(data, Reporting):
        return data
    if not isinstance(data, dict):
        raise ScriptError(
            f"{origin}: expected {{authors, contributors, agencies, partners}} lists of names"
        )
    _check_fields(data, Reporting, origin, required=set())
    names = {}
    for role in ("authors", "contributors", "agencies", "partners"):
        value = _list(data.get(role, []), f"{origin}.{role}", "names")
        names[role] = tuple(_text(v, f"{origin}.{role}", LABEL_CHARS) for v in value)
    return Reporting(**names)


def _reporting_v1(credits: Any, origin: str) -> Reporting:
    """A story@1 `credits` list of reporting credits, sorted into agencies and contributors."""
    from news60.article.reporting import read_reporting

    names = _list(credits, f"{origin}: credits", "names")
    return read_reporting("", [_text(c, f"{origin}: credits", LABEL_CHARS) for c in names])


def _check_fields(
    data: dict[str, Any], kind: type[DataclassInstance], origin: str, required: set[str]
) -> None:
    known = {f.name for f in fields(kind)}
    unknown = sorted(str(k)[:40] for k in set(data) - known)
    if unknown:
        raise ScriptError(
            f"{origin}: unknown field(s) {', '.join(unknown[:5])}; "
            f"allowed: {', '.join(sorted(known))}"
        )
    missing = sorted(required - set(data))
    if missing:
        raise ScriptError(f"{origin}: missing field(s) {', '.join(missing)}")


def _list(value: Any, origin: str, items: str) -> list[Any]:
    """A JSON list of at most ITEMS; a string where the list belongs is named, not split."""
    if not isinstance(value, list | tuple):
        raise ScriptError(
            f'{origin} must be a list of {items}, not {_kind(value)}: write ["..."] even for one'
        )
    if len(value) > ITEMS:
        raise ScriptError(f"{origin} has {len(value):,} items; at most {ITEMS}: remove some")
    return list(value)


def _text(value: Any, origin: str, limit: int) -> str:
    if not isinstance(value, str):
        raise ScriptError(f"{origin} must be a string, not {_kind(value)}")
    if len(value) > limit:
        raise ScriptError(f"{origin} is {len(value):,} characters; at most {limit:,}: shorten it")
    return value


def _optional(value: Any, origin: str, limit: int) -> str | None:
    return None if value is None else _text(value, origin, limit)


def _rate(value: Any, origin: str) -> float:
    """The speaking-rate factor the fitting chose: a number from 0.5 to 2."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.5 <= value <= 2:
        raise ScriptError(
            f"{origin} must be a number from 0.5 to 2 (1 is the voice's own pace), not {value!r}"
        )
    return float(value)


def _kind(value: Any) -> str:
    names = {str: "a string", dict: "an object", list: "a list", bool: "true/false"}
    names |= {int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), f"a {type(value).__name__}")
