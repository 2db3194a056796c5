"""Verbs of opinion with an "as" complement: `voters see X as Y`, `X view Y as Z`. Made-up
sentences, each with a near case that is no opinion."""

from __future__ import annotations

from claims.extract.models import DocumentContext
from tests.attribution_spans import sourced

NEWS = DocumentContext(outlet="Daily Wire")


def found(text: str) -> list[tuple[str | None, list[str], str | None]]:
    """(source, content fragments, cue) of each attribution of a one-sentence text."""
    return sourced(text, NEWS)


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
