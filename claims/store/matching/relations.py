"""Relations found by matching, written without touching what reviewers decided.

A confirmed or rejected pair keeps its row as the reviewer left it, and a rejected pair is
never proposed again; proposed relations of re-matched claims that no longer hold are
removed. Pairs of claims in versions of one document are marked as one origin.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, or_, select, tuple_
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from claims.match.corroboration import COUNTED, SUPPORTING
from claims.match.judge import Found
from claims.match.models import Independence, Kind
from claims.store.chunks import IN_LIST_SIZE, chunks
from claims.store.matching.report import MatchReport
from claims.store.rows.touching import touching
from db.models import Document, Relation

PROPOSED, CONFIRMED, REJECTED = "proposed", "confirmed", "rejected"


def mark_versions(
    session: Session, found: Sequence[Found], document_of: Mapping[int, int]
) -> list[Found]:
    """Say so when two related claims are in versions of one document.

    A document ingested again with changed text is a new version; its claims meet their
    old selves in matching. They are one origin, never corroboration, and a conflict
    between them means the article was changed (a corrected date or figure).
    """
    lineage = _lineages(session, {document_of[i] for item in found for i in (item.low, item.high)})
    marked: list[Found] = []
    for item in found:
        low, high = document_of[item.low], document_of[item.high]
        if low == high or lineage[low] != lineage[high]:
            marked.append(item)
            continue
        versions = f"versions of one document: #{low} and #{high}"
        changed = "changed in the new version" if item.judgement.kind == Kind.CONFLICTS else None
        reasons = tuple(r for r in (changed, versions) if r) + item.judgement.reasons
        independence = Independence(independent=False, shared=(versions,))
        judgement = item.judgement.model_copy(update={"reasons": reasons})
        marked.append(Found(item.low, item.high, judgement, independence))
    return marked


def _lineages(session: Session, document_ids: set[int]) -> dict[int, int]:
    """Each document's first version: equal for all versions of one document."""
    previous: dict[int, int | None] = {}
    wanted = set(document_ids)
    while wanted:
        rows = session.execute(
            select(Document.id, Document.previous_id).where(Document.id.in_(sorted(wanted)))
        ).all()
        previous.update({row.id: row.previous_id for row in rows})
        wanted = {row.previous_id for row in rows if row.previous_id is not None} - set(previous)
    roots: dict[int, int] = {}
    for document_id in document_ids:
        root, seen = document_id, {document_id}
        while (earlier := previous.get(root)) is not None and earlier not in seen:
            root = earlier
            seen.add(root)
        roots[document_id] = root
    return roots


@dataclass
class Written:
    """What storing a run's relations changed, for the clusters and credibility to follow."""

    linked: set[tuple[int, int]] = field(default_factory=set)
    """Live pairs of a same-claim kind (duplicate, corroborates)."""
    unlinked: set[tuple[int, int]] = field(default_factory=set)
    """Pairs that were a live same-claim link before and are not any more."""
    removed: set[tuple[int, int]] = field(default_factory=set)
    """Pairs whose proposed relation was removed."""
    counted: set[tuple[int, int]] = field(default_factory=set)
    """Pairs whose change can move a corroboration count: a relation of a counted kind
    written, one that was of a counted kind rewritten, and every removed one (a `related`
    link counts for nobody's credibility)."""


def store_relations(
    session: Session, found: Sequence[Found], rematched: Sequence[int], report: MatchReport
) -> Written:
    """Insert or update proposed relations; reviewed pairs are kept as the reviewer left them.

    Proposed relations of `rematched` claims that were not found again are removed.
    """
    existing = _existing(session, found, rematched)
    before = {pair for pair, row in existing.items() if _links(row.kind, row.status)}
    written = Written()
    seen: set[tuple[int, int]] = set()
    inserts: list[dict[str, Any]] = []
    kinds: Counter[str] = Counter()
    for item in found:
        pair = (item.low, item.high)
        seen.add(pair)
        values = _values(item)
        row = existing.get(pair)
        if row is not None and row.status != PROPOSED:
            report.kept_reviewed += 1
            if _links(row.kind, row.status):
                written.linked.add(pair)
            continue
        kinds[values["kind"]] += 1
        if _links(values["kind"], PROPOSED):
            written.linked.add(pair)
        if item.independence is not None:
            report.circular += list(item.independence.circular)
        if values["kind"] in COUNTED or (row is not None and row.kind in COUNTED):
            written.counted.add(pair)
        if row is None:
            inserts.append({"claim_id": item.low, "other_claim_id": item.high, **values})
        else:
            for name, value in values.items():
                setattr(row, name, value)
    for pair, row in existing.items():
        if pair not in seen and row.status == PROPOSED:
            session.delete(row)
            written.removed.add(pair)
            written.counted.add(pair)
    written.unlinked = {
        pair
        for pair in before
        if pair in written.removed or (pair in seen and pair not in written.linked)
    }
    report.removed += len(written.removed)
    for chunk in chunks(inserts, 2000):
        session.execute(insert(Relation), [_with_defaults(row) for row in chunk])
    session.flush()
    report.relations = dict(sorted(kinds.items()))
    report.circular = sorted(set(report.circular))
    return written


def _links(kind: str, status: str) -> bool:
    """Whether a relation of this kind and status joins its claims into one cluster."""
    return kind in SUPPORTING and status != REJECTED


def _with_defaults(values: dict[str, Any]) -> dict[str, Any]:
    return {"status": PROPOSED, "row_version": 1, **values}


def _values(item: Found) -> dict[str, Any]:
    judgement, linked = item.judgement, item.independence
    return {
        "kind": str(judgement.kind),
        "score": judgement.score,
        "reasons": list(judgement.reasons),
        "independent": linked.independent if linked is not None else None,
        "dependency": [*linked.shared, *linked.circular] if linked is not None else [],
    }


def _existing(
    session: Session, found: Sequence[Found], rematched: Sequence[int]
) -> dict[tuple[int, int], Relation]:
    """Stored relations of the found pairs, and every relation of re-matched claims.

    Reads the found pairs themselves (those the re-matched claims' own relations do not
    already cover), not every relation of their claims: a claim of a big story has
    thousands. Locked until the transaction ends: a reviewer's confirm or reject either
    lands before (and is kept) or waits for this run (and then sees its result).
    """
    again = set(rematched)
    wanted = sorted({(i.low, i.high) for i in found if i.low not in again and i.high not in again})
    queries: list[ColumnElement[bool]] = [
        or_(Relation.claim_id.in_(chunk), Relation.other_claim_id.in_(chunk))
        for chunk in chunks(sorted(again))
    ]
    queries += [
        tuple_(Relation.claim_id, Relation.other_claim_id).in_(chunk)
        for chunk in chunks(wanted, IN_LIST_SIZE // 2)
    ]
    rows: dict[tuple[int, int], Relation] = {}
    for where in queries:
        for relation in session.scalars(
            select(Relation)
            .where(where)
            .with_for_update()
            .execution_options(populate_existing=True)
        ):
            rows[(relation.claim_id, relation.other_claim_id)] = relation
    return rows


def live_links(session: Session, ids: Iterable[int], kinds: Iterable[str]) -> set[tuple[int, int]]:
    """Every non-rejected relation of these kinds touching `ids`, as (claim, other)."""
    wanted = set(kinds)
    statement = select(Relation.claim_id, Relation.other_claim_id, Relation.kind, Relation.status)
    return {
        (row.claim_id, row.other_claim_id)
        for row in touching(session, statement, ids)
        if row.status != REJECTED and row.kind in wanted
    }
