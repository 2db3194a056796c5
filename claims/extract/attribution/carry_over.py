"""Carry-over: which sentences without a cue of their own inherit an earlier chain."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from claims.extract.attribution.chains import default_chain, inherit, publisher_name
from claims.extract.attribution.doc_frames import Doc
from claims.extract.models import ChainLink, DocumentContext, Span

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


class Passage(NamedTuple):
    """An attributed passage that following sentences may continue."""

    chain: list[ChainLink]
    sentence: int
    """Where the passage's own attribution is."""
    quoted: bool
    """Its content is a direct quotation (then unquoted narration follows, not more of it)."""


_OUTLET_WORDS = re.compile(
    r"\b(?:could not|couldn[’']t|cannot|can[’']t|was unable to|were unable to|has not been able to)"
    r"(?: be)? (?:independently )?(?:verif|confirm|corroborat)|"
    r"\b(?:did not|didn[’']t) (?:immediately )?(?:respond|reply|return|comment)|"
    r"\bnot immediately (?:available|clear|known|possible)|"
    r"\b(?:it is|it was|it remains|it was not|it is not) (?:still )?(?:unclear|not clear)|"
    r"\b(?:provided|offered|gave) no evidence\b",
    re.IGNORECASE,
)
"""The writer speaking of the report itself: verification, requests for comment, doubt."""
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)


def outlet_words(doc: Doc, index: int, context: DocumentContext) -> bool:
    """The sentence is the outlet's own: a question, a remark on verification, "we", or the
    outlet named outside quotations."""
    sentence = doc.sentences[index]
    unquoted = _unquoted(doc, sentence)
    if unquoted.rstrip(" ”\"'’»)").endswith("?") or _OUTLET_WORDS.search(unquoted):
        return True
    if _FIRST_PERSON.search(unquoted):
        return True
    name = publisher_name(context)
    return name is not None and name.casefold() in unquoted.casefold()


def _unquoted(doc: Doc, sentence: Span) -> str:
    """The sentence's text with its quotations blanked."""
    text = doc.text[sentence.start : sentence.end]
    for quote in _quotes_in(doc, sentence):
        a, b = max(quote.start, sentence.start), min(quote.end, sentence.end)
        text = text[: a - sentence.start] + " " * (b - a) + text[b - sentence.start :]
    return text


def _quotes_in(doc: Doc, sentence: Span) -> tuple[Span, ...]:
    """The quotations overlapping a sentence (quotations are in text order, never nested)."""
    return doc.quote_index.overlapping(sentence)


def _quoted(doc: Doc, sentence: Span) -> bool:
    return bool(_quotes_in(doc, sentence))


def continues(doc: Doc, index: int, passage: Passage, context: DocumentContext) -> bool:
    """The sentence goes on with the passage's report (rules 2-4 of carry-over)."""
    if index == 0 or doc.unclosed[index] or outlet_words(doc, index, context):
        return False
    sentence = doc.sentences[index]
    marker = bool(_CONTINUATION.match(doc.text[sentence.start : sentence.end]))
    if doc.paragraphs[index] != doc.paragraphs[index - 1]:
        return marker
    if passage.quoted and not _quoted(doc, sentence):
        return marker
    return True


def carried(
    doc: Doc, index: int, passage: Passage | None, context: DocumentContext
) -> list[ChainLink]:
    """The chain of a sentence with no cue of its own: the passage's, or the publisher's."""
    if passage is None or not continues(doc, index, passage, context):
        return default_chain(context)
    return inherit(passage.chain)
