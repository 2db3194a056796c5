"""Every export format in one table: how to render it, its file suffix and media type.

The CLI (`claims export --format`) and the review workbench both render through `render`, so a
report looks the same whichever way it was asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from claims.reports.schema import Export
from claims.text.display import safe_json_dumps


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    media_type: str
    description: str
    renderer: Callable[[Export], str]


def render_json(export: Export) -> str:
    """The export itself: the lossless backup and exchange format (`claims import` reads it)."""
    return safe_json_dumps(export.model_dump(mode="json")) + "\n"


def _html(export: Export) -> str:
    from claims.reports.html import render_html

    return render_html(export)


def _markdown(export: Export) -> str:
    from claims.reports.markdown import render_markdown

    return render_markdown(export)


def _csv(export: Export) -> str:
    from claims.reports.csv_export import render_csv

    return render_csv(export)


def _claimreview(export: Export) -> str:
    from claims.reports.claimreview import render_claimreview

    return render_claimreview(export)


def _prov_json(export: Export) -> str:
    from claims.reports.provenance import render_prov_json

    return render_prov_json(export)


def _provn(export: Export) -> str:
    from claims.reports.provenance import render_provn

    return render_provn(export)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("json", "json", "application/json", "the full export (lossless)", render_json),
        Format("md", "md", "text/markdown", "provenance report in Markdown", _markdown),
        Format("html", "html", "text/html", "provenance report, one self-contained file", _html),
        Format("csv", "csv", "text/csv", "one row per claim, spreadsheet-safe", _csv),
        Format(
            "claimreview",
            "jsonld",
            "application/ld+json",
            "schema.org ClaimReview for reviewed claims",
            _claimreview,
        ),
        Format("prov", "prov.json", "application/json", "W3C PROV-JSON", _prov_json),
        Format("provn", "provn", "text/provenance-notation", "W3C PROV-N", _provn),
    )
}


def render(export: Export, format_name: str) -> bytes:
    """The export rendered in `format_name`, as UTF-8 bytes (KeyError for unknown formats)."""
    return FORMATS[format_name].renderer(export).encode("utf-8")


def export_warnings(export: Export, format_name: str) -> list[str]:
    """What a reader of the output should know is missing (ClaimReview appearances with no
    url, in `claimreview` and in the JSON-LD the HTML report embeds)."""
    from claims.reports.claimreview import appearance_warnings, claim_reviews
    from claims.reports.errors import ReportError
    from claims.reports.organisation import organisation_from

    if format_name not in ("claimreview", "html") or organisation_from(export.settings) is None:
        return []
    try:
        claim_reviews(export)
    except ReportError:
        return []
    return appearance_warnings(export)
