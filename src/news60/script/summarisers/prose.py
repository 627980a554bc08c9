"""Which article sentences are speakable prose, not captions, credits or page furniture."""

from __future__ import annotations

import re

from news60.script.quotes import read_marks
from news60.script.sentences import LIST_MARKER

_MIN_WORDS = 5  # a sentence said on its own; a short one may still ride with its neighbours
_MAX_WORDS = 70

_FURNITURE = re.compile(
    r"^(click here|read more|scroll down|see more|watch|video|photo|photos|picture|pictures|"
    r"image|images|caption|advertisement|sign up|subscribe|follow us|share this|related|"
    r"copyright|all rights reserved|editing by|reporting by|additional reporting|"
    r"with reporting|writing by|contact|email|newsletter|updated|published|last updated)\b",
    re.IGNORECASE,
)
# "(pictured)" marks a sentence written beside a photo; the words around it are still the story.
_CAPTION_MARK = re.compile(
    r"\s*\((?:pictured|pictured [\w ]{1,20}|left|right|centre|center|above|below|top|bottom|"
    r"inset|file photo|file picture|main picture|main image)\)",
    re.IGNORECASE,
)
# "... enjoy all the luxury; pictured is Lake Placid Lodge": a caption naming what its photo shows.
_PICTURED_IS = re.compile(r"[;:,]\s+pictured (?:is|are)\s", re.IGNORECASE)
# The same mark between commas (Daily Mail): "Ray Coe, pictured left, is set to be awarded".
_CAPTION_ASIDE = re.compile(
    r"(?:,\s*(?:pictured(?: (?:left|right|centre|center|above|below|top|bottom|inset|here|"
    r"second left|second right|far left|far right))?(?: with [^,.;:!?]{1,60})?|"
    # "Duncan Bannatyne, second left, and Peter Jones": where in the photo, without "pictured".
    r"(?:second|far|top|bottom) (?:left|right)))\s*,\s*",
    re.IGNORECASE,
)
# "He and wife, Cookie, left, were devastated": a bare "left" right after a name is where she
# stands in the photo (after "those who", "left" is a verb).
_NAMED_POSITION = re.compile(r"(?P<name>\b[A-Z][\w'’-]*),\s*(?:left|right|centre|center)\s*,\s*")
_CREDIT = re.compile(
    r"(©|\bgetty images\b|\bvia (?:pa|ap|reuters|afp|getty)\b|\bshutterstock\b|"
    r"\bphoto(?:graph)?: |\bcredit: |\bpa images\b|\bpa wire\b)",
    re.IGNORECASE,
)
# A photo credit run into the sentence after it: "Photograph: X/Getty Images The man accused".
_GLUED_CREDIT = re.compile(
    r"^(?:photograph|photo|picture|image|illustration|credit)s?(?: credit)?:\s+.{2,80}?"
    r"(?:images|photo|photos|pictures|reuters|ap|afp|pa|epa|shutterstock|alamy|getty|"
    r"bloomberg|rex|wire|press|handout|supplied)(?:\s+(?:images|photo|pictures|wire))*"
    r"\s+(?=[A-Z“\"‘'])",
    re.IGNORECASE,
)
# A wire photo caption dates its picture in full ("speaks ..., Sunday, Nov. 17, 2019, in Las
# Vegas"); news prose never puts a weekday, a date and a year together.
_DATED_PHOTO = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|"
    r"Nov|Dec)[a-z]*\.? \d{1,2}, (?:19|20)\d\d\b"
)
# "This is the moment a train announcer stunned passengers": it points at the page's video, which
# the clip does not show; the news is the clause after it.
_FOOTAGE_INTRO = re.compile(
    r"^This is the (?:[a-z]+ )?moment (?:when |that )?(?=(?:an?|the|his|her|their)\s|[A-Z][a-z])"
)
# Pages copied as text set a heading or a caption scrap off with " ." ("Behind the furor over
# GamerGate ."): short and verbless, it is not a sentence of the story.
_SPACED_STOP = re.compile(r"\s\.$")
_SCRAP_WORDS = 8
# "Adams . has repeated", "a girl on . Epstein's plane", "on to Twitter - . before the models":
# a line break the source turned into a stop inside a sentence (the splitter ends a sentence at
# every other spaced stop).
_STRAY_STOP = re.compile(r"(?<=[\w,\-–—])\s\.\s+(?=[\w'‘“\"])")
# A Daily Mail style caption label: one to three capitalised words and a colon, then text.
# The label may be in quotes: "'Scared': Johnson announces he has HIV ...".
_LABEL = re.compile(r"^[‘'“\"]?[A-Z][\w'’-]*(?:\s[\w'’-]+){0,2}[’'”\"]?:\s+[A-Z‘'“\"]")
_SAID_LABEL = re.compile(r"\b(said|says|told|added|wrote|tweeted|explained|warned)\b", re.I)
# A longer Daily Mail label is a phrase ("Time to say goodbye: A dog pictured looking on."); one
# that hands over to a quote or whose text goes on from it ("Banjo serves two purposes: It ...")
# is the writer's sentence.
_LONG_LABEL = re.compile(
    r"^[A-Z][\w'’-]*(?:\s[\w'’-]+){3,4}:\s+(?=[A-Z])"
    r"(?!(?:It|Its|He|His|She|Her|They|Their|This|We|I|How|What|Why|When|There)\b)"
)
# A Daily Mail caption run into the text: who, then a moment of the photo in the present tense
# ("McNair shakes Van Gaal's hand as he leaves the field", "The couple wear matching trainers"),
# where the story around it is told in the past. Only what a photo shows: "takes over", "looks
# set to", "holds talks", "relaxes rules" or "reacts to" are the present of prose and headlines.
_MOMENT_VERBS = (
    "shakes celebrates poses smiles waves clutches hugs kisses gestures cuddles beams grins "
    "strolls salutes greets wears chats kneels carves paints sculpts knits"
)
_MOMENT_PHRASES = (
    r"looks (?:on|dejected|cheerful|happy|relaxed|delighted|glum|frustrated|pensive|stunned)|"
    r"takes (?:his|her) seat|takes a (?:tumble|selfie)|leaves the (?:field|pitch|court|stage)|"
    r"strikes (?:late|first)|(?:heads|slices) the ball|battles for the ball|holds (?:up|aloft)|"
    r"(?:is|are) (?:pictured|congratulated|mobbed|consoled|embraced|greeted|applauded)"
)
_PLURAL_MOMENT_VERBS = "wear clutch pose smile embrace celebrate hug"
_SUBJECT = r"(?!(?:He|She|It|They|We|I|This|That|His|Her|Its|Their|Our|My|Your)\b)[A-Z][\w'’.-]*"
_PHOTO_MOMENT = re.compile(
    # "Van Persie, pictured with Juan Mata and Marouane Fellaini celebrates" (the aside left
    # open), "Kauri Parata, watched by his father, Hori Parata, carves": who else is in it.
    rf"^(?:{_SUBJECT}(?:\s+[\w'’.-]+){{0,4}}?"
    r"(?:,\s+(?:pictured|watched by|flanked by|accompanied by)\b[^.;]{0,60}?,?)?\s+(?:"
    + "|".join(_MOMENT_VERBS.split())
    + "|"
    + _MOMENT_PHRASES
    + rf")|(?:{_SUBJECT}(?:\s+[\w'’.-]+){{0,3}}?\s+and\s+[\w'’.-]+(?:\s+[\w'’.-]+){{0,2}}?|"
    r"The (?:couple|pair|family|two))\s+(?:"
    + "|".join(_PLURAL_MOMENT_VERBS.split())
    + r"))\b(?![’'])"
)
# "he denied he had sex with an underage girl on .": a line break the source turned into a stop
# ended the sentence after its preposition; what it was on is in the next one.
# "a Bernese Mountain dog named ." (then "Griffin, in January of 2010."): a word that names
# what follows it hangs the same way.
_HANGING = re.compile(
    r"\b(?:on|about|in|at|to|for|with|from|by|of|into|named|called|dubbed|including)\s\.$"
)
# A name of two words or more, perhaps two names, then where: "Hori Parata at his farm".
_NAMED_SCENE = re.compile(
    r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+(?:\s+and\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)?"
    r"\s+(?:at|in|on|with|during|outside|inside)\s"
)
# "U.S. Navy image of pirates operating off coast of Somalia in October this year.": a label.
_IMAGE_OF = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){0,3}(?:image|photo|photograph|picture)\s+of\s")
# "A depiction of the world by Henricus Martellus.": a picture and its maker, set under it.
_WORK_BY = re.compile(r"^An?\s+[a-z]+\s+of\s[^,;:]*\bby\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\.$")
# A publisher talking to its readers: donation appeals, newsletter and comment prompts.
_APPEAL = re.compile(
    r"\b(readers like you|donat\w*|contribut\w*|subscri\w*|our (?:mission|journalism|reporting)|"
    r"comments? (?:policy|community|section)|(?:accepting|leave|post|add your) (?:a )?comments?|"
    r"sign up|newsletter)\b",
    re.IGNORECASE,
)
# The page telling its reader what to do next: "Stay current with NR Daily.", "Check out what's
# clicking today in entertainment." (never news, whatever words follow).
_PROMO = re.compile(
    r"^(?:stay (?:current|up to date|informed|tuned)|check out|follow us|sign up|subscribe|"
    r"don['’]t miss|get (?:the|our) (?:latest|newsletter|app)|vote now|"
    # "Catch up on the 2020 election campaign with AP experts on our weekly politics podcast".
    r"(?:catch up|listen|tune in)\b.*\bour\b.*\b(?:podcast|show|newsletter|channel)|"
    # "Sorry we are unable to accept comments for legal reasons.": the page's comment box.
    r"(?:sorry,? )?we are (?:unable|not able) to accept comments|"
    # "Fox News Flash top entertainment and celebrity headlines for Nov. 19 are here.": the blurb
    # of a video or newsletter the page embeds.
    r".*\bheadlines\b.*\bare here|"
    # "Please check our website regularly for updates.": a notice's words, its marks lost; a
    # newsreader asks nothing of the listener.
    r"please)\b",
    re.IGNORECASE,
)
_READER = re.compile(r"\b(you|your|we|our|us)\b", re.IGNORECASE)
# Contact lines and helplines: nothing a listener can act on in a clip, never its last words.
_CONTACT = re.compile(
    r"\b(?:anyone with (?:any )?information|is (?:being )?asked to (?:call|contact)|"
    r"(?:should|can|may) (?:call|contact|ring|email)|helpline|crimestoppers|read more|"
    r"for more information|let us know|tell us|get in touch)\b",
    re.IGNORECASE,
)
# The credit line at a report's foot: "CNN's Matiullah Mati contributed to this report."
_CONTRIBUTED = re.compile(r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b", re.I)
# "Clockwise from top: small whale bones; ...", "From left: ...": a caption walking the photos.
_PHOTO_GUIDE = re.compile(
    r"^(?:(?:(?:anti-?|counter-?)?clockwise|from (?:left|right|top)|left to right)\b[^:.]{0,25}|"
    # "Above:", "Top left:", never "Top officials said:"
    r"(?:top|bottom|above|below|inset)(?: (?:left|right))?):\s"
    # "Above, wildlife photographer Steve Trewhella poses with ...": the same with a comma.
    r"|(?:above|below|pictured (?:above|below|left|right)),\s",
    re.IGNORECASE,
)
# The note on the writer at a report's foot: "Phil Helsel is a reporter for NBC News."
_AUTHOR_NOTE = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+is\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:reporter|writer|correspondent|editor|producer|journalist|columnist|contributor|"
    r"author|photographer)\b"
    # ... for an outlet, or based in a place, and nothing more: "who was detained" is news.
    r"(?:\s+(?:for|at|with|based in)\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:,?\s+[A-Z][\w.&'’-]*){0,5})?\.?$"
)
# Phone numbers: read digit by digit they are noise ("0800 555 111", "(555) 123-4567").
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)|\b\d{2,5})[\s.-]\d{3,4}[\s.-]?\d{3,4}\b")
# Prose ends on terminal punctuation, perhaps inside closing quotes or brackets.
_ENDED = re.compile(r"[.!?…][\"'”’)\]]*$")
# A web address, an email or a handle; "Amazon.com" in prose is a company name, not a link.
_URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|co\.uk|gov|io)/|@\w+")
# An outcome worth a colon at the end: "Spain beat Italy 2-1 to win:" is the match report's news.
RESULT = re.compile(
    r"\b(?:\d{1,3}\s?[-–]\s?\d{1,3}|won|wins|win|beat|beats|defeated|lost|draw|drew|guilty|"
    r"acquitted|convicted|sentenced|jailed|ruled|ruling|verdict|voted|vote|elected|killed|"
    r"died|dead|death toll)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+")
_LOWER = re.compile(r"\b[a-z]{2,}")  # prose has lower-case words; headings and bylines may not


# A finite verb, roughly: an auxiliary, a past form (irregular or too short for "-ed"), or a
# present form before its object.
_IRREGULAR = (
    "ate beat became began bit blew broke brought built bought came caught chose cut dealt died drew "
    "drove fell felt fled flew fought found forgot froze gave got grew held hid hit hung kept knew "
    "laid led left let lit lost made meant met paid put quit ran rang rose said sat saw sent set "
    "shot shut slept sold spent split spoke spread stood stole struck stuck swore taught told took "
    "threw tore understood went woke won wore wrote withdrew"
)
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|"
    rf"did|does|do|{'|'.join(_IRREGULAR.split())}|\w{{3,}}ed|"
    r"\w{2,}s (?:the|a|an|his|her|their|its|to|that|in|on|up|out))\b",
    re.IGNORECASE,
)


def has_verb(text: str) -> bool:
    """True when the text seems to hold a finite verb: a clause rather than a label."""
    return bool(_VERB.search(text))


def tidy(sentence: str) -> str:
    """The sentence without a photo credit glued to its start, or a "(pictured)" mark in a
    sentence of the story; a photo caption with no verb keeps its mark (and is not prose)."""
    text = _STRAY_STOP.sub(" ", _GLUED_CREDIT.sub("", sentence.strip()))
    text = _without_footage_intro(text)
    bare = _CAPTION_ASIDE.sub(_aside_gone, _CAPTION_MARK.sub("", text))
    bare = _NAMED_POSITION.sub(lambda m: m["name"] + _closing(m.string[: m.end("name")]), bare)
    return bare if has_verb(bare) else text


def _aside_gone(match: re.Match[str]) -> str:
    """What stands where ", pictured left," was: the comma that closes an aside it followed
    ("Alya Ahmed Ali, 13, pictured right, after" -> "..., 13, after"), else a space ("Ray Coe,
    pictured left, is set" -> "Ray Coe is set")."""
    return _closing(match.string[: match.start()])


def _closing(before: str) -> str:
    """What stands after `before` once a photo mark is cut: the comma that closes a short aside
    ("pupil, Alya Ahmed Ali, 13"), else a space."""
    last = before.rsplit(",", 1)[1] if "," in before else None
    closes = last is not None and len(last.split()) <= ASIDE_CLOSED_WORDS
    return ", " if closes else " "


# ", 13," before ", pictured right,": an aside this short is closed by the mark's comma; "and
# Peter Jones" before ", second right," is a subject, and the mark's commas both go.
ASIDE_CLOSED_WORDS = 2


def _without_footage_intro(text: str) -> str:
    """The sentence without "This is the moment" when a clause of its own follows it."""
    rest = _FOOTAGE_INTRO.sub("", text, count=1)
    if rest == text or not has_verb(rest):
        return text
    return rest[:1].upper() + rest[1:]


def is_prose(sentence: str, min_words: int = _MIN_WORDS) -> bool:
    """True when a sentence reads as story prose a narrator could say."""
    if not min_words <= len(_WORD.findall(sentence)) <= _MAX_WORDS:
        return False
    if _FURNITURE.match(sentence) or is_caption(sentence):
        return False
    if _PHONE.search(sentence):
        return False
    if _URL.search(sentence) or _is_appeal(sentence):
        return False
    if _CONTACT.search(sentence) or _CONTRIBUTED.search(sentence) or _asks_reader(sentence):
        return False
    if _PROMO.match(sentence):
        return False
    if not _LOWER.search(sentence) or not (_ENDED.search(sentence) or _result_colon(sentence)):
        return False  # a heading, a byline ("Daily Mail Reporter .") or a cut-off fragment
    if _is_scrap(sentence) or is_cut_off(sentence):
        return False
    return sum(ch.isalpha() for ch in sentence) > 0.6 * len(sentence)


def is_cut_off(sentence: str) -> bool:
    """The source's line break cut the sentence after its preposition ("... a girl on ."), or
    cut off its start: "Including Dr Taj Hargey, director of ...", or "Georgetown University
    in Washington D.C., was promiscuous for ..." (after "Ms Fluke, of Catholic college ." the
    rest of her description, then her verb)."""
    headless = _HEADLESS.match(sentence)
    tail = _TAIL.match(sentence) is not None and not has_verb(sentence)
    return (
        _HANGING.search(sentence) is not None
        or (headless is not None and not has_verb(headless["head"]))
        or tail
    )


# "Including Dr Taj Hargey, director of the Muslim Educational Centre of Oxford .": with no verb,
# the end of the sentence before it, cut off by the source.
_TAIL = re.compile(r"^(?:Including|Such as|Among them|Especially|Particularly)\b")
# A comma between a verbless opening and its verb: the subject was in the sentence before.
_HEADLESS = re.compile(r"^(?P<head>[A-Z][^,;:]{2,80}),\s+(?:was|were|is|are|has|have|had)\s")


def is_caption(sentence: str) -> bool:
    """A photo caption or credit inside the text ("Final embrace: ...", "... (pictured)"); a
    name's aside in brackets hides no less a caption ("Kauri (Te Kaurinui Robert) Parata,
    watched by his father, carves ...")."""
    sentence = LIST_MARKER.sub("", sentence)  # "- Clockwise from top: ..." under a gallery
    unbracketed = _BRACKETED.sub("", sentence)
    return _captioned(sentence) or (unbracketed != sentence and _captioned(unbracketed))


def _captioned(sentence: str) -> bool:
    """The sentence, as it stands, has one of a caption's or a credit's shapes."""
    return bool(
        _PHOTO_GUIDE.match(sentence)
        or _CAPTION_MARK.search(sentence)
        or _PICTURED_IS.search(sentence)
        or _CREDIT.search(sentence)
        or _DATED_PHOTO.search(sentence)
        or _is_caption_label(sentence)
        or _is_photo_moment(sentence)
        or _is_named_scene(sentence)
        or (_WORK_BY.match(sentence) is not None and not has_verb(sentence))
        or (_IMAGE_OF.match(sentence) is not None and not has_verb(sentence))
    )


_BRACKETED = re.compile(r"\s*\([^()]{1,60}\)")


def _is_scrap(sentence: str) -> bool:
    """A short verbless line set off with " .": a heading or a piece of a caption."""
    short = len(_WORD.findall(sentence)) <= _SCRAP_WORDS
    return short and bool(_SPACED_STOP.search(sentence)) and not has_verb(sentence)


def _result_colon(sentence: str) -> bool:
    """A sentence ending in a colon that states an outcome, or hands over to a quote."""
    return sentence.endswith(":") and bool(RESULT.search(sentence) or _SAID_LABEL.search(sentence))


def _asks_reader(sentence: str) -> bool:
    """A question put to the reader ("What do you think?"), not one asked inside a quote."""
    return sentence.rstrip().endswith("?") and bool(_READER.search(read_marks(sentence).outside))


def _is_named_scene(sentence: str) -> bool:
    """ "Hori Parata at his Pātaua farm, the place where he was born.", "David Cameron and
    Samantha in Portugal last year - where he debuted ...": who and where, with no verb of
    their own, label a photo."""
    match = _NAMED_SCENE.match(sentence)
    if not match:
        return False
    main = re.split(r"\s(?:where|who|which|that|when)\s|\s[-–—]\s", sentence, maxsplit=1)[0]
    return not has_verb(main)


def _is_photo_moment(sentence: str) -> bool:
    """A caption of the moment a photo shows, told in the present ("McNair slices the ball
    forward ..."); a quote never is one."""
    label = _LONG_LABEL.match(sentence) or _LABEL.match(sentence)
    text = sentence[label.end() - 1 :] if label else sentence
    return read_marks(text).quoted_words == 0 and bool(_PHOTO_MOMENT.match(text.lstrip()))


def _is_caption_label(sentence: str) -> bool:
    label = _LABEL.match(sentence)
    if label:
        return not _SAID_LABEL.search(label.group(0))
    label = _LONG_LABEL.match(sentence)
    return (
        label is not None
        and not has_verb(label.group(0))
        and not _SAID_LABEL.search(label.group(0))
    )


def _is_appeal(sentence: str) -> bool:
    return bool(_APPEAL.search(sentence)) and bool(_READER.search(sentence))


def is_author_note(sentence: str) -> bool:
    """ "Phil Helsel is a reporter for NBC News.": said at a report's foot, it is the page's
    note on its writer (in the story, a reporter held abroad is news: callers check where)."""
    return _AUTHOR_NOTE.match(sentence.strip()) is not None
