"""Read models of the review workbench: a claim in detail, a document page, sources, the queue.

Each function runs inside the caller's read session and returns pydantic models, so screens
never hold ORM rows. Long texts are read in bounded windows (SQL `substr`), never whole: a
10 MB document or a 45 KB sentence costs no more to open than a short one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from claims.errors import NotFound
from claims.store.queries import SNIPPET_CHARS, effective_propaganda
from db.models import (
    Attribution,
    Claim,
    Document,
    Relation,
    Review,
    ReviewDraft,
    Source,
    SourceAlias,
    SourceFlag,
    SourceRating,
)

CONTEXT_CHARS = 1500
"""Text shown on each side of a claim to find its paragraph."""

CLAIM_CHARS = 5000
"""Longest claim text shown in the detail view; the reader pages through the rest."""

PAGE_CHARS = 20_000
"""Characters of document text on one reader page."""

PAGE_LINES = 200
"""Most lines on one reader page (a text of 40,000 short lines stays quick to draw)."""

Frozen = ConfigDict(frozen=True)


def describe(item: Any) -> str:
    """A stored reason, path step or evidence item (any JSON) as one readable line."""
    if isinstance(item, dict):
        return "; ".join(f"{key}: {describe(value)}" for key, value in item.items())
    if isinstance(item, list | tuple):
        return ", ".join(describe(value) for value in item)
    return "" if item is None else str(item)


# --- claim detail -----------------------------------------------------------------------


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
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    chain: list[ChainLink] = []
    related: list[RelatedClaim] = []
    history: list[HistoryItem] = []
    repeated_at: list[int] = []
    """Offsets of later copies of this sentence in its own document (repeated paragraphs)."""
    drafts: list[DraftItem] = []

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
    return ClaimDetail(
        id=claim.id,
        row_version=claim.row_version,
        document_id=claim.document_id,
        document_label=_document_label(session, claim.document_id),
        published=_published(session, claim.document_id),
        before=before,
        text=text,
        text_truncated=truncated,
        after=after,
        kind=claim.kind,
        checkworthiness=claim.checkworthiness,
        verdict=claim.verdict,
        rationale=claim.rationale,
        credibility=claim.credibility,
        credibility_proposed=claim.credibility_proposed,
        credibility_reasons=[describe(r) for r in claim.credibility_reasons],
        propaganda_sourced=claim.propaganda_sourced,
        propaganda_override=claim.propaganda_override,
        propaganda_override_reason=claim.propaganda_override_reason,
        propaganda_path=[describe(step) for step in claim.propaganda_path],
        reviewed_by=claim.reviewed_by,
        reviewed_at=claim.reviewed_at,
        chain=_chain(session, claim.id),
        related=_related(session, claim.id),
        history=_history(session, claim.id),
        drafts=_drafts(session, claim.id),
        repeated_at=[int(copy["start"]) for copy in claim.features.get("repeated", [])],
    )


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
        ChainLink(
            position=link.position,
            role=link.role,
            mention=link.mention,
            source_id=source.id if source else None,
            source_name=source.name if source else None,
            source_version=source.row_version if source else None,
            grade=source.reliability if source else None,
            flags=sorted(flags.get(source.id, [])) if source else [],
            cue=link.cue,
            speaker_role=link.speaker_role,
            stance=link.stance,
            inherited=link.inherited,
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
            RelatedClaim(
                relation_id=relation.id,
                relation_version=relation.row_version,
                kind=relation.kind,
                independent=relation.independent,
                score=relation.score,
                reasons=[describe(r) for r in relation.reasons],
                dependency=[describe(d) for d in relation.dependency],
                status=relation.status,
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
        HistoryItem(
            id=r.id,
            reviewer=r.reviewer,
            at=r.created_at,
            action=r.action,
            verdict=r.verdict,
            rationale=r.rationale,
            credibility=r.credibility,
            evidence=[describe(e) for e in r.evidence],
            undone=r.undone,
        )
        for r in reviews
    ]


def _drafts(session: Session, claim_id: int) -> list[DraftItem]:
    drafts = session.scalars(
        select(ReviewDraft).where(ReviewDraft.claim_id == claim_id).order_by(ReviewDraft.id.desc())
    )
    return [
        DraftItem(id=d.id, reviewer=d.reviewer, at=d.created_at, payload=dict(d.payload))
        for d in drafts
    ]


# --- document reader --------------------------------------------------------------------


class DocumentMeta(BaseModel):
    """A document's metadata and size, without its text."""

    model_config = Frozen

    id: int
    origin: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    original_publisher: str | None = None
    machine_translation: str | None = None
    metadata_provenance: dict[str, Any] = {}
    flags: list[str] = []
    notes: list[str] = []
    version_no: int = 1
    length: int
    debris: list[tuple[int, int, str]] = []


class ClaimSpan(BaseModel):
    """Where a claim sits in its document, and what colours it."""

    model_config = Frozen

    id: int
    start: int
    end: int
    kind: str
    propaganda: bool
    verdict: str | None = None


class DocumentPage(BaseModel):
    """A window of a document's text, cut at a line break where one is near."""

    model_config = Frozen

    start: int
    end: int
    text: str
    length: int

    @property
    def has_previous(self) -> bool:
        return self.start > 0

    @property
    def has_next(self) -> bool:
        return self.end < self.length


def document_meta(session: Session, document_id: int) -> DocumentMeta:
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound(f"no document with id {document_id}")
    length = session.scalar(select(func.length(Document.text)).where(Document.id == document_id))
    return DocumentMeta(
        id=document.id,
        origin=document.origin,
        title=document.title,
        outlet=document.outlet,
        author=document.author,
        published=document.published,
        url=document.url,
        language=document.language,
        original_publisher=document.original_publisher,
        machine_translation=document.machine_translation,
        metadata_provenance=dict(document.metadata_provenance),
        flags=[describe(f) for f in document.flags],
        notes=[describe(n) for n in document.notes],
        version_no=document.version_no,
        length=length or 0,
        debris=[(int(s), int(e), str(r)) for s, e, r in document.debris],
    )


def document_claims(session: Session, document_id: int) -> list[ClaimSpan]:
    query = (
        select(
            Claim.id,
            Claim.start,
            Claim.end,
            Claim.kind,
            effective_propaganda(),
            Claim.verdict,
        )
        .where(Claim.document_id == document_id)
        .order_by(Claim.start, Claim.id)
    )
    return [
        ClaimSpan(id=i, start=s, end=e, kind=k, propaganda=bool(p), verdict=v)
        for i, s, e, k, p, v in session.execute(query)
    ]


def document_page(session: Session, document_id: int, start: int, length: int) -> DocumentPage:
    """The page beginning at `start` (a character offset into the document text)."""
    start = max(0, min(start, max(length - 1, 0)))
    chunk = (
        session.scalar(
            select(func.substr(Document.text, start + 1, PAGE_CHARS)).where(
                Document.id == document_id
            )
        )
        or ""
    )
    cut = page_cut(chunk, complete=start + len(chunk) >= length)
    return DocumentPage(start=start, end=start + cut, text=chunk[:cut], length=length)


def page_cut(chunk: str, *, complete: bool) -> int:
    """Where a page of `chunk` ends: after PAGE_LINES lines, else at the last line break in
    its second half, else (one very long line) at the chunk's end."""
    position = -1
    for _ in range(PAGE_LINES):
        position = chunk.find("\n", position + 1)
        if position < 0:
            break
    else:
        return position + 1
    if complete:
        return len(chunk)
    last = chunk.rfind("\n", len(chunk) // 2)
    return last + 1 if last >= 0 else len(chunk)


def document_page_before(session: Session, document_id: int, end: int, length: int) -> DocumentPage:
    """The page that ends at `end`, so paging back shows every character once."""
    low = max(end - PAGE_CHARS, 0)
    chunk = (
        session.scalar(
            select(func.substr(Document.text, low + 1, end - low)).where(Document.id == document_id)
        )
        or ""
    )
    skip = 0
    if low > 0:
        first = chunk.find("\n", 0, len(chunk) // 2)
        skip = first + 1 if first >= 0 else 0
    lines = chunk.count("\n", skip)
    while lines > PAGE_LINES:
        skip = chunk.index("\n", skip) + 1
        lines -= 1
    return DocumentPage(start=low + skip, end=end, text=chunk[skip:], length=length)


def page_start_for(session: Session, document_id: int, offset: int) -> int:
    """A page start that shows `offset` with some text before it: the document start when
    the offset is on the first page, else a line break about a quarter page earlier."""
    if offset < PAGE_CHARS * 3 // 4:
        return 0
    target = offset - PAGE_CHARS // 4
    low = max(target - 2000, 0)
    window = (
        session.scalar(
            select(func.substr(Document.text, low + 1, target - low)).where(
                Document.id == document_id
            )
        )
        or ""
    )
    cut = window.rfind("\n")
    return low + cut + 1 if cut >= 0 else target


# --- sources ----------------------------------------------------------------------------


class SourceRow(BaseModel):
    """One line of the sources table."""

    model_config = Frozen

    id: int
    name: str
    kind: str
    grade: str
    flags: list[str] = []
    aliases: list[str] = []
    rationale: str | None = None
    needs_review: bool = False
    links: int = 0
    """Chain links that name this source."""
    row_version: int


class SourceRatingItem(BaseModel):
    model_config = Frozen

    grade: str
    rationale: str | None = None
    set_by: str | None = None
    set_at: datetime
    disputed: bool = False


class SourceDetail(BaseModel):
    """A source with everything the registry knows about it."""

    model_config = Frozen

    row: SourceRow
    description: str | None = None
    country: str | None = None
    parent: str | None = None
    set_by: str | None = None
    set_at: datetime | None = None
    flag_reasons: list[str] = []
    ratings: list[SourceRatingItem] = []


def _source_filter(text: str) -> list[Any]:
    text = text.replace("\x00", "").strip()[:200]
    if not text:
        return []
    alias_hit = select(SourceAlias.source_id).where(
        SourceAlias.alias.icontains(text, autoescape=True)
    )
    return [or_(Source.name.icontains(text, autoescape=True), Source.id.in_(alias_hit))]


def count_sources(session: Session, text: str = "") -> int:
    query = select(func.count()).select_from(Source).where(*_source_filter(text))
    return session.scalar(query) or 0


def source_page(
    session: Session, text: str = "", offset: int = 0, limit: int = 100
) -> list[SourceRow]:
    """Sources by name, with their flags, a few aliases and how often chains cite them."""
    sources = session.scalars(
        select(Source)
        .where(*_source_filter(text))
        .order_by(Source.name, Source.id)
        .offset(offset)
        .limit(limit)
    ).all()
    return source_rows(session, list(sources))


def source_rows(session: Session, sources: list[Source]) -> list[SourceRow]:
    """Table rows for these sources, with three grouped queries for all of them."""
    ids = [s.id for s in sources]
    flags: dict[int, list[str]] = {}
    for source_id, flag in session.execute(
        select(SourceFlag.source_id, SourceFlag.flag).where(SourceFlag.source_id.in_(ids))
    ):
        flags.setdefault(source_id, []).append(flag)
    aliases: dict[int, list[str]] = {}
    for source_id, alias in session.execute(
        select(SourceAlias.source_id, SourceAlias.alias)
        .where(SourceAlias.source_id.in_(ids))
        .order_by(SourceAlias.id)
    ):
        aliases.setdefault(source_id, []).append(alias)
    links: dict[int | None, int] = {}
    for cited, number in session.execute(
        select(Attribution.source_id, func.count())
        .where(Attribution.source_id.in_(ids))
        .group_by(Attribution.source_id)
    ):
        links[cited] = number
    return [
        SourceRow(
            id=s.id,
            name=s.name,
            kind=s.kind,
            grade=s.reliability,
            flags=sorted(flags.get(s.id, [])),
            aliases=aliases.get(s.id, []),
            rationale=s.reliability_rationale,
            needs_review=s.needs_review,
            links=links.get(s.id, 0),
            row_version=s.row_version,
        )
        for s in sources
    ]


def source_detail(session: Session, source_id: int) -> SourceDetail:
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound(f"no source with id {source_id}")
    row = source_rows(session, [source])[0]
    parent = session.get(Source, source.parent_id) if source.parent_id else None
    flag_rows = session.scalars(select(SourceFlag).where(SourceFlag.source_id == source_id))
    ratings = session.scalars(
        select(SourceRating)
        .where(SourceRating.source_id == source_id)
        .order_by(SourceRating.set_at.desc(), SourceRating.id.desc())
    )
    return SourceDetail(
        row=row,
        description=source.description,
        country=source.country,
        parent=parent.name if parent else None,
        set_by=source.reliability_set_by,
        set_at=source.reliability_set_at,
        flag_reasons=[f"{f.flag}: {f.rationale or ''}".rstrip(": ") for f in flag_rows],
        ratings=[
            SourceRatingItem(
                grade=r.grade,
                rationale=r.rationale,
                set_by=r.set_by,
                set_at=r.set_at,
                disputed=r.disputed,
            )
            for r in ratings
        ],
    )


# --- triage queue -----------------------------------------------------------------------


QUEUE_SECTIONS = ("conflict", "propaganda", "relation")
"""Queue order: unreviewed conflicts, then unreviewed propaganda-sourced claims, then the
other proposed relations (corroborations, duplicates)."""


class QueueItem(BaseModel):
    """One thing to triage: a proposed relation or a propaganda-sourced claim."""

    model_config = Frozen

    section: str
    claim_id: int
    claim_version: int
    snippet: str
    relation_id: int | None = None
    relation_version: int | None = None
    relation_kind: str | None = None
    other_claim_id: int | None = None
    other_snippet: str = ""
    reasons: list[str] = []
    score: float | None = None

    @property
    def id(self) -> int:
        """The item's own row: the relation, or the claim for a propaganda item."""
        return self.relation_id if self.relation_id is not None else self.claim_id


def _section_query(section: str) -> Any:
    if section == "propaganda":
        return select(Claim.id).where(
            effective_propaganda().is_(True),
            Claim.propaganda_override.is_(None),
            Claim.verdict.is_(None),
        )
    kind = Relation.kind == "conflicts"
    return select(Relation.id).where(
        Relation.status == "proposed", kind if section == "conflict" else ~kind
    )


def queue_counts(session: Session) -> dict[str, int]:
    """How many items wait in each section of the queue."""
    return {
        section: session.scalar(
            select(func.count()).select_from(_section_query(section).subquery())
        )
        or 0
        for section in QUEUE_SECTIONS
    }


def queue_page(session: Session, offset: int, limit: int) -> list[QueueItem]:
    """Queue items from position `offset`, across the sections in order."""
    counts = queue_counts(session)
    items: list[QueueItem] = []
    for section in QUEUE_SECTIONS:
        if offset >= counts[section]:
            offset -= counts[section]
            continue
        query = _section_query(section)
        column = Claim.id if section == "propaganda" else Relation.id
        ids = list(session.scalars(query.order_by(column).offset(offset).limit(limit - len(items))))
        items += _queue_items(session, section, ids)
        offset = 0
        if len(items) >= limit:
            break
    return items


def _queue_items(session: Session, section: str, ids: list[int]) -> list[QueueItem]:
    if section == "propaganda":
        claims = session.execute(
            select(Claim.id, Claim.row_version, func.substr(Claim.text, 1, SNIPPET_CHARS))
            .where(Claim.id.in_(ids))
            .order_by(Claim.id)
        ).all()
        return [
            QueueItem(section=section, claim_id=i, claim_version=v, snippet=t or "")
            for i, v, t in claims
        ]
    relations = session.scalars(
        select(Relation).where(Relation.id.in_(ids)).order_by(Relation.id)
    ).all()
    claim_ids = {r.claim_id for r in relations} | {r.other_claim_id for r in relations}
    claims_info = {
        i: (v, t or "")
        for i, v, t in session.execute(
            select(Claim.id, Claim.row_version, func.substr(Claim.text, 1, SNIPPET_CHARS)).where(
                Claim.id.in_(claim_ids)
            )
        )
    }
    return [
        QueueItem(
            section=section,
            claim_id=r.claim_id,
            claim_version=claims_info.get(r.claim_id, (0, ""))[0],
            snippet=claims_info.get(r.claim_id, (0, ""))[1],
            relation_id=r.id,
            relation_version=r.row_version,
            relation_kind=r.kind,
            other_claim_id=r.other_claim_id,
            other_snippet=claims_info.get(r.other_claim_id, (0, ""))[1],
            reasons=[describe(x) for x in r.reasons],
            score=r.score,
        )
        for r in relations
    ]
