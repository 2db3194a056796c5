"""Stored candidates' sides kept between a writer's documents, each with what it was built from.

Building a stored candidate's side (`claims.store.matching.sides`) decodes and validates its
features, chain and document metadata, and judging then prepares its words, subjects and
frame marks: about a millisecond a candidate, and a document at 1,000 articles meets a few
hundred candidates, most of them met by an earlier document already. A writer keeps the
sides it built, with everything judging computed on them, packed (pickled, compressed: about
1.4 KB a side against about 20 KB alive) and stamped with a digest of the rows they were
built from. A side is used again only when the rows read for it now have the same digest,
so a claim, chain, source or document changed since is built afresh: the sides are the same
with the memo or without it, and so are the judgements. The least recently used go past
`MAX_SIDES`.
"""

from __future__ import annotations

import hashlib
import pickle
import zlib
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from claims.match.relate import Side

MAX_SIDES = 10_000
"""Sides kept (about 16 MB). At 1,000 BBC articles a document's candidates were met before
about three times in four with this many kept, and five in six with all of them kept."""


def digest(inputs: Any) -> bytes:
    """A digest of the plain values a side is built from (ints, texts, dates, tuples)."""
    return hashlib.blake2b(repr(inputs).encode("utf-8"), digest_size=16).digest()


@dataclass
class _Lent:
    side: Side
    stamp: bytes
    prepared: int
    """How many values judging had prepared on the side when it was lent."""


@dataclass
class KeptSides:
    """Packed sides by claim id, least recently used first, and the sides lent out since the
    last `pack` (judged on, so they are packed again with what judging prepared)."""

    packed: OrderedDict[int, tuple[bytes, bytes]] = field(default_factory=OrderedDict)
    """claim -> (digest of its inputs, packed side)."""
    lent: dict[int, _Lent] = field(default_factory=dict)
    hits: int = 0
    built: int = 0

    def sides(
        self, stamps: Mapping[int, bytes], build: Callable[[Sequence[int]], Mapping[int, Side]]
    ) -> dict[int, Side]:
        """The sides of the claims in `stamps` (id -> digest of what they are read from now):
        kept ones whose digest is the same, the others made by `build`."""
        self.pack()
        found: dict[int, Side] = {}
        missing = []
        for claim_id, stamp in stamps.items():
            kept = self.packed.get(claim_id)
            if kept is not None and kept[0] == stamp:
                packed = zlib.decompress(kept[1])  # packed by this process, never read in
                found[claim_id] = pickle.loads(packed)  # noqa: S301
                self.packed.move_to_end(claim_id)
            else:
                missing.append(claim_id)
        self.hits += len(found)
        self.built += len(missing)
        found.update(build(missing))
        for claim_id, side in found.items():
            self.lent[claim_id] = _Lent(side, stamps[claim_id], len(vars(side)))
        return found

    def pack(self) -> None:
        """Keep the sides lent since the last call, with what judging prepared on them."""
        for claim_id, lent in self.lent.items():
            side = lent.side
            side._weighed, side._total = None, 0.0  # no rarity of a past document held
            kept = self.packed.get(claim_id)
            if kept is None or kept[0] != lent.stamp or len(vars(side)) != lent.prepared:
                blob = zlib.compress(pickle.dumps(side, protocol=pickle.HIGHEST_PROTOCOL), 1)
                self.packed[claim_id] = (lent.stamp, blob)
            self.packed.move_to_end(claim_id)
        self.lent = {}
        while len(self.packed) > MAX_SIDES:
            self.packed.popitem(last=False)
