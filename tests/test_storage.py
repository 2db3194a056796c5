"""What the store keeps per claim: claim keys are stored once as a b-tree on SQLite, through a
migration that keeps every key and the cascade from claims, both ways."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, select, text

from db import migrate
from db.engine import Database
from db.models import Claim, ClaimKey
from tests.factories import make_claim, make_document


def keys(database: Database) -> list[tuple[int, str]]:
    with database.read() as session:
        rows = session.execute(select(ClaimKey.claim_id, ClaimKey.key).order_by(ClaimKey.key))
        return [(row[0], row[1]) for row in rows]


def table_sql(database: Database) -> str:
    with database.read() as session:
        found = session.scalar(
            text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'claim_keys'")
        )
    return str(found)


def test_claim_keys_lose_their_rowid_and_keep_every_key(tmp_path: Path) -> None:
    database = Database.from_target(str(tmp_path / "keys.db"))
    migrate.upgrade(database, "0002")
    with database.write() as session:
        document = make_document(session, "The ferry strike ended. Talks went on.")
        ferry = make_claim(session, document, "The ferry strike ended.").id
        talks = make_claim(session, document, "Talks went on.").id
        session.add_all(
            [ClaimKey(claim_id=ferry, key=k) for k in ("e:ferry", "w:strike", "n:2")]
            + [ClaimKey(claim_id=talks, key="w:talks")]
        )
    before = keys(database)
    assert "WITHOUT ROWID" not in table_sql(database)
    migrate.upgrade(database)
    assert "WITHOUT ROWID" in table_sql(database)
    assert keys(database) == before
    migrate.downgrade(database, "0002")
    assert "WITHOUT ROWID" not in table_sql(database) and keys(database) == before
    migrate.upgrade(database)
    with database.write() as session:
        session.execute(delete(Claim).where(Claim.id == ferry))
    assert keys(database) == [(talks, "w:talks")]
    database.dispose()
