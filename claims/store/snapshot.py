"""Reading the database into the export model, inside one snapshot transaction."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from claims import __version__
from claims.reports.schema import (
    Export,
    ExportAttribution,
    ExportClaim,
    ExportDocument,
    ExportRelation,
    ExportSource,
    ExportSourceFlag,
)
from db.models import Attribution, Claim, Document, Relation, Source


def build_export(session: Session) -> Export:
    """The whole database as one export document (call inside `Database.read()`)."""
    return Export(
        generator=f"claims {__version__}",
        generated_at=datetime.now(UTC),
        documents=[
            export_document(d) for d in session.scalars(select(Document).order_by(Document.id))
        ],
        sources=[export_source(s) for s in _sources(session)],
        claims=[export_claim(c) for c in _claims(session)],
        relations=[
            export_relation(r) for r in session.scalars(select(Relation).order_by(Relation.id))
        ],
    )


def _sources(session: Session) -> list[Source]:
    query = (
        select(Source)
        .options(selectinload(Source.aliases), selectinload(Source.flags))
        .order_by(Source.id)
    )
    return list(session.scalars(query))


def _claims(session: Session) -> list[Claim]:
    query = (
        select(Claim)
        .options(selectinload(Claim.attributions).selectinload(Attribution.source))
        .order_by(Claim.id)
    )
    return list(session.scalars(query))


def export_document(document: Document) -> ExportDocument:
    return ExportDocument(
        id=document.id,
        origin=document.origin,
        title=document.title,
        outlet=document.outlet,
        author=document.author,
        published=document.published,
        url=document.url,
        sha256=document.raw_sha256,
        text=document.text,
        language=document.language,
        original_publisher=document.original_publisher,
        machine_translation=document.machine_translation,
        metadata_provenance=dict(document.metadata_provenance),
        version=document.version_no,
        previous_id=document.previous_id,
        content_type=document.content_type,
        text_sha256=document.text_sha256,
        norm_sha256=document.norm_sha256,
        encoding=document.encoding,
        encoding_confidence=document.encoding_confidence,
        flags=list(document.flags),
        debris=[(int(s), int(e), str(r)) for s, e, r in document.debris],
        notes=list(document.notes),
        ingested_at=document.ingested_at,
        ingested_by=document.ingested_by,
    )


def export_source(source: Source) -> ExportSource:
    return ExportSource(
        id=source.id,
        name=source.name,
        aliases=[alias.alias for alias in source.aliases],
        kind=source.kind,
        reliability=source.reliability,
        flags=sorted(flag.flag for flag in source.flags),
        country=source.country,
        parent_id=source.parent_id,
        reliability_rationale=source.reliability_rationale,
        reliability_evidence=[str(e) for e in source.reliability_evidence],
        flag_details=[
            ExportSourceFlag(
                flag=flag.flag,
                rationale=flag.rationale,
                evidence=[str(e) for e in flag.evidence],
                set_by=flag.set_by,
                set_at=flag.set_at,
            )
            for flag in sorted(source.flags, key=lambda f: f.flag)
        ],
        needs_review=source.needs_review,
    )


def export_attribution(link: Attribution) -> ExportAttribution:
    return ExportAttribution(
        source_id=link.source_id,
        name=link.mention,
        role=link.role,
        cue=link.cue,
        source_name=link.source.name if link.source is not None else None,
        speaker_role=link.speaker_role,
        stance=link.stance,
        inherited=link.inherited,
        mention_start=link.mention_start,
        mention_end=link.mention_end,
        cue_start=link.cue_start,
        cue_end=link.cue_end,
    )


def export_claim(claim: Claim) -> ExportClaim:
    return ExportClaim(
        id=claim.id,
        document_id=claim.document_id,
        text=claim.text,
        start=claim.start,
        end=claim.end,
        attribution=[export_attribution(link) for link in claim.attributions],
        propaganda_sourced=claim.propaganda_sourced,
        paragraph=claim.paragraph,
        sentence=claim.sentence,
        kind=claim.kind,
        checkworthiness=claim.checkworthiness,
        checkworthiness_reasons=list(claim.checkworthiness_reasons),
        selector=dict(claim.selector),
        anchor_status=claim.anchor_status,
        features=dict(claim.features),
        propaganda_path=list(claim.propaganda_path),
        propaganda_override=claim.propaganda_override,
        propaganda_override_reason=claim.propaganda_override_reason,
        credibility_proposed=claim.credibility_proposed,
        credibility_reasons=list(claim.credibility_reasons),
        credibility=claim.credibility,
        verdict=claim.verdict,
        rationale=claim.rationale,
        reviewed_by=claim.reviewed_by,
        reviewed_at=claim.reviewed_at,
        cluster_id=claim.cluster_id,
    )


def export_relation(relation: Relation) -> ExportRelation:
    return ExportRelation(
        claim_id=relation.claim_id,
        other_claim_id=relation.other_claim_id,
        kind=relation.kind,
        score=relation.score,
        reasons=list(relation.reasons),
        status=relation.status,
        independent=relation.independent,
        dependency=list(relation.dependency),
    )
