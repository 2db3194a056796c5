"""Attribution chains: who says each sentence's claim, through whom, published by whom.

`attribute(text, sentences, context)` returns one chain per sentence. The rules for a
sentence with no attribution of its own (carry-over, `carry_over.py`), in order:
1. it lies inside a quotation attributed elsewhere (a quote running over several sentences,
   or `“A.” X said. “B.”`) -> that attribution's chain, marked inherited;
2. it holds an unclosed quotation mark, or it is the outlet's own words (it names the
   outlet, says it could not verify, asks a question) -> the publisher's chain, and the
   passage ends;
3. it follows an attributed sentence in the same paragraph and shows that the report goes
   on (a quotation, a pronoun or the speaker as subject, backshift or a modal, a list after
   a colon, an opening "According to" a voice) -> inherited; a market figure, background
   or a dateline is the outlet's narration; after a closed quotation an unquoted sentence
   needs a continuation word;
4. it opens a new paragraph with a continuation ("In addition", "Also", "During the
   visit", "He ...", "They also ...") after an attributed paragraph -> inherited;
5. otherwise -> the publisher's own chain (a new paragraph's unattributed topic sentence
   ends the passage).
A pronoun, a description ("the expert") or a surname takes the name it points back to
(`coreference.py`); an agentless cue ("it is emphasized that") takes the speaker of the
passage, marked inherited, only while the passage goes on.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from claims.extract.attribution.carry_over import Passage, carried, content_owners, continues
from claims.extract.attribution.chains import (
    close_chain,
    default_chain,
    frames_chain,
    inherit,
    nesting,
)
from claims.extract.attribution.coreference import Mentions
from claims.extract.attribution.doc_frames import Doc, complete, prepare
from claims.extract.attribution.frame import Frame, frame_stance, nested_in_earlier
from claims.extract.attribution.pronoun_speaker import salient_speaker, written_name
from claims.extract.attribution.speakers import speaker_of, speaking_frames, writer_frames
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
    owners = content_owners(doc)
    chains = _Chains(doc, context)
    result: list[tuple[ChainLink, ...]] = []
    passage: Passage | None = None
    for index in range(len(doc.sentences)):
        owner = owners.get(index, -1)
        if chains.has_own(index):
            chain = chains.own(index, passage)
            passage = chains.passage_of(index, chain)
        elif chains.has_own(owner):
            chain = inherit(chains.own(owner, passage))
            passage = Passage(chain, owner, quoted=True)
        else:
            chain = carried(doc, index, chains.narrated(passage), context)
            passage = passage if chain and chain[0].inherited else None
        result.append(tuple(chain))
    found: list[FoundAttribution] = []
    for index, frames in enumerate(doc.frames):
        primary = chains.primary(index)
        found.extend(_found(doc, index, frames, primary, chains.owned.get(index, []), context))
    return AttributionResult(attributions=tuple(found), chains=tuple(result))


_RECENT = 2


class _Chains:
    """The chains of sentences that carry their own cue, built in text order."""

    def __init__(self, doc: Doc, context: DocumentContext) -> None:
        self.doc = doc
        self.context = context
        self.mentions = Mentions(doc.tokens)
        self.speaking = [speaking_frames(doc.text, frames) for frames in doc.frames]
        self.owned: dict[int, list[ChainLink]] = {}
        self.last_speaker: tuple[int, ChainLink] | None = None
        self.last_subject: tuple[int, ChainLink] | None = None
        """The last speaker who is its sentence's subject (no report around it)."""

    def has_own(self, index: int) -> bool:
        """The sentence has a frame that names a speaker, or only things that signal."""
        if index < 0:
            return False
        return bool(self.speaking[index]) or writer_frames(self.doc.text, self.doc.frames[index])

    def primary(self, index: int) -> Frame | None:
        return self.speaking[index][0] if self.speaking[index] else None

    def own(self, index: int, passage: Passage | None) -> list[ChainLink]:
        """The sentence's own chain (computed once); agentless cues take the passage's speaker
        only while the passage goes on."""
        if index in self.owned:
            return self.owned[index]
        reported = self.speaking[index]
        if not reported:
            chain = default_chain(self.context)  # the writer's own reading: the passage ends
        else:
            going_on = passage is not None and continues(self.doc, index, passage, self.context)
            speaker = speaker_of(passage.chain) if going_on and passage else self._recent(index)
            nested = nesting(reported)
            links = frames_chain(self.doc.text, nested, self.mentions, speaker)
            earlier = self._earlier(index)
            if earlier is not None and self.mentions.names_company(earlier[1]):
                earlier = None  # "he" goes on with a person, never with a company
            links = salient_speaker(self.doc, index, nested[-1], links, earlier)
            for link in links:
                if not link.inherited:
                    self.mentions.add_link(link)
            chain = close_chain(links, self.context)
            if (named := speaker_of(links)) is not None:
                self.last_speaker = (index, named)
                subject = _unnested(links, named) and any(
                    written_name(self.doc.text, frame, link)
                    for frame in nested
                    for link in links
                    if link.mention == named.mention
                )
                self.last_subject = (index, named) if subject else None
        self.owned[index] = chain
        return chain

    def _earlier(self, index: int) -> tuple[int, ChainLink] | None:
        """The last speaker who was its sentence's subject, when at most two sentences back."""
        if self.last_subject is None or index - self.last_subject[0] > _RECENT:
            return None
        return self.last_subject

    def _recent(self, index: int) -> ChainLink | None:
        """The speaker of a report at most two sentences back (`As the State Department notes,
        A. However, B. In addition, it is emphasized that C`)."""
        if self.last_speaker is None or index - self.last_speaker[0] > _RECENT:
            return None
        return self.last_speaker[1]

    def narrated(self, passage: Passage | None) -> Passage | None:
        """The passage as narration after it sees it: a report whose content is a clause of
        the writer's and a quotation of its own (`She retired, an “instant decision” she said,
        “largely because of an injury”`) is a quotation too, so that an unquoted sentence
        after it (`Created a Dame, she ...`) needs a word that goes on."""
        if passage is None or passage.quoted:
            return passage
        primary = self.primary(passage.sentence)
        if primary is None or not any(
            self.doc.quote_index.is_quote(span) for span in primary.content
        ):
            return passage  # `which, according to X, is “a time bomb.”` goes on unquoted
        return passage._replace(quoted=True)

    def passage_of(self, index: int, chain: list[ChainLink]) -> Passage | None:
        """The passage a sentence with its own chain opens (None when the publisher speaks)."""
        if not chain or chain[0].role is Role.PUBLISHER:
            return None
        primary = self.primary(index)
        quoted = primary is not None and all(
            self.doc.quote_index.is_quote(span) for span in primary.content
        )
        return Passage(chain, index, quoted)


def _unnested(links: list[ChainLink], speaker: ChainLink) -> bool:
    """No one else's report around the speaker's (`the public believe Y` inside `polling
    suggests`; `Ann Vell said she believed Y` is hers alone)."""
    return all(
        link.cue_span == speaker.cue_span or link.mention == speaker.mention for link in links
    )


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
    return close_chain(frames_chain(text, [frame], None, None), context)
