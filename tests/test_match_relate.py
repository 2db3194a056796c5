"""Relation kinds and their reasons on invented sentence pairs."""

from __future__ import annotations

import pytest

from claims.match.build import from_text
from claims.match.models import Judgement, Kind
from claims.match.relate import relate, side
from claims.match.score import UNIFORM

PUBLISHED = "2025-01-20"


def judge(first: str, second: str, published: str | None = PUBLISHED) -> Judgement:
    a = side(from_text(1, 1, first, published=published))
    b = side(from_text(2, 2, second, published=published))
    return relate(a, b, UNIFORM)


def test_deadlines_that_differ_conflict_with_the_dates_named() -> None:
    found = judge(
        "The coalition mission in Iraq will be completed no later than September 2025.",
        "The coalition mission in Iraq will be completed by 2026.",
    )
    assert found.kind == Kind.CONFLICTS
    assert "dates differ: no later than September 2025 vs by 2026" in found.reasons


def test_the_same_deadline_does_not_conflict() -> None:
    found = judge(
        "The coalition mission in Iraq will be completed by September 2025, officials said.",
        "Officials said the coalition mission in Iraq would be completed by September 2025.",
    )
    assert found.kind in (Kind.CORROBORATES, Kind.DUPLICATE)
    assert not any(reason.startswith("dates differ") for reason in found.reasons)


def test_amounts_of_one_unit_that_differ_conflict() -> None:
    found = judge(
        "About 2,500 American troops are stationed at the Ain al-Asad base in Iraq.",
        "Some 5,000 American troops are stationed at the Ain al-Asad base in Iraq.",
    )
    assert found.kind == Kind.CONFLICTS
    assert any(r.startswith("numbers differ: 2,500 vs 5,000") for r in found.reasons)


def test_a_denial_conflicts_with_the_report_it_denies() -> None:
    found = judge(
        "Iraq is going to buy Russian S-400 air defence systems, ambassador Haidar Hadi said.",
        "Ambassador Haidar Mansour Hadi denied that Iraq is going to buy Russian S-400 systems.",
    )
    assert found.kind == Kind.CONFLICTS
    assert "polarity: reported vs denied" in found.reasons
    names = next(r for r in found.reasons if r.startswith("same entities"))
    assert "Haidar Hadi" in names


def test_opposite_verbs_conflict() -> None:
    found = judge(
        "American troops will withdraw from the Harir base in Erbil next year.",
        "American troops will remain at the Harir base in Erbil next year.",
    )
    assert found.kind == Kind.CONFLICTS
    assert "opposite verbs: withdraw vs remain" in found.reasons


def test_a_negated_opposite_verb_agrees() -> None:
    found = judge(
        "American troops will not withdraw from the Harir base in Erbil next year.",
        "American troops will remain at the Harir base in Erbil next year.",
    )
    assert found.kind != Kind.CONFLICTS


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "North Korea tested a long-range ballistic missile over the sea on Monday.",
            "South Korea tested a long-range ballistic missile over the sea on Monday.",
        ),
        (
            "Iran has bought S-400 air defence systems from Russia, officials in Moscow said.",
            "Iraq has bought S-400 air defence systems from Russia, officials in Moscow said.",
        ),
    ],
)
def test_a_swapped_subject_never_corroborates(first: str, second: str) -> None:
    found = judge(first, second)
    assert found.kind not in (Kind.CORROBORATES, Kind.DUPLICATE)
    assert any("different" in reason for reason in found.reasons)


def test_north_and_south_korea_are_different_subjects() -> None:
    found = judge(
        "North Korea tested a long-range ballistic missile over the sea on Monday.",
        "South Korea tested a long-range ballistic missile over the sea on Monday.",
    )
    assert found.kind == Kind.UNRELATED
    assert found.reasons == ("different subjects: North Korea vs South Korea",)


def test_the_same_sentence_is_a_duplicate() -> None:
    text = "Russia will build a 500 MW power plant in Basra, the energy minister said."
    found = judge(text, text)
    assert found.kind == Kind.DUPLICATE
    assert "wording 100% alike" in found.reasons
    assert found.score == 1.0


def test_other_wording_of_one_assertion_corroborates() -> None:
    found = judge(
        "Russia will build a 500 MW power plant in Basra, the energy minister said on Monday.",
        "A Russian company is to build a 500 MW power plant in the southern city of Basra.",
    )
    assert found.kind == Kind.CORROBORATES
    assert 0.0 < found.score <= 1.0


def test_unrelated_claims_are_unrelated() -> None:
    found = judge(
        "Russia will build a 500 MW power plant in Basra, the energy minister said.",
        "The football club signed a new goalkeeper from Lisbon for the coming season.",
    )
    assert found.kind == Kind.UNRELATED


def test_a_question_only_relates() -> None:
    found = judge(
        "Will Russia build a 500 MW power plant in Basra next year?",
        "Russia will build a 500 MW power plant in Basra next year, the minister said.",
    )
    assert found.kind == Kind.RELATED


def test_signals_are_measured() -> None:
    found = judge(
        "About 2,500 American troops are stationed at the Ain al-Asad base in Iraq.",
        "Some 5,000 American troops are stationed at the Ain al-Asad base in Iraq.",
    )
    assert found.signals.numbers_differ
    assert found.signals.shared_words >= 5
    assert 0.5 < found.signals.containment <= 1.0
