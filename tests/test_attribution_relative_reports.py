"""A report inside a relative clause of the subject, whose object ends before a time phrase:
the main verb after the clause still governs the sentence. Made-up sentences."""

from __future__ import annotations

from claims.extract.attribution import attribute
from claims.extract.models import DocumentContext, Span
from tests.attribution_spans import found


def test_a_relative_clause_report_ending_before_a_time_phrase_keeps_the_main_verb() -> None:
    text = "But Ivo Marek, who called time on his career earlier this year, said he is fit."
    assert found(text) == [
        ("said", "Ivo Marek, who called time on his career earlier this year", ["he is fit"]),
        ("called", "who", ["time on his career"]),
    ]
    chain = attribute(text, [Span(start=0, end=len(text))], DocumentContext(outlet="Wire"))[0]
    assert (chain[0].mention, chain[0].cue) == ("Ivo Marek", "said")
    # Near case: with no comma closing the clause, the clause's own report stays alone.
    near = "Fans who called time on the club earlier this year said nothing."
    assert [cue for cue, _, _ in found(near)] != ["said", "called"]
