"""Check that a written script only states what the article supports."""

from __future__ import annotations

import re

from news60.language import Profile, profile_for
from news60.models import Article
from news60.script.quotes import quotations

_NUMBER = re.compile(r"\d+(?:[,.\s]\d{3})*(?:\.\d+)?")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?…:;]\s+|[\"“‘(]\s*)$")
_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_COMMON = (
    "a an the and or but if so of to in on at by for with from as is are was were be been it "
    "its this that these those he she they we you i his her their our your my not no yes there "
    "according"
)
_STOPWORDS = frozenset(_COMMON.split())
_SUPPORT = 0.5  # below this share of known content words, a script is taken as invented


def unsupported_terms(script_text: str, article: Article) -> list[str]:
    """Numbers, names and quotes in the script that the article does not contain."""
    source = " ".join([article.title, article.standfirst, article.text])
    profile = profile_for(article.language)
    full = said_in_full(source, profile)
    vocabulary = {stem(w) for w in _WORD.findall(f"{full} {party_names(full)}")}
    terms = untraceable(script_text, source, profile) + _invented_words(script_text, vocabulary)
    return list(dict.fromkeys(terms))


def said_in_full(text: str, profile: Profile) -> str:
    """The text with its abbreviations said in full ("Oct. 25" -> "October 25") and titles
    without their stop ("Mr. Trump" -> "Mr Trump")."""
    for short, full in profile.spelled_out.items():
        text = re.sub(rf"\b{re.escape(short)}(?=\s+\d)", full, text)
    for short, bare_title in profile.stopless_titles.items():
        text = re.sub(rf"\b{re.escape(short)}(?=\s+[A-Z])", bare_title, text)
    return _PARTY_TAG.sub(lambda m: f"{m[1]}-{profile.party_places.get(m[2], m[2])}", text)


# "(R-TX)", "(D-N.Y.)", ", D-Minn.,": a party and the place it abbreviates.
_PARTY_TAG = re.compile(r"(?<=[(\s])([RDI])-([A-Z][\w.]{0,12}?)(?=\)|,)")
PARTIES = {"R": "Republican", "D": "Democrat", "I": "independent"}


def party_names(text: str) -> str:
    """The parties the text's party tags stand for ("(D-Minn.)": "Democrat"), as words."""
    return " ".join(PARTIES[m[1]] for m in _PARTY_TAG.finditer(text))


def editors_words(text: str) -> str:
    """ "“give[s] us hope”": an editor's brackets are said as the words they hold."""
    return text.replace("[", "").replace("]", "")


def untraceable(text: str, source: str, profile: Profile) -> list[str]:
    """Numbers, names and quotes in `text` that `source` does not contain word for word (a
    name in a hyphenated word counts, "(R-Texas)"; an abbreviation counts said in full; an
    editor's brackets count as the words they hold)."""
    source = editors_words(source)
    full = said_in_full(source, profile)
    source = f"{source} {full} {full.replace('-', ' ')} {party_names(full)}"
    vocabulary = {stem(w) for w in _WORD.findall(source)}
    terms = _missing_numbers(text, numbers_in(source))
    terms += _missing_names(text, vocabulary)
    terms += _missing_quotes(text, plain(source))
    return list(dict.fromkeys(terms))


def numbers_in(text: str) -> set[float]:
    """Every number in the text, written in digits or in words."""
    found = {_to_number(m.group(0)) for m in _NUMBER.finditer(text)}
    return found | {value for _, value in _worded_numbers(text)}


def _missing_numbers(script: str, known: set[float]) -> list[str]:
    digits = [(m.group(0).strip(" ,."), _to_number(m.group(0))) for m in _NUMBER.finditer(script)]
    return [text for text, value in digits + _worded_numbers(script) if value not in known]


def _to_number(text: str) -> float:
    """ "1,000" and "1 000" are 1000; "3.5" is 3.5."""
    cleaned = re.sub(r"(?<=\d)[,\s](?=\d{3})", "", text.strip(" ,."))
    cleaned = re.sub(r"\.(?=\d{3}(?:\D|$))", "", cleaned) if cleaned.count(".") > 1 else cleaned
    return float(cleaned)


def _worded_numbers(text: str) -> list[tuple[str, float]]:
    """Numbers spelled out, e.g. "twenty-five" or "three hundred thousand", with their value."""
    found: list[tuple[str, float]] = []
    pattern = "|".join([*_UNITS, *_SCALES])
    run = rf"\b(?:{pattern})(?:[\s-]+(?:and[\s-]+)?(?:{pattern}))*\b"
    for match in re.finditer(run, text, re.IGNORECASE):
        words = re.split(r"[\s-]+", match.group(0).lower())
        if words[0] in _SCALES or words == ["one"]:
            continue  # "one" is too often a pronoun ("one of them") to count as a number
        found.append((match.group(0), _words_value([w for w in words if w != "and"])))
    return found


def _words_value(words: list[str]) -> float:
    total, current = 0, 0
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        else:
            total += max(current, 1) * _SCALES[word]
            current = 0
    return float(total + current)


def _missing_names(script: str, vocabulary: set[str]) -> list[str]:
    """Capitalised words the article never uses, leaving out sentence-initial common words."""
    missing = []
    for match in _WORD.finditer(script):
        word = match.group(0)
        if not word[0].isupper() or stem(word) in vocabulary:
            continue
        initial = _SENTENCE_START.search(script[: match.start()])
        if initial and word.lower() in _STOPWORDS:
            continue
        missing.append(word)
    return missing


def _missing_quotes(script: str, plain_source: str) -> list[str]:
    # Quotes are paired within a sentence: a quote mark left open by one sentence must not pair
    # with one in the next, or the words between two true sentences look like an invented quote.
    from news60.script.sentences import split_sentences

    quotes = [q for sentence in split_sentences(script) for _, q in quotations(sentence)]
    return [q for q in quotes if len(q.split()) > 1 and plain(q) not in plain_source]


def _invented_words(script: str, vocabulary: set[str]) -> list[str]:
    """When most content words are foreign to the article, the script is invented: list them."""
    content = [w for w in _WORD.findall(script) if w.lower() not in _STOPWORDS and len(w) > 2]
    unknown = [w for w in content if stem(w) not in vocabulary]
    if not content or len(unknown) <= (1 - _SUPPORT) * len(content):
        return []
    return unknown


def stem(word: str) -> str:
    """Fold case, possessives and plurals so "Putin's" matches "Putin" and "votes" "vote"."""
    word = word.lower().replace("’", "'")
    word = re.sub(r"'s?$", "", word)
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + replacement
    return word


def plain(text: str) -> str:
    """Lower case, words only, single spaces: for finding a quote whatever its punctuation."""
    return " ".join(re.findall(r"\w+", text.lower().replace("’", "'")))
