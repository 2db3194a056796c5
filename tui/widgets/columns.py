"""Table columns that fit the terminal: fixed and flexible widths, and which to leave out first.

A column that would show only a letter of its title helps nobody, so when a table is too
narrow whole columns are left out, least useful first, and the flexible ones (the claim text)
share whatever room is left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Column:
    """A column: its key, title, width and alignment, and how it gives way on narrow screens."""

    key: str
    title: str
    width: int = 0
    """Cells wide; 0 for a flexible column that shares the room left."""
    right: bool = False
    grow: int = 1
    """A flexible column's share of the room left over."""
    min_width: int = 16
    """The least a flexible column is given."""
    drop: int = 0
    """Columns are left out of a narrow table highest `drop` first; 0 is never left out."""

    @property
    def least(self) -> int:
        return self.width or self.min_width


def column_widths(columns: Sequence[Column], width: int) -> tuple[int, ...]:
    """The width of each column in a table `width` cells wide; 0 for a column left out."""
    return _widths(tuple(columns), width)


@lru_cache(maxsize=64)
def _widths(columns: tuple[Column, ...], width: int) -> tuple[int, ...]:
    shown = list(columns)
    while _needed(shown) > width and any(c.drop for c in shown):
        victim = max(reversed(shown), key=lambda c: c.drop)
        shown.remove(victim)
    flexible = [c for c in shown if not c.width]
    room = width - _needed(shown)
    total = sum(c.grow for c in flexible) or 1
    extra = {c.key: max(room, 0) * c.grow // total for c in flexible}
    if flexible:  # the rounding remainder goes to the first flexible column
        extra[flexible[0].key] += max(room, 0) - sum(extra.values())
    return tuple((c.width or c.min_width + extra[c.key]) if c in shown else 0 for c in columns)


def _needed(columns: Sequence[Column]) -> int:
    return sum(c.least for c in columns) + max(len(columns) - 1, 0)
