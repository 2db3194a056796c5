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

from claims.match.normalize.keys import WORD

PLACE_BITS = 32
"""A holder's place in the order the claims were added, below its word's id."""


class WordCounts:
    """How many of the first claims added held each word key, for any number of them."""

    def __init__(self, postings: Mapping[str, Sequence[int] | int], order: Sequence[int]) -> None:
        """`postings` maps keys to their holders in the order added (an int for one holder);
        `order` lists the claims' ids in the order they were added."""
        self._ids: dict[str, int] = {}
        lengths: list[int] = []
        holders: list[int] = []
        for key, held in postings.items():
            if not key.startswith(WORD):
                continue
            self._ids[key] = len(lengths)
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
        words = np.asarray(ids, dtype=np.int64)
        ends = np.searchsorted(self._held, (words << PLACE_BITS) + arrived)
        held = (ends - self._starts[words]).tolist()
        return {key: n for key, n in zip(known, held, strict=True) if n}, unknown
