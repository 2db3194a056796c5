"""A question put to someone nobody names (`She was asked if Y`, `has been asked about Y`):
the question is an attribution with no source. Made-up sentences, each with a near case."""

from __future__ import annotations

from claims.extract.attribution import find_attributions
from claims.extract.models import DocumentContext, Span
from claims.extract.sentences import split_sentences
from tests.attribution_spans import read_sentences

WIRE = DocumentContext(outlet="Wire")


def found(text: str) -> list[tuple[str | None, str, str]]:
    """Every attribution's source, cue and contents as written."""
    return [(source, cue or "", content) for source, cue, content in read_sentences(text, WIRE)]


def test_a_passive_question_with_no_asker_is_an_attribution_without_source() -> None:
    text = "Ann Vell was asked if the mill would reopen."
    assert found(text) == [(None, "was asked", "if the mill would reopen")]
    text = "The mayor has been asked about the loan from the bank."
    assert found(text) == [(None, "been asked", "the loan from the bank")]


def test_a_question_still_needs_its_question_word() -> None:
    # Near cases: `asked to` is a request, not a question; a named asker stays the source.
    assert found("Ann Vell was asked to leave the mill.") == []
    text = "Ann Vell was asked by reporters whether the mill would reopen."
    assert found(text) == [("reporters", "was asked", "whether the mill would reopen")]


def test_a_report_inside_a_passive_question_still_names_the_speaker() -> None:
    text = (
        "The mill closed in May. Tom Reed was asked if he would say yes to a new owner. "
        '"I am sure we would look at that kindly. "I do not believe in spite."'
    )
    sentences = [Span(start=s.start, end=s.end) for s in split_sentences(text)]
    chains = find_attributions(text, sentences, WIRE).chains
    assert [chain[0].mention for chain in chains[1:]] == ["Tom Reed", "Tom Reed", "Tom Reed"]


def test_a_quoted_question_after_a_passive_asked() -> None:
    text = "Ann Vell was asked, “Will the mill reopen next year?”"
    assert found(text) == [(None, "was asked", "“Will the mill reopen next year?”")]
    # Near case: a quotation after "asked" with a named asker stays the asker's.
    text = "Ann Vell asked, “Will the mill reopen next year?”"
    assert found(text)[0][0] == "Ann Vell"
