"""Content and source boundaries chosen on PolNeAR train misses: made-up sentences, each with
a near case that must not change."""

from __future__ import annotations

from claims.extract.attribution import attribute
from claims.extract.models import DocumentContext, Span
from tests.attribution_spans import found


def test_a_report_in_an_opening_subordinate_clause_ends_at_its_comma() -> None:
    text = "While Dana Roe acknowledged the event was tragic, she said it changes nothing."
    assert found(text)[0] == ("acknowledged", "Dana Roe", ["the event was tragic"])
    # Near case: a report in the main clause runs on past a comma.
    near = "Dana Roe acknowledged the event was tragic, painful and avoidable."
    assert found(near)[0][2] == ["the event was tragic, painful and avoidable"]


def test_where_something_was_said_is_not_part_of_the_object() -> None:
    assert found("Mayor Ortiz praised the plan in a tweet.")[0][2] == ["the plan"]
    assert found("The senator blamed local officials on Twitter.")[0][2] == ["local officials"]
    # Near case: a prepositional phrase that belongs to the object stays.
    assert found("The senator blamed local officials in the county.")[0][2] == [
        "local officials in the county"
    ]


def test_a_which_clause_after_an_inverted_source_is_not_the_source() -> None:
    text = "“The plan is dead,” said the Farmers Union, which represents 400 growers."
    assert found(text)[0][:2] == ("said", "the Farmers Union")
    # Near cases: a person's who-clause and an apposition stay in the source.
    who = "“The plan is dead,” said Ana Pell, who farms near Leeds."
    assert found(who)[0][:2] == ("said", "Ana Pell, who farms near Leeds")
    near = "“The plan is dead,” said Ana Pell, a farmer from Leeds."
    assert found(near)[0][:2] == ("said", "Ana Pell, a farmer from Leeds")


def test_an_object_ends_where_a_new_clause_opens() -> None:
    dash = "Mayor Ortiz endorsed Dana Roe — a surprise to her own party."
    assert found(dash)[0][:3] == ("endorsed", "Mayor Ortiz", ["Dana Roe"])
    contrast = "Most older voters preferred Dana Roe while younger voters stayed home."
    assert found(contrast)[0][2] == ["Dana Roe"]
    pronoun = "The union praised the new contract, she added after the vote."
    assert found(pronoun)[0][:3] == ("praised", "The union", ["the new contract"])
    # Near case: a list after a comma stays in the object.
    near = "The senator criticized the tax plan, the budget and the schedule."
    assert found(near)[0][2] == ["the tax plan, the budget and the schedule"]


def test_an_object_ends_before_a_new_subject_and_verb() -> None:
    text = "Dana Roe endorsed the mayor last spring, the aide was still undecided."
    assert found(text)[0][:3] == ("endorsed", "Dana Roe", ["the mayor last spring"])
    named = "The senator criticized the plan, Ortiz was not consulted."
    assert found(named)[0][2] == ["the plan"]
    # Near case: `Y, Ortiz said` reports the whole clause before it.
    report = "Most members supported Dana Roe, Ortiz said on Tuesday."
    assert found(report) == [("said", "Ortiz", ["Most members supported Dana Roe"])]


def test_an_object_ends_at_a_semicolon() -> None:
    assert found("Ana Pell wants a recount; her rival does not.")[0][2] == ["a recount"]
    assert found("The senator supports the bill; the mayor stayed silent.")[0][2] == ["the bill"]


def test_a_subject_keeps_its_name_across_insertions_holding_commas() -> None:
    speaking = (
        "Dana Roe, speaking at a rally in Leeds, Yorkshire, warned that the bridge is unsafe."
    )
    assert found(speaking)[0][:2] == ("warned", "Dana Roe")
    during = "Mayor Ortiz, during a town hall in Dayton, Ohio, said the budget is short."
    assert found(during)[0][:2] == ("said", "Mayor Ortiz")
    place = "Ana Pell, a farmer from Ripon, Wis., attending the fair, said prices are too low."
    assert found(place)[0][:2] == ("said", "Ana Pell, a farmer from Ripon, Wis.")
    # Near case: an age and an apposition with no insertion stay in the source.
    near = "Ana Pell, 61, a farmer from Ripon, said prices are too low."
    assert found(near)[0][:2] == ("said", "Ana Pell, 61, a farmer from Ripon")


def test_a_report_after_another_report_relays_it() -> None:
    quoted = "“The plan is dead,” Ana Pell said on Monday, according to a local radio station."
    assert found(quoted) == [
        (
            "according to",
            "a local radio station",
            ["“The plan is dead,”", "Ana Pell said on Monday"],
        )
    ]
    reported = "The mayor said the bridge will reopen in May, the Daily Post reported."
    assert found(reported) == [
        ("reported", "the Daily Post", ["The mayor said the bridge will reopen in May"])
    ]
    verb = "Rebels shelled the port, according to the defence ministry."
    assert found(verb) == [("according to", "the defence ministry", ["Rebels shelled the port"])]
    # Near cases: an aside in the middle, or a figure inside the report, stays its own.
    aside = "The mayor said the bridge, according to the police, is closed."
    assert found(aside)[0][:2] == ("said", "The mayor")
    figure = "Polls show she leads, with 56 percent backing her plan, according to a CNN poll."
    assert found(figure)[0][:2] == ("show", "Polls")


def test_the_relayed_speaker_stays_the_speaker_and_the_relay_an_intermediary() -> None:
    def chain(text: str) -> list[tuple[str, str]]:
        links = attribute(text, [Span(start=0, end=len(text))], DocumentContext(outlet="Wire"))
        return [(link.role.value, link.mention) for link in links[0]]

    reported = "The mayor said the bridge will reopen in May, the Daily Post reported."
    assert chain(reported) == [
        ("speaker", "The mayor"),
        ("intermediary", "the Daily Post"),
        ("publisher", "Wire"),
    ]
    quoted = "“The plan is dead,” Ana Pell said, according to a local radio station."
    assert chain(quoted) == [
        ("speaker", "Ana Pell"),
        ("intermediary", "a local radio station"),
        ("publisher", "Wire"),
    ]


def test_a_report_inside_a_relative_clause_ends_before_the_main_verb() -> None:
    text = "Mayor Ortiz, who has endorsed Dana Roe, said the bridge will reopen in May."
    assert found(text) == [
        ("said", "Mayor Ortiz, who has endorsed Dana Roe", ["the bridge will reopen in May"]),
        ("endorsed", "who", ["Dana Roe"]),
    ]
    chain = attribute(text, [Span(start=0, end=len(text))], DocumentContext(outlet="Wire"))[0]
    assert (chain[0].mention, chain[0].cue) == ("Ortiz", "said")
    # Near case: a participle after the clause goes on with the clause's own report.
    near = "Voters met Mayor Ortiz, who said the bridge is safe, adding that repairs are done."
    assert found(near) == [
        ("said", "who", ["the bridge is safe"]),
        ("adding", "who", ["repairs are done"]),
    ]


def test_a_report_then_a_time_and_according_to_relays_the_report() -> None:
    text = "“The plan is dead,” Ana Pell said Monday in Leeds, according to a radio station."
    assert found(text)[0][:2] == ("according to", "a radio station")


def test_a_relative_clause_content_ends_before_the_main_clause_verb() -> None:
    text = "Older voters, who strongly support Dana Roe, have also seen their pensions rise."
    assert found(text)[0] == ("support", "who", ["Dana Roe"])
    # Near case: a comma inside the content that no main verb follows stays in it.
    near = "Older voters, who say the plan, in its present form, is unfair, stayed home."
    assert found(near)[0][2][0].startswith("the plan, in its present form, is unfair")


def test_a_source_after_its_verb_runs_over_abbreviations_and_quoted_titles() -> None:
    dot = "“We need more checks,” said Ana B. Pell Jr., a former port official."
    assert found(dot)[0][:2] == ("said", "Ana B. Pell Jr., a former port official")
    title = "“It is likely,” said Dana Roe, the author of “Safe Harbours,” who teaches in Leeds."
    assert found(title)[0][1] == "Dana Roe, the author of “Safe Harbours,” who teaches in Leeds"
    # Near case: the full stop that ends the sentence still ends the source.
    near = "“We need more checks,” said Ana Pell. She left."
    assert found(near)[0][:2] == ("said", "Ana Pell")


def test_a_relative_clause_stays_out_of_the_speakers_name() -> None:
    text = "The firm, which has two plants in Leeds, said it would cut 200 jobs."
    chain = attribute(text, [Span(start=0, end=len(text))], DocumentContext(outlet="Wire"))[0]
    assert chain[0].mention == "The firm"
    assert found(text)[0][1] == "The firm, which has two plants in Leeds"  # scored as written
    # Near case: a role after the name stays the role.
    near = "Ana Pell, a farmer from Ripon, said prices are too low."
    link = attribute(near, [Span(start=0, end=len(near))], DocumentContext(outlet="Wire"))[0][0]
    assert (link.mention, link.speaker_role) == ("Ana Pell", "a farmer from Ripon")
