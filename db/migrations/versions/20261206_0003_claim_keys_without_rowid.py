"""claim keys without a rowid on SQLite: one copy of each key less

Revision ID: 0003
Revises: 0002
Created: 2026-12-06 10:45:00

`claim_keys` (a claim's blocking keys for matching) was stored three times on SQLite: the
table itself (rowid, claim id, key), its primary key index (claim id, key) and the index by
key. Most of a store's bytes were there (4,800 of 7,900 bytes a claim on 637 BBC News
articles). As a WITHOUT ROWID table the primary key index is the table, so the first copy
goes; reads by claim and by key use the same two b-trees as before. PostgreSQL keeps its
table as it is (its heap is not a b-tree to fold into).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLE = """CREATE TABLE _claim_keys_new (
    claim_id INTEGER NOT NULL,
    "key" VARCHAR(128) NOT NULL,
    CONSTRAINT pk_claim_keys PRIMARY KEY (claim_id, "key"),
    CONSTRAINT fk_claim_keys_claim_id_claims FOREIGN KEY (claim_id)
        REFERENCES claims (id) ON DELETE CASCADE
){rowid}"""


def _rebuild(without_rowid: bool) -> None:
    """Copy `claim_keys` into a table of the other kind (migrations run with foreign keys off)."""
    op.execute(_TABLE.format(rowid=" WITHOUT ROWID" if without_rowid else ""))
    op.execute(
        'INSERT INTO _claim_keys_new (claim_id, "key") SELECT claim_id, "key" FROM claim_keys'
    )
    op.execute("DROP TABLE claim_keys")
    op.execute("ALTER TABLE _claim_keys_new RENAME TO claim_keys")
    op.execute('CREATE INDEX ix_claim_keys_key ON claim_keys ("key")')


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(without_rowid=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(without_rowid=False)
