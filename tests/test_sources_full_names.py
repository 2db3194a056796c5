"""One body or person, one source, named in full: a short mention takes the full name its
document gives ("the QHB" after "Quarry Harbour Board", "Varnholt" after "Pella Varnholt"), and
a source registered by its acronym takes the full name a later text gives, unless a person
named it (made-up bodies and people; each case has a near case that must stay apart)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from claims.sources.full_names import DocumentNames
from claims.sources.models import KnownSource
from claims.sources.resolve import RegistryIndex
from db.models import Attribution, AuditEntry, Source, SourceAlias
from tests.conftest import Cli

BOARD = "Quarry Harbour Board"


def test_an_acronym_is_the_body_its_document_names_in_full() -> None:
    names = DocumentNames(f"The {BOARD} met on Monday. The QHB said fees would rise.")
    assert names.full_name("the QHB") == BOARD
    assert names.full_name("QHC") is None  # initials of no name in the text


def test_an_acronym_two_names_in_the_text_share_is_left_alone() -> None:
    text = f"The {BOARD} and the Quay Hauliers Bureau met. The QHB said fees would rise."
    assert DocumentNames(text).full_name("QHB") is None


def test_a_surname_is_the_person_named_in_full_before_it() -> None:
    text = "Pella Varnholt chairs the board. Mr Varnholt said fees would rise."
    names = DocumentNames(text)
    at = text.index("Mr Varnholt")
    assert names.full_name("Mr Varnholt", at) == "Pella Varnholt"
    assert names.full_name("Varnholt", at) == "Pella Varnholt"
    assert names.full_name("Varnholt", 0) == "Pella Varnholt"  # the one named after it


def test_a_surname_two_people_share_is_left_alone() -> None:
    text = "Pella Varnholt and Ansgar Varnholt spoke. Varnholt said fees would rise."
    assert DocumentNames(text).full_name("Varnholt", text.index("Varnholt said")) is None


def test_a_surname_that_also_opens_a_body_name_is_left_alone() -> None:
    text = "Ivo Brennecke spoke for Brennecke Haulage. Brennecke said fees would rise."
    assert DocumentNames(text).full_name("Brennecke", text.index("Brennecke said")) is None


def test_particles_stay_with_the_surname() -> None:
    text = "Jorien van Dalsum spoke first. Van Dalsum said fees would rise."
    assert DocumentNames(text).full_name("van Dalsum", len(text)) == "Jorien van Dalsum"


def test_a_full_name_offers_itself_to_a_source_registered_by_its_acronym() -> None:
    index = RegistryIndex([KnownSource(id=3, name="QHB")])
    found = index.resolve(f"the {BOARD}")
    assert found.source_id == 3 and found.full_name == BOARD
    assert index.resolve("QHB").full_name is None
    registered = RegistryIndex([KnownSource(id=4, name="QHB", kind="company")])
    assert registered.resolve(BOARD).full_name is None  # a kind set by a person: left alone


def _ingest(cli: Cli, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    result = cli("ingest", "--quiet", str(path))
    assert result.exit_code == 0, result.output


def _sources(cli: Cli) -> dict[str, set[str]]:
    """Each source's name with its aliases, for the sources the chain links cite."""
    with cli.target.database.read() as session:
        cited = set(session.scalars(select(Attribution.source_id)))
        found: dict[str, set[str]] = {}
        for source in session.scalars(select(Source).where(Source.id.in_(cited - {None}))):
            aliases = session.scalars(
                select(SourceAlias.alias).where(SourceAlias.source_id == source.id)
            )
            found[source.name] = set(aliases)
    return found


def test_within_a_document_the_short_forms_join_the_full_names(cli: Cli, tmp_path: Path) -> None:
    _ingest(
        cli,
        tmp_path / "a.txt",
        "Harbour fees will rise 4% in March, the QHB said on Monday.\n\n"
        f"The {BOARD} was founded in 1950 by Pella Varnholt.\n\n"
        "Tonnage fell 2% in April, Varnholt said.\n",
    )
    assert set(_sources(cli)) == {BOARD, "Pella Varnholt"}


def test_a_later_document_gives_an_acronym_source_its_full_name(cli: Cli, tmp_path: Path) -> None:
    _ingest(cli, tmp_path / "a.txt", "Harbour fees will rise 4% in March, the QHB said.\n")
    assert set(_sources(cli)) == {"QHB"}
    _ingest(cli, tmp_path / "b.txt", f"Tonnage fell 2% in April, the {BOARD} said.\n")
    _ingest(cli, tmp_path / "c.txt", "Dredging will start in June, the QHB said.\n")
    sources = _sources(cli)
    assert set(sources) == {BOARD}
    assert {"QHB", BOARD} <= sources[BOARD]
    with cli.target.database.read() as session:
        actions = list(
            session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "source"))
        )
        assert actions.count("source.name") == 1


@pytest.mark.parametrize(
    "named_by_a_person",
    [
        ("sources", "edit", "QHB", "--reviewed"),
        ("sources", "edit", "QHB", "--alias", "Harbour board"),
        ("sources", "edit", "QHB", "--grade", "C", "--why", "checked its filings"),
    ],
)
def test_a_name_a_person_kept_or_set_is_never_replaced(
    cli: Cli, tmp_path: Path, named_by_a_person: tuple[str, ...]
) -> None:
    _ingest(cli, tmp_path / "a.txt", "Harbour fees will rise 4% in March, the QHB said.\n")
    result = cli(*named_by_a_person)
    assert result.exit_code == 0, result.output
    _ingest(cli, tmp_path / "b.txt", f"Tonnage fell 2% in April, the {BOARD} said.\n")
    assert set(_sources(cli)) == {"QHB"}  # the one source, under the name the person kept


def test_an_imported_acronym_keeps_its_name(cli: Cli, tmp_path: Path) -> None:
    registry = tmp_path / "registry.toml"
    registry.write_text('format = "claims-sources/1"\n\n[[sources]]\nname = "QHB"\n')
    result = cli("sources", "import", str(registry))
    assert result.exit_code == 0, result.output
    _ingest(cli, tmp_path / "b.txt", f"Tonnage fell 2% in April, the {BOARD} said.\n")
    assert set(_sources(cli)) == {"QHB"}


def test_resolving_again_names_a_source_in_full(cli: Cli, tmp_path: Path) -> None:
    _ingest(cli, tmp_path / "a.txt", "Harbour fees will rise 4% in March, the QHB said.\n")
    _ingest(cli, tmp_path / "b.txt", "Dredging will start in June, the QHB said.\n")
    assert set(_sources(cli)) == {"QHB"}
    _ingest(cli, tmp_path / "c.txt", f"Tonnage fell 2% in April, the {BOARD} said.\n")
    result = cli("sources", "resolve")
    assert result.exit_code == 0, result.output
    assert set(_sources(cli)) == {BOARD}


def test_an_acronym_the_text_defines_is_that_name_whatever_its_letters() -> None:
    text = "The Instituto Portuario de Vela y Obras (IPOV) met. The IPOV said fees rose."
    assert DocumentNames(text).full_name("IPOV") == "Instituto Portuario de Vela y Obras"
    short = "The Instituto Portuario (IPOV) met. The IPOV said fees rose."
    assert DocumentNames(short).full_name("IPOV") is None  # two words for four letters


def test_a_body_head_word_is_the_one_body_named_before_with_it() -> None:
    text = "The Tidewater Commission met. Later the Commission said fees would rise."
    names = DocumentNames(text)
    assert names.full_name("the Commission", text.index("the Commission")) == (
        "Tidewater Commission"
    )
    two = "The Tidewater Commission and the Quay Commission met. The Commission said no."
    assert DocumentNames(two).full_name("the Commission", len(two)) is None


def test_a_first_name_after_sir_is_the_person_named_in_full() -> None:
    text = "Sir Anselm Varnholt opened the quay. Sir Anselm said fees would rise."
    assert DocumentNames(text).full_name("Sir Anselm", len(text)) == "Anselm Varnholt"


def test_a_cut_name_is_the_longer_name_it_always_stands_in() -> None:
    text = "The Harbour Reporting Initiative sets rules. The Harbour Reporting Initiative said so."
    assert DocumentNames(text).full_name("the Harbour") == "Harbour Reporting Initiative"
    alone = "The Harbour Reporting Initiative sets rules. Harbour said so."
    assert DocumentNames(alone).full_name("Harbour", len(alone)) is None


def test_a_possessive_the_text_also_writes_bare_is_the_bare_name() -> None:
    text = "Pella Varnholt sued. The court upheld Ms Varnholt's claim."
    assert DocumentNames(text).full_name("Varnholt's", len(text)) == "Pella Varnholt"
    assert DocumentNames("Sand & Pebble's said fees rose.").full_name("Sand & Pebble's") is None


def test_a_word_the_document_writes_in_lower_case_is_an_ordinary_word() -> None:
    names = DocumentNames("Dredgers said fees rose. A dredger sank. Varnholt said no.")
    assert names.ordinary_word("Dredgers")
    assert not names.ordinary_word("Varnholt")


def test_an_ordinary_word_opening_a_sentence_makes_no_source(cli: Cli, tmp_path: Path) -> None:
    _ingest(
        cli,
        tmp_path / "a.txt",
        "Dredgers said harbour fees would rise 4% in March.\n\n"
        "A dredger sank off the quay in April, Pella Varnholt said.\n",
    )
    assert set(_sources(cli)) == {"Pella Varnholt"}


def test_a_full_name_never_joins_a_body_named_in_full_with_the_same_initials() -> None:
    trade = KnownSource(id=7, name="Wharf Trade Office", aliases=("WTO",))
    index = RegistryIndex([trade])
    assert index.resolve("Wharf Trade Office").source_id == 7
    assert index.resolve("WTO").source_id == 7
    assert index.resolve("the Wharf Tourism Office").source_id is None
    assert (
        RegistryIndex([KnownSource(id=8, name="WTO")]).resolve("Wharf Tourism Office").source_id
        == 8
    )


def test_a_full_name_loses_the_place_owning_it_and_the_adjective_before_it() -> None:
    text = (
        "Tidewater's Crown Prince Anselm married. The Tunisian-born Ali Varnholt filmed it. "
        "Anselm waved and Varnholt said so."
    )
    names = DocumentNames(text)
    assert names.full_name("Varnholt", len(text)) == "Ali Varnholt"
    inbev = "Profits rose at Belgium's Varnbrau. Belgium's Varnbrau said so."
    assert DocumentNames(inbev).full_name("Varnbrau", len(inbev)) is None


def test_an_acronym_a_document_spelled_out_stays_the_sources_alias(
    cli: Cli, tmp_path: Path
) -> None:
    _ingest(
        cli,
        tmp_path / "a.txt",
        f"The {BOARD} (QHB) met on Monday.\n\nFees will rise 4% in March, the QHB said.\n",
    )
    _ingest(cli, tmp_path / "b.txt", "Tonnage fell 2%, the harbour office QHB said on Friday.\n")
    sources = _sources(cli)
    assert set(sources) == {BOARD}
    assert "QHB" in sources[BOARD]


def test_a_definition_takes_the_end_of_the_name_its_letters_fit() -> None:
    text = "Lending fell, said both the Quarry Harbour Board (QHB) and the US. The QHB said so."
    assert DocumentNames(text).full_name("QHB") == BOARD
    run_over = "Lending fell in the US. The Portuario Board (IPVB) said so."
    assert DocumentNames(run_over).full_name("IPVB") is None


def test_a_word_the_text_also_capitalises_inside_a_sentence_is_a_name() -> None:
    text = "Tangerine said fees rose. A tangerine fell. A dispute with Tangerine goes on."
    assert not DocumentNames(text).ordinary_word("Tangerine")


def test_a_first_name_alone_is_not_expanded() -> None:
    text = "Profits rose at Varnholt Capital. Varnholt said fees would rise."
    assert DocumentNames(text).full_name("Varnholt", len(text)) is None


def test_across_documents_a_surname_finds_the_person_the_registry_holds(
    cli: Cli, tmp_path: Path
) -> None:
    _ingest(cli, tmp_path / "a.txt", "Fees will rise 4% in March, Jorien van Dalsum said.\n")
    _ingest(cli, tmp_path / "b.txt", "Tonnage fell 2% in April, van Dalsum said on Friday.\n")
    sources = _sources(cli)
    assert set(sources) == {"Jorien van Dalsum"}
