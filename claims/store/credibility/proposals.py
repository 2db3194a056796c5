"""The propaganda flag and proposed credibility of claims, from their chains and relations.

Runs inside the caller's transaction (ingest, registry edits, `claims sources resolve`).
Computed claim fields are only written when they change, so a refresh does not bump the
`row_version` of claims it leaves as they were.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from claims.sources.credibility import Corroboration, GradedLink, propose
from claims.sources.models import Grade, KnownSource, SourceKind
from claims.sources.propaganda import ChainStep, path_dicts, propaganda_path
from claims.store.chunks import chunks
from claims.store.credibility.counts import corroboration_counts
from claims.store.rows.sources import load_known
from db.models import Claim

BATCH = 500
"""Claims recomputed per round trip in `refresh_claims`."""


Counts = Mapping[int, tuple[int, int, int]]
"""claim id -> (independent corroborations, dependent corroborations, conflicts)."""


def apply_credibility(
    session: Session, claims: Sequence[Claim], counts: Counts | None = None
) -> None:
    """Set each claim's propaganda flag and path and its proposed credibility with reasons.

    `counts` gives per-claim (independent, dependent, conflicts) matches; without it they are
    read from the `relations` table by the one counting rule (`claims.store.credibility.counts`).
    A reviewer's `propaganda_override` and `credibility` are never changed; the override does
    decide whether the proposal treats the claim as propaganda-sourced.
    """
    recompute(session, claims, counts)


def propose_unsaved(
    session: Session, claims: Sequence[Claim], planned: Mapping[int, KnownSource] | None = None
) -> None:
    """Set the propaganda flag and path and the proposed credibility of claims not yet written.

    They have no relations yet, so their corroboration counts are all zero: what
    `apply_credibility` would write once they are stored, written with the rows instead.
    `planned` holds sources not written yet that links point to (by their temporary ids).
    """
    planned = planned or {}
    source_ids = {link.source_id for c in claims for link in c.attributions if link.source_id}
    # a planned source's owner is a stored source, read with its own owners
    source_ids |= {known.parent_id for known in planned.values() if known.parent_id is not None}
    sources = {**load_known(session, source_ids - planned.keys()), **planned}
    for claim in claims:
        for name, value in _derived(claim, sources, (0, 0, 0)).items():
            setattr(claim, name, value)


def recompute(session: Session, claims: Sequence[Claim], counts: Counts | None = None) -> int:
    """`apply_credibility`, returning how many claims changed."""
    if not claims:
        return 0
    source_ids = {link.source_id for c in claims for link in c.attributions if link.source_id}
    sources = load_known(session, source_ids)
    found = counts if counts is not None else corroboration_counts(session, [c.id for c in claims])
    derived = {
        claim.id: _derived(claim, sources, found.get(claim.id, (0, 0, 0))) for claim in claims
    }
    changed = [claim for claim in claims if _differs(claim, derived[claim.id])]
    write_derived(session, [(claim, derived[claim.id]) for claim in changed])
    return len(changed)


def write_derived(session: Session, rows: Sequence[tuple[Claim, Mapping[str, Any]]]) -> None:
    """Store values the program derives (flags, proposals), without bumping `row_version`.

    `row_version` guards what reviewers write: a reviewer whose save meets a new proposal
    computed meanwhile (another document corroborated the claim, a source was regraded) has
    not lost anything and must not be told the claim was changed under them. One statement
    for all the rows.
    """
    if not rows:
        return
    table = cast(Table, Claim.__table__)
    session.flush()
    statement = (
        update(table)
        .where(table.c.id == bindparam("claim_id"))
        .values({name: bindparam(name) for name in DERIVED_FIELDS})
    )
    session.execute(statement, [{"claim_id": claim.id, **values} for claim, values in rows])
    for claim, values in rows:
        for name, value in values.items():
            set_committed_value(claim, name, value)


DERIVED_FIELDS = (
    "propaganda_sourced",
    "propaganda_path",
    "credibility_proposed",
    "credibility_reasons",
)


def _differs(claim: Claim, values: Mapping[str, Any]) -> bool:
    return any(getattr(claim, name) != value for name, value in values.items())


def _derived(
    claim: Claim, sources: Mapping[int, KnownSource], counts: tuple[int, int, int]
) -> dict[str, Any]:
    """The values of DERIVED_FIELDS for `claim`, from its chain, the registry and counts."""
    chain = [
        ChainStep(
            position=link.position,
            role=link.role,
            mention=link.mention,
            source_id=link.source_id,
            stance=link.stance,
        )
        for link in claim.attributions
    ]
    path = path_dicts(propaganda_path(chain, sources))
    flagged = bool(path)
    effective = claim.propaganda_override if claim.propaganda_override is not None else flagged
    independent, dependent, conflicts = counts
    proposal = propose(
        [graded_link(step, sources) for step in chain],
        propaganda=effective,
        corroboration=Corroboration(independent, dependent, conflicts),
        kind=claim.kind,
    )
    new = {
        "propaganda_sourced": flagged,
        "propaganda_path": path,
        "credibility_proposed": proposal.value,
        "credibility_reasons": proposal.reasons,
    }
    return new


def graded_link(step: ChainStep, sources: Mapping[int, KnownSource]) -> GradedLink:
    """A chain link with its grade; a source graded F borrows its office's or owner's grade."""
    source = sources.get(step.source_id) if step.source_id is not None else None
    if source is None:
        return GradedLink(role=step.role, name=f"{step.mention!r} (no source)", stance=step.stance)
    grade, inherited = Grade(source.grade), None
    ancestor, seen = source, {source.id}
    while grade == Grade.F and ancestor.parent_id is not None:
        if ancestor.parent_id not in sources or ancestor.parent_id in seen:
            break
        ancestor = sources[ancestor.parent_id]
        seen.add(ancestor.id)
        if ancestor.grade != Grade.F.value:
            grade, inherited = Grade(ancestor.grade), ancestor.name
    return GradedLink(
        role=step.role,
        name=source.name,
        grade=grade,
        inherited_from=inherited,
        stance=step.stance,
        anonymous=source.kind == SourceKind.ANONYMOUS,
    )


def refresh_claims(session: Session, claim_ids: Sequence[int] | None = None) -> int:
    """Recompute flags and proposals (after registry edits); returns how many changed."""
    ids = list(claim_ids) if claim_ids is not None else list(session.scalars(select(Claim.id)))
    changed = 0
    for chunk in chunks(sorted(set(ids)), BATCH):
        claims = session.scalars(
            select(Claim)
            .where(Claim.id.in_(chunk))
            .options(selectinload(Claim.attributions))
            .order_by(Claim.id)
        ).all()
        changed += recompute(session, claims)
        session.flush()
    return changed
