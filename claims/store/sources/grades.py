"""A source's grades: the main grade with its rating-history row, and the one audited way to
give it (`grade_source`), which the command line and the workbench both call."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.review_scale import GRADES
from claims.store.audit import (
    ACTION_FIELDS,
    ActionResult,
    Clock,
    ReviewError,
    conflict_with,
    flush_versioned,
    locked_row,
    record,
    reviewer_text,
    snapshot,
)
from claims.store.sources.citing import refresh_citing
from db.base import utcnow
from db.models import Source, SourceRating


def grade_source(
    session: Session,
    actor: str,
    source_id: int,
    grade: str,
    rationale: str,
    evidence: Sequence[str] = (),
    *,
    seen_version: int | None = None,
    now: Clock = utcnow,
) -> ActionResult | None:
    """Give a source its main grade A to F with a rationale and evidence: a rating-history row,
    an undoable `source.grade` audit entry, and the claims citing it recomputed; None when
    the grade, rationale and evidence are already these. `seen_version` refuses a stale edit."""
    grade = grade.strip().upper()
    if grade not in GRADES:
        raise ReviewError(f"grade must be one of {', '.join(GRADES)}, not {grade!r}")
    text = reviewer_text(rationale)
    items = [reviewer_text(item) for item in evidence if item.strip()]
    source = locked_row(session, Source, source_id)
    if seen_version is not None and source.row_version != seen_version:
        yours = {"reliability": grade, "reliability_rationale": text}
        raise conflict_with(session, "source", source, seen_version, yours)
    fields = ACTION_FIELDS["source.grade"]
    before = snapshot(source, fields)
    rating = set_grade(session, actor, source, grade, text, items, now())
    if rating is False:
        return None
    flush_versioned(session, "source", source)
    rating_id = rating.id if isinstance(rating, SourceRating) else None
    after = {**snapshot(source, fields), "rating_id": rating_id}
    entry = record(session, actor, "source.grade", "source", source.id, before=before, after=after)
    refreshed = refresh_citing(session, [source.id])
    summary = f"source #{source.id}: grade {grade}"
    return ActionResult.of(entry, summary, source.row_version, refreshed)


def set_grade(
    session: Session,
    actor: str,
    source: Source,
    grade: str,
    rationale: str | None,
    evidence: list[str],
    at: datetime,
    *,
    set_by: str | None = None,
) -> SourceRating | bool:
    """Give the main grade with its rationale and add its rating-history row (returned; True
    when an identical row exists already); False when the grade, rationale and evidence are
    already exactly these."""
    unchanged = (
        source.reliability == grade
        and (source.reliability_rationale or None) == (rationale or None)
        and list(source.reliability_evidence or []) == list(evidence)
        and source.reliability_set_at is not None
    )
    if unchanged:
        return False
    who = set_by or actor
    source.reliability, source.reliability_rationale = grade, rationale or None
    source.reliability_evidence = list(evidence)
    source.reliability_set_by, source.reliability_set_at = who, at
    return add_rating(session, source.id, grade, None, rationale, evidence, False, who, at) or True


def add_rating(
    session: Session,
    source_id: int,
    grade: str,
    edition: str | None,
    rationale: str | None,
    evidence: list[Any],
    disputed: bool,
    set_by: str | None,
    at: datetime,
    *,
    any_time: bool = False,
) -> SourceRating | None:
    """Add a rating-history row unless an identical one exists (at the same time, or at any
    time with `any_time`); the row added, or None."""
    existing = session.scalars(
        select(SourceRating).where(
            SourceRating.source_id == source_id,
            SourceRating.grade == grade,
            SourceRating.set_by == set_by if set_by else SourceRating.set_by.is_(None),
        )
    ).all()
    for row in existing:
        same = (row.edition, row.rationale, list(row.evidence), row.disputed) == (
            edition,
            rationale or None,
            list(evidence),
            disputed,
        )
        if same and (any_time or _same_time(row.set_at, at)):
            return None
    rating = SourceRating(
        source_id=source_id,
        grade=grade,
        edition=edition,
        rationale=rationale or None,
        evidence=list(evidence),
        disputed=disputed,
        set_by=set_by,
        set_at=at,
    )
    session.add(rating)
    return rating


def _same_time(stored: datetime, given: datetime) -> bool:
    return abs((stored - given).total_seconds()) < 0.001
