"""Registry entries as pydantic models: what a registry file holds and what resolution sees.

A `SourceEntry` is one source as people write it in `seeds/sources.toml` or a shared CSV:
names, kind, country, parent (by name), grade with rationale and evidence, flags with theirs,
and extra ratings (per edition or disputed). `KnownSource` is the compact view of a stored
source that resolution, the propaganda path and credibility work on.
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from claims.text.normalize import collapse_spaces, strip_format

FILE_FORMAT = "claims-sources/1"
"""The `format` value of registry files this version reads and writes."""

NAME_MAX = 500
TEXT_MAX = 20_000

_FLAG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class Grade(StrEnum):
    """Source reliability, the source half of the NATO Admiralty code."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"


GRADE_LABELS: dict[Grade, str] = {
    Grade.A: "completely reliable",
    Grade.B: "usually reliable",
    Grade.C: "fairly reliable",
    Grade.D: "not usually reliable",
    Grade.E: "unreliable",
    Grade.F: "reliability cannot be judged",
}


class SourceKind(StrEnum):
    """What sort of source it is; decides how a person links to an organisation."""

    GOVERNMENT = "government"
    OFFICIAL = "official"
    STATE_MEDIA = "state_media"
    PROPAGANDA_OUTLET = "propaganda_outlet"
    THINK_TANK = "think_tank"
    NEWS_AGENCY = "news_agency"
    INDEPENDENT_MEDIA = "independent_media"
    MEDIA = "media"
    SELF_PUBLISHED = "self_published"
    EXPERT = "expert"
    PERSON = "person"
    COMPANY = "company"
    ANONYMOUS = "anonymous"
    UNKNOWN = "unknown"


KIND_LABELS: dict[SourceKind, str] = {
    SourceKind.GOVERNMENT: "government body",
    SourceKind.OFFICIAL: "official person",
    SourceKind.STATE_MEDIA: "state-affiliated media",
    SourceKind.PROPAGANDA_OUTLET: "propaganda outlet",
    SourceKind.THINK_TANK: "think tank",
    SourceKind.NEWS_AGENCY: "news agency",
    SourceKind.INDEPENDENT_MEDIA: "independent media",
    SourceKind.MEDIA: "news outlet (ownership not assessed)",
    SourceKind.SELF_PUBLISHED: "self-published / blog",
    SourceKind.EXPERT: "expert",
    SourceKind.PERSON: "private person or author",
    SourceKind.COMPANY: "company or owner",
    SourceKind.ANONYMOUS: "anonymous source",
    SourceKind.UNKNOWN: "unknown",
}

PERSON_KINDS = frozenset({SourceKind.OFFICIAL, SourceKind.EXPERT, SourceKind.PERSON})
"""Kinds whose parent is the office or organisation they speak for (not an owner)."""

KNOWN_FLAGS: dict[str, str] = {
    "propaganda": "documented instrument of state propaganda or information operations",
    "state-affiliated": "owned, funded or editorially controlled by a state",
    "sanctioned": "under sanctions (EU, US, UK or others) for its activity",
    "homoglyph": "name imitates another source with look-alike letters",
    "hyperpartisan": "extreme political bias according to an outside rating",
}
"""Flags with a meaning the tool knows; others may be set and are shown as they are."""

PROPAGANDA = "propaganda"


def parse_kind(value: str) -> SourceKind:
    """A kind from its value or label ("state-affiliated media", "think tank", "blog")."""
    text = collapse_spaces(value).lower()
    for kind, label in KIND_LABELS.items():
        if text in (kind.value, label, kind.value.replace("_", " "), kind.value.replace("_", "-")):
            return kind
    synonyms = {
        "blog": SourceKind.SELF_PUBLISHED,
        "self-published": SourceKind.SELF_PUBLISHED,
        "government body": SourceKind.GOVERNMENT,
        "official person": SourceKind.OFFICIAL,
        "state-affiliated media": SourceKind.STATE_MEDIA,
        "owner": SourceKind.COMPANY,
        "company": SourceKind.COMPANY,
    }
    if text in synonyms:
        return synonyms[text]
    valid = ", ".join(kind.value for kind in SourceKind)
    raise ValueError(f"unknown source kind {value!r} (valid: {valid})")


def parse_flag(value: str) -> str:
    """A flag name: lower case letters, digits and hyphens ("state affiliated" is accepted)."""
    flag = collapse_spaces(value).lower().replace(" ", "-").replace("_", "-")
    if not _FLAG_RE.match(flag):
        raise ValueError(f"a flag is 1-40 letters, digits or hyphens, not {value!r}")
    return flag


def clean_text(value: str, limit: int = TEXT_MAX) -> str:
    """Text from a person or a shared file: invisible and control characters removed."""
    cleaned = _CONTROL_RE.sub(" ", strip_format(value)).strip()
    if len(cleaned) > limit:
        raise ValueError(f"text longer than {limit} characters")
    return cleaned


def clean_name(value: str) -> str:
    """A source name or alias: one line, no invisible characters, at most 500 characters."""
    cleaned = collapse_spaces(clean_text(value, NAME_MAX))
    if not cleaned:
        raise ValueError("a name needs at least one visible character")
    return cleaned


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class AliasEntry(Entry):
    """Another name of a source, in any script ("Известия", "iz.ru")."""

    alias: str
    language: str | None = None
    """BCP 47 language or script of the alias, when useful ("ru", "ar")."""

    @field_validator("alias")
    @classmethod
    def _alias(cls, value: str) -> str:
        return clean_name(value)


class FlagEntry(Entry):
    """A flag on a source with why it is set, the evidence, who set it and when."""

    flag: str
    rationale: str | None = None
    evidence: list[str] = Field(default_factory=list)
    set_by: str | None = None
    set_at: datetime | None = None

    @field_validator("flag")
    @classmethod
    def _flag(cls, value: str) -> str:
        return parse_flag(value)


class RatingEntry(Entry):
    """A grade for one edition or language, or a disputed grade, kept beside the main one."""

    grade: Grade
    edition: str | None = None
    rationale: str | None = None
    evidence: list[str] = Field(default_factory=list)
    disputed: bool = False
    set_by: str | None = None
    set_at: datetime | None = None


class SourceEntry(Entry):
    """One source as a registry file states it."""

    name: str
    kind: SourceKind = SourceKind.UNKNOWN
    country: str | None = None
    parent: str | None = None
    """The name of the office a person speaks for, or of an outlet's owner."""
    description: str | None = None
    grade: Grade = Grade.F
    rationale: str | None = None
    """Why this grade, in words an editor can check."""
    evidence: list[str] = Field(default_factory=list)
    """Links or citations supporting the grade."""
    set_by: str | None = None
    set_at: datetime | None = None
    aliases: list[AliasEntry] = Field(default_factory=list)
    flags: list[FlagEntry] = Field(default_factory=list)
    ratings: list[RatingEntry] = Field(default_factory=list)
    needs_review: bool = False

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return clean_name(value)

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: object) -> object:
        return parse_kind(value) if isinstance(value, str) else value

    @field_validator("aliases", mode="before")
    @classmethod
    def _aliases(cls, value: object) -> object:
        if isinstance(value, list):
            return [{"alias": item} if isinstance(item, str) else item for item in value]
        return value

    @model_validator(mode="after")
    def _unique_flags(self) -> SourceEntry:
        names = [flag.flag for flag in self.flags]
        if len(names) != len(set(names)):
            raise ValueError(f"{self.name}: a flag is listed twice")
        return self


class RegistryFile(Entry):
    """A whole registry file: the format marker and the sources."""

    format: Literal["claims-sources/1"] = "claims-sources/1"
    sources: list[SourceEntry] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_names(self) -> RegistryFile:
        seen: set[str] = set()
        for entry in self.sources:
            if entry.name.casefold() in seen:
                raise ValueError(f"source {entry.name!r} is listed twice")
            seen.add(entry.name.casefold())
        return self


class KnownSource(BaseModel):
    """A stored source as resolution and credibility see it."""

    model_config = ConfigDict(frozen=True)

    id: int
    name: str
    kind: str = SourceKind.UNKNOWN.value
    country: str | None = None
    parent_id: int | None = None
    grade: str = Grade.F.value
    flags: frozenset[str] = frozenset()
    aliases: tuple[str, ...] = ()
    alias_keys: tuple[str, ...] = ()
    """Stored lookup keys of the aliases (as in `source_aliases.key`)."""

    @property
    def is_person(self) -> bool:
        return self.kind in PERSON_KINDS
