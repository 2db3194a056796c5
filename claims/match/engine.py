"""Matching a set of claims in memory, replayed in the order they arrived.

Used by `claims match --rebuild`, the benchmark and the stance evaluation. Each document's
claims arrive together, documents in the order of their claims' ids, and go through the same
`claims.match.pipeline` steps that ingestion runs against the database, so a rebuild finds
exactly what matching one document at a time found. Arrivals are indexed one after another;
with `workers` > 1, worker processes first frame every claim and compute its keys; then every
claim is indexed and the workers match the arrivals side by side, each against the index as
it stood when that arrival came (`claims.match.memory.AsArrived`), so that no step of the
match waits on one process.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Mapping, Sequence

from claims.match.frames.models import Frame
from claims.match.judge import Found, Tally, framed, judge_pair, keys_of, rarity_of
from claims.match.memory import AsArrived, MemoryIndex
from claims.match.models import MatchClaim
from claims.match.pipeline import arrive, judge_arrival, match_arrival
from claims.match.side import SideState, restored, side_state

__all__ = ["Found", "Tally", "arrivals", "judge_pair", "keys_of", "match_all", "rarity_of"]

ARRIVALS_PER_TASK = 8
"""Arrivals a worker matches per task: enough to keep the round trips few."""


def match_all(
    claims: Sequence[MatchClaim], workers: int = 1, index: MemoryIndex | None = None
) -> tuple[list[Found], Tally]:
    """Every relation among `claims`, found through blocking (no all-pairs comparison).

    `index`, when given, is the (empty) index to fill, kept by the caller.
    """
    index = index if index is not None else MemoryIndex()
    tally = Tally()
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        prepared = _prepared_by_workers(claims, workers, index)
        found = _matched_by_workers(prepared, index, tally, workers)
    else:
        found = [item for batch in arrivals(claims) for item in match_arrival(index, batch, tally)]
    tally.count(found)
    return sorted(found, key=lambda item: (item.low, item.high)), tally


def arrivals(claims: Sequence[MatchClaim]) -> Iterator[list[MatchClaim]]:
    """The claims grouped by document, documents in the order their first claims arrived."""
    batches: dict[int, list[MatchClaim]] = {}
    for claim in sorted(claims, key=lambda item: item.id):
        batches.setdefault(claim.document_id, []).append(claim)
    yield from batches.values()


_PENDING: list[MatchClaim] = []
"""The claims to prepare, as forked worker processes inherit them."""

PREPARED_PER_TASK = 500
"""Claims a worker frames and keys per task."""


def _prepared_by_workers(
    claims: Sequence[MatchClaim], workers: int, index: MemoryIndex
) -> dict[int, tuple[MatchClaim, list[str]]]:
    """Each claim framed, with its keys, and prepared for judging (kept in `index`): read
    once, by the workers side by side, rather than by each judging worker that meets it."""
    _PENDING[:] = claims
    context = multiprocessing.get_context("fork")
    try:
        with context.Pool(workers) as pool:
            starts = range(0, len(claims), PREPARED_PER_TASK)
            done = [item for part in pool.imap(_prepare_task, starts) for item in part]
    finally:
        _PENDING.clear()
    prepared: dict[int, tuple[MatchClaim, list[str]]] = {}
    for claim, (frame, keys, state) in zip(claims, done, strict=True):
        if claim.frame is None:
            claim = claim.model_copy(update={"frame": frame})
        prepared[claim.id] = (claim, keys)
        index.keep_side(restored(claim, state))
    return prepared


def _prepare_task(start: int) -> list[tuple[Frame | None, list[str], SideState]]:
    """In a worker: the frames (those not read with their documents), keys and sides of a few
    claims."""
    done: list[tuple[Frame | None, list[str], SideState]] = []
    for claim in _PENDING[start : start + PREPARED_PER_TASK]:
        ready = framed(claim)
        frame = None if ready is claim else ready.frame
        done.append((frame, keys_of(ready), side_state(ready)))
    return done


def _matched_by_workers(
    prepared: Mapping[int, tuple[MatchClaim, list[str]]],
    index: MemoryIndex,
    tally: Tally,
    workers: int,
) -> list[Found]:
    """Every claim indexed first, then each arrival matched by a worker against the index as
    it stood when that arrival came (`AsArrived`), the arrivals side by side."""
    batches = [
        [prepared[claim.id][0] for claim in batch]
        for batch in arrivals([claim for claim, _ in prepared.values()])
    ]
    for batch in batches:
        index.add_claims(batch, {claim.id: prepared[claim.id][1] for claim in batch})
        _ARRIVED.append(index.total())
    index.complete()
    _BATCHES[:] = batches
    _KEYS.update((claim_id, keys) for claim_id, (_, keys) in prepared.items())
    _INDEX.append(index)
    context = multiprocessing.get_context("fork")
    try:
        with context.Pool(workers) as pool:
            found: list[Found] = []
            for part, counts in pool.imap(_match_task, range(0, len(batches), ARRIVALS_PER_TASK)):
                found += part
                tally.claims += counts[0]
                tally.keys += counts[1]
                tally.candidates += counts[2]
                tally.scored += counts[3]
            return found
    finally:
        _BATCHES.clear()
        _ARRIVED.clear()
        _KEYS.clear()
        _INDEX.clear()


_BATCHES: list[list[MatchClaim]] = []
"""The arrivals, framed, as forked worker processes inherit them."""
_ARRIVED: list[int] = []
"""How many claims had arrived once each arrival was in."""
_KEYS: dict[int, list[str]] = {}
_INDEX: list[MemoryIndex] = []
"""The index holding every claim, as forked worker processes inherit it."""


def _match_task(start: int) -> tuple[list[Found], tuple[int, int, int, int]]:
    """In a worker: match a few arrivals against the index as it stood when each came."""
    index = _INDEX[0]
    part = Tally()
    found: list[Found] = []
    for number in range(start, min(start + ARRIVALS_PER_TASK, len(_BATCHES))):
        batch = _BATCHES[number]
        keys = {claim.id: _KEYS[claim.id] for claim in batch}
        arrival = arrive(AsArrived(index, _ARRIVED[number]), batch, part, keys)
        involved = sorted({i for pair in arrival.pairs for i in pair})
        found += judge_arrival(arrival, index.sides(involved))
    return found, (part.claims, part.keys, part.candidates, part.scored)
