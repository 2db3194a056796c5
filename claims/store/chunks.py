"""Long lists cut into pieces that one `IN (...)` list or one multi-row insert can take, or
sent whole as one parameter (`one_of`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import ARRAY, any_, func, literal, select
from sqlalchemy.orm import QueryableAttribute, Session
from sqlalchemy.sql.elements import ColumnElement

from db.engine import storable

T = TypeVar("T")

IN_LIST_SIZE = 900
"""Ids or keys per IN (...) list: well under every backend's bound-parameter limit."""


def chunks(items: Sequence[T], size: int = IN_LIST_SIZE) -> Iterator[list[T]]:
    """`items` in order, `size` at a time."""
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def one_of(
    session: Session, column: QueryableAttribute[Any], values: Iterable[Any]
) -> ColumnElement[bool]:
    """`column IN (values)` with all the values in one parameter, however many there are.

    A JSON array read by `json_each` on SQLite, an array on PostgreSQL: the statement is the
    same for any number of values, so it is compiled once, without a bound parameter (and
    its SQLAlchemy bookkeeping) per value. Texts are normalised as every parameter is
    (`db.engine.storable`), so they find what was stored.
    """
    items = sorted({storable(value) if isinstance(value, str) else value for value in values})
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(literal(items, ARRAY(column.expression.type)))
    listed = func.json_each(json.dumps(items)).table_valued("value")
    return column.in_(select(listed.c.value))
