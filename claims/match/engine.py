"""Matching a set of claims in memory, replayed in the order they arrived.

Used by `claims match --rebuild`, the benchmark and the stance evaluation. Each document's
claims arrive together, documents in the order of their claims' ids, and go through the same
`claims.match.pipeline` steps that ingestion runs against the database, so a rebuild finds
exactly what matching one document at a time found. Arrivals are indexed one after another;
with `workers` > 1, worker processes first frame every claim and compute its keys, then judge
the arrivals' pairs, most of the work (each whole arrivals, with the key counts read when
they arrived).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator, Mapping, Sequence

from claims.match.frames.models import Frame
from claims.match.judge import Found, Tally, framed, judge_pair, keys_of, rarity_of
from claims.match.memory import MemoryIndex
from claims.match.models import MatchClaim
from claims.match.normalize.keys import WORD
from claims.match.pipeline import Arrival, arrive, judge_arrival, match_arrival
from claims.match.relate import Side, side

__all__ = ["Found", "Tally", "arrivals", "judge_pair", "keys_of", "match_all", "rarity_of"]

ARRIVALS_PER_TASK = 8
"""Arrivals a worker judges per task: enough to keep the round trips few."""


def match_all(
    claims: Sequence[MatchClaim], workers: int = 1, index: MemoryIndex | None = None
) -> tuple[list[Found], Tally]:
    """Every relation among `claims`, found through blocking (no all-pairs comparison).

    `index`, when given, is the (empty) index to fill, kept by the caller.
    """
    index = index if index is not None else MemoryIndex()
    tally = Tally()
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        found = _judged_by_workers(_prepared_by_workers(claims, workers), index, tally, workers)
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


_CLAIMS: dict[int, MatchClaim] = {}
"""The claims being matched, framed, as forked worker processes inherit them."""
_SIDES: dict[int, Side] = {}
_PENDING: list[MatchClaim] = []
"""The claims to prepare, as forked worker processes inherit them."""

PREPARED_PER_TASK = 500
"""Claims a worker frames and keys per task."""


def _prepared_by_workers(
    claims: Sequence[MatchClaim], workers: int
) -> dict[int, tuple[MatchClaim, list[str]]]:
    """Each claim framed, with its keys: read once, by the workers side by side."""
    _PENDING[:] = claims
    context = multiprocessing.get_context("fork")
    try:
        with context.Pool(workers) as pool:
            starts = range(0, len(claims), PREPARED_PER_TASK)
            done = [item for part in pool.imap(_prepare_task, starts) for item in part]
    finally:
        _PENDING.clear()
    prepared: dict[int, tuple[MatchClaim, list[str]]] = {}
    for claim, (frame, keys) in zip(claims, done, strict=True):
        if claim.frame is None:
            claim = claim.model_copy(update={"frame": frame})
        prepared[claim.id] = (claim, keys)
    return prepared


def _prepare_task(start: int) -> list[tuple[Frame | None, list[str]]]:
    """In a worker: the frames (those not read with their documents) and keys of a few claims."""
    done: list[tuple[Frame | None, list[str]]] = []
    for claim in _PENDING[start : start + PREPARED_PER_TASK]:
        ready = framed(claim)
        done.append((None if ready is claim else ready.frame, keys_of(ready)))
    return done


def _judged_by_workers(
    prepared: Mapping[int, tuple[MatchClaim, list[str]]],
    index: MemoryIndex,
    tally: Tally,
    workers: int,
) -> list[Found]:
    _CLAIMS.clear()
    _CLAIMS.update((claim_id, claim) for claim_id, (claim, _) in prepared.items())
    context = multiprocessing.get_context("fork")
    try:
        with context.Pool(workers) as pool:
            tasks = _tasks(
                arrive(index, batch, tally, {claim.id: prepared[claim.id][1] for claim in batch})
                for batch in arrivals(list(_CLAIMS.values()))
            )
            return [item for found in pool.imap(_judge_task, tasks) for item in found]
    finally:
        _CLAIMS.clear()


def _tasks(arrived: Iterable[Arrival]) -> Iterator[list[Arrival]]:
    task: list[Arrival] = []
    for arrival in arrived:
        if arrival.pairs:
            task.append(_light(arrival))
        if len(task) == ARRIVALS_PER_TASK:
            yield task
            task = []
    if task:
        yield task


def _light(arrival: Arrival) -> Arrival:
    """The arrival without its claims, which workers hold, and with only word counts."""
    words = {key: n for key, n in arrival.frequency.items() if key.startswith(WORD)}
    return Arrival((), arrival.pairs, words, arrival.total)


def _judge_task(task: list[Arrival]) -> list[Found]:
    """In a worker: judge a few arrivals, preparing each claim once per process."""
    found: list[Found] = []
    for arrival in task:
        for claim_id in {i for pair in arrival.pairs for i in pair} - _SIDES.keys():
            _SIDES[claim_id] = side(_CLAIMS[claim_id])
        found += judge_arrival(arrival, _SIDES)
    return found
