"""`As X put it, “Y”` and `X put it: Y`: a way of saying is a report; `put it on hold` is
not. Made-up sentences, each with a near case."""

from __future__ import annotations

from claims.extract.models import DocumentContext
from tests.attribution_spans import read_sentences

WIRE = DocumentContext(outlet="Wire")


def found(text: str) -> list[tuple[str | None, str, str]]:
    """Every attribution's source, cue and contents as written."""
    return [(source, cue or "", content) for source, cue, content in read_sentences(text, WIRE)]


def test_as_someone_put_it_reports_the_quotation() -> None:
    text = 'As Ann Vell put it, "The mill was the heart of the town."'
    assert found(text) == [("Ann Vell", "put it", '"The mill was the heart of the town."')]
    text = "The union's Tom Reed puts it: “The mill was the heart of the town.”"
    assert found(text) == [
        ("The union's Tom Reed", "puts it", "“The mill was the heart of the town.”")
    ]


def test_put_it_somewhere_is_no_report() -> None:
    assert found("The mayor put it on hold until May.") == []
