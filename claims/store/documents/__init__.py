"""Documents in the database: ingesting inputs, versions, extracted claims, carried-over reviews."""

from __future__ import annotations

from claims.store.documents.claims import claims_of, extract_document, extract_prepared
from claims.store.documents.ingest import (
    IngestReport,
    ingest_all,
    ingest_one,
    save_prepared,
)
from claims.store.documents.options import IngestOptions
from claims.store.documents.records import (
    Outcome,
    Stored,
    get_document,
    list_documents,
    store_document,
)
from claims.store.documents.workers import default_workers

__all__ = [
    "IngestOptions",
    "IngestReport",
    "Outcome",
    "Stored",
    "claims_of",
    "default_workers",
    "extract_document",
    "extract_prepared",
    "get_document",
    "ingest_all",
    "ingest_one",
    "list_documents",
    "save_prepared",
    "store_document",
]
