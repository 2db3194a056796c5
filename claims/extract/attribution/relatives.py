"""Reports inside a relative clause of the subject: `X, who has endorsed Y, said Z`.

The relative clause describes the source; the verb after its closing comma is the sentence's
own report. Without this the clause's content ran on over the main verb (`Y, said Z`) and
the main report was lost inside it.
"""

from __future__ import annotations

from claims.extract.attribution.clause import Clause, span_of
from claims.extract.attribution.contents import content_after
from claims.extract.attribution.cues import Cue
from claims.extract.attribution.frame import Frame, span_of_cue
from claims.extract.attribution.source_before import left_source
from claims.extract.attribution.tokens import (
    AUXILIARIES,
    CLOSE_QUOTES,
    RELATIVES,
    TIME_WORDS,
    Token,
)
from claims.extract.attribution.verb_tail import read_tail
from claims.extract.models import Span

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
    if not any(c.start <= offset < c.end for c in previous.content) and not _after_content(
        previous, offset
    ):
        return None
    comma = cue.first - 1
    while comma > relative and cue.first - comma <= _MAX_SKIPPED and _skippable(tokens[comma]):
        comma -= 1
    if comma <= previous_cue_end(tokens, previous):
        return None
    if quoted_comma_closes(tokens, comma):
        return comma  # `X, who calls Y a “sociopath,” said Z`
    if tokens[comma].text != ",":
        return None
    return None if tokens[comma].quoted else comma


def quoted_comma_closes(tokens: list[Token], at: int) -> bool:
    """A quotation that ends the relative clause with its comma inside (`a “sociopath,”`)."""
    return at >= 1 and tokens[at].text in CLOSE_QUOTES and tokens[at - 1].text == ","


def relative_main_frame(clause: Clause, cue: Cue, closing: int) -> Frame | None:
    """`X, who calls Y a “sociopath,” said Z`: after a relative clause that ends in a
    quotation, the verb is the sentence's own, its source the subject the clause is about
    (the relative clause with it, as for an unquoted clause) and its content what follows."""
    tokens = clause.tokens
    relative = next(
        (
            k
            for k in range(closing - 1, 0, -1)
            if tokens[k].lower in RELATIVES and not tokens[k].quoted
        ),
        None,
    )
    if relative is None or tokens[relative - 1].text != ",":
        return None
    head = left_source(tokens, relative, 0)
    tail = read_tail(clause, cue)
    if head is None or not tail.clause_like:
        return None
    content = content_after(clause, tail.at, stop_at_clause=True)
    if not content:
        return None
    source = span_of(tokens, head[0], closing + 1)
    return Frame(cue, span_of_cue(tokens, cue), source, content, tail.addressee)


def _after_content(previous: Frame, offset: int) -> bool:
    """`X, who called time on England earlier this year, said Z`: the clause's object ended
    before a time phrase, and the main verb comes after it."""
    return bool(previous.content) and previous.content[-1].end <= offset


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


_FINITE_AUXILIARIES = frozenset(
    {"has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could"}
    | {"may", "might", "must", "should", "do", "does", "did"}
)


def clause_content(frame: Frame, tokens: list[Token]) -> Frame:
    """`X, who strongly support Y, have also seen Z`: the content of a report inside a
    relative clause ends at the comma before the main clause's verb."""
    source = frame.source
    if source is None or not frame.content:
        return frame
    relative = next((k for k, t in enumerate(tokens) if t.start == source.start), None)
    if relative is None or relative == 0 or tokens[relative].lower not in RELATIVES:
        return frame
    if tokens[relative].end != source.end or tokens[relative - 1].text != ",":
        return frame
    content = frame.content[0]
    for k, token in enumerate(tokens):
        if token.start < content.start or token.text != "," or token.quoted:
            continue
        if token.start >= frame.content[-1].end:
            break
        verb = k + 1
        while verb < len(tokens) and verb - k <= _MAX_SKIPPED and _adverb(tokens[verb]):
            verb += 1
        if verb < len(tokens) and tokens[verb].lower in _FINITE_AUXILIARIES:
            end = tokens[k - 1].end
            kept = tuple(
                Span(start=c.start, end=min(c.end, end)) for c in frame.content if c.start < end
            )
            return frame._replace(content=kept) if kept else frame
        return frame  # only the first comma: `the plan, in its form, is unfair` goes on
    return frame


def _adverb(token: Token) -> bool:
    lower = token.lower
    return lower in TIME_WORDS or (lower.endswith("ly") and len(lower) > 4) or lower == "also"
