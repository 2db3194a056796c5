"""Carry-over: which sentences without a cue of their own inherit an earlier chain."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from claims.extract.attribution.chains import default_chain, inherit
from claims.extract.attribution.doc_frames import Doc
from claims.extract.models import ChainLink, DocumentContext

_CONTINUATION = re.compile(
    r"^\W*(?:in addition|additionally|also|moreover|furthermore|besides|at the same time|"
    r"likewise|similarly|he|she|they|his|her|their|during (?:the|this|that|his|her|their) "
    r"(?:visit|meeting|talks|trip|conversation|interview|call|briefing|speech)|"
    r"(?:the|this) (?:minister|ambassador|expert|official|spokesman|spokeswoman|diplomat|"
    r"analyst|source|president|adviser|advisor)\b.{0,40}\balso)\b",
    re.IGNORECASE,
)


def content_owners(doc: Doc) -> dict[int, int]:
    """Sentence index -> the sentence whose attribution's content covers it whole."""
    starts = [s.start for s in doc.sentences]
    owners: dict[int, int] = {}
    for index, frames in enumerate(doc.frames):
        for span in frames[0].content if frames else ():
            first = bisect_left(starts, span.start)
            for other in range(first, bisect_right(starts, span.end)):
                sentence = doc.sentences[other]
                if other != index and not doc.frames[other] and sentence.end <= span.end + 1:
                    owners.setdefault(other, index)
    return owners


def carried(
    doc: Doc, index: int, passage: list[ChainLink] | None, context: DocumentContext
) -> list[ChainLink]:
    """The chain of a sentence with no cue of its own: the passage's, or the publisher's."""
    if passage is None or doc.unclosed[index] or index == 0:
        return default_chain(context)
    same_paragraph = doc.paragraphs[index] == doc.paragraphs[index - 1]
    sentence = doc.sentences[index]
    opening = doc.text[sentence.start : sentence.end]
    if same_paragraph or _CONTINUATION.match(opening):
        return inherit(passage)
    return default_chain(context)
