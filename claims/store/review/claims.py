"""Reviewer actions on one claim: verdict, rationale, credibility, propaganda override, evidence."""

from __future__ import annotations

from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.errors import NotFound
from claims.review_scale import CREDIBILITY, verdict
from claims.store.audit import (
    ACTION_FIELDS,
    MAX_TEXT,
    ActionResult,
    Clock,
    ReviewError,
    conflict_with,
    flush_versioned,
    record,
    reviewer_text,
    snapshot,
)
from claims.store.review.drafts import discard_drafts
from db.base import utcnow
from db.models import (
    Claim,
    Document,
    Review,
)


class Evidence(BaseModel):
    """Something that supports a verdict: another claim, a stored document, or a web page."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["claim", "document", "url"]
    ref: str = Field(min_length=1, max_length=2048)
    note: str = Field(default="", max_length=MAX_TEXT)


def set_verdict(
    session: Session,
    actor: str,
    claim_id: int,
    seen_version: int,
    name: str | None,
    rationale: str | None = None,
    *,
    now: Clock = utcnow,
) -> ActionResult:
    """Give a claim a verdict from the scale (None clears it), with an optional rationale."""
    if name is not None:
        try:
            verdict(name)
        except KeyError as exc:
            raise ReviewError(str(exc.args[0])) from None
    text = reviewer_text(rationale) if rationale is not None else None
    claim = _checked_claim(session, claim_id, seen_version, {"verdict": name, "rationale": text})
    changes: dict[str, Any] = {"verdict": name}
    if text is not None:
        changes["rationale"] = text
    review = Review(action="verdict", verdict=name, rationale=text)
    label = verdict(name).label if name else "none"
    return _change_claim(session, actor, claim, "claim.verdict", changes, review, now, label)


def set_rationale(
    session: Session,
    actor: str,
    claim_id: int,
    seen_version: int,
    rationale: str,
    *,
    now: Clock = utcnow,
) -> ActionResult:
    """Write the reasoning behind a claim's verdict."""
    text = reviewer_text(rationale)
    claim = _checked_claim(session, claim_id, seen_version, {"rationale": text})
    review = Review(action="rationale", rationale=text)
    return _change_claim(
        session, actor, claim, "claim.rationale", {"rationale": text}, review, now, "rationale"
    )


def set_credibility(
    session: Session,
    actor: str,
    claim_id: int,
    seen_version: int,
    credibility: int | None,
    *,
    now: Clock = utcnow,
) -> ActionResult:
    """Set a claim's credibility, 1 (confirmed) to 6 (cannot be judged); None clears it."""
    if credibility is not None and credibility not in CREDIBILITY:
        raise ReviewError(f"credibility must be 1 to 6, not {credibility}")
    claim = _checked_claim(session, claim_id, seen_version, {"credibility": credibility})
    review = Review(action="credibility", credibility=credibility)
    summary = f"credibility {credibility}" if credibility else "credibility cleared"
    return _change_claim(
        session,
        actor,
        claim,
        "claim.credibility",
        {"credibility": credibility},
        review,
        now,
        summary,
    )


def set_propaganda_override(
    session: Session,
    actor: str,
    claim_id: int,
    seen_version: int,
    flagged: bool | None,
    reason: str,
    *,
    now: Clock = utcnow,
) -> ActionResult:
    """Flag (True) or unflag (False) a claim as propaganda-sourced; None returns to computed."""
    text = reviewer_text(reason)
    if flagged is not None and not text:
        raise ReviewError("give a reason for flagging or unflagging propaganda")
    yours = {"propaganda_override": flagged, "propaganda_override_reason": text or None}
    claim = _checked_claim(session, claim_id, seen_version, yours)
    review = Review(action="propaganda", rationale=text or None)
    summary = {True: "flagged propaganda", False: "unflagged propaganda", None: "override cleared"}
    return _change_claim(
        session, actor, claim, "claim.propaganda", yours, review, now, summary[flagged], stamp=False
    )


def attach_evidence(
    session: Session,
    actor: str,
    claim_id: int,
    evidence: Evidence,
    *,
    now: Clock = utcnow,
) -> ActionResult:
    """Attach evidence to a claim's review history (the claim row itself is unchanged)."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"no claim with id {claim_id}")
    item = _checked_evidence(session, evidence)
    review = Review(
        claim_id=claim_id, reviewer=actor, action="evidence", evidence=[item], created_at=now()
    )
    session.add(review)
    session.flush()
    entry = record(
        session,
        actor,
        "claim.evidence",
        "claim",
        claim_id,
        before={},
        after={"evidence": item, "review_id": review.id},
    )
    session.flush()
    summary = f"evidence attached ({evidence.kind} {item['ref']})"
    return ActionResult.of(entry, summary, claim.row_version)


def _checked_evidence(session: Session, evidence: Evidence) -> dict[str, Any]:
    ref = evidence.ref.strip()
    if evidence.kind in ("claim", "document"):
        model: type[Claim] | type[Document] = Claim if evidence.kind == "claim" else Document
        if not ref.isdigit() or session.get(model, int(ref)) is None:
            raise ReviewError(f"no {evidence.kind} with id {ref!r}")
    else:
        parts = urlsplit(ref)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            raise ReviewError("evidence URLs must start with http:// or https://")
        if any(ch.isspace() or not ch.isprintable() for ch in ref):
            raise ReviewError("evidence URLs may not contain spaces or control characters")
    return {"kind": evidence.kind, "ref": ref, "note": reviewer_text(evidence.note)}


def _checked_claim(
    session: Session, claim_id: int, seen_version: int, yours: dict[str, Any]
) -> Claim:
    claim = session.scalars(
        select(Claim)
        .where(Claim.id == claim_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()
    if claim is None:
        raise NotFound(f"no claim with id {claim_id}")
    if claim.row_version != seen_version:
        raise conflict_with(session, "claim", claim, seen_version, yours)
    return claim


def _change_claim(
    session: Session,
    actor: str,
    claim: Claim,
    action: str,
    changes: dict[str, Any],
    review: Review,
    now: Clock,
    summary: str,
    *,
    stamp: bool = True,
) -> ActionResult:
    at = now()
    if stamp:
        changes = {**changes, "reviewed_by": actor, "reviewed_at": at}
    fields = ACTION_FIELDS[action]
    before = snapshot(claim, fields)
    for name, value in changes.items():
        setattr(claim, name, value)
    review.claim_id, review.reviewer, review.created_at = claim.id, actor, at
    session.add(review)
    flush_versioned(session, "claim", claim)
    discard_drafts(session, actor, claim.id, action)
    after = {**snapshot(claim, fields), "review_id": review.id}
    entry = record(session, actor, action, "claim", claim.id, before=before, after=after)
    session.flush()
    return ActionResult.of(entry, f"claim #{claim.id}: {summary}", claim.row_version)
