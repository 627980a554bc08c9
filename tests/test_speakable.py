import pytest

from news60.errors import ScriptError
from news60.script.speakable import display_text, load_lexicon, make_speakable

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
