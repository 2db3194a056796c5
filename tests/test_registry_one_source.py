"""One person or body, one source; no source for what is no name: a surname met before the
full name, a body's name with and without its country, and sentence-opening plurals or
titles after "the" (made-up people and bodies; each case has a near case that stays apart)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from claims.sources.country_prefix import without_country
from claims.sources.full_names import DocumentNames
from claims.sources.models import KnownSource
from claims.sources.normalize import core_tokens
from claims.sources.resolution import Method
from claims.sources.resolve import RegistryIndex
from db.models import Attribution, Source
from tests.conftest import Cli

COMMISSION = "Quayside and Tonnage Commission"


def _ingest(cli: Cli, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    result = cli("ingest", "--quiet", str(path))
    assert result.exit_code == 0, result.output


def _cited(cli: Cli) -> set[str]:
    """The names of the sources chain links cite."""
    with cli.target.database.read() as session:
        cited = set(session.scalars(select(Attribution.source_id))) - {None}
        return set(session.scalars(select(Source.name).where(Source.id.in_(cited))))


def test_a_surname_before_the_full_name_is_that_person() -> None:
    text = "Varnholt said fees would rise. Pella Varnholt, the board's chair, spoke in May."
    assert DocumentNames(text).full_name("Varnholt", 0) == "Pella Varnholt"
    two = "Varnholt said fees would rise. Pella Varnholt and Ansgar Varnholt spoke in May."
    assert DocumentNames(two).full_name("Varnholt", 0) is None


def test_a_name_after_the_is_no_surname_of_a_person_named_later() -> None:
    text = "Fees will rise, according to The Ledger. Later Pella Ledger wrote about it."
    at = text.index("The Ledger")
    assert DocumentNames(text).full_name("The Ledger", at) is None  # a paper, not Ms Ledger
    assert DocumentNames(text).full_name("Ledger", at + 4) == "Pella Ledger"


def test_a_full_name_before_the_surname_wins_over_one_after() -> None:
    text = "Pella Varnholt spoke. Mr Varnholt said no. Ansgar Varnholt, her son, spoke later."
    at = text.index("Mr Varnholt")
    assert DocumentNames(text).full_name("Mr Varnholt", at) == "Pella Varnholt"


def test_a_surname_before_the_full_name_makes_one_source(cli: Cli, tmp_path: Path) -> None:
    _ingest(
        cli,
        tmp_path / "a.txt",
        "Harbour fees will rise 4% in March, Varnholt said on Monday.\n\n"
        "Pella Varnholt has chaired the harbour board since 2019.\n",
    )
    assert _cited(cli) == {"Pella Varnholt"}


def test_a_surname_alone_is_the_one_person_the_registry_holds(cli: Cli, tmp_path: Path) -> None:
    _ingest(cli, tmp_path / "a.txt", "Harbour fees will rise 4% in March, Pella Varnholt said.\n")
    _ingest(cli, tmp_path / "b.txt", "Tonnage fell 2% in April, Varnholt said.\n")
    assert _cited(cli) == {"Pella Varnholt"}
    _ingest(cli, tmp_path / "c.txt", "Dredging will start in June, Ansgar Varnholt said.\n")
    _ingest(cli, tmp_path / "d.txt", "Quay rents fell 3% in July, Varnholt said.\n")
    with cli.target.database.read() as session:
        last = session.scalars(
            select(Attribution).where(Attribution.mention == "Varnholt").order_by(Attribution.id)
        ).all()[-1]
        assert last.source_id is None  # two Varnholts now: the surname names neither


def test_a_country_word_before_a_specific_body_name_is_the_same_body() -> None:
    index = RegistryIndex([KnownSource(id=1, name=f"US {COMMISSION}")])
    assert index.resolve(COMMISSION).source_id == 1
    assert index.resolve(f"the UK {COMMISSION}").source_id is None  # another country's
    bare = RegistryIndex([KnownSource(id=2, name=COMMISSION)])
    assert bare.resolve(f"the US {COMMISSION}").source_id == 2
    owned = RegistryIndex([KnownSource(id=3, name="UK's Office for Quay Statistics")])
    assert owned.resolve("Office for Quay Statistics").source_id == 3
    assert owned.resolve("UK Office for Quay Statistics").source_id == 3


def test_a_country_word_stays_before_a_name_many_bodies_share() -> None:
    index = RegistryIndex([KnownSource(id=1, name="Harbour Court")])
    assert index.resolve("US Harbour Court").source_id is None
    assert without_country("China's National Quay Corporation") is None
    assert without_country("US Quay Court") is None
    assert without_country(f"US {COMMISSION}") == ("us", " ".join(core_tokens(COMMISSION)))


def test_a_body_with_and_without_its_country_is_one_source(cli: Cli, tmp_path: Path) -> None:
    _ingest(cli, tmp_path / "a.txt", f"Harbour fees will rise 4%, the US {COMMISSION} said.\n")
    _ingest(cli, tmp_path / "b.txt", f"Tonnage fell 2% in April, the {COMMISSION} said.\n")
    assert _cited(cli) == {f"US {COMMISSION}"}


def test_a_plural_for_people_opening_a_sentence_is_no_name() -> None:
    text = "Prosecutors said fees would rise. Judges agreed. Wharfers lost to Dockers on Monday."
    names = DocumentNames(text)
    assert names.ordinary_word("Prosecutors")
    assert names.ordinary_word("Judges")
    assert not names.ordinary_word("Dockers")  # capitalised inside a sentence: a name
    headline = DocumentNames("Harbour hails quay\n\nOrganisers said fees would rise.")
    assert headline.ordinary_word("Organisers")  # after a headline, a sentence opens


def test_a_title_after_the_names_nobody() -> None:
    index = RegistryIndex()
    assert index.resolve("the Bishop").method == Method.UNNAMED
    assert index.resolve("the Chancellor").method == Method.UNNAMED
    assert index.resolve("Bishop").new_source is not None  # a surname alone may be one


def test_plurals_and_titles_make_no_source(cli: Cli, tmp_path: Path) -> None:
    _ingest(
        cli,
        tmp_path / "a.txt",
        "Prosecutors said harbour fees would rise 4% in March.\n\n"
        "The fees were unfair, the Bishop said on Sunday.\n\n"
        "Tonnage fell 2% in April, Pella Varnholt said.\n",
    )
    assert _cited(cli) == {"Pella Varnholt"}


def test_a_first_name_alone_is_the_person_named_in_full() -> None:
    text = "Anselm Varnholt, the harbour chairman, spoke. Later Anselm said fees would rise."
    assert DocumentNames(text).full_name("Anselm", text.index("Anselm said")) == ("Anselm Varnholt")
    first = "Anselm plays the quay tonight. Sir Anselm Varnholt has sung there before."
    assert DocumentNames(first).full_name("Anselm", 0) == "Anselm Varnholt"


def test_a_first_word_of_a_body_is_no_first_name() -> None:
    for text in (
        "Shares in Quayline Capital rose. Quayline said fees would rise.",
        "Quayline Holdings, the harbour group, grew. Quayline said fees would rise.",
        "Drinks group Quayline Holdings grew. Quayline said fees would rise.",
        "We sued media giant Quayline Universal, its boss and a clerk. Quayline said no.",
        "Mr Brink ran Quayline USA. Quayline said fees would rise.",
    ):
        assert DocumentNames(text).full_name("Quayline", text.index("Quayline said")) is None
    two = "Anselm Varnholt, the harbour chairman, and Anselm Brink, his son, spoke. Anselm said no."
    assert DocumentNames(two).full_name("Anselm", two.index("Anselm said")) is None


def test_a_first_name_joins_the_full_name_in_one_source(cli: Cli, tmp_path: Path) -> None:
    _ingest(
        cli,
        tmp_path / "a.txt",
        "Anselm Varnholt, the harbour chairman, opened the new quay on Monday.\n\n"
        "Harbour fees will rise 4% in March, Anselm said.\n",
    )
    assert _cited(cli) == {"Anselm Varnholt"}
