"""One body, one source: its acronym, its full name and its name run together find each other
(made-up bodies; each case has a near case that must stay apart)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from claims.sources.acronyms import acronym_keys, as_acronym, defined_acronym
from claims.sources.models import KnownSource
from claims.sources.resolve import RegistryIndex
from db.models import Attribution, Source
from tests.conftest import Cli


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("Organisation for Harbour Co-operation and Dredging", ("OHCD",)),
        ("Bank of Tidewater", ("BoT",)),
        ("Sand & Pebble's", ("S&P",)),
        ("Harbour Pilots Safety Board", ("HPSB",)),
        ("Ferry Lines", ()),  # two capitals alone: too short to be told apart
        ("Office for tide tables", ()),  # a phrase, not a body's name
    ],
)
def test_the_acronyms_a_full_name_may_be_written_as(name: str, keys: tuple[str, ...]) -> None:
    assert acronym_keys(name)[: len(keys)] == keys
    if not keys:
        assert acronym_keys(name) == ()


@pytest.mark.parametrize(
    ("word", "acronym"),
    [("OHCD", True), ("BoT", True), ("S&P", True), ("FL", False), ("Reuters", False)],
)
def test_what_reads_as_an_acronym(word: str, acronym: bool) -> None:
    assert (as_acronym(word) is not None) is acronym


def test_a_name_followed_by_its_acronym_defines_it() -> None:
    full = "Office for Harbour Statistics"
    assert defined_acronym(f"{full} (OHS)") == (full, "OHS")
    assert defined_acronym(f"{full} (XYZ)") is None  # not its initials: left as written


BODY = KnownSource(id=4, name="Organisation for Harbour Co-operation and Dredging")


def test_an_acronym_finds_the_body_it_abbreviates() -> None:
    index = RegistryIndex([BODY])
    found = index.resolve("OHCD")
    assert found.source_id == 4
    assert "initials" in found.reasons[0]
    assert index.resolve("the OHCD").source_id == 4
    assert index.resolve("OHCE").source_id is None


def test_a_full_name_finds_the_body_registered_by_its_acronym() -> None:
    index = RegistryIndex([KnownSource(id=5, name="HPSB")])
    assert index.resolve("the Harbour Pilots Safety Board").source_id == 5
    assert index.resolve("the Harbour Pilots Safety Council").source_id is None


def test_two_bodies_with_the_same_initials_leave_an_acronym_alone() -> None:
    twin = KnownSource(id=6, name="Order of Harbour Captains and Divers")
    found = RegistryIndex([BODY, twin]).resolve("OHCD")
    assert found.source_id is None and found.new_source is not None


def test_people_and_short_initials_are_never_abbreviated() -> None:
    person = KnownSource(id=8, name="Haidar Mansour Hadi", kind="official")
    assert RegistryIndex([person]).resolve("HMH").source_id is None
    airline = KnownSource(id=9, name="Tidewater Airways")
    assert RegistryIndex([airline]).resolve("TA").source_id is None


def test_a_name_run_together_is_the_same_body() -> None:
    index = RegistryIndex([KnownSource(id=10, name="Harbour Warner")])
    assert index.resolve("HarbourWarner").source_id == 10
    assert (
        RegistryIndex([KnownSource(id=11, name="HarbourWarner")])
        .resolve("Harbour Warner")
        .source_id
        == 11
    )


def _ingest(cli: Cli, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    result = cli("ingest", "--quiet", str(path))
    assert result.exit_code == 0, result.output


def test_across_documents_an_acronym_joins_the_body_it_defines(cli: Cli, tmp_path: Path) -> None:
    _ingest(
        cli,
        tmp_path / "a.txt",
        "The Office for Harbour Statistics (OHS) said tonnage rose 4% in March.\n",
    )
    _ingest(cli, tmp_path / "b.txt", "Tonnage fell 2% in April, the OHS said on Friday.\n")
    with cli.target.database.read() as session:
        names = set(session.scalars(select(Source.name)))
        linked = {link.source_id for link in session.scalars(select(Attribution))}
    assert "Office for Harbour Statistics" in names
    assert not {"OHS", "Office for Harbour Statistics (OHS)"} & names
    assert len(linked - {None}) == 1
