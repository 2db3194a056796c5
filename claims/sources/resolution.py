"""What resolving a mention gives: how the source was chosen, the source to create, the
outcome with its reasons, and a lookup's match. Shared by the resolver (`resolve.py`) and the
store that writes its outcomes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from claims.sources.models import FlagEntry, SourceKind


class Method(StrEnum):
    """How an attribution's source was chosen (stored in `attributions.resolution`)."""

    EXACT = "exact"
    KEY = "key"
    FUZZY = "fuzzy"
    AFFILIATION = "affiliation"
    ANONYMOUS = "anonymous"
    HOMOGLYPH = "homoglyph"
    UNNAMED = "unnamed"
    UNKNOWN = "unknown"
    MANUAL = "manual"


class NewSource(BaseModel):
    """A source resolution asks the database to create."""

    model_config = ConfigDict(frozen=True)

    name: str
    kind: SourceKind = SourceKind.UNKNOWN
    country: str | None = None
    parent_id: int | None = None
    description: str | None = None
    alias: str
    alias_key: str
    needs_review: bool = True
    flags: tuple[FlagEntry, ...] = ()


class Resolution(BaseModel):
    """The outcome for one mention: a source (or one to create), the method, score, reasons."""

    model_config = ConfigDict(frozen=True)

    method: Method
    source_id: int | None = None
    score: float | None = None
    reasons: tuple[str, ...] = ()
    new_source: NewSource | None = None
    full_name: str | None = None
    """A fuller name the mention gives the source it found, registered by its acronym
    ("Bank of England" for "BoE"): the name the registry should hold."""


@dataclass(frozen=True)
class Match:
    source_id: int
    method: Method
    score: float
    reason: str


@dataclass(frozen=True)
class Lookup:
    """What a name lookup found: one match, or the sources it could not choose between."""

    match: Match | None = None
    ambiguous: tuple[int, ...] = ()
