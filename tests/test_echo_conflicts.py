"""The cross-report conflicts of one event, end to end: a wire report of a defence ministry's
statement and a state agency's report of the same strike, ingested one after the other, are
linked on the casualties, the damage and the attack against its denial (made-up articles)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from db.models import Claim, Relation
from tests.conftest import Cli

WIRE = (
    "Drones strike Black Sea oil terminal, Russia says\n\n"
    "    MOSCOW, Nov 12 (Northwire) - Ukrainian drones attacked the Sheskharis oil terminal"
    " near Novorossiysk overnight, killing two workers, the Russian Defence Ministry said on"
    " Wednesday.\n"
    "    The ministry said air defences had destroyed 14 drones over the Black Sea and the"
    " Krasnodar region.\n"
    "    The terminal was not damaged, the ministry said in a statement on Telegram.\n"
    "    Oil loadings at the port resumed in the morning, two traders said.\n"
)
AGENCY = (
    "Governor says port operations continue after drone raid\n\n"
    "    NOVOROSSIYSK, Nov 12 (StateAgency) - Krasnodar governor Veniamin Kondratyev said one"
    " person had been injured in the drone attack on the Sheskharis terminal.\n"
    "    Air defence units destroyed 14 Ukrainian drones over the region, the Russian Defence"
    " Ministry said.\n"
    "    Satellite images released on Wednesday showed damage to two storage tanks at the"
    " terminal.\n"
    "    Kyiv denied carrying out the attack.\n"
    "    The Tuapse refinery was not damaged, the governor said.\n"
)


def conflicts(cli: Cli, folder: Path) -> dict[tuple[str, str], list[str]]:
    """The stored conflicts as (wire claim, agency claim) openings, with their reasons."""
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "agency.txt").write_text(AGENCY, encoding="utf-8")
    for name, outlet in (("wire.txt", "Northwire"), ("agency.txt", "StateAgency")):
        result = cli("ingest", "--outlet", outlet, "--published", "2026-11-12", str(folder / name))
        assert result.exit_code == 0, result.output
    with cli.target.database.read() as session:
        texts = {claim.id: " ".join(claim.text.split()) for claim in session.scalars(select(Claim))}
        rows = session.scalars(select(Relation).where(Relation.kind == "conflicts")).all()
        found = {}
        for row in rows:
            first, second = sorted((texts[row.claim_id], texts[row.other_claim_id]))
            found[(first[:24], second[:24])] = list(row.reasons)
        return found


def test_the_three_conflicts_across_the_two_reports_are_found(cli: Cli, tmp_path: Path) -> None:
    found = conflicts(cli, tmp_path)
    casualties = found[("MOSCOW, Nov 12 (Northwir", "NOVOROSSIYSK, Nov 12 (St")]
    assert "casualties differ: killing two workers vs one person had been injured" in casualties
    damage = found[("Satellite images release", "The terminal was not dam")]
    assert damage[0] == "polarity: negated vs reported"
    attack = found[("Kyiv denied carrying out", "MOSCOW, Nov 12 (Northwir")]
    assert attack[0] == "polarity: reported vs denied"
    assert "same subject: Ukrainian drones / Kyiv; same predicate: attacked" in attack


def test_what_the_reports_do_not_dispute_is_no_conflict(cli: Cli, tmp_path: Path) -> None:
    found = conflicts(cli, tmp_path)
    assert len(found) == 3, found
