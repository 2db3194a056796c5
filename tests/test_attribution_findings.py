"""Reports of findings and opinions: `Y, new figures show.` and `voters see X as Y`. Made-up
sentences, each with a near case that keeps its reading."""

from __future__ import annotations

from claims.extract.models import DocumentContext
from tests.attribution_spans import sourced

NEWS = DocumentContext(outlet="Daily Wire")


def found(text: str) -> list[tuple[str | None, list[str], str | None]]:
    """(source, content fragments, cue) of each attribution of a one-sentence text."""
    return sourced(text, NEWS)


def test_findings_that_close_the_sentence_report_the_clause_before() -> None:
    text = "The jobless total in Ruritania rose for a second month, official figures show."
    assert found(text) == [
        ("official figures", ["The jobless total in Ruritania rose for a second month"], "show")
    ]
    # Near case: what a show shows is its object, not a report ("The figures show a rise").
    near = "The figures show a rise of 2% in Ruritania."
    assert found(near) == [("The figures", ["a rise of 2% in Ruritania"], "show")]
