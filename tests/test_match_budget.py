"""The per-claim candidate budget: bounded candidates, rare keys first, recall kept."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from claims.match.candidates import (
    CANDIDATE_BUDGET,
    RARE_POSTINGS,
    KeyIndex,
    from_postings,
    key_weight,
    probe_keys,
)
from claims.match.engine import keys_of, match_all

ROOT = Path(__file__).parent.parent


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_match", ROOT / "scripts" / "bench_match.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_budget_bounds_the_candidates_of_a_claim() -> None:
    holders = list(range(2, 2 + 3 * CANDIDATE_BUDGET))
    postings = {"e:rare": [1, *holders]}
    frequency = {"e:rare": RARE_POSTINGS}
    assert len(from_postings(1, ["e:rare"], postings, frequency)) == CANDIDATE_BUDGET


def test_claims_sharing_rarer_keys_are_kept_first() -> None:
    crowd = list(range(100, 100 + RARE_POSTINGS - 1))
    postings = {"w:common": [1, *crowd], "w:mid": [1, *crowd[:10]], "e:rare": [1, 7]}
    frequency = {key: len(holders) for key, holders in postings.items()}
    found = from_postings(1, ["e:rare", "w:mid", "w:common"], postings, frequency)
    # 7 shares the rarest key, ten share two keys, the rest of the budget goes by id
    assert found == {7, *crowd[: CANDIDATE_BUDGET - 1]}
    assert key_weight(2) > key_weight(RARE_POSTINGS) > key_weight(1500) > 0


def test_below_the_budget_every_candidate_is_kept() -> None:
    postings = {"w:rare": [1, 2], "w:a": [1, 3, 4], "w:b": [1, 4]}
    frequency = {"w:rare": 2, "w:a": 500, "w:b": 400}
    assert from_postings(1, ["w:rare", "w:a", "w:b"], postings, frequency) == {2, 4}


def test_rarest_keys_are_looked_up_first() -> None:
    frequency = {"w:c": 900, "e:a": 2, "n:b": 30, "w:d": 5000}
    assert probe_keys(["w:c", "e:a", "n:b", "w:d"], frequency) == ["e:a", "n:b", "w:c"]


def test_blocking_finds_every_pair_exhaustive_comparison_links() -> None:
    bench = load_bench()
    claims = bench.generate(500)
    found, tally = match_all(claims)
    index = KeyIndex()
    for claim in claims:
        index.add(claim.id, keys_of(claim))
    busy = [c.id for c in claims if len(index.candidates(c.id, keys_of(c))) == CANDIDATE_BUDGET]
    assert len(busy) > 100  # the budget is what limits these claims
    assert tally.candidates < CANDIDATE_BUDGET * len(claims)
    assert {(item.low, item.high) for item in found} == bench.exhaustive_links(claims, None)
