"""Tables of the claim-provenance store.

Designed once for the whole product: documents and their raw snapshots, the source registry,
claims with their attribution chains, relations between claims, reviews and an audit log.
Rows a reviewer edits carry `row_version`, an optimistic-concurrency counter that makes a
second, stale save fail instead of silently overwriting the first.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, utcnow

NAME = 500
"""Length of names, titles and other short labels."""


class Document(Base):
    """One version of an ingested article: its original text, metadata and debris spans."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    origin: Mapped[str] = mapped_column(Text, doc="The path or URL as the user gave it.")
    locator: Mapped[str | None] = mapped_column(
        String(2048), index=True, doc="Stable identity (URL or absolute path) linking versions."
    )
    version_no: Mapped[int] = mapped_column(Integer, default=1)
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str | None] = mapped_column(String(NAME))
    outlet: Mapped[str | None] = mapped_column(String(NAME))
    author: Mapped[str | None] = mapped_column(String(NAME))
    published: Mapped[str | None] = mapped_column(
        String(32), index=True, doc="ISO 8601 date, possibly partial (2023-10 or 2023)."
    )
    url: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    original_publisher: Mapped[str | None] = mapped_column(String(NAME))
    machine_translation: Mapped[str | None] = mapped_column(
        Text, doc="The machine-translation notice found in the text, if any."
    )
    metadata_provenance: Mapped[dict[str, Any]] = mapped_column(
        default=dict, doc="Where each metadata field came from: option, sidecar, html, text."
    )
    content_type: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text, doc="The original text; claim offsets point into it.")
    text_sha256: Mapped[str] = mapped_column(String(64))
    norm_sha256: Mapped[str] = mapped_column(
        String(64), unique=True, doc="Hash of the normalised text: the key for deduplication."
    )
    raw_sha256: Mapped[str] = mapped_column(String(64), index=True)
    encoding: Mapped[str | None] = mapped_column(String(32))
    encoding_confidence: Mapped[float | None] = mapped_column(Float)
    flags: Mapped[list[Any]] = mapped_column(default=list)
    debris: Mapped[list[Any]] = mapped_column(
        default=list, doc="[start, end, reason] spans of page debris in `text`."
    )
    notes: Mapped[list[Any]] = mapped_column(default=list)
    ingested_at: Mapped[datetime] = mapped_column(default=utcnow)
    ingested_by: Mapped[str | None] = mapped_column(String(200))
    extracted_at: Mapped[datetime | None] = mapped_column()
    extractor: Mapped[str | None] = mapped_column(String(64))
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    snapshots: Mapped[list[DocumentSnapshot]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )
    claims: Mapped[list[Claim]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )

    __mapper_args__ = {"version_id_col": row_version}


class DocumentSnapshot(Base):
    """The raw bytes of one sighting of a document: the evidence, byte for byte."""

    __tablename__ = "document_snapshots"
    __table_args__ = (UniqueConstraint("document_id", "raw_sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    origin: Mapped[str] = mapped_column(Text)
    raw_sha256: Mapped[str] = mapped_column(String(64))
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str | None] = mapped_column(String(200))
    seen_at: Mapped[datetime] = mapped_column(default=utcnow)

    document: Mapped[Document] = relationship(back_populates="snapshots")


class Source(Base):
    """Anyone or anything that asserts, relays or publishes a claim, with its grade."""

    __tablename__ = "sources"
    __table_args__ = (CheckConstraint("reliability IN ('A','B','C','D','E','F')", name="grade"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME), unique=True)
    kind: Mapped[str] = mapped_column(String(40), default="unknown")
    country: Mapped[str | None] = mapped_column(String(100))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("sources.id", ondelete="SET NULL"), index=True
    )
    description: Mapped[str | None] = mapped_column(Text)
    reliability: Mapped[str] = mapped_column(String(1), default="F")
    reliability_rationale: Mapped[str | None] = mapped_column(Text)
    reliability_evidence: Mapped[list[Any]] = mapped_column(default=list)
    reliability_set_by: Mapped[str | None] = mapped_column(String(200))
    reliability_set_at: Mapped[datetime | None] = mapped_column()
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(200))
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    aliases: Mapped[list[SourceAlias]] = relationship(
        back_populates="source", cascade="all, delete-orphan", passive_deletes=True
    )
    flags: Mapped[list[SourceFlag]] = relationship(
        back_populates="source", cascade="all, delete-orphan", passive_deletes=True
    )
    ratings: Mapped[list[SourceRating]] = relationship(
        back_populates="source", cascade="all, delete-orphan", passive_deletes=True
    )

    __mapper_args__ = {"version_id_col": row_version}


class SourceAlias(Base):
    """Another name of a source, in any script, with its normalised lookup key."""

    __tablename__ = "source_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(NAME))
    key: Mapped[str] = mapped_column(String(NAME), unique=True)
    language: Mapped[str | None] = mapped_column(String(16))

    source: Mapped[Source] = relationship(back_populates="aliases")


class SourceFlag(Base):
    """A flag on a source (propaganda, state-affiliated, sanctioned, ...) and why it is set."""

    __tablename__ = "source_flags"
    __table_args__ = (UniqueConstraint("source_id", "flag"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    flag: Mapped[str] = mapped_column(String(40))
    rationale: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[list[Any]] = mapped_column(default=list)
    set_by: Mapped[str | None] = mapped_column(String(200))
    set_at: Mapped[datetime] = mapped_column(default=utcnow)

    source: Mapped[Source] = relationship(back_populates="flags")


class SourceRating(Base):
    """One grade given to a source: the history, disputes and per-edition ratings."""

    __tablename__ = "source_ratings"
    __table_args__ = (CheckConstraint("grade IN ('A','B','C','D','E','F')", name="grade"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    grade: Mapped[str] = mapped_column(String(1))
    edition: Mapped[str | None] = mapped_column(String(100), doc="Edition or language rated.")
    rationale: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[list[Any]] = mapped_column(default=list)
    disputed: Mapped[bool] = mapped_column(Boolean, default=False)
    set_by: Mapped[str | None] = mapped_column(String(200))
    set_at: Mapped[datetime] = mapped_column(default=utcnow)

    source: Mapped[Source] = relationship(back_populates="ratings")


class Cluster(Base):
    """Claims that tell one story across documents, with where it first appeared."""

    __tablename__ = "clusters"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str | None] = mapped_column(Text)
    first_claim_id: Mapped[int | None] = mapped_column(
        Integer, doc="The earliest claim of the story; recomputed by matching, so no foreign key."
    )
    size: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Claim(Base):
    """A factual assertion: an exact span of a document with its kind and review state."""

    __tablename__ = "claims"
    __table_args__ = (
        UniqueConstraint("document_id", "start", "end"),
        CheckConstraint('"start" >= 0 AND "end" > "start"', name="span"),
        CheckConstraint("credibility_proposed BETWEEN 1 AND 6", name="credibility_proposed"),
        CheckConstraint("credibility BETWEEN 1 AND 6", name="credibility"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    norm_text: Mapped[str] = mapped_column(Text, doc="Folded text for search and matching.")
    paragraph: Mapped[int] = mapped_column(Integer, default=0)
    sentence: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(32), default="factual", index=True)
    checkworthiness: Mapped[float] = mapped_column(Float, default=0.0)
    checkworthiness_reasons: Mapped[list[Any]] = mapped_column(default=list)
    selector: Mapped[dict[str, Any]] = mapped_column(
        default=dict, doc="W3C TextQuoteSelector and TextPositionSelector."
    )
    anchor_status: Mapped[str] = mapped_column(String(16), default="anchored")
    features: Mapped[dict[str, Any]] = mapped_column(
        default=dict, doc="Entities, dates, quantities and polarity found in the claim."
    )
    propaganda_sourced: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    propaganda_path: Mapped[list[Any]] = mapped_column(default=list)
    propaganda_override: Mapped[bool | None] = mapped_column(Boolean)
    propaganda_override_reason: Mapped[str | None] = mapped_column(Text)
    credibility_proposed: Mapped[int | None] = mapped_column(Integer)
    credibility_reasons: Mapped[list[Any]] = mapped_column(default=list)
    credibility: Mapped[int | None] = mapped_column(Integer)
    verdict: Mapped[str | None] = mapped_column(String(32), index=True)
    rationale: Mapped[str | None] = mapped_column(Text)
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[datetime | None] = mapped_column()
    cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("clusters.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    document: Mapped[Document] = relationship(back_populates="claims")
    attributions: Mapped[list[Attribution]] = relationship(
        back_populates="claim",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Attribution.position",
    )

    __mapper_args__ = {"version_id_col": row_version}


class Attribution(Base):
    """One link of a claim's attribution chain: speaker, intermediary or publisher."""

    __tablename__ = "attributions"
    __table_args__ = (
        UniqueConstraint("claim_id", "position"),
        CheckConstraint("role IN ('speaker','intermediary','publisher')", name="role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(16))
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("sources.id", ondelete="SET NULL"), index=True
    )
    mention: Mapped[str] = mapped_column(Text, doc="The name as the text gives it.")
    mention_start: Mapped[int | None] = mapped_column(Integer)
    mention_end: Mapped[int | None] = mapped_column(Integer)
    speaker_role: Mapped[str | None] = mapped_column(Text)
    cue: Mapped[str | None] = mapped_column(String(200))
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    stance: Mapped[str | None] = mapped_column(String(16))
    inherited: Mapped[bool] = mapped_column(Boolean, default=False)
    resolution: Mapped[str | None] = mapped_column(String(16))
    resolution_score: Mapped[float | None] = mapped_column(Float)

    claim: Mapped[Claim] = relationship(back_populates="attributions")
    source: Mapped[Source | None] = relationship()


class SourceMention(Base):
    """A mention as written and the source it resolved to (0: none), with how many chain links
    hold the pair: what the listing's `source:` filter matches names against.

    Kept in step with `attributions` by the database itself (triggers; migration 0005), as
    `ClaimKeyCount` is with `claim_keys`; a pair no link holds has no row.
    """

    __tablename__ = "source_mentions"
    __table_args__ = {"sqlite_with_rowid": False}

    mention: Mapped[str] = mapped_column(Text, primary_key=True)
    source_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    links: Mapped[int] = mapped_column(Integer)


class ClaimKey(Base):
    """A blocking key of a claim (entity, number, date, rare word) for candidate matching."""

    __tablename__ = "claim_keys"
    __table_args__ = {"sqlite_with_rowid": False}
    """On SQLite the primary key index is the table: one copy of the keys less."""

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(128), primary_key=True, index=True)


class ClaimKeyCount(Base):
    """How many claims hold a blocking key: word rarity read without counting `claim_keys`.

    Kept in step with `claim_keys` by the database itself (triggers on insert and delete,
    cascades included; migration 0004), so every writer and every delete counts; a key no
    claim holds has no row.
    """

    __tablename__ = "claim_key_counts"
    __table_args__ = {"sqlite_with_rowid": False}

    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    holders: Mapped[int] = mapped_column(Integer)


class ClaimKeySize(Base):
    """How many blocking keys a claim has (what the candidate budget ranks by), kept in step
    with `claim_keys` by the database as `ClaimKeyCount` is; a claim without keys has no row."""

    __tablename__ = "claim_key_sizes"
    __table_args__ = {"sqlite_with_rowid": False}

    claim_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    keys: Mapped[int] = mapped_column(Integer)


class RegistryChanges(Base):
    """How many rows were added to and changed in the registry tables (sources, aliases,
    flags): a process's index of the registry is checked against it, not against the tables.

    Kept by the database itself (triggers; migration 0006), one row (id 1) from the first
    change on; `appended` counts inserted rows, `altered` updated and deleted ones.
    """

    __tablename__ = "registry_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    appended: Mapped[int] = mapped_column(BigInteger)
    altered: Mapped[int] = mapped_column(BigInteger)


class Relation(Base):
    """A link between two claims: duplicate, corroborates, conflicts or related."""

    __tablename__ = "relations"
    __table_args__ = (
        UniqueConstraint("claim_id", "other_claim_id"),
        CheckConstraint("claim_id < other_claim_id", name="ordered"),
        Index("ix_relations_other_claim_id", "other_claim_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    other_claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16), index=True)
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[list[Any]] = mapped_column(default=list)
    independent: Mapped[bool | None] = mapped_column(Boolean)
    dependency: Mapped[list[Any]] = mapped_column(
        default=list, doc="Why the two chains are not independent (shared origins)."
    )
    status: Mapped[str] = mapped_column(String(16), default="proposed", index=True)
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": row_version}


class Review(Base):
    """One reviewer action on a claim: the verdict history with rationale and evidence."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    reviewer: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    action: Mapped[str] = mapped_column(String(32))
    verdict: Mapped[str | None] = mapped_column(String(32))
    rationale: Mapped[str | None] = mapped_column(Text)
    credibility: Mapped[int | None] = mapped_column(Integer)
    evidence: Mapped[list[Any]] = mapped_column(default=list)
    undone: Mapped[bool] = mapped_column(Boolean, default=False)


class ReviewDraft(Base):
    """A reviewer's unsaved input kept when a save was refused, so nothing typed is lost."""

    __tablename__ = "review_drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int | None] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), index=True
    )
    reviewer: Mapped[str] = mapped_column(String(200))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    """Every change: who, when, what, and the state before and after."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column()
    after: Mapped[dict[str, Any] | None] = mapped_column()
    undoes_id: Mapped[int | None] = mapped_column(
        ForeignKey("audit_log.id", ondelete="SET NULL"), doc="The entry this one reverted."
    )

    __table_args__ = (Index("ix_audit_log_entity_entity_id", "entity", "entity_id"),)


class Setting(Base):
    """A setting shared by everyone on this database (e.g. the fact-checking organisation)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
