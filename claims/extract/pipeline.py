"""Turn one document's original text into claims: the single entry point of extraction.

Sentences -> claim filter -> features (dates, quantities, entities, kind, negation) ->
check-worthiness and attribution. Both of the last two can be replaced by the caller (tests
and benchmarks use `neutral_score` and `publisher_chains` to isolate the rest).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from claims.extract.attribution import attribute as attribute_chains
from claims.extract.checkworthiness import score_sentence
from claims.extract.claim_filter import is_claim
from claims.extract.dates import find_dates
from claims.extract.entities import find_document_entities, lowercase_words
from claims.extract.kinds import claim_kind, is_negated
from claims.extract.models import (
    ChainLink,
    DocumentContext,
    Entity,
    ExtractedClaim,
    Reason,
    Role,
    Span,
)
from claims.extract.quantities import find_quantities
from claims.extract.sentences import Sentence, split_sentences
from claims.text.analysis import analysed_end
from claims.text.language import is_english
from claims.text.normalize import fold

EXTRACTOR_VERSION = "rules-1"
"""Recorded on each document, so claims from an older extractor can be found and redone."""
QUOTE_CONTEXT_CHARS = 32
FALLBACK_SCORE = 0.5

Scorer = Callable[[str], tuple[float, list[Reason]]]
Attributor = Callable[[str, Sequence[Span], DocumentContext], list[list[ChainLink]]]


def extract_claims(
    text: str,
    debris: Sequence[tuple[int, int, str]],
    context: DocumentContext,
    *,
    score: Scorer | None = None,
    attribute: Attributor | None = None,
) -> list[ExtractedClaim]:
    """Return the claims of `text` in document order; spans index into `text` itself.

    `score` and `attribute` replace check-worthiness scoring and attribution (tests,
    benchmarks).
    """
    text = text[: analysed_end(len(text), debris)]  # a long text's rest is not read at all
    sentences = split_sentences(text, debris)
    claims = _unique(sentence for sentence in sentences if is_claim(sentence))
    if not claims:
        return []
    if attribute is None and not is_english(context.language):
        attribute = publisher_chains  # the attribution rules read English only
    chains = _chains(text, sentences, context, attribute or attribute_chains)
    score = score or score_sentence
    entities = find_document_entities(
        [(sentence.text, sentence.start) for sentence in claims], lowercase_words(text)
    )
    return [
        _claim(text, sentence, chains[sentence.index], score, context, found)
        for sentence, found in zip(claims, entities, strict=True)
    ]


def _unique(sentences: Iterable[Sentence]) -> list[Sentence]:
    """Drop later sentences whose normalised text repeats an earlier one (repeated paragraphs)."""
    seen: set[str] = set()
    kept: list[Sentence] = []
    for sentence in sentences:
        key = fold(sentence.text)
        if key not in seen:
            seen.add(key)
            kept.append(sentence)
    return kept


def _claim(
    text: str,
    sentence: Sentence,
    chain: list[ChainLink],
    score: Scorer,
    context: DocumentContext,
    entities: list[Entity],
) -> ExtractedClaim:
    body = sentence.text
    dates = find_dates(body, context.published, sentence.start)
    local_dates = [(d.span.start - sentence.start, d.span.end - sentence.start) for d in dates]
    quantities = find_quantities(body, sentence.start, exclude=local_dates)
    worth, reasons = score(body)
    return ExtractedClaim(
        start=sentence.start,
        end=sentence.end,
        text=body,
        paragraph=sentence.paragraph,
        sentence=sentence.index,
        kind=claim_kind(body, quantities, dates, context.published),
        checkworthiness=min(1.0, max(0.0, worth)),
        reasons=reasons,
        quote_prefix=text[max(0, sentence.start - QUOTE_CONTEXT_CHARS) : sentence.start],
        quote_suffix=text[sentence.end : sentence.end + QUOTE_CONTEXT_CHARS],
        chain=chain,
        entities=entities,
        dates=dates,
        quantities=quantities,
        negated=is_negated(body),
    )


def publisher_chains(
    text: str, sentences: Sequence[Span], context: DocumentContext
) -> list[list[ChainLink]]:
    """The fallback attribution: every sentence is the publisher's own (when known)."""
    publisher = publisher_chain(context)
    return [list(publisher) for _ in sentences]


def neutral_score(text: str) -> tuple[float, list[Reason]]:
    """The fallback check-worthiness: no opinion (0.5) and no reasons."""
    return FALLBACK_SCORE, []


def _chains(
    text: str, sentences: list[Sentence], context: DocumentContext, attribute: Attributor
) -> list[list[ChainLink]]:
    """One attribution chain per sentence unit, in sentence order."""
    spans = [Span(start=sentence.start, end=sentence.end) for sentence in sentences]
    chains = attribute(text, spans, context)
    if len(chains) != len(spans):
        raise ValueError(f"attribute() returned {len(chains)} chains for {len(spans)} sentences")
    return chains


def publisher_chain(context: DocumentContext) -> list[ChainLink]:
    """The chain of a claim with no speaker in the text: the publisher alone, when known."""
    name = context.outlet or context.original_publisher
    return [ChainLink(role=Role.PUBLISHER, mention=name)] if name else []
