"""Re-find a stored claim in a new version of its document (W3C-style text quote anchoring).

Order of attempts: the old position still holds the exact text; the exact text elsewhere
(the occurrence whose prefix/suffix agree best, then the nearest); a fuzzy match against the
new text's sentences, accepted only when very similar and clearly better than any other
sentence. Anything else is orphaned: a claim never silently lands on a different sentence.
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz, process

from claims.extract.sentences import Sentence, split_sentences
from claims.text.normalize import fold

FUZZY_MIN_SCORE = 90.0
"""Lowest `fuzz.ratio` (0-100, on folded text) a fuzzy re-anchoring may have."""
FUZZY_MARGIN = 5.0
"""How far the best fuzzy candidate must lead the second best to count as unambiguous."""
FUZZY_MIN_CHARS = 20
"""Shorter quotes are never matched fuzzily: too many sentences resemble them."""
MAX_OCCURRENCES = 1000


class AnchorStatus(StrEnum):
    """How a stored selector was re-found in the new text."""

    ANCHORED = "anchored"
    MOVED = "moved"
    FUZZY = "fuzzy"
    ORPHANED = "orphaned"


class Selector(BaseModel):
    """A stored claim location: text quote (exact, prefix, suffix) plus text position."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    exact: str = Field(min_length=1)
    prefix: str = ""
    suffix: str = ""
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class AnchorResult(BaseModel):
    """Where the selector landed in the new text, if anywhere."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    status: AnchorStatus
    start: int | None = None
    end: int | None = None
    score: float = Field(ge=0.0, le=1.0)
    """1.0 for an exact match in place; lower for moved or fuzzy matches; 0 when orphaned."""


def reanchor(selector: Selector, new_text: str) -> AnchorResult:
    """Find `selector` in `new_text`, preferring exact matches near the old position."""
    exact = selector.exact
    if new_text[selector.start : selector.end] == exact and selector.end - selector.start == len(
        exact
    ):
        return AnchorResult(
            status=AnchorStatus.ANCHORED, start=selector.start, end=selector.end, score=1.0
        )
    moved = _exact_elsewhere(selector, new_text)
    if moved is not None:
        return moved
    return _fuzzy(selector, new_text)


def _occurrences(text: str, needle: str) -> list[int]:
    found: list[int] = []
    position = text.find(needle)
    while position >= 0 and len(found) < MAX_OCCURRENCES:
        found.append(position)
        position = text.find(needle, position + 1)
    return found


def _context_score(selector: Selector, text: str, start: int, end: int) -> float:
    """Share of the stored prefix and suffix that the text around a candidate repeats."""
    prefix, suffix = selector.prefix, selector.suffix
    total = len(prefix) + len(suffix)
    if total == 0:
        return 1.0
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    return (_common_suffix(prefix, before) + _common_prefix(suffix, after)) / total


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def _exact_elsewhere(selector: Selector, text: str) -> AnchorResult | None:
    positions = _occurrences(text, selector.exact)
    if not positions:
        return None
    length = len(selector.exact)
    scale = max(len(text), 1)

    def rank(position: int) -> tuple[float, float]:
        context = _context_score(selector, text, position, position + length)
        return context, -abs(position - selector.start) / scale

    best = max(positions, key=rank)
    context = _context_score(selector, text, best, best + length)
    return AnchorResult(
        status=AnchorStatus.MOVED,
        start=best,
        end=best + length,
        score=round(0.9 + 0.1 * context, 4),
    )


@lru_cache(maxsize=2)
def _candidates(text: str) -> tuple[tuple[Sentence, ...], tuple[str, ...]]:
    """The new text's sentences and their folded forms, split once for every claim that
    is re-anchored in the same new version."""
    sentences = tuple(split_sentences(text))
    return sentences, tuple(fold(sentence.text) for sentence in sentences)


def _fuzzy(selector: Selector, text: str) -> AnchorResult:
    orphaned = AnchorResult(status=AnchorStatus.ORPHANED, score=0.0)
    if len(selector.exact) < FUZZY_MIN_CHARS:
        return orphaned
    sentences, choices = _candidates(text)
    if not sentences:
        return orphaned
    ranked = process.extract(
        fold(selector.exact), choices, scorer=fuzz.ratio, limit=2, score_cutoff=50.0
    )
    if not ranked or ranked[0][1] < FUZZY_MIN_SCORE:
        return orphaned
    best_score, best_index = ranked[0][1], ranked[0][2]
    if len(ranked) > 1 and ranked[1][1] > best_score - FUZZY_MARGIN:
        return orphaned
    sentence = sentences[best_index]
    return AnchorResult(
        status=AnchorStatus.FUZZY,
        start=sentence.start,
        end=sentence.end,
        score=round(best_score / 100 * 0.9, 4),
    )
