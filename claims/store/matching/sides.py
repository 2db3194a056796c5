"""Stored candidates as judging sees them (`Side`), built from the rows matching reads.

Judging a document's pairs reads the stored claims they point to: their matched columns,
their chains (links, sources' names, kinds and owners)
and their documents' metadata, decoded and prepared for `relate` (words, subjects, frame
marks, cue counts). Sides are built afresh for each document: keeping them between
documents found too few again at the whole BBC corpus to pay for the memory they held.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from claims.match.build import from_features
from claims.match.origin import flagged_relays
from claims.match.relate import Side, side
from claims.store.matching.loading import matched_claim_rows
from claims.store.rows.chains import ChainRow, chain_nodes, chain_rows


def stored_sides(session: Session, ids: Sequence[int]) -> Mapping[int, Side]:
    """The sides of stored claims `ids`, as `load_claims` and `side` would make them."""
    if not ids:
        return {}
    chains = chain_rows(session, ids)
    rows = matched_claim_rows(session, ids)
    return {
        row.id: _built(row, chains.get(row.id, ()))
        for row in sorted(rows, key=lambda row: int(row.id))  # in id order, as `load_claims`
    }


def _built(row: Any, chain: Sequence[ChainRow]) -> Side:
    """The side of one claim from its row, as `load_claims` and `side` would make it."""
    features = row.features
    claim = from_features(
        row.id,
        row.document_id,
        row.text,
        features if isinstance(features, dict) else {},
        start=row.start,
        kind=row.kind,
        chain=chain_nodes(chain),
        outlet=row.outlet,
        original_publisher=row.original_publisher,
        published=row.published,
        flagged_relays=flagged_relays(row.propaganda_path, row.propaganda_override),
    )
    return side(claim)
