"""Candidate pairs from blocking keys, without comparing all pairs.

Each claim is indexed under all its keys; to find a claim's candidates only its rarest keys
are looked up (at most PROBE_KEYS of them, each shared by at most MAX_POSTINGS claims), so
the work per claim stays bounded as the store grows. A candidate must share two looked-up
keys, or one key that is rare (at most RARE_POSTINGS claims): one common shared word is
not worth scoring, two rare ones always are. Of those, a claim keeps at most
CANDIDATE_BUDGET: the ones that share the most weight of looked-up keys (a rarer key weighs
more) for the two claims' numbers of keys, as in a Dice coefficient, so that a short claim
sharing most of its keys comes before a long one sharing a few of its many. The budget does
not grow with the store, so neither do the candidates per claim: a larger store gives each
rare key more holders, and without the budget each new claim would be scored against all.

Word-pair keys ("p:economy growth") are looked up apart from the others: up to PROBE_PAIRS
of them, only when rare (at most RARE_POSTINGS claims), those of the commonest words first.
They find the claims that share only common words (each held by more than RARE_POSTINGS
claims, or not among the claim's rarest keys), which the two-key rule misses. A pair with a
word that is itself looked up and rare adds nothing (that word finds all its holders) and
is skipped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence

from claims.match.normalize.keys import PAIR, WORD

PROBE_KEYS = 10
"""Keys looked up per claim, rarest first."""
MAX_POSTINGS = 1500
"""Keys shared by more claims than this are never looked up (they block nothing)."""
RARE_POSTINGS = 60
"""A key shared by at most this many claims makes a candidate on its own."""
PROBE_PAIRS = 20
"""Word-pair keys looked up per claim (each held by at most RARE_POSTINGS claims)."""
CANDIDATE_BUDGET = 100
"""Candidates kept per claim, the closest first (see the module)."""


def probe_keys(keys: Iterable[str], frequency: Mapping[str, int]) -> list[str]:
    """The keys of one claim worth looking up: rarest first, common ones left out.

    The claim itself is already indexed, so a key held by one claim only matches nothing.
    Word pairs come after the single keys: the rare ones, commonest words first (see the
    module).
    """
    usable: list[str] = []
    pairs: list[str] = []
    for key in keys:
        count = frequency.get(key, 0)
        if key.startswith(PAIR):
            if 1 < count <= RARE_POSTINGS:
                pairs.append(key)
        elif 1 < count <= MAX_POSTINGS:
            usable.append(key)
    usable.sort(key=lambda key: (frequency.get(key, 0), key))
    probes = usable[:PROBE_KEYS]
    found = {key[2:] for key in probes if key.startswith(WORD) and frequency[key] <= RARE_POSTINGS}

    def commonness(pair: str) -> tuple[int, int, str]:
        words = pair[2:].split(" ")
        least = min(frequency.get(WORD + word, 0) for word in words)
        return (-least, -frequency.get(pair, 0), pair)

    useful = [pair for pair in pairs if found.isdisjoint(pair[2:].split(" "))]
    useful.sort(key=commonness)
    return probes + useful[:PROBE_PAIRS]


def from_postings(
    claim_id: int,
    probes: Sequence[str],
    postings: Mapping[str, Sequence[int]],
    frequency: Mapping[str, int],
    sizes: Mapping[int, int],
) -> set[int]:
    """The claims that share enough looked-up keys with `claim_id`, within the budget."""
    return within_budget(claim_id, shared_weights(claim_id, probes, postings, frequency), sizes)


def shared_weights(
    claim_id: int,
    probes: Sequence[str],
    postings: Mapping[str, Sequence[int]],
    frequency: Mapping[str, int],
) -> dict[int, float]:
    """The claims that share enough looked-up keys with `claim_id` (never itself): their weight."""
    shared: dict[int, float] = {}
    enough: set[int] = set()
    """Claims that share a rare key or two keys."""
    get = shared.get
    for key in probes:
        holders = postings.get(key, ())
        if not holders:
            continue
        count = frequency.get(key, 0)
        weight = key_weight(count)
        if count <= RARE_POSTINGS:
            enough.update(holders)
        for other in holders:
            known = get(other)
            if known is None:
                shared[other] = weight
            else:
                shared[other] = known + weight
                enough.add(other)
    enough.discard(claim_id)
    return {other: weight for other, weight in shared.items() if other in enough}


def over_budget(shared: Mapping[int, float]) -> bool:
    """Whether a claim has more candidates than it keeps (their key counts are then needed)."""
    return len(shared) > CANDIDATE_BUDGET


def within_budget(claim_id: int, shared: Mapping[int, float], sizes: Mapping[int, int]) -> set[int]:
    """At most CANDIDATE_BUDGET of the `shared` claims: the closest, then the lowest ids.

    `sizes` holds the number of keys of `claim_id` and, when there are too many candidates,
    of each of them.
    """
    if len(shared) <= CANDIDATE_BUDGET:
        return set(shared)
    own = sizes[claim_id]

    def closeness(other: int) -> tuple[float, int]:
        return (-shared[other] / (own + sizes[other]), other)

    return set(sorted(shared, key=closeness)[:CANDIDATE_BUDGET])


def key_weight(count: int) -> float:
    """How much sharing a key held by `count` claims says: more the rarer it is.

    Read against the largest key looked up, not the store size, so the order of candidates
    does not change as the store grows.
    """
    return math.log(2 * MAX_POSTINGS / max(count, 1))


class KeyIndex:
    """Postings in memory: key -> claims; the in-memory twin of the `claim_keys` table.

    Most keys (word pairs above all) are held by one claim: such a key maps to the claim's
    id itself rather than to a list, which halves the index's memory at a million claims.
    """

    def __init__(self) -> None:
        self._postings: dict[str, list[int] | int] = {}
        self.sizes: dict[int, int] = {}
        """Keys per claim."""

    def add(self, claim_id: int, keys: Iterable[str]) -> None:
        postings = self._postings
        added = 0
        for key in keys:
            holders = postings.get(key)
            if holders is None:
                postings[key] = claim_id
            elif isinstance(holders, int):
                postings[key] = [holders, claim_id]
            else:
                holders.append(claim_id)
            added += 1
        if added:
            self.sizes[claim_id] = self.sizes.get(claim_id, 0) + added

    def holders_of(self, key: str) -> Sequence[int]:
        """The claims that hold `key`, in the order they were added."""
        holders = self._postings.get(key, ())
        return (holders,) if isinstance(holders, int) else holders

    @property
    def postings(self) -> Mapping[str, Sequence[int]]:
        """key -> the claims that hold it."""
        return _Holders(self._postings)

    def frequency(self) -> Mapping[str, int]:
        return _Lengths(self._postings)

    def candidates(self, claim_id: int, keys: Iterable[str]) -> set[int]:
        frequency = self.frequency()
        probes = probe_keys(keys, frequency)
        return from_postings(claim_id, probes, self.postings, frequency, self.sizes)


class _Lengths(Mapping[str, int]):
    """Posting lengths as a read-only mapping, without copying the index."""

    def __init__(self, postings: dict[str, list[int] | int]) -> None:
        self._postings = postings

    def __getitem__(self, key: str) -> int:
        holders = self._postings[key]
        return 1 if isinstance(holders, int) else len(holders)

    def __iter__(self) -> Iterator[str]:
        return iter(self._postings)

    def __len__(self) -> int:
        return len(self._postings)


class _Holders(Mapping[str, Sequence[int]]):
    """Postings as a read-only mapping of sequences, without copying the index."""

    def __init__(self, postings: dict[str, list[int] | int]) -> None:
        self._postings = postings

    def __getitem__(self, key: str) -> Sequence[int]:
        holders = self._postings[key]
        return (holders,) if isinstance(holders, int) else holders

    def __iter__(self) -> Iterator[str]:
        return iter(self._postings)

    def __len__(self) -> int:
        return len(self._postings)
