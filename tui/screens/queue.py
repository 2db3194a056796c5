"""The triage queue: unreviewed conflicts first, then propaganda-sourced claims, then other
proposed relations; y confirms, n rejects, space skips, each a single key."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Header, Static

from claims.store.views import QueueItem, queue_counts, queue_page
from claims.store.views.read_stop import ReadStop
from db.engine import Database
from tui.keys import keys_section
from tui.safe import ui, ui_block
from tui.screens.base import CLAIM_BINDINGS, ClaimRef, ClaimScreen
from tui.widgets.footer import KeyFooter
from tui.widgets.virtual_table import Column, VirtualTable

QUEUE_COLUMNS = (
    Column("section", "waiting", 12),
    Column("claim", "claim", 7, right=True),
    Column("text", "claim text", grow=3, min_width=24),
    Column("other", "other", 7, right=True, drop=2),
    Column("other_text", "other claim", grow=3, min_width=24, drop=2),
    Column("why", "why", grow=2, min_width=20, drop=1),
)
"""A claim without another claim (a propaganda item) lets its text run over the empty
columns; the panel under the table shows the highlighted item in full."""
SECTION_LABELS = {
    "conflict": ("conflict", "bold yellow"),
    "propaganda": ("propaganda", "bold red"),
    "relation": ("relation", ""),
}
TRIAGE_REASON = {True: "confirmed in triage", False: "rejected in triage"}


@dataclass(frozen=True)
class QueueSource:
    database: Database

    def count(self, stop: ReadStop) -> int:
        with self.database.read() as session, stop.watching(session):
            return sum(queue_counts(session).values())

    def fetch(
        self, start: int, limit: int, previous: QueueItem | None, stop: ReadStop
    ) -> list[QueueItem]:
        with self.database.read() as session, stop.watching(session):
            return queue_page(session, start, limit)


def queue_why(item: QueueItem) -> str:
    """The score and reasons of a relation item ("" for a propaganda item)."""
    why = "; ".join(item.reasons)
    return f"{item.score:.2f} {why}".strip() if item.score is not None else why


def queue_cells(item: QueueItem) -> Sequence[Content | None]:
    label, style = SECTION_LABELS.get(item.section, (item.section, ""))
    if item.relation_kind and item.section == "relation":
        label = item.relation_kind
    why = queue_why(item)
    if not item.other_claim_id:
        spanned = (None, None, None)  # the text runs on over other, other claim and why
        return (
            Content.styled(label, style),
            Content(f"#{item.claim_id}"),
            ui(item.snippet),
            *spanned,
        )
    return (
        Content.styled(label, style),
        Content(f"#{item.claim_id}"),
        ui(item.snippet),
        Content(f"#{item.other_claim_id}"),
        ui(item.other_snippet),
        ui(why) if why else None,
    )


def queue_preview(item: QueueItem | None) -> Content:
    """The highlighted item in full: both claims and every reason, wrapped."""
    if item is None:
        return Content("")
    lines = [Content.assemble((f"#{item.claim_id} ", "bold"), ui_block(item.snippet))]
    if item.other_claim_id:
        lines.append(
            Content.assemble((f"#{item.other_claim_id} ", "bold"), ui_block(item.other_snippet))
        )
    why = queue_why(item)
    if why:
        lines.append(Content.assemble(("why: ", "bold"), ui_block(why, "dim")))
    return Content("\n").join(lines)


@dataclass
class CountsLoaded(Message):
    counts: dict[str, int]


@keys_section("Conflicts queue", 40)
class QueueScreen(ClaimScreen):
    """What still needs a decision, most urgent first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "decide(True)", "Confirm", id="queue.confirm", tooltip="Confirm the item"),
        Binding("n", "decide(False)", "Reject", id="queue.reject", tooltip="Reject the item"),
        Binding("space", "skip", "Skip", id="queue.skip", tooltip="Leave it for later"),
        Binding("enter", "open_claim", "Open", id="queue.open", tooltip="Open the claim"),
        *CLAIM_BINDINGS,
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="queue-status")
        yield VirtualTable(
            QUEUE_COLUMNS,
            queue_cells,
            empty=Content("Nothing waits for triage."),
            id="queue",
        )
        yield Static("", id="queue-preview")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Conflicts queue"
        self.loaded_version = self.workbench.data_version
        self.refresh_data()
        self.table.focus()

    @property
    def table(self) -> VirtualTable[QueueItem]:
        return self.query_one("#queue", VirtualTable)

    def refresh_data(self) -> None:
        self.table.load(QueueSource(self.workbench.database), keep_cursor=True)
        self._count()

    @work(thread=True, exclusive=True, group="queue-count")
    def _count(self) -> None:
        with self.workbench.database.read() as session:
            self.post_message(CountsLoaded(queue_counts(session)))

    @on(CountsLoaded)
    def _show_counts(self, message: CountsLoaded) -> None:
        counts = message.counts
        text = (
            f"{counts['conflict']} unreviewed conflicts · {counts['propaganda']} unreviewed "
            f"propaganda-sourced claims · {counts['relation']} other proposed relations"
        )
        self.query_one("#queue-status", Static).update(Content.styled(text, "bold"))

    @on(VirtualTable.Activated)
    def _activated(self) -> None:
        self.action_open_claim()

    @on(VirtualTable.Highlighted)
    def _highlighted(self) -> None:
        self.query_one("#queue-preview", Static).update(queue_preview(self.current_item()))

    def current_item(self) -> QueueItem | None:
        return self.table.cursor

    def current_claim(self) -> ClaimRef | None:
        item = self.current_item()
        if item is None:
            return None
        return ClaimRef(id=item.claim_id, row_version=item.claim_version, propaganda=True)

    def action_decide(self, confirm: bool) -> None:
        item = self.current_item()
        if item is None:
            return
        if item.relation_id is not None and item.relation_version is not None:
            relation_id, version = item.relation_id, item.relation_version
            decision: Literal["confirm", "reject"] = "confirm" if confirm else "reject"
            self.workbench.submit(lambda s: s.review_relation(relation_id, version, decision))
        else:
            claim_id, version = item.claim_id, item.claim_version
            self.workbench.submit(
                lambda s: s.set_propaganda_override(
                    claim_id, version, confirm, TRIAGE_REASON[confirm]
                )
            )

    def action_skip(self) -> None:
        self.table.action_cursor(1)

    def action_open_claim(self) -> None:
        item = self.current_item()
        if item is not None:
            self.workbench.open_claim(item.claim_id)
