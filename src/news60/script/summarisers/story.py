"""The article as a summariser sees it: clean sentences, their story units, and which can be said."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from news60.errors import ScriptError
from news60.language import Profile, profile_for
from news60.models import Article, TracedSentence
from news60.script.broadcast import (
    LONGEST,
    Casing,
    finish_script,
    people_in,
    subordinate_alone,
    trim_long,
    write_sentence,
)
from news60.script.people import named_people
from news60.script.quotes import (
    QuoteMarks,
    attributes,
    balanced,
    is_speech,
    quotations,
    read_marks,
)
from news60.script.sentences import LIST_MARKER, split_sentences, stops_in_names
from news60.script.summarisers.prose import (
    has_verb,
    is_author_note,
    is_caption,
    is_cut_off,
    is_prose,
    tidy,
)
from news60.script.units import Unit, carried_marks, leans_on_previous, story_units

_MEMBER_WORDS = 3  # a sentence this short may be said beside its unit ("He denied it.")
UNSTOPPED_WORDS = 10  # a paragraph this long without a full stop is a sentence, not a heading
REPEAT = 0.8  # a sentence sharing this share of its words with an earlier one repeats it (a
# caption restating the story: "Mrs Ernhart ... began offering her service in 2010")
# "The deal ...": a definite noun the sentence takes to be known already.
_DEFINITE = re.compile(r"^[\"“‘']?The\s+([a-z][\w-]+)")
# "for the board games ." (a caption scrap's mark, once the scrap is known to be prose): the
# space goes, so neither the screen nor the writer's rules see a stray stop.
_SPACE_BEFORE_STOP = re.compile(r"(?<=\w)\s+([.,;:!?])(?=\s|$)")
RETOLD_WORDS = 12  # a sentence this long may retell two before it; a shorter one shares too much
PULLED_WORDS = 6  # a quote this long said twice is one quote; "No comment" may well be two
SUBHEAD_WORDS = 12  # a one-sentence paragraph asking a question this short is a subhead
SCENE_SETTER = 0.25  # a lead with under this share of the headline's words only sets the scene


@dataclass(frozen=True)
class Story:
    """Clean body sentences (with their place among all body sentences) grouped into units."""

    title: str
    texts: tuple[str, ...]  # as shown: quotes closed and reopened, credits and marks stripped
    places: tuple[int, ...]  # each clean sentence's index among all the body's sentences
    units: tuple[Unit, ...]
    usable: tuple[int, ...]  # units a script may hold, in article order
    written: tuple[tuple[TracedSentence, ...], ...] = ()  # each text as the newsreader says it
    language: str = "en"

    @property
    def lead(self) -> int:
        """The first usable unit: the news, or the standfirst that leads in its place."""
        return self.usable[0]

    def sentences(self, unit: int) -> list[str]:
        return [self.texts[i] for i in self.units[unit].sentences]

    def indexes(self, unit: int) -> list[int]:
        return [self.places[i] for i in self.units[unit].sentences]

    def text(self, unit: int) -> str:
        """The unit as said: the writer's sentences."""
        return " ".join(line.text for line in self.lines(unit))

    def lines(self, unit: int) -> list[TracedSentence]:
        return [line for i in self.units[unit].sentences for line in self.written[i]]

    def said(self, sentence: int) -> tuple[TracedSentence, ...]:
        """What the newsreader says for the clean sentence at this position."""
        return self.written[sentence]

    def words(self, unit: int) -> int:
        return len(self.text(unit).split())

    def count(self, unit: int) -> int:
        return len(self.units[unit].sentences)

    def rank(self, unit: int) -> int:
        """How many usable units come before this one."""
        return self.usable.index(unit)

    def top(self, sentences: int) -> list[int]:
        """The story's first usable units in article order, each with the units it requires,
        within `sentences` article sentences (a unit that does not fit gives way to a later,
        shorter one)."""
        chosen: list[int] = []
        for unit in self.usable:
            needed = [u for u in self.closure(unit) if u not in chosen]
            if sum(self.count(u) for u in chosen + needed) <= sentences:
                chosen += needed
        return chosen

    def closure(self, unit: int) -> list[int]:
        """The unit and every unit it requires, directly or not, in article order."""
        return sorted(self._closures[unit])

    @cached_property
    def _closures(self) -> dict[int, frozenset[int]]:
        closures: dict[int, frozenset[int]] = {}
        for u, unit in enumerate(self.units):
            closures[u] = frozenset({u}).union(*(closures[r] for r in unit.requires))
        return closures


def read_story(article: Article) -> Story:
    """The article's story units, refusing an article with none a narrator could say; when the
    body opens on a scene-setter and the standfirst carries the headline's news, it leads."""
    story = _read(article, [])
    standfirst = [(s, -1) for s in split_sentences(article.standfirst)]
    lead = story.sentences(story.lead)
    if (
        standfirst
        and not _says_again(" ".join(lead), article.standfirst)
        and (
            _sets_the_scene(" ".join(lead), article.title, article.standfirst)
            or _continues(lead[0], article.standfirst)
        )
    ):
        return _read(article, standfirst)
    return story


def _says_again(lead: str, standfirst: str) -> bool:
    """The lead says all the standfirst says ("Obama tells the BBC his failure ..." over "Obama
    has admitted that his failure ..."): said first, the standfirst would be heard twice."""
    return says_again(standfirst, lead)


def says_again(text: str, earlier: str) -> bool:
    """The text repeats the earlier one: REPEAT of its words are the earlier text's."""
    return _repeats(_words(text), _words(earlier))


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _continues(lead: str, standfirst: str) -> bool:
    """The body opens on a reference the standfirst supplies ("The deal comes in addition to
    ..." under "Emirates has finalized a deal ..."): the standfirst must be said first."""
    definite = _DEFINITE.match(lead)
    if definite:
        return definite.group(1).lower() in {w.lower() for w in re.findall(r"\w+", standfirst)}
    return leans_on_previous(lead)


def _sets_the_scene(lead: str, title: str, standfirst: str) -> bool:
    """The lead shares few of the headline's words, and the standfirst shares more of them."""
    terms = _terms(title)
    if len(terms) < 3:
        return False
    in_lead, in_standfirst = len(terms & _terms(lead)), len(terms & _terms(standfirst))
    return in_lead < SCENE_SETTER * len(terms) and in_standfirst > in_lead


def _terms(text: str) -> set[str]:
    """Content words, lower-cased: the words a headline's news is made of."""
    return {w.lower() for w in re.findall(r"[A-Za-z][\w'’-]{3,}|\d[\d,.]*", text)}


def _without_drop_cap(text: str, whole: str) -> str:
    """ "A dam Schiff's impeachment inquiry ...": a page's drop cap set the first letter apart;
    joined again when the article names "Adam Schiff" elsewhere."""
    match = _DROP_CAP.match(text)
    if not match:
        return text
    name = f"{match['cap']}{match['rest']} {match['next'].rstrip(',.;:')}"
    name = re.sub(r"['’]s$", "", name)
    if name not in whole:
        return text
    return f"{match['cap']}{match['rest']}{text[match.end('rest') :]}"


# A lone capital, the rest of its word, then a capitalised word: "A dam Schiff's".
_DROP_CAP = re.compile(r"^(?P<cap>[A-Z]) (?P<rest>[a-z]{2,})\s+(?P<next>[A-Z][\w'’-]*)")


def _read(article: Article, opening: list[tuple[str, int]]) -> Story:
    """The story units of the opening sentences (place -1) followed by the body's."""
    sentences = opening + body_sentences(article)
    every_place = [-1] * len(opening) + list(range(len(sentences) - len(opening)))
    whole = " ".join(raw for raw, _ in sentences)
    tidied = [
        (place, _without_drop_cap(tidy(raw), whole), p)
        for place, (raw, p) in zip(every_place, sentences, strict=True)
    ]
    kept, retold = _kept(tidied)
    clean = [tidied[k] for k in kept]
    # A sentence that leans on the one before cannot be said when story text between was
    # dropped (a tweet, a contact line); a photo caption between is no loss.
    after_gap = {
        i
        for i, (before, k) in enumerate(zip([None, *kept], kept, strict=False))
        if before is not None and any(_lost(tidied, j, k, retold) for j in range(before + 1, k))
    }
    texts = [text for _, text, _ in clean]
    paragraphs = [paragraph for _, _, paragraph in clean]
    units = story_units(texts, paragraphs)
    marks = carried_marks(texts, paragraphs)
    shown = [
        _shown(text, mark, i, units)
        for i, (text, mark) in enumerate(zip(texts, marks, strict=True))
    ]
    profile = profile_for(article.language)
    unsaid = _unmarked_voice(marks, profile) | {
        i for i, text in enumerate(texts) if subordinate_alone(text, profile)
    }
    usable = _usable(units, texts, after_gap, unsaid)
    if not usable:
        raise ScriptError(
            "the article has no speakable sentences: check that the input holds the article body"
        )
    places = tuple(p for p, _, _ in clean)
    raw = [sentences[k][0] for k in kept]
    written = _written(article, shown, raw, places, units, marks, units[usable[0]].first)
    # A sentence no split brings under the limit is cut of verbless colour before the units
    # too long to say are left out: the lead's news, and the story's, stays said.
    written = tuple(trim_long(lines, profile) for lines in written)
    usable = _short_enough(usable, units, written)
    cast = frozenset(people_in(article_sentences(article), profile).people)
    # Freed once to learn which units can be said then; freed again only from the others.
    for _ in range(2):
        freed = _introduced_by_the_writer(units, usable, cast)
        usable = _short_enough(_usable(freed, texts, after_gap, unsaid), freed, written)
    units = freed
    usable = _not_retelling_the_lead(usable, units, written)
    return Story(article.title, tuple(shown), places, units, usable, written, article.language)


def _not_retelling_the_lead(
    usable: tuple[int, ...],
    units: tuple[Unit, ...],
    written: tuple[tuple[TracedSentence, ...], ...],
) -> tuple[int, ...]:
    """Usable units but those with a line, as written for the ear, that says the lead again (a
    caption run into the story: "Medvedev blasted the Obama administration ... 'a second Cold
    War that nobody needs' Nerves fraying: Russia claims ..." split after the lead that says
    so), and those that require them."""
    if not usable:
        return usable
    lead = [line.text for i in units[usable[0]].sentences for line in written[i]]
    kept: list[int] = [usable[0]]
    for u in usable[1:]:
        lines = [line.text for i in units[u].sentences for line in written[i]]
        retells = any(says_again(line, said) for line in lines for said in lead)
        if not retells and all(r in kept for r in units[u].requires):
            kept.append(u)
    return tuple(kept)


def _introduced_by_the_writer(
    units: tuple[Unit, ...], usable: tuple[int, ...], cast: frozenset[str]
) -> tuple[Unit, ...]:
    """The units, each freed from a unit that cannot be said (too long for the ear, or leaning
    on text left out) which it needs only to introduce people the broadcast writer introduces
    at their first mention anyway: "Ashleigh Davis, of Ocala, Florida, said she found herself
    on the wrong side of the law ... after she and another woman were having an argument"
    runs past LONGEST, and every later "Davis told the Post ..." went with it (a 15-second
    script); said first, "Davis" is "Ashleigh Davis"."""
    freed = []
    for unit in units:
        names: dict[int, set[str]] = {}
        for at, surname in unit.for_names:
            names.setdefault(at, set()).add(surname)
        gone = {at for at, said in names.items() if at not in usable and said <= cast}
        if gone:
            unit = replace(
                unit,
                requires=tuple(r for r in unit.requires if r not in gone),
                for_names=tuple(n for n in unit.for_names if n[0] not in gone),
            )
        freed.append(unit)
    return tuple(freed)


def _opens_on(sentence: str, words: frozenset[str]) -> bool:
    """The sentence opens on one of `words` (of one or two words, in any case; "That's" and
    "It's" open on "that" and "it")."""
    opening = [re.split(r"['’]", w.strip("\"“‘',"))[0].lower() for w in sentence.split()[:2]]
    return bool(opening) and (opening[0] in words or " ".join(opening) in words)


def _written(
    article: Article,
    shown: list[str],
    raw: list[str],
    places: tuple[int, ...],
    units: tuple[Unit, ...],
    marks: list[QuoteMarks],
    lead: int,
) -> tuple[tuple[TracedSentence, ...], ...]:
    """Every clean sentence as the broadcast writer says it; `lead` is the story's first
    sentence said (after a byline's scraps: "By .", "Ellie Zolfagharifard .")."""
    profile = profile_for(article.language)
    owner = {i: u for u, unit in enumerate(units) for i in unit.sentences}
    casing = Casing.of(" ".join(raw))
    written = []
    for i, (text, source, place) in enumerate(zip(shown, raw, places, strict=True)):
        # A quote that runs over several sentences keeps its attribution where it stands.
        run = bool(marks[i].open_at_start or marks[i].open_at_end) or (
            i > 0 and owner[i] == owner[i - 1] and is_speech(marks[i - 1])
        )
        after = shown[i + 1] if i + 1 < len(shown) else ""
        # "But the government puts the total at ...": what this one ends on is answered.
        leaned_on = _opens_on(after, profile.answering)
        # "It is produced amid swarms of flies": a thing this one named, said by pronoun.
        pointed_at = _opens_on(after, profile.pointing)
        said = write_sentence(
            text,
            source,
            place,
            profile,
            first=place <= 0 or i == lead,
            quote_run=run,
            casing=casing,
            leaned_on=leaned_on,
            pointed_at=pointed_at,
        )
        written.append(said)
    return tuple(written)


def _short_enough(
    usable: tuple[int, ...],
    units: tuple[Unit, ...],
    written: tuple[tuple[TracedSentence, ...], ...],
) -> tuple[int, ...]:
    """Usable units whose every sentence, as written for the ear, says something and runs at
    most LONGEST words (the lead stays whatever its length: the news is said), and whose
    requirements stay."""
    kept: list[int] = []
    for u in usable:
        lines = [line for i in units[u].sentences for line in written[i]]
        if not all(line.text.strip() for line in lines):
            continue  # all of a sentence was clutter ("(Photo: AP)"): nothing is left to say
        short = all(len(line.text.split()) <= LONGEST for line in lines)
        if (short or not kept) and all(r in kept for r in units[u].requires):
            kept.append(u)
    return tuple(kept)


def _kept(tidied: list[tuple[int, str, int]]) -> tuple[list[int], set[int]]:
    """Positions of the speakable sentences, leaving out repeats (a photo caption that copies
    a sentence of the story word for word) and subheads asked as questions; and the positions
    of the repeats (what they said is said already)."""
    kept: list[int] = []
    retold: set[int] = set()
    seen: list[set[str]] = []
    told_ages: set[str] = set()
    sizes = Counter(paragraph for _, _, paragraph in tidied)
    last = max((paragraph for _, _, paragraph in tidied), default=None)
    pulled = _pull_quotes(tidied, sizes)
    cut_off = False
    for k, (_, text, paragraph) in enumerate(tidied):
        # "... an underage girl on ." then "Epstein's private plane and island.": the other half
        # of a sentence the source cut after its preposition, no sentence of its own.
        rest_of_cut, cut_off = cut_off and not has_verb(text), is_cut_off(text)
        if rest_of_cut:
            continue
        if paragraph == last and is_author_note(text):
            continue
        if k in pulled:
            retold.add(k)  # said where the story tells it
            continue
        words = _words(text)
        if sizes[paragraph] == 1 and _subhead(text):
            continue
        if not is_prose(text, _MEMBER_WORDS) or (kept and _caption_goes_on(tidied, k)):
            continue
        aged = _aged_names(text)
        if _retold(words, seen) or aged & told_ages:
            retold.add(k)
        else:
            kept.append(k)
            seen.append(words)
            told_ages |= aged
    return kept, retold


def _caption_goes_on(tidied: list[tuple[int, str, int]], k: int) -> bool:
    """ "Recruiters: British jihadis ... are seen in an IS video released earlier this year. In
    the video, the trio encourage other Britons to join them ." (Daily Mail): a sentence
    closed by a spaced stop, the mark of a caption's end, right after a caption in its
    paragraph is the caption's second sentence; said alone, "the trio" is no one. Not the
    story's first sentence, nor after a dateline's label ("UPDATED: . 05:29 EST ."): the
    lead of a Daily Mail page ends so too. A gallery's caption, a list item, is the caption's
    to its end: "- Kauri (Te Kaurinui Robert) Parata, watched by his father, Hori Parata,
    carves ... Kauri is a member of the Manu Taupunga group ..." (the Guardian)."""
    if k == 0:
        return False
    if _in_gallery_caption(tidied, k):
        return True
    _, before, paragraph = tidied[k - 1]
    spaced = _SPACED_END.search(tidied[k][1])
    return bool(spaced) and paragraph == tidied[k][2] and is_caption(before) and has_verb(before)


def _in_gallery_caption(tidied: list[tuple[int, str, int]], k: int) -> bool:
    """The sentence follows, in its paragraph, a caption that opens the paragraph as a list
    item: a gallery's caption, as the text extractor kept it."""
    paragraph = tidied[k][2]
    first = k
    while first > 0 and tidied[first - 1][2] == paragraph:
        first -= 1
    opening = tidied[first][1]
    return first < k and bool(LIST_MARKER.match(opening)) and is_caption(opening)


_SPACED_END = re.compile(r"\w\s\.$")


def _aged_names(text: str) -> set[str]:
    """ "Craig Eccleston-Todd, 27": the people the sentence names in full with their age."""
    return {
        f"{name} {age[1]}"
        for name, _, end in named_people(text)
        if (age := _AGE_AFTER.match(text, end))
    }


# A person's age, told once: a second "Craig Eccleston-Todd, 27" is a caption retelling the
# story beside its photo (Daily Mail), never the story going on.
_AGE_AFTER = re.compile(r",\s+(\d{1,3})\b(?!,\d)")


def _pull_quotes(tidied: list[tuple[int, str, int]], sizes: Counter[int]) -> set[int]:
    """Quotes standing alone as a paragraph that the story quotes again inside a paragraph
    further down: the page's pull quotes. Said where they stand, they put a second speaker
    inside another's quote ("“... a big booster,” Stafford said." set between Doug Cooke's
    words, and Cooke's "he continued" went to Stafford)."""
    in_paragraphs = [
        (k, _words(text)) for k, (_, text, where) in enumerate(tidied) if sizes[where] > 1
    ]
    pulled = set()
    for k, (_, text, paragraph) in enumerate(tidied):
        if sizes[paragraph] != 1:
            continue
        said = _words(" ".join(words for _, words in quotations(text)))
        later = (words for j, words in in_paragraphs if j > k)
        if len(said) >= PULLED_WORDS and any(_repeats(said, words) for words in later):
            pulled.add(k)
    return pulled


def _subhead(sentence: str) -> bool:
    """ "What did the prosecutors say?": a short question standing as its own paragraph, in
    the writer's voice, heads a section; read aloud it sounds like the newsreader asking."""
    return len(sentence.split()) <= SUBHEAD_WORDS and _asks(sentence)


def _lost(tidied: list[tuple[int, str, int]], j: int, k: int, retold: set[int]) -> bool:
    """Sentence j, left out before kept sentence k, held what k may lean on: story text, not a
    scrap of furniture nor a repeat of what was kept; a caption only when run into k's
    paragraph just before it ("Baby souvenir: A potty chair ... It comes with a holder": the
    "It" is the caption's)."""
    _, sentence, paragraph = tidied[j]
    if len(sentence.split()) < 6 or j in retold:
        return False
    run_in = j == k - 1 and paragraph == tidied[k][2]
    return run_in or not (is_caption(sentence) or _caption_goes_on(tidied, j))


def _retold(words: set[str], seen: list[set[str]]) -> bool:
    """The sentence repeats one kept before, or, when long, two kept one after the other (a
    caption retelling the lead: "Teacher Ray Coe is set to be awarded an MBE after he stepped
    in to rescue pupil, Alya Ahmed Ali, ..." after the two sentences that said so)."""
    if any(_repeats(words, earlier) for earlier in seen):
        return True
    pairs = [a | b for a, b in zip(seen, seen[1:], strict=False)]
    return len(words) >= RETOLD_WORDS and any(_repeats(words, pair) for pair in pairs)


def _repeats(words: set[str], earlier: set[str]) -> bool:
    return len(words & earlier) >= REPEAT * max(len(words), 1)


def spoken_units(
    article: Article, tense: str = "said", order: Sequence[int] | None = None
) -> tuple[str, ...]:
    """Every usable unit in article order (or the units in `order`) as the newsreader says it,
    people introduced at their first mention in that order (a bulletin says a prefix of them)."""
    story = read_story(article)
    profile = profile_for(article.language)
    lines = [story.lines(u) for u in (story.usable if order is None else order)]
    cast = people_in(article_sentences(article), profile)
    finished = iter(finish_script([line for said in lines for line in said], cast, profile, tense))
    return tuple(" ".join(next(finished).text for _ in said) for said in lines)


def article_sentences(article: Article) -> list[tuple[str, int]]:
    """The article's sentences with their place among the body's (-1: the standfirst)."""
    standfirst = [(s, -1) for s in split_sentences(article.standfirst)]
    return standfirst + [(s, i) for i, (s, _) in enumerate(body_sentences(article))]


def body_sentences(article: Article) -> list[tuple[str, int]]:
    """Every sentence of the body with the number of its paragraph; a paragraph whose last
    sentence lacks its full stop (some sites drop it) gets one when it reads as a clause."""
    sentences = []
    # "the ID. models" in the last paragraph says how "the ID. Space Vizzion" reads in the first.
    named = stops_in_names("\n\n".join(article.paragraphs))
    for p, paragraph in enumerate(article.paragraphs):
        pieces = split_sentences(paragraph, named)
        sentences += [(s, p) for s in pieces[:-1]] + [(_stopped(s), p) for s in pieces[-1:]]
    return sentences


def _stopped(sentence: str) -> str:
    unfinished = sentence[-1:].isalnum() and len(sentence.split()) >= UNSTOPPED_WORDS
    return sentence + "." if unfinished and has_verb(sentence) else sentence


def _unmarked_voice(marks: list[QuoteMarks], profile: Profile) -> set[int]:
    """Sentences that say "I", "me" or "my" outside any quotation marks in a story told in the
    third person: someone's words printed without marks ("So, I'm allowed to toast with you my
    friends of the media." under a video), which the newsreader would say as her own. In a
    story told in the first person (its lead says "I", or a quarter of its sentences do: a
    column, an essay) they are the story: none."""
    voiced = {i for i, mark in enumerate(marks) if _says_i(mark.outside, profile)}
    told_so = 0 in voiced or len(voiced) > FIRST_PERSON_SHARE * len(marks)
    return set() if told_so else voiced


def _says_i(text: str, profile: Profile) -> bool:
    """A word only a speaker says of themselves; "I" right after a capitalised word inside the
    sentence is a numeral ("World War I", "Elizabeth I"), not a speaker ("Merry Christmas, I
    wish" has a comma between)."""
    raw = text.split()
    words = [w.strip(".,;:!?()") for w in raw]
    return any(
        word in profile.first_person
        and not (word == "I" and k > 0 and raw[k - 1][:1].isupper() and raw[k - 1][-1].isalnum())
        for k, word in enumerate(words)
    )


FIRST_PERSON_SHARE = 0.25  # past this share of sentences the story is told in the first person


def _usable(
    units: tuple[Unit, ...], texts: list[str], after_gap: set[int], unsaid: set[int]
) -> tuple[int, ...]:
    """Units whose speech names its speaker, said alone or leaning on usable units, and not
    leaning on a sentence that was left out, nor holding one never said (words printed without
    their marks, a clause whose sentence the page lost)."""
    usable: list[int] = []
    for u, unit in enumerate(units):
        if any(i in unsaid for i in unit.sentences):
            continue
        words = sum(len(texts[i].split()) for i in unit.sentences)
        alone = any(is_prose(texts[i]) for i in unit.sentences) or (unit.requires and words >= 3)
        heard = unit.attributed and not (
            unit.first in after_gap
            and leans_on_previous(texts[unit.first], any(_names(texts[i]) for i in unit.sentences))
        )
        # "What was this royal thinking of ...?": a question states no news, so it never leads;
        # later on, a question or an exclamation in the writer's own voice ("Oh how very noble
        # and principled of Prince Andrew!") is the columnist's, never the newsreader's.
        asks = not usable and _asks(texts[unit.last])
        asks = asks or any(_exclaims(texts[i]) for i in unit.sentences)
        asks = asks or (bool(usable) and any(_asks(texts[i]) for i in unit.sentences))
        if alone and heard and not asks and all(r in usable for r in unit.requires):
            usable.append(u)
    return tuple(usable)


def _asks(sentence: str) -> bool:
    """The sentence is a question in the writer's voice, not one inside a quote."""
    return read_marks(sentence).outside.rstrip().endswith(("?", "?!"))


def _exclaims(sentence: str) -> bool:
    """The sentence is an exclamation in the writer's voice, not one inside a quote."""
    return read_marks(sentence).outside.rstrip().endswith("!")


def _names(sentence: str) -> bool:
    """The sentence names who speaks ("she said", "according to")."""
    return attributes(read_marks(sentence))


def _shown(text: str, marks: QuoteMarks, i: int, units: tuple[Unit, ...]) -> str:
    """A sentence as shown: its quote marks paired, a colon that ends its unit made a stop."""
    text = _SPACE_BEFORE_STOP.sub(r"\1", balanced(text, marks))
    last = any(unit.last == i for unit in units)
    return text[:-1] + "." if last and text.endswith(":") else text
