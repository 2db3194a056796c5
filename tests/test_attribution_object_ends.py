"""Where an object ends: before "and" with a verb and its object (`denied the charges and
accused her`). Made-up sentences, each with a near case."""

from __future__ import annotations

from claims.extract.attribution import find_attributions
from claims.extract.models import DocumentContext, Span
from claims.extract.sentences import split_sentences

WIRE = DocumentContext(outlet="Wire")


def contents(text: str) -> list[str]:
    sentences = [Span(start=s.start, end=s.end) for s in split_sentences(text)]
    return [
        " | ".join(text[c.start : c.end] for c in a.content)
        for a in find_attributions(text, sentences, WIRE).attributions
    ]


def test_an_object_ends_before_and_with_a_verb_and_its_object() -> None:
    assert contents("The mayor denied the charges and accused her of lying.")[0] == "the charges"
    assert contents("The union supports the plan and ranks it first.")[0] == "the plan"
    # Near cases: "and" between two nouns or before a determiner stays inside the object.
    text = "The mayor praised the teachers and parents of the school."
    assert contents(text)[0] == "the teachers and parents of the school"
    text = "The mayor criticized the plan and all its costs."
    assert contents(text)[0] == "the plan and all its costs"
