"""The claims screen: the whole listing, filtered as you type, sortable, reviewable in place."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Header, Input, Static

from claims.store.views import ClaimFilter, ClaimRow, ClaimSort, SortKey, parse_filter
from tui.keys import keys_section
from tui.safe import ui
from tui.screens.base import CLAIM_BINDINGS, ClaimRef, ClaimScreen
from tui.widgets.claim_table import ClaimSource, ClaimTable
from tui.widgets.footer import KeyFooter
from tui.widgets.virtual_table import VirtualTable
from tui.workbench import ExportScope

SORT_ORDER = (
    SortKey.ID,
    SortKey.DOCUMENT,
    SortKey.CHECKWORTHINESS,
    SortKey.CREDIBILITY,
    SortKey.VERDICT,
    SortKey.KIND,
)
COLUMN_SORTS = {
    "id": SortKey.ID,
    "document": SortKey.DOCUMENT,
    "credibility": SortKey.CREDIBILITY,
    "verdict": SortKey.VERDICT,
}
FILTER_HELP = (
    "filter: words · verdict:none|false|… · kind:statistic · source:NAME|ID · "
    "flag:propaganda|none · rel:conflicts|corroborates|duplicate|any|none · doc:ID"
)


@keys_section("Claims", 10)
class ClaimsScreen(ClaimScreen):
    """Every claim in the database, one line each; only the visible page is ever loaded."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_filter", "Filter", id="claims.filter", tooltip=FILTER_HELP),
        Binding("enter", "open_claim", "Open", id="claims.open", tooltip="Open the claim detail"),
        Binding("d", "open_document", "Document", id="claims.document", tooltip="Read its article"),
        Binding("s", "cycle_sort", "Sort", id="claims.sort", tooltip="Sort by the next column"),
        Binding(
            "S",
            "reverse_sort",
            "Reverse",
            id="claims.sort_reverse",
            show=False,
            tooltip="Reverse the order",
        ),
        Binding(
            "escape",
            "escape",
            "Clear filter",
            id="claims.clear",
            show=False,
            tooltip="Leave the filter box; again to clear it",
        ),
        *CLAIM_BINDINGS,
    ]

    sort: reactive[ClaimSort] = reactive(ClaimSort, init=False)
    """The listing order."""
    claim_filter: reactive[ClaimFilter] = reactive(ClaimFilter, init=False)
    """What the listing shows, parsed from the filter box."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder=FILTER_HELP, id="filter")
        yield Static("", id="status")
        yield ClaimTable(id="claims")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Claims"
        text = self.workbench.filter_text
        self.query_one("#filter", Input).value = text
        self.claim_filter = parse_filter(text)
        self.loaded_version = self.workbench.data_version
        self._load()
        self.table.focus()

    @property
    def table(self) -> ClaimTable:
        return self.query_one(ClaimTable)

    def _load(self, *, keep_cursor: bool = False) -> None:
        source = ClaimSource(self.workbench.database, self.claim_filter, self.sort)
        self.table.load(source, keep_cursor=keep_cursor)
        self._show_status()

    def refresh_data(self) -> None:
        self._load(keep_cursor=True)

    def watch_sort(self) -> None:
        self._load()

    def watch_claim_filter(self, old: ClaimFilter, new: ClaimFilter) -> None:
        if old.model_dump(exclude={"problems"}) != new.model_dump(exclude={"problems"}):
            self._load()
        self._show_status()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.claim_filter = parse_filter(event.value)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.table.focus()

    @on(VirtualTable.Loaded)
    @on(VirtualTable.Totalled)
    @on(VirtualTable.Highlighted)
    def _table_changed(self) -> None:
        self._show_status()

    @on(VirtualTable.Activated)
    def _activated(self) -> None:
        self.action_open_claim()

    @on(VirtualTable.HeaderClicked)
    def _header_clicked(self, event: VirtualTable.HeaderClicked) -> None:
        key = COLUMN_SORTS.get(event.column)
        if key is None:
            self.notify("This column cannot be sorted.", severity="warning", markup=False)
        elif key == self.sort.key:
            self.action_reverse_sort()
        else:
            self.sort = ClaimSort(key=key)

    def _show_status(self) -> None:
        table = self.table
        if table.total is not None:
            count = f"{table.total:,} claims"
        elif table.loaded:
            count = f"≥{table.rows_seen:,} claims, counting…"
        else:
            count = "loading…"
        arrow = "↓" if self.sort.descending else "↑"
        parts = [
            Content.styled(count, "bold"),
            Content(f"  ·  sorted by {self.sort.key.value} {arrow}"),
        ]
        if self.claim_filter.problems:
            problems = "; ".join(self.claim_filter.problems)
            parts.append(Content.assemble("  ·  ", ui(problems, style="bold red")))
        if table.cursor is not None and table.total:
            parts.append(Content(f"  ·  row {table.cursor_row + 1:,}"))
        self.query_one("#status", Static).update(Content.assemble(*parts))

    def current_row(self) -> ClaimRow | None:
        return self.table.cursor

    def current_claim(self) -> ClaimRef | None:
        row = self.current_row()
        if row is None:
            return None
        return ClaimRef.of(row)

    def export_scope(self) -> ExportScope | None:
        """The claims the filter shows (everything when there is no filter)."""
        if self.claim_filter.is_empty:
            return ExportScope("all claims", "all", None)
        return ExportScope("the claims of the filter", "filtered", None, self.claim_filter)

    def set_filter(self, text: str) -> None:
        """Replace the filter (used when another view shows "claims of this source")."""
        self.query_one("#filter", Input).value = text
        self.table.focus()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_escape(self) -> None:
        box = self.query_one("#filter", Input)
        if box.has_focus:
            self.table.focus()
        elif box.value:
            box.value = ""

    def action_open_claim(self) -> None:
        row = self.current_row()
        if row is not None:
            self.workbench.open_claim(row.id)

    def action_open_document(self) -> None:
        row = self.current_row()
        if row is not None:
            self.workbench.open_document(row.document_id, row.id)

    def action_cycle_sort(self) -> None:
        index = SORT_ORDER.index(self.sort.key)
        self.sort = ClaimSort(key=SORT_ORDER[(index + 1) % len(SORT_ORDER)])

    def action_reverse_sort(self) -> None:
        self.sort = ClaimSort(key=self.sort.key, descending=not self.sort.descending)
