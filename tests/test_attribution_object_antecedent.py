"""A person description opening a subordinate clause means the sentence's other person
(`X took on Y after the front-runner had said Z`: Y). Made-up sentences, each with a near
case."""

from __future__ import annotations

from claims.extract.attribution import find_attributions
from claims.extract.models import DocumentContext, Span
from claims.extract.sentences import split_sentences

WIRE = DocumentContext(outlet="Wire")


def speaker(text: str) -> str:
    sentences = [Span(start=s.start, end=s.end) for s in split_sentences(text)]
    return find_attributions(text, sentences, WIRE).chains[-1][0].mention


def test_a_description_after_a_subordinator_means_the_object() -> None:
    text = "Ann Vell met Tom Reed on Monday after the senator had said that the mill would close."
    assert speaker(text) == "Tom Reed"
    text = "Ann Vell took on Tom Reed after the Liberal front-runner had said the mill would close."
    assert speaker(text) == "Tom Reed"


def test_the_rule_needs_one_subject_and_one_other_person() -> None:
    # Near cases: no other person (the description stays as written), two others (which
    # one is unclear), and a description that does not open a clause.
    text = "Ann Vell spoke on Monday after the senator had said that the mill would close."
    assert speaker(text) == "the senator"
    text = "Ann Vell met Tom Reed and Joe Dunn after the senator had said the mill would close."
    assert speaker(text) == "the senator"
    text = "Ann Vell met Tom Reed on Monday, and the senator said that the mill would close."
    assert speaker(text) == "the senator"
