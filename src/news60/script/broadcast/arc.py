"""A story arc, not a lead with leftovers: beyond what happened, why it happened or matters, the
other side or the reaction, and what happens next, each found in the article's own sentences."""

from __future__ import annotations

from collections.abc import Iterable

from news60.language import Profile

ROLES = ("why", "reaction", "next")
_SAID = {
    "why": "why it happened or why it matters",
    "reaction": "another side or a reaction",
    "next": "what happens next",
}


def roles_of(text: str, profile: Profile) -> frozenset[str]:
    """The parts of the arc a unit's text tells."""
    cues = {"why": profile.cause, "reaction": profile.reaction, "next": profile.next_steps}
    return frozenset(role for role, cue in cues.items() if cue.search(text))


def arc_notes(
    script: str, article_units: Iterable[str], profile: Profile, *, filled: bool = True
) -> tuple[str, ...]:
    """What the manifest says of the arc: each part the script lacks because the article has
    none (the writer does not pad), and each part left out: for time when the script `filled`
    its minute; else because the article tells it only in words the script cannot say (a quote
    without its speaker, a sentence too long for the ear)."""
    told = roles_of(script, profile)
    offered = frozenset().union(*(roles_of(text, profile) for text in article_units))
    why = "for time" if filled else "as the article's words for it cannot be said as they stand"
    notes = []
    for role in ROLES:
        if role in told:
            continue
        if role in offered:
            notes.append(f"the script leaves out {_SAID[role]} {why}")
        else:
            notes.append(f"the article says nothing of {_SAID[role]}")
    return tuple(notes)
