"""The registry index shared between documents: reused while the registry is unchanged,
grown by appended rows, rebuilt after edits, and never holding uncommitted sources."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select, update

from claims.sources.normalize import alias_key
from claims.store.sources import forget, resolve_attributions, shared_index
from db.models import Attribution, RegistryChanges, Source, SourceAlias, SourceFlag
from tests.conftest import Target


@pytest.fixture(autouse=True)
def fresh_cache() -> None:
    forget()


def add_source(target: Target, name: str, alias: str | None = None) -> int:
    with target.database.write() as session:
        source = Source(name=name, kind="news_agency", reliability="B")
        session.add(source)
        session.flush()
        for text in filter(None, [name, alias]):
            session.add(SourceAlias(source_id=source.id, alias=text, key=alias_key(text)))
        return source.id


def found(target: Target, name: str) -> int | None:
    with target.database.read() as session:
        return shared_index(session).resolve(name).source_id


def test_reused_while_unchanged_and_grown_by_new_rows(target: Target) -> None:
    first = add_source(target, "Daily Ledger")
    with target.database.read() as session:
        index = shared_index(session)
    with target.database.read() as session:
        assert shared_index(session) is index
    second = add_source(target, "Harbour Wire Service", "HWS")  # as another writer would
    with target.database.read() as session:
        grown = shared_index(session)
    assert grown is index
    assert found(target, "HWS") == second and found(target, "Daily Ledger") == first


def test_an_edited_source_rebuilds_the_index(target: Target) -> None:
    source_id = add_source(target, "Daily Ledger")
    with target.database.read() as session:
        before = shared_index(session)
    with target.database.write() as session:
        row = session.get_one(Source, source_id)
        row.name = "The Daily Ledger"
    with target.database.read() as session:
        after = shared_index(session)
    assert after is not before
    assert found(target, "The Daily Ledger") == source_id


def test_a_source_created_in_a_rolled_back_transaction_never_reaches_the_cache(
    target: Target,
) -> None:
    add_source(target, "Daily Ledger")
    with pytest.raises(RuntimeError), target.database.write() as session:
        link = Attribution(role="speaker", mention="Coastal Farmers Union", position=0)
        resolve_attributions(session, [link], "tester")
        assert link.source_id is not None
        raise RuntimeError("the document failed later")
    assert found(target, "Coastal Farmers Union") is None
    with target.database.read() as session:
        names = set(session.scalars(select(Source.name)))
    assert "Coastal Farmers Union" not in names


def changes(target: Target) -> tuple[int, int]:
    """Rows added to and changed in the registry tables, as the database counted them."""
    with target.database.read() as session:
        row = session.get(RegistryChanges, 1)
        return (row.appended, row.altered) if row is not None else (0, 0)


def test_the_database_counts_registry_rows_added_and_changed(target: Target) -> None:
    assert changes(target) == (0, 0)
    source_id = add_source(target, "Daily Ledger", "The Ledger")  # a source and two aliases
    assert changes(target) == (3, 0)
    with target.database.write() as session:
        session.add(SourceFlag(source_id=source_id, flag="state_affiliated"))
        session.get_one(Source, source_id).name = "The Daily Ledger"
    assert changes(target) == (4, 1)
    with target.database.write() as session:
        session.execute(update(Source).where(Source.id == -1).values(name="nobody"))
    assert changes(target) == (4, 1)  # a statement that changed no row counts nothing
    with target.database.write() as session:
        session.execute(delete(SourceAlias).where(SourceAlias.alias == "The Ledger"))
    assert changes(target) == (4, 2)


def test_a_row_added_below_the_largest_id_rebuilds_the_index(target: Target) -> None:
    """As when a concurrent writer commits a source it numbered before the last one read."""
    add_source(target, "Daily Ledger")
    with target.database.write() as session:
        session.add(Source(id=50, name="Harbour Wire Service", kind="news_agency"))
    with target.database.read() as session:
        before = shared_index(session)
    with target.database.write() as session:
        session.add(Source(id=20, name="Coastal Farmers Union", kind="ngo"))
    with target.database.read() as session:
        after = shared_index(session)
    assert after is not before
    assert found(target, "Coastal Farmers Union") == 20


def test_a_deleted_alias_rebuilds_the_index(target: Target) -> None:
    source_id = add_source(target, "Daily Ledger", "The Ledger")
    with target.database.read() as session:
        before = shared_index(session)
    with target.database.write() as session:
        session.execute(delete(SourceAlias).where(SourceAlias.alias == "The Ledger"))
    with target.database.read() as session:
        after = shared_index(session)
    assert after is not before
    assert after.sources[source_id].aliases == ("Daily Ledger",)
