"""Matching runs in the database: a document's new claims, claims never matched, a rebuild.

`match_claims` runs inside the ingest transaction for the claims just stored: they arrive in
the database's claim index (`claims.store.matching.index`) and go through the pipeline of
`claims.match.pipeline`, one document at a time; `rebuild` replays every document's arrival
in memory through the same pipeline. Both write relations without touching reviewed ones,
then update the clusters and the proposed credibility of every claim whose relations
changed, in the same transaction.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from claims.extract.models import ExtractedClaim
from claims.match.copies import Placed, mark_copies
from claims.match.engine import arrivals, match_all
from claims.match.judge import Found, Tally
from claims.match.memory import MemoryIndex
from claims.match.models import MatchClaim
from claims.match.pipeline import match_arrival
from claims.store.audit import record
from claims.store.chunks import one_of
from claims.store.credibility import credibility_affected, refresh_claims
from claims.store.matching.clusters import (
    SAME_CLAIM,
    clear_clusters,
    join_clusters,
    refresh_clusters,
)
from claims.store.matching.generation import bump_generation
from claims.store.matching.index import SqlIndex, insert_keys
from claims.store.matching.loading import arrived, load_claims
from claims.store.matching.related import bound_related
from claims.store.matching.relations import PROPOSED, live_links, mark_versions, store_relations
from claims.store.matching.repeats import repeated_claims
from claims.store.matching.report import MatchReport
from claims.store.matching.snapshot import Precomputed, bind, bound
from db.models import Claim, ClaimKey, Cluster, Document, Relation


def match_claims(
    session: Session,
    claims: Sequence[Claim],
    actor: str,
    extracted: Sequence[ExtractedClaim] | None = None,
    *,
    proposed: bool = False,
    precomputed: Precomputed | None = None,
) -> MatchReport:
    """Match newly stored (or re-extracted) claims against everything matched before them.

    `extracted[i]`, when given, is what extraction found for `claims[i]` (all of one
    document): the claims are matched as extraction made them, without reading them back.
    `proposed` says their credibility was proposed as they were written, with no relations
    and nothing changed since: only those that get a counted relation are proposed again.
    `precomputed`, when given, is these claims' matching judged on a snapshot that is still
    current (`claims.store.matching.snapshot`): it is stored if the claims are the ones it
    judged, else they are matched here.
    """
    started = time.perf_counter()
    ids = sorted({claim.id for claim in claims})
    report = MatchReport(claims=len(ids))
    if not ids:
        return report
    session.flush()
    if extracted is not None:
        document = session.get_one(Document, claims[0].document_id)
        loaded = arrived(session, document, claims, extracted)
    else:
        loaded = load_claims(session, ids)
    bound_ids = bind(precomputed, loaded) if precomputed is not None else None
    if precomputed is not None and bound_ids is not None:
        found, keys = bound(precomputed, bound_ids)
        insert_keys(session, keys)
        tally, report.precomputed = precomputed.tally, True
    else:
        index, tally = SqlIndex(session, unkeyed=extracted is not None), Tally()
        found = []
        for batch in arrivals(loaded):
            found += match_arrival(index, batch, tally)
    _save(session, found, ids, tally, report, loaded, proposed=proposed)
    _finish(session, actor, "claims.match", report, started)
    return report


def rebuild(session: Session, actor: str, workers: int = 2) -> MatchReport:
    """Recompute keys, relations, clusters and credibility; reviewed relations stay.

    Every document's claims arrive again, in the order they first arrived, so the rebuild
    finds what matching them one document at a time found.
    """
    started = time.perf_counter()
    session.flush()
    session.execute(delete(ClaimKey))
    bump_generation(session)
    report = MatchReport(removed=_count_proposed(session))
    session.execute(delete(Relation).where(Relation.status == PROPOSED))
    clear_clusters(session)
    claims = load_claims(session, list(session.scalars(select(Claim.id).order_by(Claim.id))))
    index = MemoryIndex(keep_keys=True)
    found, tally = match_all(claims, workers, index)
    insert_keys(session, index.keys)
    report.claims = len(claims)
    _save(session, found, [], tally, report, claims)
    ids = [claim.id for claim in claims]
    join_clusters(session, live_links(session, ids, SAME_CLAIM))
    report.clusters = int(session.scalar(select(func.count()).select_from(Cluster)) or 0)
    _finish(session, actor, "claims.rebuild", report, started)
    return report


def _save(
    session: Session,
    found: list[Found],
    rematched: Sequence[int],
    tally: Tally,
    report: MatchReport,
    arriving: Sequence[MatchClaim],
    *,
    proposed: bool = False,
) -> None:
    """Store the relations found and update what they move: clusters, credibility.

    `proposed`: the arriving claims' credibility is up to date but for their new relations.
    """
    arrived_ids = sorted(claim.id for claim in arriving)
    report.keys, report.candidates, report.scored = tally.keys, tally.candidates, tally.scored
    placed: dict[int, Placed] = {claim.id: claim for claim in arriving}
    placed.update(
        placements(session, {i for item in found for i in (item.low, item.high)} - placed.keys())
    )
    found = mark_versions(session, found, {i: where.document_id for i, where in placed.items()})
    found = mark_copies(found, placed)
    found, report.dropped_related = bound_related(session, found)
    written = store_relations(session, found, rematched, report)
    report.clusters = join_clusters(session, written.linked)
    if written.unlinked:
        report.clusters += refresh_clusters(session, {i for p in written.unlinked for i in p})
    # Only claims whose counted relations changed can get a new proposal: the arriving ones
    # (unless proposed as they were written) and the ends of counted links written or
    # removed, not the many old claims a document is only `related` to.
    touched = {i for pair in written.counted for i in pair}
    if not proposed:
        touched |= set(arrived_ids)
    report.repeated = len(repeated_claims(session, arrived_ids))
    report.credibility = update_credibility(session, touched)


def refresh_relations(session: Session, claim_ids: set[int]) -> None:
    """Recompute stories and proposed credibility after relations changed outside matching."""
    if claim_ids:
        refresh_clusters(session, claim_ids)
        update_credibility(session, claim_ids)


def update_credibility(session: Session, ids: set[int]) -> str:
    """Re-propose the credibility of `ids` and of every claim their relations' changes move."""
    affected = credibility_affected(session, ids)
    refresh_claims(session, sorted(affected))
    return f"updated for {len(affected)} claims"


@dataclass(frozen=True)
class Placement:
    """Where a stored claim appeared: its document, outlet and publication date."""

    document_id: int
    outlet: str | None
    published: str | None


def placements(session: Session, ids: set[int]) -> dict[int, Placement]:
    """The placement of each claim in `ids` (claims found related that did not arrive now)."""
    if not ids:
        return {}
    rows = session.execute(
        select(Claim.id, Claim.document_id, Document.outlet, Document.published)
        .join(Document, Document.id == Claim.document_id)
        .where(one_of(session, Claim.id, ids))
    )
    return {row.id: Placement(row.document_id, row.outlet, row.published) for row in rows}


def _count_proposed(session: Session) -> int:
    query = select(func.count()).select_from(Relation).where(Relation.status == PROPOSED)
    return int(session.scalar(query) or 0)


def _finish(session: Session, actor: str, action: str, report: MatchReport, started: float) -> None:
    report.seconds = round(time.perf_counter() - started, 3)
    summary = report.model_dump(exclude={"circular", "seconds", "precomputed"})
    record(session, actor, action, "claim", None, after=summary)
    session.flush()
