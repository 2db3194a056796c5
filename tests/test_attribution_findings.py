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


def test_a_study_that_found_reports_its_finding_without_that() -> None:
    text = "A study by the Brentford Institute found the council spent twice its budget on roads."
    assert found(text) == [
        (
            "A study by the Brentford Institute",
            ["the council spent twice its budget on roads"],
            "found",
        )
    ]
    # Near case: a person who found a thing reports nothing ("found his keys").
    near = "Tom Reed found his keys under the council's budget report."
    assert found(near) == []


def test_a_finding_that_closes_the_sentence_reports_the_clause_before() -> None:
    text = "Support for the mayor fell among younger voters, the Brentford survey found."
    assert found(text) == [
        ("the Brentford survey", ["Support for the mayor fell among younger voters"], "found")
    ]
    # Near case: a finding verb that does not close the clause is no such report.
    near = "Support for the mayor fell, and the council found a new site for the depot."
    assert found(near) == []
