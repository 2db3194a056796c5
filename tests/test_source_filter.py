"""The listing's `source:` filter and credibility order at scale, on SQLite and PostgreSQL:
`source_mentions` stays what counting the chain links gives, every way of finding a source's
claims gives the same claims, and the credibility order is kept by the database and read from
its index."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import delete, event, func, select, update
from sqlalchemy.orm import Session

from claims.store.views import (
    ClaimSort,
    SortKey,
    claim_page,
    count_claims,
    parse_filter,
    source_filter,
)
from db.models import Attribution, Claim, Document, Source, SourceMention
from db.unmodelled import credibility_order
from tests.conftest import Target
from tests.factories import Sample, build_sample, make_claim, make_document, make_source


def kept(session: Session) -> dict[tuple[str, int], int]:
    """(mention, source id or 0) -> links, as `source_mentions` holds it."""
    rows = session.execute(
        select(SourceMention.mention, SourceMention.source_id, SourceMention.links)
    )
    return {(row[0], row[1]): row[2] for row in rows}


def recounted(session: Session) -> dict[tuple[str, int], int]:
    """The same, counted from the chain links themselves."""
    source = func.coalesce(Attribution.source_id, 0)
    rows = session.execute(
        select(Attribution.mention, source, func.count()).group_by(Attribution.mention, source)
    )
    return {(row[0], row[1]): int(row[2]) for row in rows}


@pytest.fixture
def listing(target: Target) -> Sample:
    with target.database.write() as session:
        sample = build_sample(session)
        peskov = make_source(session, "Dmitry Peskov", "D", kind="person")
        document = make_document(session, "Peace is near, the Kremlin spokesman said.")
        make_claim(
            session,
            document,
            "Peace is near",
            chain=[("speaker", "the Kremlin spokesman", peskov), ("publisher", "Wire", None)],
        )
        return sample


def test_source_mentions_follow_every_change_to_the_chain_links(
    target: Target, listing: Sample
) -> None:
    with target.database.read() as session:
        assert kept(session) == recounted(session) and len(kept(session)) > 3
        peskov = session.scalars(select(Source).where(Source.name == "Dmitry Peskov")).one()
    with target.database.write() as session:  # a merge moves links to another source
        session.execute(
            update(Attribution)
            .where(Attribution.source_id == listing.sources["tass"])
            .values(source_id=listing.sources["ria"])
        )
        assert kept(session) == recounted(session)
    with target.database.write() as session:  # a deleted source leaves its links unresolved
        session.execute(delete(Source).where(Source.id == peskov.id))
        assert ("the Kremlin spokesman", 0) in kept(session)
        assert kept(session) == recounted(session)
    with target.database.write() as session:  # a deleted document takes its claims' links
        session.execute(delete(Document).where(Document.id == listing.documents[0]))
        assert kept(session) == recounted(session)
        session.execute(delete(Document))
        assert kept(session) == {}


def claim_ids(session: Session, query: str) -> tuple[list[int], list[int], int]:
    """Claims by id, by credibility, and their count."""
    claim_filter = parse_filter(query)
    by_id = [row.id for row in claim_page(session, claim_filter, ClaimSort())]
    ranked = ClaimSort(key=SortKey.CREDIBILITY)
    by_grade = [row.id for row in claim_page(session, claim_filter, ranked)]
    return by_id, by_grade, count_claims(session, claim_filter)


QUERIES = ["source:ria", "source:РИА", "source:officials", "source:spokesman", "source:Kremlin"]


def test_every_way_of_finding_a_sources_claims_finds_the_same(
    target: Target, listing: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    with target.database.read() as session:
        found = {query: claim_ids(session, query) for query in QUERIES}
        source_id = f"source:{listing.sources['ria']}"
        found[source_id] = claim_ids(session, source_id)
    assert found["source:Kremlin"][2] == 1  # in a mention only, not in the name "Dmitry Peskov"
    assert set(found["source:Kremlin"][0]) <= set(found["source:spokesman"][0])
    assert found["source:ria"] == found["source:РИА"] == found[source_id]
    for dense, scan in [(0, 500), (0, 0), (10**9, 0)]:  # walked, scanned, mentions scanned
        monkeypatch.setattr(source_filter, "DENSE_LINKS", dense)
        monkeypatch.setattr(source_filter, "MENTIONS_AT_ONCE", scan)
        with target.database.read() as session:
            for query, expected in found.items():
                assert claim_ids(session, query) == expected, (query, dense, scan)


@pytest.mark.parametrize(
    ("query", "index"),
    [
        ("", "ix_claims_credibility_order"),
        ("verdict:none", "ix_claims_verdict_credibility_order"),
        ("verdict:false", "ix_claims_verdict_credibility_order"),
        ("kind:statistic", "ix_claims_kind_credibility_order"),
    ],
)
def test_the_credibility_order_is_read_from_its_index(
    target: Target, listing: Sample, query: str, index: str
) -> None:
    """A page in credibility order, of every claim or of one verdict or kind, is read from an
    index already in that order, never by sorting what the filter lets through."""
    executed: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        executed.append((statement, params))

    with target.database.read() as session:
        connection = session.connection()
        event.listen(connection, "before_cursor_execute", keep)
        sort = ClaimSort(key=SortKey.CREDIBILITY, descending=True)
        claim_page(session, parse_filter(query), sort, limit=5)
        event.remove(connection, "before_cursor_execute", keep)
        statement, params = next(s for s in executed if "ORDER BY claims.credibility_order" in s[0])
        raw = connection.connection.dbapi_connection
        assert raw is not None
        cursor = raw.cursor()
        if target.database.is_sqlite:
            cursor.execute(f"EXPLAIN QUERY PLAN {statement}", params)
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
            assert index in plan and "TEMP B-TREE" not in plan, plan
        else:  # on a table this small the planner would rather sort: only ask if it can
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute(f"EXPLAIN {statement}", params)
            plan = " ".join(str(row[0]) for row in cursor.fetchall())
            # PostgreSQL keeps statistics and picks among the ordered indexes by them
            assert "credibility_order on claims" in plan and "Sort" not in plan, plan


def test_the_credibility_order_follows_both_grades(target: Target) -> None:
    with target.database.write() as session:
        document = make_document(session, "Oil rose. Gas fell. Coal held.")
        rose = make_claim(session, document, "Oil rose.", credibility_proposed=3)
        fell = make_claim(session, document, "Gas fell.", credibility=2, credibility_proposed=5)
        held = make_claim(session, document, "Coal held.")
        ids = (rose.id, fell.id, held.id)

    def orders() -> list[int]:
        with target.database.read() as session:
            query = select(credibility_order()).where(Claim.id.in_(ids)).order_by(Claim.id)
            return list(session.scalars(query))

    assert orders() == [3, 2, 9]
    with target.database.write() as session:
        session.execute(update(Claim).where(Claim.id == ids[0]).values(credibility=1))
        session.execute(update(Claim).where(Claim.id == ids[1]).values(credibility=None))
        session.execute(update(Claim).where(Claim.id == ids[2]).values(credibility_proposed=4))
    assert orders() == [1, 5, 4]
