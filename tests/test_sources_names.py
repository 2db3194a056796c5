"""Registry resolution creates sources only for names, and a surname alone finds the one
registered person who bears it (made-up names; each junk case has a near case that stays)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from claims.sources.models import KnownSource
from claims.sources.normalize import name_problem
from claims.sources.resolution import Method
from claims.sources.resolve import RegistryIndex
from db.models import Attribution, Source
from tests.conftest import Cli


@pytest.mark.parametrize(
    ("junk", "name"),
    [
        ("Note", "Notley"),
        ("Late last", "Late Show Network"),
        ("Earlier today", "Early Warning Project"),
        (
            "Harbour Commission for the offering of 40 mln dlrs of subordinated notes",
            "Harbour Commission for the Study of Tides",
        ),
        ("Northern Sea remains a region", "Northern Sea Eye"),
        ("republic's envoy to the Harbour Federation", "Jan de Vries"),
        ("In addition", "Institute for the Study of Tides"),
    ],
)
def test_only_names_pass_the_name_check(junk: str, name: str) -> None:
    assert name_problem(junk) is not None
    assert name_problem(name) is None, name_problem(name)


@pytest.mark.parametrize("name", ["de Vries", "Рыбарь", "Channel 24", "Committee to Protect Tides"])
def test_particles_other_scripts_and_numbers_are_names(name: str) -> None:
    assert name_problem(name) is None


def test_a_non_name_becomes_an_unresolved_link_not_a_source() -> None:
    resolution = RegistryIndex().resolve("Northern Sea remains a region")
    assert resolution.method is Method.UNNAMED
    assert resolution.source_id is None and resolution.new_source is None
    assert "does not read as a name" in resolution.reasons[0]
    assert RegistryIndex().resolve("Northern Sea Eye").new_source is not None


def test_a_name_inside_a_stray_clause_still_finds_its_source() -> None:
    index = RegistryIndex([KnownSource(id=3, name="Harbour Commission", kind="government")])
    mention = "Harbour Commission for the offering of 40 mln dlrs of subordinated notes"
    assert index.resolve(mention).source_id == 3


CREATED = KnownSource(id=7, name="Igor Valdemarov")
"""A person created from an earlier article: kind unknown, as ingestion makes them."""


def test_a_surname_finds_the_one_registered_person_with_it() -> None:
    index = RegistryIndex([CREATED, KnownSource(id=8, name="Jan de Vries", kind="expert")])
    found = index.resolve("Valdemarov")
    assert (found.source_id, found.method) == (7, Method.FUZZY), found.reasons
    assert index.resolve("de Vries").source_id == 8


def test_two_people_with_one_surname_leave_the_surname_unresolved() -> None:
    index = RegistryIndex([CREATED, KnownSource(id=9, name="Anna Valdemarov", kind="official")])
    found = index.resolve("Valdemarov")
    assert found.source_id is None and found.new_source is None
    assert "several registry sources" in found.reasons[0]
    assert index.resolve("Anna Valdemarov").source_id == 9


def test_a_surname_never_names_an_organisation_or_a_place() -> None:
    index = RegistryIndex(
        [
            KnownSource(id=4, name="Valdemarov Holdings", kind="company"),
            KnownSource(id=5, name="Northern Sea Authority"),
        ]
    )
    assert index.resolve("Valdemarov").source_id is None
    assert index.resolve("Authority").source_id is None


def _ingest(cli: Cli, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    result = cli("ingest", "--quiet", str(path))
    assert result.exit_code == 0, result.output


def test_across_documents_a_surname_joins_the_full_name(cli: Cli, tmp_path: Path) -> None:
    _ingest(cli, tmp_path / "a.txt", "Igor Valdemarov said the ferry would sail on Monday.\n")
    _ingest(cli, tmp_path / "b.txt", "The harbour was closed, Valdemarov told reporters.\n")
    with cli.target.database.read() as session:
        names = set(session.scalars(select(Source.name)))
        links = {link.mention: link.source_id for link in session.scalars(select(Attribution))}
    assert "Igor Valdemarov" in names and "Valdemarov" not in names
    assert links["Valdemarov"] == links["Igor Valdemarov"]


def test_official_figures_are_data_not_an_anonymous_official() -> None:
    found = RegistryIndex().resolve("official figures")
    assert found.method is Method.UNNAMED and found.source_id is None
    assert found.new_source is None
    # Near case: unnamed officials are the anonymous source they always were.
    assert RegistryIndex().resolve("official sources").method is Method.ANONYMOUS
