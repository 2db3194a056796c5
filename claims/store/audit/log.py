"""The audit log: every change with who, when, what, and the state before and after."""

from __future__ import annotations

import getpass
import os
from typing import Any

from sqlalchemy.orm import Session

from db.models import AuditEntry


def current_user() -> str:
    """The reviewer's identity when none is given: the login name."""
    for variable in ("CLAIMS_REVIEWER",):
        if os.environ.get(variable):
            return os.environ[variable]
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def record(
    session: Session,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    undoes_id: int | None = None,
) -> AuditEntry:
    """Add one audit entry in the caller's transaction."""
    entry = AuditEntry(
        actor=actor,
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=before,
        after=after,
        undoes_id=undoes_id,
    )
    session.add(entry)
    return entry
