"""What one writer already read of the claim index, kept between its documents while current.

Judging a document on a read snapshot (`claims.store.matching.snapshot`) reads, for its
candidates, their texts and how many keys each has, and the claim total: thousands of rows
a document, most of them read for an earlier document already or written by this writer
itself. None of them changes unless
what matching reads changes, and the database counts every such change
(`claims.store.matching.generation`). So a writer keeps what it read, stamped with the
generation it read it at, and adds what its own document's transaction wrote (the new claims'
texts and key sizes, the total), stamped with the generation that
transaction ended at. A snapshot at that generation reads the memo; at any other (another
writer, a reviewer's propaganda override, a rebuild, a failed or retried transaction) the
memo is forgotten and read afresh. Its values are the database's own, so judgements are the
same with it or without it. How many claims hold each key is not kept: a document's keys
are mostly new to the memo, so it saved little for the memory it took (tens of MB at 1,000
articles).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from db.engine import UNSTORABLE

MAX_ENTRIES = 120_000
"""Texts and sizes kept together (a claim has both): past it the memo starts again. 1,000
BBC articles' 16,571 claims take about 5 MB."""


@dataclass(frozen=True)
class MemoAddition:
    """What a document's transaction added to what the memo holds, once it commits."""

    before: int
    """The generation the document was judged at (and its transaction began at)."""
    after: int
    """The generation its transaction ended at."""
    texts: Mapping[int, str]
    """The new claims' texts, as stored."""
    keys: Mapping[int, Sequence[str]]
    """The new claims' keys."""


@dataclass
class IndexMemo:
    """Claim key sizes, claim texts and the claim total at `generation`."""

    generation: int | None = None
    sizes: dict[int, int] = field(default_factory=dict)
    """claim -> how many keys it has (0: none, no row)."""
    texts: dict[int, str] = field(default_factory=dict)
    total: int | None = None
    written: MemoAddition | None = None
    """What the current document's transaction wrote, until it commits (`settle`)."""

    def at(self, generation: int) -> IndexMemo:
        """The memo for a snapshot at `generation`: forgotten unless it is the memo's own."""
        if generation != self.generation or self._full():
            self.forget()
            self.generation = generation
        return self

    def forget(self) -> None:
        self.generation, self.total, self.written = None, None, None
        self.sizes, self.texts = {}, {}

    def wrote(self, written: MemoAddition | None) -> None:
        """Note what the current transaction wrote; it counts once it commits (`settle`).
        A retried transaction notes it again."""
        self.written = written

    def settle(self, committed: bool) -> None:
        """After a document's transaction: add what it wrote if it committed on top of the
        memo's generation, else forget everything (nothing is known of what happened)."""
        written, self.written = self.written, None
        if not committed or written is None or written.before != self.generation:
            self.forget()
            return
        if not storable_keys(key for found in written.keys.values() for key in found):
            self.forget()  # keys stored otherwise than written: their count is not known
            return
        for claim_id, found in written.keys.items():
            self.sizes[claim_id] = len(set(found))
        self.texts.update(written.texts)
        if self.total is not None:
            self.total += len(written.texts)
        self.generation = written.after

    def _full(self) -> bool:
        return len(self.sizes) + len(self.texts) > MAX_ENTRIES


def storable_keys(keys: Iterable[str]) -> bool:
    """Whether every key is stored as it is (no NUL or lone surrogate to replace, which could
    make two keys one row)."""
    return UNSTORABLE.search("\n".join(keys)) is None
