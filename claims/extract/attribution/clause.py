"""A sentence's tokens as a clause, and the token-range helpers every span rule uses."""

from __future__ import annotations

from typing import NamedTuple

from claims.extract.attribution.tokens import LEADING_FILLERS, QUOTE_MARKS, TIME_WORDS, Token, words
from claims.extract.models import Span


class Clause(NamedTuple):
    """The tokens of a sentence and the part `lo:hi` a cue may draw on."""

    tokens: list[Token]
    quotes: tuple[Span, ...]
    """Top-level quotations overlapping the sentence (they may reach into neighbours)."""
    lo: int
    hi: int

    def starts_at(self, index: int) -> bool:
        """Only fillers ("But", "And") stand between the clause start and `index`."""
        first = self.lo
        while first < index and (
            self.tokens[first].lower in LEADING_FILLERS or self.tokens[first].text in ","
        ):
            first += 1
        return first == index

    def quote_at(self, offset: int) -> Span | None:
        return next((q for q in self.quotes if q.start <= offset < q.end), None)


def words_in(tokens: list[Token], first: int, stop: int) -> int:
    """How many word tokens (not punctuation) lie in `tokens[first:stop]`."""
    return sum(1 for t in tokens[first:stop] if t.text[:1].isalnum())


def span_of(tokens: list[Token], first: int, stop: int) -> Span | None:
    """Span of tokens[first:stop] without punctuation or quote marks at the edges."""
    while first < stop and tokens[first].text in _EDGE_PUNCTUATION:
        first += 1
    while stop > first and tokens[stop - 1].text in _EDGE_PUNCTUATION:
        stop -= 1
    if first >= stop:
        return None
    return Span(start=tokens[first].start, end=tokens[stop - 1].end)


_EDGE_PUNCTUATION = frozenset({*",;:-—–", *QUOTE_MARKS})


def strip_fillers(tokens: list[Token], first: int, stop: int) -> int:
    """Skip leading fillers ("And", "But", "However") and commas."""
    while first < stop and (tokens[first].lower in LEADING_FILLERS or tokens[first].text == ","):
        first += 1
    return first


def next_comma(tokens: list[Token], at: int, stop: int) -> int | None:
    """Index of the first comma outside quotations in `tokens[at:stop]`, if any."""
    return next(
        (k for k in range(at, stop) if tokens[k].text == "," and not tokens[k].quoted), None
    )


_MORE_INSERTIONS = words("without to despite with by for as")


def inserted_phrase(token: Token) -> bool:
    """`X, angered by the vote, said`, `X, clearly tired, said`, `X, without naming him, said`."""
    lower = token.lower
    if token.quoted or not token.text[:1].islower():
        return False
    return lower in _MORE_INSERTIONS or (lower.endswith(("ed", "ly")) and len(lower) > 4)


_GENERIC_AFTER = words("a an reporters journalists his her their its this that")


def generic_next(tokens: list[Token], at: int, hi: int) -> bool:
    """`said in a statement`, `said at a rally on Monday`: the source has ended."""
    if at >= hi:
        return False
    token = tokens[at]
    return token.lower in _GENERIC_AFTER or token.lower in TIME_WORDS or token.text[:1].isdigit()
