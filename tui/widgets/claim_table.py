"""The claims table: one line per claim, fetched page by page from the database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.content import Content

from claims.review_scale import verdict
from claims.store.views import ClaimFilter, ClaimRow, ClaimSort, claim_page, count_claims
from claims.store.views.labels import document_outlets
from claims.store.views.read_stop import ReadStop
from db.engine import Database
from tui.safe import ui
from tui.widgets.virtual_table import Column, VirtualTable

CLAIM_COLUMNS = (
    Column("id", "id", 6, right=True),
    Column("document", "document", 16, drop=8),
    Column("claim", "claim", grow=3, min_width=24),
    Column("chain", "speaker → publisher", grow=1, drop=6),
    Column("grade", "grade", 5, drop=4),
    Column("flag", "flag", 5),
    Column("corroborated", "ind/dep", 7, right=True, drop=9),
    Column("conflicts", "confl", 5, right=True, drop=7),
    Column("credibility", "cred", 4, right=True, drop=5),
    Column("verdict", "verdict", 12),
)
"""Columns of the claims table; keys double as sort keys where the listing can sort. On a
narrow terminal the counts and the document give way first; id, text, flag and verdict stay."""

VERDICT_STYLES = {
    "true": "bold green",
    "mostly_true": "green",
    "mixed": "yellow",
    "misleading": "bold magenta",
    "mostly_false": "red",
    "false": "bold red",
    "unverifiable": "italic",
}


@dataclass(frozen=True)
class ClaimSource:
    """Claims matching a filter in a sort order, read in snapshot transactions."""

    database: Database
    claim_filter: ClaimFilter
    sort: ClaimSort

    def count(self, stop: ReadStop) -> int:
        with self.database.read() as session, stop.watching(session):
            return count_claims(session, self.claim_filter)

    def fetch(
        self, start: int, limit: int, previous: ClaimRow | None, stop: ReadStop
    ) -> list[ClaimRow]:
        """A page of rows; `document_label` holds the document's outlet (or nothing)."""
        after = previous.cursor if previous is not None else None
        with self.database.read() as session, stop.watching(session):
            rows = claim_page(
                session, self.claim_filter, self.sort, after=after, offset=start, limit=limit
            )
            outlets = document_outlets(session, (row.document_id for row in rows))
        return [
            row.model_copy(update={"document_label": outlets.get(row.document_id, "")})
            for row in rows
        ]


def verdict_content(name: str | None) -> Content:
    """A verdict's label in its colour, or a dim dash when unreviewed."""
    if name is None:
        return Content.styled("—", "dim")
    try:
        label = verdict(name).label
    except KeyError:
        return ui(name)
    return Content.styled(label, VERDICT_STYLES.get(name, ""))


def grade_content(grade: str | None) -> Content:
    if grade is None:
        return Content.styled("?", "dim")
    return Content.styled(grade, "bold red" if grade in "EF" else "bold" if grade in "AB" else "")


def credibility_content(confirmed: int | None, proposed: int | None) -> Content:
    """The reviewer's credibility, else the proposed one marked with `~`."""
    if confirmed is not None:
        return Content(str(confirmed))
    if proposed is not None:
        return Content.styled(f"~{proposed}", "dim")
    return Content.styled("—", "dim")


def corroboration_content(independent: int, dependent: int) -> Content:
    """Independent/dependent corroborations; independent ones are what counts."""
    if not (independent or dependent):
        return Content("")
    return Content.assemble(
        (str(independent), "bold green" if independent else ""), f"/{dependent}"
    )


def document_content(document_id: int, outlet: str | None) -> Content:
    """A document as every row shows it: its id, then its outlet (a dash when unknown)."""
    named = ui(outlet) if outlet else Content.styled("—", "dim")
    return Content.assemble((f"{document_id:>3} ", "dim"), named)


def claim_cells(row: ClaimRow) -> Sequence[Content]:
    chain = " → ".join(part for part in (row.speaker, row.publisher) if part) or "unattributed"
    flag = Content.styled("prop" + ("*" if row.propaganda_overridden else ""), "bold red")
    if not row.propaganda:
        flag = Content.styled("off*", "dim") if row.propaganda_overridden else Content("")
    return (
        Content(str(row.id)),
        document_content(row.document_id, row.document_label),
        ui(row.snippet),
        ui(chain),
        Content.assemble(grade_content(row.speaker_grade), "→", grade_content(row.publisher_grade)),
        flag,
        corroboration_content(row.independent, row.dependent),
        Content.styled(str(row.conflicts), "bold yellow") if row.conflicts else Content(""),
        credibility_content(row.credibility, row.credibility_proposed),
        verdict_content(row.verdict),
    )


class ClaimTable(VirtualTable[ClaimRow]):
    """The claims listing; rows come from a ClaimSource."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            CLAIM_COLUMNS,
            claim_cells,
            empty=Content("No claims match. Clear the filter with escape, or ingest articles."),
            id=id,
        )
