"""Schema objects the migrations create that the models leave out, and the filter that leaves
them out of schema comparisons.

The text search index (FTS5 tables on SQLite, a pg_trgm index on PostgreSQL) is not something
SQLAlchemy can describe. The listing's credibility order is a column the database alone keeps
(triggers, migration 0005): mapped, the ORM would write or fetch it with every claim, and
claims would depend on a column older schemas do not have; the indexes that name it (0005,
0008) are left out with it. The generation of what matching
reads (`matching_inputs`, migration 0007) is kept by the database alone too, and means
something only within one database: a backup does not copy it.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Integer, literal_column

from db.text_search import is_search_object

CREDIBILITY_ORDER_COLUMN = "credibility_order"
"""`claims.credibility_order`: the reviewer's grade, else the proposed one, else 9 (last)."""

CREDIBILITY_ORDER_INDEX = "ix_claims_credibility_order"
"""`claims (credibility_order, id)`: a page in credibility order read without sorting."""

FILTERED_ORDER_INDEXES = frozenset(
    {"ix_claims_verdict_credibility_order", "ix_claims_kind_credibility_order"}
)
"""`claims (verdict | kind, credibility_order, id)` (migration 0008): a page of one verdict or
kind in credibility order read without sorting."""

MATCHING_INPUTS_TABLE = "matching_inputs"
"""One row: the generation the database bumps whenever what matching reads changes."""

UNMODELLED = frozenset(
    {CREDIBILITY_ORDER_COLUMN, CREDIBILITY_ORDER_INDEX, MATCHING_INPUTS_TABLE}
    | FILTERED_ORDER_INDEXES
)


def credibility_order() -> ColumnElement[int]:
    """`claims.credibility_order`, for queries (it is not a model attribute)."""
    return literal_column(f"claims.{CREDIBILITY_ORDER_COLUMN}", Integer)


def is_unmodelled(name: str | None) -> bool:
    """True for an object the migrations create beside the models."""
    return is_search_object(name) or name in UNMODELLED


def include_object(
    _object: object, name: str | None, _type: str, _reflected: bool, _compare_to: object
) -> bool:
    """Alembic's filter for schema comparison: what the models describe."""
    return not is_unmodelled(name)
