"""What one matching run did: the report `claims match` prints and the audit log keeps."""

from __future__ import annotations

from pydantic import BaseModel, Field


class MatchReport(BaseModel):
    """What one matching run did (printed by `claims match`)."""

    claims: int = 0
    keys: int = 0
    candidates: int = 0
    """Candidate pairs proposed by the blocking keys."""
    scored: int = 0
    """Candidate pairs above the rapidfuzz cutoff, judged by `relate`."""
    relations: dict[str, int] = Field(default_factory=dict)
    """Relations written, by kind."""
    kept_reviewed: int = 0
    """Pairs found again but left alone because a reviewer confirmed or rejected them."""
    removed: int = 0
    """Proposed relations of re-matched claims that no longer hold."""
    dropped_related: int = 0
    """Stored related links no claim keeps any more (each keeps its strongest few)."""
    clusters: int = 0
    circular: list[str] = Field(default_factory=list)
    repeated: int = 0
    """Copies of claims repeated inside their own document (see `repeated_claims`)."""
    credibility: str = ""
    seconds: float = 0.0
    precomputed: bool = False
    """The pairs were judged on a snapshot before the write transaction (ingest), still
    current when stored."""
