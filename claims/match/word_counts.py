"""Word counts of a complete index as they stood at any arrival, many words read at once.

A rebuild with workers indexes every claim first, then matches each arrival against the
index as it stood when that arrival came (`claims.match.memory.AsArrived`). Judging an
arrival weighs the words of every claim its pairs involve, often a thousand words, each
counted over the claims arrived by then; read one posting at a time (a bisection each),
that was a tenth of the match. Here every word key has an integer id and the postings of
all word keys lie in one sorted array of (id, place) numbers, so that the counts of all of
an arrival's words are two `searchsorted` calls.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from claims.match.normalize.keys import MAX_KEY_CHARS, WORD
from claims.match.score import SMALL_CORPUS, Rarity, inverse_frequency
from claims.match.settled import WordArrays

PLACE_BITS = 32
"""A holder's place in the order the claims were added, below its word's id."""


class WordCounts:
    """How many of the first claims added held each word key, for any number of them."""

    def __init__(self, postings: Mapping[str, Sequence[int] | int], order: Sequence[int]) -> None:
        """`postings` maps keys to their holders in the order added (an int for one holder);
        `order` lists the claims' ids in the order they were added."""
        self._ids: dict[str, int] = {}
        self._words: list[str] = []
        """Each word key's word, by id."""
        self._claims: dict[int, tuple[np.ndarray, bool]] = {}
        lengths: list[int] = []
        holders: list[int] = []
        for key, held in postings.items():
            if not key.startswith(WORD):
                continue
            self._ids[key] = len(lengths)
            self._words.append(key[len(WORD) :])
            if isinstance(held, int):
                holders.append(held)
                lengths.append(1)
            else:
                holders.extend(held)
                lengths.append(len(held))
        ids = np.asarray(order, dtype=np.int64)
        sorter = np.argsort(ids, kind="stable")
        found = np.asarray(holders, dtype=np.int64)
        places = sorter[np.searchsorted(ids, found, sorter=sorter)]
        words = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        self._held = (words << PLACE_BITS) | places
        """Every posting of a word key as (id, place), sorted: a posting lists its holders
        in the order they were added."""
        self._names = np.asarray(self._words, dtype=object)
        """The words by id, to pick many at once."""
        self._starts = np.zeros(len(lengths) + 1, dtype=np.int64)
        np.cumsum(lengths, out=self._starts[1:])

    def counts(self, keys: Iterable[str], arrived: int) -> tuple[dict[str, int], list[str]]:
        """How many of the first `arrived` claims held each word key (those none held left
        out), and the keys this does not know (no word keys, or not in the index)."""
        get = self._ids.get
        known: list[str] = []
        ids: list[int] = []
        unknown: list[str] = []
        for key in keys:
            found = get(key)
            if found is None:
                unknown.append(key)
            else:
                known.append(key)
                ids.append(found)
        if not ids:
            return {}, unknown
        held = self._counts(np.asarray(ids, dtype=np.int64), arrived).tolist()
        return {key: n for key, n in zip(known, held, strict=True) if n}, unknown

    def arrival(
        self, words: Mapping[int, frozenset[str]], arrived: int
    ) -> tuple[Rarity, WordArrays]:
        """The word rarity of the time the first `arrived` claims were in, for the words of
        these claims (`Arrival.rarity`), and their words as arrays (`WordArrays`).

        A word is weighed as `Rarity.of_keys` weighs it from the counts of its key: its
        weight computed once for each count with the same function; a word whose key is
        clipped (`MAX_KEY_CHARS`) or unknown is left to weigh as unseen, as it would there,
        and its claims are not settled in arrays."""
        held = {claim_id: self._claim_words(claim_id, found) for claim_id, found in words.items()}
        seen = np.zeros(len(self._words), dtype=np.bool_)
        for ids, _ in held.values():
            seen[ids] = True
        every = np.flatnonzero(seen)
        counts = self._counts(every, arrived)
        names = self._names[every].tolist()
        rarity = Rarity(dict(zip(names, counts.tolist(), strict=True)), arrived)
        if arrived >= SMALL_CORPUS:
            distinct, place = np.unique(counts, return_inverse=True)
            by_count = [inverse_frequency(arrived, n) for n in distinct.tolist()]
            weighed = np.asarray(by_count, dtype=np.float64)[place]
            rarity.prefill(dict(zip(names, weighed.tolist(), strict=True)))
            weights = np.empty(len(self._words), dtype=np.float64)
            weights[every] = weighed
        else:
            weights = np.ones(len(self._words), dtype=np.float64)
        exact = {claim_id: ids for claim_id, (ids, whole) in held.items() if whole}
        return rarity, WordArrays(exact, weights)

    def _claim_words(self, claim_id: int, words: frozenset[str]) -> tuple[np.ndarray, bool]:
        """A claim's distinct words as ids (kept), and whether each word has one."""
        kept = self._claims.get(claim_id)
        if kept is None:
            get = self._ids.get
            found: list[int] = []
            for word in words:
                key = WORD + word
                known = get(key) if len(key) <= MAX_KEY_CHARS else None
                if known is not None:
                    found.append(known)
            ids = np.asarray(found, dtype=np.int64)
            kept = self._claims[claim_id] = (ids, len(found) == len(words))
        return kept

    def _counts(self, words: np.ndarray, arrived: int) -> np.ndarray:
        """How many of the first `arrived` claims held each of these word ids."""
        ends = np.searchsorted(self._held, (words << PLACE_BITS) + arrived)
        found: np.ndarray = ends - self._starts[words]
        return found
