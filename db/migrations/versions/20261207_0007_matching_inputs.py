"""matching inputs generation: a counter the database bumps whenever what matching reads changes

Revision ID: 0007
Revises: 0006
Created: 2026-12-07 22:00:00

Ingest judges a document's candidate pairs on a read snapshot, before its write transaction,
so that reviewers' saves do not wait for the judging. The write transaction must then know
whether anything matching read has changed since the snapshot: `matching_inputs` holds one
row whose `generation` the database bumps on every such change (claims added or removed, or
their text, kind, features, offset or propaganda flags changed; chain links added, removed
or relinked; a document's outlet, original publisher or date; a source's name, kind or
owner). A reviewer's verdict, rationale or credibility does not bump it. Keys written for
claims that are already stored (`claims match`, rebuilds) bump it from the code that writes
them (`claims.store.matching.generation.bump_generation`).

SQLite: row triggers, updates only when a watched value really changed. PostgreSQL:
statement triggers for inserts and deletes, row triggers (with the same condition) for
updates. A later migration that rebuilds `claims`, `attributions`, `documents` or `sources`
on SQLite (a batch copy) drops these triggers with the table and must create them again, as
for the triggers of migrations 0002, 0004 and 0005; without them a stale snapshot would be
taken for a current one.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = """CREATE TABLE matching_inputs (
    id INTEGER NOT NULL,
    generation BIGINT NOT NULL,
    CONSTRAINT pk_matching_inputs PRIMARY KEY (id)
)"""
BUMP = (
    "INSERT INTO matching_inputs (id, generation) VALUES (1, 1)"
    " ON CONFLICT (id) DO UPDATE SET generation = matching_inputs.generation + 1"
)
"""The first bump writes the row (no row reads as generation 0)."""

WATCHED: dict[str, tuple[str, ...]] = {
    "claims": (
        "document_id",
        "start",
        "text",
        "kind",
        "features",
        "propaganda_path",
        "propaganda_override",
    ),
    "attributions": ("claim_id", "position", "role", "mention", "source_id"),
    "documents": ("outlet", "original_publisher", "published"),
    "sources": ("name", "kind", "parent_id"),
}
"""The columns matching reads, per table (what `claims.store.matching.loading` reads)."""

ADDED_OR_REMOVED = ("claims", "attributions", "sources")
"""Tables whose inserts and deletes change what matching reads (documents change it through
their claims; a new source changes nothing until a link points to it)."""

TRIGGERS = [
    (table, event)
    for table in WATCHED
    for event in (("INSERT", "DELETE", "UPDATE") if table in ADDED_OR_REMOVED else ("UPDATE",))
]


JSON_COLUMNS = frozenset({"features", "propaganda_path"})
"""Columns stored as JSON: PostgreSQL compares them as jsonb (json has no equality)."""


def _changed(table: str, old: str, new: str, *, postgres: bool) -> str:
    """The condition under which an update changed a watched value of `table`."""
    differ = "IS DISTINCT FROM" if postgres else "IS NOT"
    terms = []
    for column in WATCHED[table]:
        cast = "::jsonb" if postgres and column in JSON_COLUMNS else ""
        terms.append(f"{old}.{column}{cast} {differ} {new}.{column}{cast}")
    return " OR ".join(terms)


def _sqlite_trigger(table: str, event: str) -> str:
    name = f"matching_inputs_{table}_{event.lower()}"
    if event != "UPDATE":
        return f"CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN {BUMP}; END"
    columns = ", ".join(WATCHED[table])
    when = _changed(table, "old", "new", postgres=False)
    return (
        f"CREATE TRIGGER {name} AFTER UPDATE OF {columns} ON {table} WHEN {when} BEGIN {BUMP}; END"
    )


PG_FUNCTION = f"""CREATE FUNCTION matching_inputs_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {BUMP};
    RETURN NULL;
END
$$"""


def _pg_trigger(table: str, event: str) -> str:
    name = f"matching_inputs_{table}_{event.lower()}"
    if event != "UPDATE":
        return (
            f"CREATE TRIGGER {name} AFTER {event} ON {table}"
            " FOR EACH STATEMENT EXECUTE FUNCTION matching_inputs_bump()"
        )
    columns = ", ".join(WATCHED[table])
    when = _changed(table, "OLD", "NEW", postgres=True)
    return (
        f"CREATE TRIGGER {name} AFTER UPDATE OF {columns} ON {table}"
        f" FOR EACH ROW WHEN ({when}) EXECUTE FUNCTION matching_inputs_bump()"
    )


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.execute(TABLE)
    if not sqlite:
        op.execute(PG_FUNCTION)
    for table, event in TRIGGERS:
        op.execute(_sqlite_trigger(table, event) if sqlite else _pg_trigger(table, event))


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, event in TRIGGERS:
        where = "" if sqlite else f" ON {table}"
        op.execute(f"DROP TRIGGER IF EXISTS matching_inputs_{table}_{event.lower()}{where}")
    if not sqlite:
        op.execute("DROP FUNCTION IF EXISTS matching_inputs_bump()")
    op.execute("DROP TABLE IF EXISTS matching_inputs")
