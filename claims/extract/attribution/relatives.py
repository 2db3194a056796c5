"""Reports inside a relative clause of the subject: `X, who has endorsed Y, said Z`.

The relative clause describes the source; the verb after its closing comma is the sentence's
own report. Without this the clause's content ran on over the main verb (`Y, said Z`) and
the main report was lost inside it.
"""

from __future__ import annotations

from claims.extract.attribution.cues import Cue
from claims.extract.attribution.frame import Frame
from claims.extract.attribution.tokens import AUXILIARIES, RELATIVES, TIME_WORDS, Token

_MAX_SKIPPED = 4
"""Auxiliaries, adverbs and time words between the closing comma and the main verb."""


def relative_clause_end(previous: Frame, tokens: list[Token], cue: Cue) -> int | None:
    """The comma that closes a relative clause whose report holds `cue` as the main verb
    (`X, who has endorsed Y, said Z` -> the comma before "said"), or None."""
    source = previous.source
    if source is None or tokens[cue.last].lower.endswith("ing"):
        return None
    relative = next((k for k, t in enumerate(tokens) if t.start == source.start), None)
    if relative is None or tokens[relative].lower not in RELATIVES:
        return None
    if tokens[relative].end != source.end or relative == 0:
        return None
    offset = tokens[cue.first].start
    if not any(c.start <= offset < c.end for c in previous.content):
        return None
    comma = cue.first - 1
    while comma > relative and cue.first - comma <= _MAX_SKIPPED and _skippable(tokens[comma]):
        comma -= 1
    if comma <= previous_cue_end(tokens, previous) or tokens[comma].text != ",":
        return None
    return None if tokens[comma].quoted else comma


def previous_cue_end(tokens: list[Token], frame: Frame) -> int:
    """Index of the last token of a frame's cue."""
    return max(k for k, t in enumerate(tokens) if t.start < frame.cue_span.end)


def _skippable(token: Token) -> bool:
    lower = token.lower
    return lower in AUXILIARIES or lower in TIME_WORDS or (lower.endswith("ly") and len(lower) > 4)


def governing_first(frames: list[Frame], tokens: list[Token]) -> list[Frame]:
    """A relative clause's frame whose cue lies inside a later frame's source describes that
    source: the later frame governs the sentence and comes first."""
    relatives = {t.start for t in tokens if t.lower in RELATIVES}
    ordered = list(frames)
    for later in range(1, len(ordered)):
        source = ordered[later].source
        if source is None:
            continue
        for earlier in range(later):
            inner = ordered[earlier]
            if inner.source is None or inner.source.start not in relatives:
                continue
            if source.start <= inner.cue_span.start < source.end:
                frame = ordered.pop(later)
                ordered.insert(earlier, frame)
                break
    return ordered
