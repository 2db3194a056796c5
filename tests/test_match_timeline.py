"""Timelines: reports that date one milestone in other words corroborate when the dates can
both hold, and are never a conflict for being two deadlines (made-up sentences)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from claims.match.build import from_text
from claims.match.engine import match_all
from claims.match.models import Judgement, Kind
from claims.match.relate import relate, side
from claims.match.score import UNIFORM
from db.models import Claim, Relation
from tests.conftest import Cli

PUBLISHED = "2025-01-20"
PLANNED = (
    "As the Foreign Office notes, the final completion of the mission is planned within the"
    " next 12 months, but no later than September 2025."
)
PHASED = (
    "These steps follow the agreement on the phased completion of the alliance's mission by 2026."
)
LATER = "The agreement says the completion of the mission is scheduled for 2027."


def judged(first: str, second: str, same_document: bool = False) -> Judgement:
    a = side(from_text(1, 1, first, published=PUBLISHED))
    b = side(from_text(2, 1 if same_document else 2, second, published=PUBLISHED))
    return relate(a, b, UNIFORM)


def test_two_compatible_deadlines_of_one_milestone_corroborate() -> None:
    found = judged(PLANNED, PHASED)
    assert found.kind == Kind.CORROBORATES
    assert found.reasons[:2] == (
        "same milestone: end of mission",
        "dates agree: within the next 12 months, no later than September 2025 / by 2026",
    )


def test_a_later_date_of_the_milestone_neither_corroborates_nor_conflicts() -> None:
    found = judged(PLANNED, LATER)
    assert found.kind not in (Kind.CORROBORATES, Kind.CONFLICTS), found.reasons


def test_claims_of_one_document_do_not_corroborate_on_their_dates() -> None:
    assert judged(PLANNED, PHASED, same_document=True).kind != Kind.CORROBORATES


def test_the_end_of_a_year_is_no_milestone() -> None:
    found = judged(
        "Sales of the new phone will double by the end of the year, the company said.",
        "Prices of fuel will fall by the end of the year, analysts said.",
    )
    assert found.kind != Kind.CORROBORATES


def test_a_denied_milestone_does_not_corroborate() -> None:
    found = judged(PHASED, "The ministry denied the completion of the mission by 2026.")
    assert found.kind != Kind.CORROBORATES


def test_matching_finds_the_pair_through_its_milestone() -> None:
    claims = [
        from_text(1, 1, PLANNED, published=PUBLISHED),
        from_text(2, 1, "The embassy will reopen in the spring.", published=PUBLISHED),
        from_text(3, 2, PHASED, published=PUBLISHED),
    ]
    found, _ = match_all(claims)
    kinds = {(item.low, item.high): item.judgement.kind for item in found}
    assert kinds == {(1, 3): Kind.CORROBORATES}


def test_ingest_links_two_articles_on_the_milestone(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        f"Alliance to wind down mission\n\n{PLANNED} Officials gave no figures.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        f"Troops leave northern base\n\nThe first convoys left the base on Monday. {PHASED}\n",
        encoding="utf-8",
    )
    result = cli("ingest", "--published", PUBLISHED, str(tmp_path))
    assert result.exit_code == 0, result.output
    with cli.target.database.read() as session:
        texts = {row.id: row.text for row in session.scalars(select(Claim))}
        rows = session.scalars(select(Relation).where(Relation.kind == "corroborates")).all()
        linked = [
            sorted((texts[row.claim_id][:12], texts[row.other_claim_id][:12])) for row in rows
        ]
    assert ["As the Forei", "These steps "] in linked
