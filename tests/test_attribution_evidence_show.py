"""Evidence that shows: `Recent polling shows that Y`, `Audit files from the council show
Y`, `Records from the 2008 election cycle show Y`. Made-up sentences, each with a near case."""

from __future__ import annotations

from claims.extract.models import DocumentContext
from tests.attribution_spans import read_sentences

WIRE = DocumentContext(outlet="Wire")


def found(text: str) -> list[tuple[str | None, str]]:
    """Every attribution's source, cue and contents as written."""
    return [(source, content) for source, _, content in read_sentences(text, WIRE)]


def test_polling_and_files_show_what_they_report() -> None:
    text = "Recent polling shows that the mayor is well ahead."
    assert found(text) == [("Recent polling", "the mayor is well ahead")]
    text = "Audit files from the council show that two accounts were searched."
    assert found(text) == [("Audit files from the council", "two accounts were searched")]
    text = "Records from the 2008 election cycle show he backed both candidates."
    assert found(text) == [("Records from the 2008 election cycle", "he backed both candidates")]


def test_show_without_evidence_stays_no_report() -> None:
    # Near cases: a noun before a base form, and growth shown by no evidence.
    assert found("The mill held a trade show in Leeds.") == []
    assert found("The mill showed growth in March.") == []
