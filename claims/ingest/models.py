"""Pydantic models passed between the ingestion steps; none of them touches a database."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Largest input accepted by default (after decompression), in bytes."""


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MetaOrigin(StrEnum):
    """Where a metadata value came from, most trusted first."""

    OPTION = "option"
    FETCHED = "fetched"
    SIDECAR = "sidecar"
    HTML = "html"
    TEXT = "text"
    INFERRED = "inferred"


METADATA_FIELDS = (
    "title",
    "outlet",
    "author",
    "published",
    "url",
    "language",
    "original_publisher",
    "machine_translation",
)


class MetaValue(Model):
    """One metadata value and where it came from."""

    value: str
    origin: MetaOrigin


class DocumentMeta(Model):
    """Metadata of a document; each field remembers its origin."""

    fields: dict[str, MetaValue] = Field(default_factory=dict)

    def get(self, name: str) -> str | None:
        found = self.fields.get(name)
        return found.value if found else None

    def merged(self, other: DocumentMeta) -> DocumentMeta:
        """Fill the fields this one lacks from `other` (this one wins)."""
        return DocumentMeta(fields={**other.fields, **self.fields})

    @classmethod
    def of(cls, origin: MetaOrigin, **values: str | None) -> DocumentMeta:
        return cls(fields={k: MetaValue(value=v, origin=origin) for k, v in values.items() if v})


class RawInput(Model):
    """Bytes of one input and how the user named it."""

    origin: str
    """The path or URL as given ('-' for standard input)."""
    locator: str | None
    """Stable identity across versions: the URL, or the absolute path; None for stdin."""
    data: bytes
    media_type: str | None = None
    """text/html, text/plain or text/markdown when known from the name or HTTP headers."""
    declared_charset: str | None = None
    meta: DocumentMeta = Field(default_factory=DocumentMeta)
    """Metadata from options and sidecar files."""


class DebrisSpan(Model):
    """A span of the text that is page debris, not article content."""

    start: int
    end: int
    reason: str


class Flag(StrEnum):
    """Conditions a reviewer should know about a document."""

    ENCODING_UNCERTAIN = "encoding_uncertain"
    ENCODING_DECLARED_MISMATCH = "encoding_declared_mismatch"
    INVALID_BYTES_REPLACED = "invalid_bytes_replaced"
    NUL_REPLACED = "nul_replaced"
    CONTROL_CHARS = "contains_control_chars"
    BIDI_CONTROLS = "contains_bidi_controls"
    INVISIBLE_CHARS = "contains_invisible_chars"
    HIDDEN_TEXT_REMOVED = "hidden_text_removed"
    MACHINE_TRANSLATED = "machine_translated"
    NOT_ENGLISH = "not_english"
    """Written in another language: the English attribution rules were not applied."""
    PARTLY_ANALYSED = "partly_analysed"
    """Too long to analyse whole: claims were looked for in its beginning only."""


class PreparedDocument(Model):
    """A decoded, cleaned document ready to be stored."""

    origin: str
    locator: str | None
    content_type: str
    text: str
    """The original text: decoded, never rewritten except NUL, which no database stores alike."""
    debris: list[DebrisSpan]
    meta: DocumentMeta
    flags: list[Flag]
    notes: list[str]
    encoding: str | None
    encoding_confidence: float | None
    raw: bytes
    raw_sha256: str
    text_sha256: str
    norm_sha256: str
