"""Verbs of opinion with an "as" complement: `voters see X as Y`, `X view Y as Z`. Made-up
sentences, each with a near case that is no opinion."""

from __future__ import annotations

from claims.extract.attribution import find_attributions
from claims.extract.models import DocumentContext, Span

NEWS = DocumentContext(outlet="Daily Wire")


def found(text: str) -> list[tuple[str | None, list[str], str | None]]:
    """(source, content fragments, cue) of each attribution of a one-sentence text."""
    result = find_attributions(text, [Span(start=0, end=len(text))], NEWS).attributions
    return [
        (
            text[a.source.start : a.source.end] if a.source else None,
            [text[c.start : c.end] for c in a.content],
            text[a.cue.start : a.cue.end] if a.cue else None,
        )
        for a in result
    ]


def test_see_and_view_with_an_as_complement_report_an_opinion() -> None:
    text = "Four in ten voters see the mayor's campaign as the most unfair."
    assert found(text) == [
        ("Four in ten voters", ["the mayor's campaign as the most unfair"], "see")
    ]
    view = "Rivertown Rovers view him as a natural replacement for Ivo Marek."
    assert found(view) == [
        ("Rivertown Rovers", ["him as a natural replacement for Ivo Marek"], "view")
    ]
    # Near cases: seeing something, and "as well", report no opinion.
    assert found("Voters saw the mayor on Tuesday.") == []
    assert found("They see him as well.") == []
