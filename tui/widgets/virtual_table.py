"""A table that draws only the rows on screen and fetches them from the database in blocks.

The built-in DataTable keeps every row as widgets' data and stalls at 100,000 rows; this one
holds a few blocks of rows, fetched by a thread worker (keyset after the previous block when
it is known, else by offset) and drawn with the Line API, like toolong's log view. The total
is counted apart, once the listing has stayed the same for a moment, and a newer listing stops
that count: a keystroke never waits for one, nor shares the cores with the counts of the keys
before it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Generic, Protocol, TypeVar

from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from claims.store.views.read_stop import ReadStop, ReadStopped
from tui.keys import keys_section
from tui.safe import ui
from tui.widgets.columns import Column, column_widths

__all__ = ["Column", "RowSource", "VirtualTable"]

BLOCK_ROWS = 128
"""Rows fetched per database round trip."""

KEEP_BLOCKS = 24
"""Blocks kept in memory; farther ones are dropped and fetched again when scrolled back."""

COUNT_DELAY = 0.3
"""Seconds a listing must stay the same before its rows are counted (typing never counts)."""

COUNT_GROUP = "virtual-table-count"
"""The worker group of the count: one count at a time per table, the newest."""


class Row(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=Row)


class RowSource(Protocol[R]):
    """Where rows come from; both methods run in a worker thread."""

    def count(self, stop: ReadStop) -> int:
        """How many rows there are in all; `stop` may cancel the count from another thread."""
        ...

    def fetch(self, start: int, limit: int, previous: R | None, stop: ReadStop) -> list[R]:
        """Rows from position `start`; `previous` is the row before it when known; `stop`
        may cancel the read from another thread."""
        ...


@keys_section("Tables", 60)
class VirtualTable(ScrollView, Generic[R], can_focus=True):
    """Rows from a RowSource, a cursor, a fixed header; only visible rows are drawn."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", "Up", show=False, id="table.up", tooltip="Previous row"),
        Binding("down,j", "cursor(1)", "Down", show=False, id="table.down", tooltip="Next row"),
        Binding(
            "pageup", "page(-1)", "Page up", show=False, id="table.page_up", tooltip="A screen up"
        ),
        Binding(
            "pagedown",
            "page(1)",
            "Page down",
            show=False,
            id="table.page_down",
            tooltip="A screen down",
        ),
        Binding("home", "home", "First", show=False, id="table.first", tooltip="First row"),
        Binding("end", "end", "Last", show=False, id="table.last", tooltip="Last row"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-table--header",
        "virtual-table--cursor",
        "virtual-table--odd",
        "virtual-table--empty",
    }
    DEFAULT_CSS = """
    VirtualTable { background: $surface; }
    VirtualTable > .virtual-table--header { text-style: bold; background: $panel; }
    VirtualTable > .virtual-table--cursor { background: $block-cursor-blurred-background; }
    VirtualTable:focus > .virtual-table--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground;
    }
    VirtualTable > .virtual-table--odd { background: $surface-lighten-1; }
    VirtualTable > .virtual-table--empty { color: $text-muted; text-style: italic; }
    """

    cursor_row: reactive[int] = reactive(0, init=False)
    """Position of the highlighted row in the whole listing."""

    @dataclass
    class Highlighted(Message):
        """The cursor moved onto a row (None while it is not loaded)."""

        table: VirtualTable[Row]
        row: Row | None

    @dataclass
    class Activated(Message):
        """A row was chosen (enter or double click)."""

        table: VirtualTable[Row]
        row: Row

    @dataclass
    class HeaderClicked(Message):
        table: VirtualTable[Row]
        column: str

    @dataclass
    class Loaded(Message):
        """The first block of a (re)load arrived: the table shows data."""

        table: VirtualTable[Row]

    @dataclass
    class Totalled(Message):
        """The listing was counted: `total` holds how many rows it has."""

        table: VirtualTable[Row]

    @dataclass
    class BlockLoaded(Message):
        bubble: ClassVar[bool] = False
        generation: int
        block: int
        rows: list[Row]
        first: bool

    @dataclass
    class Counted(Message):
        bubble: ClassVar[bool] = False
        generation: int
        total: int

    @dataclass
    class FetchFailed(Message):
        bubble: ClassVar[bool] = False
        generation: int
        error: str

    def __init__(
        self,
        columns: Sequence[Column],
        cells: Callable[[R], Sequence[Content | None]],
        *,
        empty: Content | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.columns = tuple(columns)
        self._cells = cells
        self.empty = empty or Content("Nothing to show.")
        self.source: RowSource[R] | None = None
        self.generation = 0
        """Bumped by every (re)load; answers for older generations are dropped."""
        self.total: int | None = None
        """Rows in the listing; None while still counting."""
        self.loaded = False
        """True once the first block of the current generation arrived."""
        self.error: str | None = None
        self._blocks: dict[int, list[R]] = {}
        self._stale: dict[int, list[R]] = {}
        """The previous load's rows, drawn until the new ones arrive (no flicker)."""
        self._pending: set[int] = set()
        self._busy = 0
        self._fetching: set[ReadStop] = set()
        """Reads in flight; a new listing stops them (their rows would be dropped anyway)."""
        self._queued: int | None = None

    # --- loading ---------------------------------------------------------------------

    def load(self, source: RowSource[R], *, keep_cursor: bool = False) -> None:
        """Show rows from `source` (a new filter or sort), or the same again after an edit."""
        self.source = source
        self.generation += 1
        self.workers.cancel_group(self, COUNT_GROUP)  # the count of the old listing is moot
        for stop in list(self._fetching):  # so are its pages: a rare short text scans the store
            stop.cancel()
        self._stale, self._blocks = self._blocks or self._stale, {}
        self._pending.clear()
        self.loaded = False
        if not keep_cursor:
            self.cursor_row = 0
            self.scroll_to(y=0, animate=False, immediate=True)
        self._request(self._block_of(self.cursor_row), first=True)

    def reload(self) -> None:
        """Fetch the rows on screen again, keeping the cursor where it is."""
        if self.source is not None:
            self.load(self.source, keep_cursor=True)

    def row_at(self, index: int) -> R | None:
        """The loaded row at `index` in the listing, if any."""
        block = self._blocks.get(self._block_of(index))
        offset = index % BLOCK_ROWS
        return block[offset] if block is not None and offset < len(block) else None

    @property
    def cursor(self) -> R | None:
        """The row under the cursor, if loaded."""
        return self.row_at(self.cursor_row)

    def _block_of(self, index: int) -> int:
        return max(index, 0) // BLOCK_ROWS

    def _request(self, block: int, *, first: bool = False) -> None:
        if block in self._pending or block in self._blocks or self.source is None:
            return
        if self._busy and first:
            self._queued = block  # coalesce: one query at a time, for the newest listing
            return
        self._pending.add(block)
        previous_block = self._blocks.get(block - 1)
        previous = previous_block[-1] if previous_block else None
        generation, source, stop = self.generation, self.source, ReadStop()
        self._busy += 1
        self._fetching.add(stop)
        self.run_worker(
            lambda: self._fetch(source, generation, block, previous, first, stop),
            thread=True,
            group="virtual-table",
            exit_on_error=False,
        )

    def _fetch(
        self,
        source: RowSource[R],
        generation: int,
        block: int,
        previous: R | None,
        first: bool,
        stop: ReadStop,
    ) -> None:
        """Worker thread: fetch one block (a stopped read is reported as failed, and dropped
        as it belongs to an older listing)."""
        try:
            rows = source.fetch(block * BLOCK_ROWS, BLOCK_ROWS, previous, stop)
            self.post_message(self.BlockLoaded(generation, block, list(rows), first))
        except Exception as exc:  # a database error must not kill the app; show it instead
            self.post_message(self.FetchFailed(generation, f"{type(exc).__name__}: {exc}"))
        finally:
            self._fetching.discard(stop)

    def on_virtual_table_block_loaded(self, message: BlockLoaded) -> None:
        self._busy = max(self._busy - 1, 0)
        if message.generation == self.generation:
            first = not self.loaded  # the listing's first block, whoever asked for it
            if first:
                self._stale = {}
                self.total = None
            self._store(message.block, message.rows)  # type: ignore[arg-type]
            if first and self.total is None:
                self._count_later()
        self._start_queued()

    def _store(self, block: int, rows: list[R]) -> None:
        self._pending.discard(block)
        self._blocks[block] = rows
        if 0 < len(rows) < BLOCK_ROWS or (not rows and block == 0):
            self.total = block * BLOCK_ROWS + len(rows)
        elif not rows:  # past the end while the count is unknown (rows were deleted): count
            self._count_later(delay=0)
        elif self.total is not None and self.total <= (block + 1) * BLOCK_ROWS:
            self.total = None  # more rows than counted: recount lazily
        for stale in sorted(self._blocks, key=lambda b: abs(b - block))[KEEP_BLOCKS:]:
            del self._blocks[stale]
        self.error = None
        if not self.loaded:
            self.loaded = True
            self.post_message(self.Loaded(self))  # type: ignore[arg-type]
        self._resize()
        if self.total is not None and self.cursor_row >= self.total:
            self.cursor_row = max(self.total - 1, 0)
        self.refresh()
        self.post_message(self.Highlighted(self, self.cursor))  # type: ignore[arg-type]

    def on_virtual_table_counted(self, message: Counted) -> None:
        if message.generation == self.generation:  # a stale count never replaces a newer one
            self.total = message.total
            self._resize()
            if self.cursor_row >= self.total:
                self.cursor_row = max(self.total - 1, 0)
            self.refresh()
            self.post_message(self.Totalled(self))  # type: ignore[arg-type]

    def _count_later(self, delay: float | None = None) -> None:
        """Count the current listing once it has stayed the same for `delay` seconds."""
        if self.source is not None:
            self.run_worker(
                self._count(self.source, self.generation, COUNT_DELAY if delay is None else delay),
                group=COUNT_GROUP,
                exclusive=True,
                exit_on_error=False,
            )

    async def _count(self, source: RowSource[R], generation: int, delay: float) -> None:
        """Worker: wait, then count in a thread; cancelled (with its query) by a newer load."""
        stop = ReadStop()
        try:
            await asyncio.sleep(delay)
            total = await asyncio.to_thread(source.count, stop)
        except asyncio.CancelledError:
            stop.cancel()
            raise
        except ReadStopped:
            return
        except Exception:  # an interrupted statement, or a failure: the total stays unknown
            if not stop.cancelled:
                raise
            return
        self.post_message(self.Counted(generation, total))

    def on_virtual_table_fetch_failed(self, message: FetchFailed) -> None:
        self._busy = max(self._busy - 1, 0)
        if message.generation == self.generation:
            self.error = message.error
            self.loaded = True
            self.refresh()
            self.post_message(self.Loaded(self))  # type: ignore[arg-type]
        self._start_queued()

    def _start_queued(self) -> None:
        if self._queued is not None and not self._busy:
            block, self._queued = self._queued, None
            self._request(block, first=True)

    @property
    def rows_seen(self) -> int:
        """Rows the listing holds at least: the end of the farthest block read so far."""
        return max((b * BLOCK_ROWS + len(rows) for b, rows in self._blocks.items()), default=0)

    @property
    def known_rows(self) -> int:
        """Rows the table may scroll through: the count, or what has been seen so far."""
        if self.total is not None:
            return self.total
        seen = max(((b + 1) * BLOCK_ROWS for b in self._blocks), default=0)
        return seen + (BLOCK_ROWS if seen else 0)

    def _resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.known_rows + 1)

    def on_resize(self) -> None:
        self._resize()

    # --- drawing ---------------------------------------------------------------------

    def _widths(self, width: int) -> tuple[int, ...]:
        """Each column's width (0 when the table is too narrow to show it)."""
        return column_widths(self.columns, width)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            return self._line(
                [Content(c.title) for c in self.columns], "virtual-table--header", width
            )
        index = int(self.scroll_y) + y - 1
        if self.error and y == 1:
            return self._message(ui(f"Could not read: {self.error}"), width)
        if self.loaded and self.total == 0 and y == 1:
            return self._message(self.empty, width)
        if self.total is not None and index >= self.total:
            return Strip.blank(width, self.rich_style)
        row = self.row_at(index)
        if row is None:
            self._request(self._block_of(index))
            stale = self._stale.get(self._block_of(index))
            if stale is None or index % BLOCK_ROWS >= len(stale):
                return self._message(Content("…"), width)
            row = stale[index % BLOCK_ROWS]
        component = "virtual-table--cursor" if index == self.cursor_row else ""
        if not component and index % 2:
            component = "virtual-table--odd"
        return self._line(list(self._cells(row)), component, width)

    def _line(self, cells: list[Content | None], component: str, width: int) -> Strip:
        """One line of cells; a None cell lets the cell before it run on over its column."""
        style = self.get_visual_style(component) if component else self.get_visual_style()
        segments: list[Segment] = []
        for cell, column, cell_width in _spans(self.columns, self._widths(width), cells):
            fitted = cell.truncate(cell_width, ellipsis=True, pad=True)
            if column.right:
                fitted = cell.truncate(cell_width, ellipsis=True).right(cell_width)
            segments += fitted.render_segments(style)
            segments.append(Segment(" ", style.rich_style))
        strip = Strip(segments)
        return strip.crop_extend(0, width, style.rich_style)

    def _message(self, content: Content, width: int) -> Strip:
        style = self.get_visual_style("virtual-table--empty")
        strip = Strip(content.truncate(width, ellipsis=True).render_segments(style))
        return strip.crop_extend(0, width, style.rich_style)

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self, self.cursor))  # type: ignore[arg-type]

    def _visible_rows(self) -> int:
        return max(self.scrollable_content_region.height - 1, 1)

    def _scroll_to_cursor(self) -> None:
        top, visible = int(self.scroll_y), self._visible_rows()
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, immediate=True)

    # --- keys and mouse --------------------------------------------------------------

    def _move_to(self, index: int) -> None:
        last = max(self.known_rows - 1, 0)
        self.cursor_row = min(max(index, 0), last)

    def action_cursor(self, delta: int) -> None:
        self._move_to(self.cursor_row + delta)

    def action_page(self, direction: int) -> None:
        self._move_to(self.cursor_row + direction * self._visible_rows())

    def action_home(self) -> None:
        self._move_to(0)

    def action_end(self) -> None:
        if self.total is None and self.source is not None:
            self.run_worker(self._count_for_end, thread=True, exit_on_error=False)
            return
        self._move_to(self.known_rows - 1)

    def _count_for_end(self) -> None:
        """Worker thread: count the rows, then put the cursor on the last one."""
        if self.source is None:
            return
        generation, total = self.generation, self.source.count(ReadStop())

        def apply() -> None:
            if generation == self.generation:
                self.total = total
                self._resize()
                self._move_to(total - 1)

        self.app.call_from_thread(apply)

    def activate(self) -> None:
        """Choose the row under the cursor."""
        row = self.cursor
        if row is not None:
            self.post_message(self.Activated(self, row))  # type: ignore[arg-type]

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            self._click_header(offset.x + int(self.scroll_x))
            return
        index = int(self.scroll_y) + offset.y - 1
        if self.row_at(index) is None:
            return
        self.cursor_row = index
        if event.chain >= 2:
            self.activate()

    def column_offset(self, key: str) -> int:
        """Where column `key` starts, in cells from the left edge (KeyError when left out)."""
        left = 0
        for column, width in self._shown_columns():
            if column.key == key:
                return left
            left += width + 1
        raise KeyError(key)

    def shown_columns(self) -> list[str]:
        """The keys of the columns the table shows at its current width."""
        return [column.key for column, _ in self._shown_columns()]

    def _shown_columns(self) -> list[tuple[Column, int]]:
        widths = self._widths(self.scrollable_content_region.width)
        return [(c, w) for c, w in zip(self.columns, widths, strict=True) if w]

    def _click_header(self, x: int) -> None:
        left = 0
        for column, width in self._shown_columns():
            if left <= x < left + width + 1:
                self.post_message(self.HeaderClicked(self, column.key))  # type: ignore[arg-type]
                return
            left += width + 1


def _spans(
    columns: Sequence[Column], widths: Sequence[int], cells: Sequence[Content | None]
) -> list[tuple[Content, Column, int]]:
    """The cells to draw with their widths: shown columns only, a None cell widening the
    cell before it."""
    drawn: list[tuple[Content, Column, int]] = []
    for column, width, cell in zip(columns, widths, cells, strict=False):
        if not width:
            continue
        if cell is None and drawn:
            before, first, span = drawn[-1]
            drawn[-1] = (before, first, span + 1 + width)
        else:
            drawn.append((cell or Content(""), column, width))
    return drawn
