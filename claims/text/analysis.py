"""Which part of a document is analysed for claims: ingestion marks it, extraction reads it."""

from __future__ import annotations

from collections.abc import Sequence

NOT_ANALYSED = "not analysed"
"""How the debris reason of the text past the analysis limit begins (`claims.ingest.limits`)."""


def analysed_end(length: int, debris: Sequence[tuple[int, int, str]]) -> int:
    """Where analysis stops: the start of the span past the limit, else the end of the text."""
    return min(
        (start for start, end, reason in debris if reason.startswith(NOT_ANALYSED)),
        default=length,
    )
