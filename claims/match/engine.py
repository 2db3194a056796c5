"""Matching a set of claims in memory: keys, candidates, scores, relations, independence.

Used by `claims match --rebuild`, the benchmark and the stance evaluation; incremental
matching in the database (`claims.store.matching`) runs the same steps with its postings
read from `claim_keys`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from claims.match.candidates import KeyIndex
from claims.match.independence import independence
from claims.match.models import Independence, Judgement, Kind, MatchClaim
from claims.match.normalize.keys import claim_keys
from claims.match.relate import Side, plainly_unrelated, relate, side
from claims.match.score import CANDIDATE_CUTOFF, Rarity, WordFrequency, score_pairs

BATCH_PAIRS = 200_000
"""Pairs scored per rapidfuzz call: big enough to use both cores, small enough for memory."""


@dataclass(frozen=True)
class Found:
    """A relation found between two claims (`low` < `high` by id)."""

    low: int
    high: int
    judgement: Judgement
    independence: Independence | None


@dataclass
class Tally:
    """What a matching run did, for reports and the benchmark."""

    claims: int = 0
    keys: int = 0
    candidates: int = 0
    scored: int = 0
    """Pairs that passed the rapidfuzz cutoff and were judged by `relate`."""
    kinds: dict[str, int] = field(default_factory=dict)

    def count(self, found: Iterable[Found]) -> None:
        for item in found:
            kind = str(item.judgement.kind)
            self.kinds[kind] = self.kinds.get(kind, 0) + 1


def keys_of(claim: MatchClaim) -> list[str]:
    return claim_keys(claim.text, claim.entities, claim.dates, claim.quantities)


def rarity_of(key_frequency: Mapping[str, int], total: int) -> Rarity:
    """Word rarity read from the blocking-key index."""
    return Rarity(WordFrequency(key_frequency), total)


def judge(
    pairs: Sequence[tuple[Side, Side]], rarity: Rarity, workers: int = 1, tally: Tally | None = None
) -> list[Found]:
    """Score candidate pairs with rapidfuzz, then relate those above the cutoff."""
    found: list[Found] = []
    for start in range(0, len(pairs), BATCH_PAIRS):
        batch = pairs[start : start + BATCH_PAIRS]
        scores = score_pairs([a for a, _ in batch], [b for _, b in batch], workers=workers)
        for (a, b), value in zip(batch, scores, strict=True):
            if value < CANDIDATE_CUTOFF:
                continue
            if tally is not None:
                tally.scored += 1
            item = judge_pair(a, b, rarity)
            if item is not None:
                found.append(item)
    return found


def judge_pair(a: Side, b: Side, rarity: Rarity) -> Found | None:
    """The relation of one pair, ordered by claim id, or None when unrelated."""
    if a.claim.id > b.claim.id:
        a, b = b, a
    if plainly_unrelated(a, b, rarity):
        return None
    judgement = relate(a, b, rarity)
    if judgement.kind == Kind.UNRELATED:
        return None
    linked = None
    if judgement.kind != Kind.RELATED:
        linked = independence(a.claim, b.claim, judgement.signals.wording)
    return Found(a.claim.id, b.claim.id, judgement, linked)


def match_all(claims: Sequence[MatchClaim], workers: int = 1) -> tuple[list[Found], Tally]:
    """Every relation among `claims`, found through blocking (no all-pairs comparison)."""
    tally = Tally(claims=len(claims))
    index = KeyIndex()
    keys = {claim.id: keys_of(claim) for claim in claims}
    for claim_id, claim_keys_ in keys.items():
        index.add(claim_id, claim_keys_)
        tally.keys += len(claim_keys_)
    sides = {claim.id: side(claim) for claim in claims}
    rarity = rarity_of(index.frequency(), len(claims))
    pairs = candidate_pairs(index, keys)
    tally.candidates = len(pairs)
    found = judge([(sides[a], sides[b]) for a, b in pairs], rarity, workers, tally)
    tally.count(found)
    return found, tally


def candidate_pairs(index: KeyIndex, keys: Mapping[int, list[str]]) -> list[tuple[int, int]]:
    """Each pair proposed by either of its claims' rarest keys, once, in id order."""
    pairs: set[tuple[int, int]] = set()
    for claim_id, claim_keys_ in keys.items():
        for other in index.candidates(claim_id, claim_keys_):
            pairs.add((claim_id, other) if claim_id < other else (other, claim_id))
    return sorted(pairs)
