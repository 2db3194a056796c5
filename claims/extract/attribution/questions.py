"""Questions and short answers: `Asked whether Y, ...`, `X asked about Y`, `X said yes`."""

from __future__ import annotations

from claims.extract.attribution.clause import Clause, span_of, words_in
from claims.extract.attribution.contents import content_after
from claims.extract.attribution.cues import Cue
from claims.extract.attribution.frame import Frame, span_of_cue
from claims.extract.attribution.lexicon import CueKind
from claims.extract.attribution.source_before import left_source
from claims.extract.attribution.tokens import CLOSE_QUOTES, OPEN_QUOTES, TIME_WORDS, Token, words
from claims.extract.models import Span

_QUESTION_WORDS = words("if whether what why how when where who whom which about")


def question_frame(clause: Clause, cue: Cue) -> Frame | None:
    """`Asked whether Y, ...` / `X asked (by Z) about Y`: the question is the content."""
    tokens = clause.tokens
    at = cue.last + 1
    agent = None
    while at < clause.hi and tokens[at].lower in TIME_WORDS:
        at += 1  # `Asked Tuesday about Y`
    if at < clause.hi and tokens[at].lower == "by":
        stop = at + 1
        while stop < clause.hi and tokens[stop].lower not in _QUESTION_WORDS:
            if tokens[stop].text in ",;:" or tokens[stop].quoted or stop - at > 8:
                return None
            stop += 1
        agent, at = span_of(tokens, at + 1, stop), stop
    if cue.kind is CueKind.BY and agent is None and _quoted_question(tokens, at, clause.hi):
        quoted = content_after(clause, at + 1)  # `X was asked, “Y?”`
        return Frame(cue, span_of_cue(tokens, cue), None, quoted) if quoted else None
    if at >= clause.hi or tokens[at].lower not in _QUESTION_WORDS or tokens[at].quoted:
        return None
    end = at
    while end < clause.hi and tokens[end].text not in ",;:.?!":
        if tokens[end].quoted:
            closing = _quoted_phrase_end(tokens, end, clause.hi)
            if closing is None:
                break
            end = closing  # `Asked if X is “realistic enough,” Y said`
            break
        end += 1
    first = at + 1 if tokens[at].lower == "about" else at
    content = span_of(tokens, first, end)
    if content is None or words_in(tokens, first, end) < 2:
        return None
    if cue.kind is CueKind.BY:
        return Frame(cue, span_of_cue(tokens, cue), agent, (content,))  # the agent asks
    source = left_source(tokens, cue.first, clause.lo)
    if source is not None and tokens[source[0]].lower not in ("when", "if", "after"):
        agent = span_of(tokens, *source)
    return Frame(cue, span_of_cue(tokens, cue), agent, (content,))


def _quoted_question(tokens: list[Token], at: int, hi: int) -> bool:
    """A comma or colon, then a quotation, right after a passive "asked"."""
    return at + 1 < hi and tokens[at].text in ",:" and tokens[at + 1].text in OPEN_QUOTES


_MAX_QUOTED_PHRASE = 15


def _quoted_phrase_end(tokens: list[Token], first: int, hi: int) -> int | None:
    """Index after a short quotation inside a question that ends with its comma (`“realistic
    enough,”`) or goes on unquoted; None when the quotation runs long."""
    for k in range(first, min(hi, first + _MAX_QUOTED_PHRASE)):
        if not tokens[k].quoted:
            return k if tokens[k - 1].text not in ",." else None
        if tokens[k].text in CLOSE_QUOTES and k > first and tokens[k - 1].text == ",":
            return k + 1
    return None


_ANSWERS = words("yes no so")


def short_answer(clause: Clause, cue: Cue) -> Frame | None:
    """`Most voters said yes.`: the one-word answer is the content."""
    tokens = clause.tokens
    at = cue.last + 1
    if cue.kind is not CueKind.SAY or at >= clause.hi or tokens[at].lower not in _ANSWERS:
        return None
    if at + 1 < clause.hi and tokens[at + 1].text[:1].isalnum():
        return None
    source = left_source(tokens, cue.first, clause.lo)
    if source is None:
        return None
    answer = Span(start=tokens[at].start, end=tokens[at].end)
    return Frame(cue, span_of_cue(tokens, cue), span_of(tokens, *source), (answer,))
