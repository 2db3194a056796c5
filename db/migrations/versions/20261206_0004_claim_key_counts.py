"""claim key counts: how many claims hold each blocking key, and how many keys each claim has

Revision ID: 0004
Revises: 0003
Created: 2026-12-06 14:30:00

Matching reads, for every document it matches, how many claims hold each of the document's
keys (word rarity and the choice of keys to look up). Counted from `claim_keys` with
`GROUP BY`, that read grew with the store: a common word's count visited every claim that
holds it. `claim_key_counts` holds the count itself, one row a key, so the read is one index
look-up a key whatever the store holds. `claim_key_sizes` does the same for the number of
keys of each claim (read for the candidates of a claim with more than its budget). The database keeps it in step with `claim_keys`
(triggers on insert, delete and update, which cascades from deleted claims fire too), so no
writer can forget it; a key no claim holds has no row. Filled from the existing keys here.

SQLite: row triggers. PostgreSQL: statement triggers over the changed rows (transition
tables), one aggregated upsert per statement, in key order. A later migration that rebuilds
`claim_keys` (a batch copy) drops the SQLite triggers with it and must create them again
(`SQLITE_TRIGGERS`).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNTS_TABLE = """CREATE TABLE claim_key_counts (
    "key" VARCHAR(128) NOT NULL,
    holders INTEGER NOT NULL,
    CONSTRAINT pk_claim_key_counts PRIMARY KEY ("key")
){rowid}"""
SIZES_TABLE = """CREATE TABLE claim_key_sizes (
    claim_id INTEGER NOT NULL,
    keys INTEGER NOT NULL,
    CONSTRAINT pk_claim_key_sizes PRIMARY KEY (claim_id)
){rowid}"""
BACKFILL = (
    'INSERT INTO claim_key_counts ("key", holders)'
    ' SELECT "key", count(*) FROM claim_keys GROUP BY "key" ORDER BY "key"',
    "INSERT INTO claim_key_sizes (claim_id, keys)"
    " SELECT claim_id, count(*) FROM claim_keys GROUP BY claim_id ORDER BY claim_id",
)

_SQLITE_ADD = (
    'INSERT INTO claim_key_counts ("key", holders) VALUES (new."key", 1)'
    ' ON CONFLICT ("key") DO UPDATE SET holders = holders + 1;'
    " INSERT INTO claim_key_sizes (claim_id, keys) VALUES (new.claim_id, 1)"
    " ON CONFLICT (claim_id) DO UPDATE SET keys = keys + 1;"
)
_SQLITE_REMOVE = (
    'UPDATE claim_key_counts SET holders = holders - 1 WHERE "key" = old."key";'
    ' DELETE FROM claim_key_counts WHERE "key" = old."key" AND holders <= 0;'
    " UPDATE claim_key_sizes SET keys = keys - 1 WHERE claim_id = old.claim_id;"
    " DELETE FROM claim_key_sizes WHERE claim_id = old.claim_id AND keys <= 0;"
)
SQLITE_TRIGGERS = (
    f"CREATE TRIGGER claim_key_counts_insert AFTER INSERT ON claim_keys BEGIN {_SQLITE_ADD} END",
    f"CREATE TRIGGER claim_key_counts_delete AFTER DELETE ON claim_keys BEGIN {_SQLITE_REMOVE} END",
    "CREATE TRIGGER claim_key_counts_update AFTER UPDATE ON claim_keys"
    f" BEGIN {_SQLITE_REMOVE} {_SQLITE_ADD} END",
)

PG_FUNCTION = """CREATE FUNCTION claim_key_counts_step() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE claim_key_counts AS counted SET holders = counted.holders - gone.n
        FROM (SELECT "key", count(*) AS n FROM old_keys GROUP BY "key") AS gone
        WHERE counted."key" = gone."key";
        DELETE FROM claim_key_counts
        WHERE holders <= 0 AND "key" IN (SELECT "key" FROM old_keys);
        UPDATE claim_key_sizes AS sized SET keys = sized.keys - gone.n
        FROM (SELECT claim_id, count(*) AS n FROM old_keys GROUP BY claim_id) AS gone
        WHERE sized.claim_id = gone.claim_id;
        DELETE FROM claim_key_sizes
        WHERE keys <= 0 AND claim_id IN (SELECT claim_id FROM old_keys);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO claim_key_counts ("key", holders)
        SELECT "key", count(*) FROM new_keys GROUP BY "key" ORDER BY "key"
        ON CONFLICT ("key") DO UPDATE SET holders = claim_key_counts.holders + EXCLUDED.holders;
        INSERT INTO claim_key_sizes (claim_id, keys)
        SELECT claim_id, count(*) FROM new_keys GROUP BY claim_id ORDER BY claim_id
        ON CONFLICT (claim_id) DO UPDATE SET keys = claim_key_sizes.keys + EXCLUDED.keys;
    END IF;
    RETURN NULL;
END
$$"""
_PG_TRIGGER = (
    "CREATE TRIGGER claim_key_counts_{name} AFTER {event} ON claim_keys"
    " REFERENCING {tables} FOR EACH STATEMENT EXECUTE FUNCTION claim_key_counts_step()"
)
PG_TRIGGERS = (
    _PG_TRIGGER.format(name="insert", event="INSERT", tables="NEW TABLE AS new_keys"),
    _PG_TRIGGER.format(name="delete", event="DELETE", tables="OLD TABLE AS old_keys"),
    _PG_TRIGGER.format(
        name="update", event="UPDATE", tables="OLD TABLE AS old_keys NEW TABLE AS new_keys"
    ),
)


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    rowid = " WITHOUT ROWID" if sqlite else ""
    op.execute(COUNTS_TABLE.format(rowid=rowid))
    op.execute(SIZES_TABLE.format(rowid=rowid))
    if not sqlite:
        op.execute(PG_FUNCTION)
    for backfill in BACKFILL:
        op.execute(backfill)
    for trigger in SQLITE_TRIGGERS if sqlite else PG_TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for name in ("insert", "delete", "update"):
        where = "" if sqlite else " ON claim_keys"
        op.execute(f"DROP TRIGGER IF EXISTS claim_key_counts_{name}{where}")
    if not sqlite:
        op.execute("DROP FUNCTION IF EXISTS claim_key_counts_step()")
    op.execute("DROP TABLE IF EXISTS claim_key_sizes")
    op.execute("DROP TABLE IF EXISTS claim_key_counts")
