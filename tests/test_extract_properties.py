"""Property-based tests: spans are exact, ordered, debris-free and grapheme-safe; no crashes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extract.anchoring import AnchorStatus, Selector, reanchor
from claims.extract.dates import find_dates
from claims.extract.entities import entity_key, same_entity
from claims.extract.models import DocumentContext
from claims.extract.pipeline import extract_claims, neutral_score, publisher_chains
from claims.extract.quantities import find_quantities
from claims.extract.sentences import split_sentences
from claims.text.normalize import fold, is_boundary

PIECES = st.sampled_from(
    [
        "Iraq",
        "Mr.",
        "U.S.",
        "said",
        "will",
        "2.5",
        "60,000",
        "1991",
        "September 15",
        "no",
        "«",
        "»",
        "“",
        "”",
        '"',
        "'",
        "—",
        "...",
        "…",
        ".",
        "?",
        "!",
        ",",
        ":",
        "(",
        ")",
        "\n",
        "\n\n",
        " ",
        "  ",
        "\t",
        "\r\n",
        "\u2029",
        "\u0301",
        "\u200d",
        "\u200b",
        "👍",
        "\U0001f3fd",
        "Привет",
        "é",
        "a",
        "Z",
        "- ",
        "1. ",
        "$5bn",
        "%",
        "al-Asad",
        "J.",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=60).map("".join)
CONTEXT = DocumentContext(outlet="Example", published="2025-01-26")


@st.composite
def text_and_debris(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]]]:
    text = draw(TEXT)
    bound = len(text) + 5
    spans = draw(st.lists(st.tuples(st.integers(-5, bound), st.integers(-5, bound)), max_size=5))
    return text, [(start, end, "debris") for start, end in spans]


def covered(debris: list[tuple[int, int, str]], length: int) -> set[int]:
    return {i for start, end, _ in debris for i in range(max(0, start), min(length, end))}


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(text_and_debris())
def test_sentence_spans_are_exact_ordered_and_clean(
    case: tuple[str, list[tuple[int, int, str]]],
) -> None:
    text, debris = case
    sentences = split_sentences(text, debris)
    blocked = covered(debris, len(text))
    previous_end = 0
    for index, sentence in enumerate(sentences):
        assert sentence.index == index
        assert 0 <= previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert is_boundary(text, sentence.start) and is_boundary(text, sentence.end)
        assert not blocked.intersection(range(sentence.start, sentence.end))
        previous_end = sentence.end


@FAST
@given(text_and_debris())
def test_pipeline_never_raises_and_claims_are_exact(
    case: tuple[str, list[tuple[int, int, str]]],
) -> None:
    text, debris = case
    claims = extract_claims(text, debris, CONTEXT, score=neutral_score, attribute=publisher_chains)
    blocked = covered(debris, len(text))
    previous_end = 0
    for claim in claims:
        assert previous_end <= claim.start < claim.end
        assert text[claim.start : claim.end] == claim.text
        assert not blocked.intersection(range(claim.start, claim.end))
        assert is_boundary(text, claim.start) and is_boundary(text, claim.end)
        for span in (
            [e.span for e in claim.entities]
            + [d.span for d in claim.dates]
            + [q.span for q in claim.quantities]
        ):
            assert claim.start <= span.start <= span.end <= claim.end
        previous_end = claim.end
    assert len({fold(claim.text) for claim in claims}) == len(claims)


@FAST
@given(TEXT, st.one_of(st.none(), st.sampled_from(["2025", "2025-02", "2024-02-29", "junk"])))
def test_feature_finders_never_raise(text: str, published: str | None) -> None:
    for value in find_dates(text, published):
        assert text[value.span.start : value.span.end] == value.text
        if value.earliest and value.latest:
            assert value.earliest <= value.latest
    for quantity in find_quantities(text):
        assert text[quantity.span.start : quantity.span.end] == quantity.text


@FAST
@given(st.text(max_size=30), st.text(max_size=30))
def test_entity_matching_is_symmetric_and_reflexive(a: str, b: str) -> None:
    assert same_entity(a, b) == same_entity(b, a)
    if entity_key(a):
        assert same_entity(a, a)


@FAST
@given(TEXT, TEXT, st.data())
def test_reanchoring_never_lands_on_text_it_does_not_report(
    old: str, new: str, data: st.DataObject
) -> None:
    if not old.strip():
        return
    start = data.draw(st.integers(0, len(old) - 1))
    end = data.draw(st.integers(start + 1, len(old)))
    stored = Selector(exact=old[start:end], start=start, end=end)
    result = reanchor(stored, new)
    if result.status in (AnchorStatus.ANCHORED, AnchorStatus.MOVED):
        assert result.start is not None and result.end is not None
        assert new[result.start : result.end] == stored.exact
    elif result.status == AnchorStatus.ORPHANED:
        assert result.start is None and result.score == 0.0
