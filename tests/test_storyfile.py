import json

import pytest

from news60.errors import ScriptError
from news60.models import Photo, QuoteCard, Reporting, Scene, Script
from news60.script.storyfile import (
    load_story,
    resolve_photos,
    save_story,
    script_from_dict,
    script_to_dict,
)

SCRIPT = Script(
    title="Headline",
    scenes=(
        Scene("First sentence. Second one.", "First", Photo("p.jpg", "cap", "X via AP")),
        Scene("Third.", "Third"),
        Scene("He said: “Not today.”", QuoteCard("Not today.", "Jo Roe")),
    ),
    photos=(Photo(None, "cap", "Y via PA Images"),),
    reporting=Reporting(agencies=("AFP",)),
    published="2019-06-28",
)


def test_round_trip_keeps_everything(tmp_path):
    path = save_story(SCRIPT, tmp_path / "story.json")
    loaded = load_story(path)
    assert loaded.scenes[0].photo.src == str(tmp_path / "p.jpg")  # relative to the story file
    assert resolve_photos(SCRIPT, tmp_path) == loaded
    assert json.loads(path.read_text())["text"] == SCRIPT.text


def test_a_quote_card_is_one_line_in_the_file_and_its_quote_and_speaker_when_read():
    data = script_to_dict(SCRIPT)
    assert data["scenes"][2]["caption"] == "“Not today.” — Jo Roe"
    assert script_from_dict(data).scenes[2].caption == QuoteCard("Not today.", "Jo Roe")
    typed = {"title": "x", "scenes": [{"text": "Hi.", "caption": '"Hello there" - Al'}]}
    assert script_from_dict(typed).scenes[0].caption == QuoteCard("Hello there", "Al")
    unnamed = {"title": "x", "scenes": [{"text": "Hi.", "caption": "“Hello there”"}]}
    assert script_from_dict(unnamed).scenes[0].caption == QuoteCard("Hello there")


def test_unknown_field_is_named_with_the_allowed_ones():
    data = script_to_dict(SCRIPT)
    data["scenes"][1]["colour"] = "red"
    with pytest.raises(
        ScriptError,
        match=r"scenes\[1\]: unknown field\(s\) colour; allowed: caption, lines, photo, text",
    ):
        script_from_dict(data)


def test_missing_scenes_and_empty_text_are_named():
    with pytest.raises(ScriptError, match="missing field.*scenes"):
        script_from_dict({"title": "x"})
    with pytest.raises(ScriptError, match=r"scenes\[0\].text is empty"):
        script_from_dict({"title": "x", "scenes": [{"text": " "}]})


def test_a_scene_photo_may_be_a_bare_path_and_is_credited(tmp_path):
    script = script_from_dict({"title": "x", "scenes": [{"text": "Hi.", "photo": "a.jpg"}]})
    assert script.scenes[0].photo == Photo("a.jpg", "", "")
    assert script.scenes[0].caption == "Hi."


def test_invalid_json_names_the_line(tmp_path):
    path = tmp_path / "story.json"
    path.write_text('{"title": "x",\n oops}')
    with pytest.raises(ScriptError, match="not valid JSON .* at line 2, column"):
        load_story(path)
