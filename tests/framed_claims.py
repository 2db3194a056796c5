"""A claim of a made-up document as matching sees it, framed with its whole document."""

from __future__ import annotations

from claims.extract.models import DocumentContext
from claims.extract.pipeline import extract_claims
from claims.match.build import from_extracted
from claims.match.frames.build import frames_of
from claims.match.relate import Side, side


def framed_claim(document: str, start: str, number: int, published: str) -> Side:
    """The claim of `document` that starts with `start`, framed with its document."""
    context = DocumentContext(published=published)
    extracted = extract_claims(document, [], context)
    frames = frames_of(document, extracted, context)
    for found, frame in zip(extracted, frames, strict=True):
        if " ".join(found.text.split()).startswith(start):
            return side(from_extracted(number, number, found, context, frame))
    raise AssertionError(f"no claim starts with {start!r}")
