"""The provenance report as one self-contained HTML file (inline CSS and SVG, no scripts)."""

from __future__ import annotations

from typing import Any

from claims.reports.claimreview import claim_reviews
from claims.reports.diagrams import chain_diagram, relation_diagram
from claims.reports.errors import ReportError
from claims.reports.organisation import organisation_from
from claims.reports.schema import Export
from claims.reports.templating import html_environment
from claims.reports.view import ReportView, build_view

TEMPLATE = "report.html.j2"


def report_title(export: Export) -> str:
    """The heading of a report: the organisation's when configured."""
    organisation = organisation_from(export.settings)
    scope = "Provenance report" if export.selection is None else "Provenance report (selection)"
    return f"{organisation.name}: {scope}" if organisation else scope


def render_html(export: Export) -> str:
    """The HTML report of the claims in focus, with their documents and sources."""
    view = build_view(export)
    return html_environment().get_template(TEMPLATE).render(**html_context(export, view))


def html_context(export: Export, view: ReportView) -> dict[str, Any]:
    in_report = {item.claim.id for item in view.claims}
    organisation = organisation_from(export.settings)
    return {
        "export": export,
        "view": view,
        "title": report_title(export),
        "organisation": organisation,
        "selection": export.selection,
        "report_claim_ids": in_report,
        "chain_diagrams": {item.claim.id: chain_diagram(item) for item in view.claims},
        "relation_diagrams": {
            item.claim.id: relation_diagram(item, in_report) for item in view.claims
        },
        "claim_reviews": _claim_reviews(export, view) if organisation else [],
    }


def _claim_reviews(export: Export, view: ReportView) -> list[dict[str, Any]]:
    """ClaimReview blocks when every reviewed claim has an http(s) page; none otherwise."""
    try:
        return claim_reviews(export, view)
    except ReportError:
        return []
