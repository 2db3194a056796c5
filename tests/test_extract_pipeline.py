"""extract_claims end to end: claim filter, kinds, features, hooks, dedupe, debris."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from claims.extract.dates import find_dates
from claims.extract.kinds import claim_kind, is_negated
from claims.extract.models import (
    ChainLink,
    ClaimKind,
    DocumentContext,
    ExtractedClaim,
    Reason,
    Role,
    Span,
)
from claims.extract.pipeline import extract_claims, neutral_score, publisher_chains

CONTEXT = DocumentContext(outlet="Example Times", published="2025-01-26")


def extract(
    text: str,
    debris: Sequence[tuple[int, int, str]] = (),
    context: DocumentContext = CONTEXT,
) -> list[ExtractedClaim]:
    """The pipeline with the fallback hooks, independent of the other extraction modules."""
    return extract_claims(text, debris, context, score=neutral_score, attribute=publisher_chains)


ARTICLE = """Special care: what will lead to the withdrawal of US troops from Iraq

Photo: Global Look Press/Capt. Robyn Haake

Conclusion:

Thomas Henry

The US military left the Ain al-Asad base on January 25, official sources told Izvestia. \
There are about 2.5 thousand American troops in Iraq.

Will Moscow help Baghdad?

"Baghdad still has a shortage of air defense systems," the expert said.

Iraq's ambassador, Haidar Hadi, has denied that possibility. \
The withdrawal is likely to create new risks.

The base will be permanently closed on September 15.

Iraq is a major oil producer.
"""


def claims_by_text(text: str = ARTICLE) -> dict[str, ExtractedClaim]:
    found = extract(text)
    return {claim.text: claim for claim in found}


def test_fragments_headings_and_questions_are_skipped() -> None:
    texts = list(claims_by_text())
    assert texts[0].startswith("The US military left")
    for fragment in (
        "Special care: what will lead to the withdrawal of US troops from Iraq",
        "Photo: Global Look Press/Capt. Robyn Haake",
        "Conclusion:",
        "Thomas Henry",
        "Will Moscow help Baghdad?",
    ):
        assert fragment not in texts


def test_an_asserting_headline_stays_a_claim() -> None:
    text = "Moscow extends full cooperation to Baghdad\n\nThe visit lasted two days.\n"
    assert next(c.text for c in extract(text)) == "Moscow extends full cooperation to Baghdad"


def test_questions_keep_their_kind() -> None:
    assert claim_kind("Will Moscow help Baghdad?") == ClaimKind.QUESTION


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            '"Baghdad still has a shortage of air defense systems," the expert said.',
            ClaimKind.QUOTATION,
        ),
        ("The withdrawal is likely to create new risks.", ClaimKind.OPINION),
        ("The base will be permanently closed on September 15.", ClaimKind.PREDICTION),
        ("There are about 2.5 thousand American troops in Iraq.", ClaimKind.STATISTIC),
        (
            "The US military left the Ain al-Asad base on January 25, official sources told "
            "Izvestia.",
            ClaimKind.EVENT,
        ),
        ("Iraq is a major oil producer.", ClaimKind.FACTUAL),
    ],
)
def test_kinds(sentence: str, kind: ClaimKind) -> None:
    assert claims_by_text()[sentence].kind == kind


def test_claim_features_and_positions() -> None:
    found = extract(ARTICLE)
    for claim in found:
        assert ARTICLE[claim.start : claim.end] == claim.text
        assert claim.quote_prefix == ARTICLE[max(0, claim.start - 32) : claim.start]
        assert claim.quote_suffix == ARTICLE[claim.end : claim.end + 32]
        assert claim.chain == [ChainLink(role=Role.PUBLISHER, mention="Example Times")]
        assert claim.checkworthiness == 0.5
    assert [c.sentence for c in found] == sorted({c.sentence for c in found})
    assert [c.paragraph for c in found] == sorted(c.paragraph for c in found)
    event = next(c for c in found if c.text.startswith("The US military"))
    assert [d.earliest for d in event.dates] == ["2025-01-25"]
    assert {e.key for e in event.entities} >= {"us", "ain asad", "izvestia"}
    denial = next(c for c in found if "denied" in c.text)
    assert denial.negated
    assert not event.negated


def test_repeated_paragraph_yields_one_claim() -> None:
    paragraph = "Russia has been building partnerships with regional powers."
    text = f"{paragraph}\n\nIraq is a priority.\n\n{paragraph}\n"
    found = extract(text)
    assert [c.text for c in found] == [paragraph, "Iraq is a priority."]
    assert found[0].start == 0


def test_debris_spans_never_become_claims() -> None:
    text = (
        "Iraq signed the deal on Monday. Share this article now please\n\nMore news follows here."
    )
    start = text.index("Share")
    debris = [(start, text.index("\n"), "interface")]
    found = extract(text, debris)
    assert [c.text for c in found] == ["Iraq signed the deal on Monday.", "More news follows here."]


def test_hooks_receive_every_sentence_and_their_output_is_used() -> None:
    calls: list[list[Span]] = []

    def attribute(
        text: str, sentences: Sequence[Span], context: DocumentContext
    ) -> list[list[ChainLink]]:
        calls.append(list(sentences))
        return [[ChainLink(role=Role.SPEAKER, mention=f"s{i}")] for i in range(len(sentences))]

    def score(text: str) -> tuple[float, list[Reason]]:
        return 7.0, [Reason(code="len", text="length", weight=float(len(text)))]

    found = extract_claims(ARTICLE, [], CONTEXT, score=score, attribute=attribute)
    assert len(calls) == 1 and len(calls[0]) > len(found)
    for claim in found:
        assert claim.chain == [ChainLink(role=Role.SPEAKER, mention=f"s{claim.sentence}")]
        span = calls[0][claim.sentence]
        assert (span.start, span.end) == (claim.start, claim.end)
        assert claim.checkworthiness == 1.0
        assert claim.reasons[0].weight == len(claim.text)


def test_attribution_hook_with_wrong_length_is_an_error() -> None:
    def attribute(
        text: str, sentences: Sequence[Span], context: DocumentContext
    ) -> list[list[ChainLink]]:
        return []

    with pytest.raises(ValueError, match="chains"):
        extract_claims(ARTICLE, [], CONTEXT, score=neutral_score, attribute=attribute)


def test_no_publisher_means_an_empty_fallback_chain() -> None:
    found = extract("Iraq is a major oil producer.", context=DocumentContext())
    assert found[0].chain == []


def test_empty_and_blank_documents() -> None:
    assert extract("") == []
    assert extract(" \n\n\t") == []


def test_default_hooks_produce_valid_claims() -> None:
    found = extract_claims(ARTICLE, [], CONTEXT)
    assert found
    for claim in found:
        assert 0.0 <= claim.checkworthiness <= 1.0
        assert ARTICLE[claim.start : claim.end] == claim.text


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Iraq's ambassador has denied that possibility.", True),
        ("The company did not confirm the news.", True),
        ("IS no longer poses a threat.", True),
        ("The mission ends no later than September 2025.", False),
        ("It is not only a formality but a strategy.", False),
        ("Iraq is a major oil producer.", False),
    ],
)
def test_negation(text: str, negated: bool) -> None:
    assert is_negated(text) is negated


@pytest.mark.parametrize(
    "name", ["attribution_confusion.txt", "long_single_line_45kb.txt", "many_short_lines.txt"]
)
@pytest.mark.timeout(30)  # a hang guard (catastrophic backtracking); speed is benchmarked
def test_hostile_documents_are_extracted_quickly(name: str) -> None:
    text = (Path(__file__).parent / "fixtures" / "hostile" / name).read_text(encoding="utf-8")
    found = extract(text)
    for claim in found:
        assert text[claim.start : claim.end] == claim.text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The coalition's mission is completed by 2026.", ClaimKind.PREDICTION),
        ("The talks are on March 3, 2026.", ClaimKind.PREDICTION),
        ("Iraq's doctrine was based on Eastern weapons until 2003.", ClaimKind.EVENT),
    ],
)
def test_dates_after_publication_make_predictions(text: str, kind: ClaimKind) -> None:
    dates = find_dates(text, "2025-08-01")
    assert claim_kind(text, dates=dates, published="2025-08-01") == kind
