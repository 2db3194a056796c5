"""The budget on the pairs judged per arriving claim: each arriving claim has at most its
strongest few pairs judged, strongest by wording, so a reworded or repeated report is kept."""

from __future__ import annotations

import random

import numpy as np
import pytest
from rapidfuzz import fuzz

from claims.extract.models import DocumentContext
from claims.extract.pipeline import extract_claims
from claims.match import judged
from claims.match.build import from_extracted
from claims.match.judge import Tally
from claims.match.memory import MemoryIndex
from claims.match.models import Kind, MatchClaim
from claims.match.pipeline import match_arrival
from claims.match.score import match_text, pairs_reaching_cutoff
from tests.scripts import load_script

PIER = "The Harbour Board said the ferry pier at Kessel will cost {} million crowns by {}."


def _claims(texts: list[str]) -> list[MatchClaim]:
    """One made-up document a text, one claim each, ids in order."""
    context = DocumentContext(outlet="Harbour News")
    claims = []
    for number, text in enumerate(texts, start=1):
        (found,) = extract_claims(text, [], context)
        claims.append(from_extracted(number, number, found, context))
    return claims


def _stored_then_repeated() -> list[MatchClaim]:
    """Twenty reports of the pier's cost, each with its own figures, then the first again."""
    reports = [PIER.format(40 + 3 * n, 2030 + n % 7) for n in range(20)]
    return _claims([*reports, reports[0]])


def _judged_for_the_last(per_claim: int | None) -> tuple[int, list[tuple[int, str]]]:
    """Pairs judged for the last arrival and the relations it found, under `per_claim`."""
    claims = _stored_then_repeated()
    index = MemoryIndex()
    for claim in claims[:-1]:
        match_arrival(index, [claim])
    tally = Tally()
    found = match_arrival(index, claims[-1:], tally)
    return tally.scored, sorted((item.low, str(item.judgement.kind)) for item in found)


def test_an_arriving_claim_has_at_most_its_budget_of_pairs_judged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(judged, "JUDGED_PER_CLAIM", None)
    everything, _ = _judged_for_the_last(None)
    assert everything == 20  # all twenty earlier reports pass the cutoff
    monkeypatch.setattr(judged, "JUDGED_PER_CLAIM", 3)
    bounded, found = _judged_for_the_last(3)
    assert bounded == 3
    assert (1, str(Kind.DUPLICATE)) in found  # the repeat of the first report, judged first


def test_the_strongest_by_wording_are_kept_then_the_older_pair() -> None:
    compared = {
        1: match_text("ferry pier cost forty million crowns harbour board"),
        2: match_text("ferry pier cost forty million crowns harbour board"),
        3: match_text("ferry pier cost"),
        4: match_text("ferry pier cost forty million crowns harbour board said kessel"),
        5: match_text("ferry pier delayed again by storms harbour board"),
        9: match_text("ferry pier cost forty million crowns harbour board"),
    }
    pairs = [(1, 9), (2, 9), (3, 9), (4, 9), (5, 9)]
    # 1 and 2 are verbatim (the older kept first); 3's words are all in 9's and 9's in 4's:
    # token_set_ratio ties both with the verbatim ones, token_sort_ratio puts the long 4
    # before the short 3, and the reworded 5 comes last
    assert judged.within_judging_budget(pairs, compared, {9}, 1) == [(1, 9)]
    assert judged.within_judging_budget(pairs, compared, {9}, 3) == [(1, 9), (2, 9), (4, 9)]
    assert judged.within_judging_budget(pairs, compared, {9}, 4) == pairs[:4]
    assert judged.within_judging_budget(pairs, compared, {9}, None) == pairs


def test_a_pair_of_two_arrivals_is_judged_when_either_keeps_it() -> None:
    compared = {
        1: match_text("ferry pier cost forty million crowns"),
        2: match_text("ferry pier cost forty million crowns"),
        8: match_text("ferry pier cost forty million crowns said the board"),
        9: match_text("ferry pier cost forty million crowns"),
    }
    pairs = [(1, 8), (2, 8), (8, 9), (1, 9), (2, 9)]
    kept = judged.within_judging_budget(pairs, compared, {8, 9}, 1)
    # 9 keeps its verbatim twin 1; 8 keeps its strongest, 1 (the older of three equals)
    assert kept == [(1, 8), (1, 9)]
    assert len(judged.within_judging_budget(pairs, compared, {8, 9}, 2)) <= 4


def _ranked_in_full(
    pairs: list[tuple[int, int]], compared: dict[int, str], arriving: set[int], per_claim: int
) -> list[tuple[int, int]]:
    """The budget's rule read literally: every pair of a claim ranked by token_set_ratio, then
    token_sort_ratio, then the pair, each score computed for every pair."""
    kept: set[tuple[int, int]] = set()
    for claim in arriving:
        mine = [pair for pair in pairs if claim in pair]

        def rank(pair: tuple[int, int]) -> tuple[float, float, tuple[int, int]]:
            a, b = compared[pair[0]], compared[pair[1]]
            return (-fuzz.token_set_ratio(a, b), -fuzz.token_sort_ratio(a, b), pair)

        kept.update(sorted(mine, key=rank)[:per_claim])
    return sorted(kept)


@pytest.mark.parametrize("per_claim", [1, 3, 8])
def test_the_cutoff_scores_and_the_ties_alone_rank_as_every_score_would(per_claim: int) -> None:
    """The budget reads the cutoff's token_set_ratio and computes token_sort_ratio only for
    the pairs tied at a claim's last place: it keeps what ranking every pair in full keeps."""
    claims = load_script("bench_match").generate(400)
    compared = {claim.id: match_text(claim.text) for claim in claims}
    rng = random.Random(7)
    arriving = {claim.id for claim in claims[-20:]}
    pairs = sorted(
        {
            (min(a, b), max(a, b))
            for a in arriving
            for b in [*rng.sample(sorted(compared), 60), a - 1, a - 2]
            if a != b
        }
    )
    scored = pairs_reaching_cutoff(pairs, compared, cutoff=20.0)
    assert scored == {
        pair: score
        for pair in pairs
        if (score := float(np.float32(fuzz.token_set_ratio(*(compared[i] for i in pair))))) >= 20
    }
    within = sorted(scored)
    assert judged.within_judging_budget(
        within, compared, arriving, per_claim, scored
    ) == _ranked_in_full(within, compared, arriving, per_claim)
    assert judged.within_judging_budget(within, compared, arriving, per_claim) == _ranked_in_full(
        within, compared, arriving, per_claim
    )
