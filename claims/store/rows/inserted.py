"""New rows built as ORM objects, written with one Core `INSERT ... RETURNING id` a batch.

A document's claims and chain links were written through the ORM's unit of work, whose
bookkeeping for each object (dependency order, attribute history, identity map) cost more
than the rows themselves. Here their column values are read off the objects, inserted as
one executemany per table (ids returned in the order of the rows, assigned by the database
as before, so the same ids), and the objects are then joined to the session as if just
loaded: later changes to them are written as updates, and nothing is inserted twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from typing import Any, cast

from sqlalchemy import Table, func, insert, inspect, select
from sqlalchemy.orm import Mapper, Session, make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value

from db.base import Base
from db.models import Claim


def insert_claims(session: Session, claims: Sequence[Claim]) -> None:
    """Write new claims with their chain links (attributions), in the caller's transaction.

    The claims must be new (no id yet), their links' sources already written; afterwards
    they and their links are in `session` with their ids, as a flush would leave them.
    """
    insert_rows(session, claims)
    links = []
    for claim in claims:
        for link in claim.attributions:
            link.claim_id = claim.id
            links.append(link)
    insert_rows(session, links)
    for row in [*claims, *links]:
        make_transient_to_detached(row)
    session.add_all(claims)  # the links follow their claims in


def insert_rows(session: Session, rows: Sequence[Base]) -> None:
    """Insert new objects of one mapped class in order, setting each one's `id`.

    The values are those the unit of work would send: attributes never set (or None, where
    the column's type does not store None itself, as JSON does) take the column's default,
    or stay NULL without one. Rows with the same columns go in one statement; the order,
    and so the ids, are those of `rows`.
    """
    if not rows:
        return
    mapper = cast(Mapper[Any], inspect(type(rows[0])))
    table = cast(Table, mapper.local_table)
    values = [_values(mapper, row) for row in rows]
    if session.connection().dialect.name == "sqlite" and _numbered(session, table, rows, values):
        for _, run in groupby(values, key=_columns):
            session.connection().execute(insert(table), list(run))
        return
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    done = 0
    for _, run in groupby(values, key=_columns):
        batch = list(run)
        ids = list(session.connection().scalars(statement, batch))
        for row, row_id in zip(rows[done : done + len(batch)], ids, strict=True):
            row.id = row_id  # type: ignore[attr-defined]
        done += len(batch)


def _numbered(
    session: Session, table: Table, rows: Sequence[Base], values: list[dict[str, Any]]
) -> bool:
    """Give SQLite's rows the ids SQLite would give them, unless the largest is taken.

    SQLite returns the ids of a multi-row insert in no promised order, so each row would be
    a statement of its own (a tenth of a millisecond each, hundreds a document). A new row of
    a table whose integer key is the rowid gets the largest id plus one, and the writer
    holds the write lock, so the ids are known before the insert: the same ids, one
    statement a batch.
    """
    last = int(session.connection().scalar(select(func.max(table.c.id))) or 0)
    if last + len(rows) > MAX_ROWID:  # SQLite would pick unused ids at random
        return False
    for offset, (row, row_values) in enumerate(zip(rows, values, strict=True)):
        row.id = last + 1 + offset  # type: ignore[attr-defined]
        row_values["id"] = row.id  # type: ignore[attr-defined]
    return True


MAX_ROWID = 2**63 - 1


def _values(mapper: Mapper[Any], row: Base) -> dict[str, Any]:
    """The column values of a new object, as the unit of work would insert them; the
    defaults filled in are set on the object too, as a flush leaves them, and so are the
    NULLs of columns never set (else each would be read back, a SELECT a row, when first
    used)."""
    state = row.__dict__
    values: dict[str, Any] = {}
    for prop in mapper.column_attrs:
        column = prop.columns[0]
        if column.primary_key:
            continue
        value = state.get(prop.key)
        if value is None and (prop.key not in state or not column.type.should_evaluate_none):
            default = column.default
            if default is not None:
                value = default.arg(None) if default.is_callable else default.arg
                setattr(row, prop.key, value)
            elif prop.key not in state:
                if column.server_default is None:  # NULL: known, not to be loaded back
                    set_committed_value(row, prop.key, None)
                continue
        values[column.key] = value
    return values


def _columns(values: dict[str, Any]) -> tuple[str, ...]:
    return tuple(values)
