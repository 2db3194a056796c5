"""Rows to the export model: one function per table, called inside a read transaction."""

from __future__ import annotations

import base64
from collections.abc import Iterable

from pydantic import ValidationError

from claims.match.frames.models import Frame
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
from claims.store.rows import tables
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
    SourceFlag,
    SourceRating,
)


def export_document(document: Document) -> ExportDocument:
    return tables.DOCUMENTS.model(ExportDocument, document)


def export_snapshot(snapshot: DocumentSnapshot) -> ExportSnapshot:
    raw = base64.b64encode(snapshot.raw).decode("ascii")
    return tables.SNAPSHOTS.model(ExportSnapshot, snapshot, raw_base64=raw)


def export_source(source: Source) -> ExportSource:
    aliases = sorted(source.aliases, key=lambda alias: alias.id)
    return tables.SOURCES.model(
        ExportSource,
        source,
        aliases=[alias.alias for alias in aliases],
        flags=sorted(flag.flag for flag in source.flags),
        flag_details=[source_flag(flag) for flag in sorted(source.flags, key=lambda f: f.flag)],
        alias_details=[tables.SOURCE_ALIASES.model(ExportSourceAlias, alias) for alias in aliases],
        ratings=[source_rating(rating) for rating in sorted(source.ratings, key=lambda r: r.id)],
    )


def source_flag(flag: SourceFlag) -> ExportSourceFlag:
    """A flag with why it is set: the one flag model of exports, `sources show` and the
    workbench."""
    return tables.SOURCE_FLAGS.model(ExportSourceFlag, flag)


def source_rating(rating: SourceRating) -> ExportSourceRating:
    """One grade in a source's rating history, as exports, `sources show` and the workbench
    give it."""
    return tables.SOURCE_RATINGS.model(ExportSourceRating, rating)


def export_attribution(link: Attribution) -> ExportAttribution:
    name = link.source.name if link.source is not None else None
    return tables.ATTRIBUTIONS.model(ExportAttribution, link, source_name=name)


def export_claim(claim: Claim, keys: Iterable[str] = ()) -> ExportClaim:
    chain = [export_attribution(link) for link in claim.attributions]
    return tables.CLAIMS.model(
        ExportClaim,
        claim,
        attribution=chain,
        keys=sorted(keys),
        origin=_origin(claim),
        frame=_frame(claim.features),
    )


def _origin(claim: Claim) -> ExportOrigin | None:
    origin = origin_of(claim)
    return ExportOrigin(source_id=origin.source_id, name=origin.name) if origin else None


def _frame(features: object) -> Frame | None:
    """The claim's frame as stored at ingest, when there is one (a malformed one is left out:
    the export still holds it in `features`)."""
    frame = features.get("frame") if isinstance(features, dict) else None
    if not isinstance(frame, dict):
        return None
    try:
        return Frame.model_validate(frame)
    except ValidationError:
        return None


def export_relation(relation: Relation) -> ExportRelation:
    return tables.RELATIONS.model(ExportRelation, relation)


def export_review(review: Review) -> ExportReview:
    return tables.REVIEWS.model(ExportReview, review)


def export_cluster(cluster: Cluster) -> ExportCluster:
    return tables.CLUSTERS.model(ExportCluster, cluster)
