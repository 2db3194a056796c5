"""Read models of the workbench's claim detail: the claim, its paragraph, chain, relations,
history and drafts.

Each function runs inside the caller's read session and returns pydantic models, so screens
never hold ORM rows. Long texts are read in bounded windows (SQL `substr`), never whole: a
10 MB document or a 45 KB sentence costs no more to open than a short one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from claims.errors import NotFound
from claims.match.frames.models import Frame
from claims.store.credibility import claim_support
from claims.store.rows import ATTRIBUTIONS, CLAIMS, DRAFTS, RELATIONS, REVIEWS
from claims.store.rows.origins import origin_of
from claims.store.views.claim_list import SNIPPET_CHARS
from db.models import (
    Attribution,
    Claim,
    Document,
    Relation,
    Review,
    ReviewDraft,
    Source,
    SourceFlag,
)

CONTEXT_CHARS = 1500
"""Text shown on each side of a claim to find its paragraph."""


CLAIM_CHARS = 5000
"""Longest claim text shown in the detail view; the reader pages through the rest."""


Frozen = ConfigDict(frozen=True)


def describe(item: Any) -> str:
    """A stored reason, path step or evidence item (any JSON) as one readable line."""
    if isinstance(item, dict):
        return "; ".join(f"{key}: {describe(value)}" for key, value in item.items())
    if isinstance(item, list | tuple):
        return ", ".join(describe(value) for value in item)
    return "" if item is None else str(item)


class ChainLink(BaseModel):
    """One link of an attribution chain as the detail view draws it."""

    model_config = Frozen

    position: int
    role: str
    mention: str
    source_id: int | None = None
    source_name: str | None = None
    source_version: int | None = None
    grade: str | None = None
    flags: list[str] = []
    cue: str | None = None
    speaker_role: str | None = None
    stance: str | None = None
    inherited: bool = False


class RelatedClaim(BaseModel):
    """A relation seen from one claim: the other claim and why they are linked."""

    model_config = Frozen

    relation_id: int
    relation_version: int
    kind: str
    independent: bool | None = None
    score: float
    reasons: list[str] = []
    dependency: list[str] = []
    status: str
    other_id: int
    other_snippet: str
    other_document: str
    other_verdict: str | None = None

    @property
    def group(self) -> str:
        """Where the detail view lists it."""
        if self.kind == "corroborates":
            return "independent" if self.independent else "dependent"
        return {"conflicts": "conflicting", "duplicate": "duplicates"}.get(self.kind, "related")


class HistoryItem(BaseModel):
    """One row of a claim's review history."""

    model_config = Frozen

    id: int
    reviewer: str
    at: datetime
    action: str
    verdict: str | None = None
    rationale: str | None = None
    credibility: int | None = None
    evidence: list[str] = []
    undone: bool = False


class DraftItem(BaseModel):
    """A reviewer's saved-but-refused input on a claim."""

    model_config = Frozen

    id: int
    reviewer: str
    at: datetime
    payload: dict[str, Any]


class ClaimDetail(BaseModel):
    """Everything the claim detail screen shows."""

    model_config = Frozen

    id: int
    row_version: int
    document_id: int
    document_label: str
    published: str | None = None
    before: str
    """Paragraph text before the claim."""
    text: str
    text_truncated: bool = False
    after: str
    kind: str
    checkworthiness: float
    verdict: str | None = None
    rationale: str | None = None
    credibility: int | None = None
    credibility_proposed: int | None = None
    credibility_reasons: list[str] = []
    propaganda_sourced: bool
    propaganda_override: bool | None = None
    propaganda_override_reason: str | None = None
    propaganda_path: list[str] = []
    origin: str | None = None
    """Who the claim is traced back to: the first-hand source, else the publisher."""
    support: str = ""
    """"echoed by N (k propaganda-flagged), independently corroborated by M"."""
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    chain: list[ChainLink] = []
    related: list[RelatedClaim] = []
    history: list[HistoryItem] = []
    repeated_at: list[int] = []
    """Offsets of later copies of this sentence in its own document (repeated paragraphs)."""
    drafts: list[DraftItem] = []
    frame: str | None = None
    """The claim's frame in one line (subject | measure or predicate | period | values),
    None for claims stored before frames."""

    @property
    def propaganda(self) -> bool:
        return (
            self.propaganda_sourced
            if self.propaganda_override is None
            else self.propaganda_override
        )

    def group(self, name: str) -> list[RelatedClaim]:
        return [r for r in self.related if r.group == name]


def claim_detail(session: Session, claim_id: int) -> ClaimDetail:
    """A claim with its paragraph, chain, related claims, history and drafts."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"no claim with id {claim_id}")
    before, text, truncated, after = _paragraph(session, claim)
    return CLAIMS.model(
        ClaimDetail,
        claim,
        document_label=_document_label(session, claim.document_id),
        published=_published(session, claim.document_id),
        before=before,
        text=text,
        text_truncated=truncated,
        after=after,
        credibility_reasons=[describe(r) for r in claim.credibility_reasons],
        propaganda_path=[describe(step) for step in claim.propaganda_path],
        origin=origin.name if (origin := origin_of(claim)) is not None else None,
        support=claim_support(session, claim.id).sentence(),
        chain=_chain(session, claim.id),
        related=_related(session, claim.id),
        history=_history(session, claim.id),
        drafts=_drafts(session, claim.id),
        repeated_at=[int(copy["start"]) for copy in claim.features.get("repeated", [])],
        frame=_frame_line(claim.features),
    )


def _frame_line(features: object) -> str | None:
    """The stored frame as reviewers read it ("Example Corp | earnings per share | ...")."""
    frame = features.get("frame") if isinstance(features, dict) else None
    if not isinstance(frame, dict):
        return None
    try:
        return Frame.model_validate(frame).describe()
    except ValidationError:
        return None


def _published(session: Session, document_id: int) -> str | None:
    return session.scalar(select(Document.published).where(Document.id == document_id))


def _document_label(session: Session, document_id: int) -> str:
    label = func.coalesce(Document.title, Document.outlet, Document.origin)
    return (
        session.scalar(select(func.substr(label, 1, 200)).where(Document.id == document_id)) or ""
    )


def _paragraph(session: Session, claim: Claim) -> tuple[str, str, bool, str]:
    """The text around a claim up to its paragraph breaks, read as one bounded window."""
    low = max(claim.start - CONTEXT_CHARS, 0)
    shown_end = min(claim.end, claim.start + CLAIM_CHARS)
    window = (
        session.scalar(
            select(func.substr(Document.text, low + 1, claim.start - low)).where(
                Document.id == claim.document_id
            )
        )
        or ""
    )
    body = (
        session.scalar(
            select(func.substr(Document.text, claim.start + 1, shown_end - claim.start)).where(
                Document.id == claim.document_id
            )
        )
        or claim.text[:CLAIM_CHARS]
    )
    tail = ""
    if shown_end == claim.end:
        tail = (
            session.scalar(
                select(func.substr(Document.text, claim.end + 1, CONTEXT_CHARS)).where(
                    Document.id == claim.document_id
                )
            )
            or ""
        )
    before = window[window.rfind("\n") + 1 :] if "\n" in window else window
    after = tail[: tail.find("\n")] if "\n" in tail else tail
    return before, body, shown_end < claim.end, after


def _chain(session: Session, claim_id: int) -> list[ChainLink]:
    query = (
        select(Attribution, Source)
        .outerjoin(Source, Source.id == Attribution.source_id)
        .where(Attribution.claim_id == claim_id)
        .order_by(Attribution.position)
    )
    rows = session.execute(query).all()
    source_ids = [source.id for _, source in rows if source is not None]
    flags: dict[int, list[str]] = {}
    for source_id, flag in session.execute(
        select(SourceFlag.source_id, SourceFlag.flag).where(SourceFlag.source_id.in_(source_ids))
    ):
        flags.setdefault(source_id, []).append(flag)
    return [
        ATTRIBUTIONS.model(
            ChainLink,
            link,
            source_name=source.name if source else None,
            source_version=source.row_version if source else None,
            grade=source.reliability if source else None,
            flags=sorted(flags.get(source.id, [])) if source else [],
        )
        for link, source in rows
    ]


def _related(session: Session, claim_id: int) -> list[RelatedClaim]:
    relations = session.scalars(
        select(Relation)
        .where(or_(Relation.claim_id == claim_id, Relation.other_claim_id == claim_id))
        .order_by(Relation.kind, Relation.score.desc(), Relation.id)
    ).all()
    others = {r.other_claim_id if r.claim_id == claim_id else r.claim_id for r in relations}
    info = {
        row[0]: row[1:]
        for row in session.execute(
            select(
                Claim.id,
                func.substr(Claim.text, 1, SNIPPET_CHARS),
                func.substr(func.coalesce(Document.outlet, Document.title, Document.origin), 1, 80),
                Claim.verdict,
            )
            .join(Document, Document.id == Claim.document_id)
            .where(Claim.id.in_(others))
        )
    }
    related = []
    for relation in relations:
        other = relation.other_claim_id if relation.claim_id == claim_id else relation.claim_id
        snippet, document, other_verdict = info.get(other, ("", "", None))
        related.append(
            RELATIONS.model(
                RelatedClaim,
                relation,
                relation_id=relation.id,
                relation_version=relation.row_version,
                reasons=[describe(r) for r in relation.reasons],
                dependency=[describe(d) for d in relation.dependency],
                other_id=other,
                other_snippet=snippet or "",
                other_document=document or "",
                other_verdict=other_verdict,
            )
        )
    return related


def _history(session: Session, claim_id: int) -> list[HistoryItem]:
    reviews = session.scalars(
        select(Review).where(Review.claim_id == claim_id).order_by(Review.id.desc())
    )
    return [
        REVIEWS.model(HistoryItem, r, evidence=[describe(e) for e in r.evidence]) for r in reviews
    ]


def _drafts(session: Session, claim_id: int) -> list[DraftItem]:
    drafts = session.scalars(
        select(ReviewDraft).where(ReviewDraft.claim_id == claim_id).order_by(ReviewDraft.id.desc())
    )
    return [DRAFTS.model(DraftItem, draft) for draft in drafts]
