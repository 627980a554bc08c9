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


def test_a_letter_after_a_common_word_ends_the_sentence():
    assert split_sentences("He has hepatitis A. Church members were exposed.") == [
        "He has hepatitis A.",
        "Church members were exposed.",
    ]


def test_paragraphs_never_run_together_and_whitespace_is_normalised():
    text = "First paragraph without a stop\n\nSecond   one\nwraps here."
    assert split_sentences(text) == ["First paragraph without a stop", "Second one wraps here."]


def test_a_quote_spanning_two_sentences_stays_whole():
    text = "He stressed that “there’s no rush. There’s no time pressure” to act. Then he left."
    assert split_sentences(text) == [
        "He stressed that “there’s no rush. There’s no time pressure” to act.",
        "Then he left.",
    ]
