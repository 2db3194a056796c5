"""A report that closes its sentence governs a report that opens it (`Other surveys show Y,
she pointed out.`: she speaks). Made-up sentences, each with a near case."""

from __future__ import annotations

from claims.extract.attribution import find_attributions
from claims.extract.models import DocumentContext, Span
from claims.extract.sentences import split_sentences

WIRE = DocumentContext(outlet="Wire")


def speakers(text: str) -> list[str]:
    sentences = [Span(start=s.start, end=s.end) for s in split_sentences(text)]
    return [chain[0].mention for chain in find_attributions(text, sentences, WIRE).chains]


def test_the_closing_speaker_speaks_the_evidence_she_cites() -> None:
    text = "Ann Vell said rents rose. Other surveys show a slowdown in rents, she pointed out."
    assert speakers(text) == ["Ann Vell", "Ann Vell"]
    text = "Tom Reed spoke on Monday. Recent polls show the mayor ahead, the minister said."
    assert speakers(text)[1] == "the minister"


def test_the_rule_needs_a_speaker_closing_one_clause() -> None:
    # Near cases: no speaker's name closing the sentence, and a clause with its own comma,
    # keep the opening report.
    text = "Ann Vell spoke. Other surveys show a slowdown in rents, something Reed noted."
    assert speakers(text)[1] == "Other surveys"
    text = "Ann Vell spoke. Other surveys show a slowdown, with rents down, she pointed out."
    assert speakers(text)[1] == "Other surveys"
