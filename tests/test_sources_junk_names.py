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


def test_a_hyphenated_adjective_is_no_part_of_a_name() -> None:
    assert own_name("Paris-based Varnext").name == "Varnext"
    assert own_name("Tunisian-born Ali Varnholt").name == "Ali Varnholt"
    assert own_name("Jean-Ali Varnholt").name == "Jean-Ali Varnholt"


def test_a_lower_case_word_is_no_surname() -> None:
    from claims.sources.models import KnownSource
    from claims.sources.resolve import RegistryIndex

    index = RegistryIndex([KnownSource(id=1, name="World Harbour Report")])
    assert index.resolve("the report").source_id is None
    assert index.resolve("Report").source_id == 1  # capitalised: a surname may be meant


def test_a_known_body_is_named_without_the_words_saying_what_it_is() -> None:
    from claims.sources.resolve import RegistryIndex

    found = RegistryIndex().resolve("Interfax News")
    assert found.new_source is not None and found.new_source.name == "Interfax"
    other = RegistryIndex().resolve("Varnholt News")
    assert other.new_source is not None and other.new_source.name == "Varnholt News"


@pytest.mark.parametrize("word", ["Despite", "Overall", "Others", "Regionally", "Long-running"])
def test_a_lone_function_word_adverb_or_adjective_is_no_name(word: str) -> None:
    assert name_problem(word) is not None


@pytest.mark.parametrize("word", ["Kelly", "McNally", "May", "Varnholt", "Anglo-Varn"])
def test_names_that_look_alike_stay_names(word: str) -> None:
    assert name_problem(word) is None


def test_a_programme_owned_by_a_body_may_open_with_the() -> None:
    assert name_problem("Harbour Radio's The Tide") is None
    assert own_name("France's National Harbour Corporation").name == (
        "France's National Harbour Corporation"
    )
