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
)
from claims.store.rows.sources import known_from_row, load_index, load_known

__all__ = [
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
]
