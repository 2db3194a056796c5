"""Finding top-level quotations in one linear pass, without recursion or backtracking.

A quotation never runs over a line break (except a break inside a sentence, before a
lower-case word). An opening mark still open at the end of its line is unclosed, unless the
next paragraph opens the quotation again (the newspaper way of quoting on); in text whose
paragraph breaks were lost, an opening mark after a sentence's end and before a capital
(`...squad. "We believe`) opens that next paragraph's quotation rather than closing one; the
sentence
holding an unclosed mark is left unattributed rather than letting it swallow the rest of
the document. Nesting is counted with an integer, so 8,000 nested «» cost 8,000
steps. Single quotes are ignored at the top level (they double as apostrophes); the doubled
apostrophe `''` of some wire copy counts as a double quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from pydantic import BaseModel, ConfigDict

from claims.extract.models import Span

_MARK = re.compile(r"''|[“”„«»‹›\"\n]")

_CLOSERS_FOR: dict[str, str] = {
    "“": '”"',
    "„": '“”"',
    "«": "»",
    "‹": "›",
    "»": "«",
    '"': '"”',
    "”": "”",
    "''": "''",
}
"""Opening mark -> marks that close it (German „…“, Danish »…«, Swedish ”…”)."""

_SYMMETRIC = frozenset({'"', "”", "»", "''"})

_NESTABLE = frozenset({"“", "„", "«", "‹"})


class QuoteScan(BaseModel):
    """The quotations of a text and the offsets of opening marks that never close."""

    model_config = ConfigDict(frozen=True)

    quotes: tuple[Span, ...]
    """Closed top-level quotations, marks included, in text order."""
    unclosed: tuple[int, ...]
    """Offsets of opening marks left open at the end of their line."""


def scan_quotes(text: str) -> QuoteScan:
    """Find every closed top-level quotation and every unclosed opening mark."""
    quotes: list[Span] = []
    unclosed: list[int] = []
    start = -1
    opener = ""
    depth = 0
    for found in _MARK.finditer(text):
        mark, at = found.group(), found.start()
        if mark == "\n":
            if depth and not _soft_wrap(text, at):
                if _quote_continues(text, at, opener):
                    quotes.append(Span(start=start, end=at))
                else:
                    unclosed.append(start)
                depth = 0
        elif not depth:
            if mark in _CLOSERS_FOR and (
                mark not in _SYMMETRIC or _word_follows(text, found.end())
            ):
                start, opener, depth = at, mark, 1
        elif mark == opener and mark in _REOPENERS and _reopens(text, at, found.end()):
            quotes.append(Span(start=start, end=_before_space(text, at)))
            start, depth = at, 1
        elif mark in _CLOSERS_FOR[opener] and (mark not in _SYMMETRIC or at > start + 1):
            depth -= 1
            if not depth:
                end = found.end()
                if mark == "''" and text[end : end + 1] == "'":
                    end += 1  # `''... 'Fox and Friends,'''`: an inner quote closes first
                quotes.append(Span(start=start, end=end))
        elif mark == opener and opener in _NESTABLE:
            depth += 1
    if depth:
        unclosed.append(start)
    return QuoteScan(quotes=tuple(quotes), unclosed=tuple(unclosed))


class QuoteIndex:
    """A text's quotations (sorted, never overlapping) looked up by bisection, so that a long
    document's sentences find theirs in logarithmic time rather than by a scan each."""

    def __init__(self, scan: QuoteScan) -> None:
        self.quotes = scan.quotes
        self._ends = [q.end for q in scan.quotes]
        self._keys = frozenset((q.start, q.end) for q in scan.quotes)
        self._unclosed = sorted(scan.unclosed)

    def overlapping(self, span: Span) -> tuple[Span, ...]:
        """The quotations that overlap `span`, in text order."""
        at = bisect_right(self._ends, span.start)
        stop = at
        while stop < len(self.quotes) and self.quotes[stop].start < span.end:
            stop += 1
        return self.quotes[at:stop]

    def is_quote(self, span: Span) -> bool:
        """`span` is exactly one of the quotations."""
        return (span.start, span.end) in self._keys

    def holds_unclosed(self, span: Span) -> bool:
        """An opening mark that never closes lies inside `span`."""
        at = bisect_left(self._unclosed, span.start)
        return at < len(self._unclosed) and self._unclosed[at] < span.end


def _quote_continues(text: str, at: int, opener: str) -> bool:
    """A quoted paragraph left open because the next one reopens the quotation (news style)."""
    rest = text[at : at + 200].lstrip()
    return rest.startswith(opener) and opener not in _SYMMETRIC - {'"'}


_REOPENERS = frozenset({'"', "“"})
_SENTENCE_END = re.compile(r"[.?!]\s+$")


def _reopens(text: str, at: int, after: int) -> bool:
    """An opening mark after a full stop and a space, before a capital: a quotation that went
    on into a next paragraph (its break lost) opens again, as `_quote_continues` reads it."""
    return (
        after < len(text)
        and text[after].isupper()
        and _SENTENCE_END.search(text, max(0, at - 4), at) is not None
    )


def _before_space(text: str, at: int) -> int:
    while at and text[at - 1].isspace():
        at -= 1
    return at


def _soft_wrap(text: str, at: int) -> bool:
    """A line break inside a sentence (`personally\nin caucuses`) does not end a quotation."""
    before = text[max(0, at - 1) : at]
    after = text[at + 1 : at + 2]
    return bool(before) and (before.isalpha() or before == ",") and after.islower()


def _word_follows(text: str, index: int) -> bool:
    """A symmetric mark opens only where a word starts after it (not `5" 2`)."""
    return index < len(text) and not text[index].isspace()
