import json

import pytest
from conftest import SHARED_DATA

from news60.script.sentences import split_sentences


def test_splits_on_terminal_punctuation_and_keeps_closing_quotes():
    text = "“I’ll have a very good conversation with him,” Trump said. “None of your business.” He left!"
    assert split_sentences(text) == [
        "“I’ll have a very good conversation with him,” Trump said.",
        "“None of your business.”",
        "He left!",
    ]


def test_abbreviations_and_initials_do_not_end_sentences():
    text = "Mr. Smith met President John F. Kennedy in the U.S. Senate on Oct. 25. It rained."
    assert split_sentences(text) == [
        "Mr. Smith met President John F. Kennedy in the U.S. Senate on Oct. 25.",
        "It rained.",
    ]


def test_a_persons_initials_do_not_end_a_sentence_but_a_place_written_so_may():
    text = "The app comes from J.J. Abrams' company. He flew to Washington, D.C. Talks began."
    assert split_sentences(text) == [
        "The app comes from J.J. Abrams' company.",
        "He flew to Washington, D.C.",
        "Talks began.",
    ]


def test_a_letter_after_a_common_word_ends_the_sentence():
    assert split_sentences("He has hepatitis A. Church members were exposed.") == [
        "He has hepatitis A.",
        "Church members were exposed.",
    ]
    # A stop set off by a space ends the sentence even after a name's capital.
    assert split_sentences("Bishop John Folda has hepatitis A . State officials say.") == [
        "Bishop John Folda has hepatitis A .",
        "State officials say.",
    ]


def test_a_letter_after_by_is_an_initial_and_a_spaced_stop_after_is_a_line_break():
    # CNN/DM text: "presented in 1974 by D. Arno Peters"; the Daily Mail's line breaks as " . ".
    assert split_sentences("It was presented in 1974 by D. Arno Peters. It sold well.") == [
        "It was presented in 1974 by D. Arno Peters.",
        "It sold well.",
    ]
    text = "He said he could move on . Fans were told. It read: 'My name is . Yuri Vasilyev.'"
    assert split_sentences(text) == [
        "He said he could move on .",
        "Fans were told.",
        "It read: 'My name is . Yuri Vasilyev.'",
    ]
    # CNN/DM: "(a few places behind a man dressed as Father . Christmas)".
    assert split_sentences("He was 46th (behind a man dressed as Father . Christmas) overall.") == [
        "He was 46th (behind a man dressed as Father . Christmas) overall."
    ]
    assert split_sentences("He took vitamin D. Then he slept.") == [
        "He took vitamin D.",
        "Then he slept.",
    ]
    assert split_sentences("Out of 17 observations by the W. M. Keck Observatory, two held.") == [
        "Out of 17 observations by the W. M. Keck Observatory, two held."
    ]


def test_a_stop_the_text_writes_before_a_lower_case_word_belongs_to_a_name():
    # Scrape: VW's "ID. Space Vizzion" was said as "... VW says that while the ID."
    text = "VW says the ID. Space Vizzion is a concept. Other ID. models are on sale. It sold."
    assert split_sentences(text) == [
        "VW says the ID. Space Vizzion is a concept.",
        "Other ID. models are on sale.",
        "It sold.",
    ]
    assert split_sentences("He moved to the UK. The move paid off.") == [
        "He moved to the UK.",
        "The move paid off.",
    ]


def test_paragraphs_never_run_together_and_whitespace_is_normalised():
    text = "First paragraph without a stop\n\nSecond   one\nwraps here."
    assert split_sentences(text) == ["First paragraph without a stop", "Second one wraps here."]


def test_curly_and_straight_quotes_of_two_sentences_split_alike():
    for open_, close in (("“", "”"), ('"', '"')):
        text = f"He stressed that {open_}there’s no rush. There’s no time pressure{close} to act."
        assert split_sentences(text) == [
            f"He stressed that {open_}there’s no rush.",
            f"There’s no time pressure{close} to act.",
        ]


def test_a_caption_that_ran_into_the_text_ends_at_its_photo_mark():
    # CNN/DM: "Mr Eccleston-Todd's car was barely recognisable Police said ..." was said whole.
    text = (
        "Mr Eccleston-Todd's car was barely recognisable (pictured) Police said he had drunk at "
        "least three pints. Johnson (pictured) said it was fine."
    )
    assert split_sentences(text) == [
        "Mr Eccleston-Todd's car was barely recognisable (pictured)",
        "Police said he had drunk at least three pints.",
        "Johnson (pictured) said it was fine.",
    ]


def test_a_spaced_stop_after_towards_or_a_capital_the_is_a_line_break():
    # CNN/DM: "He said he saw them heading south towards." and "... The Lord Of The Rings, The."
    text = (
        "He said he saw them heading south towards . Newquay on Sunday. He worked on The Lord Of "
        "The Rings, The . Hobbit and more."
    )
    assert split_sentences(text) == [
        "He said he saw them heading south towards . Newquay on Sunday.",
        "He worked on The Lord Of The Rings, The . Hobbit and more.",
    ]


def test_a_spaced_stop_after_a_comma_is_a_line_break():
    # CNN/DM: "Mr Collins, from the 2nd Battalion, ." and "Royal Regiment of Fusiliers, died ..."
    text = (
        "Charges were dropped. Mr Collins, from the 2nd Battalion, . Royal Regiment of "
        "Fusiliers, died from his wounds, according to a post-mortem. Tributes were paid."
    )
    assert split_sentences(text) == [
        "Charges were dropped.",
        "Mr Collins, from the 2nd Battalion, . Royal Regiment of Fusiliers, died from his "
        "wounds, according to a post-mortem.",
        "Tributes were paid.",
    ]


def test_a_single_mark_set_the_wrong_way_round_is_an_apostrophe_and_opens_no_quote():
    from news60.script.quotes import read_marks

    # Scrape: "the automaker isn ‘t slowing down" would leave a quote open to the sentence's end.
    assert read_marks("the automaker isn ‘t slowing down on new models").open_at_end == ""
    assert read_marks("a hit of the ‘90s in Leeds").open_at_end == ""
    # A quote that stays open for the next sentence still does.
    assert read_marks("Price’s interview continued: ‘I drove away Jean").open_at_end == "‘"


def test_two_quotes_run_together_without_their_stop_are_two_sentences():
    # CNN/DM: a caption ran into the next quote, "... those sanctions' 'We have indeed done a
    # lot ...": said as one sentence, the two quotes ran together and the second was left open.
    text = (
        "Medvedev hinted at repercussions, saying that 'we probably could cause some "
        "unpleasantries for the country that imposes those sanctions' 'We have indeed done a lot "
        "for Russian-U.S. relations. I believe doing so was right.'"
    )
    assert split_sentences(text) == [
        "Medvedev hinted at repercussions, saying that 'we probably could cause some "
        "unpleasantries for the country that imposes those sanctions.'",
        "'We have indeed done a lot for Russian-U.S. relations.",
        "I believe doing so was right.'",
    ]
    # A plural's apostrophe before a quoted name closes nothing.
    text = "He gave the players' 'Golden Boot' award to Smith."
    assert split_sentences(text) == [text]


def test_a_quotes_first_word_cut_off_by_a_stray_stop_stays_with_it():
    # CNN/DM: "'And . American business doesn't need them either. The only ones ... power.'"
    # (a line break printed as a stop): split after "'And .", the rest of the quote lost its
    # opening mark and was said as the newsreader's own statement.
    text = (
        "'Those sanctions are a sharp knife for European business,' he claimed. 'And . American "
        "business doesn't need them either. The only ones who want sanctions are politicians.'"
    )
    assert split_sentences(text) == [
        "'Those sanctions are a sharp knife for European business,' he claimed.",
        "'And . American business doesn't need them either.",
        "The only ones who want sanctions are politicians.'",
    ]


CNNDM_SAMPLE = SHARED_DATA / "summaries" / "cnndm_train_sample100.jsonl"


@pytest.mark.skipif(not CNNDM_SAMPLE.exists(), reason="no CNN/DM")
def test_a_spaced_stop_as_far_from_the_last_as_a_print_line_is_long_ends_no_sentence():
    # CNN/DM sample (Daily Mail): the print lines' ends are spaced stops, most before a word in
    # lower case ("the brand had . reached"); those set the lines' length (about 70
    # characters). Split at the others, "... Chief Creative Officer Christopher." was said.
    rows = CNNDM_SAMPLE.read_text(encoding="utf-8").splitlines()
    text = next(json.loads(x)["article"] for x in rows if "Officer Christopher . Bailey" in x)
    sentences = split_sentences(text)
    assert any("Officer Christopher . Bailey uploaded" in s for s in sentences)
    assert any("inner circle - Tom . Ford famously" in s for s in sentences)
    assert any("starring My Week With . Marilyn star Eddie" in s for s in sentences)
    # A caption's end, far from a line's length after the stop before it, still ends one.
    assert (
        "Burberry's social media success has grown exponentially - and it is still growing "
        "fast." in sentences
    )
    # Without lines to measure, a spaced stop after a capital ends the sentence as before.
    assert split_sentences("He met Christopher . Bailey said so.") == [
        "He met Christopher .",
        "Bailey said so.",
    ]
