"""`claims db check`: what state the database is in, and anything wrong with it (read only)."""

from __future__ import annotations

from sqlalchemy import func, select, text

from db.engine import Database, sqlite_check
from db.migrate import current_revision, head_revision, refuse_foreign
from db.models import Claim, Document, DocumentSnapshot, Review, Source

COUNTED = (Document, DocumentSnapshot, Claim, Source, Review)


def summary(database: Database) -> list[str]:
    """One line each: where the database is, its schema revision and its row counts."""
    revision = current_revision(database)
    head = head_revision()
    state = "up to date" if revision == head else f"this program needs {head}"
    lines = [f"database: {database.display}", f"schema: {revision or 'empty'} ({state})"]
    if revision == head:
        with database.read() as session:
            counts = [
                f"{model.__tablename__} {session.scalar(select(func.count()).select_from(model))}"
                for model in COUNTED
            ]
        lines.append("rows: " + ", ".join(counts))
    return lines


def problems(database: Database) -> list[str]:
    """Everything wrong with the database; empty when it is healthy and current."""
    found: list[str] = []
    revision = refuse_foreign(database)
    if revision != head_revision():
        found.append(
            f"schema at {revision or 'none'}, this program needs {head_revision()}"
            " (run `claims db upgrade`)"
        )
    if database.path is not None and database.path.exists():
        found += [
            f"integrity_check: {line}" for line in sqlite_check(database.path, "integrity_check")
        ]
        found += _foreign_key_problems(database)
    return found


def _foreign_key_problems(database: Database) -> list[str]:
    with database.read() as session:
        rows = session.execute(text("PRAGMA foreign_key_check")).fetchall()
    return [f"row {row[1]} of {row[0]} points at a missing row of {row[2]}" for row in rows]
