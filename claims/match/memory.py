"""The claim index in memory: postings, key counts, texts and prepared claims.

What `claims match --rebuild`, the benchmark and the evaluations match against
(`claims.match.pipeline.ClaimIndex`); the database's twin is `claims.store.matching.index`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from claims.match.candidates import KeyIndex
from claims.match.models import MatchClaim
from claims.match.relate import Side, side
from claims.match.score import Rarity, match_text, text_word_keys
from claims.match.settled import WordArrays
from claims.match.word_counts import WordCounts


class MemoryIndex(KeyIndex):
    """Every claim added so far, kept whole, under its keys."""

    def __init__(self, *, keep_keys: bool = False) -> None:
        super().__init__()
        self._claims: dict[int, MatchClaim] = {}
        self.arrived: dict[int, int] = {}
        """Each claim's place in the order the claims were added (what `AsArrived` reads)."""
        self._order: list[int] = []
        self._ascending = True
        """Whether the claims were added in the order of their ids (then an id says its place)."""
        self._sides: dict[int, Side] = {}
        self._keep_keys = keep_keys
        self.keys: dict[int, Sequence[str]] = {}
        """Each claim's keys, when kept (a rebuild writes them to the database)."""
        self._compared: dict[int, str] = {}
        self._word_counts: WordCounts | None = None

    def add_claims(self, claims: Sequence[MatchClaim], keys: Mapping[int, Sequence[str]]) -> None:
        self._word_counts = None
        for claim in claims:
            self._claims[claim.id] = claim
            if self._order and claim.id <= self._order[-1]:
                self._ascending = False
            self.arrived[claim.id] = len(self._order)
            self._order.append(claim.id)
            self.add(claim.id, keys[claim.id])
            if self._keep_keys:
                self.keys[claim.id] = keys[claim.id]

    def total(self) -> int:
        return len(self._claims)

    def counts(self, keys: Iterable[str]) -> Mapping[str, int]:
        get = self._postings.get
        found: dict[str, int] = {}
        for key in keys:
            holders = get(key)
            if holders is not None:
                found[key] = 1 if isinstance(holders, int) else len(holders)
        return found

    def holders(self, keys: Sequence[str]) -> Mapping[str, Sequence[int]]:
        return {key: found for key in keys if (found := self.holders_of(key))}

    def complete(self) -> None:
        """Every claim is in: word counts of any time are read from now on through arrays
        (`claims.match.word_counts`), until a claim is added."""
        self._word_counts = WordCounts(self._postings, self._order)

    def counts_then(self, keys: Iterable[str], arrived: int) -> dict[str, int]:
        """`counts` as they stood when the first `arrived` claims were in the index."""
        if self._word_counts is None:
            return {key: count for key, _, count in self._held_then(keys, arrived)}
        found, rest = self._word_counts.counts(keys, arrived)
        found.update(self._counted_then(rest, arrived))
        return found

    def _counted_then(self, keys: Iterable[str], arrived: int) -> dict[str, int]:
        """`counts_then` of keys the word arrays do not hold (most are word pairs that one
        claim holds): `_held_then`'s counts, read in one loop when the claims came in the
        order of their ids."""
        rank, bound = self._bound(arrived)
        if rank is not None:
            return {key: count for key, _, count in self._held_then(keys, arrived)}
        get = self._postings.get
        found: dict[str, int] = {}
        for key in keys:
            held = get(key)
            if held is None:
                continue
            if isinstance(held, int):
                if held < bound:
                    found[key] = 1
            elif held[-1] < bound:
                found[key] = len(held)
            else:
                count = bisect_left(held, bound)
                if count:
                    found[key] = count
        return found

    def holders_then(self, keys: Sequence[str], arrived: int) -> dict[str, Sequence[int]]:
        """`holders` as they stood when the first `arrived` claims were in the index."""
        return {
            key: (held,) if isinstance(held, int) else held if count == len(held) else held[:count]
            for key, held, count in self._held_then(keys, arrived)
        }

    def _held_then(
        self, keys: Iterable[str], arrived: int
    ) -> Iterator[tuple[str, list[int] | int, int]]:
        """Each key some of the first `arrived` claims hold: its posting and how many of them
        (a prefix of the posting, which lists its claims in the order they were added)."""
        get = self._postings.get
        rank, bound = self._bound(arrived)
        for key in keys:
            held = get(key)
            if held is None:
                continue
            if isinstance(held, int):
                count = int((held if rank is None else rank(held)) < bound)
            elif (held[-1] if rank is None else rank(held[-1])) < bound:
                count = len(held)
            else:
                count = bisect_left(held, bound, key=rank)
            if count:
                yield key, held, count

    def _bound(self, arrived: int) -> tuple[Callable[[int], int] | None, int]:
        """How to read a holder's place, and the first place not arrived: when the claims
        came in the order of their ids, the ids themselves (no look-up), else their places."""
        if not self._ascending:
            return self.arrived.__getitem__, arrived
        order = self._order
        return None, order[arrived] if arrived < len(order) else (order[-1] + 1 if order else 0)

    def key_counts(self, ids: Sequence[int]) -> Mapping[int, int]:
        return {claim_id: self.sizes.get(claim_id, 0) for claim_id in ids}

    def texts(self, ids: Sequence[int]) -> Mapping[int, str]:
        return {claim_id: self._claims[claim_id].text for claim_id in ids}

    def match_texts(self, ids: Sequence[int]) -> dict[int, str]:
        """`claims.match.score.match_text` of these claims, kept per claim (a bounded cache
        of texts forgets most of them in a large rebuild)."""
        kept = self._compared
        found: dict[int, str] = {}
        for claim_id in ids:
            text = kept.get(claim_id)
            if text is None:
                prepared = self._sides.get(claim_id)
                claim_text = self._claims[claim_id].text
                text = prepared.match_text if prepared is not None else match_text(claim_text)
                kept[claim_id] = text
            found[claim_id] = text
        return found

    def word_keys(self, ids: Sequence[int]) -> dict[int, Sequence[str]]:
        """`claims.match.score.text_word_keys` of these claims."""
        return {claim_id: text_word_keys(self._claims[claim_id].text) for claim_id in ids}

    def arrival_words(
        self, ids: Sequence[int], arrived: int | None = None
    ) -> tuple[Rarity, WordArrays] | None:
        """The word rarity of the time the first `arrived` claims were in (all by default)
        for the words of these claims, and their words as arrays; None until the index is
        `complete`."""
        if self._word_counts is None:
            return None
        sides = self.sides(ids)
        words = {claim_id: sides[claim_id].word_set for claim_id in ids}
        return self._word_counts.arrival(words, self.total() if arrived is None else arrived)

    def keep_side(self, prepared: Side) -> None:
        """Keep a claim's side prepared elsewhere (`claims.match.side.restored`)."""
        self._sides[prepared.claim.id] = prepared

    def sides(self, ids: Sequence[int]) -> Mapping[int, Side]:
        found: dict[int, Side] = {}
        for claim_id in ids:
            prepared = self._sides.get(claim_id)
            if prepared is None:
                prepared = self._sides[claim_id] = side(self._claims[claim_id])
            found[claim_id] = prepared
        return found


class AsArrived:
    """A memory index holding every claim, read as it stood when its first `arrived` claims
    were in it.

    A rebuild indexes every claim first; each arrival then finds its candidates with the
    key counts of its own time, in any process and in any order: a posting lists its claims
    in the order they were added, so the holders of that time are a prefix of it.
    """

    def __init__(self, index: MemoryIndex, arrived: int) -> None:
        self._index = index
        self._arrived = arrived

    def add_claims(self, claims: Sequence[MatchClaim], keys: Mapping[int, Sequence[str]]) -> None:
        """Nothing to add: the claims are in the index already."""

    def total(self) -> int:
        return self._arrived

    def counts(self, keys: Iterable[str]) -> Mapping[str, int]:
        return self._index.counts_then(keys, self._arrived)

    def holders(self, keys: Sequence[str]) -> Mapping[str, Sequence[int]]:
        return self._index.holders_then(keys, self._arrived)

    def key_counts(self, ids: Sequence[int]) -> Mapping[int, int]:
        return self._index.key_counts(ids)

    def texts(self, ids: Sequence[int]) -> Mapping[int, str]:
        return self._index.texts(ids)

    def match_texts(self, ids: Sequence[int]) -> dict[int, str]:
        return self._index.match_texts(ids)

    def word_keys(self, ids: Sequence[int]) -> dict[int, Sequence[str]]:
        return self._index.word_keys(ids)

    def arrival_words(self, ids: Sequence[int]) -> tuple[Rarity, WordArrays] | None:
        return self._index.arrival_words(ids, self._arrived)

    def sides(self, ids: Sequence[int]) -> Mapping[int, Side]:
        return self._index.sides(ids)
