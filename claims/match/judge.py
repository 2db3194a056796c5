"""Judging one candidate pair: `relate` (unless plainly unrelated and not framed to align),
then independence.

What every matching path does with a pair that passed the rapidfuzz cutoff
(`claims.match.pipeline`); also the ground truth of the benchmark, which judges pairs
without blocking.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from claims.match.frames.build import frame_of
from claims.match.frames.keys import marks
from claims.match.independence import independence
from claims.match.models import Independence, Judgement, Kind, MatchClaim
from claims.match.normalize.keys import claim_keys
from claims.match.relate import Side, plainly_unrelated, related, unrelated_whatever_cues
from claims.match.score import Rarity, WordFrequency, overlap


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


def framed(claim: MatchClaim) -> MatchClaim:
    """The claim with its frame: as read with its document, else read now from the sentence
    alone; a claim entering matching is framed once, and its keys and `Side` both read that."""
    if claim.frame is not None:
        return claim
    return claim.model_copy(update={"frame": frame_of(claim)})


def keys_of(claim: MatchClaim) -> list[str]:
    """Blocking keys of the words and features, and of the frame (`claims.match.frames.keys`)."""
    frame = claim.frame if claim.frame is not None else frame_of(claim)
    keys = claim_keys(claim.text, claim.entities, claim.dates, claim.quantities)
    return keys + marks(frame).keys()


def rarity_of(key_frequency: Mapping[str, int], total: int) -> Rarity:
    """Word rarity read from blocking-key counts."""
    return Rarity(WordFrequency(key_frequency), total)


def judge_pair(a: Side, b: Side, rarity: Rarity) -> Found | None:
    """The relation of one pair, ordered by claim id, or None when unrelated."""
    if a.claim.id > b.claim.id:
        a, b = b, a
    shared = overlap(a, b, rarity)
    if plainly_unrelated(a, b, rarity, shared=shared) and not a.marks.may_conflict(b.marks):
        return None
    if unrelated_whatever_cues(a, b, rarity, shared):
        return None
    judgement = related(a, b, rarity, shared=shared)
    if judgement is None:
        return None
    linked = None
    if judgement.kind != Kind.RELATED:
        linked = independence(a.claim, b.claim, judgement.signals.wording)
    return Found(a.claim.id, b.claim.id, judgement, linked)
