"""Reading the registry for the command line: list, show, the review queue, resolution counts."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from claims.errors import NotFound
from claims.reports.schema import ExportSourceFlag, ExportSourceRating
from claims.sources.models import (
    SourceKind,
    parse_flag,
    parse_kind,
)
from claims.sources.normalize import alias_key
from claims.sources.resolution import Method
from claims.store.rows import AUDIT_ENTRIES, SOURCES, load_index, source_flag, source_rating
from db.models import Attribution, AuditEntry, Source, SourceAlias, SourceFlag


class SourceSummary(BaseModel):
    """One row of `claims sources list`."""

    model_config = ConfigDict(frozen=True)

    id: int
    name: str
    kind: str
    country: str | None
    grade: str
    flags: list[str]
    needs_review: bool
    parent: str | None
    links: int
    """Chain links (attributions) that resolve to this source."""


class HistoryView(BaseModel):
    """One audit entry about a source."""

    at: datetime
    actor: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class SourceProfile(BaseModel):
    """Everything `claims sources show` prints about one source."""

    summary: SourceSummary
    description: str | None
    rationale: str | None
    evidence: list[Any]
    set_by: str | None
    set_at: datetime | None
    aliases: list[tuple[str, str | None]]
    flags: list[ExportSourceFlag]
    ratings: list[ExportSourceRating]
    parents: list[str]
    """The chain of offices or owners above the source, nearest first."""
    children: list[str]
    mentions: list[tuple[str, int]]
    """How the texts name it, most frequent first."""
    history: list[HistoryView]
    created_by: str | None
    created_at: datetime


class PendingSource(BaseModel):
    """A source waiting for review, with how texts name it and what it might be."""

    summary: SourceSummary
    mentions: list[tuple[str, int]]
    near: list[str]
    created_at: datetime
    description: str | None


def find_source(session: Session, ref: str | int) -> Source:
    """A source by id ("12", "#12") or by name or alias (exact, any case or script)."""
    text = str(ref).strip().lstrip("#")
    if text.isdigit():
        source = session.get(Source, int(text))
        if source is None:
            raise NotFound(f"no source with id {text}")
        return source
    found = load_index(session).lookup_strict(text)
    if found is None:
        raise NotFound(f"no source named {text!r} (try `claims sources list --search`)")
    source = session.get(Source, found)
    assert source is not None
    return source


def list_sources(
    session: Session,
    *,
    needs_review: bool | None = None,
    kind: str | None = None,
    flag: str | None = None,
    search: str | None = None,
) -> list[SourceSummary]:
    """Sources sorted by name, with how many chain links cite each."""
    query = select(Source).options(selectinload(Source.flags)).order_by(Source.name)
    if needs_review is not None:
        query = query.where(Source.needs_review.is_(needs_review))
    if kind:
        query = query.where(Source.kind == parse_kind(kind).value)
    if flag:
        query = query.where(Source.flags.any(SourceFlag.flag == parse_flag(flag)))
    if search:
        key = alias_key(search) or search.casefold()
        query = query.where(
            Source.name.icontains(search, autoescape=True)
            | Source.aliases.any(SourceAlias.key.contains(key, autoescape=True))
        )
    sources = session.scalars(query).all()
    return _summaries(session, sources)


def _summaries(session: Session, sources: Any) -> list[SourceSummary]:
    ids = [s.id for s in sources]
    counts = _link_counts(session, ids)
    parent_ids = {s.parent_id for s in sources if s.parent_id is not None}
    rows = session.execute(select(Source.id, Source.name).where(Source.id.in_(parent_ids)))
    names: dict[int, str] = {source_id: name for source_id, name in rows}
    return [
        SOURCES.model(
            SourceSummary,
            s,
            flags=sorted(f.flag for f in s.flags),
            parent=names.get(s.parent_id) if s.parent_id is not None else None,
            links=counts.get(s.id, 0),
        )
        for s in sources
    ]


def _link_counts(session: Session, ids: list[int]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for start in range(0, len(ids), 5000):
        chunk = ids[start : start + 5000]
        rows = session.execute(
            select(Attribution.source_id, func.count())
            .where(Attribution.source_id.in_(chunk))
            .group_by(Attribution.source_id)
        )
        counts.update({source_id: n for source_id, n in rows if source_id is not None})
    return counts


def source_profile(session: Session, source_id: int) -> SourceProfile:
    """One source with aliases, flags, rating history, parents, mentions and audit history."""
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound(f"no source with id {source_id}")
    history = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == "source", AuditEntry.entity_id == source.id)
        .order_by(AuditEntry.id)
    )
    children = select(Source.name).where(Source.parent_id == source.id).order_by(Source.name)
    return SOURCES.model(
        SourceProfile,
        source,
        summary=_summaries(session, [source])[0],
        aliases=[(a.alias, a.language) for a in sorted(source.aliases, key=lambda a: a.id)],
        flags=[source_flag(f) for f in sorted(source.flags, key=lambda f: f.flag)],
        ratings=[source_rating(r) for r in sorted(source.ratings, key=lambda r: r.id)],
        parents=_parents(session, source),
        children=list(session.scalars(children)),
        mentions=mention_counts(session, source.id),
        history=[AUDIT_ENTRIES.model(HistoryView, entry) for entry in history],
    )


def mention_counts(session: Session, source_id: int, limit: int = 10) -> list[tuple[str, int]]:
    rows = session.execute(
        select(Attribution.mention, func.count())
        .where(Attribution.source_id == source_id)
        .group_by(Attribution.mention)
        .order_by(func.count().desc(), Attribution.mention)
        .limit(limit)
    )
    return [(mention, count) for mention, count in rows]


def _parents(session: Session, source: Source) -> list[str]:
    names, seen, current = [], {source.id}, source.parent_id
    while current is not None and current not in seen:
        parent = session.get(Source, current)
        if parent is None:
            break
        names.append(f"{parent.name} (#{parent.id})")
        seen.add(parent.id)
        current = parent.parent_id
    return names


def review_queue(session: Session) -> tuple[list[PendingSource], int]:
    """Sources waiting for review (newest first), and the number of unnamed chain links."""
    sources = session.scalars(
        select(Source)
        .where(Source.needs_review.is_(True))
        .options(selectinload(Source.flags))
        .order_by(Source.created_at.desc(), Source.id.desc())
    ).all()
    index = load_index(session) if sources else None
    items = []
    for summary, source in zip(_summaries(session, sources), sources, strict=True):
        near = index.near(source.name, exclude=source.id) if index else []
        mentions = mention_counts(session, source.id, limit=5)
        items.append(
            SOURCES.model(PendingSource, source, summary=summary, mentions=mentions, near=near)
        )
    unnamed = session.scalar(
        select(func.count()).select_from(Attribution).where(Attribution.resolution == "unnamed")
    )
    return items, int(unnamed or 0)


def resolution_summary(session: Session) -> Counter[str]:
    """How many chain links each resolution method accounts for."""
    rows = session.execute(
        select(Attribution.resolution, func.count()).group_by(Attribution.resolution)
    )
    return Counter({(method or "unresolved"): count for method, count in rows})


KINDS = [kind.value for kind in SourceKind]


METHODS = [method.value for method in Method]
