"""Rows to models: one mapping from each table's row to the models callers need."""

from __future__ import annotations

from claims.store.rows.exports import (
    export_attribution,
    export_claim,
    export_cluster,
    export_document,
    export_relation,
    export_review,
    export_snapshot,
    export_source,
    source_flag,
    source_rating,
)
from claims.store.rows.sources import known_from_row, load_index, load_known
from claims.store.rows.tables import (
    ATTRIBUTIONS,
    AUDIT_ENTRIES,
    CLAIMS,
    CLUSTERS,
    DOCUMENTS,
    DRAFTS,
    RELATIONS,
    REVIEWS,
    SNAPSHOTS,
    SOURCE_ALIASES,
    SOURCE_FLAGS,
    SOURCE_RATINGS,
    SOURCES,
    RowMapping,
)

__all__ = [
    "ATTRIBUTIONS",
    "AUDIT_ENTRIES",
    "CLAIMS",
    "CLUSTERS",
    "DOCUMENTS",
    "DRAFTS",
    "RELATIONS",
    "REVIEWS",
    "SNAPSHOTS",
    "SOURCES",
    "SOURCE_ALIASES",
    "SOURCE_FLAGS",
    "SOURCE_RATINGS",
    "RowMapping",
    "export_attribution",
    "export_claim",
    "export_cluster",
    "export_document",
    "export_relation",
    "export_review",
    "export_snapshot",
    "export_source",
    "known_from_row",
    "load_index",
    "load_known",
    "source_flag",
    "source_rating",
]
