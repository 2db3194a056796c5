"""Matching claims in the database: what ingestion, `claims match` and reviews call.

`match_claims` matches a document's new claims (in the ingest transaction), `rebuild`
recomputes every proposed relation, `refresh_relations` updates stories and credibility
after a reviewer changed a relation, `repeated_claims` derives the copies of claims inside
their own documents, and `load_claims` reads stored claims as matching sees them.
"""

from claims.store.matching.clusters import refresh_clusters
from claims.store.matching.loading import load_claims
from claims.store.matching.repeats import RepeatedClaim, repeated_claims
from claims.store.matching.report import MatchReport
from claims.store.matching.runs import match_claims, rebuild, refresh_relations

__all__ = [
    "MatchReport",
    "RepeatedClaim",
    "load_claims",
    "match_claims",
    "rebuild",
    "refresh_clusters",
    "refresh_relations",
    "repeated_claims",
]
