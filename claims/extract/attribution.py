"""Attribution chains: who says each sentence's claim, through whom, published by whom.

`attribute(text, sentences, context)` returns one chain per sentence. The rules for a
sentence with no attribution of its own (carry-over), in order:
1. it lies inside a quotation attributed elsewhere (a quote running over several sentences,
   or `“A.” X said. “B.”`) -> that attribution's chain, marked inherited;
2. it holds an unclosed quotation mark -> the publisher's own chain, and the passage ends;
3. it follows an attributed sentence in the same paragraph -> inherited;
4. it opens a new paragraph with a continuation ("In addition", "Also", "During the
   visit", "He ...", "They also ...") after an attributed paragraph -> inherited;
5. otherwise -> the publisher's own chain (a new paragraph's unattributed topic sentence
   ends the passage).
A pronoun speaker ("He stressed that") takes the name of the last named speaker; an agentless
cue ("it is emphasized that") takes the speaker of the passage, marked inherited.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from claims.extract.attribution_chains import (
    NO_ANTECEDENTS,
    close_chain,
    default_chain,
    frames_chain,
    inherit,
)
from claims.extract.attribution_cues import ATTITUDE_LEMMAS, CueKind
from claims.extract.attribution_cues_find import Cue
from claims.extract.attribution_frames import (
    Frame,
    frame_stance,
    nested_in_earlier,
    sentence_frames,
)
from claims.extract.attribution_layout import signed_quotes, transcript_turns
from claims.extract.attribution_quotes import scan_quotes
from claims.extract.attribution_tokens import PRONOUNS, tokenize
from claims.extract.models import ChainLink, DocumentContext, Role, Span, Stance

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_CONTINUATION = re.compile(
    r"^\W*(?:in addition|additionally|also|moreover|furthermore|besides|at the same time|"
    r"likewise|similarly|he|she|they|his|her|their|during (?:the|this|that|his|her|their) "
    r"(?:visit|meeting|talks|trip|conversation|interview|call|briefing|speech)|"
    r"(?:the|this) (?:minister|ambassador|expert|official|spokesman|spokeswoman|diplomat|"
    r"analyst|source|president|adviser|advisor)\b.{0,40}\balso)\b",
    re.IGNORECASE,
)


class FoundAttribution(BaseModel):
    """One attribution found in the text: where its content, source and cue are."""

    model_config = ConfigDict(frozen=True)

    sentence: int
    """Index of the sentence holding the cue."""
    content: tuple[Span, ...]
    """The attributed claim: the quotation or clause (fragments in text order)."""
    source: Span | None
    """The source as written, pronouns included (PolNeAR marks "he" as the source)."""
    cue: Span | None
    stance: Stance
    chain: tuple[ChainLink, ...]
    """Speaker, intermediaries and publisher for this attribution."""


class AttributionResult(BaseModel):
    """Attributions found in a document and the chain of each sentence."""

    model_config = ConfigDict(frozen=True)

    attributions: tuple[FoundAttribution, ...]
    chains: tuple[tuple[ChainLink, ...], ...]
    """One chain per sentence, in the order given."""


def attribute(
    text: str, sentences: Sequence[Span], context: DocumentContext
) -> list[list[ChainLink]]:
    """One attribution chain per sentence (speaker, intermediaries, publisher), same order."""
    result = find_attributions(text, sentences, context)
    return [list(chain) for chain in result.chains]


def _paragraphs(text: str, sentences: Sequence[Span]) -> list[int]:
    numbers: list[int] = []
    paragraph = 0
    for index, sentence in enumerate(sentences):
        if index and _BLANK_LINE.search(text, sentences[index - 1].end, sentence.start):
            paragraph += 1
        numbers.append(paragraph)
    return numbers


def _overlapping(quotes: tuple[Span, ...], span: Span) -> tuple[Span, ...]:
    return tuple(q for q in quotes if q.start < span.end and span.start < q.end)


def _holds_unclosed(unclosed: tuple[int, ...], span: Span) -> bool:
    return any(span.start <= offset < span.end for offset in unclosed)


@dataclass
class _Doc:
    """What the passes over one document share."""

    text: str
    sentences: list[Span]
    paragraphs: list[int]
    quotes: tuple[Span, ...]
    frames: list[list[Frame]]
    unclosed: list[bool]


def _prepare(text: str, sentences: Sequence[Span]) -> _Doc:
    scan = scan_quotes(text)
    frames: list[list[Frame]] = []
    unclosed: list[bool] = []
    for sentence in sentences:
        broken = _holds_unclosed(scan.unclosed, sentence)
        unclosed.append(broken)
        if broken:
            frames.append([])
            continue
        quotes = _overlapping(scan.quotes, sentence)
        tokens = tokenize(text, sentence.start, sentence.end, quotes)
        frames.append(sentence_frames(tokens, quotes))
    _add_layout_frames(text, sentences, scan.quotes, frames)
    return _Doc(
        text=text,
        sentences=list(sentences),
        paragraphs=_paragraphs(text, sentences),
        quotes=scan.quotes,
        frames=frames,
        unclosed=unclosed,
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


def _borrowed_content(doc: _Doc, index: int, frame: Frame) -> tuple[Span, ...]:
    """Content for `X said.` / `X said:` from the neighbouring quotation."""
    text = doc.text
    after = text[frame.cue_span.end : doc.sentences[index].end].lstrip()
    if after.startswith(":") and index + 1 < len(doc.sentences):
        following = doc.sentences[index + 1]
        quotes = _overlapping(doc.quotes, following)
        return (quotes[0],) if quotes else (_paragraph_from(doc, index + 1),)
    if index and doc.paragraphs[index - 1] == doc.paragraphs[index]:
        previous = doc.sentences[index - 1]
        ending = [q for q in _overlapping(doc.quotes, previous) if q.end >= previous.end - 2]
        if ending:
            return (ending[-1],)
    return ()


def _paragraph_from(doc: _Doc, index: int) -> Span:
    """`X said:` then a block of text: the content runs to the end of that paragraph."""
    last = index
    while (
        last + 1 < len(doc.sentences)
        and doc.paragraphs[last + 1] == doc.paragraphs[index]
        and not doc.frames[last + 1]
    ):
        last += 1
    return Span(start=doc.sentences[index].start, end=doc.sentences[last].end)


def _complete(doc: _Doc) -> None:
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


def _extend_quotes(doc: _Doc, index: int) -> None:
    frame = doc.frames[index][0]
    last = frame.content[-1]
    if last not in doc.quotes:
        return
    content = list(frame.content)
    nxt = index + 1
    while nxt < len(doc.sentences) and not doc.frames[nxt]:
        if doc.paragraphs[nxt] != doc.paragraphs[index] or doc.unclosed[nxt]:
            break
        sentence = doc.sentences[nxt]
        quotes = [q for q in _overlapping(doc.quotes, sentence) if q.start >= content[-1].end]
        if not quotes or doc.text[sentence.start : quotes[0].start].strip():
            break
        content.extend(quotes)
        nxt = _sentence_after(doc, quotes[-1], nxt)
    doc.frames[index][0] = frame._replace(content=tuple(content))


def _sentence_after(doc: _Doc, quote: Span, index: int) -> int:
    while index < len(doc.sentences) and doc.sentences[index].start < quote.end:
        index += 1
    return index


def find_attributions(
    text: str, sentences: Sequence[Span], context: DocumentContext
) -> AttributionResult:
    """Every attribution in the text and each sentence's chain (see the module rules)."""
    doc = _prepare(text, sentences)
    _complete(doc)
    found, own = _own_chains(doc, context)
    owners = _content_owners(doc)
    chains: list[tuple[ChainLink, ...]] = []
    passage: list[ChainLink] | None = None
    for index in range(len(doc.sentences)):
        if index in own:
            chain = own[index]
            passage = chain if chain and chain[0].role is not Role.PUBLISHER else None
        elif owners.get(index, -1) in own:
            chain = inherit(own[owners[index]])
            passage = chain
        else:
            chain = _carried(doc, index, passage, context)
            passage = passage if chain and chain[0].inherited else None
        chains.append(tuple(chain))
    return AttributionResult(attributions=tuple(found), chains=tuple(chains))


def _own_chains(
    doc: _Doc, context: DocumentContext
) -> tuple[list[FoundAttribution], dict[int, list[ChainLink]]]:
    """Chains of the sentences that carry their own cue, and every attribution found."""
    found: list[FoundAttribution] = []
    own: dict[int, list[ChainLink]] = {}
    antecedents = NO_ANTECEDENTS
    passage: ChainLink | None = None
    for index, frames in enumerate(doc.frames):
        reported = [
            f
            for f in frames
            if f.cue.lemma.replace(" ", "_") not in ATTITUDE_LEMMAS
            and f.cue.kind is not CueKind.BY
            and not _abstract_source(doc.text, f)
        ]
        if not reported and any(_abstract_source(doc.text, f) for f in frames):
            own[index] = default_chain(context)  # the writer's own reading: the passage ends
        if reported:
            links = frames_chain(doc.text, _nesting(reported), antecedents, passage)
            own[index] = close_chain(links, context)
            passage = _speaker_of(links) or passage
            antecedents = antecedents.after(_named_speaker(links))
        primary = reported[0] if reported else None
        found.extend(_found(doc, index, frames, primary, own.get(index, []), context))
    return found, own


_DEMONSTRATIVES = frozenset({"this", "these", "that", "those", "such"})
_ABSTRACT_ENDINGS = ("ness",)
_PEOPLE_NOUNS = frozenset(
    {"official", "officials", "spokesman", "spokeswoman", "spokesperson", "minister", "source"}
    | {"sources", "reporter", "expert", "experts", "analyst", "analysts", "diplomat", "man"}
    | {"woman", "person", "people", "group", "agency", "ministry", "government", "department"}
)


def _abstract_source(text: str, frame: Frame) -> bool:
    """`This declaration underscores`, `The willingness to engage highlights`: no speaker.

    A demonstrative before a common noun, or "the" before a quality noun in -ness, names a
    thing that signals, not a person or body that speaks ("the opposition" still speaks).
    """
    if frame.source is None:
        return False
    words = text[frame.source.start : frame.source.end].split()
    if len(words) < 2 or not words[1][:1].islower() or words[1].lower() in _PEOPLE_NOUNS:
        return False
    first, head = words[0].lower(), words[1].lower().strip(".,")
    if first in _DEMONSTRATIVES:
        return True
    return first == "the" and head.endswith(_ABSTRACT_ENDINGS) and head not in _PEOPLE_NOUNS


def _content_owners(doc: _Doc) -> dict[int, int]:
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


def _carried(
    doc: _Doc, index: int, passage: list[ChainLink] | None, context: DocumentContext
) -> list[ChainLink]:
    if passage is None or doc.unclosed[index] or index == 0:
        return default_chain(context)
    same_paragraph = doc.paragraphs[index] == doc.paragraphs[index - 1]
    sentence = doc.sentences[index]
    opening = doc.text[sentence.start : sentence.end]
    if same_paragraph or _CONTINUATION.match(opening):
        return inherit(passage)
    return default_chain(context)


def _nesting(frames: list[Frame]) -> list[Frame]:
    """The frames that nest inside the first one (outermost first)."""
    chain = [frames[0]]
    for frame in frames[1:]:
        parent = chain[-1]
        if any(c.start <= frame.cue_span.start < c.end for c in parent.content):
            chain.append(frame)
    return chain


def _named_speaker(links: list[ChainLink]) -> ChainLink | None:
    for link in links:
        if link.role is Role.SPEAKER and link.mention.lower() not in PRONOUNS:
            return link
    return None


def _speaker_of(links: list[ChainLink]) -> ChainLink | None:
    return next((link for link in links if link.role is Role.SPEAKER), None)


def _found(
    doc: _Doc,
    index: int,
    frames: list[Frame],
    primary: Frame | None,
    chain: list[ChainLink],
    context: DocumentContext,
) -> list[FoundAttribution]:
    """Every frame of a sentence as an attribution; the primary one carries the full chain."""
    result = []
    for frame in frames:
        if frame is not primary and _unscored_nested(frames, frame):
            continue
        own_chain = chain if frame is primary else _single_chain(doc.text, frame, context)
        result.append(
            FoundAttribution(
                sentence=index,
                content=frame.content,
                source=frame.source,
                cue=frame.cue_span,
                stance=frame_stance(frame, doc.text),
                chain=tuple(own_chain),
            )
        )
    return result


def _unscored_nested(frames: list[Frame], frame: Frame) -> bool:
    """A cue inside an earlier content ("he said he wants Y") is part of that content.

    Such frames still shape the chain (nesting gives intermediaries); they are not listed
    as attributions of their own.
    """
    return nested_in_earlier(frames, frame)


def _single_chain(text: str, frame: Frame, context: DocumentContext) -> list[ChainLink]:
    return close_chain(frames_chain(text, [frame], NO_ANTECEDENTS, None), context)
