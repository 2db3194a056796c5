"""Long lists cut into pieces that one `IN (...)` list or one multi-row insert can take."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

IN_LIST_SIZE = 900
"""Ids or keys per IN (...) list: well under every backend's bound-parameter limit."""


def chunks(items: Sequence[T], size: int = IN_LIST_SIZE) -> Iterator[list[T]]:
    """`items` in order, `size` at a time."""
    for start in range(0, len(items), size):
        yield list(items[start : start + size])
