"""The audit log and what audited edits share: results, errors, versions, conflicts, snapshots."""

from __future__ import annotations

from claims.store.audit.actions import (
    ACTION_FIELDS,
    MAX_TEXT,
    REFUSED_SUFFIX,
    UNDO_SUFFIX,
    ActionResult,
    Clock,
    ReviewError,
    restored_value,
    reviewer_text,
    snapshot,
)
from claims.store.audit.log import current_user, record
from claims.store.audit.versions import EditConflict, conflict_with, flush_versioned, locked_row

__all__ = [
    "ACTION_FIELDS",
    "MAX_TEXT",
    "REFUSED_SUFFIX",
    "UNDO_SUFFIX",
    "ActionResult",
    "Clock",
    "EditConflict",
    "ReviewError",
    "conflict_with",
    "current_user",
    "flush_versioned",
    "locked_row",
    "record",
    "restored_value",
    "reviewer_text",
    "snapshot",
]
