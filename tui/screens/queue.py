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
from textual.widgets import Footer, Header, Static

from claims.store.views import QueueItem, queue_counts, queue_page
from db.engine import Database
from tui.keys import keys_section
from tui.safe import ui
from tui.screens.base import CLAIM_BINDINGS, ClaimRef, ClaimScreen
from tui.widgets.virtual_table import Column, VirtualTable

QUEUE_COLUMNS = (
    Column("section", "waiting", 12),
    Column("claim", "claim", 7, right=True),
    Column("text", "claim text"),
    Column("other", "other", 7, right=True),
    Column("other_text", "other claim"),
    Column("why", "why", 32),
)
SECTION_LABELS = {
    "conflict": ("conflict", "bold yellow"),
    "propaganda": ("propaganda", "bold red"),
    "relation": ("relation", ""),
}
TRIAGE_REASON = {True: "confirmed in triage", False: "rejected in triage"}


@dataclass(frozen=True)
class QueueSource:
    database: Database

    def count(self) -> int:
        with self.database.read() as session:
            return sum(queue_counts(session).values())

    def fetch(self, start: int, limit: int, previous: QueueItem | None) -> list[QueueItem]:
        with self.database.read() as session:
            return queue_page(session, start, limit)


def queue_cells(item: QueueItem) -> Sequence[Content]:
    label, style = SECTION_LABELS.get(item.section, (item.section, ""))
    if item.relation_kind and item.section == "relation":
        label = item.relation_kind
    why = "; ".join(item.reasons) if item.reasons else ""
    if item.score is not None:
        why = f"{item.score:.2f} {why}"
    return (
        Content.styled(label, style),
        Content(f"#{item.claim_id}"),
        ui(item.snippet),
        Content(f"#{item.other_claim_id}") if item.other_claim_id else Content(""),
        ui(item.other_snippet),
        ui(why),
    )


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
        yield Footer(compact=True, show_command_palette=False)

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
