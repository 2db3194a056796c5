"""The generation of what matching reads, which the database bumps (migration 0007).

A document judged on a read snapshot is stored as judged only if the generation is still
the one the snapshot read (`claims.store.matching.snapshot`).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

READ = text("SELECT generation FROM matching_inputs WHERE id = 1")
"""`matching_inputs` has one row, and no model (`db.unmodelled`): the database alone keeps it."""


def generation(session: Session, *, lock: bool = False) -> int:
    """The generation of what matching reads; `lock` holds the row until commit (PostgreSQL),
    so no change to matching's inputs commits while the caller stores what it judged."""
    query = READ
    if lock and session.get_bind().dialect.name == "postgresql":
        query = text(f"{READ.text} FOR UPDATE")
    return int(session.scalar(query) or 0)


BUMP = text(
    "INSERT INTO matching_inputs (id, generation) VALUES (1, 1)"
    " ON CONFLICT (id) DO UPDATE SET generation = matching_inputs.generation + 1"
)
"""What the database's triggers run (migration 0007): no row yet reads as generation 0."""


def bump_generation(session: Session) -> None:
    """Record a change to matching's inputs the database does not see by itself (keys
    rewritten for claims already stored)."""
    session.execute(BUMP)
