"""Mentions kept in text order, for looking back from a source to what it may mean.

`coreference.Mentions` keeps one such list for all mentions, one for people and one per
(word, person) pair and per surname, so that a pronoun or a description scans only the
mentions that may fit it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from claims.extract.attribution.names import Mention

SURNAME_WORDS = 3
"""A surname is read with up to three words (`Vries`, `de Vries`)."""


class Ordered:
    """Mentions sorted by start, one per start (a later one at the same start replaces it)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.items: list[Mention] = []

    def put(self, mention: Mention) -> Mention | None:
        """Insert `mention`, or replace the one at its start (returned)."""
        at = bisect_left(self.starts, mention.start)
        if at < len(self.starts) and self.starts[at] == mention.start:
            old = self.items[at]
            self.items[at] = mention
            return old
        self.starts.insert(at, mention.start)
        self.items.insert(at, mention)
        return None

    def drop(self, mention: Mention) -> None:
        at = bisect_left(self.starts, mention.start)
        if at < len(self.starts) and self.items[at] is mention:
            del self.starts[at]
            del self.items[at]

    def last(self, before: int, fits: Callable[[Mention], bool]) -> Mention | None:
        """The last mention ending by `before` that fits."""
        for at in range(bisect_left(self.starts, before) - 1, -1, -1):
            mention = self.items[at]
            if mention.end <= before and fits(mention):
                return mention
        return None


def surnames(words: list[str]) -> list[tuple[str, ...]]:
    """The endings a full name may be shortened to, by one to three words (`Vries`, `de Vries`
    for `Jan de Vries`): one look-up per surname, whatever the number of earlier mentions."""
    return [tuple(words[-k:]) for k in range(1, min(SURNAME_WORDS, len(words) - 1) + 1)]
