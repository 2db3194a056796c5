"""Pairs whose frames may conflict are judged besides the budget of pairs judged per claim:
they share few words, so the budget, which ranks by wording, would leave them out."""

from __future__ import annotations

import pytest

from claims.match import judged, pipeline
from claims.match.judge import Tally
from claims.match.memory import MemoryIndex
from claims.match.models import Kind, MatchClaim
from claims.match.pipeline import match_arrival
from tests.framed_claims import framed_claim

WIRE = (
    "Drones hit Black Sea oil terminal\n"
    "\n"
    "    MOSCOW, Nov 12 (Wirenews) - Ukrainian drones attacked the Sheskharis oil"
    " terminal near Novorossiysk overnight, the Russian Defence Ministry said.\n"
)
DENIAL = (
    "Kyiv rejects blame\n\n    KYIV, Nov 12 (StateAgency) - Kyiv denied carrying out the attack.\n"
)
PUBLISHED = "1987-11-12"


def _stored_reports_and_denial() -> tuple[list[MatchClaim], MatchClaim]:
    """Four wire reports of the attack (stored), the denial (stored), then the report again."""
    reports = [framed_claim(WIRE, "MOSCOW", number, PUBLISHED).claim for number in range(1, 5)]
    denial = framed_claim(DENIAL, "KYIV", 5, PUBLISHED).claim
    arriving = framed_claim(WIRE, "MOSCOW", 6, PUBLISHED).claim
    return [*reports, denial], arriving


def _found_for_the_arrival() -> tuple[int, set[tuple[int, str]]]:
    stored, arriving = _stored_reports_and_denial()
    index = MemoryIndex()
    for claim in stored:
        match_arrival(index, [claim])
    tally = Tally()
    found = match_arrival(index, [arriving], tally)
    return tally.scored, {(item.low, str(item.judgement.kind)) for item in found}


def test_a_denial_sharing_few_words_is_judged_beyond_the_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(judged, "JUDGED_PER_CLAIM", 2)
    scored, found = _found_for_the_arrival()
    assert scored == 3  # the two strongest reports, and the denial besides them
    assert (5, str(Kind.CONFLICTS)) in found


def test_without_the_exemption_the_budget_would_lose_the_conflict(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(judged, "JUDGED_PER_CLAIM", 2)
    monkeypatch.setattr(pipeline, "may_conflict", lambda *_: set())
    scored, found = _found_for_the_arrival()
    assert scored == 2
    assert not any(kind == str(Kind.CONFLICTS) for _, kind in found)
