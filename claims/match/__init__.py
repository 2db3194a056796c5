"""Cross-document claim matching: blocking keys, scoring, relations, independence, clusters.

Pure: takes claims as pydantic models and returns pydantic models; storage is
`claims.store.matching`.
"""
