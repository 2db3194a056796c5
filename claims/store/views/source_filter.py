"""The listing's `source:` filter: claims whose chain holds a source, found without visiting
every chain link (migration 0005's `source_mentions` and the index on the links' source).

`source:12` is a source id; `source:NAME` matches a source's name or alias, or a link's mention
as written, containing NAME.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, and_, false, func, or_, select
from sqlalchemy.orm import Session

from db.models import Attribution, Claim, Source, SourceAlias, SourceMention

MENTIONS_AT_ONCE = 500
"""Past this many distinct mentions containing a term, the links are scanned instead."""

DENSE_LINKS = 20_000
"""Past this many matching links, claims are walked in order and each checked (a page stops
early) rather than every matching link read first (which a rare source wants)."""


def source_condition(session: Session, term: str, *, paged: bool) -> ColumnElement[bool]:
    """Claims whose chain holds the source `term` (an id), or a source whose name or alias
    contains it, or a link whose mention contains it.

    Mentions are matched in `source_mentions` (each distinct mention once, with the source it
    resolved to and how many links hold it), so the filter never scans every chain link to
    find them; how many links match decides how the claims are found (`_claims_with_links`).
    """
    if term.isdigit():
        ids, pairs, scan = {int(term)}, {}, False
    else:
        named = select(Source.id).where(Source.name.icontains(term, autoescape=True))
        aliased = select(SourceAlias.source_id).where(
            SourceAlias.alias.icontains(term, autoescape=True)
        )
        ids = set(session.scalars(named.union(aliased)))
        found = session.execute(
            select(SourceMention.mention, SourceMention.source_id, SourceMention.links)
            .where(SourceMention.mention.icontains(term, autoescape=True))
            .limit(MENTIONS_AT_ONCE + 1)
        ).all()
        scan = len(found) > MENTIONS_AT_ONCE
        pairs = {(row[0], row[1]): int(row[2]) for row in found if row[1] not in ids}
    estimate = DENSE_LINKS if scan else sum(pairs.values())
    if ids and not scan:
        held = select(func.sum(SourceMention.links)).where(SourceMention.source_id.in_(ids))
        estimate += int(session.scalar(held) or 0)

    def links(source_id: ColumnElement[Any]) -> ColumnElement[bool]:
        by_source = source_id.in_(ids) if ids else false()
        if scan:
            return or_(by_source, Attribution.mention.icontains(term, autoescape=True))
        return or_(by_source, _links_with_mentions(source_id, set(pairs)))

    return _claims_with_links(links, estimate, paged)


def _claims_with_links(
    links: Callable[[ColumnElement[Any]], ColumnElement[bool]], estimate: int, paged: bool
) -> ColumnElement[bool]:
    """Claims with a chain link meeting `links` (given the source id column to test), of which
    there are about `estimate`.

    Few links: read them first through the index on their source. Many, for a page: walk the
    claims in order, checking each one's links, and stop at the page's end. Many, for a count:
    read every link once in table order (`+ 0` keeps SQLite off the index on the source, which
    would fetch them one by one).
    """
    source_id: ColumnElement[Any] = Attribution.source_id.expression
    if estimate < DENSE_LINKS:
        return Claim.id.in_(select(Attribution.claim_id).where(links(source_id)))
    if paged:
        correlated = select(Attribution.id).where(
            Attribution.claim_id == Claim.id, links(source_id)
        )
        return correlated.correlate(Claim).exists()
    return Claim.id.in_(select(Attribution.claim_id).where(links(source_id + 0)))


def _links_with_mentions(
    source_id: ColumnElement[Any], pairs: set[tuple[str, int]]
) -> ColumnElement[bool]:
    """Links holding one of these (mention, source id) pairs; source id 0 is no source."""
    if not pairs:
        return false()
    mentions = {mention for mention, _ in pairs}
    sources = {resolved for _, resolved in pairs if resolved}
    to_source = source_id.in_(sources) if sources else false()
    to_none = source_id.is_(None) if any(not resolved for _, resolved in pairs) else false()
    return and_(or_(to_source, to_none), Attribution.mention.in_(mentions))
