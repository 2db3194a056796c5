"""The pairs an arrival's word overlap settles at once are the pairs `judge_pair` drops at its
first step, no more and no fewer."""

from __future__ import annotations

from itertools import combinations

import pytest

from claims.match.engine import arrivals, keys_of
from claims.match.judge import framed, judge_pair
from claims.match.memory import AsArrived, MemoryIndex
from claims.match.pipeline import arrive
from claims.match.relate import Side, plainly_unrelated
from claims.match.score import Rarity
from claims.match.settled import settled_unrelated, word_arrays
from tests.scripts import load_script
from tests.test_match_relate import seed_sides


def first_step_drops(a: Side, b: Side, rarity: Rarity) -> bool:
    """`judge_pair`'s first step, pair by pair."""
    return plainly_unrelated(a, b, rarity) and not a.marks.may_conflict(b.marks)


def test_settled_pairs_of_real_text_are_the_pairs_the_first_step_drops() -> None:
    sides, rarity = seed_sides()
    by_id = {found.claim.id: found for found in sides}
    pairs = [(a.claim.id, b.claim.id) for a, b in combinations(sides, 2)]
    settled = settled_unrelated(pairs, by_id, word_arrays(by_id, rarity))
    expected = [first_step_drops(by_id[a], by_id[b], rarity) for a, b in pairs]
    assert settled == expected
    assert 1000 < sum(settled) < len(pairs)


@pytest.mark.parametrize("complete", [False, True])
def test_settled_pairs_of_each_arrival_are_the_pairs_the_first_step_drops(complete: bool) -> None:
    """Pairs of generated arrivals, the words weighed one by one or read through the arrays
    of a complete index (as a rebuild with workers reads them)."""
    claims = [framed(claim) for claim in load_script("bench_match").generate(600)]
    keys = {claim.id: keys_of(claim) for claim in claims}
    index = MemoryIndex()
    batches = list(arrivals(claims))
    ends = []
    for batch in batches:
        index.add_claims(batch, {claim.id: keys[claim.id] for claim in batch})
        ends.append(index.total())
    index.complete()
    grown = MemoryIndex()
    dropped = judged = 0
    for batch, end in zip(batches, ends, strict=True):
        now = AsArrived(index, end) if complete else grown
        arrival = arrive(now, batch, keys={claim.id: keys[claim.id] for claim in batch})
        rarity = arrival.rarity()
        sides = now.sides(sorted({i for pair in arrival.pairs for i in pair}))
        if complete:
            assert arrival.known is not None
            arrays = arrival.known[1]
        else:
            assert arrival.known is None
            arrays = word_arrays(sides, rarity)
        settled = settled_unrelated(arrival.pairs, sides, arrays)
        for (a, b), done in zip(arrival.pairs, settled, strict=True):
            assert done == first_step_drops(sides[a], sides[b], rarity)
            if done:
                assert judge_pair(sides[a], sides[b], rarity) is None
            dropped += done
            judged += 1
    assert 0 < dropped < judged


def test_arrays_weigh_each_word_as_the_counts_of_its_key_weigh_it() -> None:
    """The rarity read through a complete index's arrays weighs every word of the claims
    asked for as `Rarity.of_keys` weighs it from the counts of the time."""
    claims = load_script("bench_match").generate(400)
    index = MemoryIndex()
    ends = []
    for batch in arrivals(claims):
        index.add_claims(batch, {claim.id: keys_of(claim) for claim in batch})
        ends.append(index.total())
    index.complete()
    ids = [claim.id for claim in claims]
    for end in [*ends[:: max(1, len(ends) // 5)], ends[-1]]:
        asked = ids[:end:3]
        known = AsArrived(index, end).arrival_words(asked)
        assert known is not None
        rarity, arrays = known
        keys = sorted({key for i in asked for key in index.word_keys([i])[i]})
        expected = Rarity.of_keys(index.counts_then(keys, end), end)
        for side in index.sides(asked).values():
            for word in side.word_set:
                assert rarity.weight(word) == expected.weight(word)
        assert set(arrays.words) == set(asked)
