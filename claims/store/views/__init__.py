"""Read models of the review workbench: the claim list, a claim in detail, the reader, sources,
the triage queue. Each runs inside the caller's read session and returns pydantic models."""

from __future__ import annotations

from claims.store.views.claim_detail import (
    ChainLink,
    ClaimDetail,
    DraftItem,
    HistoryItem,
    RelatedClaim,
    claim_detail,
    describe,
)
from claims.store.views.claim_list import (
    ClaimFilter,
    ClaimRow,
    ClaimSort,
    SortKey,
    claim_page,
    count_claims,
    filtered_claim_ids,
    parse_filter,
)
from claims.store.views.document_page import (
    PAGE_CHARS,
    PAGE_LINES,
    ClaimSpan,
    DocumentMeta,
    DocumentPage,
    document_claims,
    document_meta,
    document_page,
    document_page_before,
    page_cut,
    page_start_for,
)
from claims.store.views.queue import QueueItem, queue_counts, queue_page
from claims.store.views.sources import (
    SourceDetail,
    SourceRow,
    count_sources,
    source_detail,
    source_page,
)

__all__ = [
    "PAGE_CHARS",
    "PAGE_LINES",
    "ChainLink",
    "ClaimDetail",
    "ClaimFilter",
    "ClaimRow",
    "ClaimSort",
    "ClaimSpan",
    "DocumentMeta",
    "DocumentPage",
    "DraftItem",
    "HistoryItem",
    "QueueItem",
    "RelatedClaim",
    "SortKey",
    "SourceDetail",
    "SourceRow",
    "claim_detail",
    "claim_page",
    "count_claims",
    "count_sources",
    "describe",
    "document_claims",
    "document_meta",
    "document_page",
    "document_page_before",
    "filtered_claim_ids",
    "page_cut",
    "page_start_for",
    "parse_filter",
    "queue_counts",
    "queue_page",
    "source_detail",
    "source_page",
]
