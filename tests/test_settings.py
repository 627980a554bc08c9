from pathlib import Path

import pytest

from news60.errors import SettingsError
from news60.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent


def test_the_documented_example_config_is_the_defaults():
    assert load_settings(ROOT / "news60.example.toml") == Settings()


def test_flags_override_the_file_and_none_keeps_it(tmp_path):
    config = tmp_path / "news60.toml"
    config.write_text('[video]\nfps = 25\n[voice]\nname = "gtts:en"\n')
    settings = load_settings(config, video={"fps": 10}, voice={"name": None})
    assert (settings.video.fps, settings.voice.name) == (10, "gtts:en")


def test_unknown_setting_names_the_known_ones(tmp_path):
    config = tmp_path / "news60.toml"
    config.write_text("[video]\nfsp = 25\n")
    with pytest.raises(SettingsError, match=r"unknown setting 'fsp'.*fps"):
        load_settings(config)


def test_missing_and_broken_files_are_named(tmp_path):
    with pytest.raises(SettingsError, match="not found: check the --config path"):
        load_settings(tmp_path / "nope.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("[video\n")
    with pytest.raises(SettingsError, match="is not valid TOML"):
        load_settings(broken)
