import pytest

from news60.errors import ScriptError
from news60.models import Scene, Script
from news60.script.speakable import display_text, load_lexicon, make_speakable, speakable
from news60.settings import VoiceSettings
from news60.speech.narration import narrate
from news60.speech.voices import get_voice

SEED_LEAD = (
    "US PRESIDENT DONALD Trump has hailed his “very, very good relationship” with Russian "
    "President Vladimir Putin as the two leaders held talks on the sidelines of the G20 meeting."
)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (SEED_LEAD, SEED_LEAD.replace("US PRESIDENT DONALD", "US President Donald")),
        ("WASHINGTON (Reuters) - The Fed raised rates.", "The Fed raised rates."),
        ("Canberra, Australia (CNN) -- At first glance, it looks small.", "At first glance, it looks small."),
        ("LONDON — Prices rose.", "Prices rose."),
        ("By . Daily Mail Reporter . A train announcer stunned passengers.", "A train announcer stunned passengers."),
        ("A MAN WHO stole a bike was jailed.", "A Man who stole a bike was jailed."),
        ("UK GDP rose by 2%.", "UK GDP rose by 2%."),
        ("Theresa May (Conservative) spoke.", "Theresa May (Conservative) spoke."),
    ],
)  # fmt: skip
def test_display_text_fixes_only_lead_ins_datelines_and_bylines(raw, shown):
    assert display_text(raw) == shown


@pytest.mark.parametrize(
    ("raw", "spoken"),
    [
        ("Rates rose 0.25% at the G-20.", "Rates rose 0.25 percent at the G twenty."),
        ("It cost $5m, then $2.5bn and $1.", "It cost 5 million dollars, then 2.5 billion dollars and 1 dollar."),
        ("The shoes cost £20.99, not €30.", "The shoes cost 20 pounds 99, not 30 euros."),
        ("It happened on 25/10/2013.", "It happened on 25th October 2013."),
        ("It happened on 10/25/2013.", "It happened on 25th October 2013."),
        ("It happened on Oct. 25, 2013.", "It happened on October 25th, 2013."),
        ("He went to No. 10 & back.", "He went to Number 10 and back."),
        ("Bishop John Folda (pictured) fell ill.", "Bishop John Folda fell ill."),
    ],
)  # fmt: skip
def test_make_speakable_says_symbols_money_dates_and_drops_asides(raw, spoken):
    assert make_speakable(raw, lexicon={}) == spoken


def test_the_seed_lead_is_ready_to_speak_with_the_bundled_lexicon():
    spoken = make_speakable(SEED_LEAD)
    assert spoken.startswith("US President Donald Trump has hailed")
    assert "Pootin" in spoken and "G twenty meeting." in spoken


def test_lexicon_respells_whole_names_only_longest_first():
    lexicon = {"Xi": "Shee", "Xi Jinping": "Shee Jin-ping", "Modi": "Mohdee"}
    spoken = make_speakable("Xi Jinping met Modi in Modica.", lexicon)
    assert spoken == "Shee Jin-ping met Mohdee in Modica."


def test_bundled_lexicon_has_the_seed_names():
    lexicon = load_lexicon()
    assert {"Putin", "Merkel", "Modi", "Huawei", "Tehran"} <= set(lexicon)


def test_a_broken_lexicon_names_the_file(tmp_path):
    path = tmp_path / "lexicon.toml"
    path.write_text("[names]\nPutin = 3\n", encoding="utf-8")
    with pytest.raises(ScriptError, match="lexicon.toml"):
        load_lexicon(path)
    with pytest.raises(ScriptError, match="not found"):
        load_lexicon(tmp_path / "missing.toml")


@pytest.mark.parametrize(
    ("raw", "spoken"),
    [
        # honorifics and titles: said in full, and no full stop that ends the sentence
        ("Ms. Temple met Mr. Ruiz and Mrs. Hale.", "Miz Temple met Mister Ruiz and Missus Hale."),
        ("Ms Temple met Dr Ruiz.", "Miz Temple met Doctor Ruiz."),
        ("Rep. Ocasio-Cortez, Sen. Warren, Gov. Newsom and Gen. Milley", "Representative Ocasio-Cortez, Senator Warren, Governor Newsom and General Milley"),
        ("Det. Insp. Jones and Lt. Col. Vindman spoke.", "Detective Inspector Jones and Lieutenant Colonel Vindman spoke."),
        ("St. Paul's is on Baker St. now.", "Saint Paul's is on Baker Street now."),
        ("They live on Baker St.", "They live on Baker Street."),
        ("Martin Luther King Jr. spoke.", "Martin Luther King Junior spoke."),
        ("He used to be a dr. once.", "He used to be a dr. once."),
        # dates
        ("Since 9/11, it is 24/7.", "Since nine eleven, it is twenty-four seven."),
        ("Add 1/2 cup.", "Add a half cup."),
        ("It was 2019-06-28.", "It was 28th June 2019."),
        ("On 28 June and June 28, 2019.", "On 28th June and June 28th, 2019."),
        ("In May 2019 they met.", "In May 2019 they met."),
        # years and decades
        ("In 1999, the 1990s and the '80s.", "In nineteen ninety-nine, the nineteen nineties and the eighties."),
        ("In 1905 and 1900, and the 2010s.", "In nineteen oh five and nineteen hundred, and the twenty tens."),
        # scores and ranges
        ("A 5-1 win and a 0-0 draw.", "A five-one win and a nil-nil draw."),
        ("They lost 1-3 at home.", "They lost one-three at home."),
        ("From 2010-2015, for 10-15 years.", "From 2010 to 2015, for 10 to 15 years."),
        ("Aged 18-25, in 2010-15.", "Aged 18 to 25, in 2010 to 2015."),
        ("It rose 1.5-2% this year.", "It rose 1.5 to 2 percent this year."),
        ("He won between 1999-2005.", "He won between nineteen ninety-nine and 2005."),
        # currency before nouns
        ("A £750 handset and a $5m deal.", "A 750-pound handset and a 5 million dollar deal."),
        ("A $5 million deal, $5m in cash.", "A 5 million dollar deal, 5 million dollars in cash."),
        ("It cost $5m, then $2.5bn.", "It cost 5 million dollars, then 2.5 billion dollars."),
        ("A US$2.5bn loan and €30, not $0.50.", "A 2.5 billion US dollar loan and 30 euros, not 50 cents."),
        ("It costs £20 each.", "It costs 20 pounds each."),
        # phone numbers: in their groups, never as sums or ranges
        ("Call 020 7946 0000.", "Call oh two oh, seventy-nine forty-six, oh oh oh oh."),
        ("Call (555) 123-4567.", "Call five five five, one two three, forty-five sixty-seven."),
        ("Call 1-800-273-8255.", "Call one, eight hundred, two seven three, eighty-two fifty-five."),
        ("Call +44 20 7946 0000.", "Call plus four four, two oh, seventy-nine forty-six, oh oh oh oh."),
        ("From 500-1000 people.", "From 500 to 1000 people."),
        # acronyms explained in brackets: the expansion once, then the acronym
        ("The Five-hundred-metre Aperture Spherical Telescope (FAST) found it.", "The Five-hundred-metre Aperture Spherical Telescope, or FAST, found it."),
        ("China's FAST (Five-hundred-metre Aperture Spherical Telescope) found it.", "China's Five-hundred-metre Aperture Spherical Telescope, or FAST, found it."),
        ("The United Nations (UN).", "The United Nations, or UN."),
        ("Theresa May (Conservative) and the BBC (pictured) met.", "Theresa May and the BBC met."),
        ("The report (ABC) said so.", "The report said so."),  # brackets that spell nothing: an aside
        # measures and codes
        ("It was 5°C, 10 km away at 70mph.", "It was 5 degrees Celsius, 10 kilometres away at 70 miles per hour."),
        ("It is 3ft 2in long, 2 in May.", "It is 3 feet 2 inches long, 2 in May."),
        ("PM2.5 at the G7 and COP26.", "PM2.5 at the G seven and COP twenty-six."),
    ],
)  # fmt: skip
def test_speech_rewrites(raw, spoken):
    assert make_speakable(raw, lexicon={}) == spoken


def said_by(raw: str) -> list[tuple[str, str]]:
    spoken = speakable(raw, lexicon={})
    return [(spoken.shown[o], w) for o, w in zip(spoken.owners, spoken.said.split(), strict=True)]


def test_every_spoken_word_belongs_to_the_shown_word_it_says():
    assert said_by("The G20 summit.") == [
        ("The", "The"),
        ("G20", "G"),
        ("G20", "twenty"),
        ("summit.", "summit."),
    ]
    assert said_by("A $5 million deal.") == [
        ("A", "A"),
        ("$5", "5"),
        ("million", "million"),
        ("million", "dollar"),
        ("deal.", "deal."),
    ]
    assert said_by("On Oct. 25, 2013.") == [
        ("On", "On"),
        ("Oct.", "October"),
        ("25,", "25th,"),
        ("2013.", "2013."),
    ]
    assert said_by("Call (555) 123-4567.")[1:4] == [
        ("(555)", "five"),
        ("(555)", "five"),
        ("(555)", "five,"),
    ]
    assert said_by("Call (555) 123-4567.")[4] == ("123-4567.", "one")
    assert said_by("Xi (pictured) spoke.") == [("Xi", "Xi"), ("spoke.", "spoke.")]


def test_an_acronym_said_after_its_expansion_still_points_at_its_own_word():
    pairs = said_by("FAST (Five-hundred-metre Aperture Spherical Telescope) found it.")
    assert pairs[0] == ("(Five-hundred-metre", "Five-hundred-metre")
    assert ("FAST", "FAST,") in pairs and pairs[-1] == ("it.", "it.")


def test_display_words_cut_by_a_dateline_are_not_said():
    spoken = speakable("LONDON — Prices rose.", lexicon={})
    assert spoken.said == "Prices rose." and spoken.owners == (2, 3)


@pytest.fixture(scope="module")
def piper():
    return get_voice(VoiceSettings())


@pytest.mark.parametrize(
    ("raw", "heard", "not_heard"),
    [
        ("Ms. Temple spoke.", "mˈɪz", "ˌɛmˈɛs"),  # not the letters M S
        ("Sen. Warren spoke.", "sˈɛnəɾɚ", "sˈɛn."),  # Senator, not "sen" and a full stop
        ("Since 9/11 it changed.", "nˈaɪn ᵻlˈɛvən", "slˈæʃ"),
        ("A 5-1 win.", "fˈaɪvwˈʌn", "dˈæʃ"),
        ("A £750 handset.", "pˈaʊnd hˈændsɛt", "pˈaʊnd sˈɛvən"),  # not "pound seven hundred"
        ("In 1999 it fell.", "nˈaɪntiːn nˈaɪntinˈaɪn", "hˈʌndɹɪd"),
        ("Call 020 7946 0000.", "ˈoʊ tˈuː ˈoʊ", "θˈaʊzənd"),  # not "seven thousand ..."
    ],
)
def test_piper_says_the_rewrite(piper, raw, heard, not_heard):
    phonemes = "".join(piper.phonemes(make_speakable(raw, lexicon={})))
    assert heard in phonemes and not_heard not in phonemes, phonemes


def test_titles_no_longer_end_the_sentence_for_piper(piper):
    raw = "Mr. Smith met Dr. Jones and Rep. Lee at St. Paul's."
    phonemes = "".join(piper.phonemes(make_speakable(raw, lexicon={})))
    assert phonemes.count(".") == 1 and phonemes.endswith("."), phonemes


def test_the_narration_of_ms_temple_says_miz_not_the_letters(tmp_path):
    script = Script("Temple", (Scene("Ms. Temple said no.", "Temple"),))
    narration = narrate(script, VoiceSettings(), tmp_path, cache_dir=tmp_path / "cache")
    (sentence,) = narration.sentences
    first = sentence.words[0]
    assert first.text == "Ms." and 0.15 < first.end - first.start < 0.5
    speech = get_voice(VoiceSettings()).speak(make_speakable("Ms. Temple said no."))
    heard = "".join(p.symbol for p in speech.phones)
    assert heard.startswith("^mˈɪz tˈɛmpəl") and "ɛmˈɛs" not in heard
