"""What extraction returns: pydantic models, independent of any database.

`extract_claims(text, debris, context)` (in `claims.extract.pipeline`) turns one document's
original text into `ExtractedClaim`s whose `start`/`end` are offsets into that same text.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ClaimKind(StrEnum):
    """What sort of assertion a sentence makes."""

    FACTUAL = "factual"
    STATISTIC = "statistic"
    EVENT = "event"
    PREDICTION = "prediction"
    QUOTATION = "quotation"
    OPINION = "opinion"
    QUESTION = "question"


class Role(StrEnum):
    """The part a source plays in an attribution chain."""

    SPEAKER = "speaker"
    INTERMEDIARY = "intermediary"
    PUBLISHER = "publisher"


class Stance(StrEnum):
    """The reporter's stance to the claim, read from the cue ("notes" vs "claimed")."""

    ENDORSING = "endorsing"
    NEUTRAL = "neutral"
    DISTANCING = "distancing"


class Span(Frozen):
    """A half-open range of character offsets into the document text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class DocumentContext(Frozen):
    """What extraction may know about the document besides its text."""

    outlet: str | None = None
    """The publisher of this copy (e.g. "Izvestia", "Medium")."""
    original_publisher: str | None = None
    """Where the text first appeared when republished ("First published in Al-Monitor")."""
    author: str | None = None
    published: str | None = None
    """ISO 8601 date, possibly partial; anchors relative dates such as "within 12 months"."""
    language: str | None = None


class ChainLink(Frozen):
    """One link of an attribution chain as found in the text."""

    role: Role
    mention: str
    """The name as written ("official sources in Baghdad", "Izvestia")."""
    mention_span: Span | None = None
    """Where the mention is in the text; None for the publisher taken from metadata."""
    speaker_role: str | None = None
    """The role the text gives a person ("Russia's ambassador in Iraq")."""
    affiliation: str | None = None
    """The organisation a person speaks for, when the text names it."""
    cue: str | None = None
    """The cue phrase ("told", "according to", "citing", "it is emphasized")."""
    cue_span: Span | None = None
    stance: Stance = Stance.NEUTRAL
    inherited: bool = False
    """True when taken from an earlier sentence of the same attributed passage."""


class Entity(Frozen):
    """A person, organisation or place mentioned in a claim."""

    text: str
    key: str
    """Normalised key that survives spelling and transliteration variants."""
    kind: str
    """person, organization, place, group or other."""
    span: Span


class DateValue(Frozen):
    """A date expression normalised to a comparable interval."""

    text: str
    span: Span
    earliest: str | None
    """ISO date of the earliest day meant, or None when open-ended."""
    latest: str | None
    precision: str
    """day, month, year, decade or relative."""
    qualifier: str | None = None
    """by, no later than, until, since, before, after, about, within ..."""


class Quantity(Frozen):
    """A number or amount normalised to a comparable value."""

    text: str
    span: Span
    value: float | None
    """The amount; None for vague amounts such as "hundreds"."""
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    approximate: bool = False


class Reason(Frozen):
    """One reason that moved the check-worthiness score, shown to reviewers."""

    code: str
    text: str
    weight: float


class ExtractedClaim(Frozen):
    """A claim: an exact span of the original text with its kind, chain and features."""

    start: int = Field(ge=0)
    end: int = Field(gt=0)
    text: str
    """Always equal to `original_text[start:end]`."""
    paragraph: int = Field(ge=0)
    sentence: int = Field(ge=0)
    kind: ClaimKind
    checkworthiness: float = Field(ge=0.0, le=1.0)
    reasons: list[Reason] = Field(default_factory=list)
    quote_prefix: str = ""
    """Up to 32 characters before the claim (W3C TextQuoteSelector prefix)."""
    quote_suffix: str = ""
    chain: list[ChainLink] = Field(default_factory=list)
    """Speaker first, then intermediaries in order, then the publisher."""
    entities: list[Entity] = Field(default_factory=list)
    dates: list[DateValue] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    negated: bool = False
    """The claim denies or negates its main assertion ("denied", "did not", "no longer")."""
