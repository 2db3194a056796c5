"""Rows to the export model: one function per table, called inside a read transaction."""

from __future__ import annotations

import base64
from collections.abc import Iterable

from claims.reports.schema import (
    ExportAttribution,
    ExportClaim,
    ExportCluster,
    ExportDocument,
    ExportOrigin,
    ExportRelation,
    ExportReview,
    ExportSnapshot,
    ExportSource,
    ExportSourceAlias,
    ExportSourceFlag,
    ExportSourceRating,
)
from claims.store.rows.origins import origin_of
from db.models import (
    Attribution,
    Claim,
    Cluster,
    Document,
    DocumentSnapshot,
    Relation,
    Review,
    Source,
)


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
        locator=document.locator,
        extracted_at=document.extracted_at,
        extractor=document.extractor,
    )


def export_snapshot(snapshot: DocumentSnapshot) -> ExportSnapshot:
    return ExportSnapshot(
        origin=snapshot.origin,
        raw_sha256=snapshot.raw_sha256,
        size=snapshot.size,
        media_type=snapshot.media_type,
        seen_at=snapshot.seen_at,
        raw_base64=base64.b64encode(snapshot.raw).decode("ascii"),
    )


def export_source(source: Source) -> ExportSource:
    aliases = sorted(source.aliases, key=lambda alias: alias.id)
    return ExportSource(
        id=source.id,
        name=source.name,
        aliases=[alias.alias for alias in aliases],
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
        description=source.description,
        reliability_set_by=source.reliability_set_by,
        reliability_set_at=source.reliability_set_at,
        created_at=source.created_at,
        created_by=source.created_by,
        alias_details=[
            ExportSourceAlias(alias=alias.alias, key=alias.key, language=alias.language)
            for alias in aliases
        ],
        ratings=[
            ExportSourceRating(
                grade=rating.grade,
                edition=rating.edition,
                rationale=rating.rationale,
                evidence=list(rating.evidence),
                disputed=rating.disputed,
                set_by=rating.set_by,
                set_at=rating.set_at,
            )
            for rating in sorted(source.ratings, key=lambda r: r.id)
        ],
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
        position=link.position,
        resolution=link.resolution,
        resolution_score=link.resolution_score,
    )


def export_claim(claim: Claim, keys: Iterable[str] = ()) -> ExportClaim:
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
        norm_text=claim.norm_text,
        created_at=claim.created_at,
        keys=sorted(keys),
        origin=_origin(claim),
    )


def _origin(claim: Claim) -> ExportOrigin | None:
    origin = origin_of(claim)
    return ExportOrigin(source_id=origin.source_id, name=origin.name) if origin else None


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
        id=relation.id,
        reviewed_by=relation.reviewed_by,
        reviewed_at=relation.reviewed_at,
        created_at=relation.created_at,
    )


def export_review(review: Review) -> ExportReview:
    return ExportReview(
        id=review.id,
        claim_id=review.claim_id,
        reviewer=review.reviewer,
        created_at=review.created_at,
        action=review.action,
        verdict=review.verdict,
        rationale=review.rationale,
        credibility=review.credibility,
        evidence=list(review.evidence),
        undone=review.undone,
    )


def export_cluster(cluster: Cluster) -> ExportCluster:
    return ExportCluster(
        id=cluster.id,
        label=cluster.label,
        first_claim_id=cluster.first_claim_id,
        size=cluster.size,
        created_at=cluster.created_at,
    )
