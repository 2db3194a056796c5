"""Short lookups for listings: a page's document outlets, the designation behind a flag, and
why a claim is propaganda-sourced in sentences."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

from claims.reports.propaganda import flagged_source, propaganda_sentences
from claims.store.chunks import chunks
from db.models import Claim, Document, SourceFlag

OUTLET_CHARS = 80


def document_outlets(session: Session, document_ids: Iterable[int]) -> dict[int, str]:
    """The outlet of each document that names one (documents without one are left out)."""
    found: dict[int, str] = {}
    for part in chunks(sorted(set(document_ids))):
        query = select(Document.id, func.substr(Document.outlet, 1, OUTLET_CHARS)).where(
            Document.id.in_(part), Document.outlet.is_not(None)
        )
        found.update({row[0]: row[1] for row in session.execute(query) if row[1]})
    return found


def flag_designations(
    session: Session, flagged: Iterable[tuple[int, str]]
) -> dict[tuple[int, str], str]:
    """Why each (source id, flag) is set: the flag's recorded rationale, where there is one."""
    found: dict[tuple[int, str], str] = {}
    for part in chunks(sorted(set(flagged))):
        query = select(SourceFlag.source_id, SourceFlag.flag, SourceFlag.rationale).where(
            tuple_(SourceFlag.source_id, SourceFlag.flag).in_(part),
            SourceFlag.rationale.is_not(None),
        )
        found.update({(row[0], row[1]): row[2] for row in session.execute(query) if row[2]})
    return found


def propaganda_reasons(session: Session, claim_id: int) -> list[str]:
    """The claim's propaganda path, a sentence per step with the designation of its flag."""
    path = session.scalar(select(Claim.propaganda_path).where(Claim.id == claim_id)) or []
    keys = [key for step in path if (key := flagged_source(step)) is not None]
    return propaganda_sentences(list(path), flag_designations(session, keys))
