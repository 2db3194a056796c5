"""A name with its role, or a name and a past-tense verb, before a colon that opens a
quotation speaks it (`Republican pollster Ann Vell: “Y”`, `Vell interjected: “Y”`).
Made-up sentences, each with a near case."""

from __future__ import annotations

from claims.extract.models import DocumentContext
from tests.attribution_spans import read_sentences

WIRE = DocumentContext(outlet="Wire")


def found(text: str) -> list[tuple[str | None, str | None]]:
    """Every attribution's source, cue and contents as written."""
    return [(source, cue) for source, cue, _ in read_sentences(text, WIRE)]


def test_a_name_with_its_role_before_a_colon_speaks_the_quotation() -> None:
    text = "The mill closed.\n\nLocal pollster Ann Vell: “Most voters never saw it coming.”"
    assert found(text) == [("Local pollster Ann Vell", ":")]
    text = "The mill closed.\n\nSen. Tom Reed (L-Dunmore): “Most voters never saw it coming.”"
    assert found(text) == [("Sen. Tom Reed (L-Dunmore)", ":")]
    text = "The mill closed.\n\nTom Reed interjected: “Most voters never saw it coming.”"
    assert found(text) == [("Tom Reed", "interjected:")]


def test_a_phrase_that_ends_in_no_name_is_no_speaker() -> None:
    text = "The mill closed.\n\nHis final word: “Most voters never saw it coming,” he said."
    assert ("His final word", ":") not in found(text)
    text = "The mill closed.\n\nIn a statement: “Most voters never saw it coming.”"
    assert found(text) == []
