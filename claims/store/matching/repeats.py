"""Claims repeated inside their own document: duplicates derived from the debris, not stored.

A repeated paragraph is kept once (the later copy is debris), so a relation, which joins two
claim rows, cannot hold it; `repeated_claims` derives the copies when asked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.match.repeats import repeated_copies
from claims.store.chunks import chunks
from db.models import Claim, Document


class RepeatedClaim(BaseModel):
    """A claim whose sentence is repeated later in its own document (a duplicate there)."""

    claim_id: int
    document_id: int
    start: int
    end: int
    reason: str


def repeated_claims(session: Session, claim_ids: Sequence[int]) -> list[RepeatedClaim]:
    """Copies of these claims in their documents' repeated-paragraph debris."""
    by_document: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for chunk in chunks(sorted(set(claim_ids))):
        for claim_id, document_id, start, end in session.execute(
            select(Claim.id, Claim.document_id, Claim.start, Claim.end).where(Claim.id.in_(chunk))
        ):
            by_document[document_id].append((claim_id, start, end))
    found: list[RepeatedClaim] = []
    for document_id, members in sorted(by_document.items()):
        document = session.get(Document, document_id)
        if document is None or not document.debris:
            continue
        debris = [(int(s), int(e), str(r)) for s, e, r in document.debris]
        ids = {(start, end): claim_id for claim_id, start, end in members}
        for copy in repeated_copies(document.text, debris, list(ids)):
            claim_id = ids[(copy.claim_start, copy.claim_start + copy.end - copy.start)]
            found.append(
                RepeatedClaim(
                    claim_id=claim_id,
                    document_id=document_id,
                    start=copy.start,
                    end=copy.end,
                    reason=copy.reason,
                )
            )
    return found
