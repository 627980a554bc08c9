"""A second language for the tests: Spanish, as far as the broadcast writer's cues go. It lives in
this one file and is added to the registry by the test; nothing else in news60 knows it."""

from __future__ import annotations

import re

from news60.language.english import profile as english
from news60.language.profile import Profile


def profile() -> Profile:
    """A Spanish profile: reporting verbs, agencies, negations and cues in Spanish; what the
    writer needs no Spanish for (measures) kept from English."""
    base = english()
    return Profile(
        code="es",
        name="Spanish",
        reporting={"dijo": "dice", "afirmó": "afirma", "declaró": "declara"},
        agent_participles={"diciendo": "dijo"},
        event_participles={"dejando": "dejó"},
        agencies=frozenset({"EFE", "AFP", "Reuters"}),
        titles=frozenset({"presidente", "presidenta", "ministro", "ministra", "alcalde"}),
        negations=frozenset({"no", "nunca", "jamás", "ningún", "ninguna", "nadie", "nada"}),
        subject_pronouns=frozenset({"él", "ella", "ellos", "ellas", "nosotros"}),
        determiners=frozenset({"el", "la", "los", "las", "un", "una", "su", "sus"}),
        openers=frozenset({"aquí", "hoy", "ayer", "mañana", "además"}),
        coordinators={"y": "", "pero": "Pero"},
        clause_conjunctions=frozenset({"mientras", "aunque"}),
        answering=frozenset({"pero", "sin embargo", "eso", "esto"}),
        pointing=frozenset({"ellos", "ellas", "su", "sus"}),
        first_person=frozenset({"yo", "Yo", "mi", "Mi", "me", "Me", "mío"}),
        auxiliaries=frozenset({"fue", "era", "es", "ha", "han", "había", "será", "está"}),
        irregular_past=frozenset({"dijo", "fue", "hizo", "tuvo", "pudo"}),
        present_verbs=frozenset({"dice", "es", "está", "tiene", "quiere"}),
        measures=base.measures,
        cause=re.compile(r"\b(?:porque|debido a|a causa de)\b", re.I),
        reaction=re.compile(r"\b(?:criticó|respondió|rechazó)\b", re.I),
        next_steps=re.compile(r"\b(?:se espera|la próxima semana|el próximo)\b", re.I),
        furniture=re.compile(r"\b(?:LEA TAMBIÉN|MÁS INFORMACIÓN)\s*:\s*", re.I),
        spelled_out={"sept.": "septiembre"},
        stopless_titles={"Sr.": "Sr", "Sra.": "Sra"},
        party_places={},
        default_voice=base.default_voice,
    )
