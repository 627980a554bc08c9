"""Language profiles: what varies by language (sentence rules, word lists, speech rewrites, the
broadcast writer's cues, the default voice), one object per language, chosen by the article's
language. English is the first; a language is added by one module and one line in the registry."""

from __future__ import annotations

from news60.language.profile import Profile
from news60.language.registry import profile_for

__all__ = ["Profile", "profile_for"]
