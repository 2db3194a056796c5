"""The reviewer's scales: verdicts (mapped to ClaimReview ratings), credibility and grades.

Defined once so that the workbench, the review service and the ClaimReview export agree.
Verdicts map to a ClaimReview `reviewRating` of 1 (worst) to 5 (best); "misleading" shares
rating 2 with "mostly false" because it says how a claim misleads, not how false it is, and
"unverifiable" has no rating at all (only its `alternateName` is exported).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    """One value of the verdict scale."""

    name: str
    """The stored value (`claims.verdict`), stable across versions."""
    label: str
    """How people read it; the ClaimReview `alternateName`."""
    rating: int | None
    """The ClaimReview `ratingValue`, or None when the claim could not be rated."""
    description: str
    """When to choose it."""


BEST_RATING = 5
WORST_RATING = 1

VERDICTS: tuple[Verdict, ...] = (
    Verdict("true", "True", 5, "Accurate, with nothing significant missing."),
    Verdict("mostly_true", "Mostly true", 4, "Accurate, but needs clarification or context."),
    Verdict("mixed", "Mixed", 3, "Partly accurate, partly not."),
    Verdict(
        "misleading", "Misleading", 2, "Accurate elements that leave a false overall impression."
    ),
    Verdict("mostly_false", "Mostly false", 2, "Contains some truth but ignores critical facts."),
    Verdict("false", "False", 1, "Not accurate."),
    Verdict("unverifiable", "Unverifiable", None, "Cannot be checked with available evidence."),
)

_BY_NAME = {v.name: v for v in VERDICTS}


def verdict(name: str) -> Verdict:
    """The verdict called `name`; KeyError names the valid ones when it does not exist."""
    try:
        return _BY_NAME[name]
    except KeyError:
        valid = ", ".join(_BY_NAME)
        raise KeyError(f"unknown verdict {name!r} (valid: {valid})") from None


CREDIBILITY: dict[int, str] = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}
"""Claim credibility (the information half of the Admiralty code): 1 best, 6 unknown."""

GRADES: dict[str, str] = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
"""Source reliability grades (the source half of the Admiralty code)."""
