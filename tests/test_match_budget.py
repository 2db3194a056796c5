"""The per-claim candidate budget: bounded candidates, rare keys first, recall kept."""

from __future__ import annotations

import pytest

from claims.match import candidates
from claims.match.candidates import (
    CANDIDATE_BUDGET,
    RARE_POSTINGS,
    KeyIndex,
    from_postings,
    key_weight,
    probe_keys,
)
from claims.match.engine import keys_of, match_all
from tests.scripts import load_script


def test_the_budget_bounds_the_candidates_of_a_claim() -> None:
    holders = list(range(2, 2 + 3 * CANDIDATE_BUDGET))
    postings = {"e:rare": [1, *holders]}
    frequency = {"e:rare": RARE_POSTINGS}
    sizes = dict.fromkeys([1, *holders], 10)
    assert len(from_postings(1, ["e:rare"], postings, frequency, sizes)) == CANDIDATE_BUDGET


def crowded(sizes: dict[int, int]) -> set[int]:
    """Candidates of claim 1: 7 shares one rare key, a crowd two common ones each."""
    crowd = list(range(100, 100 + 2 * CANDIDATE_BUDGET))
    postings = {"w:a": [1, *crowd], "w:b": [1, *crowd], "e:rare": [1, 7]}
    frequency = {key: len(holders) for key, holders in postings.items()}
    sizes = {**dict.fromkeys([1, 7, *crowd], 10), **sizes}
    return from_postings(1, ["e:rare", "w:a", "w:b"], postings, frequency, sizes)


def test_claims_sharing_rarer_keys_are_kept_first() -> None:
    assert crowded({}) == {7, *range(100, 100 + CANDIDATE_BUDGET - 1)}
    assert key_weight(2) > key_weight(RARE_POSTINGS) > key_weight(1500) > 0


def test_claims_sharing_more_of_their_keys_are_kept_first() -> None:
    last = 100 + 2 * CANDIDATE_BUDGET - 1
    found = crowded({7: 100, **dict.fromkeys(range(110, last + 1), 40), last: 2})
    # the short claim shares all it has; the long ones little of theirs
    assert last in found and 7 not in found and last - 1 not in found
    assert len(found) == CANDIDATE_BUDGET


def test_rarest_keys_are_looked_up_first() -> None:
    frequency = {"w:c": 900, "e:a": 2, "n:b": 30, "w:d": 5000}
    assert probe_keys(["w:c", "e:a", "n:b", "w:d"], frequency) == ["e:a", "n:b", "w:c"]


def test_blocking_finds_every_pair_exhaustive_comparison_links(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bench = load_script("bench_match")
    claims = bench.generate(500)
    monkeypatch.setattr(candidates, "CANDIDATE_BUDGET", 20)  # one a small corpus fills
    found, tally = match_all(claims)
    index = KeyIndex()
    for claim in claims:
        index.add(claim.id, keys_of(claim))
    busy = [c.id for c in claims if len(index.candidates(c.id, keys_of(c))) == 20]
    assert len(busy) > 100  # the budget is what limits these claims
    assert tally.candidates < 20 * len(claims)
    assert {(item.low, item.high) for item in found} == bench.exhaustive_links(claims, None)
