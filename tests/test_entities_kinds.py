"""Entity kinds: bodies are no persons, sentence openers and determiners no names (made-up
sentences; each cause has a near case that must keep its name)."""

from __future__ import annotations

import pytest

from claims.extract.entities import find_document_entities, find_entities, lowercase_words


def _kinds(sentence: str) -> list[tuple[str, str]]:
    return [(entity.text, entity.kind) for entity in find_entities(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Harbour Dems voted against it.", [("Harbour Dems", "organization")]),
        ("The House of Lords voted against it.", [("House of Lords", "organization")]),
        ("The Tidewater Lords voted against it.", [("Tidewater Lords", "organization")]),
        ("The Coastal Reserve held its rate.", [("Coastal Reserve", "organization")]),
        ("Pella Varnholt voted against it.", [("Pella Varnholt", "person")]),
        ("Rival harbour operator Varnext said so.", [("Rival", "other"), ("Varnext", "other")]),
    ],
)
def test_a_body_head_word_makes_a_body(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _kinds(sentence) == expected


def test_a_determiner_opens_no_name_and_of_the_makes_no_person() -> None:
    assert _kinds("He read An Assessment of Harbour Fees on Monday.") == [
        ("An Assessment of Harbour Fees", "other")
    ]
    assert _kinds("He read An Harbour Feesby on Monday.") == [("An Harbour Feesby", "other")]
    assert _kinds("He read Harbour Fees Today on Monday.") == [("Harbour Fees Today", "person")]


def test_a_word_opening_a_sentence_the_splitter_left_joined_is_no_name() -> None:
    assert _kinds("The board said no. Later Varnholt said yes.") == [("Varnholt", "other")]
    assert _kinds("The board said no. Pella Varnholt said yes.") == [("Pella Varnholt", "person")]


def test_a_wh_ever_word_opening_a_sentence_is_no_name() -> None:
    assert _kinds("Whatever the board decides, fees will rise.") == []
    assert _kinds("Whatever Varnholt decides, fees will rise.") == [("Varnholt", "other")]


def test_a_plural_the_document_writes_in_the_singular_is_no_name() -> None:
    text = "Dividends rose 5% last year. The dividend was paid in May. Varnholts rose too."
    sentences = [
        ("Dividends rose 5% last year.", 0),
        ("The dividend was paid in May.", 29),
        ("Varnholts rose too.", 59),
    ]
    found = find_document_entities(sentences, lowercase_words(text))
    assert found[0] == []
    assert [entity.text for entity in found[2]] == ["Varnholts"]  # no lower-case "varnholt"
