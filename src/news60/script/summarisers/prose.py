"""Which article sentences are speakable prose, not captions, credits or page furniture."""

from __future__ import annotations

import re

_MIN_WORDS = 5
_MAX_WORDS = 70

_FURNITURE = re.compile(
    r"^(click here|read more|scroll down|see more|watch|video|photo|photos|picture|pictures|"
    r"image|images|caption|advertisement|sign up|subscribe|follow us|share this|related|"
    r"copyright|all rights reserved|editing by|reporting by|additional reporting|"
    r"with reporting|writing by|contact|email|newsletter|updated|published|last updated)\b",
    re.IGNORECASE,
)
_CAPTION_MARK = re.compile(
    r"\((?:pictured|pictured [\w ]{1,20}|left|right|centre|center|above|below|top|bottom|"
    r"inset|file photo|file picture|main picture|main image)\)",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"(©|\bgetty images\b|\bvia (?:pa|ap|reuters|afp|getty)\b|\bshutterstock\b|"
    r"\bphoto(?:graph)?: |\bcredit: |\bpa images\b|\bpa wire\b)",
    re.IGNORECASE,
)
# A Daily Mail style caption label: one to three capitalised words and a colon, then text.
_LABEL = re.compile(r"^(?:[A-Z][\w'’-]*\s?){1,3}:\s")
_SAID_LABEL = re.compile(r"\b(said|says|told|added|wrote|tweeted|explained|warned)\b", re.I)
# A publisher talking to its readers: donation appeals, newsletter and comment prompts.
_APPEAL = re.compile(
    r"\b(readers like you|donat\w*|contribut\w*|subscri\w*|our (?:mission|journalism|reporting)|"
    r"comments? (?:policy|community|section)|sign up|newsletter)\b",
    re.IGNORECASE,
)
_READER = re.compile(r"\b(you|your|we|our|us)\b", re.IGNORECASE)
# Prose ends on terminal punctuation, perhaps inside closing quotes or brackets.
_ENDED = re.compile(r"[.!?…][\"'”’)\]]*$")
_URL = re.compile(r"https?://|www\.|\.com\b|@\w+")


def is_prose(sentence: str) -> bool:
    """True when a sentence reads as story prose a narrator could say."""
    words = sentence.split()
    if not _MIN_WORDS <= len(words) <= _MAX_WORDS:
        return False
    if _FURNITURE.match(sentence) or _CAPTION_MARK.search(sentence) or _CREDIT.search(sentence):
        return False
    if _URL.search(sentence) or _is_caption_label(sentence) or _is_appeal(sentence):
        return False
    if sentence.isupper() or not _ENDED.search(sentence):
        return False  # a heading or a cut-off fragment
    return sum(ch.isalpha() for ch in sentence) > 0.6 * len(sentence)


def _is_caption_label(sentence: str) -> bool:
    label = _LABEL.match(sentence)
    return bool(label) and not _SAID_LABEL.search(label.group(0))


def _is_appeal(sentence: str) -> bool:
    return bool(_APPEAL.search(sentence)) and bool(_READER.search(sentence))
