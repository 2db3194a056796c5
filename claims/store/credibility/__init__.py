"""The propaganda flag and proposed credibility of stored claims, from one computation.

`refresh_claims` and `apply_credibility` (`proposals`) recompute claims from their chains,
the registry and their corroboration counts; every path reads the counts from `counts`
(`corroboration_counts`, over the one rule of `claims.match.corroboration`), and
`credibility_affected` says whose counts a changed relation can move.
"""

from claims.store.credibility.counts import (
    claim_support,
    corroboration_counts,
    credibility_affected,
)
from claims.store.credibility.proposals import (
    BATCH,
    Counts,
    apply_credibility,
    propose_unsaved,
    recompute,
    refresh_claims,
)

__all__ = [
    "BATCH",
    "Counts",
    "apply_credibility",
    "claim_support",
    "corroboration_counts",
    "credibility_affected",
    "propose_unsaved",
    "recompute",
    "refresh_claims",
]
