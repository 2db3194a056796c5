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
