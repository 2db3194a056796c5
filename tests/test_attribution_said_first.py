"""A speech verb opening its sentence before the speaker and a quotation (`Said Jane Doe, a
nurse, “Y”`). Made-up sentences, each with a near case."""

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
        content = " | ".join(text[c.start : c.end] for c in a.content)
        result.append((source, cue, content))
    return result


def test_said_then_the_speaker_then_the_quotation() -> None:
    text = "Said Ann Vell, who worked at the mill, “We were all so proud of it.”"
    assert found(text) == [
        ("Ann Vell, who worked at the mill", "Said", "“We were all so proud of it.”")
    ]
    text = 'But, said Tom Reed, "The mill will not reopen."'
    assert found(text) == [("Tom Reed", "said", '"The mill will not reopen."')]


def test_said_first_needs_a_name_and_a_quotation() -> None:
    # Near cases: `Said to be ill` names nobody, and without a quotation nothing is read.
    assert found("Said to be ill, Ann Vell stayed at home.") == []
    assert found("Said Ann Vell, the mill would close.") == []
