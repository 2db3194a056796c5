"""Build `MatchClaim`s from extraction output, from stored features, or from bare text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from pydantic import ValidationError

from claims.extract.dates import find_dates
from claims.extract.entities import find_entities
from claims.extract.kinds import claim_kind, is_negated
from claims.extract.models import DateValue, DocumentContext, Entity, ExtractedClaim, Quantity
from claims.extract.quantities import find_quantities
from claims.match.frames.models import Frame
from claims.match.models import ChainNode, MatchClaim

Item = TypeVar("Item", Entity, DateValue, Quantity)


def from_text(
    claim_id: int,
    document_id: int,
    text: str,
    *,
    published: str | None = None,
    chain: Sequence[ChainNode] = (),
    outlet: str | None = None,
) -> MatchClaim:
    """A claim from a sentence alone (a headline, a test sentence), features found afresh."""
    dates = find_dates(text, published)
    spans = [(value.span.start, value.span.end) for value in dates]
    quantities = find_quantities(text, exclude=spans)
    return MatchClaim(
        id=claim_id,
        document_id=document_id,
        text=text,
        kind=str(claim_kind(text, quantities, dates, published)),
        entities=tuple(find_entities(text)),
        dates=tuple(dates),
        quantities=tuple(quantities),
        negated=is_negated(text),
        chain=tuple(chain),
        outlet=outlet,
        published=published,
    )


def from_extracted(
    claim_id: int,
    document_id: int,
    found: ExtractedClaim,
    context: DocumentContext,
    frame: Frame | None = None,
) -> MatchClaim:
    """A claim straight from extraction (benchmarks, evaluation, in-memory checks), with its
    frame when the document's frames were read (`claims.match.frames.frames_of`)."""
    return MatchClaim(
        id=claim_id,
        document_id=document_id,
        text=found.text,
        kind=str(found.kind),
        entities=tuple(found.entities),
        dates=tuple(found.dates),
        quantities=tuple(found.quantities),
        negated=found.negated,
        chain=tuple(
            ChainNode(role=str(link.role), mention=link.mention, speaker_role=link.speaker_role)
            for link in found.chain
        ),
        outlet=context.outlet,
        original_publisher=context.original_publisher,
        published=context.published,
        start=found.start,
        frame=frame,
    )


def from_features(
    claim_id: int,
    document_id: int,
    text: str,
    features: Mapping[str, Any],
    *,
    start: int = 0,
    kind: str = "factual",
    chain: Sequence[ChainNode] = (),
    outlet: str | None = None,
    original_publisher: str | None = None,
    published: str | None = None,
    flagged_relays: Sequence[str] = (),
) -> MatchClaim:
    """A stored claim: its `features` JSON as written at extraction, validated item by item.

    A malformed item (or frame) is dropped rather than failing the whole match run.
    """
    return MatchClaim(
        id=claim_id,
        document_id=document_id,
        text=text,
        kind=kind,
        entities=tuple(_valid(Entity, features.get("entities"))),
        dates=tuple(_valid(DateValue, features.get("dates"))),
        quantities=tuple(_valid(Quantity, features.get("quantities"))),
        negated=bool(features.get("negated", False)),
        chain=tuple(chain),
        outlet=outlet,
        original_publisher=original_publisher,
        published=published,
        start=start,
        flagged_relays=tuple(flagged_relays),
        frame=stored_frame(features.get("frame")),
    )


def stored_frame(data: Any) -> Frame | None:
    """A frame as stored in a claim's features (None when absent or malformed)."""
    if not isinstance(data, dict):
        return None
    try:
        return Frame.model_validate(data)
    except ValidationError:
        return None


def _valid(model: type[Item], items: Any) -> list[Item]:
    if not isinstance(items, list):
        return []
    valid: list[Item] = []
    for item in items:
        try:
            valid.append(model.model_validate(item))
        except ValidationError:
            continue
    return valid
