"""Names of the claim text search index, which lives beside the tables the models describe.

SQLite keeps it in an FTS5 table (trigram tokens over `claims.norm_text`, kept in step by
triggers); PostgreSQL in a pg_trgm GIN index on the same column. Neither is a model, so schema
comparisons leave them out by these names.
"""

from __future__ import annotations

SQLITE_FTS_TABLE = "claims_fts"
"""The FTS5 table over `claims.norm_text` (external content: it holds only the index)."""

SQLITE_FTS_SHADOWS = ("data", "idx", "docsize", "config", "content")
"""Suffixes of the tables FTS5 keeps behind its virtual table."""

SQLITE_FTS_TRIGGERS = ("claims_fts_insert", "claims_fts_delete", "claims_fts_update")
"""The triggers that keep the FTS5 table in step with `claims`."""

PG_TRIGRAM_INDEX = "ix_claims_norm_text_trgm"
"""The pg_trgm GIN index that serves `norm_text LIKE '%...%'` on PostgreSQL."""


def search_tables() -> frozenset[str]:
    """The FTS5 table and the tables behind it."""
    shadows = {f"{SQLITE_FTS_TABLE}_{suffix}" for suffix in SQLITE_FTS_SHADOWS}
    return frozenset({SQLITE_FTS_TABLE, *shadows})


def is_search_object(name: str | None) -> bool:
    """True for the search index's own tables and indexes (not described by the models)."""
    return name is not None and (name in search_tables() or name == PG_TRIGRAM_INDEX)
