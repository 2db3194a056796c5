"""Stored candidates as judging sees them (`Side`), built from the rows matching reads.

Judging a document's pairs reads the stored claims they point to: their matched columns,
their chains (links, sources' names, kinds and owners)
and their documents' metadata, decoded and prepared for `relate` (words, subjects, frame
marks, cue counts). A writer keeps the sides it built between its documents
(`claims.store.matching.kept_sides`), each stamped with the rows it was built from: the rows
are read for every document, and a side is built again only when they changed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from claims.match.build import from_features
from claims.match.origin import flagged_relays
from claims.match.relate import Side, side
from claims.store.matching.kept_sides import KeptSides, digest
from claims.store.matching.loading import matched_claim_rows
from claims.store.rows.chains import ChainRow, chain_nodes, chain_rows


def stored_sides(
    session: Session, ids: Sequence[int], kept: KeptSides | None = None
) -> Mapping[int, Side]:
    """The sides of stored claims `ids`, as `load_claims` and `side` would make them; with
    `kept`, those kept from earlier documents whose rows are unchanged are used again."""
    if not ids:
        return {}
    chains = chain_rows(session, ids)
    rows = {row.id: row for row in matched_claim_rows(session, ids, raw_features=True)}
    inputs = {i: (tuple(rows[i]), chains.get(i, ())) for i in sorted(rows)}
    if kept is None:
        return {i: _built(*found) for i, found in inputs.items()}  # in id order, as `load_claims`

    def build(missing: Sequence[int]) -> dict[int, Side]:
        return {i: _built(*inputs[i]) for i in missing}

    found = kept.sides({i: digest(values) for i, values in inputs.items()}, build)
    return {i: found[i] for i in inputs}


def _built(row: Any, chain: Sequence[ChainRow]) -> Side:
    """The side of one claim from its row (features as stored JSON text), as `load_claims`
    and `side` would make it."""
    (
        claim_id,
        document_id,
        text,
        kind,
        stored_features,
        start,
        propaganda_path,
        propaganda_override,
        outlet,
        original_publisher,
        published,
    ) = row
    features = json.loads(stored_features) if stored_features is not None else None
    claim = from_features(
        claim_id,
        document_id,
        text,
        features if isinstance(features, dict) else {},
        start=start,
        kind=kind,
        chain=chain_nodes(chain),
        outlet=outlet,
        original_publisher=original_publisher,
        published=published,
        flagged_relays=flagged_relays(propaganda_path, propaganda_override),
    )
    return side(claim)
