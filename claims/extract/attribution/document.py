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

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from claims.extract.attribution.carry_over import carried, content_owners
from claims.extract.attribution.chains import (
    close_chain,
    default_chain,
    frames_chain,
    inherit,
    nesting,
)
from claims.extract.attribution.coreference import NO_ANTECEDENTS
from claims.extract.attribution.doc_frames import Doc, complete, prepare
from claims.extract.attribution.frame import Frame, frame_stance, nested_in_earlier
from claims.extract.attribution.lexicon import ATTITUDE_LEMMAS, CueKind
from claims.extract.attribution.speakers import abstract_source, named_speaker, speaker_of
from claims.extract.models import ChainLink, DocumentContext, Role, Span, Stance


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


def find_attributions(
    text: str, sentences: Sequence[Span], context: DocumentContext
) -> AttributionResult:
    """Every attribution in the text and each sentence's chain (see the module rules)."""
    doc = prepare(text, sentences)
    complete(doc)
    found, own = _own_chains(doc, context)
    owners = content_owners(doc)
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
            chain = carried(doc, index, passage, context)
            passage = passage if chain and chain[0].inherited else None
        chains.append(tuple(chain))
    return AttributionResult(attributions=tuple(found), chains=tuple(chains))


def _own_chains(
    doc: Doc, context: DocumentContext
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
            and not abstract_source(doc.text, f)
        ]
        if not reported and any(abstract_source(doc.text, f) for f in frames):
            own[index] = default_chain(context)  # the writer's own reading: the passage ends
        if reported:
            links = frames_chain(doc.text, nesting(reported), antecedents, passage)
            own[index] = close_chain(links, context)
            passage = speaker_of(links) or passage
            antecedents = antecedents.after(named_speaker(links))
        primary = reported[0] if reported else None
        found.extend(_found(doc, index, frames, primary, own.get(index, []), context))
    return found, own


def _found(
    doc: Doc,
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
