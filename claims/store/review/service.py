"""The review service the workbench calls: one transaction per action, drafts kept on conflict.

Every action is one transaction that checks the `row_version` the reviewer saw, changes rows
through the ORM (so the version counter guards the UPDATE too; never a bulk UPDATE on a
versioned table), adds a `reviews` row for claim history and an audit entry with the state
before and after, which is what `undo` restores. A stale save raises `EditConflict` naming
both versions; `ReviewService` then keeps the reviewer's input in `review_drafts`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from sqlalchemy.orm import Session

from claims.store.audit import ActionResult, Clock, EditConflict, ReviewError
from claims.store.audit.versions import T
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
from claims.store.review.undo import last_undoable, undo
from claims.store.sources import add_source_alias, merge_sources, set_source_grade
from db.base import utcnow
from db.engine import Database


class ReviewService:
    """Runs each action in its own write transaction as one reviewer; on a conflict, saves
    the refused input as a draft (in a transaction of its own) and re-raises."""

    def __init__(self, database: Database, reviewer: str, *, now: Clock = utcnow) -> None:
        self.database = database
        self.reviewer = reviewer
        self.now = now

    def _run(
        self,
        action: str,
        claim_id: int | None,
        values: dict[str, Any],
        work: Callable[[Session], T],
        *,
        analysis: bool = False,
    ) -> T:
        """Run one action; `analysis` for edits that recompute derived values (registry edits:
        the claims citing a source; relation reviews: stories and credibility), which take
        turns with ingest (`Database.run_analysis`)."""
        run = self.database.run_analysis if analysis else self.database.run_write
        try:
            return run(work)
        except EditConflict as conflict:
            payload = {
                "action": action,
                "entity": conflict.entity,
                "entity_id": conflict.entity_id,
                "values": values,
                "seen_version": conflict.seen_version,
                "current_version": conflict.current_version,
            }
            conflict.draft_id = self.database.run_write(
                lambda s: save_draft(s, self.reviewer, claim_id, payload)
            )
            raise

    def set_verdict(
        self, claim_id: int, seen_version: int, name: str | None, rationale: str | None = None
    ) -> ActionResult:
        values = {"verdict": name, "rationale": rationale}
        return self._run(
            "claim.verdict",
            claim_id,
            values,
            lambda s: set_verdict(
                s, self.reviewer, claim_id, seen_version, name, rationale, now=self.now
            ),
        )

    def set_rationale(self, claim_id: int, seen_version: int, rationale: str) -> ActionResult:
        return self._run(
            "claim.rationale",
            claim_id,
            {"rationale": rationale},
            lambda s: set_rationale(
                s, self.reviewer, claim_id, seen_version, rationale, now=self.now
            ),
        )

    def set_credibility(
        self, claim_id: int, seen_version: int, credibility: int | None
    ) -> ActionResult:
        return self._run(
            "claim.credibility",
            claim_id,
            {"credibility": credibility},
            lambda s: set_credibility(
                s, self.reviewer, claim_id, seen_version, credibility, now=self.now
            ),
        )

    def set_propaganda_override(
        self, claim_id: int, seen_version: int, flagged: bool | None, reason: str
    ) -> ActionResult:
        return self._run(
            "claim.propaganda",
            claim_id,
            {"propaganda_override": flagged, "reason": reason},
            lambda s: set_propaganda_override(
                s, self.reviewer, claim_id, seen_version, flagged, reason, now=self.now
            ),
        )

    def attach_evidence(self, claim_id: int, evidence: Evidence) -> ActionResult:
        return self._run(
            "claim.evidence",
            claim_id,
            evidence.model_dump(),
            lambda s: attach_evidence(s, self.reviewer, claim_id, evidence, now=self.now),
        )

    def review_relation(
        self, relation_id: int, seen_version: int, decision: Literal["confirm", "reject"]
    ) -> ActionResult:
        return self._run(
            "relation.review",
            None,
            {"relation_id": relation_id, "decision": decision},
            lambda s: review_relation(
                s, self.reviewer, relation_id, seen_version, decision, now=self.now
            ),
            analysis=True,
        )

    def set_source_grade(
        self, source_id: int, seen_version: int, grade: str, rationale: str
    ) -> ActionResult:
        return self._run(
            "source.grade",
            None,
            {"source_id": source_id, "grade": grade, "rationale": rationale},
            lambda s: set_source_grade(
                s, self.reviewer, source_id, seen_version, grade, rationale, now=self.now
            ),
            analysis=True,
        )

    def add_source_alias(self, source_id: int, alias: str) -> ActionResult:
        return self.database.run_analysis(
            lambda s: add_source_alias(s, self.reviewer, source_id, alias)
        )

    def merge_sources(self, source_id: int, into_id: int, seen_version: int) -> ActionResult:
        return self._run(
            "source.merge",
            None,
            {"source_id": source_id, "into_id": into_id},
            lambda s: merge_sources(s, self.reviewer, source_id, into_id, seen_version),
            analysis=True,
        )

    def undo(self, entry_id: int | None = None) -> ActionResult:
        """Undo `entry_id`, or this reviewer's latest undoable action."""

        def work(session: Session) -> ActionResult:
            target = entry_id if entry_id is not None else last_undoable(session, self.reviewer)
            if target is None:
                raise ReviewError("nothing to undo")
            return undo(session, self.reviewer, target)

        return self.database.run_analysis(work)
