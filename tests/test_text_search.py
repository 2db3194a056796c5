"""The text filter's search index: typed text searched literally on SQLite (FTS5 trigrams) and
PostgreSQL (pg_trgm), the index kept in step by triggers, filled and removed by its migration."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Select, delete, inspect, select, text, update
from sqlalchemy.orm import Session

from claims.store.views import ClaimSort, SortKey, claim_page, count_claims, parse_filter
from claims.store.views.claim_list import filtered
from claims.store.views.claim_stream import listed_claims
from claims.text.normalize import fold
from db import migrate
from db.engine import Database
from db.models import Claim, Document
from db.text_search import PG_TRIGRAM_INDEX, SQLITE_FTS_TABLE, search_tables
from tests.conftest import Cli, Target
from tests.factories import make_claim, make_document

SENTENCES = (
    'The mayor said "no new taxes" and NOT one cent more.',
    "Officials AND unions agreed OR so they said.",
    "The council met NEAR(the harbour, 5) on Monday.",
    "Turnout rose to 50% in the north_east ward.",
    "col:harbour is what the tool printed for the ferry schedule.",
    'An unbalanced "quote opened the ferry report.',
    "Prices ^rose by -3 percent* after the strike.",
    "The ferry strike ended after two days of talks.",
    "Ｆｕｌｌ width harbour names were folded.",
)

QUERIES = (
    '"no new taxes"',
    '"no new',
    'taxes" and',
    "NOT one",
    "and not",
    "AND unions",
    "agreed OR so",
    "OR",
    "NEAR(the harbour, 5)",
    "NEAR(",
    "near(the",
    "50%",
    "50% in",
    "north_east",
    "h_east",
    "%",
    "_",
    "col:harbour",
    "tool printed",
    '"quote opened',
    'unbalanced "',
    '"',
    '""',
    "^rose",
    "-3 percent*",
    "percent*",
    "*",
    "strike",
    "ferry",
    "full width",
    "harbour",
    "ha",
    "'; DROP TABLE claims; --",
    "a\x00b",
    "x" * 1000,
)


@pytest.fixture
def claim_ids(target: Target) -> list[int]:
    with target.database.write() as session:
        document = make_document(session, " ".join(SENTENCES))
        return [make_claim(session, document, sentence).id for sentence in SENTENCES]


def search(session: Session, typed: str) -> list[int]:
    return [row.id for row in claim_page(session, parse_filter(typed), ClaimSort(), limit=100)]


def literally(claim_ids: list[int], typed: str) -> list[int]:
    """The claims whose folded text holds the folded typed text, character for character."""
    words = parse_filter(typed).text
    return [i for i, sentence in zip(claim_ids, SENTENCES, strict=True) if words in fold(sentence)]


def test_typed_syntax_is_searched_literally(target: Target, claim_ids: list[int]) -> None:
    with target.database.read() as session:
        for typed in QUERIES:
            expected = literally(claim_ids, typed)
            assert search(session, typed) == expected, typed
            assert count_claims(session, parse_filter(typed)) == len(expected), typed
    with target.database.read() as session:
        assert search(session, "NEAR(") == [claim_ids[2]]
        assert search(session, '"no new') == [claim_ids[0]]
        assert search(session, "50%") == [claim_ids[3]]
        assert search(session, "h_east") == [claim_ids[3]]
        assert search(session, "strike") == [claim_ids[6], claim_ids[7]]
        assert search(session, "full width") == [claim_ids[8]]
        assert search(session, "%") == [claim_ids[3]]
        assert search(session, "agreed OR so") == [claim_ids[1]]
        assert count_claims(session, parse_filter("")) == len(SENTENCES)


def test_text_combines_with_filter_terms_and_pages_in_order(
    target: Target, claim_ids: list[int]
) -> None:
    ferry = [claim_ids[4], claim_ids[5], claim_ids[7]]
    with target.database.write() as session:
        session.execute(update(Claim).where(Claim.id == ferry[1]).values(verdict="false"))
    with target.database.read() as session:
        assert search(session, "ferry verdict:none") == [ferry[0], ferry[2]]
        assert search(session, "kind:statistic ferry") == []
        for key in (SortKey.ID, SortKey.VERDICT):
            for descending in (False, True):
                sort = ClaimSort(key=key, descending=descending)
                whole = [r.id for r in claim_page(session, parse_filter("ferry"), sort)]
                paged: list[int] = []
                after = None
                while page := claim_page(
                    session, parse_filter("ferry"), sort, after=after, limit=1
                ):
                    paged.append(page[0].id)
                    after = page[-1].cursor
                jumped = claim_page(session, parse_filter("ferry"), sort, offset=1, limit=1)
                assert sorted(whole) == ferry and paged == whole, (key, descending)
                assert [r.id for r in jumped] == whole[1:2]
        streamed = [claim.id for claim in listed_claims(session, parse_filter("ferry"))]
    assert streamed == ferry


def test_index_follows_inserts_updates_and_deletes(target: Target, claim_ids: list[int]) -> None:
    with target.database.write() as session:
        session.execute(
            update(Claim)
            .where(Claim.id == claim_ids[7])
            .values(norm_text=fold("The tram strike ended."))
        )
        session.execute(delete(Claim).where(Claim.id == claim_ids[6]))
        document = make_document(session, "A ferry strike is planned.")
        added = make_claim(session, document, "A ferry strike is planned.").id
    with target.database.read() as session:
        assert search(session, "ferry strike") == [added]
        assert search(session, "tram strike") == [claim_ids[7]]
        assert search(session, "strike") == [claim_ids[7], added]
        assert search(session, "^rose") == []
    if target.database.is_sqlite:  # FTS5 compares its index with the claims table
        with target.database.write() as session:
            session.execute(
                text(
                    f"INSERT INTO {SQLITE_FTS_TABLE}({SQLITE_FTS_TABLE}, rank)"
                    " VALUES ('integrity-check', 1)"
                )
            )


def test_the_index_answers_the_text_filter(target: Target, claim_ids: list[int]) -> None:
    with target.database.read() as session:
        query, _ = filtered(session, select(Claim.id), parse_filter("ferry strike"))
        if target.database.is_sqlite:
            plan = explain(session, "EXPLAIN QUERY PLAN", query)
            assert any(f"SCAN {SQLITE_FTS_TABLE} VIRTUAL TABLE INDEX" in line for line in plan)
            short, _ = filtered(session, select(Claim.id), parse_filter("ha"))
            assert not any(SQLITE_FTS_TABLE in line for line in explain(session, "EXPLAIN", short))
        else:
            session.execute(text("SET LOCAL enable_seqscan = off"))
            assert any(PG_TRIGRAM_INDEX in line for line in explain(session, "EXPLAIN", query))


def explain(session: Session, prefix: str, query: Select[Any]) -> list[str]:
    """The database's plan for `query`, run with its parameters bound as the listing binds them."""
    compiled = query.compile(dialect=session.get_bind().dialect)
    params = compiled.params
    args = (
        tuple(params[name] for name in compiled.positiontup or ())
        if compiled.positional
        else params
    )
    rows = session.connection().exec_driver_sql(f"{prefix} {compiled}", args).all()
    return [str(row[-1]) for row in rows]


def test_list_text_option(cli: Cli, claim_ids: list[int]) -> None:
    def listed(*options: str) -> list[int]:
        result = cli("list", "--json", *options)
        assert result.exit_code == 0, result.output
        return [json.loads(line)["id"] for line in result.stdout.splitlines()]

    assert listed("--text", "FERRY strike") == [claim_ids[7]]
    assert listed("--text", "NEAR(") == [claim_ids[2]]
    assert listed("--text", '"') == [claim_ids[0], claim_ids[5]]
    assert listed("--text", "50%") == [claim_ids[3]]
    assert listed("--text", "ferry", "--verdict", "none") == literally(claim_ids, "ferry")
    assert listed("--text", "zeppelin") == []
    assert cli("list", "--text", "zeppelin").stderr.strip() == "no claims"


def test_migration_fills_the_index_and_downgrade_removes_it(tmp_path: Path) -> None:
    database = Database.from_target(str(tmp_path / "old.db"))
    migrate.upgrade(database, "0001")
    with database.write() as session:
        document = make_document(session, "The ferry strike ended. Talks went on.")
        kept = make_claim(session, document, "The ferry strike ended.").id
        document_id = document.id
    migrate.upgrade(database)
    with database.read() as session:
        assert search(session, "ferry strike") == [kept]
        indexed = session.execute(
            text(f"SELECT rowid FROM {SQLITE_FTS_TABLE} WHERE norm_text LIKE '%ferry%'")
        ).scalars()
        assert list(indexed) == [kept]
    migrate.downgrade(database, "0001")
    with database.write() as session:
        names = set(inspect(session.connection()).get_table_names())
        assert not names & search_tables()
        triggers = session.execute(text("SELECT name FROM sqlite_master WHERE type='trigger'"))
        assert list(triggers) == []
        make_claim(session, session.get_one(Document, document_id), "Talks went on.")
    database.dispose()


@pytest.mark.postgres
def test_postgres_downgrade_removes_the_trigram_index(pg_target: Target) -> None:
    migrate.downgrade(pg_target.database, "0001")
    with pg_target.database.read() as session:
        indexes = {i["name"] for i in inspect(session.connection()).get_indexes("claims")}
    assert PG_TRIGRAM_INDEX not in indexes
    migrate.upgrade(pg_target.database)
    with pg_target.database.read() as session:
        indexes = {i["name"] for i in inspect(session.connection()).get_indexes("claims")}
    assert PG_TRIGRAM_INDEX in indexes
