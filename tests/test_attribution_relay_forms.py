"""Relays written without `as` and outlet titles that hold a time word: `X quoted Y telling
Z`, `London's Evening Standard`. Made-up sentences, each with a near case."""

from __future__ import annotations

from claims.extract.attribution import find_attributions
from claims.extract.models import DocumentContext, Span
from claims.extract.sentences import split_sentences

WIRE = DocumentContext(outlet="Wire")


def chains_of(text: str) -> list[list[tuple[str, str]]]:
    """Every sentence's chain as roles and names."""
    sentences = [Span(start=s.start, end=s.end) for s in split_sentences(text)]
    chains = find_attributions(text, sentences, WIRE).chains
    return [[(link.role.value, link.mention) for link in chain] for chain in chains]


def test_an_outlet_quoting_a_person_telling_relays_the_person() -> None:
    text = "The Daily Courier quoted Mr Vell telling party members that the mill would close."
    assert chains_of(text)[0] == [
        ("speaker", "Vell"),
        ("intermediary", "The Daily Courier"),
        ("publisher", "Wire"),
    ]
    text = "The Daily Courier quoted him saying the mill would close."
    assert chains_of(text)[0][:2] == [("speaker", "him"), ("intermediary", "The Daily Courier")]
    text = "Ann Vell was quoted by the Daily Courier telling staff that the mill would close."
    assert chains_of(text)[0][:2] == [
        ("speaker", "Ann Vell"),
        ("intermediary", "the Daily Courier"),
    ]
    # Near cases: the outlet's own report after a comma, and a quotation from a document.
    text = "The Daily Courier quoted the report, saying the mill would close."
    assert chains_of(text)[0][0] == ("speaker", "The Daily Courier")
    text = "The Daily Courier quoted from the report saying the mill would close."
    assert chains_of(text)[0][0] == ("speaker", "The Daily Courier")


def test_a_time_word_inside_an_outlet_title_stays_in_the_name() -> None:
    for outlet in ("London's Evening Standard", "Vell's Sunday Courier"):
        text = f"{outlet} said the mill would close."
        speaker = chains_of(text)[0][0]
        assert speaker[0] == "speaker" and speaker[1].endswith(outlet.split(" ", 1)[1]), outlet
    text = "London's Evening Standard quoted Mr Vell telling members that the mill would close."
    assert chains_of(text)[0][:2] == [("speaker", "Vell"), ("intermediary", "Evening Standard")]
    # Near case: a time word after the name, before the verb, is when it was said.
    text = "Ann Vell Monday said the mill would close."
    assert chains_of(text)[0][0] == ("speaker", "Ann Vell")
