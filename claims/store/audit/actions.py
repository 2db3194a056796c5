"""What every audited action shares: its result, its errors, the fields undo restores, and
the JSON-safe snapshots of rows that the audit log keeps.

Audit entries store plain field values in `before`/`after`; `after` may also carry the ids of
rows the action created (`review_id`, `rating_id`, `alias_id`) so undo can find them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict

from claims.errors import ClaimsError
from claims.store.rows.tables import AUDIT_ENTRIES
from db.models import AuditEntry

Clock = Callable[[], datetime]


MAX_TEXT = 20_000
"""Longest rationale or reason kept; a pasted article belongs in evidence, not here."""


ACTION_FIELDS: dict[str, tuple[str, ...]] = {
    "claim.verdict": ("verdict", "rationale", "reviewed_by", "reviewed_at"),
    "claim.rationale": ("rationale", "reviewed_by", "reviewed_at"),
    "claim.credibility": ("credibility", "reviewed_by", "reviewed_at"),
    "claim.propaganda": ("propaganda_override", "propaganda_override_reason"),
    "claim.evidence": (),
    "relation.review": ("status", "reviewed_by", "reviewed_at"),
    "source.grade": (
        "reliability",
        "reliability_rationale",
        "reliability_evidence",
        "reliability_set_by",
        "reliability_set_at",
    ),
    "source.alias": (),
    "source.merge": (),
}
"""The fields each undoable action changes: what undo compares and restores."""


UNDO_SUFFIX = ".undo"


REFUSED_SUFFIX = ".refused"


_DATETIME_FIELDS = frozenset({"reviewed_at", "reliability_set_at", "set_at", "created_at"})


class ReviewError(ClaimsError):
    """A review action that cannot be done as asked (bad value, missing row, already undone)."""


class ActionResult(BaseModel):
    """What a saved action did, for the status line and the undo stack."""

    model_config = ConfigDict(frozen=True)

    entry_id: int
    entity: str
    entity_id: int
    row_version: int | None = None
    summary: str
    refreshed: int = 0
    """Claims whose flags or proposed credibility changed as a consequence (source edits)."""

    @classmethod
    def of(
        cls, entry: AuditEntry, summary: str, row_version: int | None = None, refreshed: int = 0
    ) -> ActionResult:
        """The result of the action its audit entry records (the entry flushed, so it has an id)."""
        assert entry.entity_id is not None
        return AUDIT_ENTRIES.model(
            cls,
            entry,
            entry_id=entry.id,
            row_version=row_version,
            summary=summary,
            refreshed=refreshed,
        )


def snapshot(row: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    """Field values as JSON-safe data (timestamps as ISO 8601 text)."""
    values: dict[str, Any] = {}
    for name in fields:
        value = getattr(row, name)
        values[name] = value.isoformat() if isinstance(value, datetime) else value
    return values


def restored_value(value: Any, name: str) -> Any:
    if name in _DATETIME_FIELDS and isinstance(value, str):
        return datetime.fromisoformat(value)
    return value


def reviewer_text(text: str | None) -> str:
    """Reviewer text as stored: NUL removed (PostgreSQL refuses it), ends trimmed, bounded."""
    cleaned = (text or "").replace("\x00", "").strip()
    if len(cleaned) > MAX_TEXT:
        raise ReviewError(f"text too long ({len(cleaned)} characters; at most {MAX_TEXT})")
    return cleaned
