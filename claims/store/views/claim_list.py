"""The claim listing behind the review table: filters, sort, keyset pages and per-page counts.

Built for 100,000 claims and more: a page is read by keyset (`WHERE (sort, id) > (last)`) or,
for a jump, by a small OFFSET; chains and relation counts are read for the visible page only,
in one grouped query each, never per row. Text filters are bound parameters of a LIKE over
the folded claim text, served by the text search index (`text_search`), so no search string
can change the SQL (`%`, `_`, quotes, full-text operators, NUL).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    case,
    func,
    literal,
    not_,
    select,
    tuple_,
    union_all,
)
from sqlalchemy.orm import Session

from claims.review_scale import VERDICTS
from claims.store.views.source_filter import source_condition
from claims.store.views.text_search import text_search
from claims.text.normalize import fold
from db.models import Attribution, Claim, Document, Relation, Source
from db.unmodelled import credibility_order

SNIPPET_CHARS = 400
"""Characters of claim text read for a table row: a 45 KB sentence is never read whole."""

MAX_FILTER_CHARS = 1000
"""Longer search text is cut: a LIKE pattern is bounded, and nobody types more."""

RELATION_KINDS = ("duplicate", "corroborates", "conflicts", "related")
REJECTED = "rejected"

_RELATION_ALIASES = {
    "conflict": "conflicts",
    "conflicting": "conflicts",
    "corroborated": "corroborates",
    "corroborating": "corroborates",
    "corroboration": "corroborates",
    "duplicates": "duplicate",
    "dup": "duplicate",
}
_FILTER_KEYS = {
    "source": "source",
    "src": "source",
    "flag": "flag",
    "verdict": "verdict",
    "kind": "kind",
    "rel": "relation",
    "relation": "relation",
    "doc": "document",
    "document": "document",
}
_TOKEN_RE = re.compile(r'(?i)(?<!\S)([a-z]+):(?:"([^"]*)"?|(\S+))')


class ClaimFilter(BaseModel):
    """What the claims table shows; every field narrows the listing."""

    model_config = ConfigDict(frozen=True)

    text: str = ""
    """Folded words that must appear, in this order, in the claim text."""
    source: str | None = None
    """A source id, or part of a source name, alias or mention anywhere in the chain."""
    flag: str | None = None
    """`propaganda` (effective flag set) or `none`."""
    verdict: str | None = None
    """A verdict name, `none` (unreviewed) or `any` (reviewed)."""
    kind: str | None = None
    relation: str | None = None
    """A relation kind, `any` or `none` (rejected relations do not count)."""
    document: int | None = None
    problems: tuple[str, ...] = ()
    """Filter terms that were not understood, for the status line."""

    @property
    def is_empty(self) -> bool:
        return self.model_dump(exclude={"problems"}) == ClaimFilter().model_dump(
            exclude={"problems"}
        )


def parse_filter(query: str) -> ClaimFilter:
    """Read `verdict:none kind:statistic source:"RIA Novosti" words` into a ClaimFilter.

    Unknown `name:` terms are searched as text; bad values are reported, never raised.
    """
    query = query.replace("\x00", "")[:MAX_FILTER_CHARS]
    values: dict[str, Any] = {}
    problems: list[str] = []
    rest: list[str] = []
    position = 0
    for match in _TOKEN_RE.finditer(query):
        field = _FILTER_KEYS.get(match.group(1).lower())
        if field is None:
            continue
        rest.append(query[position : match.start()])
        position = match.end()
        value = match.group(2) if match.group(2) is not None else match.group(3)
        problem = _set_filter_value(values, field, value.strip())
        if problem:
            problems.append(problem)
    rest.append(query[position:])
    return ClaimFilter(text=fold(" ".join(rest)), problems=tuple(problems), **values)


def _set_filter_value(values: dict[str, Any], field: str, value: str) -> str | None:
    lowered = value.lower()
    if not value:
        return f"{field}: needs a value"
    if field == "verdict":
        names = {v.name for v in VERDICTS} | {"none", "any"}
        lowered = lowered.replace(" ", "_").replace("-", "_")
        if lowered not in names:
            return f"verdict: unknown value {value!r}"
        values[field] = lowered
    elif field == "flag":
        if lowered not in {"propaganda", "none"}:
            return f"flag: use propaganda or none, not {value!r}"
        values[field] = lowered
    elif field == "relation":
        lowered = _RELATION_ALIASES.get(lowered, lowered)
        if lowered not in {*RELATION_KINDS, "any", "none"}:
            return f"relation: unknown kind {value!r}"
        values[field] = lowered
    elif field == "document":
        if not value.isdigit():
            return f"document: give a document id, not {value!r}"
        values[field] = int(value)
    else:
        values[field] = lowered if field == "kind" else value
    return None


class SortKey(StrEnum):
    ID = "id"
    DOCUMENT = "document"
    KIND = "kind"
    CHECKWORTHINESS = "checkworthiness"
    CREDIBILITY = "credibility"
    VERDICT = "verdict"


class ClaimSort(BaseModel):
    """The order of the listing; ties are broken by claim id in the same direction."""

    model_config = ConfigDict(frozen=True)

    key: SortKey = SortKey.ID
    descending: bool = False


class PageCursor(BaseModel):
    """Where the previous page ended: its last sort value and claim id."""

    model_config = ConfigDict(frozen=True)

    value: int | float | str | None = None
    claim_id: int


class ClaimRow(BaseModel):
    """One line of the claims table."""

    model_config = ConfigDict(frozen=True)

    id: int
    document_id: int
    document_label: str
    snippet: str
    kind: str
    speaker: str | None = None
    publisher: str | None = None
    speaker_grade: str | None = None
    publisher_grade: str | None = None
    propaganda: bool
    """The effective flag: the reviewer's override when set, else the computed flag."""
    propaganda_overridden: bool
    independent: int = 0
    dependent: int = 0
    conflicts: int = 0
    duplicates: int = 0
    credibility: int | None = None
    credibility_proposed: int | None = None
    checkworthiness: float
    verdict: str | None = None
    rationale: str | None = None
    row_version: int
    sort_value: int | float | str | None = None

    @property
    def cursor(self) -> PageCursor:
        return PageCursor(value=self.sort_value, claim_id=self.id)


def effective_propaganda() -> ColumnElement[Any]:
    """The reviewer's propaganda override when set, else the computed flag."""
    return func.coalesce(Claim.propaganda_override, Claim.propaganda_sourced)


def sort_expression(key: SortKey) -> SQLColumnExpression[Any] | None:
    """A never-NULL expression to order by (None: the claim id alone)."""
    if key is SortKey.ID:
        return None
    if key is SortKey.DOCUMENT:
        return Claim.document_id
    if key is SortKey.KIND:
        return Claim.kind
    if key is SortKey.CHECKWORTHINESS:
        return Claim.checkworthiness
    if key is SortKey.CREDIBILITY:
        return credibility_order()  # kept by the database and indexed (migration 0005)
    ranks = [(Claim.verdict == v.name, index) for index, v in enumerate(VERDICTS, 1)]
    return case((Claim.verdict.is_(None), 0), *ranks, else_=len(VERDICTS) + 1)


def filtered(
    session: Session, query: Select[Any], claim_filter: ClaimFilter, *, paged: bool = False
) -> tuple[Select[Any], ColumnElement[int]]:
    """`query` (over claims) narrowed by the filter, and the column to order claims by id:
    the text search index's, when it drives the query. `paged`: the query reads claims in
    order and stops after a page, rather than visiting every match."""
    search = text_search(session, claim_filter.text)
    conditions = filter_conditions(session, claim_filter, paged=paged)
    return search.apply(query).where(*conditions), search.id_column


def filter_conditions(
    session: Session, claim_filter: ClaimFilter, *, paged: bool = False
) -> list[ColumnElement[bool]]:
    """WHERE conditions for every part of a filter but its text (source names are resolved to
    ids first); `filtered` adds the text."""
    conditions: list[ColumnElement[bool]] = []
    if claim_filter.source:
        conditions.append(source_condition(session, claim_filter.source, paged=paged))
    if claim_filter.flag:
        conditions.append(effective_propaganda().is_(claim_filter.flag == "propaganda"))
    if claim_filter.verdict == "none":
        conditions.append(Claim.verdict.is_(None))
    elif claim_filter.verdict == "any":
        conditions.append(Claim.verdict.is_not(None))
    elif claim_filter.verdict:
        conditions.append(Claim.verdict == claim_filter.verdict)
    if claim_filter.kind:
        conditions.append(Claim.kind == claim_filter.kind)
    if claim_filter.document is not None:
        conditions.append(Claim.document_id == claim_filter.document)
    if claim_filter.relation:
        conditions.append(_relation_condition(claim_filter.relation))
    return conditions


def _relation_condition(kind: str) -> ColumnElement[bool]:
    live = [Relation.status != REJECTED]
    if kind not in {"any", "none"}:
        live.append(Relation.kind == kind)
    related = union_all(
        select(Relation.claim_id).where(*live), select(Relation.other_claim_id).where(*live)
    )
    inside = Claim.id.in_(related)
    return not_(inside) if kind == "none" else inside


def count_claims(session: Session, claim_filter: ClaimFilter) -> int:
    """How many claims the filter lets through."""
    search = text_search(session, claim_filter.text)
    if search.indexed and claim_filter.model_copy(update={"text": ""}).is_empty:
        return session.scalar(search.count_alone()) or 0  # a claim row per match is slower
    query, _ = filtered(session, select(func.count()).select_from(Claim), claim_filter)
    return session.scalar(query) or 0


def filtered_claim_ids(session: Session, claim_filter: ClaimFilter) -> list[int]:
    """Every claim the filter lets through, by id (what an export of the filter holds)."""
    query, claim_id = filtered(session, select(Claim.id), claim_filter)
    return list(session.scalars(query.order_by(claim_id)))


def claim_page(
    session: Session,
    claim_filter: ClaimFilter,
    sort: ClaimSort,
    *,
    after: PageCursor | None = None,
    offset: int = 0,
    limit: int = 100,
) -> list[ClaimRow]:
    """One page of the listing: after `after` (keyset), else from row `offset`."""
    expression = sort_expression(sort.key)
    value = expression if expression is not None else literal(None)
    query = select(
        Claim.id,
        Claim.document_id,
        func.substr(Claim.text, 1, SNIPPET_CHARS),
        Claim.kind,
        Claim.propaganda_sourced,
        Claim.propaganda_override,
        Claim.credibility,
        Claim.credibility_proposed,
        Claim.checkworthiness,
        Claim.verdict,
        Claim.row_version,
        value,
        func.substr(Claim.rationale, 1, 4000),
    )
    query, claim_id = filtered(session, query, claim_filter, paged=True)
    query = _ordered(query, (claim_id if expression is None else expression, claim_id), sort, after)
    rows = session.execute(query.offset(None if after else offset or None).limit(limit)).all()
    return _decorate(session, rows)


def _ordered(
    query: Select[Any],
    keys: tuple[SQLColumnExpression[Any], ColumnElement[int]],
    sort: ClaimSort,
    after: PageCursor | None,
) -> Select[Any]:
    """Order by the sort key then claim id (the id alone when they are one column)."""
    order = [keys[1]] if keys[0] is keys[1] else list(keys)
    if after is not None:
        mine = tuple_(*order) if len(order) > 1 else order[0]
        bound: Any = after.claim_id if len(order) == 1 else tuple_(after.value, after.claim_id)
        query = query.where(mine < bound if sort.descending else mine > bound)
    return query.order_by(*(k.desc() if sort.descending else k.asc() for k in order))


def _decorate(session: Session, rows: Sequence[Any]) -> list[ClaimRow]:
    ids = [row[0] for row in rows]
    labels = _document_labels(session, {row[1] for row in rows})
    chains = _chain_ends(session, ids)
    counts = relation_counts(session, ids)
    return [
        ClaimRow(
            id=row[0],
            document_id=row[1],
            document_label=labels.get(row[1], ""),
            snippet=row[2] or "",
            kind=row[3],
            propaganda=bool(row[5] if row[5] is not None else row[4]),
            propaganda_overridden=row[5] is not None,
            credibility=row[6],
            credibility_proposed=row[7],
            checkworthiness=row[8] or 0.0,
            verdict=row[9],
            row_version=row[10],
            sort_value=row[11],
            rationale=row[12],
            **chains.get(row[0], {}),
            **counts.get(row[0], {}),
        )
        for row in rows
    ]


def _document_labels(session: Session, document_ids: set[int]) -> dict[int, str]:
    if not document_ids:
        return {}
    query = select(
        Document.id,
        func.substr(func.coalesce(Document.outlet, Document.title, Document.origin), 1, 80),
    ).where(Document.id.in_(document_ids))
    return {row[0]: row[1] or "" for row in session.execute(query)}


def _chain_ends(session: Session, claim_ids: list[int]) -> dict[int, dict[str, Any]]:
    """The first speaker and the last publisher of each claim's chain, with their grades."""
    if not claim_ids:
        return {}
    query = (
        select(
            Attribution.claim_id,
            Attribution.role,
            func.substr(func.coalesce(Source.name, Attribution.mention), 1, 120),
            Source.reliability,
        )
        .outerjoin(Source, Source.id == Attribution.source_id)
        .where(Attribution.claim_id.in_(claim_ids))
        .order_by(Attribution.claim_id, Attribution.position)
    )
    ends: dict[int, dict[str, Any]] = {}
    for claim_id, role, name, grade in session.execute(query):
        found = ends.setdefault(claim_id, {})
        if role == "speaker" and "speaker" not in found:
            found.update(speaker=name, speaker_grade=grade)
        elif role == "publisher":
            found.update(publisher=name, publisher_grade=grade)
    return ends


def relation_counts(session: Session, claim_ids: list[int]) -> dict[int, dict[str, int]]:
    """Live (not rejected) relations of each claim: independent and dependent corroborations,
    conflicts and duplicates, counted in one grouped query over both ends of a relation."""
    if not claim_ids:
        return {}
    live = Relation.status != REJECTED
    ends = union_all(
        select(Relation.claim_id.label("cid"), Relation.kind, Relation.independent).where(
            live, Relation.claim_id.in_(claim_ids)
        ),
        select(Relation.other_claim_id.label("cid"), Relation.kind, Relation.independent).where(
            live, Relation.other_claim_id.in_(claim_ids)
        ),
    ).subquery()
    query = select(ends.c.cid, ends.c.kind, ends.c.independent, func.count()).group_by(
        ends.c.cid, ends.c.kind, ends.c.independent
    )
    counts: dict[int, Counter[str]] = {}
    for claim_id, kind, independent, number in session.execute(query):
        column = _count_column(kind, independent)
        if column:
            counts.setdefault(claim_id, Counter())[column] += number
    return {claim_id: dict(counter) for claim_id, counter in counts.items()}


def _count_column(kind: str, independent: bool | None) -> str | None:
    if kind == "corroborates":
        return "independent" if independent else "dependent"
    return {"conflicts": "conflicts", "duplicate": "duplicates"}.get(kind)
