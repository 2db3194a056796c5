"""ClaimReview (schema.org JSON-LD, as Google documents it) for the reviewed claims of an export.

The organisation (`author`) and the page each fact check is published at (`url`) come from
the settings carried in the export; a `url` that is not absolute http(s) is refused.
"""

from __future__ import annotations

from typing import Any

from claims.reports.errors import ReportError
from claims.reports.kinds import is_person_kind
from claims.reports.organisation import Organisation, organisation_from
from claims.reports.schema import Export, ExportDocument
from claims.reports.urls import safe_url
from claims.reports.verdicts import review_rating
from claims.reports.view import ClaimView, ReportView, build_view
from claims.text.display import safe_json_dumps

CONTEXT = "https://schema.org"


def require_organisation(export: Export) -> Organisation:
    """The configured organisation, or ReportError saying how to configure it."""
    organisation = organisation_from(export.settings)
    if organisation is None:
        raise ReportError(
            'organisation.name is not set: run `claims config set organisation.name "Fact Desk"`'
        )
    return organisation


def claim_reviews(export: Export, view: ReportView | None = None) -> list[dict[str, Any]]:
    """One ClaimReview object per reviewed claim in focus; ReportError if not configured."""
    organisation = require_organisation(export)
    shown = view if view is not None else build_view(export)
    return [
        claim_review(item, organisation) for item in shown.claims if item.claim.verdict is not None
    ]


def claim_review(view: ClaimView, organisation: Organisation) -> dict[str, Any]:
    """The ClaimReview of one reviewed claim."""
    claim = view.claim
    assert claim.verdict is not None
    url = organisation.review_url(claim.id)
    if url is None:
        raise ReportError(
            "ClaimReview needs the http(s) page of each fact check: set organisation.url"
            " or claimreview.url_template with `claims config set`"
        )
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": " ".join(claim.text.split()),
        "author": _organisation(organisation),
        "reviewRating": review_rating(claim.verdict),
        "itemReviewed": _item_reviewed(view),
    }
    if claim.reviewed_at is not None:
        review["datePublished"] = claim.reviewed_at.date().isoformat()
    if claim.rationale:
        review["reviewBody"] = claim.rationale
    return review


def appearance_warnings(export: Export, view: ReportView | None = None) -> list[str]:
    """One line for each appearance of a reviewed claim that has no public http(s) `url`:
    Google's tools read only `appearance.url`, so such an appearance is invisible to them."""
    shown = view if view is not None else build_view(export)
    found: list[str] = []
    for item in shown.claims:
        if item.claim.verdict is None:
            continue
        first = item.first_document or item.document
        documents = {d.id: d for d in [*_appearances(item), *([first] if first else [])]}
        for document in documents.values():
            if safe_url(document.url) is None:
                where = f"document {document.id}"
                found.append(
                    f"claim {item.claim.id}: its appearance in {where} has no public http(s)"
                    " url, which Google's fact-check tools need (appearance.url)"
                )
    return list(dict.fromkeys(found))


def render_claimreview(export: Export) -> str:
    """A JSON array of the ClaimReview objects (an empty array when nothing is reviewed)."""
    return safe_json_dumps(claim_reviews(export)) + "\n"


def _organisation(organisation: Organisation) -> dict[str, Any]:
    found: dict[str, Any] = {"@type": "Organization", "name": organisation.name}
    if organisation.url:
        found["url"] = organisation.url
    return found


def _item_reviewed(view: ClaimView) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim"}
    speaker = view.speaker
    if speaker is not None:
        kind = speaker.source.kind if speaker.source is not None else ""
        author: dict[str, Any] = {
            "@type": "Person" if is_person_kind(kind) else "Organization",
            "name": speaker.label,
        }
        if speaker.link.speaker_role:
            author["jobTitle"] = speaker.link.speaker_role
        item["author"] = author
    appearances = _appearances(view)
    if appearances:
        item["appearance"] = [_creative_work(d) for d in appearances]
    first = view.first_document or view.document
    if first is not None:
        item["firstAppearance"] = _creative_work(first)
        if first.published:
            item["datePublished"] = first.published
    return item


def _appearances(view: ClaimView) -> list[ExportDocument]:
    """Where the claim appears: its document and those of its duplicates and echoes."""
    found: dict[int, ExportDocument] = {}
    for document in [view.document, *(r.document for r in view.duplicates), *view.repeated_in]:
        if document is not None:
            found.setdefault(document.id, document)
    return list(found.values())


def _creative_work(document: ExportDocument) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    url = safe_url(document.url)
    if url:
        work["url"] = url
    if document.title:
        work["headline"] = document.title
    if document.published:
        work["datePublished"] = document.published
    if document.outlet:
        work["publisher"] = {"@type": "Organization", "name": document.outlet}
    return work
