"""The sources screen: the registry with grades, flags and rationale; grade, alias, merge."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Header, Input, Static

from claims.reports.schema import ExportSelection
from claims.review_scale import GRADES
from claims.store.views import (
    SourceDetail,
    SourceRow,
    count_sources,
    source_detail,
    source_page,
)
from claims.store.views.read_stop import ReadStop
from db.engine import Database
from tui.keys import keys_section
from tui.safe import ui, ui_block
from tui.screens.base import EXPORT_BINDING, DataScreen
from tui.screens.dialogs import TextDialog
from tui.widgets.claim_table import grade_content
from tui.widgets.footer import KeyFooter
from tui.widgets.render import when
from tui.widgets.virtual_table import Column, VirtualTable
from tui.workbench import ExportScope

SOURCE_COLUMNS = (
    Column("id", "id", 5, right=True),
    Column("name", "name", grow=2, min_width=18),
    Column("kind", "kind", 17, drop=3),
    Column("grade", "grade", 5),
    Column("flags", "flags", min_width=12),
    Column("aliases", "aliases", min_width=14, drop=4),
    Column("links", "cited", 5, right=True),
    Column("rationale", "rationale", grow=2, min_width=20, drop=5),
)
"""The registry's columns; the side panel repeats the rationale and aliases, so they give way
first on a narrow terminal."""


@dataclass(frozen=True)
class SourceRowSource:
    database: Database
    text: str

    def count(self, stop: ReadStop) -> int:
        with self.database.read() as session, stop.watching(session):
            return count_sources(session, self.text)

    def fetch(
        self, start: int, limit: int, previous: SourceRow | None, stop: ReadStop
    ) -> list[SourceRow]:
        with self.database.read() as session, stop.watching(session):
            return source_page(session, self.text, start, limit)


def source_cells(row: SourceRow) -> Sequence[Content]:
    flags = " ".join(f"⚑{flag}" for flag in row.flags)
    return (
        Content(str(row.id)),
        ui(row.name),
        ui(row.kind),
        grade_content(row.grade),
        ui(flags, style="bold red") if flags else Content(""),
        ui(", ".join(row.aliases)),
        Content(str(row.links)),
        ui(row.rationale or ""),
    )


class SourceTable(VirtualTable[SourceRow]):
    def __init__(self) -> None:
        super().__init__(
            SOURCE_COLUMNS,
            source_cells,
            empty=Content("No sources match. The registry grows as claims are extracted."),
            id="sources",
        )


@dataclass
class SourceLoaded(Message):
    detail: SourceDetail | None


def source_panel(detail: SourceDetail) -> Content:
    """Everything the registry holds about one source, for the side panel."""
    row = detail.row
    lines = [
        Content.assemble(ui(row.name, style="bold"), f"  #{row.id} · ", ui(row.kind)),
        Content.assemble("grade ", grade_content(row.grade), f" {GRADES.get(row.grade, '')}"),
        Content.assemble("rationale: ", ui_block(row.rationale or "—")),
        ui(f"graded by {detail.set_by or '—'} at {when(detail.set_at)}", style="dim"),
    ]
    if detail.country or detail.parent:
        lines.append(ui(f"country: {detail.country or '—'} · part of: {detail.parent or '—'}"))
    lines += [ui(f"⚑ {reason}", style="bold red") for reason in detail.flag_reasons]
    if row.aliases:
        lines.append(Content.assemble("aliases: ", ui(", ".join(row.aliases))))
    lines.append(ui(f"cited by {row.links} chain links"))
    if detail.description:
        lines.append(ui_block(detail.description))
    if detail.ratings:
        lines.append(Content.styled("grade history", "bold underline"))
        for rating in detail.ratings:
            text = f"{rating.grade} by {rating.set_by or '—'} {when(rating.set_at)}: "
            lines.append(Content.assemble(ui(text), ui(rating.rationale or "", 200)))
    return Content("\n").join(lines)


@keys_section("Sources", 50)
class SourcesScreen(DataScreen):
    """The source registry: filter by name or alias, grade, add aliases, merge duplicates."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "slash", "focus_filter", "Filter", id="sources.filter", tooltip="Name, alias or id"
        ),
        Binding(
            "escape",
            "escape",
            "Clear filter",
            id="sources.clear",
            show=False,
            tooltip="Leave the filter box; again to clear it",
        ),
        Binding("g", "grade", "Grade", id="source.grade", tooltip="Edit grade and rationale"),
        Binding("a", "add_alias", "Alias", id="source.alias", tooltip="Add another name"),
        Binding("m", "merge", "Merge", id="source.merge", tooltip="Merge into another source"),
        Binding("enter", "show_claims", "Claims", id="sources.claims", tooltip="Its claims"),
        EXPORT_BINDING,
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="filter sources by name, alias or id", id="source-filter")
        with Horizontal():
            yield SourceTable()
            with VerticalScroll(id="source-side"):
                yield Static("", id="source-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Sources"
        self.loaded_version = self.workbench.data_version
        self._load()
        self.table.focus()

    @property
    def table(self) -> SourceTable:
        return self.query_one(SourceTable)

    def _load(self, *, keep_cursor: bool = False) -> None:
        text = self.query_one("#source-filter", Input).value
        self.table.load(SourceRowSource(self.workbench.database, text), keep_cursor=keep_cursor)

    def refresh_data(self) -> None:
        self._load(keep_cursor=True)

    def show_source(self, source_id: int) -> None:
        self.query_one("#source-filter", Input).value = str(source_id)
        self.table.focus()

    @on(Input.Changed, "#source-filter")
    def _filter_changed(self) -> None:
        self._load()

    @on(Input.Submitted, "#source-filter")
    def _filter_submitted(self) -> None:
        self.table.focus()

    @on(VirtualTable.Highlighted)
    def _highlighted(self, event: VirtualTable.Highlighted) -> None:
        row = event.row
        if isinstance(row, SourceRow):
            self._load_detail(row.id)
        else:
            self.query_one("#source-detail", Static).update(Content(""))

    @on(VirtualTable.Activated)
    def _activated(self) -> None:
        self.action_show_claims()

    @work(thread=True, exclusive=True, group="source-detail")
    def _load_detail(self, source_id: int) -> None:
        try:
            with self.workbench.database.read() as session:
                self.post_message(SourceLoaded(source_detail(session, source_id)))
        except Exception:  # the row vanished (merged) meanwhile: show nothing
            self.post_message(SourceLoaded(None))

    @on(SourceLoaded)
    def _show_detail(self, message: SourceLoaded) -> None:
        self.query_one("#source-detail", Static).update(
            source_panel(message.detail) if message.detail else Content("")
        )

    def export_scope(self) -> ExportScope | None:
        """The claims whose chain cites the source under the cursor."""
        row = self.table.cursor
        if row is None:
            return None
        selection = ExportSelection(source_names=[row.name])
        return ExportScope(f"the claims citing {row.name}", f"source-{row.id}", selection)

    def _row(self) -> SourceRow | None:
        row = self.table.cursor
        if row is None:
            self.notify("Select a source first.", severity="warning", markup=False)
        return row

    def action_focus_filter(self) -> None:
        self.query_one("#source-filter", Input).focus()

    def action_escape(self) -> None:
        box = self.query_one("#source-filter", Input)
        if box.has_focus:
            self.table.focus()
        elif box.value:
            box.value = ""

    def action_grade(self) -> None:
        row = self._row()
        if row is not None:
            self.workbench.edit_source_grade(row.id, row.row_version, row.name, row.grade)

    def action_add_alias(self) -> None:
        row = self._row()
        if row is None:
            return

        def save(alias: str | None) -> None:
            if alias is not None:
                self.workbench.submit(lambda s: s.add_source_alias(row.id, alias))

        self.app.push_screen(TextDialog(f"Another name for source #{row.id}"), save)

    def action_merge(self) -> None:
        row = self._row()
        if row is None:
            return

        def save(target: str | None) -> None:
            if target is None:
                return
            if not target.strip().isdigit():
                self.notify(
                    "Give the id of the source to merge into.", severity="error", markup=False
                )
                return
            into = int(target.strip())
            self.workbench.submit(lambda s: s.merge_sources(row.id, into, row.row_version))

        title = f"Merge source #{row.id} into which source? (its id)"
        self.app.push_screen(TextDialog(title), save)

    def action_show_claims(self) -> None:
        row = self._row()
        if row is not None:
            self.workbench.show_claims(f"source:{row.id}")
