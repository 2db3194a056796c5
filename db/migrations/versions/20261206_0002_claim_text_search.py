"""claim text search: an FTS5 trigram index on SQLite, a pg_trgm index on PostgreSQL

Revision ID: 0002
Revises: 0001
Created: 2026-12-06 09:30:00

The workbench filter and `claims list --text` find claims whose folded text holds the typed
words (`norm_text LIKE '%words%'`). At a million claims that scan took seconds; both indexes
answer the same substring question from trigrams, so results are unchanged.

SQLite: an external-content FTS5 table (it stores only the index; the text stays in
`claims.norm_text`), kept in step by triggers on insert, delete and update, filled from the
existing claims here. The index keeps where each trigram stands (`detail='full'`), so a
phrase of trigrams answers the substring question from the index alone, counts included;
without positions FTS5 must read every candidate claim back (a count of a common word took
five times as long at 200,000 claims, for an index a quarter smaller). A later migration that rebuilds the `claims` table (a batch copy)
drops these triggers with it and must create them again (`SQLITE_TRIGGERS`).
PostgreSQL: the pg_trgm extension (trusted: the database owner may create it) and a GIN index
that `LIKE` uses directly; nothing else to keep in step. A server without the extension
installed gets no index: the search still answers, by scanning. Downgrade drops the index
and leaves the extension, which other objects may use.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_TABLE = (
    "CREATE VIRTUAL TABLE claims_fts USING fts5("
    "norm_text, content='claims', content_rowid='id', tokenize='trigram', detail='full')"
)
_FTS_DELETE = (
    "INSERT INTO claims_fts(claims_fts, rowid, norm_text) VALUES ('delete', old.id, old.norm_text);"
)
_FTS_INSERT = "INSERT INTO claims_fts(rowid, norm_text) VALUES (new.id, new.norm_text);"
SQLITE_TRIGGERS = (
    f"CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN {_FTS_INSERT} END",
    f"CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN {_FTS_DELETE} END",
    "CREATE TRIGGER claims_fts_update AFTER UPDATE OF id, norm_text ON claims"
    f" BEGIN {_FTS_DELETE} {_FTS_INSERT} END",
)
PG_INDEX = "CREATE INDEX ix_claims_norm_text_trgm ON claims USING gin (norm_text gin_trgm_ops)"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(SQLITE_TABLE)
        for trigger in SQLITE_TRIGGERS:
            op.execute(trigger)
        op.execute("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')")
        return
    available = bind.execute(
        text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
    ).scalar()
    if available:
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(PG_INDEX)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS claims_fts_{name}")
        op.execute("DROP TABLE IF EXISTS claims_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_claims_norm_text_trgm")
