"""A language is one profile module and one line in the registry: a Spanish test profile,
registered only here, changes what the broadcast writer does with a Spanish article (its
agency's dateline out, its reporting verb in the house tense, its furniture dropped) while
English articles are written exactly as before."""

from __future__ import annotations

import pytest
import spanish_profile

from news60.language import profile_for, registry
from news60.models import Article
from news60.script.summarisers.story import read_story, spoken_units

SPANISH = Article(
    title="El alcalde cierra el puente por la tormenta",
    paragraphs=(
        "MADRID (EFE) — El alcalde cerró el puente principal de la ciudad el martes por la "
        "tormenta, dijo el ayuntamiento.",
        "LEA TAMBIÉN: Los vecinos tuvieron que dejar sus casas durante la noche.",
        "El puente no abrirá hasta el viernes, afirmó el alcalde.",
    ),
    language="es",
)
ENGLISH = Article(
    title="Mayor shuts the bridge in the storm",
    paragraphs=(
        "MADRID (AP) — The mayor shut the city's main bridge on Tuesday because of the storm, "
        "the city council said.",
        "The bridge will not open before Friday, the mayor said.",
    ),
)


def register_spanish(monkeypatch):
    """The registry with the Spanish test profile in it, as one more line would add it."""
    monkeypatch.setitem(registry._PROFILES, "es", spanish_profile.profile)
    registry._built.cache_clear()


@pytest.fixture(autouse=True)
def fresh_registry():
    registry._built.cache_clear()
    yield
    registry._built.cache_clear()


def test_a_language_without_a_profile_is_written_by_the_english_one():
    assert profile_for("es").code == "en" and profile_for("en-GB").code == "en"
    said = " ".join(spoken_units(SPANISH, tense="says"))
    assert "dijo" in said and "dice" not in said  # English knows no Spanish reporting verb


def test_a_spanish_article_is_written_by_its_own_profile(monkeypatch):
    register_spanish(monkeypatch)
    assert profile_for("es").code == "es" and profile_for("es-MX") is profile_for("es")
    said = " ".join(spoken_units(SPANISH, tense="says"))
    assert "MADRID" not in said and "EFE" not in said  # its agency's dateline: clutter
    assert "LEA TAMBIÉN" not in said  # its page furniture
    assert "dice el ayuntamiento" in said and "dijo" not in said  # the house tense
    assert "El puente no abrirá hasta el viernes, afirma el alcalde." in said  # negation kept
    (lead,) = read_story(SPANISH).written[0]
    assert lead.rewrites[0].rule == "clutter" and "MADRID (EFE)" in lead.rewrites[0].note


def test_english_is_written_as_before_with_a_second_language_registered(monkeypatch):
    before = spoken_units(ENGLISH, tense="says")
    register_spanish(monkeypatch)
    assert profile_for("en").code == "en"
    assert spoken_units(ENGLISH, tense="says") == before
    assert "MADRID" not in " ".join(before) and "says" in " ".join(before)
