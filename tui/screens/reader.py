"""The document reader: the original text page by page, claims highlighted, debris dimmed.

A page is at most 20,000 characters and 200 lines, read from the database by offset, so a
10 MB article or a 45 KB single line opens as fast as a short one; markers say when text
continues before or after the page.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Header, Static

from claims.reports.schema import ExportSelection
from claims.store.views import (
    ClaimSpan,
    DocumentMeta,
    DocumentPage,
    document_claims,
    document_meta,
    document_page,
    document_page_before,
    page_start_for,
)
from claims.text.display import display_safe
from tui.keys import keys_section
from tui.safe import plain, ui
from tui.screens.base import EXPORT_BINDING, DataScreen
from tui.widgets.claim_table import VERDICT_STYLES
from tui.widgets.footer import KeyFooter
from tui.workbench import ExportScope

KIND_STYLES = {
    "factual": "underline bold",
    "statistic": "underline bold cyan",
    "event": "underline bold green",
    "prediction": "underline bold magenta",
    "quotation": "underline bold yellow",
    "opinion": "underline italic",
    "question": "underline italic dim",
}
PROPAGANDA_STYLE = "bold red underline"
DEBRIS_STYLE = "dim strike"
CURRENT_STYLE = "reverse bold"


@dataclass
class ReaderLoaded(Message):
    meta: DocumentMeta | None
    claims: list[ClaimSpan]
    page: DocumentPage | None
    error: str | None = None


def claim_style(claim: ClaimSpan, mode: str) -> str:
    """How a claim is marked: by its kind, or by its propaganda flag and verdict."""
    if mode == "kind":
        return KIND_STYLES.get(claim.kind, "underline")
    if claim.propaganda:
        return PROPAGANDA_STYLE
    return "underline " + VERDICT_STYLES.get(claim.verdict or "", "")


def block_content(
    text: str,
    start: int,
    claims: list[ClaimSpan],
    debris: list[tuple[int, int, str]],
    mode: str,
    current: int | None,
) -> Content:
    """One block of document text starting at offset `start`, with claim and debris marks.

    Marks are placed on the raw text, then each piece is made display-safe on its own, so a
    control character never shifts a highlight.
    """
    end = start + len(text)
    marks: list[tuple[int, int, str]] = [
        (max(s, start), min(e, end), DEBRIS_STYLE) for s, e, _ in debris if s < end and e > start
    ]
    for claim in claims:
        if claim.start < end and claim.end > start:
            style = CURRENT_STYLE if claim.id == current else claim_style(claim, mode)
            marks.append((max(claim.start, start), min(claim.end, end), style))
    cuts = sorted({start, end, *(m[0] for m in marks), *(m[1] for m in marks)})
    pieces: list[tuple[str, str]] = []
    for low, high in itertools.pairwise(cuts):
        styles = " ".join(style for s, e, style in marks if s <= low and e >= high)
        pieces.append((display_safe(text[low - start : high - start]), styles))
    return Content.assemble(*pieces)


def split_blocks(page: DocumentPage) -> list[tuple[int, str]]:
    """The page as paragraphs (split at blank lines), each with its document offset."""
    blocks: list[tuple[int, str]] = []
    offset = page.start
    for part in page.text.split("\n\n"):
        if part.strip():
            blocks.append((offset, part))
        offset += len(part) + 2
    return blocks


@keys_section("Document reader", 30)
class DocumentScreen(DataScreen):
    """One document with its claims; n and N walk through them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="reader.back", tooltip="Back"),
        Binding("n", "step_claim(1)", "Next claim", id="reader.next_claim", tooltip="Next claim"),
        Binding(
            "N",
            "step_claim(-1)",
            "Previous claim",
            id="reader.previous_claim",
            tooltip="Previous claim",
        ),
        Binding(
            "right_square_bracket",
            "page(1)",
            "Next page",
            id="reader.next_page",
            tooltip="Text after this page",
        ),
        Binding(
            "left_square_bracket",
            "page(-1)",
            "Previous page",
            id="reader.previous_page",
            tooltip="Text before this page",
        ),
        Binding("h", "toggle_colour", "Kind/flag", id="reader.colour", tooltip="Colour claims"),
        Binding(
            "enter", "open_claim", "Open claim", id="reader.open", tooltip="Open the current claim"
        ),
        EXPORT_BINDING,
    ]

    mode: reactive[str] = reactive("kind", init=False)
    """What claim colours say: `kind` or `flag` (propaganda and verdict)."""

    def __init__(self, document_id: int, claim_id: int | None = None) -> None:
        super().__init__()
        self.document_id = document_id
        self.current: int | None = claim_id
        self.meta: DocumentMeta | None = None
        self.claims: list[ClaimSpan] = []
        self.page: DocumentPage | None = None
        self._blocks: list[tuple[int, int, Static]] = []
        """(start, end, widget) of each paragraph on the page."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with VerticalScroll(id="reader"):
                yield Static("", id="page-top", classes="marker")
                yield Vertical(id="blocks")
                yield Static("", id="page-bottom", classes="marker")
            with VerticalScroll(id="side"):
                yield Static("Loading…", id="meta")
                yield Static("", id="legend")
        yield KeyFooter()

    def export_scope(self) -> ExportScope | None:
        """The document with all its claims."""
        selection = ExportSelection(document_ids=[self.document_id])
        return ExportScope(
            f"document #{self.document_id}", f"document-{self.document_id}", selection
        )

    def on_mount(self) -> None:
        self.title = f"Document #{self.document_id}"
        self.loaded_version = self.workbench.data_version
        self._load(None)

    def refresh_data(self) -> None:
        self._load(self.page.start if self.page else None)

    @work(thread=True, exclusive=True, group="reader")
    def _load(self, start: int | None, *, ending: bool = False) -> None:
        """Read a page starting at `start` (ending there when `ending`), or the one holding
        the current claim when `start` is None."""
        try:
            with self.workbench.database.read() as session:
                meta = document_meta(session, self.document_id)
                claims = document_claims(session, self.document_id)
                if start is None:
                    focus = next((c for c in claims if c.id == self.current), None)
                    start = page_start_for(session, self.document_id, focus.start) if focus else 0
                if ending:
                    page = document_page_before(session, self.document_id, start, meta.length)
                else:
                    page = document_page(session, self.document_id, start, meta.length)
            self.post_message(ReaderLoaded(meta, claims, page))
        except Exception as exc:  # shown in the screen, never a traceback
            self.post_message(ReaderLoaded(None, [], None, f"{type(exc).__name__}: {exc}"))

    @on(ReaderLoaded)
    async def _show(self, message: ReaderLoaded) -> None:
        if message.meta is None or message.page is None:
            self.query_one("#meta", Static).update(ui(message.error, style="bold red"))
            return
        self.meta, self.claims, self.page = message.meta, message.claims, message.page
        self.show_titles(plain(f"Document #{self.document_id}: {message.meta.title or ''}", 80))
        await self._draw_page()
        self._draw_side()

    async def _draw_page(self) -> None:
        page, meta = self.page, self.meta
        if page is None or meta is None:
            return
        blocks = self.query_one("#blocks", Vertical)
        await blocks.remove_children()
        self._blocks = [
            (start, start + len(text), Static(self._block(text, start, meta), classes="block"))
            for start, text in split_blocks(page)
        ]
        widgets = [widget for _, _, widget in self._blocks]
        await blocks.mount_all(widgets or [Static(Content.styled("(no text)", "dim"))])
        self.query_one("#page-top", Static).update(self._marker(page, top=True))
        self.query_one("#page-bottom", Static).update(self._marker(page, top=False))
        self._scroll_to_current()

    def _block(self, text: str, start: int, meta: DocumentMeta) -> Content:
        return block_content(text, start, self.claims, meta.debris, self.mode, self.current)

    def _marker(self, page: DocumentPage, *, top: bool) -> Content:
        span = f"characters {page.start:,}–{page.end:,} of {page.length:,}"
        if top and page.has_previous:
            return Content.styled(
                f"▲ text continues above ([ for the previous page) · {span}", "bold yellow"
            )
        if not top and page.has_next:
            return Content.styled(
                f"▼ text continues below (] for the next page) · {span}", "bold yellow"
            )
        return Content.styled(span, "dim") if top else Content("")

    def _scroll_to_current(self) -> None:
        claim = self._current_span()
        reader = self.query_one("#reader", VerticalScroll)
        if claim is None or self.page is None:
            reader.scroll_home(animate=False)
            return
        for start, end, widget in self._blocks:
            if start <= claim.start < end + 2:
                reader.scroll_to_widget(widget, animate=False, top=True)
                return

    def _current_span(self) -> ClaimSpan | None:
        return next((c for c in self.claims if c.id == self.current), None)

    def _draw_side(self) -> None:
        meta = self.meta
        if meta is None:
            return
        fields = [
            ("title", meta.title),
            ("outlet", meta.outlet),
            ("author", meta.author),
            ("published", meta.published),
            ("url", meta.url),
            ("language", meta.language),
            ("original publisher", meta.original_publisher),
            ("machine translation", meta.machine_translation),
            ("origin", meta.origin),
            ("version", str(meta.version_no)),
            ("length", f"{meta.length:,} characters"),
        ]
        lines = [
            Content.assemble((f"{name}: ", "bold"), ui(value, 300))
            for name, value in fields
            if value
        ]
        if meta.metadata_provenance:
            where = ", ".join(f"{k} from {v}" for k, v in meta.metadata_provenance.items())
            lines.append(Content.assemble(("provenance: ", "bold"), ui(where, 300)))
        for flag in meta.flags:
            lines.append(Content.assemble(("flag: ", "bold yellow"), ui(flag, 200)))
        for note in meta.notes:
            lines.append(Content.assemble(("note: ", "bold"), ui(note, 200)))
        self.query_one("#meta", Static).update(Content("\n").join(lines))
        self.query_one("#legend", Static).update(self._legend())

    def _legend(self) -> Content:
        count = Content.styled(f"{len(self.claims)} claims", "bold")
        current = self._current_span()
        position = ""
        if current is not None:
            position = (
                f" · at #{current.id} ({self.claims.index(current) + 1} of {len(self.claims)})"
            )
        if self.mode == "kind":
            keys = [Content.styled(kind, style) for kind, style in KIND_STYLES.items()]
        else:
            keys = [Content.styled("propaganda", PROPAGANDA_STYLE)] + [
                Content.styled(name, "underline " + style) for name, style in VERDICT_STYLES.items()
            ]
        keys.append(Content.styled("page debris", DEBRIS_STYLE))
        return Content.assemble(count, position, "\n", Content(" ").join(keys))

    # --- actions ---------------------------------------------------------------------

    async def watch_mode(self) -> None:
        await self._draw_page()
        self._draw_side()

    def action_toggle_colour(self) -> None:
        self.mode = "flag" if self.mode == "kind" else "kind"

    def action_back(self) -> None:
        self.dismiss(None)

    async def action_step_claim(self, step: int) -> None:
        if not self.claims:
            self.notify("This document has no claims.", markup=False)
            return
        current = self._current_span()
        index = self.claims.index(current) + step if current else (0 if step > 0 else -1)
        self.current = self.claims[index % len(self.claims)].id
        claim = self._current_span()
        page = self.page
        if claim is not None and page is not None and page.start <= claim.start < page.end:
            await self._draw_page()
            self._draw_side()
        else:
            self._load(None)

    def action_page(self, direction: int) -> None:
        page = self.page
        if page is None:
            return
        if direction > 0 and page.has_next:
            self._load(page.end)
        elif direction < 0 and page.has_previous:
            self._load(page.start, ending=True)

    def action_open_claim(self) -> None:
        if self.current is not None:
            self.workbench.open_claim(self.current)
        else:
            self.notify("Press n to go to a claim first.", markup=False)
