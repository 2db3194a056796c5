"""What an ingest run is told: metadata given by the user, read limits, who is acting."""

from __future__ import annotations

from dataclasses import dataclass, field

from claims.ingest.inputs import ReadOptions
from claims.ingest.models import DocumentMeta


@dataclass(frozen=True)
class IngestOptions:
    """How to ingest: metadata given by the user, read limits, and who is acting."""

    actor: str
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    read: ReadOptions = field(default_factory=ReadOptions)
