"""Who a relative clause, an inverted group source, an aside or a pronoun hangs on: the
person or body the sentence is about, not the last name written before it."""

from __future__ import annotations

from claims.extract.attribution import attribute, find_attributions
from claims.extract.models import ChainLink, DocumentContext, Span
from claims.extract.sentences import split_sentences

WIRE = DocumentContext(outlet="Wire")


def chains_of(text: str) -> list[list[ChainLink]]:
    spans = [Span(start=s.start, end=s.end) for s in split_sentences(text)]
    return attribute(text, spans, WIRE)


def speakers(text: str) -> list[str | None]:
    return [
        chain[0].mention if chain and chain[0].role.value == "speaker" else None
        for chain in chains_of(text)
    ]


def test_a_relative_who_hangs_on_the_person_its_apposition_describes() -> None:
    text = "Ann Vell, a lawyer at Brent Foods in Dunmore, who said the deal was unfair, left."
    assert speakers(text) == ["Ann Vell"]
    # Near case: with no person before it, "who" is the body named right before it.
    assert speakers("The deal was backed by Brent Foods, who said it was fair.") == ["Brent Foods"]


def test_a_relative_who_after_an_unnamed_body_is_that_body_not_the_subject() -> None:
    assert speakers("Tom Reed met the council, who said the deal was unfair.") == ["the council"]
    # Near case: the description points back to the body named before.
    named = speakers(
        "The Dunmore Council met on Monday. Tom Reed met the council, who said it was unfair."
    )
    assert named[1] == "Dunmore Council"


def test_a_group_written_after_said_is_the_speaker() -> None:
    text = "The merger will go ahead next month, said people close to the talks."
    assert speakers(text) == ["people close to the talks"]
    familiar = "The plant will close, said sources familiar with the plan on Monday."
    assert speakers(familiar) == ["sources familiar with the plan"]
    # Near case: a named source after "said" still speaks.
    assert speakers("The merger will go ahead next month, said Tom Reed.") == ["Tom Reed"]


def test_according_to_as_an_aside_after_a_one_word_subject() -> None:
    text = "Dunmore, according to Tom Reed, will bid."
    result = find_attributions(text, [Span(start=0, end=len(text))], WIRE)
    assert [text[a.source.start : a.source.end] for a in result.attributions] == ["Tom Reed"]
    content = [text[c.start : c.end] for c in result.attributions[0].content]
    assert content == ["Dunmore", "will bid"]
    assert speakers(text) == ["Tom Reed"]
    # Near case: a one-word subject with nothing after the aside is no report.
    assert speakers("Dunmore, according to Tom Reed.") == [None]


def test_a_person_in_apposition_in_narration_is_the_later_he() -> None:
    text = (
        "A council spokesman said the road would reopen. "
        "But the landlord, Tom Reed, was angry. "
        'He said: "The road is unsafe. Nobody listens to us."'
    )
    assert speakers(text) == ["A council spokesman", None, "Tom Reed", "Tom Reed"]
    # Near case: a person named only as an object yields to the one who spoke.
    near = (
        "A council spokesman said the road would reopen. "
        "The bridge was built by Tom Reed. "
        'He said: "The road is safe."'
    )
    assert speakers(near)[2] == "A council spokesman"


def test_a_party_named_after_between_is_the_later_he() -> None:
    for row in (
        "The row is between the council and landlord Tom Reed.",
        "The row is between Tom Reed and the council.",
    ):
        text = f"A council spokesman said talks would resume. {row} He said the rent was fair."
        assert speakers(text)[2] == "Tom Reed"
    # Near case: a name after another preposition still yields to the speaker.
    near = (
        "A council spokesman said talks would resume. The letter went to Tom Reed. "
        "He said the rent was fair."
    )
    assert speakers(near)[2] == "A council spokesman"


def found(text: str) -> list[tuple[str, str, list[str]]]:
    result = find_attributions(text, [Span(start=0, end=len(text))], WIRE)
    return [
        (
            text[a.source.start : a.source.end] if a.source else "",
            text[a.cue.start : a.cue.end] if a.cue else "",
            [text[c.start : c.end] for c in a.content],
        )
        for a in result.attributions
    ]


def test_a_relative_clause_that_ends_in_a_quotation_keeps_the_main_verb() -> None:
    text = "Ann Vell, who calls the plan a “disgrace,” said the council would lose the vote."
    main = [f for f in found(text) if f[1] == "said"]
    assert len(main) == 1
    source, _, content = main[0]
    assert source.startswith("Ann Vell") and content == ["the council would lose the vote"]
    assert speakers(text) == ["Ann Vell"]
    # Near case: a quotation that is the content still goes with the verb after it.
    assert found("“The plan is a disgrace,” said Ann Vell.")[0][2] == ["“The plan is a disgrace,”"]


def test_a_relative_report_after_an_inverted_source_is_a_report_of_its_own() -> None:
    text = "“The plan will fail,” said Ann Vell, who said the council had “no money left.”"
    reports = found(text)
    assert ("Ann Vell", "said", ["“The plan will fail,”"]) in reports
    assert ("who", "said", ["the council had “no money left.”"]) in reports
    assert speakers(text) == ["Ann Vell"]
    # Near case: a relative clause that reports nothing stays in the source.
    plain = found("“The plan will fail,” said Ann Vell, who runs the council.")
    assert [f[0] for f in plain] == ["Ann Vell, who runs the council"]


def test_a_condition_between_commas_after_said_is_part_of_the_content() -> None:
    reports = found("She said, if elected, she would close the mine.")
    assert reports == [("She", "said", ["if elected, she would close the mine"])]
    # Near case: an adverbial aside is not part of the content.
    aside = found("It said, despite four years of work, the mine was not ready.")
    assert aside[0][2] == ["the mine was not ready"]


def test_a_clause_after_told_and_its_audience_with_a_comma_is_the_content() -> None:
    reports = found("Instead, Tom Reed told the Wire, his plan would cut the rent by half.")
    assert [(s, c) for s, _, c in reports] == [
        ("Tom Reed", ["his plan would cut the rent by half"])
    ]
    # Near case: an adverbial after the audience is no content.
    assert found("Tom Reed told the Wire, speaking on Monday.") == []


def test_it_after_analysts_named_as_a_firm_is_that_firm() -> None:
    text = (
        "Prices rose, according to market analysts Brent Data. "
        "Many are turning away from cable, say analysts Dunmore Research. "
        "It found that a third of viewers said they watched less cable."
    )
    chains = chains_of(text)
    assert chains[1][0].mention == "Dunmore Research"
    assert [link.mention for link in chains[2][:2]] == ["a third of viewers", "Dunmore Research"]


def test_a_headline_speaker_with_whom_it_spoke_to_before_the_colon() -> None:
    reports = found("Vell to Dunmore Farmers: The subsidy will end in May.")
    assert reports == [("Vell", ":", ["The subsidy will end in May"])]
    at = found("Judge Vell at Brent Hall: The subsidy will end in May.")
    assert [f[0] for f in at] == ["Judge Vell at Brent Hall"]
    # Near case: a passage label before the colon names no speaker.
    assert found("Update: The subsidy will end in May.") == []


def test_an_object_ends_before_the_subjects_next_act_or_the_writers_aside() -> None:
    assert found("Ann Vell slammed the plan as costly and praised the old scheme.")[0] == (
        "Ann Vell",
        "slammed",
        ["the plan as costly"],
    )
    assert found("Ann Vell called the plan a “disgrace,” a word she rarely uses.") == [
        ("Ann Vell", "called", ["the plan a “disgrace,”"])
    ]
    assert found("Ann Vell blasted the council for its delay now that the vote is over.")[0][2] == [
        "the council for its delay"
    ]
    assert found("Ann Vell defended the plan in a recent interview with the Wire.")[0][2] == [
        "the plan"
    ]
    # Near case: "and" between two nouns of the object keeps them both.
    assert found("Ann Vell slammed the plan and the budget.")[0][2] == ["the plan and the budget"]


def test_a_question_put_by_an_agent_is_the_agents_not_the_answerers() -> None:
    reports = found("Ann Vell was asked by the host Tom Reed whether the plan would fail.")
    assert reports == [("the host Tom Reed", "was asked", ["whether the plan would fail"])]
    assert speakers("Ann Vell was asked by the host Tom Reed whether the plan would fail.") == [
        None
    ]
    # Near case: a passive report with an agent keeps its subject as the content.
    assert found("The plan was criticised by Tom Reed.")[0][:2] == ("Tom Reed", "was criticised")


def test_a_question_holds_whom_a_quoted_phrase_and_no_report_of_its_own() -> None:
    text = "When asked whom she backed, Ann Vell smiled and said she was waiting."
    assert found(text) == [
        ("", "asked", ["whom she backed"]),
        ("Ann Vell", "said", ["she was waiting"]),
    ]
    quoted = found("Asked if the plan is “fair enough,” most voters said yes.")
    assert quoted[0][1] == "Asked"
    assert quoted[0][2][0].startswith("if the plan is “fair enough")
    # Near case: an unquoted question still ends at its comma.
    assert found("Asked if the plan is fair, most voters said yes.")[0][2] == [
        "if the plan is fair"
    ]


def test_a_third_apostrophe_after_a_doubled_closing_mark_is_no_speaker() -> None:
    text = "''It ran on 'Dunmore Today,''' said Tom Reed, a former aide."
    assert found(text)[0][0] == "Tom Reed, a former aide"
    assert speakers(text) == ["Tom Reed"]
    # Near case: a plain doubled mark still closes the quotation.
    assert found("''It ran,'' said Tom Reed.")[0][0] == "Tom Reed"


def test_a_second_verb_after_but_and_a_setting_phrase_is_the_subjects() -> None:
    text = "Ann Vell first said she had no copy, but in a later interview said she had one."
    assert [f[0] for f in found(text)] == ["Ann Vell", "Ann Vell"]
    # Near case: a setting phrase opening its own clause keeps that clause's subject.
    other = found("Ann Vell said she had no copy, but in a later interview Tom Reed said so.")
    assert [f[0] for f in other] == ["Ann Vell", "Tom Reed"]


def test_upon_saying_takes_the_sentence_subject() -> None:
    text = "Ann Vell, herself a farmer, drew boos upon saying the plan was fair."
    assert found(text) == [("Ann Vell, herself a farmer", "saying", ["the plan was fair"])]


def test_two_reports_joined_by_and_are_two_not_one_relaying_the_other() -> None:
    text = "Ann Vell said the plan was dead and Tom Reed said it would pass."
    assert found(text) == [
        ("Ann Vell", "said", ["the plan was dead"]),
        ("Tom Reed", "said", ["it would pass"]),
    ]
    assert [(link.role.value, link.mention) for link in chains_of(text)[0]] == [
        ("speaker", "Ann Vell"),
        ("publisher", "Wire"),
    ]
    # Near case: "and that" keeps the second report inside what the first says.
    nested = found("Ann Vell said the plan was dead and that Tom Reed said it would pass.")
    assert nested[0][2] == ["the plan was dead and that Tom Reed said it would pass"]
    # Near case: after a relative clause's report in an aside, the main report still governs.
    aside = chains_of("The poll is upbeat - which suggests a rise - but analysts said it was weak.")
    assert "analysts" in [link.mention for link in aside[0]]


def test_called_after_an_object_names_it_and_nobody_speaks() -> None:
    for text in (
        "Ann Vell and her friends launched a website called Dunmore Beats.",
        "Tom Reed later founded another company called Brent Data and sold it.",
    ):
        assert speakers(text) == [None]
    # Near case: "called" with its own subject and object is a report.
    assert speakers("Ann Vell met the mayor and called Tom Reed a liar.") == ["Ann Vell"]
    assert speakers("The mayor called the plan a disgrace.") == ["The mayor"]


def test_went_on_sale_is_no_report() -> None:
    text = "It went on sale in May and Brent Foods says sales have beaten forecasts."
    assert [(link.role.value, link.mention) for link in chains_of(text)[0]] == [
        ("speaker", "Brent Foods"),
        ("publisher", "Wire"),
    ]
    # Near case: "went on" before what was said still reports.
    assert speakers("Ann Vell went on: the plan is dead.") == ["Ann Vell"]
