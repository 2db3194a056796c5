"""A document's chains resolved and its claims proposed on a read snapshot, written as they are.

Ingest resolves a new document's chain links against the registry and proposes its claims'
credibility on a read snapshot, to judge its pairs before the write transaction
(`claims.store.documents.ahead`). The transaction used to do both again. Resolution and the
proposal read only the registry (sources, their aliases and flags) and the claims' own
chains, so when the registry's fingerprint (`claims.store.sources.index`: rows added and
changed, largest ids, kept by the database) reads inside the transaction as it read on the
snapshot, the transaction would find exactly what the snapshot found, the sources to create
included, in the same order; it then writes those sources and gives the links and flag
paths their real ids instead of resolving again. Otherwise it resolves as before.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from claims.store.credibility.proposals import DERIVED_FIELDS
from claims.store.sources.index import Fingerprint, fingerprint
from claims.store.sources.new import NewSourceConflict, NewSources
from db.models import Claim

LinkValues = tuple[int | None, str | None, float | None]
"""A chain link's source id, resolution method and score."""


@dataclass(frozen=True)
class Resolved:
    """Claim rows' resolved links and proposals as a snapshot found them (planned sources on
    temporary ids), and the registry's fingerprint there. Read only, so a retried
    transaction can use it again."""

    registry: Fingerprint
    sources: NewSources
    """The sources the links need that the registry did not hold, planned, unwritten."""
    links: tuple[tuple[LinkValues, ...], ...]
    """Per claim, per link in position order."""
    derived: tuple[Mapping[str, Any], ...]
    """Per claim, the values of `DERIVED_FIELDS`."""


def resolved_on(session: Session, claims: Sequence[Claim], sources: NewSources) -> Resolved:
    """What resolution and the proposal gave `claims` on `session`'s snapshot, with the
    fingerprint of the registry they read (the same snapshot: read before or after)."""
    return Resolved(
        registry=fingerprint(session),
        sources=sources,
        links=tuple(
            tuple(
                (link.source_id, link.resolution, link.resolution_score)
                for link in _in_order(claim)
            )
            for claim in claims
        ),
        derived=tuple({name: getattr(claim, name) for name in DERIVED_FIELDS} for claim in claims),
    )


def apply_resolved(session: Session, claims: Sequence[Claim], resolved: Resolved) -> bool:
    """Give `claims` (the same rows, built again) what the snapshot resolved and proposed,
    writing the sources it planned; False, with nothing written, when the registry changed
    since or a concurrent writer's source is in the way (the caller resolves them itself)."""
    if len(claims) != len(resolved.links) or fingerprint(session) != resolved.registry:
        return False
    if any(
        len(claim.attributions) != len(links)
        for claim, links in zip(claims, resolved.links, strict=True)
    ):
        return False
    try:
        ids = resolved.sources.write(session)
    except NewSourceConflict:
        return False
    for claim, links, derived in zip(claims, resolved.links, resolved.derived, strict=True):
        for link, (source_id, method, score) in zip(_in_order(claim), links, strict=True):
            link.source_id = ids.get(source_id, source_id) if source_id is not None else None
            link.resolution, link.resolution_score = method, score
        for name, value in derived.items():
            setattr(claim, name, _renumbered(name, value, ids))
    return True


def _in_order(claim: Claim) -> list[Any]:
    return sorted(claim.attributions, key=lambda link: link.position)


def _renumbered(name: str, value: Any, ids: Mapping[int, int]) -> Any:
    """A derived value with planned source ids replaced by the ids they were written with:
    only the flag path names sources by id."""
    if name != "propaganda_path" or not ids or not value:
        return value
    return [{**step, "source_id": ids.get(step["source_id"], step["source_id"])} for step in value]
