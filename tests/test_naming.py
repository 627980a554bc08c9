"""People named for the ear as the script goes on: in full with who they are at first mention,
by surname after that (as the article itself calls them), and "He", "She" or "They" when they
opened the sentence just said. Sentences are the articles' own (CNN/DM sample and dev scrapes)."""

from __future__ import annotations

from conftest import SEED

from news60.article import read_article
from news60.language import profile_for
from news60.models import Rewrite, TracedSentence
from news60.script.broadcast import Cast, finish_script, people_in
from news60.script.broadcast.pronouns import article_pronoun
from news60.script.people import named_people, surname_of
from news60.script.summarisers.story import article_sentences
from news60.settings import ArticleSettings

ENGLISH = profile_for("en")


def said(
    article: list[str], script: list[int] | None = None, cast: Cast | None = None
) -> list[TracedSentence]:
    """The script (article sentences by index, all by default) finished against the article
    (or against the cast of a whole article)."""
    cast = cast or people_in([(text, k) for k, text in enumerate(article)], ENGLISH)
    chosen = range(len(article)) if script is None else script
    lines = [TracedSentence(article[k], (article[k],), (k,), ()) for k in chosen]
    return finish_script(lines, cast, ENGLISH, "said")


def texts(lines: list[TracedSentence]) -> list[str]:
    return [line.text for line in lines]


def test_a_hyphenated_or_particled_name_is_one_name():
    # "Craig Eccleston-Todd" was read as "Craig Eccleston-", and "Robin van Persie" as no name.
    found = named_people("Craig Eccleston-Todd, 27, and Robin van Persie and Han Dong-hoon met.")
    assert [name for name, _, _ in found] == [
        "Craig Eccleston-Todd",
        "Robin van Persie",
        "Han Dong-hoon",
    ]
    assert [surname_of(name) for name, _, _ in found] == ["Eccleston-Todd", "Persie", "Han"]


def test_a_person_named_again_in_full_is_said_by_surname_without_role_or_age():
    # CNN/DM: a caption restated the lead's man in full, age and all, with a typo in its comma.
    article = [
        "Craig Eccleston-Todd, 27, was driving home from a night at a pub when he received a "
        "text message.",
        "Craig Eccleston-Todd, 27 was using his mobile phone when he crashed head-on into the car.",
        "Police said Eccleston-Todd had drunk at least three or four pints of beer.",
    ]
    lines = said(article, [0, 2, 1])
    assert (
        texts(lines)[2]
        == "Eccleston-Todd was using his mobile phone when he crashed head-on into the car."
    )
    assert [r.note for r in lines[2].rewrites] == [
        "said the surname alone once introduced: “Craig Eccleston-Todd, 27”"
    ]
    # CNN/DM (West Brom): a role said once is not said again.
    article = [
        "Head coach Tony Pulis has advised Saido Berahino to focus on his performances.",
        "Head coach Tony Pulis believes that Fletcher will be captain of Albion one day.",
        "Pulis wants Fletcher to be his voice in the dressing room.",
    ]
    assert (
        texts(said(article))[1] == "Pulis believes that Fletcher will be captain of Albion one day."
    )


def test_personal_titles_and_particles_stay_with_the_surname():
    article = [
        "Yesterday David Cameron was seen in the same pair of beige loafers.",
        "Mr David Cameron got the shoes from high street store Aldo.",
        "Mr Cameron is in Lanzarote with his family.",
        "Robin van Persie's brace ensured United left the south coast with three points.",
        "Robin van Persie scored what turned out to be the winning goal, van Persie said.",
    ]
    assert texts(said(article))[1] == "Mr Cameron got the shoes from high street store Aldo."
    assert texts(said(article))[4].startswith("Van Persie scored what turned out")


def test_a_name_the_article_never_shortens_is_said_whole():
    # CNN/DM: "London Midland said" is a train company, never "Midland"; the article calls
    # Zhou Yongkang "Zhou", his family name, which comes first.
    article = [
        "The London Midland service had been pulling into Telford Station on Saturday.",
        "But London Midland said it is now launching an investigation into the incident.",
    ]
    assert texts(said(article))[1].startswith("But London Midland said")
    article = [
        "The visit Saturday by Zhou Yongkang, a member of Communist Party's politburo, the "
        "elite group of 25 men who run China, was the first visit by a top Chinese official.",
        "Zhou also said China is willing to make contributions to peace and stability.",
        "Zhou Yongkang is a member of Communist Party's politburo.",
        '"It is the consistent policy of the Chinese government to consolidate and develop '
        'China-Afghanistan relations," Zhou said in a statement reported by Xinhua.',
    ]
    introduced = texts(said(article, [1]))[0]
    assert introduced.startswith("Zhou Yongkang, a member of Communist Party's politburo, also")
    assert texts(said(article, [0, 2]))[1] == "Zhou is a member of Communist Party's politburo."


def test_a_place_before_a_body_is_not_taken_for_a_family_name():
    # CNN/DM (killer whales): "Cornwall Wildlife Trust said" and "Padstow, Cornwall": the
    # article's "Cornwall" alone is a place, not Mr Cornwall.
    article = [
        "A mother and calf were spotted off the coast of Padstow, Cornwall - just 15 miles from "
        "the surfing mecca of Newquay.",
        "Cornwall Wildlife Trust said the whales were a rare sight.",
    ]
    cast = people_in([(text, k) for k, text in enumerate(article)], ENGLISH)
    assert "Cornwall" not in cast.people
    assert texts(said(article))[0] == article[0]


def test_names_said_together_are_said_alike():
    # CNN/DM (Dragons' Den): "leaving Duncan Bannatyne and Jones" gave two men two registers.
    article = [
        "Dragons' Den star Peter Jones offered the money.",
        "Jones said he liked the idea.",
        "Three Dragons took their money off the table early, leaving Duncan Bannatyne and "
        "Peter Jones demanding to know more.",
    ]
    assert "Duncan Bannatyne and Peter Jones" in texts(said(article))[2]


def test_a_person_who_opened_the_sentence_before_is_he_or_she():
    # CNN/DM (killer whales): "Mr Clarke told how ... Mr Clarke suggested ... Mr Clarke runs".
    article = [
        "Ocean scientist Dom Clarke, 25, saw what he believes was a mother and calf.",
        "Mr Clarke told how he came across a man with binoculars who asked him what species "
        "of whale he thought they were.",
        "Mr Clarke suggested that the whales could have been feeding locally.",
        "Mr Clarke runs a rockpool exploration and education company, Explore the Shore.",
    ]
    lines = said(article)
    assert [text.split()[0] for text in texts(lines)] == ["Ocean", "He", "Mr", "He"]
    assert lines[1].rewrites[-1].note == "said “He” for “Mr Clarke”, who opened the sentence before"
    # After a jump in the article, the name stays: the sentence the article put between them
    # may have been about someone else.
    assert texts(said(article, [1, 3]))[1].startswith("Mr Clarke runs")


def test_he_or_she_comes_from_the_article_and_never_for_two_people():
    # CNN/DM (James Dyson): the article says "he" of him, so the script may.
    article = [
        "British innovator James Dyson has described patent laws across Europe as madness.",
        "Dyson has built a multi-billion dollar empire around his distinctive vacuum cleaners.",
        "Dyson told CNN he wants the patent system in Europe radically overhauled.",
    ]
    assert (
        texts(said(article))[2]
        == "He told CNN he wants the patent system in Europe radically overhauled."
    )
    # Someone else named in the sentence before: "He" could be either man, so the name stays.
    article[1] = "Dyson has built an empire, as Jony Ive did at Apple with his designs."
    assert texts(said(article))[2].startswith("Dyson told CNN")
    # An article that says both "he" and "she" around a name does not tell.
    assert (
        article_pronoun("Lee", ["Sam Lee said he and she left.", "Lee said he went."], {"Lee"})
        is None
    )


def test_a_surname_two_people_share_still_has_the_pronoun_the_article_uses_for_it_alone():
    # As in the seed: "Trump" is Donald Trump; Ivanka Trump is named too, so he is introduced
    # as the article writes him, but "Trump" said alone is "he" where the article says so in
    # sentences about him alone.
    article = [
        "US President Donald Trump has hailed his relationship with Russian President "
        "Vladimir Putin.",
        "Trump came face to face with Putin for the first time since the special counsel "
        "found extensive evidence of Russian interference in the 2016 US election.",
        "Trump was asked if he would warn Russia not to meddle in the next election.",
        "Trump has been dogged throughout his presidency by allegations of ties to Russia.",
        "Earlier, the president waved over his daughter Ivanka Trump.",
    ]
    cast = people_in([(text, k) for k, text in enumerate(article)], ENGLISH)
    assert "Trump" not in cast.people
    assert cast.pronouns["Trump"] == "he"
    lines = said(article, [0, 1, 2], cast=cast)
    assert (
        texts(lines)[2]
        == "He was asked if he would warn Russia not to meddle in the next election."
    )
    # Where the sentence before names Putin in full (his first mention), "he" could be either.
    lines = said(article, [1, 2], cast=cast)
    assert texts(lines)[0].startswith("Trump came face to face with Russian President Vladimir")
    assert texts(lines)[1].startswith("Trump was asked")


def test_a_sentence_naming_someone_else_tells_a_pronoun_only_before_the_other_name():
    # The seed: "When asked if he would warn Russia ..., Trump wore a bit of a smile, pointed
    # his finger at Putin": "he" and "his" come before Putin is named, so they are Trump's.
    # Once Putin was known (a capitalised title before his name had hidden him), the whole
    # sentence was set aside and the seed said "Trump" at the head of five lines running.
    article = read_article(str(SEED), ArticleSettings())
    cast = people_in(article_sentences(article), ENGLISH)
    assert "Putin" in cast.people and cast.pronouns["Trump"] == "he"
    # After the other name, "he" could be either: Merkel is given none from this.
    sentences = [
        ("German Chancellor Angela Merkel met Russian President Vladimir Putin on Monday.", 0),
        ("Merkel met Putin again, and he praised the deal.", 1),
        ("Merkel said the talks went well, and he agreed with the plan.", 2),
        ("Putin said his country would keep to it.", 3),
    ]
    cast = people_in(sentences, ENGLISH)
    assert "Merkel" not in cast.pronouns


def test_a_capitalised_title_before_a_name_is_its_role_not_part_of_it():
    # CNN/DM: "a letter from Foreign Affairs Minister Julie Bishop" was no name at all (the run
    # of capitals held a title, and "Bishop" was taken for one), so "Ms Bishop wrote" was never
    # said in full; nor was anyone "President" or "Prime Minister" before their name.
    found = named_people(
        "A letter from Foreign Affairs Minister Julie Bishop and Russian President Vladimir "
        "Putin, said Billie Jean King and Chief Executive Tim Cook to Ms. Jane Doe."
    )
    names = [name for name, _, _ in found]
    assert names == ["Julie Bishop", "Vladimir Putin", "Billie Jean King", "Tim Cook", "Jane Doe"]
    article = [
        "The Australian has been refused bail, a letter from Foreign Affairs Minister Julie "
        "Bishop has revealed.",
        "'Regrettably, Russian authorities have not accepted this advice,' Ms Bishop wrote.",
    ]
    cast = people_in([(text, k) for k, text in enumerate(article)], ENGLISH)
    assert cast.people["Bishop"].introduction == "Foreign Affairs Minister Julie Bishop"
    assert texts(said(article, [1])) == [
        "'Regrettably, Russian authorities have not accepted this advice,' Foreign Affairs "
        "Minister Julie Bishop wrote."
    ]


def test_a_name_that_describes_a_noun_is_said_without_its_role():
    # CNN/DM: "the Obama administration" was "the President Barack Obama administration".
    article = [
        "President Barack Obama spoke.",
        "Russian Prime Minister Dmitry Medvedev has blasted the Obama administration.",
    ]
    assert texts(said(article, [1])) == [
        "Russian Prime Minister Dmitry Medvedev has blasted the Barack Obama administration."
    ]


def test_a_piece_of_the_same_sentence_may_say_he_but_not_the_sentence_after_a_piece():
    # CNN/DM (Cameron's loafers): one sentence split in three pieces, each opening on him.
    split = (Rewrite("split", "split at “who”, the name said again"),)
    source = "Mr Cameron, who got the shoes from Aldo, took them to Portugal last summer."
    article = [source, "Mr Cameron is in Lanzarote with his family."]
    cast = people_in([(text, k) for k, text in enumerate(article)], ENGLISH)
    lines = [
        TracedSentence("Mr Cameron got the shoes from Aldo.", (source,), (0,), split),
        TracedSentence("Mr Cameron took them to Portugal last summer.", (source,), (0,), split),
        TracedSentence(article[1], (article[1],), (1,), ()),
    ]
    assert texts(finish_script(lines, cast, ENGLISH, "said")) == [
        "Mr Cameron got the shoes from Aldo.",
        "He took them to Portugal last summer.",
        "Mr Cameron is in Lanzarote with his family.",
    ]
    after_a_piece = finish_script([lines[0], lines[2]], cast, ENGLISH, "said")
    assert texts(after_a_piece)[1] == "Mr Cameron is in Lanzarote with his family."


def test_a_club_or_a_league_beside_the_name_hides_no_pronoun():
    # Scrape (Mourinho to Tottenham): "Real Madrid", "Inter Milan" and "Premier League" look
    # like full names, but the article names no one else in those sentences, so its "he" and
    # "his" about Mourinho count.
    from conftest import SHARED_DATA

    article = read_article(
        str(SHARED_DATA / "scrapes" / "921019755f4a96ac" / "scrape.txt"), ArticleSettings()
    )
    cast = people_in(article_sentences(article), ENGLISH)
    assert cast.pronouns["Mourinho"] == "he"


def test_a_surname_the_article_never_says_alone_is_said_whole():
    # CNN/DM (mammoth clone): the split said "Woo-Suk created ..." for Hwang Woo-Suk, whose
    # family name comes first; the article always says "Hwang Woo-Suk" (and Hwang In-Sung
    # shares "Hwang"), so the script does too.
    source = (
        "Hwang Woo-Suk – who created the world’s first cloned dog, Snuppy, in 2005 – will "
        "implant the nucleus from a mammoth cell into an elephant egg to create a mammoth embryo."
    )
    article = [
        source,
        "South Korean scientist Hwang Woo-Suk is a controversial figure.",
        "'The first and hardest mission is to restore mammoth cells,' Sooam researcher, Hwang "
        "In-Sung, told AFP.",
    ]
    cast = people_in([(text, k) for k, text in enumerate(article)], ENGLISH)
    lines = [
        TracedSentence(
            "Hwang Woo-Suk will implant the nucleus from a mammoth cell into an elephant egg.",
            (source,),
            (0,),
        ),
        TracedSentence(
            "Woo-Suk created the world’s first cloned dog, Snuppy, in 2005.", (source,), (0,)
        ),
    ]
    said_lines = finish_script(lines, cast, ENGLISH, "said")
    assert (
        said_lines[1].text == "Hwang Woo-Suk created the world’s first cloned dog, Snuppy, in 2005."
    )
    assert said_lines[1].rewrites[-1].note == (
        "said the whole name, as the article always does: “Hwang Woo-Suk”"
    )


def test_a_plural_noun_opening_two_pieces_of_one_sentence_is_they_in_the_second():
    # Washington Post page: "Gunmen opened fire ..., killing at least 19 people" was said
    # "Gunmen opened fire ... Gunmen killed at least 19 people ...".
    source = (
        "Gunmen opened fire on visitors at Tunisia’s most renowned museum on Wednesday, killing "
        "at least 19 people in an assault."
    )
    article = [source, "The gunmen were clad in military uniforms."]
    cast = people_in([(text, k) for k, text in enumerate(article)], ENGLISH)
    split = (Rewrite("split", "split at “killing”, said as “Gunmen killed”"),)
    lines = [
        TracedSentence(
            "Gunmen opened fire on visitors at Tunisia’s most renowned museum on Wednesday.",
            (source,),
            (0,),
            split,
        ),
        TracedSentence("Gunmen killed at least 19 people in an assault.", (source,), (0,), split),
    ]
    said_lines = finish_script(lines, cast, ENGLISH, "said")
    assert said_lines[1].text == "They killed at least 19 people in an assault."
    # A name is no plural noun: "Jones" is never "They".
    assert "jones" not in cast.plurals


def test_a_role_between_commas_without_the_introduces_the_speaker():
    # CNN/DM (labour camps): "..., Yu Mingyong, deputy president of Guangzhou Intermediate
    # People's Court, was quoted as saying." names his role with no "the" before it.
    article = [
        '"The police and many legal experts have realized the drawbacks of laojiao," Yu '
        "Mingyong, deputy president of Guangzhou Intermediate People's Court, was quoted as "
        "saying.",
        "Senior lawyer Ann Smith, however, said the camps would stay.",
    ]
    cast = people_in([(text, k) for k, text in enumerate(article)], ENGLISH)
    assert cast.people["Mingyong"].introduction == (
        "Yu Mingyong, deputy president of Guangzhou Intermediate People's Court"
    )
    # ", however," holds no title word: it is no role.
    assert cast.people["Smith"].introduction == "Senior lawyer Ann Smith"


def test_a_nickname_in_quotes_is_part_of_the_name():
    # CNN/DM: "Brendan ‘Darkie’ Hughes" (and "Brendan 'Darkie' Hughes" in the caption) was read
    # as "Darkie’ Hughes", another Hughes, so "Hughes said ..." was never introduced. "Like
    # Hughes, Price provided ..." names no other Hughes either.
    article = [
        "Gerry Adams is pictured with Brendan 'Darkie' Hughes, a former deputy commander of "
        "the IRA's Belfast Brigade.",
        "One account was given by ex-hunger striker Brendan ‘Darkie’ Hughes.",
        "Hughes said Jean McConville was killed on Adams' orders.",
        "Like Hughes, Price provided her personal account.",
    ]
    cast = people_in([(text, k) for k, text in enumerate(article)], ENGLISH)
    assert cast.people["Hughes"].introduction == (
        "Brendan 'Darkie' Hughes, a former deputy commander of the IRA's Belfast Brigade"
    )
    assert texts(said(article, [2]))[0].startswith("Brendan 'Darkie' Hughes, a former deputy")


def test_a_name_after_a_pause_is_mentioned_on_its_own():
    # CNN/DM: "Like Hughes, Price provided her personal account ..." was taken for someone
    # called "Hughes Price" (another Price), so Dolours Price was never introduced.
    article = [
        "Dolours Price was the first woman to join an IRA active service unit.",
        "Brendan Hughes said McConville was killed on Adams' orders.",
        "Price said she drove McConville away.",
        "Like Hughes, Price provided her personal account.",
    ]
    assert texts(said(article, [1, 3]))[1] == (
        "Like Hughes, Dolours Price provided her personal account."
    )


def test_a_trade_before_a_name_is_its_role():
    # Dev page (Seattle Times): "skipper Wade Bassi" in a scene-setting opening the script does
    # not say; his words were said as "Wade Bassi said: ..." with nothing on who he is.
    article = [
        "From the deck of his halibut schooner, skipper Wade Bassi has better insight than most.",
        "Wade Bassi said: “Whole Foods is one of the better ones, to be honest with you.”",
    ]
    assert texts(said(article, [1])) == [
        "Skipper Wade Bassi said: “Whole Foods is one of the better ones, to be honest with you.”"
    ]
