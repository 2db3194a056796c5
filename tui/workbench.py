"""What a screen may ask of the app it runs in: the database, review actions and navigation.

Screens depend on this interface and never on `tui.app`, so the app imports its screens and
nothing imports back: there is no cycle between the app and its screens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from claims.reports.schema import ExportSelection
from claims.store.review import ActionResult, ReviewService
from claims.store.views import ClaimFilter
from db.engine import Database


@dataclass(frozen=True)
class ExportScope:
    """What an export from the current screen holds, and how to name its file."""

    label: str
    """For the dialog: "claim #12", "document #3", "the 40 claims of the filter"."""
    slug: str
    """For the default file name: "claim-12", "document-3", "filtered"."""
    selection: ExportSelection | None
    """None exports everything."""
    claim_filter: ClaimFilter | None = None
    """When set, the export holds the claims this filter lets through (read when writing)."""


@runtime_checkable
class Workbench(Protocol):
    """The review workbench as its screens see it."""

    database: Database
    reviewer: str
    filter_text: str
    """The claims filter given on the command line."""
    data_version: int
    """Bumped by every saved action; screens reload when they see a newer one."""

    def submit(self, action: Callable[[ReviewService], ActionResult]) -> None:
        """Run a review action in a thread; its outcome comes back as a message."""

    def export(self, scope: ExportScope, format_name: str, path: Path) -> None:
        """Write an export in a thread."""

    def open_claim(self, claim_id: int) -> None:
        """Show the claim's detail on top of the current screen."""

    def open_document(self, document_id: int, claim_id: int | None = None) -> None:
        """Show the document, at the claim when one is given."""

    def show_source(self, source_id: int) -> None:
        """Switch to the sources view with this source selected."""

    def show_claims(self, filter_text: str) -> None:
        """Switch to the claims view with this filter."""

    def edit_source_grade(
        self, source_id: int, seen_version: int, name: str, current: str | None
    ) -> None:
        """Ask for a source's grade and rationale, then save both."""


def workbench_of(app: object) -> Workbench:
    """The running app as a workbench (screens only ever run inside one)."""
    if not isinstance(app, Workbench):
        raise TypeError(f"{type(app).__name__} is not a review workbench")
    return app
