"""A speech verb opening its sentence before the speaker and a quotation (`Said Jane Doe, a
nurse, “Y”`). Made-up sentences, each with a near case."""

from __future__ import annotations

from claims.extract.models import DocumentContext
from tests.attribution_spans import read_sentences

WIRE = DocumentContext(outlet="Wire")


def found(text: str) -> list[tuple[str | None, str, str]]:
    """Every attribution's source, cue and contents as written."""
    return [(source, cue or "", content) for source, cue, content in read_sentences(text, WIRE)]


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
