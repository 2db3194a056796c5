"""Claims as matching sees them: stored rows read back, or claims just extracted, in memory.

Stored claims are read with their features, chains (with the registry sources' names and
owners) and their documents' metadata, as plain rows on the session's connection (no ORM
work per row). At ingest the claims a document just yielded go to
the matcher as extraction made them (`arrived`), with only their chains' sources looked up.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from claims.extract.models import DocumentContext, ExtractedClaim
from claims.match.build import from_extracted, from_features, stored_frame
from claims.match.models import MatchClaim
from claims.match.origin import flagged_relays
from claims.sources.models import KnownSource
from claims.store.chunks import one_of
from claims.store.rows.chains import ChainRow, chain_nodes, chain_rows, source_owners
from db.models import Attribution, Claim, Document, Source


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
    owners = source_owners(session, set(names), planned)
    context = DocumentContext(
        outlet=document.outlet,
        original_publisher=document.original_publisher,
        published=document.published,
    )
    arriving = []
    for row, found in zip(rows, extracted, strict=True):
        chain = chain_nodes(
            _chain_row(link, names, owners)
            for link in sorted(row.attributions, key=lambda link: link.position)
        )
        claim = from_extracted(
            row.id, document.id, found, context, stored_frame(row.features.get("frame"))
        )
        relays = flagged_relays(row.propaganda_path, row.propaganda_override)
        update = {"chain": tuple(chain), "start": row.start, "flagged_relays": tuple(relays)}
        arriving.append(claim.model_copy(update=update))
    return arriving


def _chain_row(
    link: Attribution,
    sources: Mapping[int, tuple[str, str]],
    owners: Mapping[int, tuple[tuple[int, str], ...]],
) -> ChainRow:
    """A link just written as `chain_rows` would read it back."""
    source_id = link.source_id
    if source_id is None:
        return (link.role, link.mention, link.speaker_role, None, None, None, ())
    name, kind = sources.get(source_id, (None, None))
    held = owners.get(source_id, ())
    return (link.role, link.mention, link.speaker_role, source_id, name, kind, held)


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


def matched_claim_rows(session: Session, ids: Sequence[int]) -> Sequence[Row[Any]]:
    """The columns matching reads of stored claims `ids` and of their documents."""
    statement = (
        select(
            Claim.id,
            Claim.document_id,
            Claim.text,
            Claim.kind,
            Claim.features,
            Claim.start,
            Claim.propaganda_path,
            Claim.propaganda_override,
            Document.outlet,
            Document.original_publisher,
            Document.published,
        )
        .join(Document, Document.id == Claim.document_id)
        .where(one_of(session, Claim.id, ids))
    )
    return session.connection().execute(statement).all()
