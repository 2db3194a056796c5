"""Matching claims as they arrive: keys -> candidates -> cutoff -> judge, behind a claim index.

Every path that matches runs `match_arrival` once per arriving batch (one document's claims):
ingestion with the claims it just extracted against the database's index
(`claims.store.matching`), `claims match --rebuild`, the benchmark and the evaluations
against an index in memory (`claims.match.engine.match_all`), which replays the documents in
the order they arrived. A batch is judged with the word rarity of the index as it stands once
the batch is in it, so the relations stored one document at a time are the relations a
rebuild finds, pair for pair.

Of the pairs that pass, each arriving claim has its strongest few judged
(`claims.match.judged`), so the judging a document costs does not grow with the store; a
few pairs whose frames may conflict are judged besides them (`may_conflict`).

The index (`ClaimIndex`) holds the claims that arrived before: their blocking keys, how many
claims hold each key, their texts and, for the few candidates that pass the rapidfuzz cutoff,
the claims themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from claims.match import judged
from claims.match.candidates import over_budget, probe_keys, shared_weights, within_budget
from claims.match.frames.keys import FRAME, NONE, marks
from claims.match.judge import Found, Tally, framed, judge_pair, keys_of
from claims.match.models import MatchClaim
from claims.match.relate import Side, side
from claims.match.score import Rarity, match_text, pairs_reaching_cutoff, text_word_keys
from claims.match.settled import WordArrays, settled_unrelated

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


@runtime_checkable
class PreparedTexts(Protocol):
    """An index that keeps each claim's match text (the index in memory): a rebuild meets
    more claims than a bounded cache of texts holds."""

    def match_texts(self, ids: Sequence[int]) -> Mapping[int, str]:
        """`claims.match.score.match_text` of these claims."""

    def word_keys(self, ids: Sequence[int]) -> Mapping[int, Sequence[str]]:
        """`claims.match.score.text_word_keys` of these claims."""

    def arrival_words(self, ids: Sequence[int]) -> tuple[Rarity, WordArrays] | None:
        """The word rarity of the arrival's time for these claims' words, and their words
        as arrays (`claims.match.settled`), or None where the index cannot read them so."""


@dataclass
class Arrival:
    """An arriving batch, indexed, with its pairs above the cutoff and what judging them reads."""

    claims: Sequence[MatchClaim]
    pairs: list[Pair]
    """Candidate pairs that passed the rapidfuzz cutoff, within the judging budget."""
    frequency: dict[str, int]
    """How many claims hold each key of the batch and each word key of the pairs' claims."""
    total: int
    """How many claims word rarity is counted over."""
    known: tuple[Rarity, WordArrays] | None = None
    """The rarity and the pairs' claims' words as arrays, when the index read them so."""

    def rarity(self) -> Rarity:
        """Word rarity as the index stood when the batch arrived, for the pairs' own words.

        `relate` weighs only the two claims' words, which are read ahead; any other word would
        weigh as unseen, on every path alike.
        """
        if self.known is not None:
            return self.known[0]
        return Rarity.of_keys(self.frequency, self.total)


def match_arrival(
    index: ClaimIndex, claims: Sequence[MatchClaim], tally: Tally | None = None
) -> list[Found]:
    """Index an arriving batch and return its relations to every claim indexed so far."""
    claims = [framed(claim) for claim in claims]
    arrival = arrive(index, claims, tally)
    own = {claim.id: claim for claim in claims}
    involved = sorted({i for pair in arrival.pairs for i in pair})
    sides = dict(index.sides([i for i in involved if i not in own]))
    sides.update({i: side(own[i]) for i in involved if i in own})
    return judge_arrival(arrival, sides)


def arrive(
    index: ClaimIndex,
    claims: Sequence[MatchClaim],
    tally: Tally | None = None,
    keys: Mapping[int, list[str]] | None = None,
) -> Arrival:
    """Index an arriving batch; find its candidates, cut them off, read what judging needs.

    The claims should be `framed` (else each frame is read twice: for the keys, for `relate`);
    `keys`, when given, holds each claim's `keys_of`, computed beforehand.
    """
    if keys is None:
        keys = {claim.id: keys_of(claim) for claim in claims}
    index.add_claims(claims, keys)
    frequency = dict(index.counts({key for found in keys.values() for key in found}))
    pairs = batch_candidates(index, keys, frequency)
    met = sorted({i for pair in pairs for i in pair})
    if isinstance(index, PreparedTexts):
        compared = index.match_texts(met)
    else:
        texts = {claim.id: claim.text for claim in claims}
        texts.update(index.texts([i for i in met if i not in texts]))
        compared = {claim_id: match_text(texts[claim_id]) for claim_id in met}
    above = pairs_reaching_cutoff(pairs, compared)
    aligned = framed_pairs(index, keys, pairs)
    arriving = {claim.id for claim in claims}
    budget = judged.JUDGED_PER_CLAIM
    scored = judged.within_judging_budget(
        sorted(above.keys() | aligned), compared, arriving, budget, above
    )
    if budget is not None and not aligned.issubset(scored):
        scored = sorted(set(scored) | may_conflict(index, claims, aligned - set(scored), compared))
    if tally is not None:
        tally.claims += len(claims)
        tally.keys += sum(len(found) for found in keys.values())
        tally.candidates += len(pairs)
        tally.scored += len(scored)
    involved = sorted({i for pair in scored for i in pair})
    if isinstance(index, PreparedTexts):
        known = index.arrival_words(involved)
        if known is not None:
            return Arrival(claims, scored, frequency, index.total(), known)
    wanted: set[str] = set()
    if isinstance(index, PreparedTexts):
        for found in index.word_keys(involved).values():
            wanted.update(found)
    else:
        for claim_id in involved:
            wanted.update(text_word_keys(texts[claim_id]))
    frequency.update(index.counts(wanted - frequency.keys()))
    return Arrival(claims, scored, frequency, index.total())


def judge_arrival(arrival: Arrival, sides: Mapping[int, Side]) -> list[Found]:
    """The relations among an arrival's scored pairs (`sides` holds each pair's claims)."""
    rarity = arrival.rarity()
    if arrival.known is None:
        pairs = arrival.pairs
        return [item for a, b in pairs if (item := judge_pair(sides[a], sides[b], rarity))]
    settled = settled_unrelated(arrival.pairs, sides, arrival.known[1])
    return [
        item
        for (a, b), done in zip(arrival.pairs, settled, strict=True)
        if not done and (item := judge_pair(sides[a], sides[b], rarity))
    ]


def framed_pairs(
    index: ClaimIndex, keys: Mapping[int, Sequence[str]], pairs: Sequence[Pair]
) -> set[Pair]:
    """The candidate pairs whose claims share a frame key: they may conflict (or date one
    milestone) although they share too few words for the rapidfuzz cutoff
    (`claims.match.frames.keys`)."""
    framed = {
        claim_id: [k for k in found if k.startswith(FRAME)] for claim_id, found in keys.items()
    }
    holders = index.holders(sorted({key for found in framed.values() for key in found}))
    sharing = {
        (claim_id, other) if claim_id < other else (other, claim_id)
        for claim_id, found in framed.items()
        for key in found
        for other in holders.get(key, ())
        if other != claim_id
    }
    return sharing & set(pairs)


def may_conflict(
    index: ClaimIndex, claims: Sequence[MatchClaim], aligned: set[Pair], compared: Mapping[int, str]
) -> set[Pair]:
    """Of the pairs sharing a frame key that the judging budget left out, those whose frames
    may conflict (a denial, a reported figure, an event's casualties, a milestone's dates:
    `Marks.may_conflict`), at most `judged.CONFLICTS_PER_CLAIM` an arriving claim, the
    strongest first. Such pairs share few words and rank last by wording, yet a conflict
    between two reports is what a fact-checker most needs shown."""
    own = {claim.id: marks(claim.frame) if claim.frame is not None else NONE for claim in claims}
    stored = sorted({i for pair in aligned for i in pair if i not in own})
    found = {**{i: prepared.marks for i, prepared in index.sides(stored).items()}, **own}
    conflicting = sorted(pair for pair in aligned if found[pair[0]].may_conflict(found[pair[1]]))
    return set(
        judged.within_judging_budget(conflicting, compared, own.keys(), judged.CONFLICTS_PER_CLAIM)
    )


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
