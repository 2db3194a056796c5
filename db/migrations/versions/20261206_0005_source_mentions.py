"""source mentions and the credibility order: what the listing's `source:` filter and its
credibility sort read without visiting every claim or chain link

Revision ID: 0005
Revises: 0004
Created: 2026-12-06 22:00:00

`source:NAME` finds the claims whose chain names a source or holds a mention containing NAME.
Matching the mentions was a scan of every chain link (two or more a claim: over a second at a
million claims). `source_mentions` holds each distinct pair of a mention as written and the
source it resolved to (0 when none), with how many links hold it, so the filter matches the
few distinct mentions and then reads the links of their sources through the index on
`attributions.source_id`. The database keeps it in step with `attributions` (triggers on
insert, delete and update, which the cascades from deleted claims and a deleted source's
`SET NULL` fire too), so no writer can forget it; a pair no link holds has no row.

`claims.credibility_order` is the listing's credibility order (the reviewer's grade, else the
proposed one, else 9: last), kept by the database (triggers on insert and on updates of the two
grades); `ix_claims_credibility_order` indexes it with the id, so a sorted page is read from the
index instead of sorting every claim. A plain column kept by triggers, because an index on the
expression is not reflected by SQLAlchemy (Alembic's batch mode would drop it unseen when it
rebuilds `claims`) and Alembic's batch copy cannot copy a generated column. A later migration
that rebuilds `claims` or `attributions` on SQLite (a batch copy) drops their triggers with
them and must create them again (`SQLITE_TRIGGERS`, `SQLITE_ORDER_TRIGGERS`).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MENTIONS_TABLE = """CREATE TABLE source_mentions (
    mention TEXT NOT NULL,
    source_id INTEGER NOT NULL,
    links INTEGER NOT NULL,
    CONSTRAINT pk_source_mentions PRIMARY KEY (mention, source_id)
){rowid}"""
BACKFILL = (
    "INSERT INTO source_mentions (mention, source_id, links)"
    " SELECT mention, coalesce(source_id, 0), count(*) FROM attributions"
    " GROUP BY mention, coalesce(source_id, 0) ORDER BY mention, coalesce(source_id, 0)"
)
ORDER_COLUMN = "ALTER TABLE claims ADD COLUMN credibility_order INTEGER DEFAULT 9 NOT NULL"
ORDER_BACKFILL = (
    "UPDATE claims SET credibility_order = coalesce(credibility, credibility_proposed, 9)"
)
ORDER_INDEX = "CREATE INDEX ix_claims_credibility_order ON claims (credibility_order, id)"
_SQLITE_ORDER = (
    "UPDATE claims SET credibility_order = coalesce(new.credibility, new.credibility_proposed, 9)"
    " WHERE id = new.id;"
)
SQLITE_ORDER_TRIGGERS = (
    f"CREATE TRIGGER claims_credibility_order_insert AFTER INSERT ON claims BEGIN {_SQLITE_ORDER} END",
    "CREATE TRIGGER claims_credibility_order_update"
    f" AFTER UPDATE OF credibility, credibility_proposed ON claims BEGIN {_SQLITE_ORDER} END",
)
PG_ORDER_FUNCTION = """CREATE FUNCTION claims_credibility_order_step() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.credibility_order := coalesce(NEW.credibility, NEW.credibility_proposed, 9);
    RETURN NEW;
END
$$"""
PG_ORDER_TRIGGER = (
    "CREATE TRIGGER claims_credibility_order BEFORE INSERT OR UPDATE OF credibility,"
    " credibility_proposed ON claims FOR EACH ROW EXECUTE FUNCTION claims_credibility_order_step()"
)

_SQLITE_ADD = (
    "INSERT INTO source_mentions (mention, source_id, links)"
    " VALUES (new.mention, coalesce(new.source_id, 0), 1)"
    " ON CONFLICT (mention, source_id) DO UPDATE SET links = links + 1;"
)
_SQLITE_REMOVE = (
    "UPDATE source_mentions SET links = links - 1"
    " WHERE mention = old.mention AND source_id = coalesce(old.source_id, 0);"
    " DELETE FROM source_mentions"
    " WHERE mention = old.mention AND source_id = coalesce(old.source_id, 0) AND links <= 0;"
)
SQLITE_TRIGGERS = (
    f"CREATE TRIGGER source_mentions_insert AFTER INSERT ON attributions BEGIN {_SQLITE_ADD} END",
    "CREATE TRIGGER source_mentions_delete AFTER DELETE ON attributions"
    f" BEGIN {_SQLITE_REMOVE} END",
    "CREATE TRIGGER source_mentions_update AFTER UPDATE OF mention, source_id ON attributions"
    f" BEGIN {_SQLITE_REMOVE} {_SQLITE_ADD} END",
)

PG_FUNCTION = """CREATE FUNCTION source_mentions_step() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE source_mentions AS kept SET links = kept.links - gone.n
        FROM (SELECT mention, coalesce(source_id, 0) AS source_id, count(*) AS n
              FROM old_links GROUP BY 1, 2) AS gone
        WHERE kept.mention = gone.mention AND kept.source_id = gone.source_id;
        DELETE FROM source_mentions AS kept USING old_links AS gone
        WHERE kept.links <= 0 AND kept.mention = gone.mention
          AND kept.source_id = coalesce(gone.source_id, 0);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO source_mentions (mention, source_id, links)
        SELECT mention, coalesce(source_id, 0), count(*) FROM new_links
        GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (mention, source_id)
        DO UPDATE SET links = source_mentions.links + EXCLUDED.links;
    END IF;
    RETURN NULL;
END
$$"""
_PG_TRIGGER = (
    "CREATE TRIGGER source_mentions_{name} AFTER {event} ON attributions"
    " REFERENCING {tables} FOR EACH STATEMENT EXECUTE FUNCTION source_mentions_step()"
)
PG_TRIGGERS = (
    _PG_TRIGGER.format(name="insert", event="INSERT", tables="NEW TABLE AS new_links"),
    _PG_TRIGGER.format(name="delete", event="DELETE", tables="OLD TABLE AS old_links"),
    _PG_TRIGGER.format(
        name="update", event="UPDATE", tables="OLD TABLE AS old_links NEW TABLE AS new_links"
    ),
)


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.execute(MENTIONS_TABLE.format(rowid=" WITHOUT ROWID" if sqlite else ""))
    if not sqlite:
        op.execute(PG_FUNCTION)
    op.execute(BACKFILL)
    for trigger in SQLITE_TRIGGERS if sqlite else PG_TRIGGERS:
        op.execute(trigger)
    op.execute(ORDER_COLUMN)
    op.execute(ORDER_BACKFILL)
    if not sqlite:
        op.execute(PG_ORDER_FUNCTION)
    for trigger in SQLITE_ORDER_TRIGGERS if sqlite else (PG_ORDER_TRIGGER,):
        op.execute(trigger)
    op.execute(ORDER_INDEX)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.execute("DROP INDEX IF EXISTS ix_claims_credibility_order")
    for name in ("credibility_order_insert", "credibility_order_update", "credibility_order"):
        op.execute(f"DROP TRIGGER IF EXISTS claims_{name}{'' if sqlite else ' ON claims'}")
    if not sqlite:
        op.execute("DROP FUNCTION IF EXISTS claims_credibility_order_step()")
    op.execute("ALTER TABLE claims DROP COLUMN credibility_order")  # never batch: FTS triggers
    for name in ("insert", "delete", "update"):
        where = "" if sqlite else " ON attributions"
        op.execute(f"DROP TRIGGER IF EXISTS source_mentions_{name}{where}")
    if not sqlite:
        op.execute("DROP FUNCTION IF EXISTS source_mentions_step()")
    op.execute("DROP TABLE IF EXISTS source_mentions")
