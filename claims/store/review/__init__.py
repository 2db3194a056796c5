"""Reviewer actions of the workbench: claims, relations, sources, undo, drafts, and the service.

Every action is one audited transaction checked against the `row_version` the reviewer saw;
`ReviewService` runs them for one reviewer and keeps refused input as a draft.
"""

from __future__ import annotations

from claims.store.audit import ActionResult, EditConflict, ReviewError
from claims.store.review.claims import (
    Evidence,
    attach_evidence,
    set_credibility,
    set_propaganda_override,
    set_rationale,
    set_verdict,
)
from claims.store.review.drafts import save_draft
from claims.store.review.relations import review_relation
from claims.store.review.service import ReviewService
from claims.store.review.undo import last_undoable, undo

__all__ = [
    "ActionResult",
    "EditConflict",
    "Evidence",
    "ReviewError",
    "ReviewService",
    "attach_evidence",
    "last_undoable",
    "review_relation",
    "save_draft",
    "set_credibility",
    "set_propaganda_override",
    "set_rationale",
    "set_verdict",
    "undo",
]
