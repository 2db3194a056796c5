"""A new document's matching judged on a read snapshot, before its write transaction.

The write transaction of a document used to hold its whole matching (about a second a
document under load), and on SQLite every review save waited for it. Here the document's
claims are built as the transaction will write them (chains resolved against the registry,
the sources it would create planned on temporary ids, propaganda flag and proposal set), on
provisional ids above every stored one, and judged
against the snapshot (`claims.store.matching.snapshot`); the transaction stores what was
judged if the snapshot is still current, else matches them itself.

Only a new document is judged ahead: a new version carries reviews over before matching,
and is matched in its transaction as before. The chains resolved and the claims proposed
here are written as they are if the registry is unchanged
(`claims.store.documents.resolved`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claims.extract.models import ExtractedClaim
from claims.ingest.models import PreparedDocument
from claims.match.frames.models import Frame
from claims.store.credibility import propose_unsaved
from claims.store.documents.claims import claim_rows
from claims.store.documents.records import document_row, find_by_hash, latest_version
from claims.store.documents.resolved import Resolved, resolved_on
from claims.store.matching.loading import arrived
from claims.store.matching.memo import IndexMemo
from claims.store.matching.snapshot import Precomputed, judge_ahead
from claims.store.sources.resolution import resolve_planned
from db.models import Claim, Document


@dataclass(frozen=True)
class Ahead:
    """What a new document's write transaction may store as it is, if still current."""

    judged: Precomputed
    """Its pairs, judged."""
    resolved: Resolved
    """Its chains resolved and its claims proposed."""


def judged_ahead(
    session: Session,
    prepared: PreparedDocument,
    actor: str,
    extracted: Sequence[ExtractedClaim],
    frames: Sequence[Frame],
    memo: IndexMemo | None = None,
) -> Ahead | None:
    """The document's resolution and matching on `session`'s snapshot (read only), or None
    when it is not a new document (or has no claims); `memo` is what this writer read and
    wrote of the claim index before (`claims.store.matching.memo`)."""
    if not extracted or find_by_hash(session, prepared.norm_sha256) is not None:
        return None
    if latest_version(session, prepared.locator) is not None:
        return None
    document = document_row(prepared, actor, None)
    document.id = _after(session, Document.id)
    claims = claim_rows(document, extracted, frames)
    links = [link for claim in claims for link in claim.attributions]
    plan = resolve_planned(session, links, actor, text=document.text)
    planned = plan.sources
    propose_unsaved(session, claims, planned)
    resolved = resolved_on(session, claims, plan)
    first = _after(session, Claim.id)
    for offset, claim in enumerate(claims):
        claim.id = first + offset
    arriving = arrived(session, document, claims, extracted, planned)
    return Ahead(judge_ahead(session, arriving, planned, memo), resolved)


def _after(session: Session, column: object) -> int:
    """An id above every stored one in `column`'s table: where the next row's id will be."""
    return int(session.scalar(select(func.coalesce(func.max(column), 0))) or 0) + 1
