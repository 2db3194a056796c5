"""The frames of every sentence of a document, completed from their neighbours.

`X said.` and `X said:` borrow the neighbouring quotation; a quotation that runs on over
the next sentences extends its frame's content; signed quotations and transcript turns
fill sentences with no cue of their own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from claims.extract.attribution.cues import Cue
from claims.extract.attribution.frame import Frame
from claims.extract.attribution.layout import signed_quotes, transcript_turns
from claims.extract.attribution.lexicon import CueKind
from claims.extract.attribution.quotes import QuoteIndex, scan_quotes
from claims.extract.attribution.sentence import sentence_frames
from claims.extract.attribution.tokens import Token, tokenize
from claims.extract.models import Span, Stance

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def _paragraphs(text: str, sentences: Sequence[Span]) -> list[int]:
    numbers: list[int] = []
    paragraph = 0
    for index, sentence in enumerate(sentences):
        if index and _BLANK_LINE.search(text, sentences[index - 1].end, sentence.start):
            paragraph += 1
        numbers.append(paragraph)
    return numbers


@dataclass
class Doc:
    """What the passes over one document share."""

    text: str
    sentences: list[Span]
    paragraphs: list[int]
    quotes: tuple[Span, ...]
    frames: list[list[Frame]]
    unclosed: list[bool]
    tokens: list[list[Token]]
    """Each sentence's tokens (empty for a sentence holding an unclosed quotation)."""
    quote_index: QuoteIndex
    """The quotations looked up by offset (a sentence's quotations, exact quotations)."""


def prepare(text: str, sentences: Sequence[Span]) -> Doc:
    """Quotations, paragraphs and the frames of every sentence (unclosed quotes get none)."""
    scan = scan_quotes(text)
    index = QuoteIndex(scan)
    frames: list[list[Frame]] = []
    unclosed: list[bool] = []
    all_tokens: list[list[Token]] = []
    for sentence in sentences:
        broken = index.holds_unclosed(sentence)
        unclosed.append(broken)
        if broken:
            frames.append([])
            all_tokens.append([])
            continue
        quotes = index.overlapping(sentence)
        tokens = tokenize(text, sentence.start, sentence.end, quotes)
        all_tokens.append(tokens)
        frames.append(sentence_frames(tokens, quotes))
    _add_layout_frames(text, sentences, scan.quotes, frames)
    return Doc(
        text=text,
        sentences=list(sentences),
        paragraphs=_paragraphs(text, sentences),
        quotes=scan.quotes,
        frames=frames,
        unclosed=unclosed,
        tokens=all_tokens,
        quote_index=index,
    )


def _add_layout_frames(
    text: str, sentences: Sequence[Span], quotes: tuple[Span, ...], frames: list[list[Frame]]
) -> None:
    """Signed quotations and transcript turns, for sentences with no cue of their own."""
    found = signed_quotes(text, quotes) + transcript_turns(text)
    if not found:
        return
    starts = [s.start for s in sentences]
    for layout in found:
        index = bisect_right(starts, layout.cue.start) - 1
        if index < 0 or layout.cue.start >= sentences[index].end:
            continue
        if frames[index] and frames[index][0].cue_span != layout.cue:
            continue
        cue = Cue(0, 0, text[layout.cue.start : layout.cue.end], CueKind.SAY, Stance.NEUTRAL)
        frames[index] = [Frame(cue, layout.cue, layout.source, (layout.content,))]


def _borrowed_content(doc: Doc, index: int, frame: Frame) -> tuple[Span, ...]:
    """Content for `X said.` / `X said:` from the neighbouring quotation."""
    text = doc.text
    after = text[frame.cue_span.end : doc.sentences[index].end].lstrip()
    if after.startswith(":") and index + 1 < len(doc.sentences):
        following = doc.sentences[index + 1]
        quotes = doc.quote_index.overlapping(following)
        return (quotes[0],) if quotes else (_paragraph_from(doc, index + 1),)
    if index and doc.paragraphs[index - 1] == doc.paragraphs[index]:
        previous = doc.sentences[index - 1]
        ending = [q for q in doc.quote_index.overlapping(previous) if q.end >= previous.end - 2]
        if ending:
            return (ending[-1],)
    return ()


def _paragraph_from(doc: Doc, index: int) -> Span:
    """`X said:` then a block of text: the content runs to the end of that paragraph."""
    last = index
    while (
        last + 1 < len(doc.sentences)
        and doc.paragraphs[last + 1] == doc.paragraphs[index]
        and not doc.frames[last + 1]
    ):
        last += 1
    return Span(start=doc.sentences[index].start, end=doc.sentences[last].end)


def complete(doc: Doc) -> None:
    """Fill empty contents from neighbours and extend quotations that continue."""
    for index, frames in enumerate(doc.frames):
        fixed: list[Frame] = []
        for frame in frames:
            content = frame.content or _borrowed_content(doc, index, frame)
            if content:
                fixed.append(frame._replace(content=content))
        doc.frames[index] = fixed
        if fixed:
            _extend_quotes(doc, index)


def _extend_quotes(doc: Doc, index: int) -> None:
    frame = doc.frames[index][0]
    relayed = frame.cue.kind is CueKind.ACCORDING and doc.quote_index.is_quote(frame.content[0])
    if not (doc.quote_index.is_quote(frame.content[-1]) or relayed or _reported(frame)):
        return  # `“A,” X said, according to Z. “B.”` runs on like `“A,” X said. “B.”`
    content = list(frame.content)
    nxt = index + 1
    paragraph = doc.paragraphs[index]
    while nxt < len(doc.sentences) and not doc.frames[nxt]:
        if _runs_on(doc, nxt, index, paragraph, frame):
            paragraph = doc.paragraphs[nxt]  # `“A,” X said.` then a paragraph `“B.”`
        if doc.paragraphs[nxt] != paragraph or doc.unclosed[nxt]:
            break
        sentence = doc.sentences[nxt]
        quotes = [q for q in doc.quote_index.overlapping(sentence) if q.start >= content[-1].end]
        if not quotes or doc.text[sentence.start : quotes[0].start].strip():
            break
        after = _sentence_after(doc, quotes[-1], nxt)
        if any(doc.frames[k] for k in range(nxt + 1, after)):
            break  # `“B. C,” Y said`: the quotation is Y's
        content.extend(quotes)
        nxt = after
    doc.frames[index][0] = frame._replace(content=tuple(content))


def _runs_on(doc: Doc, nxt: int, index: int, paragraph: int, frame: Frame) -> bool:
    """A quotation goes on into the next paragraph (once) when that paragraph is quotation
    alone."""
    if paragraph != doc.paragraphs[index] or doc.paragraphs[nxt] == paragraph:
        return False
    return doc.quote_index.is_quote(frame.content[-1]) and _quoted_paragraph(doc, nxt)


def _quoted_paragraph(doc: Doc, first: int) -> bool:
    """The paragraph starting at `first` is a quotation alone: every sentence opens inside a
    quotation and none has a cue of its own."""
    paragraph = doc.paragraphs[first]
    k = first
    while k < len(doc.sentences) and doc.paragraphs[k] == paragraph:
        sentence = doc.sentences[k]
        if doc.frames[k] or doc.unclosed[k] or not doc.quote_index.overlapping(sentence):
            return False
        k += 1
    head = doc.text[doc.sentences[first].start : doc.sentences[first].start + 1]
    return head in _OPENING_MARKS


_OPENING_MARKS = frozenset('“"‘«')


def _reported(frame: Frame) -> bool:
    """`X promised that Y. “B.”`: a quotation with no cue of its own right after a speech
    report in the same paragraph goes on with it, as after a quotation."""
    return frame.source is not None and frame.cue.kind in _SPEECH_KINDS


_SPEECH_KINDS = frozenset({CueKind.SAY, CueKind.TELL, CueKind.STRICT})


def _sentence_after(doc: Doc, quote: Span, index: int) -> int:
    while index < len(doc.sentences) and doc.sentences[index].start < quote.end:
        index += 1
    return index
