"""Claims as matching sees them: stored rows read back, or claims just extracted, in memory.

Stored claims are read with their features, chains (with the registry sources' names and
owners) and their documents' metadata, as plain rows on the session's connection (no ORM
work per row). At ingest the claims a document just yielded go to
the matcher as extraction made them (`arrived`), with only their chains' sources looked up.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Row, Text, cast, select
from sqlalchemy.orm import Session

from claims.extract.models import DocumentContext, ExtractedClaim
from claims.match.build import from_extracted, from_features, stored_frame
from claims.match.models import ChainNode, MatchClaim
from claims.match.origin import flagged_relays
from claims.sources.models import KnownSource
from claims.store.chunks import one_of
from db.models import Attribution, Claim, Document, Source

MAX_OWNER_DEPTH = 8


def load_claims(session: Session, ids: Sequence[int]) -> list[MatchClaim]:
    """Stored claims as matching sees them: features, chain, owners, document metadata."""
    if not ids:
        return []
    chains = chain_rows(session, ids)
    loaded = []
    rows = matched_claim_rows(session, ids)
    for row in rows:
        loaded.append(
            from_features(
                row.id,
                row.document_id,
                row.text,
                row.features if isinstance(row.features, dict) else {},
                start=row.start,
                kind=row.kind,
                chain=chain_nodes(chains.get(row.id, ())),
                outlet=row.outlet,
                original_publisher=row.original_publisher,
                published=row.published,
                flagged_relays=flagged_relays(row.propaganda_path, row.propaganda_override),
            )
        )
    return sorted(loaded, key=lambda claim: claim.id)


def arrived(
    session: Session,
    document: Document,
    rows: Sequence[Claim],
    extracted: Sequence[ExtractedClaim],
    planned: Mapping[int, KnownSource] | None = None,
) -> list[MatchClaim]:
    """Claims just stored, from what extraction found (`rows[i]` stores `extracted[i]`).

    The same claims `load_claims` would read back, without writing, reading and validating
    their features again: only their chains' sources are looked up. `planned` holds the
    sources links point to that are not written yet (claims about to be stored).
    """
    planned = planned or {}
    links = [link for row in rows for link in row.attributions]
    linked = {link.source_id for link in links if link.source_id is not None}
    names = _names(session, linked - planned.keys())
    names.update({i: (known.name, known.kind) for i, known in planned.items()})
    owners = _owners(session, set(names), planned)
    context = DocumentContext(
        outlet=document.outlet,
        original_publisher=document.original_publisher,
        published=document.published,
    )
    arriving = []
    for row, found in zip(rows, extracted, strict=True):
        chain = [
            _node(link.role, link.mention, link.source_id, names, owners)
            for link in sorted(row.attributions, key=lambda link: link.position)
        ]
        claim = from_extracted(
            row.id, document.id, found, context, stored_frame(row.features.get("frame"))
        )
        relays = flagged_relays(row.propaganda_path, row.propaganda_override)
        update = {"chain": tuple(chain), "start": row.start, "flagged_relays": tuple(relays)}
        arriving.append(claim.model_copy(update=update))
    return arriving


def _node(
    role: str,
    mention: str,
    source_id: int | None,
    sources: Mapping[int, tuple[str, str]],
    owners: Mapping[int, tuple[tuple[int, str], ...]],
) -> ChainNode:
    name, kind = sources.get(source_id, (None, None)) if source_id is not None else (None, None)
    return ChainNode(
        role=role,
        mention=mention,
        source_id=source_id,
        source_name=name,
        source_kind=kind,
        owners=owners.get(source_id, ()) if source_id is not None else (),
    )


def _names(session: Session, source_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """Each source's name and registry kind."""
    wanted = set(source_ids)
    if not wanted:
        return {}
    query = select(Source.id, Source.name, Source.kind).where(one_of(session, Source.id, wanted))
    return {
        source_id: (name, kind)
        for source_id, name, kind in session.connection().execute(query).all()
    }


ChainRow = tuple[str, str, int | None, str | None, str | None, tuple[tuple[int, str], ...]]
"""A chain link as read: role, mention, source id, the source's name and kind, its owners."""


def chain_rows(session: Session, ids: Sequence[int]) -> dict[int, tuple[ChainRow, ...]]:
    """Each claim's chain links as read, in position order (plain values, compared cheaply)."""
    rows = (
        session.connection()
        .execute(
            select(
                Attribution.claim_id,
                Attribution.role,
                Attribution.mention,
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
    owners = _owners(session, {row.source_id for row in rows if row.source_id is not None})
    chains: dict[int, list[ChainRow]] = defaultdict(list)
    for row in rows:
        source_id = row.source_id
        name, kind = (row.name, row.kind) if source_id is not None else (None, None)
        held = owners.get(source_id, ()) if source_id is not None else ()
        chains[row.claim_id].append((row.role, row.mention, source_id, name, kind, held))
    return {claim_id: tuple(chain) for claim_id, chain in chains.items()}


def matched_claim_rows(
    session: Session, ids: Sequence[int], stored_text: bool = False
) -> Sequence[Row[Any]]:
    """The columns matching reads of stored claims `ids` and of their documents; with
    `stored_text`, the JSON columns as the text stored (what a kept side's digest is of)."""
    features: Any = Claim.features
    path: Any = Claim.propaganda_path
    if stored_text:
        features = cast(Claim.features, Text).label("features")
        path = cast(Claim.propaganda_path, Text).label("propaganda_path")
    statement = (
        select(
            Claim.id,
            Claim.document_id,
            Claim.text,
            Claim.kind,
            features,
            Claim.start,
            path,
            Claim.propaganda_override,
            Document.outlet,
            Document.original_publisher,
            Document.published,
        )
        .join(Document, Document.id == Claim.document_id)
        .where(one_of(session, Claim.id, ids))
    )
    return session.connection().execute(statement).all()


def chain_nodes(chain: Iterable[ChainRow]) -> list[ChainNode]:
    """The chain links of `chain_rows` as matching's models."""
    return [
        ChainNode(
            role=role,
            mention=mention,
            source_id=source_id,
            source_name=name,
            source_kind=kind,
            owners=owners,
        )
        for role, mention, source_id, name, kind, owners in chain
    ]


def _owners(
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
