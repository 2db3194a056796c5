"""`As X put it, “Y”` and `X put it: Y`: a way of saying is a report; `put it on hold` is
not. Made-up sentences, each with a near case."""

from __future__ import annotations

from claims.extract.attribution import find_attributions
from claims.extract.models import DocumentContext, Span
from claims.extract.sentences import split_sentences

WIRE = DocumentContext(outlet="Wire")


def found(text: str) -> list[tuple[str | None, str, str]]:
    sentences = [Span(start=s.start, end=s.end) for s in split_sentences(text)]
    result = []
    for a in find_attributions(text, sentences, WIRE).attributions:
        source = text[a.source.start : a.source.end] if a.source else None
        cue = text[a.cue.start : a.cue.end] if a.cue else ""
        result.append((source, cue, " | ".join(text[c.start : c.end] for c in a.content)))
    return result


def test_as_someone_put_it_reports_the_quotation() -> None:
    text = 'As Ann Vell put it, "The mill was the heart of the town."'
    assert found(text) == [("Ann Vell", "put it", '"The mill was the heart of the town."')]
    text = "The union's Tom Reed puts it: “The mill was the heart of the town.”"
    assert found(text) == [
        ("The union's Tom Reed", "puts it", "“The mill was the heart of the town.”")
    ]


def test_put_it_somewhere_is_no_report() -> None:
    assert found("The mayor put it on hold until May.") == []
