"""Line breaks by measured width: greedy, or balanced so the lines of a block are of even length."""

from __future__ import annotations

import re
from collections.abc import Callable

Measure = Callable[[str], float]

# Characters a line may break after without a space: CJK ideographs, kana, hangul, full-width forms.
CJK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
PIECES = re.compile(f"[{CJK}][、。，！？）」』]*|[^{CJK}]+")
# Where a too-long token (a URL, a hashtag run, a chemical name) is best broken: after these.
_SOFT_BREAKS = "/-_.@?&=#"
# Words a line should not end on: they lean on the next word ("the | election").
DANGLING_LIST = (
    "a an the of to in on at by for with from into onto about after before over under across "
    "against during without within between through behind and or but nor as than his her its "
    "their our my your this that these those mr mrs ms dr"
)
DANGLING = frozenset(DANGLING_LIST.split())
_DANGLING_COST = 4.0  # in units of a whole line's width squared: worse than a ragged pair of lines
_NAME_COST = 0.5  # a name split over two lines is read as two things


def tokens(text: str, measure: Measure, width: float) -> list[tuple[str, str]]:
    """(piece, joiner before it): words joined by spaces, CJK characters by nothing.

    A piece wider than `width` is cut into pieces that fit, after soft break characters when it can.
    """
    out: list[tuple[str, str]] = []
    for word in text.split():
        for i, piece in enumerate(PIECES.findall(word)):
            for j, part in enumerate(_split_long(piece, measure, width)):
                out.append((part, " " if i == 0 and j == 0 and out else ""))
    return out


def _split_long(piece: str, measure: Measure, width: float) -> list[str]:
    parts: list[str] = []
    while measure(piece) > width and len(piece) > 1:
        fit = len(piece) - 1
        while fit > 1 and measure(piece[:fit]) > width:
            fit -= 1
        soft = max((piece.rfind(c, 0, fit) for c in _SOFT_BREAKS), default=-1)
        cut = soft + 1 if soft >= fit // 2 else fit
        parts.append(piece[:cut])
        piece = piece[cut:]
    return [*parts, piece]


def join(pieces: list[tuple[str, str]]) -> str:
    return "".join(
        (joiner if i else "") + piece for i, (piece, joiner) in enumerate(pieces)
    ).strip()


def greedy_lines(text: str, measure: Measure, width: float) -> list[str]:
    """Fill each line as far as it goes; paragraphs (newlines) start new lines."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line: list[tuple[str, str]] = []
        for token in tokens(paragraph, measure, width):
            if line and measure(join([*line, token])) > width:
                lines.append(join(line))
                line = [(token[0], "")]
            else:
                line.append(token)
        lines.append(join(line))
    return lines


def balanced_lines(text: str, measure: Measure, width: float, max_lines: int) -> list[str] | None:
    """The fewest lines (at most `max_lines`) within `width`, evened out; None if it cannot fit.

    Among breaks into that many lines, the chosen ones make the lines closest to equal width
    and avoid ending a line on a word that leans on the next.
    """
    pieces = tokens(" ".join(text.split()), measure, width)
    if not pieces:
        return [""]
    count = len(greedy_lines(text.replace("\n", " "), measure, width))
    if count > max_lines:
        return None
    total = measure(join(pieces))
    target = total / count
    best = _best_breaks(pieces, measure, width, count, target)
    return best if best is not None else greedy_lines(text, measure, width)


def _break_cost(pieces: list[tuple[str, str]], end: int) -> float:
    """What breaking before piece `end` costs: after "the", or inside a name ("Donald | Trump")."""
    last, following = pieces[end - 1][0], pieces[end][0]
    if last.lower().strip(",.;:“‘") in DANGLING:
        return _DANGLING_COST
    if last[:1].isupper() and following[:1].isupper() and not last.endswith((",", ".", ":")):
        return _NAME_COST
    return 0.0


def _best_breaks(
    pieces: list[tuple[str, str]], measure: Measure, width: float, count: int, target: float
) -> list[str] | None:
    """Dynamic programme over break positions: cost[k][i] = best k lines ending before piece i.

    A line's width is the sum of its pieces' widths and spaces (kerning across a space is nil).
    """
    n, inf = len(pieces), float("inf")
    space = measure(" ")
    widths = [measure(piece) for piece, _ in pieces]
    prefix = [0.0]
    for i, (w, (_, joiner)) in enumerate(zip(widths, pieces, strict=True)):
        prefix.append(prefix[-1] + w + (space if joiner == " " and i else 0.0))

    def length(start: int, end: int) -> float:
        lead = space if start and pieces[start][1] == " " else 0.0
        return prefix[end] - prefix[start] - lead

    cost = [[inf] * (n + 1) for _ in range(count + 1)]
    back = [[0] * (n + 1) for _ in range(count + 1)]
    cost[0][0] = 0.0
    for k in range(1, count + 1):
        for end in range(1, n + 1):
            for start in range(k - 1, end):
                if cost[k - 1][start] == inf or length(start, end) > width:
                    continue
                penalty = ((length(start, end) - target) / width) ** 2
                penalty += _break_cost(pieces, end) if end < n else 0.0
                if cost[k - 1][start] + penalty < cost[k][end]:
                    cost[k][end], back[k][end] = cost[k - 1][start] + penalty, start
    if cost[count][n] == inf:
        return None
    lines, end = [], n
    for k in range(count, 0, -1):
        start = back[k][end]
        lines.append(join([(pieces[start][0], ""), *pieces[start + 1 : end]]))
        end = start
    return lines[::-1]
