"""Direct speech in a sentence: one pattern for every stage that looks for quotes."""

from __future__ import annotations

import re
from collections.abc import Iterator

# Curly quotes pair with curly and straight with straight, so a page that mixes them never pairs
# across; single quotes only around words (not apostrophes in "don't" or "Trump's").
QUOTED = re.compile(r"“([^“”]+)”|\"([^\"]+)\"|(?<!\w)['‘](?=\w)(.+?)(?<=[\w.,!?])['’](?!\w)")


def quotations(sentence: str) -> Iterator[tuple[int, str]]:
    """(where the opening mark stands, the words inside) for every quote in the sentence."""
    for match in QUOTED.finditer(sentence):
        inside = next(group for group in match.groups() if group is not None)
        yield match.start(), inside.strip()
