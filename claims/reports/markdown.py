"""The provenance report in Markdown: the same content as the HTML report, as plain text."""

from __future__ import annotations

from claims.reports.html import report_title
from claims.reports.markdown_escape import md_code, md_link, md_number
from claims.reports.organisation import organisation_from
from claims.reports.schema import Export
from claims.reports.templating import markdown_environment
from claims.reports.view import build_view

TEMPLATE = "report.md.j2"


def render_markdown(export: Export) -> str:
    """The Markdown report of the claims in focus, with their documents and sources."""
    template = markdown_environment().get_template(TEMPLATE)
    return template.render(
        export=export,
        view=build_view(export),
        title=report_title(export),
        organisation=organisation_from(export.settings),
        selection=export.selection,
        md_link=md_link,
        md_code=md_code,
        md_number=md_number,
    )
