"""A new source is the person a mention names, not the mention's employer, title or place
(made-up people and bodies; each case has a body's name beside it that stays whole)."""

from __future__ import annotations

import pytest

from claims.sources.models import KnownSource
from claims.sources.own_name import OwnName, own_name
from claims.sources.resolve import RegistryIndex


@pytest.mark.parametrize(
    ("mention", "own"),
    [
        ("Harbour Bank's Edda Wollin", OwnName("Edda Wollin", "Harbour Bank")),
        ("Tide Networks' Sara Turner Lang", OwnName("Sara Turner Lang", "Tide Networks")),
        ("Bram Tillis of Ferry Fargo in Minneapolis", OwnName("Bram Tillis", "Ferry Fargo")),
        ("Harbour Radio's Pim Moller in Rome", OwnName("Pim Moller", "Harbour Radio")),
        ("EU Harbour Commissioner Piet Mandell", OwnName("Piet Mandell")),
        (
            "Detective Inspector Pol Mill of Tide Valley Police",
            OwnName("Pol Mill", "Tide Valley Police"),
        ),
        ("Harbour Bank's Simon Champion", OwnName("Simon Champion", "Harbour Bank")),
        ("Broadcaster Pim Moller", OwnName("Pim Moller")),
        ("Vice-President Piet Mandell", OwnName("Piet Mandell")),
    ],
)
def test_the_person_inside_a_mention(mention: str, own: OwnName) -> None:
    assert own_name(mention) == own


@pytest.mark.parametrize(
    "mention",
    [
        "Bank of Tidewater",
        "Moody's Harbour Service",
        "Royal Bank of Tidewater",
        "Friends of the Harbour",
        "Iraq's Ministry of Harbours",
        "Harbour Radio's World Business Report",
        "Jan de Vries",
        "Lord Tull of Finsbury",
        "St Fintan's High School",
        "British Chambers of Harbours",
        "Harbour Service's The Ticket",
        "The EU's Humanitarian Harbour Commissioner",
    ],
)
def test_a_body_or_a_plain_name_stays_whole(mention: str) -> None:
    assert own_name(mention) == OwnName(mention)


def test_a_new_source_takes_the_persons_name_and_the_registered_employer() -> None:
    bank = KnownSource(id=2, name="Harbour Bank", kind="company")
    found = RegistryIndex([bank]).resolve("Harbour Bank's Edda Wollin")
    assert found.new_source is not None
    assert found.new_source.name == "Edda Wollin"
    assert found.new_source.parent_id == 2


def test_a_titled_mention_finds_the_person_already_registered() -> None:
    person = KnownSource(id=3, name="Piet Mandell")
    found = RegistryIndex([person]).resolve("EU Harbour Commissioner Piet Mandell")
    assert found.source_id == 3
    assert "inside the mention" in found.reasons[0]
