"""The registry names a fuzzy look-up has to score, found without scoring them all.

`token_set_ratio` reaches the cutoff only for a name that shares a word with the mention or,
sharing none, whose sorted words are spelled alike as a whole. The first are found by word;
for the second, two strings within the cutoff's edit distance keep enough two-letter pieces
in common, counted for every name holding any of the mention's pieces at once (an array of
positions per piece, so that no registry name is visited in Python: the count, not the
registry's size, sets the cost). The names found are scored in their registry order, so
`rapidfuzz.process.extract` returns what it returns over every name.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import numpy as np
import numpy.typing as npt


class FuzzyChoices:
    """Every indexed name in registry order, and indexes by word, piece and length."""

    def __init__(self) -> None:
        self.choices: list[str] = []
        self._by_word: dict[str, list[int]] = defaultdict(list)
        self._by_piece: dict[str, list[int]] = defaultdict(list)
        self._by_length: dict[int, list[int]] = defaultdict(list)
        self._lengths: list[int] = []
        self._piece_arrays: dict[str, npt.NDArray[np.int64]] = {}
        self._length_cache = _NONE

    def __len__(self) -> int:
        return len(self.choices)

    def add(self, choice: str) -> None:
        """Index one more name; its position is its place in `choices`."""
        position = len(self.choices)
        self.choices.append(choice)
        for word in set(choice.split()):
            self._by_word[word].append(position)
        joined = _joined(choice)
        pieces = _pieces(joined)
        for piece in pieces:
            self._by_piece[piece].append(position)
        self._by_length[len(joined)].append(position)
        self._lengths.append(len(joined))

    def candidates(self, query: str, cutoff: float) -> list[int]:
        """Positions of every name whose `token_set_ratio` with `query` can reach `cutoff`.

        A superset, in registry order: names sharing a word with the query, and names
        sharing none whose sorted words are close enough as strings: of a possible length,
        holding as many of the query's two-letter pieces as the two lengths require
        (counted over the pieces' arrays of positions), or, when both names are very short,
        any of a possible length.
        """
        words = set(query.split())
        if not words:
            return []
        found: set[int] = set()
        for word in words:
            found.update(self._by_word.get(word, ()))
        joined = _joined(query)
        lengths = _possible_lengths(len(joined), cutoff)
        need = {length: _shared_pieces(len(joined) + length, cutoff) for length in lengths}
        if min(need.values(), default=0) < 1:
            for length in lengths:
                found.update(self._by_length.get(length, ()))
            return sorted(found)
        postings = [self._posting(piece) for piece in _pieces(joined) if piece in self._by_piece]
        if postings:
            held, shared = np.unique(np.concatenate(postings), return_counts=True)
            lengths_held = self._length_array()[held]
            wanted = np.full(len(held), np.iinfo(np.int64).max)
            for length, count in need.items():
                wanted[lengths_held == length] = count
            found.update(held[shared >= wanted].tolist())
        return sorted(found)

    def _posting(self, piece: str) -> npt.NDArray[np.int64]:
        """The positions of the names holding `piece`, as an array kept in step."""
        positions = self._by_piece[piece]
        array = self._piece_arrays.get(piece, _NONE)
        if len(array) != len(positions):
            added = np.asarray(positions[len(array) :], dtype=np.int64)
            array = self._piece_arrays[piece] = np.concatenate((array, added))
        return array

    def _length_array(self) -> npt.NDArray[np.int64]:
        """Each name's length (of its sorted words), as an array kept in step."""
        done = len(self._length_cache)
        if done != len(self._lengths):
            added = np.asarray(self._lengths[done:], dtype=np.int64)
            self._length_cache = np.concatenate((self._length_cache, added))
        return self._length_cache


_NONE: npt.NDArray[np.int64] = np.zeros(0, dtype=np.int64)


def _joined(choice: str) -> str:
    """What `token_set_ratio` compares when two names share no word: their sorted words."""
    return " ".join(sorted(set(choice.split())))


def _pieces(joined: str) -> list[str]:
    """The string's two-letter pieces, a repeat numbered ("an", "an#2"), so counts compare."""
    seen: Counter[str] = Counter()
    pieces = []
    for start in range(len(joined) - 1):
        piece = joined[start : start + 2]
        seen[piece] += 1
        pieces.append(piece if seen[piece] == 1 else f"{piece}#{seen[piece]}")
    return pieces


def _most_edits(total: int, cutoff: float) -> int:
    """The largest insertions and deletions two strings of `total` letters may differ by."""
    return math.floor(total * (1 - cutoff / 100) + 1e-9)


def _possible_lengths(length: int, cutoff: float) -> range:
    """Lengths of a string that can be within the cutoff of one of `length` letters."""
    low = length
    while low > 0 and length - (low - 1) <= _most_edits(length + low - 1, cutoff):
        low -= 1
    high = length
    while high + 1 - length <= _most_edits(length + high + 1, cutoff):
        high += 1
    return range(low, high + 1)


def _shared_pieces(total: int, cutoff: float) -> int:
    """Two-letter pieces two strings of `total` letters within the cutoff surely share.

    Their longest common subsequence has (total - edits) / 2 letters in at most edits + 1
    runs, each run of r letters giving r - 1 pieces both strings hold.
    """
    edits = _most_edits(total, cutoff)
    return math.ceil((total - edits) / 2 - (edits + 1) - 1e-9)
