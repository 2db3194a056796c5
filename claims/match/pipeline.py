"""Matching claims as they arrive: keys -> candidates -> cutoff -> judge, behind a claim index.

Every path that matches runs `match_arrival` once per arriving batch (one document's claims):
ingestion with the claims it just extracted against the database's index
(`claims.store.matching`), `claims match --rebuild`, the benchmark and the evaluations
against an index in memory (`claims.match.engine.match_all`), which replays the documents in
the order they arrived. A batch is judged with the word rarity of the index as it stands once
the batch is in it, so the relations stored one document at a time are the relations a
rebuild finds, pair for pair.

The index (`ClaimIndex`) holds the claims that arrived before: their blocking keys, how many
claims hold each key, their texts and, for the few candidates that pass the rapidfuzz cutoff,
the claims themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Protocol

from claims.match.candidates import over_budget, probe_keys, shared_weights, within_budget
from claims.match.judge import Found, Tally, judge_pair, keys_of
from claims.match.models import MatchClaim
from claims.match.normalize.keys import word_keys
from claims.match.relate import Side, side
from claims.match.score import Rarity, WordFrequency, pairs_above_cutoff

Pair = tuple[int, int]
"""Two claim ids, the lower first."""


class ClaimIndex(Protocol):
    """The claims matched so far, as matching reads them (in memory or in a database)."""

    def add_claims(self, claims: Sequence[MatchClaim], keys: Mapping[int, Sequence[str]]) -> None:
        """Index an arriving batch under its keys; its claims count from now on."""

    def total(self) -> int:
        """How many claims word rarity is counted over (the arrived ones)."""

    def counts(self, keys: Iterable[str]) -> Mapping[str, int]:
        """How many claims hold each of `keys` (keys no claim holds may be left out)."""

    def holders(self, keys: Sequence[str]) -> Mapping[str, Sequence[int]]:
        """The claims that hold each of `keys`."""

    def key_counts(self, ids: Sequence[int]) -> Mapping[int, int]:
        """How many keys each of these claims has (what the candidate budget ranks by)."""

    def texts(self, ids: Sequence[int]) -> Mapping[int, str]:
        """The texts of these claims (the rapidfuzz cutoff needs no more)."""

    def sides(self, ids: Sequence[int]) -> Mapping[int, Side]:
        """These claims prepared for `relate`."""


def match_arrival(
    index: ClaimIndex, claims: Sequence[MatchClaim], tally: Tally | None = None
) -> list[Found]:
    """Index an arriving batch and return its relations to every claim indexed so far."""
    keys = {claim.id: keys_of(claim) for claim in claims}
    index.add_claims(claims, keys)
    frequency = dict(index.counts({key for found in keys.values() for key in found}))
    pairs = batch_candidates(index, keys, frequency)
    own = {claim.id: claim for claim in claims}
    texts = {claim_id: claim.text for claim_id, claim in own.items()}
    texts.update(index.texts(sorted({i for pair in pairs for i in pair} - own.keys())))
    scored = pairs_above_cutoff(pairs, texts)
    if tally is not None:
        tally.claims += len(claims)
        tally.keys += sum(len(found) for found in keys.values())
        tally.candidates += len(pairs)
        tally.scored += len(scored)
    involved = sorted({i for pair in scored for i in pair})
    sides = dict(index.sides([i for i in involved if i not in own]))
    sides.update({i: side(own[i]) for i in involved if i in own})
    wanted = {key for i in involved for key in word_keys(sides[i].words)} - frequency.keys()
    frequency.update(index.counts(wanted))
    rarity = Rarity(WordFrequency(Counts(index, frequency)), index.total())
    found = [item for a, b in scored if (item := judge_pair(sides[a], sides[b], rarity))]
    if tally is not None:
        tally.count(found)
    return found


def batch_candidates(
    index: ClaimIndex, keys: Mapping[int, Sequence[str]], frequency: Mapping[str, int]
) -> list[Pair]:
    """The candidate pairs of an arriving batch: each claim's closest, within the budget."""
    probes = {claim_id: probe_keys(found, frequency) for claim_id, found in keys.items()}
    postings = index.holders(sorted({key for found in probes.values() for key in found}))
    shared = {
        claim_id: shared_weights(claim_id, found, postings, frequency)
        for claim_id, found in probes.items()
    }
    crowded = {other for found in shared.values() if over_budget(found) for other in found}
    sizes = {claim_id: len(found) for claim_id, found in keys.items()}
    sizes.update(index.key_counts(sorted(crowded - sizes.keys())))
    pairs: set[Pair] = set()
    for claim_id, weights in shared.items():
        for other in within_budget(claim_id, weights, sizes):
            pairs.add((claim_id, other) if claim_id < other else (other, claim_id))
    return sorted(pairs)


class Counts(Mapping[str, int]):
    """Key counts read ahead for a batch, asking the index for any key not read ahead."""

    def __init__(self, index: ClaimIndex, known: dict[str, int]) -> None:
        self._index = index
        self._known = known

    def __getitem__(self, key: str) -> int:
        if key not in self._known:
            self._known[key] = self._index.counts([key]).get(key, 0)
        count = self._known[key]
        if not count:
            raise KeyError(key)
        return count

    def __iter__(self) -> Iterator[str]:
        return iter(self._known)

    def __len__(self) -> int:
        return len(self._known)
