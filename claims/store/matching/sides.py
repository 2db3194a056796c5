"""Stored candidates as judging sees them (`Side`), kept between documents while unchanged.

Every document reads the claims its candidates point to, decodes their features (JSON, then
pydantic) and prepares them for judging (words, subjects, frame marks, cue counts), and as
the store fills the same claims come back document after document. A side is a pure function
of what is read for it: the claim's columns that matching reads (features as stored text),
its chain (links, sources' names and kinds, owners) and its document's metadata. So the side
built for a claim is kept (a bounded number of claims, the most recently used) beside a
digest of those values as they were read, and reused only when the same values are read
again: a claim whose features, chain, flag path or document changed since is built anew.
Nothing is trusted from an earlier transaction but the arithmetic.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from claims.match.build import from_features
from claims.match.origin import flagged_relays
from claims.match.relate import Side, side
from claims.store.matching.loading import matched_claim_rows
from claims.store.rows.chains import ChainRow, chain_nodes, chain_rows

KEPT_SIDES = 0
"""Claims whose sides are kept, the most recently used: about 14 KB each. None by default:
over the whole BBC corpus beside the previous writer, 1,024 kept found 21 % of the sides
asked for, saved about 1 % of the writer's CPU in the last tenth, and took the peak memory of
all ingest processes from 497 to 514 MB, past the 500 MB floor. The replayed look-ups of 600
articles: 8,192 kept would find 89 %, 4,096 79 %, 2,048 55 %, 1,024 34 %."""

Stamp = bytes
"""A digest of everything a side is built from, as read: equal stamps build equal sides."""


class SideCache:
    """Sides of stored claims by claim id, each with the stamp it was built from."""

    def __init__(self, size: int = KEPT_SIDES) -> None:
        self.size = size
        self._kept: OrderedDict[int, tuple[Stamp, Side]] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, claim_id: int, stamp: Stamp) -> Side | None:
        kept = self._kept.get(claim_id)
        if kept is None or kept[0] != stamp:
            self.misses += 1
            return None
        self._kept.move_to_end(claim_id)
        self.hits += 1
        return kept[1]

    def put(self, claim_id: int, stamp: Stamp, built: Side) -> None:
        self._kept[claim_id] = (stamp, built)
        self._kept.move_to_end(claim_id)
        while len(self._kept) > self.size:
            self._kept.popitem(last=False)

    def clear(self) -> None:
        self._kept.clear()

    def __len__(self) -> int:
        return len(self._kept)


SIDES = SideCache()
"""The writer's sides, shared by every session of the process (stamps make that safe)."""


def stored_sides(
    session: Session, ids: Sequence[int], cache: SideCache = SIDES
) -> Mapping[int, Side]:
    """The sides of stored claims `ids`, reused from `cache` where nothing they read changed."""
    if not ids:
        return {}
    chains = chain_rows(session, ids)
    rows = matched_claim_rows(session, ids, stored_text=True)
    sides: dict[int, Side] = {}
    for row in sorted(rows, key=lambda row: int(row.id)):  # in id order, as `load_claims`
        chain = chains.get(row.id, ())
        if not cache.size:
            sides[row.id] = _built(row, chain)
            continue
        stamp = _stamp((*row[1:], chain))
        found = cache.get(row.id, stamp)
        if found is None:
            found = _built(row, chain)
            cache.put(row.id, stamp, found)
        sides[row.id] = found
    return sides


def _built(row: Any, chain: Sequence[ChainRow]) -> Side:
    """The side of one claim from its row, as `load_claims` and `side` would make it."""
    features = _decoded(row.features)
    path = _decoded(row.propaganda_path)
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
        flagged_relays=flagged_relays(path, row.propaganda_override),
    )
    return side(claim)


def _stamp(read: tuple[Any, ...]) -> Stamp:
    """A 128-bit digest of the values read (their text is as long as the side is large)."""
    return hashlib.blake2b(repr(read).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _decoded(stored: str | None) -> Any:
    return None if stored is None else json.loads(stored)
