"""What matching takes and returns: claims with their features and chains, and judgements.

`MatchClaim` is a claim as matching sees it (built from a stored row or from text);
`Judgement` is the relation found between two claims, with the reasons a reviewer reads.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from claims.extract.models import DateValue, Entity, Quantity
from claims.match.frames.models import Frame


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Kind(StrEnum):
    """How two claims relate; UNRELATED pairs are never stored."""

    DUPLICATE = "duplicate"
    """The same sentence repeated or syndicated."""
    CORROBORATES = "corroborates"
    """The same assertion in other words."""
    CONFLICTS = "conflicts"
    """The same subject with incompatible content."""
    RELATED = "related"
    """The same subject, no judgement."""
    UNRELATED = "unrelated"


STORED_KINDS = (Kind.DUPLICATE, Kind.CORROBORATES, Kind.CONFLICTS, Kind.RELATED)


class ChainNode(Frozen):
    """One link of a claim's attribution chain, with the registry source it resolved to."""

    role: str
    """speaker, intermediary or publisher."""
    mention: str
    speaker_role: str | None = None
    """The role the text gives the person ("broadband analyst at Jupiter Research"): with the
    mention, the words that say who said a claim rather than what was said."""
    source_id: int | None = None
    source_name: str | None = None
    source_kind: str | None = None
    """The registry kind of the source ("anonymous" sources name nobody)."""
    owners: tuple[tuple[int, str], ...] = ()
    """The source's owners (parent, grandparent, ...) as (id, name)."""


class MatchClaim(Frozen):
    """A claim as matching sees it: text, features, chain and where it was published."""

    id: int
    document_id: int
    text: str
    kind: str = "factual"
    """The claim kind from extraction; a question neither corroborates nor conflicts."""
    entities: tuple[Entity, ...] = ()
    dates: tuple[DateValue, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    negated: bool = False
    chain: tuple[ChainNode, ...] = ()
    outlet: str | None = None
    """The publisher of the document the claim is in."""
    original_publisher: str | None = None
    """Where the document says its text first appeared ("First published in Al-Monitor")."""
    published: str | None = None
    """The document's ISO publication date, possibly partial."""
    start: int = 0
    """Offset of the claim in its document: the tie-break for first appearance."""
    flagged_relays: tuple[str, ...] = ()
    """Its propaganda-flagged relays as reasons ("relayed by RIA Novosti (propaganda)")."""
    frame: Frame | None = None
    """Subject, measure, period, polarity, modality read with the document's help; None when
    only the sentence is known (then `claims.match.frames.frame_of` reads it alone)."""


class Signals(Frozen):
    """The measurements behind a judgement; the stance evaluation learns from them."""

    wording: float = 0.0
    """rapidfuzz ratio of the folded texts, 0-100."""
    overlap: float = 0.0
    """rapidfuzz token_set_ratio of the content words, 0-100."""
    dice: float = 0.0
    """Rarity-weighted Dice overlap of the content words, 0-1."""
    containment: float = 0.0
    """Rarity-weighted share of the shorter claim's words found in the other, 0-1."""
    shared_words: int = 0
    shared_entities: int = 0
    swapped_entities: int = 0
    polarity: bool = False
    dates_differ: bool = False
    numbers_differ: bool = False
    opposite_verbs: bool = False
    """Found by the word cues, before the frames were asked whether the claims align."""
    slot_values_differ: bool = False
    aligned: bool = False
    """A conflict cue stands: the two frames share subject, predicate or measure and period.
    Without it, the four cues above leave the pair related (stance still counts them)."""
    negation_cue: bool = False
    """A negation bears on what the claims share but was not shown to deny the same
    assertion: related, not conflicting; stance still counts it as a sign of disagreement."""
    refuting: int = 0
    """Refuting words ("hoax", "false", "denied") in the second claim."""
    hedging: int = 0
    """Hedging words ("reportedly", "alleged", "unconfirmed") in the second claim."""


class Judgement(Frozen):
    """The relation between two claims: kind, score in [0, 1] and readable reasons."""

    kind: Kind
    score: float = Field(ge=0.0, le=1.0)
    reasons: tuple[str, ...] = ()
    signals: Signals = Signals()


class Independence(Frozen):
    """Whether two claims' attribution chains share an origin, and which."""

    independent: bool | None
    """True: no shared origin; False: shared origin; None: an origin is unknown."""
    shared: tuple[str, ...] = ()
    """The shared origins in words ("same speaker: Haidar Hadi")."""
    circular: tuple[str, ...] = ()
    """Circular reporting found across the two chains ("Izvestia cites Shafaq citing Izvestia")."""
