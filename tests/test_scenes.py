from news60.models import Article, Photo, QuoteCard
from news60.script.scenes import build_script, caption_for, group_sentences, headline


def test_a_standalone_quote_becomes_the_caption_with_its_speaker():
    text = (
        "When asked if he would warn Russia not to meddle in the next election, Trump wore a bit "
        "of a smile, pointed his finger at Putin and dryly said: “Don’t meddle in the election, please.”"
    )
    assert caption_for(text) == QuoteCard("Don’t meddle in the election, please.", "Trump")


def test_a_quote_followed_by_said_names_that_speaker():
    text = "“I’ll have a very good conversation with him,” Trump told reporters at the White House."
    assert caption_for(text) == QuoteCard("I’ll have a very good conversation with him", "Trump")


def test_a_phrase_quoted_mid_sentence_is_not_a_quote_card():
    text = (
        "Trump hailed his “very, very good relationship” with Putin as the leaders met at the G20."
    )
    assert caption_for(text) == "Trump hailed his “very, very good relationship” with Putin"


def test_headline_is_short_whole_and_never_ends_on_a_small_word():
    long = " ".join(["word"] * 40) + " the end of it."
    cut = headline(long)
    assert len(cut) <= 96 and "…" not in cut
    assert not cut.endswith((" the", " of"))


def test_a_long_sentence_is_cut_to_a_clause_with_its_verb_not_a_fragment():
    line = headline(
        "The plaintiff of the case, who lives in Ohio and has three children, said the company "
        "had failed to pay her for more than nine years of work at the plant."
    )
    assert "…" not in line and len(line) <= 96
    assert line != "The plaintiff of the case" and " said " in line


def test_a_quote_caption_names_the_speaker_written_after_it_or_before_it():
    after = caption_for("“We will appeal this ruling today,” said Jane Doe, the family lawyer.")
    assert after == QuoteCard("We will appeal this ruling today", "Jane Doe")
    before = caption_for("The coach, Sam Roe, told reporters: “We were beaten by a better team.”")
    assert before == QuoteCard("We were beaten by a better team.", "Sam Roe")


def test_a_quote_that_goes_on_from_the_sentence_before_takes_its_speaker():
    context = "“I’ll have a very good conversation with him,” Trump told reporters."
    line = caption_for("“What I say to him is none of your business.”", context)
    assert isinstance(line, QuoteCard) and line.speaker == "Trump"


def test_a_quote_with_no_speaker_to_name_is_never_a_bare_quote_card():
    line = caption_for("“It was the worst day of our lives.”", fallback="Flood hits the town")
    assert line == "Flood hits the town"


def test_bullets_and_leading_connectives_never_show():
    assert (
        headline("• Police closed the road for six hours.")
        == "Police closed the road for six hours"
    )
    assert headline("However, the council approved the plan.") == "The council approved the plan"


def test_adjacent_short_sentences_share_a_scene_but_distant_ones_do_not():
    groups = group_sentences([("One two.", 3), ("Three four.", 4), ("Five six.", 9)])
    assert groups == [["One two.", "Three four."], ["Five six."]]


def test_a_sentence_ending_on_a_quote_ends_its_scene():
    groups = group_sentences([("He said: “No.”", 3), ("Three four.", 4)])
    assert groups == [["He said: “No.”"], ["Three four."]]


def test_scenes_get_the_photo_whose_caption_matches_their_text():
    photos = (
        Photo("a.jpg", "Firefighters battle a forest fire near the town", "A via AP"),
        Photo("b.jpg", "The finance minister presents the budget in parliament", "B via Reuters"),
    )
    article = Article("T", ("x",), photos=photos)
    script = build_script(
        article,
        [
            ("The minister said the budget would cut taxes.", 0),
            ("Crews fought the blaze through the night.", 5),
        ],
        "extractive",
    )
    assert [s.photo.src for s in script.scenes] == ["b.jpg", "a.jpg"]


def test_every_photo_is_shown_once_before_any_is_shown_again():
    photos = (
        Photo("a.jpg", "Firefighters battle a forest fire near the town", "A via AP"),
        Photo("b.jpg", "The finance minister presents the budget in parliament", "B via Reuters"),
        Photo("c.jpg", "Smoke over the hills seen from the town", "C via AFP"),
    )
    article = Article("T", ("x",), photos=photos)
    fire = ["Crews fought the blaze.", "The fire spread overnight.", "Flames reached the town."]
    sentences = [(text, 10 * i) for i, text in enumerate(fire + ["Smoke filled the sky."])]
    shown = [s.photo.src for s in build_script(article, sentences, "extractive").scenes]
    # The fire scenes take the fire photos first, then the one left, before any comes back.
    assert sorted(shown[:3]) == ["a.jpg", "b.jpg", "c.jpg"] and shown[0] == "a.jpg"


def test_a_quote_never_shows_the_photo_of_a_different_named_person():
    photos = (
        Photo("cole.jpg", "Police Commissioner Dermot Cole speaks to the press", "A via AP"),
        Photo("ward.jpg", "Mayor Lisa Ward at city hall on Monday", "B via Reuters"),
    )
    article = Article("T", ("x",), photos=photos)
    script = build_script(
        article,
        [
            ("“We will not tolerate this violence,” said Commissioner Dermot Cole.", 0),
            ("Police said officers made 12 arrests.", 3),
            ("“The police response was slow and confused,” Mayor Lisa Ward told reporters.", 7),
            ("“Our officers did everything they could,” said Cole.", 11),
        ],
        "extractive",
    )
    shown = [s.photo.src if s.photo else None for s in script.scenes]
    assert shown[0] in ("cole.jpg", None) and shown[3] in ("cole.jpg", None)
    assert shown[2] in ("ward.jpg", None)
    assert shown[0] == "cole.jpg" and shown[2] == "ward.jpg"


def test_photos_without_a_file_are_not_shown_but_still_credited():
    article = Article("T", ("x",), photos=(Photo(None, "A caption", "Susan Walsh via PA Images"),))
    script = build_script(article, [("A sentence here.", 0)], "extractive")
    assert script.scenes[0].photo is None
    assert script.photos[0].credit == "Susan Walsh via PA Images"


def test_headline_drops_an_opening_clause_and_cuts_before_a_subordinate_one():
    assert (
        headline(
            "Asked before travelling to Japan about the talks, Trump told reporters it was private."
        )
        == "Trump told reporters it was private"
    )
    assert (
        headline(
            "Trump came face to face with Putin for the first time since the special counsel found "
            "extensive evidence of Russian interference in the 2016 US election."
        )
        == "Trump came face to face with Putin for the first time"
    )


def test_headline_never_cuts_inside_a_quote():
    cut = headline(
        "US President Donald Trump has hailed his “very, very good relationship” with Russian "
        "President Vladimir Putin as the two leaders held talks on the sidelines of the G20 meeting."
    )
    assert cut.count("“") == cut.count("”") and "very, very good relationship”" in cut


def test_a_quote_split_over_two_scenes_names_its_own_speaker_not_the_last_one():
    article = Article("T", ("x",))
    script = build_script(
        article,
        [
            ("“The plan is sound and it is paid for,” said Mayor Tom Reid.", 0),
            ("“We were shocked by the cost of the whole thing.”", 1),
            ("“Now everybody is going to pay for it,” said Jane Jones.", 2),
        ],
        "extractive",
        units=[0, 1, 1],
    )
    assert [getattr(s.caption, "speaker", None) for s in script.scenes] == [
        "Tom Reid",
        "Jane Jones",
        "Jane Jones",
    ]


def test_a_long_quote_said_by_a_spokesperson_is_cut_at_a_phrase_and_names_the_role():
    text = (
        "“We received an inquiry from the office of the New York State Attorney General and are "
        "cooperating in the matter,” said a WeWork spokesperson when contacted by Reuters."
    )
    assert caption_for(text) == QuoteCard(
        "We received an inquiry from the office of the New York State Attorney General",
        "WeWork spokesperson",
    )


def test_a_line_that_cannot_be_cut_whole_is_never_cut_mid_word_or_left_open():
    text = (
        "“Virginia, with all of the massive amount of defense and other work I brought to you, "
        "and with everything else, is voting against me, and that is something,” he wrote."
    )
    line = str(caption_for(text, fallback="Trump attacks Virginia voters"))
    assert line.count("“") == line.count("”")
    assert all(word in text or word in "Trump attacks Virginia voters —" for word in line.split())


def test_the_sources_own_elision_and_an_open_single_quote_never_show():
    text = (
        "Conservation Society said: ‘Although this species is harmless … we still advise the "
        "public not to touch them.’"
    )
    line = str(caption_for(text, fallback="Giant jellyfish seen on Dorset beaches"))
    assert "…" not in line and not line.endswith(":")
    assert line.count("‘") <= line.count("’")
