"""The JSON export format: the whole database as one versioned document.

These models are the interface other tools read; fields are only ever added, never renamed.
`docs/export.schema.json` is generated from them (`claims export --schema`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from claims.match.frames.models import Frame

SCHEMA_VERSION = 1


class ExportModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ExportDocument(ExportModel):
    """One stored document version."""

    id: int
    origin: str = Field(description="The path or URL as given to `claims ingest`.")
    title: str | None
    outlet: str | None = Field(description="The publisher of this copy.")
    author: str | None
    published: str | None = Field(description="ISO 8601 date, possibly partial.")
    url: str | None
    sha256: str = Field(description="SHA-256 of the raw bytes first ingested.")
    text: str = Field(description="The original text; claim offsets point into it.")
    language: str | None = None
    original_publisher: str | None = None
    machine_translation: str | None = Field(
        default=None, description="The machine-translation notice found in the text."
    )
    metadata_provenance: dict[str, str] = Field(
        default_factory=dict, description="Where each metadata field came from."
    )
    version: int = 1
    previous_id: int | None = Field(default=None, description="The version this one replaced.")
    content_type: str = "text/plain"
    text_sha256: str | None = None
    norm_sha256: str | None = Field(default=None, description="Hash used for deduplication.")
    encoding: str | None = None
    encoding_confidence: float | None = None
    flags: list[str] = Field(default_factory=list)
    debris: list[tuple[int, int, str]] = Field(
        default_factory=list, description="[start, end, reason] spans of page debris."
    )
    notes: list[str] = Field(default_factory=list)
    ingested_at: datetime | None = None
    ingested_by: str | None = None
    locator: str | None = Field(
        default=None, description="Stable identity (URL or absolute path) linking versions."
    )
    extracted_at: datetime | None = None
    extractor: str | None = None
    snapshots: list[ExportSnapshot] | None = Field(
        default=None,
        description="The raw bytes of each sighting, base64; only in exports made `--with-raw`.",
    )


class ExportSnapshot(ExportModel):
    """The raw bytes of one sighting of a document (the evidence), base64-encoded."""

    origin: str
    raw_sha256: str
    size: int
    media_type: str | None = None
    seen_at: datetime | None = None
    raw_base64: str = Field(description="The bytes as received, standard base64.")


class ExportSourceFlag(ExportModel):
    flag: str
    rationale: str | None = None
    evidence: list[str] = Field(default_factory=list)
    set_by: str | None = None
    set_at: datetime | None = None


class ExportSourceAlias(ExportModel):
    """Another name of a source with its normalised lookup key."""

    alias: str
    key: str
    language: str | None = None


class ExportSourceRating(ExportModel):
    """One grade given to a source: the history, disputes and per-edition ratings."""

    grade: str
    edition: str | None = None
    rationale: str | None = None
    evidence: list[Any] = Field(default_factory=list)
    disputed: bool = False
    set_by: str | None = None
    set_at: datetime | None = None


class ExportSource(ExportModel):
    """A source in the registry with its grade and flags."""

    id: int
    name: str
    aliases: list[str]
    kind: str
    reliability: str = Field(description="Admiralty grade A (reliable) to F (cannot be judged).")
    flags: list[str]
    country: str | None = None
    parent_id: int | None = None
    reliability_rationale: str | None = None
    reliability_evidence: list[str] = Field(default_factory=list)
    flag_details: list[ExportSourceFlag] = Field(default_factory=list)
    needs_review: bool = False
    description: str | None = None
    reliability_set_by: str | None = None
    reliability_set_at: datetime | None = None
    created_at: datetime | None = None
    created_by: str | None = None
    alias_details: list[ExportSourceAlias] = Field(default_factory=list)
    ratings: list[ExportSourceRating] = Field(default_factory=list)


class ExportAttribution(ExportModel):
    """One link of a claim's attribution chain."""

    source_id: int | None
    name: str = Field(description="The name as the text gives it.")
    role: Literal["speaker", "intermediary", "publisher"]
    cue: str | None
    source_name: str | None = Field(default=None, description="The registry's name for it.")
    speaker_role: str | None = None
    stance: str | None = None
    inherited: bool = False
    mention_start: int | None = None
    mention_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    position: int | None = Field(default=None, description="Place in the chain, from 0.")
    resolution: str | None = Field(default=None, description="How the mention was resolved.")
    resolution_score: float | None = None


class ExportOrigin(ExportModel):
    """Where a claim comes from: the first-hand source at the end of its chain, else its
    publisher."""

    source_id: int | None = Field(description="The registry source, when it is one.")
    name: str


class ExportClaim(ExportModel):
    """A claim: an exact span of a document's text."""

    id: int
    document_id: int
    text: str = Field(description="Equal to the document text sliced [start:end].")
    start: int
    end: int
    attribution: list[ExportAttribution]
    propaganda_sourced: bool
    paragraph: int = 0
    sentence: int = 0
    kind: str = "factual"
    checkworthiness: float = 0.0
    checkworthiness_reasons: list[Any] = Field(default_factory=list)
    selector: dict[str, Any] = Field(default_factory=dict)
    anchor_status: str = "anchored"
    features: dict[str, Any] = Field(default_factory=dict)
    frame: Frame | None = Field(
        default=None,
        description="Subject, predicate or measure, values, period, polarity and modality, as"
        " read at ingest (a copy of features.frame); null for claims ingested before frames.",
    )
    propaganda_path: list[Any] = Field(default_factory=list)
    propaganda_override: bool | None = None
    propaganda_override_reason: str | None = None
    credibility_proposed: int | None = None
    credibility_reasons: list[Any] = Field(default_factory=list)
    credibility: int | None = None
    verdict: str | None = None
    rationale: str | None = None
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    cluster_id: int | None = None
    norm_text: str | None = Field(default=None, description="Folded text for search, matching.")
    created_at: datetime | None = None
    keys: list[str] = Field(default_factory=list, description="Blocking keys for matching.")
    origin: ExportOrigin | None = Field(
        default=None,
        description="The first-hand source its chain names, else its publisher; null when"
        " neither is known. Derived from the chain and the registry when exported.",
    )


class ExportRelation(ExportModel):
    """A link between two claims."""

    claim_id: int
    other_claim_id: int
    kind: str
    score: float
    reasons: list[Any]
    status: str = "proposed"
    independent: bool | None = None
    dependency: list[Any] = Field(default_factory=list)
    id: int | None = None
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    created_at: datetime | None = None


class ExportReview(ExportModel):
    """One reviewer action on a claim: the verdict history."""

    id: int
    claim_id: int
    reviewer: str
    created_at: datetime | None = None
    action: str
    verdict: str | None = None
    rationale: str | None = None
    credibility: int | None = None
    evidence: list[Any] = Field(default_factory=list)
    undone: bool = False


class ExportCluster(ExportModel):
    """Claims that tell one story across documents."""

    id: int
    label: str | None = None
    first_claim_id: int | None = Field(default=None, description="The story's earliest claim.")
    size: int = 0
    created_at: datetime | None = None


class ExportSelection(ExportModel):
    """The filter a partial export was made with (absent for a whole-database export)."""

    claim_ids: list[int] = Field(default_factory=list)
    document_ids: list[int] = Field(default_factory=list)
    source_names: list[str] = Field(default_factory=list)
    reviewed_only: bool = False
    propaganda_only: bool = False
    focus_claim_ids: list[int] = Field(
        default_factory=list,
        description="The claims the filter chose; other claims are there as related context.",
    )

    @property
    def is_everything(self) -> bool:
        """True when no filter is set."""
        return not (
            self.claim_ids
            or self.document_ids
            or self.source_names
            or self.reviewed_only
            or self.propaganda_only
        )


class Export(ExportModel):
    """Everything in the database, in one consistent snapshot."""

    schema_version: int = SCHEMA_VERSION
    generator: str
    generated_at: datetime
    documents: list[ExportDocument]
    sources: list[ExportSource]
    claims: list[ExportClaim]
    relations: list[ExportRelation]
    reviews: list[ExportReview] = Field(default_factory=list)
    clusters: list[ExportCluster] = Field(default_factory=list)
    settings: dict[str, Any] = Field(
        default_factory=dict, description="Shared settings reports use (organisation.*, ...)."
    )
    selection: ExportSelection | None = None
