"""The writer's source of a whole clause (`..., according to X`) against the reports inside
that clause. Made-up sentences, each with a near case that keeps its reading."""

from __future__ import annotations

from tests.attribution_spans import sourced


def test_according_to_after_a_participle_relays_the_whole_clause() -> None:
    text = 'Reed wrote to the council, threatening "a lawsuit," according to a copy of the letter.'
    assert sourced(text) == [
        (
            "a copy of the letter",
            ['Reed wrote to the council, threatening "a lawsuit,"'],
            "according to",
        )
    ]
    # Near case: without the writer's source the participle's subject speaks.
    near = 'Reed wrote to the council, threatening "a lawsuit."'
    assert sourced(near) == [("Reed", ['"a lawsuit."'], "threatening")]


def test_according_to_after_a_speech_participle_relays_the_whole_clause() -> None:
    text = "Reed wrote to the council, saying the plan was flawed, according to the letter."
    assert sourced(text) == [
        ("the letter", ["Reed wrote to the council, saying the plan was flawed"], "according to")
    ]


def test_according_to_after_a_colon_reports_the_clause_after_it() -> None:
    text = (
        "It has not gone unnoticed: according to recent polls, Reed leads the race by ten points."
    )
    assert sourced(text) == [
        ("recent polls", ["Reed leads the race by ten points"], "according to")
    ]
    # Near case: without the colon's lead-in the same report reads alike.
    near = "According to recent polls, Reed leads the race by ten points."
    assert sourced(near) == [
        ("recent polls", ["Reed leads the race by ten points"], "According to")
    ]


def test_an_object_ends_at_a_colon_before_according_to() -> None:
    text = "The council rejected the plan: according to Tom Reed, the vote was close."
    assert sourced(text) == [
        ("The council", ["the plan"], "rejected"),
        ("Tom Reed", ["the vote was close"], "according to"),
    ]


def test_a_relative_clause_after_the_source_is_not_the_report() -> None:
    text = "The council rejected the plan, according to Tom Reed, who was there."
    assert sourced(text) == [("Tom Reed", ["The council rejected the plan"], "according to")]
    text = "The council met on Monday, according to Tom Reed, who was there."
    assert sourced(text) == [("Tom Reed", ["The council met on Monday"], "according to")]
    # Near case: the report goes on after the relative clause.
    near = "The council, according to Tom Reed, who was there, met on Monday."
    assert sourced(near) == [("Tom Reed", ["The council", "met on Monday"], "according to")]


def test_a_two_word_clause_after_said_is_the_report() -> None:
    assert sourced("The company said sales fell.") == [("The company", ["sales fell"], "said")]
    assert sourced("Tom Reed said he resigned.") == [("Tom Reed", ["he resigned"], "said")]
    # Near case: two words of time after "said" report nothing.
    assert sourced("Tom Reed said last week.") == []
