"""Storing extracted claims with their attribution chains, inside the document's transaction.

Extraction itself is pure (`claims.extract.pipeline`); this module turns its models into rows,
resolves every chain link against the source registry, and sets the propaganda flag and the
proposed credibility, so a document is never visible with half of its analysis.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from claims.extract.models import DocumentContext, ExtractedClaim
from claims.extract.pipeline import EXTRACTOR_VERSION, extract_claims
from claims.ingest.models import PreparedDocument
from claims.match.frames.build import frames_of
from claims.match.frames.models import Frame
from claims.match.repeats import repeated_copies
from claims.store.audit import record
from claims.store.credibility import propose_unsaved
from claims.store.documents.resolved import Resolved, apply_resolved
from claims.store.rows.inserted import insert_claims
from claims.store.sources import resolve_attributions
from claims.text.normalize import fold
from db.models import Attribution, Claim, Document

REVIEW_FIELDS = ("verdict", "rationale", "credibility", "reviewed_by", "reviewed_at")


CONTEXT_FIELDS = tuple(DocumentContext.model_fields)
"""The document's metadata extraction reads: stored as columns of the same names."""


def document_context(document: Document) -> DocumentContext:
    """What extraction may know about a document besides its text."""
    return DocumentContext(**{name: getattr(document, name) for name in CONTEXT_FIELDS})


def debris_spans(document: Document) -> list[tuple[int, int, str]]:
    return [(int(start), int(end), str(reason)) for start, end, reason in document.debris]


def extract_prepared(prepared: PreparedDocument) -> list[ExtractedClaim]:
    """The claims of a document about to be stored, exactly as `extract_document` finds them.

    Pure, so ingest runs it before taking the write lock, which then waits less.
    """
    context = DocumentContext(**{name: prepared.meta.get(name) for name in CONTEXT_FIELDS})
    debris = [(span.start, span.end, span.reason) for span in prepared.debris]
    return extract_claims(prepared.text, debris, context)


def frames_prepared(prepared: PreparedDocument, extracted: Sequence[ExtractedClaim]) -> list[Frame]:
    """The frames `extract_document` gives these claims of a document about to be stored.

    Pure, like `extract_prepared`, so it runs before the write transaction (or in a worker).
    """
    context = DocumentContext(**{name: prepared.meta.get(name) for name in CONTEXT_FIELDS})
    debris = [(span.start, span.end, span.reason) for span in prepared.debris]
    return frames_of(
        prepared.text, extracted, context, title=prepared.meta.get("title"), debris=debris
    )


def extract_document(
    session: Session,
    document: Document,
    actor: str,
    extracted: Sequence[ExtractedClaim] | None = None,
    frames: Sequence[Frame] | None = None,
    resolved: Resolved | None = None,
) -> list[Claim]:
    """Store the claims of one stored document (in the caller's transaction).

    `extracted` is the result of `extract_prepared` for this text, when the caller has it,
    and `frames` that of `frames_prepared` for those claims; `resolved`, their chains
    resolved and proposals made on a read snapshot, used if the registry is unchanged.
    """
    context = document_context(document)
    if extracted is None:
        extracted = extract_claims(document.text, debris_spans(document), context)
        frames = None
    if frames is None:
        frames = frames_of(
            document.text, extracted, context, title=document.title, debris=debris_spans(document)
        )
    claims = claim_rows(document, extracted, frames)
    # Chains are resolved and proposals made before the rows are written, so that each row
    # is inserted once, whole (no update of every link and claim right after).
    if resolved is None or not apply_resolved(session, claims, resolved):
        links = [link for claim in claims for link in claim.attributions]
        resolve_attributions(session, links, actor, text=document.text)
        propose_unsaved(session, claims)
    insert_claims(session, claims)
    document.extracted_at = datetime.now(UTC)
    document.extractor = EXTRACTOR_VERSION
    record(
        session,
        actor,
        "document.extract",
        "document",
        document.id,
        after={"claims": len(claims), "extractor": EXTRACTOR_VERSION},
    )
    return claims


def claim_rows(
    document: Document, extracted: Sequence[ExtractedClaim], frames: Sequence[Frame]
) -> list[Claim]:
    """The claim rows of a document's extracted claims, repeats marked, chains unresolved."""
    claims = [
        claim_row(document, found, frame) for found, frame in zip(extracted, frames, strict=True)
    ]
    mark_repeats(document, claims)
    return claims


def mark_repeats(document: Document, claims: Sequence[Claim]) -> None:
    """Record, in each claim's features, where its paragraph is repeated in the document.

    Ingestion keeps the later copy of a repeated paragraph as debris, so the claim exists
    once; the copies stay visible to a reviewer (and in exports) as `features["repeated"]`.
    """
    spans = [(claim.start, claim.end) for claim in claims]
    copies = repeated_copies(document.text, debris_spans(document), spans)
    by_start = {claim.start: claim for claim in claims}
    for copy in copies:
        claim = by_start[copy.claim_start]
        repeated = [*claim.features.get("repeated", [])]
        repeated.append({"start": copy.start, "end": copy.end, "reason": copy.reason})
        claim.features = {**claim.features, "repeated": repeated}


def claim_row(document: Document, found: ExtractedClaim, frame: Frame | None = None) -> Claim:
    """A claim row (with its attribution rows) for one extracted claim and its frame."""
    assert document.text[found.start : found.end] == found.text
    return Claim(
        document_id=document.id,
        start=found.start,
        end=found.end,
        text=found.text,
        norm_text=fold(found.text),
        paragraph=found.paragraph,
        sentence=found.sentence,
        kind=str(found.kind),
        checkworthiness=found.checkworthiness,
        checkworthiness_reasons=[reason.model_dump() for reason in found.reasons],
        selector=selector(found),
        features=features(found, frame),
        attributions=[
            Attribution(
                position=position,
                role=str(link.role),
                mention=link.mention,
                mention_start=link.mention_span.start if link.mention_span else None,
                mention_end=link.mention_span.end if link.mention_span else None,
                speaker_role=link.speaker_role,
                cue=link.cue[:200] if link.cue else None,
                cue_start=link.cue_span.start if link.cue_span else None,
                cue_end=link.cue_span.end if link.cue_span else None,
                stance=str(link.stance),
                inherited=link.inherited,
            )
            for position, link in enumerate(found.chain)
        ],
    )


def selector(found: ExtractedClaim) -> dict[str, Any]:
    """W3C Web Annotation selectors that let the claim be found again in a new version."""
    return {
        "quote": {
            "type": "TextQuoteSelector",
            "exact": found.text,
            "prefix": found.quote_prefix,
            "suffix": found.quote_suffix,
        },
        "position": {"type": "TextPositionSelector", "start": found.start, "end": found.end},
    }


def features(found: ExtractedClaim, frame: Frame | None = None) -> dict[str, Any]:
    """Entities, dates, quantities, polarity and the frame, as stored for matching and
    display."""
    stored = {
        "entities": [e.model_dump(mode="json") for e in found.entities],
        "dates": [d.model_dump(mode="json") for d in found.dates],
        "quantities": [q.model_dump(mode="json") for q in found.quantities],
        "negated": found.negated,
        "affiliations": [
            {"mention": link.mention, "affiliation": link.affiliation}
            for link in found.chain
            if link.affiliation
        ],
    }
    if frame is not None:
        stored["frame"] = frame.model_dump(mode="json")
    return stored


def claims_of(session: Session, document_id: int | None = None) -> Sequence[Claim]:
    """Claims with their chains and sources, in document order."""
    query = (
        select(Claim)
        .options(selectinload(Claim.attributions).selectinload(Attribution.source))
        .order_by(Claim.document_id, Claim.start)
    )
    if document_id is not None:
        query = query.where(Claim.document_id == document_id)
    return session.scalars(query).all()
