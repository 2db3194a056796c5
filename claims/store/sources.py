"""The source registry in the database: what ingestion and the commands call.

Ingestion calls `resolve_attributions` (chain links -> registry sources) and then
`apply_credibility` (propaganda flag, path and proposed credibility) inside the document's
transaction; registry edits call `refresh_claims`. The services live in `sources_links`
(resolution and credibility), `sources_registry` (listing, editing, merging, the review
queue) and `sources_files` (registry files and outside rating lists).
"""

from __future__ import annotations

from claims.store.sources_files import (
    ImportReport,
    RatingsReport,
    export_registry,
    import_ratings,
    import_registry,
)
from claims.store.sources_links import (
    Counts,
    ReresolveResult,
    Resolver,
    apply_credibility,
    claims_citing,
    refresh_claims,
    relation_counts,
    reresolve,
    resolve_attributions,
)
from claims.store.sources_read import load_index, load_known
from claims.store.sources_registry import (
    EditOutcome,
    QueueItem,
    RegistryError,
    SourceDetail,
    SourceEdit,
    SourceSummary,
    add_source,
    edit_source,
    find_source,
    list_sources,
    merge,
    review_queue,
    source_detail,
)

__all__ = [
    "Counts",
    "EditOutcome",
    "ImportReport",
    "QueueItem",
    "RatingsReport",
    "RegistryError",
    "ReresolveResult",
    "Resolver",
    "SourceDetail",
    "SourceEdit",
    "SourceSummary",
    "add_source",
    "apply_credibility",
    "claims_citing",
    "edit_source",
    "export_registry",
    "find_source",
    "import_ratings",
    "import_registry",
    "list_sources",
    "load_index",
    "load_known",
    "merge",
    "refresh_claims",
    "relation_counts",
    "reresolve",
    "resolve_attributions",
    "review_queue",
    "source_detail",
]
