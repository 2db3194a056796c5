"""A claim of a made-up document as matching sees it, framed with its whole document."""

from __future__ import annotations

from claims.extract.models import DocumentContext
from claims.extract.pipeline import extract_claims
from claims.match.build import from_extracted
from claims.match.frames.build import frames_of
from claims.match.models import Judgement
from claims.match.relate import Side, relate, side
from claims.match.score import UNIFORM

PUBLISHED = "2024-05-14"


def framed_claim(document: str, start: str, number: int, published: str) -> Side:
    """The claim of `document` that starts with `start`, framed with its document."""
    context = DocumentContext(published=published)
    extracted = extract_claims(document, [], context)
    frames = frames_of(document, extracted, context)
    for found, frame in zip(extracted, frames, strict=True):
        if " ".join(found.text.split()).startswith(start):
            return side(from_extracted(number, number, found, context, frame))
    raise AssertionError(f"no claim starts with {start!r}")


def judged_reports(first: str, first_start: str, second: str, second_start: str) -> Judgement:
    """How the claim of `first` starting `first_start` relates to that of `second` (two
    made-up reports published the same day, every word equally rare)."""
    a = framed_claim(first, first_start, 1, PUBLISHED)
    b = framed_claim(second, second_start, 2, PUBLISHED)
    return relate(a, b, UNIFORM)


def report(headline: str, sentence: str) -> str:
    """A made-up article: its headline, then its text."""
    return f"{headline}\n\n{sentence}\n"
