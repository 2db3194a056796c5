"""registry changes: rows added to and changed in the registry tables, counted by the database

Revision ID: 0006
Revises: 0005
Created: 2026-12-06 22:00:00

Every ingested document checks whether the registry changed since the index of it a process
keeps was read. That check counted the `sources` rows and summed their versions: a read of the
whole table per document. `registry_changes` holds, in one row, how many rows were added to
`sources`, `source_aliases` and `source_flags` and how many were changed or deleted; with the
tables' largest ids it tells an unchanged registry, one that only grew, and one edited, in a
few index look-ups whatever the registry holds. The database keeps it (triggers), so no writer
can forget it; the row appears with the first change. Counts start at zero here: a process
reads the whole registry the first time anyway.

SQLite: row triggers. PostgreSQL: statement triggers over the changed rows (transition
tables), one upsert per statement that changed rows; concurrent writers of the registry wait
for each other there, so the counts follow commit order. A later migration that rebuilds
`sources`, `source_aliases` or `source_flags` on SQLite (a batch copy) drops these triggers
with the table and must create them again, as for the triggers of migrations 0004 and 0005.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = """CREATE TABLE registry_changes (
    id INTEGER NOT NULL,
    appended BIGINT NOT NULL,
    altered BIGINT NOT NULL,
    CONSTRAINT pk_registry_changes PRIMARY KEY (id)
)"""
WATCHED = ("sources", "source_aliases", "source_flags")

_SQLITE_COUNT = (
    "INSERT INTO registry_changes (id, appended, altered) VALUES (1, {appended}, {altered})"
    " ON CONFLICT (id) DO UPDATE SET appended = appended + {appended},"
    " altered = altered + {altered};"
)
_SQLITE_EVENTS = {
    "insert": _SQLITE_COUNT.format(appended=1, altered=0),
    "update": _SQLITE_COUNT.format(appended=0, altered=1),
    "delete": _SQLITE_COUNT.format(appended=0, altered=1),
}
SQLITE_TRIGGERS = tuple(
    f"CREATE TRIGGER {table}_changes_{event} AFTER {event.upper()} ON {table} BEGIN {body} END"
    for table in WATCHED
    for event, body in _SQLITE_EVENTS.items()
)

PG_FUNCTION = """CREATE FUNCTION registry_changes_step() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint;
BEGIN
    SELECT count(*) INTO changed FROM changed_rows;
    IF changed > 0 THEN
        INSERT INTO registry_changes AS counts (id, appended, altered)
        VALUES (
            1,
            CASE WHEN TG_OP = 'INSERT' THEN changed ELSE 0 END,
            CASE WHEN TG_OP = 'INSERT' THEN 0 ELSE changed END
        )
        ON CONFLICT (id) DO UPDATE SET appended = counts.appended + EXCLUDED.appended,
            altered = counts.altered + EXCLUDED.altered;
    END IF;
    RETURN NULL;
END
$$"""
_PG_TABLES = {
    "insert": "NEW TABLE AS changed_rows",
    "update": "NEW TABLE AS changed_rows",
    "delete": "OLD TABLE AS changed_rows",
}
PG_TRIGGERS = tuple(
    f"CREATE TRIGGER {table}_changes_{event} AFTER {event.upper()} ON {table}"
    f" REFERENCING {tables} FOR EACH STATEMENT EXECUTE FUNCTION registry_changes_step()"
    for table in WATCHED
    for event, tables in _PG_TABLES.items()
)


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.execute(TABLE)
    if not sqlite:
        op.execute(PG_FUNCTION)
    for trigger in SQLITE_TRIGGERS if sqlite else PG_TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in WATCHED:
        for event in _SQLITE_EVENTS:
            where = "" if sqlite else f" ON {table}"
            op.execute(f"DROP TRIGGER IF EXISTS {table}_changes_{event}{where}")
    if not sqlite:
        op.execute("DROP FUNCTION IF EXISTS registry_changes_step()")
    op.execute("DROP TABLE IF EXISTS registry_changes")
