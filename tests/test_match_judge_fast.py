"""Judging a pair the fast way (overlap computed once) gives what `relate` alone gives."""

from __future__ import annotations

from itertools import combinations

from claims.match.build import from_text
from claims.match.judge import judge_pair
from claims.match.models import Kind
from claims.match.relate import plainly_unrelated, relate, side
from claims.match.score import UNIFORM, Rarity

PUBLISHED = "2025-01-20"
SENTENCES = [
    "The coalition mission in Iraq will be completed no later than September 2025.",
    "The coalition mission in Iraq will not be completed until 2026.",
    "The coalition mission in Iraq will be completed by 2026.",
    "Iraq is going to buy Russian S-400 systems, Ambassador Haidar Mansour Hadi said.",
    "Ambassador Haidar Mansour Hadi denied that Iraq is going to buy Russian S-400 systems.",
    "Velmor council will spend 40 million pounds on new roads this year.",
    "Velmor council will spend 55 million pounds on new roads this year.",
    "Troops will withdraw from the Korvath base next month, the minister said.",
    "Troops will remain at the Korvath base next month, the minister said.",
    "Troops will withdraw from the Korvath base next month, the minister said.",
    "North Korea tested a missile over the sea on Tuesday.",
    "South Korea tested a missile over the sea on Tuesday.",
    "Bakeries in Dorlin sold more bread this winter than last.",
    "Will the Korvath base close next month?",
]


def _slow(a_text: str, b_text: str, rarity: Rarity) -> tuple[object, ...] | None:
    """The judgement as `relate` gives it with every measure computed afresh."""
    a = side(from_text(1, 1, a_text, published=PUBLISHED))
    b = side(from_text(2, 2, b_text, published=PUBLISHED))
    if plainly_unrelated(a, b, rarity) and not a.marks.may_conflict(b.marks):
        return None
    found = relate(a, b, rarity)
    if found.kind == Kind.UNRELATED:
        return None
    return (found.kind, found.score, found.reasons, found.signals)


def test_judge_pair_gives_relates_judgement_on_every_pair() -> None:
    counts = {"w:korvath": 3, "w:troops": 40, "w:iraq": 30, "w:base": 50}
    kinds = set()
    for rarity in (UNIFORM, Rarity({k[2:]: n for k, n in counts.items()}, 200)):
        for first, second in combinations(SENTENCES, 2):
            a = side(from_text(1, 1, first, published=PUBLISHED))
            b = side(from_text(2, 2, second, published=PUBLISHED))
            fast = judge_pair(a, b, rarity)
            slow = _slow(first, second, rarity)
            if slow is None:
                assert fast is None, (first, second)
                continue
            assert fast is not None, (first, second)
            found = fast.judgement
            assert (found.kind, found.score, found.reasons, found.signals) == slow
            kinds.add(found.kind)
    assert {Kind.CONFLICTS, Kind.CORROBORATES, Kind.DUPLICATE} <= kinds


def test_a_side_rebuilt_in_another_process_judges_as_a_fresh_one() -> None:
    """A rebuild's workers prepare each claim once and send what they computed; the side
    rebuilt from it around the claim gives every judgement a fresh side gives."""
    import pickle

    from claims.match.judge import framed
    from claims.match.side import restored, side_state

    counts = {"w:korvath": 3, "w:troops": 40, "w:iraq": 30, "w:base": 50}
    rarity = Rarity({k[2:]: n for k, n in counts.items()}, 200)
    claims = [
        framed(from_text(number, number, text, published=PUBLISHED))
        for number, text in enumerate(SENTENCES, start=1)
    ]
    sent = pickle.loads(pickle.dumps([side_state(claim) for claim in claims]))
    rebuilt = [restored(claim, state) for claim, state in zip(claims, sent, strict=True)]
    assert all(item.subjects for item in rebuilt[3:5])
    found = 0
    for (a, b), (x, y) in zip(
        combinations(rebuilt, 2), combinations([side(c) for c in claims], 2), strict=True
    ):
        assert judge_pair(a, b, rarity) == judge_pair(x, y, rarity), (a.claim.text, b.claim.text)
        found += judge_pair(x, y, rarity) is not None
    assert found > 5
