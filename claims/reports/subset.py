"""Cutting an export into smaller self-contained exports (one per document or per claim).

Mirrors `claims.store.exports` in memory: the focus claims, the claims related to them, their
documents with earlier versions, their sources with parents, clusters and reviews.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from claims.reports.schema import Export, ExportSelection
from claims.reports.view import focus_claims


def restrict(
    export: Export, focus_ids: Iterable[int], selection: ExportSelection | None = None
) -> Export:
    """The part of `export` a report on `focus_ids` needs; every id in it resolves."""
    focus = set(focus_ids)
    relations = [r for r in export.relations if r.claim_id in focus or r.other_claim_id in focus]
    claim_ids = focus | {r.claim_id for r in relations} | {r.other_claim_id for r in relations}
    claims = [c for c in export.claims if c.id in claim_ids]
    chosen = selection or ExportSelection(claim_ids=sorted(focus))
    document_ids = {c.document_id for c in claims} | set(chosen.document_ids)
    documents = {d.id: d for d in export.documents}
    document_ids = _with_ancestors(document_ids, {i: d.previous_id for i, d in documents.items()})
    sources = {s.id: s for s in export.sources}
    source_ids = {link.source_id for c in claims for link in c.attribution if link.source_id}
    source_ids = _with_ancestors(source_ids, {i: s.parent_id for i, s in sources.items()})
    cluster_ids = {c.cluster_id for c in claims if c.cluster_id is not None}
    return export.model_copy(
        update={
            "documents": [d for d in export.documents if d.id in document_ids],
            "sources": [s for s in export.sources if s.id in source_ids],
            "claims": claims,
            "relations": relations,
            "reviews": [r for r in export.reviews if r.claim_id in claim_ids],
            "clusters": [c for c in export.clusters if c.id in cluster_ids],
            "selection": chosen.model_copy(
                update={"focus_claim_ids": sorted(c.id for c in claims if c.id in focus)}
            ),
        }
    )


def per_document(export: Export) -> Iterator[tuple[int, str | None, Export]]:
    """(document id, title, export) for each document holding claims in focus."""
    by_document: dict[int, list[int]] = {}
    for claim in focus_claims(export):
        by_document.setdefault(claim.document_id, []).append(claim.id)
    titles = {d.id: d.title or d.origin for d in export.documents}
    for document_id, claim_ids in sorted(by_document.items()):
        selection = _narrowed(export, document_ids=[document_id])
        yield document_id, titles.get(document_id), restrict(export, claim_ids, selection)


def per_claim(export: Export) -> Iterator[tuple[int, str | None, Export]]:
    """(claim id, its text, export) for each claim in focus."""
    for claim in focus_claims(export):
        selection = _narrowed(export, claim_ids=[claim.id])
        yield claim.id, claim.text, restrict(export, [claim.id], selection)


def _narrowed(
    export: Export, *, claim_ids: list[int] | None = None, document_ids: list[int] | None = None
) -> ExportSelection:
    base = export.selection or ExportSelection()
    return base.model_copy(
        update={
            "claim_ids": claim_ids if claim_ids is not None else base.claim_ids,
            "document_ids": document_ids if document_ids is not None else base.document_ids,
        }
    )


def _with_ancestors(ids: set[int], parent_of: dict[int, int | None]) -> set[int]:
    found, todo = set(ids), list(ids)
    while todo:
        parent = parent_of.get(todo.pop())
        if parent is not None and parent not in found and parent in parent_of:
            found.add(parent)
            todo.append(parent)
    return found
