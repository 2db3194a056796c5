"""No junk sources: a body's name without its owning country, its place or its acronym; no
source for "He's" or a title of a work (made-up names; each with a near case kept whole)."""

from __future__ import annotations

import pytest

from claims.sources.normalize import is_unnamed, name_problem
from claims.sources.own_name import own_name


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("France's Tidewater Motors", "Tidewater Motors"),
        ("South Korea's Varn Shipyards", "Varn Shipyards"),
        ("Quay and Dock Office (QDO) in Baghdad", "Quay and Dock Office"),
        ("Iraq's Ministry of Harbours", "Iraq's Ministry of Harbours"),  # the country's own
        ("Russia's Harbour Agency", "Russia's Harbour Agency"),
        ("France's Harbour Commissioner", "France's Harbour Commissioner"),  # a role
        ("St Varnholt's High School", "St Varnholt's High School"),  # no country owns it
    ],
)
def test_a_body_takes_its_own_name(mention: str, name: str) -> None:
    assert own_name(mention).name == name


def test_a_pronoun_with_an_s_names_nobody() -> None:
    assert is_unnamed("He's")
    assert not is_unnamed("Hesketh")


def test_a_title_of_a_work_does_not_speak() -> None:
    assert name_problem("Walk With The Tide") is not None
    assert name_problem("Rags To Harbours") is not None
    assert name_problem("Bank of the West") is None
    assert name_problem("Institute For Harbour Studies") is None


def test_a_body_a_known_body_owns_takes_its_own_name_and_the_owner_as_affiliation() -> None:
    assert own_name("UN's Food & Harbour Organisation") == ("Food & Harbour Organisation", "UN")
    assert own_name("BBC's Focus").name == "BBC's Focus"  # one word: the owner stays
    assert own_name("BBC's The Harbour Hour").name == "BBC's The Harbour Hour"
    assert own_name("EU's Harbour Aid Commissioner").name == "EU's Harbour Aid Commissioner"
