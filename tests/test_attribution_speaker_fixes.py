"""Who spoke, read against the sentence's structure and the document: a relative "which",
a report inside another report, a source written without its comma, a description that
points back to a name. Made-up sentences, each with a near case that keeps its reading."""

from __future__ import annotations

from claims.extract.attribution import attribute
from claims.extract.models import ChainLink, DocumentContext, Span
from claims.extract.sentences import split_sentences
from tests.attribution_spans import sourced

WIRE = DocumentContext(outlet="Wire")


def chains_of(text: str) -> list[list[ChainLink]]:
    spans = [Span(start=s.start, end=s.end) for s in split_sentences(text)]
    return attribute(text, spans, WIRE)


def links(text: str) -> list[list[tuple[str, str]]]:
    """(role, mention) of each link but the publisher's, sentence by sentence."""
    return [
        [(link.role.value, link.mention) for link in chain if link.role.value != "publisher"]
        for chain in chains_of(text)
    ]


def test_which_hangs_on_the_body_before_an_apposition_not_the_person_inside_it() -> None:
    text = "The money came from Brent Data, a firm run by Tom Reed, which said the loan was repaid."
    assert links(text) == [[("speaker", "Brent Data")]]
    # Near case: with no apposition the body right before "which" speaks.
    near = "Tom Reed sold the stake to Brent Data, which said the loan was repaid."
    assert links(near) == [[("speaker", "Brent Data")]]


def test_which_after_a_sentence_opening_body_is_that_body() -> None:
    text = "The Treasury, which said the loan was repaid, declined to comment."
    assert links(text) == [[("speaker", "Treasury")]]


def test_a_speaker_reporting_his_own_belief_is_the_speaker_once() -> None:
    text = "Ann Humphrey said she does not believe the plan will work."
    assert links(text) == [[("speaker", "Ann Humphrey")]]
    told = "Ann Humphrey told the BBC she does not believe the plan will work."
    assert links(told) == [[("speaker", "Ann Humphrey"), ("intermediary", "the BBC")]]
    # Near case: another person's belief is relayed by the one who reports it.
    near = "Ann Humphrey said Tom Reed believes the plan will work."
    assert links(near) == [[("speaker", "Tom Reed"), ("intermediary", "Ann Humphrey")]]


def test_he_after_a_one_word_name_with_a_relative_who_is_that_person() -> None:
    text = "Humphrey, who calls Reed a fraud, said he does not believe the plan will work."
    assert links(text) == [[("speaker", "Humphrey")]]


def test_according_to_without_its_comma_ends_before_a_percentage() -> None:
    text = "According to Ofcom 40% of homes say they have broadband."
    assert links(text) == [[("speaker", "40% of homes"), ("intermediary", "Ofcom")]]
    per_cent = "According to Ofcom 40 per cent of homes have broadband."
    assert links(per_cent) == [[("speaker", "Ofcom")]]
    # Near case: a number inside a name stays in the source.
    near = "According to Section 404 rules, firms must report their controls."
    assert [source for source, _, _ in sourced(near)] == ["Section 404 rules"]


def test_which_after_a_bracketed_short_form_is_the_body_named_before_it() -> None:
    text = (
        "The rules face two challenges - one from the Dunmore Air Transport Association "
        "(DATA), which has attacked them as unlawful."
    )
    assert links(text) == [[("speaker", "Dunmore Air Transport Association")]]


def test_the_chancellor_is_the_person_named_a_sentence_before() -> None:
    text = "Gordon Brown met bankers on Monday. The chancellor said growth would slow."
    assert links(text)[1] == [("speaker", "Gordon Brown")]
    titled = "Chancellor Gordon Brown met bankers on Monday. The chancellor said growth would slow."
    assert links(titled)[1] == [("speaker", "Gordon Brown")]
    # Near cases: the description written of someone else, and an office many people hold.
    other = "Tom Reed met the chancellor on Monday. The chancellor said growth would slow."
    assert links(other)[1] == [("speaker", "The chancellor")]
    lawyer = "Tom Reed was arrested on Monday. The lawyer said he was innocent."
    assert links(lawyer)[1] == [("speaker", "The lawyer")]


def test_the_manager_is_the_person_the_text_titled_so() -> None:
    text = "Chelsea manager Jose Mourinho watched the game. The manager said he was pleased."
    assert links(text)[1] == [("speaker", "Jose Mourinho")]
    # Near case: a player named before is not the manager.
    near = "Tom Reed scored twice on Saturday. The manager said he was pleased."
    assert links(near)[1] == [("speaker", "The manager")]


def test_which_without_a_comma_after_an_outlet_is_that_outlet() -> None:
    text = "The rumour was broken by the Dunmore Daily weblog which said it came from insiders."
    assert links(text) == [[("speaker", "the Dunmore Daily weblog")]]


def test_a_sentence_opening_research_is_no_name() -> None:
    text = "Research has found that old phones can help close the digital divide."
    assert links(text) == [[("speaker", "research")]]
    # Near case: a named study keeps its name.
    near = "The Dunmore Institute has found that old phones can help close the divide."
    assert links(near) == [[("speaker", "The Dunmore Institute")]]


def test_which_after_a_report_or_a_list_is_that_report() -> None:
    text = "The plan follows the Treasury report, which found that growth would slow."
    assert links(text) == [[("speaker", "the Treasury report")]]
    listed = "It tops the Top Ten Gadgets list which predicts what buyers will want this year."
    assert links(listed) == [[("speaker", "the Top Ten Gadgets list")]]


def test_a_quotation_paragraph_goes_on_with_the_last_quoted_speaker() -> None:
    text = (
        "Brent Foods said it made every effort to be safe. "
        '"People may have concerns," said Ann Vell, chief executive of Brent Foods.\n\n'
        '"But the network is no more at risk than any other way online." '
        "She said the firm uses encryption."
    )
    assert links(text)[2] == [("speaker", "Ann Vell")]
    # Near case: after narration the quotation paragraph is not hers.
    near = (
        "Ann Vell, chief executive of Brent Foods, met the council on Monday.\n\n"
        '"But the network is no more at risk than any other way online."'
    )
    assert links(near)[1] == []


def test_a_grand_slam_is_no_one_who_speaks() -> None:
    text = (
        "Tom Reed won. Reed is hopeful that the title will give him the belief he needs to "
        'win more Grand Slam titles. "It is a relief for me," he said.'
    )
    assert links(text)[2] == [("speaker", "Tom Reed")]


def test_asked_about_between_commas_is_an_aside_before_the_report() -> None:
    text = (
        "Tory leader Tom Reed, asked about the mayor's remark by reporters, said it was "
        "important to be mindful."
    )
    assert links(text) == [[("speaker", "Tom Reed")]]
    # Near case: a question put without a report after it stays a question.
    near = "Tom Reed asked about the mayor's remark whether it was fair."
    assert links(near)[0][0] == ("speaker", "Tom Reed")


def test_the_government_is_not_government_figures() -> None:
    text = (
        "Government figures suggest cases have risen by 25%. "
        'The government says the opposition is "a bit late" to the issue.'
    )
    assert links(text)[1] == [("speaker", "The government")]
