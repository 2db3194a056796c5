"""The pairs of an arrival that the word overlap alone settles as unrelated, found at once.

Most pairs above the rapidfuzz cutoff share a word or two and nothing more: `judge_pair`
drops them at its first step (`plainly_unrelated`, frames that cannot conflict), after
computing their rarity-weighted overlap one pair at a time in Python. Here the overlap of
all an arrival's pairs is computed in arrays (each claim's words as integer ids, the shared
words of every pair in one intersection), the wording of the pairs that share too little in
one rapidfuzz call, and only the frames' marks are asked pair by pair. The sums are added
in another order than `overlap` adds them, so a pair is settled here only when its figures
are clear of every threshold by SETTLED_MARGIN; any other pair goes to `judge_pair`, which
decides exactly as before: nothing is judged differently.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from claims.match.relate import MIN_CORROBORATING_WORDS
from claims.match.score import Rarity
from claims.match.side import Side
from claims.match.thresholds import DEFAULT

SETTLED_MARGIN = 1e-9
"""How far from a threshold a figure summed in another order must be to decide alike: the
sums of a few dozen weights differ by about 1e-15."""


@dataclass(frozen=True)
class WordArrays:
    """The distinct words of an arrival's claims as places in one array of their weights."""

    words: Mapping[int, np.ndarray]
    """Each claim's distinct words (claims with a word not weighed here are left out)."""
    weights: np.ndarray
    """Each word's weight (`Rarity.weight`), by place; only the claims' words are read."""


def word_arrays(sides: Mapping[int, Side], rarity: Rarity) -> WordArrays:
    """The claims' words as arrays, weighed one word at a time (where no index keeps them)."""
    vocabulary: dict[str, int] = {}
    words: dict[int, np.ndarray] = {}
    for claim_id, prepared in sides.items():
        add = vocabulary.setdefault
        found = [add(word, len(vocabulary)) for word in prepared.word_set]
        words[claim_id] = np.asarray(found, dtype=np.int64)
    weights = np.asarray([rarity.weight(word) for word in vocabulary], dtype=np.float64)
    return WordArrays(words, weights)


def settled_unrelated(
    pairs: Sequence[tuple[int, int]], sides: Mapping[int, Side], arrays: WordArrays
) -> list[bool]:
    """For each pair (lower id first), True when `judge_pair` is bound to drop it at its first
    step: too little word overlap for a subject, not one text, frames that cannot conflict."""
    known = arrays.words
    chosen = [k for k, (a, b) in enumerate(pairs) if a in known and b in known]
    settled = [False] * len(pairs)
    if not chosen:
        return settled
    owners = list(known)
    place = {claim_id: n for n, claim_id in enumerate(owners)}
    lengths = [len(known[claim_id]) for claim_id in owners]
    owner = np.repeat(np.arange(len(owners), dtype=np.int64), lengths)
    every = np.concatenate([known[claim_id] for claim_id in owners])
    totals = np.bincount(owner, weights=arrays.weights[every], minlength=len(owners))
    ones = [pairs[k] for k in chosen]
    shared, common = _shared(ones, known, arrays.weights)
    low = totals[[place[a] for a, _ in ones]]
    high = totals[[place[b] for _, b in ones]]
    with np.errstate(divide="ignore", invalid="ignore"):
        dice = np.minimum(1.0, 2 * common / (low + high))
        containment = np.minimum(1.0, common / np.minimum(low, high))
    margin = SETTLED_MARGIN
    thresholds = DEFAULT
    contained = (
        (shared >= MIN_CORROBORATING_WORDS)
        & (containment >= thresholds.contained_containment - margin)
        & (dice >= thresholds.contained_dice - margin)
    )
    weak = (shared < 2) | (
        (dice < min(thresholds.subject_dice, thresholds.slot_dice) - margin) & ~contained
    )
    picked = [chosen[k] for k in np.flatnonzero(weak).tolist()]
    if not picked:
        return settled
    alike = process.cpdist(
        [sides[pairs[k][0]].wording for k in picked],
        [sides[pairs[k][1]].wording for k in picked],
        scorer=fuzz.ratio,
        dtype=np.float64,
    )
    apart = (alike < thresholds.duplicate_wording - margin).tolist()
    for k, different in zip(picked, apart, strict=True):
        if different:
            a, b = pairs[k]
            settled[k] = not sides[a].marks.may_conflict(sides[b].marks)
    return settled


def _shared(
    pairs: Sequence[tuple[int, int]], words: Mapping[int, np.ndarray], weights: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """How many words each pair shares and their summed weight: each pair's words coded as
    (pair, word) numbers, one intersection for all pairs."""
    count = len(pairs)
    size = max(len(weights), 1)
    left = [words[a] for a, _ in pairs]
    right = [words[b] for _, b in pairs]
    places = np.arange(count, dtype=np.int64) * size
    coded_left = np.concatenate(left) + np.repeat(places, [len(found) for found in left])
    coded_right = np.concatenate(right) + np.repeat(places, [len(found) for found in right])
    both = np.intersect1d(coded_left, coded_right, assume_unique=True)
    pair = both // size
    shared = np.bincount(pair, minlength=count)
    common = np.bincount(pair, weights=weights[both % size], minlength=count)
    return shared, common
