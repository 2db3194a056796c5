"""The generation of what matching reads, which the database bumps (migration 0005).

A document judged on a read snapshot is stored as judged only if the generation is still
the one the snapshot read (`claims.store.matching.snapshot`).
"""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from db.models import MatchingInputs

STATE_ROW = 1
"""The one row of `matching_inputs`."""


def generation(session: Session, *, lock: bool = False) -> int:
    """The generation of what matching reads; `lock` holds the row until commit (PostgreSQL),
    so no change to matching's inputs commits while the caller stores what it judged."""
    query = select(MatchingInputs.generation).where(MatchingInputs.id == STATE_ROW)
    if lock and session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    return int(session.scalar(query) or 0)


BUMP = text(
    "INSERT INTO matching_inputs (id, generation) VALUES (1, 1)"
    " ON CONFLICT (id) DO UPDATE SET generation = matching_inputs.generation + 1"
)
"""What the database's triggers run (migration 0005): no row yet reads as generation 0."""


def bump_generation(session: Session) -> None:
    """Record a change to matching's inputs the database does not see by itself (keys
    rewritten for claims already stored)."""
    session.execute(BUMP)
