"""A budget on the pairs judged per arriving claim: its strongest few by the wording score.

Each arriving claim keeps at most CANDIDATE_BUDGET candidates, and as the store holds more of
its story more of them pass the rapidfuzz cutoff: over 1,000 BBC articles the pairs judged a
claim went from 4 in the first tenth to 13 in the last, and judging them, loading their
claims and writing and bounding the `related` links they give grew with it. So an arriving
claim has at most JUDGED_PER_CLAIM of its pairs judged: the ones whose match texts score
highest by `token_set_ratio` (the score the cutoff computes), then by `token_sort_ratio`
(which tells a reworded claim from a short one whose words another merely contains), then
the older pair first. A pair of two arriving claims is judged when either keeps it. The
pairs left unjudged rank below the claim's strongest; judging them found mostly `related`
links and the weakest corroborations (see docs/performance.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

JUDGED_PER_CLAIM: int | None = 20
"""Pairs judged per arriving claim, the strongest first; None judges every pair. At 15 the
recall of generated 100,000 claims against exhaustive comparison fell to 0.980 (1.0 without);
at 20 it is 0.993."""

CONFLICTS_PER_CLAIM = 10
"""Pairs sharing a frame key whose frames may conflict, judged per arriving claim besides
the JUDGED_PER_CLAIM (`claims.match.pipeline.may_conflict`): they share few words, so the
budget ranks them last."""

Pair = tuple[int, int]


def within_judging_budget(
    pairs: Sequence[Pair],
    compared: Mapping[int, str],
    arriving: Collection[int],
    per_claim: int | None = JUDGED_PER_CLAIM,
    setwise: Mapping[Pair, float] | None = None,
) -> list[Pair]:
    """The `pairs` (each with an end in `arriving`) that some arriving claim keeps among its
    `per_claim` strongest by its match texts (`compared`), in order.

    `setwise`, when given, holds the `token_set_ratio` of pairs already scored (the cutoff's
    scores, exact above it); the others are scored here.
    """
    mine: dict[int, list[Pair]] = defaultdict(list)
    for pair in pairs:
        for end in pair:
            if end in arriving:
                mine[end].append(pair)
    if per_claim is None or all(len(found) <= per_claim for found in mine.values()):
        return sorted(set(pairs))
    crowded = [found for found in mine.values() if len(found) > per_claim]
    setwise = _set_scores({pair for found in crowded for pair in found}, compared, setwise)
    kept: set[Pair] = {pair for found in mine.values() if len(found) <= per_claim for pair in found}
    ties: list[tuple[list[Pair], int]] = []
    for found in crowded:
        ranked = sorted(found, key=lambda pair: -setwise[pair])
        bar = setwise[ranked[per_claim - 1]]
        above = [pair for pair in ranked if setwise[pair] > bar]
        kept.update(above)
        ties.append(([pair for pair in ranked if setwise[pair] == bar], per_claim - len(above)))
    sortwise = _sort_scores({pair for tied, _ in ties for pair in tied}, compared)
    for tied, room in ties:
        kept.update(sorted(tied, key=lambda pair: (-sortwise[pair], pair))[:room])
    return sorted(kept)


def _set_scores(
    pairs: set[Pair], compared: Mapping[int, str], known: Mapping[Pair, float] | None
) -> dict[Pair, float]:
    """`token_set_ratio` of each pair, taken from `known` where it is there."""
    found = {pair: known[pair] for pair in pairs if pair in known} if known else {}
    rest = sorted(pairs - found.keys())
    found.update(zip(rest, _scores(rest, compared, fuzz.token_set_ratio), strict=True))
    return found


def _sort_scores(pairs: set[Pair], compared: Mapping[int, str]) -> dict[Pair, float]:
    """`token_sort_ratio` of each pair: what breaks ties of `token_set_ratio` (which ties at
    100 whenever one claim's words are all in the other's), toward the reworded report."""
    ordered = sorted(pairs)
    return dict(zip(ordered, _scores(ordered, compared, fuzz.token_sort_ratio), strict=True))


def _scores(pairs: Sequence[Pair], compared: Mapping[int, str], scorer: Any) -> list[float]:
    """One rapidfuzz score of each pair's match texts, as `float32` like the cutoff's."""
    if not pairs:
        return []
    left = [compared[a] for a, _ in pairs]
    right = [compared[b] for _, b in pairs]
    scores = process.cpdist(left, right, scorer=scorer, dtype=np.float32)
    return [float(score) for score in scores]
