"""Stored chains read back as matching's chain links: one reader for matching and origins.

Links come as plain rows on the session's connection (no ORM work per row), with each
source's registry name and kind and, when asked, its owners (the `parent_id` walk).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.match.models import ChainNode
from claims.sources.models import KnownSource
from claims.store.chunks import one_of
from db.models import Attribution, Source

MAX_OWNER_DEPTH = 8

ChainRow = tuple[
    str, str, str | None, int | None, str | None, str | None, tuple[tuple[int, str], ...]
]
"""A chain link as read: role, mention, the speaker's role in the text, source id, the
source's name and kind, its owners."""


def chain_rows(
    session: Session, ids: Sequence[int], with_owners: bool = True
) -> dict[int, tuple[ChainRow, ...]]:
    """Each claim's chain links as read, in position order (plain values, compared cheaply);
    without `with_owners` the owners are left empty and not read."""
    rows = (
        session.connection()
        .execute(
            select(
                Attribution.claim_id,
                Attribution.role,
                Attribution.mention,
                Attribution.speaker_role,
                Attribution.source_id,
                Source.name,
                Source.kind,
            )
            .outerjoin(Source, Source.id == Attribution.source_id)
            .where(one_of(session, Attribution.claim_id, ids))
            .order_by(Attribution.claim_id, Attribution.position)
        )
        .all()
    )
    linked = {row.source_id for row in rows if row.source_id is not None}
    owners = source_owners(session, linked) if with_owners else {}
    chains: dict[int, list[ChainRow]] = defaultdict(list)
    for row in rows:
        source_id = row.source_id
        name, kind = (row.name, row.kind) if source_id is not None else (None, None)
        held = owners.get(source_id, ()) if source_id is not None else ()
        link = (row.role, row.mention, row.speaker_role, source_id, name, kind, held)
        chains[row.claim_id].append(link)
    return {claim_id: tuple(chain) for claim_id, chain in chains.items()}


def chain_nodes(chain: Iterable[ChainRow]) -> list[ChainNode]:
    """The chain links of `chain_rows` as matching's models."""
    return [
        ChainNode(
            role=role,
            mention=mention,
            speaker_role=speaker_role,
            source_id=source_id,
            source_name=name,
            source_kind=kind,
            owners=owners,
        )
        for role, mention, speaker_role, source_id, name, kind, owners in chain
    ]


def source_owners(
    session: Session, source_ids: set[int], planned: Mapping[int, KnownSource] | None = None
) -> dict[int, tuple[tuple[int, str], ...]]:
    """Each source's owners, nearest first, following `parent_id` (cycles stop the walk);
    `planned` sources, not written yet, are known without reading."""
    known: dict[int, tuple[str, int | None]] = {
        i: (source.name, source.parent_id) for i, source in (planned or {}).items()
    }
    wanted = set(source_ids)
    for _ in range(MAX_OWNER_DEPTH + 1):
        missing = sorted(wanted - set(known))
        if missing:
            for row in session.connection().execute(
                select(Source.id, Source.name, Source.parent_id).where(
                    one_of(session, Source.id, missing)
                )
            ):
                known[row.id] = (row.name, row.parent_id)
        wanted = {parent for _, parent in known.values() if parent is not None}
        if not wanted - set(known):
            break
    result: dict[int, tuple[tuple[int, str], ...]] = {}
    for source_id in source_ids:
        chain: list[tuple[int, str]] = []
        parent = known.get(source_id, ("", None))[1]
        while parent is not None and parent in known and parent != source_id:
            if any(owner == parent for owner, _ in chain) or len(chain) >= MAX_OWNER_DEPTH:
                break
            chain.append((parent, known[parent][0]))
            parent = known[parent][1]
        result[source_id] = tuple(chain)
    return result
