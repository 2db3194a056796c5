"""Conflicts only between aligned frames, on made-up wire copy: each rule that keeps claims
about different things apart next to a pair about one thing that must still conflict.

Paragraphs are one line each (no hard wrapping): the frames, not line joining, are tested.
"""

from __future__ import annotations

from claims.match.build import from_text
from claims.match.models import Judgement, Kind
from claims.match.relate import Side, relate, side
from claims.match.score import UNIFORM
from tests.framed_claims import framed_claim

PUBLISHED = "1987-03-10"

EXAMPLE_TABLE = (
    "Example Corp 1st Qtr Net\n"
    "\n"
    "    NEW YORK, March 3 -\n"
    "    Shr 25 cts vs 1.21 dlrs\n"
    "    Net 1,234,000 vs 5,678,000\n"
    " Reuter\n"
)
BRIGHTWATER_TABLE = (
    "Brightwater Industries Inc 1st Qtr Net\n"
    "\n"
    "    CHICAGO, March 4 -\n"
    "    Shr 40 cts vs 31 cts\n"
    "    Net 2,450,000 vs 1,900,000\n"
    " Reuter\n"
)
EXAMPLE_YEAR = (
    "Example Corp Year Net\n\n    NEW YORK, March 3 -\n    Shr 1.90 dlrs vs 2.05 dlrs\n Reuter\n"
)
EXAMPLE_RESTATED = (
    "Example Corp Restates First Quarter\n"
    "\n"
    "    NEW YORK, March 9 - Example Corp said its first quarter net income was"
    " 1,734,000 dlrs, or 35 cts a share, after an accounting change.\n"
    " Reuter\n"
)
EXAMPLE_PROSE = (
    "Example Corp Profit Falls\n"
    "\n"
    "    NEW YORK, March 5 - Example Corp said first quarter net income fell to"
    " 1,234,000 dlrs.\n"
    " Reuter\n"
)
EXAMPLE_ROUNDED = (
    "Example Corp Profit Falls\n"
    "\n"
    "    NEW YORK, March 9 - Example Corp said its first quarter net income fell to"
    " 1.2 mln dlrs.\n"
    " Reuter\n"
)
EXAMPLE_FORECAST = (
    "Example Corp Sees Better Quarter\n"
    "\n"
    "    NEW YORK, March 2 - Example Corp said it expects first quarter earnings of"
    " 40 cts a share.\n"
    " Reuter\n"
)
STRIKE_WIRE = (
    "Drones hit Black Sea oil terminal\n"
    "\n"
    "    MOSCOW, Nov 12 (Wirenews) - Ukrainian drones attacked the Sheskharis oil"
    " terminal near Novorossiysk overnight, killing two workers, the Russian Defence"
    " Ministry said.\n"
    "    The terminal was not damaged, the ministry said.\n"
)
STRIKE_AGENCY = (
    "Governor says one hurt in drone attack on Novorossiysk terminal\n"
    "\n"
    "    NOVOROSSIYSK, Nov 12 (StateAgency) - Krasnodar governor Veniamin Kondratyev"
    " said one person had been injured in the drone attack on the Sheskharis"
    " terminal.\n"
    "    Satellite images released on Wednesday showed damage to two storage tanks"
    " at the terminal.\n"
    "    The Tuapse refinery was not damaged, the governor said.\n"
    "    Kyiv denied carrying out the attack.\n"
    "    Kyiv denied that peace talks had failed.\n"
)


def claim(document: str, start: str, number: int, published: str = PUBLISHED) -> Side:
    """The claim of `document` that starts with `start`, framed with its document."""
    return framed_claim(document, start, number, published)


def judge(first: Side, second: Side) -> Judgement:
    return relate(first, second, UNIFORM)


def sentences(first: str, second: str, published: str = PUBLISHED) -> Judgement:
    a = side(from_text(1, 1, first, published=published))
    b = side(from_text(2, 2, second, published=published))
    return relate(a, b, UNIFORM)


def _no_conflict(found: Judgement) -> None:
    assert found.kind != Kind.CONFLICTS, found.reasons


# Figures of two companies, two periods, a forecast: never one measure.


def test_two_companies_tables_do_not_conflict() -> None:
    found = judge(claim(EXAMPLE_TABLE, "Shr", 1), claim(BRIGHTWATER_TABLE, "Shr", 2))
    _no_conflict(found)
    assert not any("Shr" in reason or "Qtr" in reason for reason in found.reasons)


def test_one_companys_figure_restated_conflicts_and_says_what_aligned() -> None:
    found = judge(claim(EXAMPLE_TABLE, "Shr", 1), claim(EXAMPLE_RESTATED, "NEW YORK", 2))
    assert found.kind == Kind.CONFLICTS
    assert found.reasons[:2] == (
        "numbers differ: 25 cts vs 35 cts",
        "same subject: Example Corp; same measure: earnings per share, Q1 1987",
    )


def test_two_periods_of_one_company_do_not_conflict() -> None:
    _no_conflict(judge(claim(EXAMPLE_TABLE, "Shr", 1), claim(EXAMPLE_YEAR, "Shr", 2)))


def test_a_forecast_does_not_conflict_with_the_figure() -> None:
    forecast = claim(EXAMPLE_FORECAST, "NEW YORK", 2, published="1987-03-02")
    _no_conflict(judge(claim(EXAMPLE_TABLE, "Shr", 1), forecast))


def test_a_figure_rounded_in_another_report_does_not_conflict() -> None:
    found = judge(claim(EXAMPLE_PROSE, "NEW YORK", 1), claim(EXAMPLE_ROUNDED, "NEW YORK", 2))
    _no_conflict(found)


def test_a_figure_beyond_rounding_still_conflicts() -> None:
    found = judge(claim(EXAMPLE_PROSE, "NEW YORK", 1), claim(EXAMPLE_RESTATED, "NEW YORK", 2))
    assert found.kind == Kind.CONFLICTS
    assert "numbers differ: 1,234,000 dlrs vs 1,734,000 dlrs" in found.reasons


# Bond issues and deals of two parties.


def test_two_issuers_bonds_do_not_conflict() -> None:
    found = sentences(
        "Northfield Bank is issuing a 100 mln dlr eurobond due 1992, Coastal Securities said.",
        "Harbor Finance is issuing a 50 mln dlr eurobond due 1992, Coastal Securities said.",
    )
    _no_conflict(found)


def test_one_issuers_bond_of_two_sizes_still_conflicts() -> None:
    found = sentences(
        "Northfield Bank is issuing a 100 mln dlr eurobond due 1992, Coastal Securities said.",
        "Northfield Bank is issuing a 150 mln dlr eurobond due 1992, Coastal Securities said.",
    )
    assert found.kind == Kind.CONFLICTS
    assert any(reason.startswith("same subject: Northfield Bank") for reason in found.reasons)


def test_share_counts_of_two_deals_do_not_conflict() -> None:
    found = sentences(
        "Fenwick Partners said it raised its stake in Marlow Inc to 1,250,000 shares.",
        "Ashdown Holdings said it sold 400,000 shares of Marlow Inc.",
    )
    _no_conflict(found)


def test_share_counts_of_one_deal_still_conflict() -> None:
    found = sentences(
        "Fenwick Partners said it raised its stake in Marlow Inc to 1,250,000 shares.",
        "Fenwick Partners has raised its stake in Marlow Inc to 1,450,000 shares.",
    )
    assert found.kind == Kind.CONFLICTS


# Dates of two events; an unknown subject.


def test_a_start_and_another_events_deadline_do_not_conflict() -> None:
    found = sentences(
        "The opposition said general elections are not due until 1988.",
        "The ruling party wants to agree on constitutional reform before the 1988"
        " presidential election.",
    )
    _no_conflict(found)


def test_a_start_and_a_deadline_of_one_event_still_conflict() -> None:
    found = sentences(
        "The opposition said general elections are not due until 1988.",
        "General elections are due by the end of 1987, the government said.",
    )
    assert found.kind == Kind.CONFLICTS


def test_an_unknown_subject_never_conflicts() -> None:
    found = sentences(
        "It is not going to buy the Fenwick stake, the board said.",
        "Marlow Inc is going to buy the Fenwick stake, a source said.",
    )
    _no_conflict(found)


def test_a_known_subject_denial_still_conflicts() -> None:
    found = sentences(
        "Marlow Inc is not going to buy the Fenwick stake, the board said.",
        "Marlow Inc is going to buy the Fenwick stake, a source said.",
    )
    assert found.kind == Kind.CONFLICTS


# Two reports of one strike: casualties, damage, and the attack against its denial.


def test_one_events_dead_against_its_injured_conflict() -> None:
    found = judge(
        claim(STRIKE_WIRE, "MOSCOW", 1, "1987-11-12"),
        claim(STRIKE_AGENCY, "NOVOROSSIYSK", 2, "1987-11-12"),
    )
    assert found.kind == Kind.CONFLICTS
    assert "casualties differ: killing two workers vs one person had been injured" in (
        found.reasons
    )


def test_another_events_injured_do_not_conflict() -> None:
    found = sentences(
        "Drones attacked the Sheskharis terminal, killing two workers.",
        "One person was injured when a bus crashed near the Sheskharis terminal.",
    )
    _no_conflict(found)


def test_casualty_counts_within_their_bounds_agree() -> None:
    _no_conflict(
        sentences(
            "Drones attacked the Sheskharis terminal, killing at least two workers.",
            "Three workers were killed in the drone attack on the Sheskharis terminal.",
        )
    )
    found = sentences(
        "Drones attacked the Sheskharis terminal, killing two workers.",
        "Three workers were killed in the drone attack on the Sheskharis terminal.",
    )
    assert found.kind == Kind.CONFLICTS


def test_damage_denied_and_shown_conflict() -> None:
    found = judge(
        claim(STRIKE_WIRE, "The terminal was not damaged", 1, "1987-11-12"),
        claim(STRIKE_AGENCY, "Satellite images", 2, "1987-11-12"),
    )
    assert found.kind == Kind.CONFLICTS
    assert found.reasons[0] == "polarity: negated vs reported"
    assert found.reasons[1].startswith("same subject: Sheskharis")


def test_damage_denied_at_another_place_does_not_conflict() -> None:
    found = judge(
        claim(STRIKE_AGENCY, "The Tuapse refinery", 1, "1987-11-12"),
        claim(STRIKE_AGENCY, "Satellite images", 2, "1987-11-12"),
    )
    _no_conflict(found)


def test_an_attack_and_its_denial_conflict() -> None:
    found = judge(
        claim(STRIKE_WIRE, "MOSCOW", 1, "1987-11-12"),
        claim(STRIKE_AGENCY, "Kyiv denied carrying", 2, "1987-11-12"),
    )
    assert found.kind == Kind.CONFLICTS
    assert found.reasons[0] == "polarity: reported vs denied"
    assert "same subject: Ukrainian drones / Kyiv; same predicate: attacked" in found.reasons


def test_a_denial_of_something_else_does_not_conflict_with_the_attack() -> None:
    found = judge(
        claim(STRIKE_WIRE, "MOSCOW", 1, "1987-11-12"),
        claim(STRIKE_AGENCY, "Kyiv denied that peace talks", 2, "1987-11-12"),
    )
    _no_conflict(found)


# A judgement put as a statement is an opinion; a report of a judgement is a fact.


def test_an_opinion_does_not_conflict_with_the_award_it_disputes() -> None:
    _no_conflict(
        sentences(
            "The Velmor Suite was named the best album of the past 20 years.",
            "The Velmor Suite is a great record, but not the best album of the past 20 years.",
        )
    )
    _no_conflict(
        sentences(
            "But it is no way the best album of the past 20 years!",
            "That is why the Velmor Suite has been voted best album of the past 20 years.",
        )
    )


def test_a_denied_award_still_conflicts() -> None:
    found = sentences(
        "The Velmor Suite was named the best album of the past 20 years by the academy.",
        "The Velmor Suite was not named the best album of the past 20 years by the academy.",
    )
    assert found.kind == Kind.CONFLICTS
