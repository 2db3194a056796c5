"""Reviewer actions: verdicts, rationale, evidence, credibility, propaganda, relations, sources.

Every action is one transaction that checks the `row_version` the reviewer saw, changes rows
through the ORM (so the version counter guards the UPDATE too; never a bulk UPDATE on a
versioned table), adds a `reviews` row for claim history and an audit entry with the state
before and after, which is what `undo` restores. A stale save raises `EditConflict` naming
both versions; `ReviewService` then keeps the reviewer's input in `review_drafts`.

Audit entries store plain field values in `before`/`after`; `after` may also carry the ids of
rows the action created (`review_id`, `rating_id`, `alias_id`) so undo can find them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Literal, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from claims.errors import ClaimsError, NotFound
from claims.review_scale import CREDIBILITY, GRADES, verdict
from claims.sources.normalize import alias_key
from claims.store.audit import record
from claims.store.matching import refresh_relations
from claims.store.sources_links import claims_citing, refresh_claims
from db.base import Base, utcnow
from db.engine import Database
from db.errors import ConcurrentEdit
from db.models import (
    Attribution,
    AuditEntry,
    Claim,
    Document,
    Relation,
    Review,
    ReviewDraft,
    Source,
    SourceAlias,
    SourceFlag,
    SourceRating,
)

T = TypeVar("T")
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
_SOURCE_FIELDS = (
    "name",
    "kind",
    "country",
    "parent_id",
    "description",
    "reliability",
    "reliability_rationale",
    "reliability_evidence",
    "reliability_set_by",
    "reliability_set_at",
    "needs_review",
    "created_at",
    "created_by",
)


class ReviewError(ClaimsError):
    """A review action that cannot be done as asked (bad value, missing row, already undone)."""


class EditConflict(ConcurrentEdit):
    """The row changed since the reviewer read it: nothing was saved; both versions attached."""

    def __init__(
        self,
        entity: str,
        entity_id: int,
        *,
        seen_version: int | None,
        current_version: int | None,
        yours: dict[str, Any],
        theirs: dict[str, Any],
        changed_by: str | None = None,
        changed_at: datetime | None = None,
    ) -> None:
        self.entity = entity
        self.entity_id = entity_id
        self.seen_version = seen_version
        self.current_version = current_version
        self.yours = yours
        self.theirs = theirs
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.draft_id: int | None = None
        super().__init__(self.describe())

    def describe(self) -> str:
        who = f" by {self.changed_by}" if self.changed_by else ""
        when = f" at {self.changed_at:%Y-%m-%d %H:%M:%S} UTC" if self.changed_at else ""
        seen = f"; you saw version {self.seen_version}" if self.seen_version is not None else ""
        return (
            f"{self.entity} #{self.entity_id} was changed{who}{when} (now version "
            f"{self.current_version}{seen}): your change was not saved"
        )


class Evidence(BaseModel):
    """Something that supports a verdict: another claim, a stored document, or a web page."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["claim", "document", "url"]
    ref: str = Field(min_length=1, max_length=2048)
    note: str = Field(default="", max_length=MAX_TEXT)


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


# --- claims -----------------------------------------------------------------------------


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
    text = _clean(rationale) if rationale is not None else None
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
    text = _clean(rationale)
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
    text = _clean(reason)
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
    return ActionResult(
        entry_id=entry.id,
        entity="claim",
        entity_id=claim_id,
        row_version=claim.row_version,
        summary=summary,
    )


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
    return {"kind": evidence.kind, "ref": ref, "note": _clean(evidence.note)}


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
        raise _conflict(session, "claim", claim, seen_version, yours)
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
    _flush(session, "claim", claim)
    _discard_drafts(session, actor, claim.id, action)
    after = {**snapshot(claim, fields), "review_id": review.id}
    entry = record(session, actor, action, "claim", claim.id, before=before, after=after)
    session.flush()
    return ActionResult(
        entry_id=entry.id,
        entity="claim",
        entity_id=claim.id,
        row_version=claim.row_version,
        summary=f"claim #{claim.id}: {summary}",
    )


# --- relations --------------------------------------------------------------------------


def review_relation(
    session: Session,
    actor: str,
    relation_id: int,
    seen_version: int,
    decision: Literal["confirm", "reject"],
    *,
    now: Clock = utcnow,
) -> ActionResult:
    """Confirm or reject a proposed relation between two claims.

    A rejected corroboration no longer counts, so both claims' stories and proposed
    credibility are recomputed in the same transaction.
    """
    status = {"confirm": "confirmed", "reject": "rejected"}.get(decision)
    if status is None:
        raise ReviewError(f"decision must be confirm or reject, not {decision!r}")
    relation = _locked(session, Relation, relation_id)
    if relation.row_version != seen_version:
        raise _conflict(session, "relation", relation, seen_version, {"status": status})
    fields = ACTION_FIELDS["relation.review"]
    before = snapshot(relation, fields)
    relation.status, relation.reviewed_by, relation.reviewed_at = status, actor, now()
    _flush(session, "relation", relation)
    refresh_relations(session, {relation.claim_id, relation.other_claim_id})
    entry = record(
        session,
        actor,
        "relation.review",
        "relation",
        relation.id,
        before=before,
        after=snapshot(relation, fields),
    )
    session.flush()
    return ActionResult(
        entry_id=entry.id,
        entity="relation",
        entity_id=relation.id,
        row_version=relation.row_version,
        summary=f"relation #{relation.id} ({relation.kind}) {status}",
    )


# --- sources ----------------------------------------------------------------------------


def set_source_grade(
    session: Session,
    actor: str,
    source_id: int,
    seen_version: int,
    grade: str,
    rationale: str,
    *,
    now: Clock = utcnow,
) -> ActionResult:
    """Grade a source A to F with a rationale; the grade history keeps a rating row."""
    grade = grade.strip().upper()
    if grade not in GRADES:
        raise ReviewError(f"grade must be one of {', '.join(GRADES)}, not {grade!r}")
    text = _clean(rationale)
    source = _locked(session, Source, source_id)
    if source.row_version != seen_version:
        yours = {"reliability": grade, "reliability_rationale": text}
        raise _conflict(session, "source", source, seen_version, yours)
    fields = ACTION_FIELDS["source.grade"]
    before = snapshot(source, fields)
    at = now()
    source.reliability, source.reliability_rationale = grade, text or None
    source.reliability_set_by, source.reliability_set_at = actor, at
    rating = SourceRating(
        source_id=source.id, grade=grade, rationale=text or None, set_by=actor, set_at=at
    )
    session.add(rating)
    _flush(session, "source", source)
    after = {**snapshot(source, fields), "rating_id": rating.id}
    entry = record(session, actor, "source.grade", "source", source.id, before=before, after=after)
    refreshed = _refresh_citing(session, [source.id])
    return ActionResult(
        entry_id=entry.id,
        entity="source",
        entity_id=source.id,
        row_version=source.row_version,
        summary=f"source #{source.id}: grade {grade}",
        refreshed=refreshed,
    )


def add_source_alias(session: Session, actor: str, source_id: int, alias: str) -> ActionResult:
    """Give a source another name; refused when that name already belongs to a source."""
    name = _clean(alias)
    key = alias_key(name)
    if not key:
        raise ReviewError("an alias needs letters or digits")
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound(f"no source with id {source_id}")
    owner = session.scalar(select(SourceAlias.source_id).where(SourceAlias.key == key))
    if owner is not None:
        raise ReviewError(f"the alias {name!r} already belongs to source #{owner}")
    row = SourceAlias(source_id=source_id, alias=name, key=key)
    session.add(row)
    session.flush()
    entry = record(
        session,
        actor,
        "source.alias",
        "source",
        source_id,
        before={},
        after={"alias_id": row.id, "alias": name, "key": key},
    )
    session.flush()
    return ActionResult(
        entry_id=entry.id,
        entity="source",
        entity_id=source_id,
        row_version=source.row_version,
        summary=f"source #{source_id}: alias added",
    )


def merge_sources(
    session: Session, actor: str, source_id: int, into_id: int, seen_version: int
) -> ActionResult:
    """Fold source `source_id` into `into_id`: its chain links, aliases, flags, ratings and
    children move over, its name becomes an alias, and the source row is deleted."""
    if source_id == into_id:
        raise ReviewError("a source cannot be merged into itself")
    source = _locked(session, Source, source_id)
    into = _locked(session, Source, into_id)
    if source.row_version != seen_version:
        raise _conflict(session, "source", source, seen_version, {"merge_into": into_id})
    before = {"source": {"id": source.id, **snapshot(source, _SOURCE_FIELDS)}}
    moved = _move_source_rows(session, source.id, into.id)
    name_key = alias_key(source.name)
    taken = session.scalar(select(SourceAlias.id).where(SourceAlias.key == name_key))
    if name_key and taken is None:
        alias = SourceAlias(source_id=into.id, alias=source.name, key=name_key)
        session.add(alias)
        session.flush()
        moved["name_alias_id"] = alias.id
    session.delete(source)
    _flush(session, "source", source)
    entry = record(
        session,
        actor,
        "source.merge",
        "source",
        into.id,
        before=before,
        after={"into": into.id, **moved},
    )
    refreshed = _refresh_citing(session, [into.id])
    return ActionResult(
        entry_id=entry.id,
        entity="source",
        entity_id=into.id,
        row_version=into.row_version,
        summary=f"source #{source_id} merged into #{into.id}",
        refreshed=refreshed,
    )


def _refresh_citing(session: Session, source_ids: list[int]) -> int:
    """Recompute the flags and proposed credibility of every claim whose chain cites these
    sources, in the same transaction, so a grade never disagrees with the claims it grades."""
    session.flush()
    changed = refresh_claims(session, claims_citing(session, source_ids))
    session.flush()
    return changed


def _merged_away(entry: AuditEntry) -> list[int]:
    """The source a merge deleted (restored by undoing it), if `entry` is a merge."""
    source = (entry.before or {}).get("source") if entry.action == "source.merge" else None
    return [int(source["id"])] if isinstance(source, dict) and "id" in source else []


def _move_source_rows(session: Session, old: int, new: int) -> dict[str, Any]:
    """Re-point everything that belongs to source `old` at `new` (none of it is versioned,
    except child sources, which move one by one through the ORM)."""
    moved: dict[str, Any] = {}
    for name, model in (
        ("attributions", Attribution),
        ("aliases", SourceAlias),
        ("ratings", SourceRating),
    ):
        column = model.source_id
        ids = list(session.scalars(select(model.id).where(column == old)))
        if ids:
            session.execute(update(model).where(model.id.in_(ids)).values(source_id=new))
        moved[name] = ids
    target_flags = set(session.scalars(select(SourceFlag.flag).where(SourceFlag.source_id == new)))
    moved["flags"], moved["dropped_flags"] = [], []
    for flag in session.scalars(select(SourceFlag).where(SourceFlag.source_id == old)).all():
        if flag.flag in target_flags:
            moved["dropped_flags"].append(
                snapshot(flag, ("flag", "rationale", "evidence", "set_by", "set_at"))
            )
            session.delete(flag)
        else:
            flag.source_id = new
            moved["flags"].append(flag.id)
    moved["children"] = []
    for child in session.scalars(select(Source).where(Source.parent_id == old)).all():
        child.parent_id = new
        moved["children"].append(child.id)
    session.flush()
    session.expire_all()
    return moved


# --- undo -------------------------------------------------------------------------------


def undo(session: Session, actor: str, entry_id: int) -> ActionResult:
    """Revert one audited action, if nothing changed the same fields since."""
    entry = session.get(AuditEntry, entry_id)
    if entry is None:
        raise NotFound(f"no audit entry with id {entry_id}")
    if entry.action not in ACTION_FIELDS:
        raise ReviewError(f"entry #{entry_id} ({entry.action}) cannot be undone")
    done = session.scalar(select(AuditEntry.id).where(AuditEntry.undoes_id == entry_id))
    if done is not None:
        raise ReviewError(f"entry #{entry_id} was already undone (by entry #{done})")
    assert entry.entity_id is not None
    restore = _UNDO.get(entry.action, _undo_fields)
    before, after = restore(session, entry)
    undone = record(
        session,
        actor,
        entry.action + UNDO_SUFFIX,
        entry.entity,
        entry.entity_id,
        before=before,
        after=after,
        undoes_id=entry.id,
    )
    if entry.entity == "source":
        _refresh_citing(session, [entry.entity_id, *_merged_away(entry)])
    if entry.entity == "relation":
        relation = session.get_one(Relation, entry.entity_id)
        refresh_relations(session, {relation.claim_id, relation.other_claim_id})
    session.flush()
    return ActionResult(
        entry_id=undone.id,
        entity=entry.entity,
        entity_id=entry.entity_id,
        summary=f"undone: {entry.action} on {entry.entity} #{entry.entity_id}",
    )


def last_undoable(session: Session, actor: str) -> int | None:
    """The actor's latest action that can still be undone."""
    undone_ids = select(AuditEntry.undoes_id).where(AuditEntry.undoes_id.is_not(None))
    return session.scalar(
        select(AuditEntry.id)
        .where(
            AuditEntry.actor == actor,
            AuditEntry.action.in_(list(ACTION_FIELDS)),
            AuditEntry.id.not_in(undone_ids),
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )


_MODELS: dict[str, type[Base]] = {"claim": Claim, "relation": Relation, "source": Source}


def _undo_fields(session: Session, entry: AuditEntry) -> tuple[dict[str, Any], dict[str, Any]]:
    assert entry.entity_id is not None
    fields = ACTION_FIELDS[entry.action]
    row = _locked(session, _MODELS[entry.entity], entry.entity_id)
    current = snapshot(row, fields)
    expected = {name: (entry.after or {}).get(name) for name in fields}
    if current != expected:
        raise _conflict(
            session, entry.entity, row, None, {"undo": entry.id, **(entry.before or {})}
        )
    for name in fields:
        setattr(row, name, _restore((entry.before or {}).get(name), name))
    review_id = (entry.after or {}).get("review_id")
    if review_id is not None:
        review = session.get(Review, review_id)
        if review is not None:
            review.undone = True
    rating_id = (entry.after or {}).get("rating_id")
    if rating_id is not None:
        session.execute(delete(SourceRating).where(SourceRating.id == rating_id))
    _flush(session, entry.entity, row)
    return current, snapshot(row, fields)


def _undo_evidence(session: Session, entry: AuditEntry) -> tuple[dict[str, Any], dict[str, Any]]:
    review = session.get(Review, (entry.after or {}).get("review_id"))
    if review is not None:
        review.undone = True
    return {"review_id": review.id if review else None}, {"undone": True}


def _undo_alias(session: Session, entry: AuditEntry) -> tuple[dict[str, Any], dict[str, Any]]:
    alias_id = (entry.after or {}).get("alias_id")
    session.execute(delete(SourceAlias).where(SourceAlias.id == alias_id))
    return dict(entry.after or {}), {}


def _undo_merge(session: Session, entry: AuditEntry) -> tuple[dict[str, Any], dict[str, Any]]:
    after, old = entry.after or {}, (entry.before or {})["source"]
    into = after["into"]
    if session.get(Source, into) is None:
        raise ReviewError(f"source #{into} no longer exists; the merge cannot be undone")
    values = {name: _restore(old.get(name), name) for name in _SOURCE_FIELDS}
    session.add(Source(id=old["id"], **values))
    try:
        session.flush()
    except IntegrityError as exc:
        raise ReviewError(f"cannot restore source #{old['id']}: {exc.orig}") from None
    if after.get("name_alias_id"):
        session.execute(delete(SourceAlias).where(SourceAlias.id == after["name_alias_id"]))
    for name, model in (
        ("attributions", Attribution),
        ("aliases", SourceAlias),
        ("ratings", SourceRating),
        ("flags", SourceFlag),
    ):
        ids = after.get(name) or []
        if ids:
            session.execute(
                update(model)
                .where(model.id.in_(ids), model.source_id == into)
                .values(source_id=old["id"])
            )
    for flag in after.get("dropped_flags") or []:
        values = {name: _restore(value, name) for name, value in flag.items()}
        session.add(SourceFlag(source_id=old["id"], **values))
    for child in session.scalars(select(Source).where(Source.id.in_(after.get("children") or []))):
        if child.parent_id == into:
            child.parent_id = old["id"]
    session.flush()
    return {"into": into}, {"restored": old["id"]}


_UNDO: dict[str, Callable[[Session, AuditEntry], tuple[dict[str, Any], dict[str, Any]]]] = {
    "claim.evidence": _undo_evidence,
    "source.alias": _undo_alias,
    "source.merge": _undo_merge,
}


# --- drafts -----------------------------------------------------------------------------


def save_draft(
    session: Session, reviewer: str, claim_id: int | None, payload: dict[str, Any]
) -> int:
    """Keep a reviewer's refused input so nothing typed is lost, and log the refusal.

    The audit log then shows both actions of a conflict: the save that won and, as
    `<action>.refused`, the one that did not (with the values the reviewer typed).
    """
    draft = ReviewDraft(claim_id=claim_id, reviewer=reviewer, payload=payload)
    session.add(draft)
    session.flush()
    record(
        session,
        reviewer,
        f"{payload.get('action', 'edit')}{REFUSED_SUFFIX}",
        str(payload.get("entity") or "claim"),
        payload.get("entity_id", claim_id),
        after={**payload, "draft_id": draft.id},
    )
    return draft.id


def _discard_drafts(session: Session, reviewer: str, claim_id: int, action: str) -> None:
    drafts = session.scalars(
        select(ReviewDraft).where(
            ReviewDraft.claim_id == claim_id, ReviewDraft.reviewer == reviewer
        )
    )
    for draft in drafts:
        if draft.payload.get("action") == action:
            session.delete(draft)


# --- helpers ----------------------------------------------------------------------------


def snapshot(row: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    """Field values as JSON-safe data (timestamps as ISO 8601 text)."""
    values: dict[str, Any] = {}
    for name in fields:
        value = getattr(row, name)
        values[name] = value.isoformat() if isinstance(value, datetime) else value
    return values


def _restore(value: Any, name: str) -> Any:
    if name in _DATETIME_FIELDS and isinstance(value, str):
        return datetime.fromisoformat(value)
    return value


def _clean(text: str | None) -> str:
    """Reviewer text as stored: NUL removed (PostgreSQL refuses it), ends trimmed, bounded."""
    cleaned = (text or "").replace("\x00", "").strip()
    if len(cleaned) > MAX_TEXT:
        raise ReviewError(f"text too long ({len(cleaned)} characters; at most {MAX_TEXT})")
    return cleaned


def _locked(session: Session, model: type[T], row_id: int) -> T:
    query = select(model).where(model.id == row_id)  # type: ignore[attr-defined]
    row = session.scalars(query.with_for_update().execution_options(populate_existing=True)).first()
    if row is None:
        raise NotFound(f"no {model.__name__.lower()} with id {row_id}")
    return row


def _flush(session: Session, entity: str, row: Any) -> None:
    try:
        session.flush()
    except StaleDataError:
        raise EditConflict(
            entity, row.id, seen_version=None, current_version=None, yours={}, theirs={}
        ) from None


def _conflict(
    session: Session, entity: str, row: Any, seen_version: int | None, yours: dict[str, Any]
) -> EditConflict:
    fields = _CONFLICT_FIELDS[entity]
    latest = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == row.id)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    return EditConflict(
        entity,
        row.id,
        seen_version=seen_version,
        current_version=row.row_version,
        yours=yours,
        theirs=snapshot(row, fields),
        changed_by=latest.actor if latest else None,
        changed_at=latest.at if latest else None,
    )


_CONFLICT_FIELDS: dict[str, tuple[str, ...]] = {
    "claim": (
        "verdict",
        "rationale",
        "credibility",
        "propaganda_override",
        "propaganda_override_reason",
        "reviewed_by",
        "reviewed_at",
    ),
    "relation": ("kind", "status", "reviewed_by", "reviewed_at"),
    "source": ("name", "reliability", "reliability_rationale", "reliability_set_by"),
}


# --- the service the workbench calls ----------------------------------------------------


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
