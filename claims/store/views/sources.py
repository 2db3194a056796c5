"""Read models of the workbench's sources view: a page of sources and one source in detail."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from claims.errors import NotFound
from claims.reports.schema import ExportSourceRating
from claims.store.rows import SOURCES, source_rating
from claims.store.views.claim_detail import Frozen
from db.models import (
    Attribution,
    Source,
    SourceAlias,
    SourceFlag,
    SourceRating,
)


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
    ratings: list[ExportSourceRating] = []
    """The rating history, newest first."""


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
        SOURCES.model(
            SourceRow,
            s,
            flags=sorted(flags.get(s.id, [])),
            aliases=aliases.get(s.id, []),
            links=links.get(s.id, 0),
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
    return SOURCES.model(
        SourceDetail,
        source,
        row=row,
        parent=parent.name if parent else None,
        flag_reasons=[f"{f.flag}: {f.rationale or ''}".rstrip(": ") for f in flag_rows],
        ratings=[source_rating(rating) for rating in ratings],
    )
