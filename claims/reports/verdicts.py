"""Verdicts as reports show them, from the one scale in `claims.review_scale`."""

from __future__ import annotations

from typing import Any

from claims.review_scale import BEST_RATING, WORST_RATING, Verdict, verdict


def known_verdict(name: str | None) -> Verdict | None:
    """The scale's verdict called `name`, or None (not reviewed, or a name from elsewhere)."""
    if name is None:
        return None
    try:
        return verdict(name)
    except KeyError:
        return None


def verdict_label(name: str | None) -> str:
    """The readable label of a stored verdict; an unknown name is shown as stored."""
    if name is None:
        return "not reviewed"
    found = known_verdict(name)
    return found.label if found is not None else name


def review_rating(name: str) -> dict[str, Any]:
    """The ClaimReview `reviewRating` for a verdict: numeric when the scale rates it."""
    found = known_verdict(name)
    rating: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": found.label if found is not None else name,
    }
    if found is not None and found.rating is not None:
        rating |= {
            "ratingValue": found.rating,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
        }
    return rating
