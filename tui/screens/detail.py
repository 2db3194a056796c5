"""The claim detail screen: the sentence in its paragraph, its chain, related claims, history."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from claims.store.views import ChainLink, ClaimDetail, RelatedClaim, claim_detail
from claims.store.views.labels import propaganda_reasons
from tui.keys import keys_section
from tui.safe import plain, ui
from tui.screens.base import CLAIM_BINDINGS, ClaimRef, ClaimScreen
from tui.widgets import render
from tui.widgets.footer import KeyFooter

GROUPS = ("independent", "dependent", "conflicting", "duplicates", "related")
CHAIN_HINT = "Now in the attribution chain: highlight the source to grade, then press g again."
RELATED_HINT = "Now in the related claims: highlight one, then press the key again."


@dataclass
class DetailLoaded(Message):
    detail: ClaimDetail | None
    error: str | None = None
    propaganda_reasons: list[str] = field(default_factory=list)


@keys_section("Claim detail", 20)
class ClaimDetailScreen(ClaimScreen):
    """One claim with everything known about it; related claims are one key away."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="detail.back", tooltip="Back to the list"),
        Binding("enter", "open_related", "Open", id="detail.open", tooltip="Jump to the claim"),
        Binding("d", "open_document", "Document", id="detail.document", tooltip="Read the article"),
        Binding(
            "y", "confirm_relation", "Confirm", id="relation.confirm", tooltip="Confirm relation"
        ),
        Binding("n", "reject_relation", "Reject", id="relation.reject", tooltip="Reject relation"),
        Binding(
            "g", "grade_source", "Grade", id="source.grade", tooltip="Grade the chain link's source"
        ),
        *CLAIM_BINDINGS,
    ]

    def __init__(self, claim_id: int) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.detail: ClaimDetail | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="detail", can_focus=False):  # tab moves between the two lists
            yield Static("Loading…", id="summary")
            yield Static("", id="paragraph", classes="box")
            yield Static("", id="review", classes="box")
            yield Static("", id="propaganda")
            yield Label(
                "Attribution chain (g grades the highlighted source, enter shows it)",
                classes="section",
            )
            yield OptionList(id="chain")
            yield Label("Related claims (enter opens, y confirms, n rejects)", classes="section")
            yield OptionList(id="related")
            yield Label("Review history", classes="section")
            yield Static("", id="history")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = f"Claim #{self.claim_id}"
        self.loaded_version = self.workbench.data_version
        self.refresh_data()

    def refresh_data(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="detail")
    def _load(self) -> None:
        try:
            with self.workbench.database.read() as session:
                detail = claim_detail(session, self.claim_id)
                reasons = propaganda_reasons(session, self.claim_id)
            self.post_message(DetailLoaded(detail, propaganda_reasons=reasons))
        except Exception as exc:  # shown in the screen, never a traceback
            self.post_message(DetailLoaded(None, f"{type(exc).__name__}: {exc}"))

    @on(DetailLoaded)
    def _show(self, message: DetailLoaded) -> None:
        if message.detail is None:
            self.query_one("#summary", Static).update(ui(message.error, style="bold red"))
            return
        detail = self.detail = message.detail
        self.query_one("#summary", Static).update(render.summary(detail))
        self.query_one("#paragraph", Static).update(render.paragraph(detail))
        self.query_one("#review", Static).update(render.review_state(detail))
        self.query_one("#propaganda", Static).update(
            render.propaganda(detail, message.propaganda_reasons)
        )
        self._fill_chain(detail)
        self._fill_related(detail)
        self.query_one("#history", Static).update(render.history(detail))
        if self.focused is None or self.focused.id == "detail":
            self.query_one("#related", OptionList).focus()
        self.show_titles(sub_title=f"{detail.kind} · v{detail.row_version}")

    def _fill_chain(self, detail: ClaimDetail) -> None:
        chain = self.query_one("#chain", OptionList)
        keep = chain.highlighted
        chain.clear_options()
        if not detail.chain:
            chain.add_option(
                Option(Content.styled("Unattributed: no chain found.", "dim"), disabled=True)
            )
        chain.add_options(
            Option(render.chain_link(link), str(link.position)) for link in detail.chain
        )
        if detail.chain:
            chain.highlighted = min(keep or 0, len(detail.chain) - 1)

    def _fill_related(self, detail: ClaimDetail) -> None:
        related = self.query_one("#related", OptionList)
        keep = related.highlighted
        related.clear_options()
        for group in GROUPS:
            members = detail.group(group)
            if not members:
                continue
            title = f"{render.GROUP_TITLES[group]} ({len(members)})"
            related.add_option(Option(Content.styled(title, "bold underline"), disabled=True))
            related.add_options(
                Option(render.related_claim(r), str(r.relation_id)) for r in members
            )
        if not detail.related:
            related.add_option(
                Option(Content.styled("No related claims found.", "dim"), disabled=True)
            )
        if keep is not None and keep < related.option_count:
            related.highlighted = keep
        elif detail.related:
            related.action_first()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self.query_one("#related", OptionList).focus()

    # --- what is selected ------------------------------------------------------------

    def current_claim(self) -> ClaimRef | None:
        detail = self.detail
        if detail is None:
            return None
        return ClaimRef.of(detail)

    def selected_relation(self) -> RelatedClaim | None:
        related = self.query_one("#related", OptionList)
        if self.detail is None or related.highlighted is None:
            return None
        option_id = related.get_option_at_index(related.highlighted).id
        return next((r for r in self.detail.related if str(r.relation_id) == option_id), None)

    def _in_panel(self, panel: str, hint: str) -> bool:
        """True when `panel` has focus; else move focus there and say why nothing happened,
        so a key never acts on the highlighted row of a list the reviewer is not looking at."""
        box = self.query_one(f"#{panel}", OptionList)
        if box.has_focus:
            return True
        box.focus()
        self.notify(plain(hint), severity="warning", markup=False)
        return False

    # --- actions ---------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#related")
    def action_open_related(self) -> None:
        if not self._in_panel("related", RELATED_HINT):
            return
        relation = self.selected_relation()
        if relation is None:
            self.notify("Highlight a related claim first.", severity="warning", markup=False)
            return
        self.workbench.open_claim(relation.other_id)

    @on(OptionList.OptionSelected, "#chain")
    def _open_source(self) -> None:
        link = self._selected_link()
        if link is not None and link.source_id is not None:
            self.workbench.show_source(link.source_id)

    def action_open_document(self) -> None:
        if self.detail is not None:
            self.workbench.open_document(self.detail.document_id, self.detail.id)

    def _review_relation(self, choice: Literal["confirm", "reject"]) -> None:
        if not self._in_panel("related", RELATED_HINT):
            return
        relation = self.selected_relation()
        if relation is None:
            self.notify("Highlight a related claim first.", severity="warning", markup=False)
            return
        self.workbench.submit(
            lambda s: s.review_relation(relation.relation_id, relation.relation_version, choice)
        )

    def action_confirm_relation(self) -> None:
        self._review_relation("confirm")

    def action_reject_relation(self) -> None:
        self._review_relation("reject")

    def _selected_link(self) -> ChainLink | None:
        chain = self.query_one("#chain", OptionList)
        if self.detail is None or chain.highlighted is None or not self.detail.chain:
            return None
        return self.detail.chain[min(chain.highlighted, len(self.detail.chain) - 1)]

    def action_grade_source(self) -> None:
        if not self._in_panel("chain", CHAIN_HINT):
            return
        link = self._selected_link()
        if link is None or link.source_id is None or link.source_version is None:
            self.notify(
                "Highlight a chain link whose source is in the registry.",
                severity="warning",
                markup=False,
            )
            return
        self.workbench.edit_source_grade(
            link.source_id, link.source_version, link.source_name or link.mention, link.grade
        )
