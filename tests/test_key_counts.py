"""How many claims hold each blocking key (`claim_key_counts`), and how many keys each claim
has (`claim_key_sizes`), stay what counting `claim_keys`
give, through ingest, new versions, deleted documents, rebuilds and imports, on SQLite and
PostgreSQL, and through the migration both ways."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, func, select

from claims.store.exports.importer import DATA_TABLES
from claims.store.matching.index import SqlIndex, insert_keys
from db import migrate
from db.engine import Database, storable
from db.models import ClaimKey, ClaimKeyCount, ClaimKeySize, Document
from tests.conftest import Cli, Target
from tests.factories import make_claim, make_document

FERRY = (
    "Harbour officials in Brindlemouth said the ferry strike ended on Tuesday after 12 days.\n\n"
    "The Brindlemouth ferry union said 340 crew members would return to work on Wednesday.\n"
)
FERRY_AGAIN = (
    "Harbour officials in Brindlemouth said the ferry strike ended on Tuesday after 14 days.\n\n"
    "The Brindlemouth ferry union said 340 crew members would return to work on Thursday.\n"
)
MILL = (
    "The Oakridge paper mill will close in March, the owners told 220 workers on Monday.\n\n"
    "Ferry crews in Brindlemouth said the strike had ended on Tuesday, officials said.\n"
)


def counted(database: Database) -> dict[str, int]:
    """Key -> holders as the table of counts holds it."""
    with database.read() as session:
        rows = session.execute(select(ClaimKeyCount.key, ClaimKeyCount.holders))
        return {key: int(holders) for key, holders in rows}


def recounted(database: Database) -> dict[str, int]:
    """Key -> holders counted from the keys themselves."""
    with database.read() as session:
        rows = session.execute(
            select(ClaimKey.key, func.count()).select_from(ClaimKey).group_by(ClaimKey.key)
        )
        return {key: int(holders) for key, holders in rows}


def sizes(database: Database) -> tuple[dict[int, int], dict[int, int]]:
    """Claim -> number of keys, as the table of sizes holds it and counted from the keys."""
    with database.read() as session:
        kept = session.execute(select(ClaimKeySize.claim_id, ClaimKeySize.keys))
        counted = session.execute(
            select(ClaimKey.claim_id, func.count()).group_by(ClaimKey.claim_id)
        )
        return {row[0]: row[1] for row in kept}, {row[0]: int(row[1]) for row in counted}


def in_step(database: Database) -> dict[str, int]:
    found = counted(database)
    assert found == recounted(database)
    kept, recount = sizes(database)
    assert kept == recount
    return found


def test_counts_follow_ingest_versions_deletes_and_rebuilds(cli: Cli, tmp_path: Path) -> None:
    database = cli.target.database
    ferry, mill = tmp_path / "ferry.txt", tmp_path / "mill.txt"
    ferry.write_text(FERRY, encoding="utf-8")
    mill.write_text(MILL, encoding="utf-8")
    assert cli("ingest", str(ferry), str(mill)).exit_code == 0
    first = in_step(database)
    assert first and max(first.values()) >= 2  # the two documents share keys
    ferry.write_text(FERRY_AGAIN, encoding="utf-8")
    result = cli("ingest", str(ferry))
    assert result.exit_code == 0 and "1 new version" in result.output
    versions = in_step(database)
    assert sum(versions.values()) > sum(first.values())
    with database.write() as session:  # claims and their keys go by cascade
        session.execute(delete(Document).where(Document.locator == str(mill)))
    after_delete = in_step(database)
    assert sum(after_delete.values()) < sum(versions.values())
    assert cli("match", "--rebuild").exit_code == 0
    assert in_step(database) == after_delete


def test_counts_follow_an_import(cli: Cli, tmp_path: Path) -> None:
    database = cli.target.database
    source = tmp_path / "mill.txt"
    source.write_text(MILL, encoding="utf-8")
    assert cli("ingest", str(source)).exit_code == 0
    exported = tmp_path / "store.json"
    assert cli("export", "--format", "json", "-o", str(exported)).exit_code == 0
    before = in_step(database)
    with database.write() as session:  # emptied, as an import requires
        for model in reversed(DATA_TABLES):
            session.execute(delete(model))
    assert counted(database) == {}
    assert cli("import", str(exported)).exit_code == 0
    assert in_step(database) == before


def test_migration_counts_existing_keys_and_goes_back(tmp_path: Path) -> None:
    database = Database.from_target(str(tmp_path / "counts.db"))
    migrate.upgrade(database, "0003")
    with database.write() as session:
        document = make_document(session, "The ferry strike ended. Talks went on.")
        ferry = make_claim(session, document, "The ferry strike ended.").id
        talks = make_claim(session, document, "Talks went on.").id
        session.add_all(
            [ClaimKey(claim_id=ferry, key=k) for k in ("e:ferry", "w:strike", "w:ended")]
            + [ClaimKey(claim_id=talks, key=k) for k in ("w:ended", "w:talks")]
        )
    migrate.upgrade(database)
    assert in_step(database) == {"e:ferry": 1, "w:strike": 1, "w:ended": 2, "w:talks": 1}
    migrate.downgrade(database, "0003")
    migrate.upgrade(database)
    with database.write() as session:
        session.execute(delete(ClaimKey).where(ClaimKey.claim_id == talks))
    assert in_step(database) == {"e:ferry": 1, "w:strike": 1, "w:ended": 1}
    database.dispose()


def test_keys_of_any_text_are_written_as_their_parameters_would_be(target: Target) -> None:
    """Keys go to the database as one parameter: accents, characters beyond the first plane
    and unstorable ones (a lone surrogate becomes U+FFFD, as in any parameter) arrive as a
    parameter of their own would have put them."""
    odd = ["w:café", "e:\U0001f6a2 harbour", "w:quay\udc80side", 'w:say "aye"', "w:a\\b"]
    with target.database.write() as session:
        document = make_document(session, FERRY)
        claim = make_claim(session, document, FERRY.split("\n")[0])
        insert_keys(session, {claim.id: odd})
    with target.database.read() as session:
        stored = set(session.scalars(select(ClaimKey.key).where(ClaimKey.claim_id == claim.id)))
        found = SqlIndex(session).holders([storable(key) for key in odd])
    assert stored == {storable(key) for key in odd}
    assert "w:quay\ufffdside" in stored
    assert found == {storable(key): [claim.id] for key in odd}
    assert in_step(target.database) == dict.fromkeys(stored, 1)
