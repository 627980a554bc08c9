from news60.models import SpokenSentence, Word
from news60.speech.timing import apportion
from news60.video.cues import LINE_CHARS, plan_cues, to_srt, to_vtt, wrap

LONG = (
    "US President Donald Trump has hailed his “very, very good relationship” with Russian "
    "President Vladimir Putin as the two leaders held talks on the sidelines of the G20 meeting."
)


def sentence(text: str, start: float, end: float, scene: int = 0) -> SpokenSentence:
    return SpokenSentence(text, scene, start, end, tuple(apportion(text.split(), start, end)))


def test_cues_have_at_most_two_short_lines_and_keep_every_word_in_order():
    cues = plan_cues((sentence(LONG, 0.0, 9.0),), offset=0.5)
    assert len(cues) >= 3
    for cue in cues:
        lines = cue.text.split("\n")
        assert len(lines) <= 2
        assert all(len(line) <= LINE_CHARS for line in lines)
    assert " ".join(c.text.replace("\n", " ") for c in cues) == LONG


def test_cues_follow_the_voice_shifted_by_the_offset_without_overlap():
    sentences = (sentence(LONG, 0.0, 9.0), sentence("Then it ended.", 9.5, 10.5, scene=1))
    cues = plan_cues(sentences, offset=0.5)
    assert cues[0].start == 0.5
    assert cues[-1].start == 10.0
    for earlier, later in zip(cues, cues[1:], strict=False):
        assert earlier.start < earlier.end <= later.start


def test_no_cue_is_a_lone_leftover_word():
    cues = plan_cues((sentence(LONG, 0.0, 9.0),), offset=0)
    assert min(len(c.words) for c in cues) >= 4


def test_cue_words_use_the_voices_times_when_they_line_up():
    words = (Word("Hello", 1.0, 1.4), Word("world.", 1.5, 2.0))
    cues = plan_cues((SpokenSentence("Hello world.", 0, 1.0, 2.0, words),), offset=0.25)
    assert [(w.text, w.start) for w in cues[0].words] == [("Hello", 1.25), ("world.", 1.75)]


def test_srt_and_vtt_timestamps():
    cues = plan_cues((sentence("Short line here.", 61.5, 62.25),), offset=0)
    srt = to_srt(cues)
    assert srt.startswith("1\n00:01:01,500 --> 00:01:02,")
    assert to_vtt(cues).startswith("WEBVTT\n\n00:01:01.500 --> ")


def test_wrap_breaks_at_words():
    assert wrap("a" * 10 + " " + "b" * 30, 32) == "a" * 10 + "\n" + "b" * 30


def test_cues_end_where_phrases_end_never_on_a_small_word_or_a_pronoun():
    text = (
        "When asked if he would warn Russia not to meddle in the next election, Trump wore a bit "
        "of a smile, pointed his finger at Putin and dryly said: “Don’t meddle in the election, please.”"
    )
    cues = plan_cues((sentence(text, 0.0, 10.0),), offset=0)
    leaning = {"the", "a", "of", "to", "in", "at", "and", "his", "he", "she", "it", "they"}
    for cue in cues[:-1]:
        last = cue.text.split()[-1].lower().strip("“”,.:")
        assert last not in leaning, cue.text
    # The quotation is read whole in one cue.
    assert any(c.text.replace("\n", " ") == "“Don’t meddle in the election, please.”" for c in cues)


def test_cue_lines_are_balanced_by_measured_width():
    from news60.video.theme import load_theme
    from news60.video.typesetting import family, font, wrap_to_width

    face = font(family(load_theme(), "body"), 60)
    cues = plan_cues((sentence(LONG, 0.0, 9.0),), offset=0, measure=face.getlength, width=820)
    for cue in cues:
        widths = [face.getlength(line) for line in cue.text.split("\n")]
        greedy = [
            face.getlength(line) for line in wrap_to_width(cue.text.replace("\n", " "), face, 820)
        ]
        assert max(widths) <= 820 and len(widths) == len(greedy) <= 2
        assert max(widths) - min(widths) <= max(greedy) - min(greedy), cue.text


def test_cue_text_has_curly_quotes():
    cues = plan_cues((sentence('He said "no" and didn\'t stay.', 0.0, 2.0),), offset=0)
    assert cues[0].text.replace("\n", " ") == "He said “no” and didn’t stay."
