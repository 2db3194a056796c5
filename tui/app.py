"""The review workbench: a Textual app on the claims database."""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy import select
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import DataTable, Footer, Header

from claims.text.display import one_line
from db.engine import Database
from db.models import Document

TITLE_WIDTH = 70


def ui(text: str | None, width: int | None = None) -> Content:
    """Untrusted text as inert display content: never parsed as markup."""
    return Content(one_line(text or "", width))


class ClaimsApp(App[None]):
    """Lists the stored documents; screens for claims and sources grow from here."""

    CSS_PATH = "app.tcss"
    TITLE = "claims"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, database: Database, reviewer: str, filter_text: str = "") -> None:
        super().__init__()
        self.database = database
        self.reviewer = reviewer
        self.filter_text = filter_text

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="documents", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"reviewer: {one_line(self.reviewer)}"
        table = self.query_one("#documents", DataTable)
        table.add_columns("id", "published", "outlet", "title")
        with self.database.read() as session:
            for document in session.scalars(select(Document).order_by(Document.id)):
                table.add_row(
                    ui(str(document.id)),
                    ui(document.published or "?"),
                    ui(document.outlet or "?", 24),
                    ui(document.title or document.origin, TITLE_WIDTH),
                    key=str(document.id),
                )


def make_app(database: Database, reviewer: str, filter_text: str = "") -> ClaimsApp:
    return ClaimsApp(database, reviewer, filter_text)
