"""Which side of a verb cue holds its content when the punctuation around it misleads.

A quotation before the subject is usually the content (`“Y,” X said`), but not when it
closed its own sentence or is a title inside the writer's words; a comma before the verb
usually ends an inverted content (`Y, said X`), but not after a subject with its apposition.
"""

from __future__ import annotations

from claims.extract.attribution.clause import Clause
from claims.extract.attribution.contents import embedded_quote
from claims.extract.attribution.cues import Cue
from claims.extract.attribution.source_before import left_source
from claims.extract.attribution.tokens import CLOSE_QUOTES, PREPOSITIONS, TIME_WORDS, words
from claims.extract.models import Span


def subject_with_apposition(clause: Clause, cue: Cue) -> bool:
    """`X's campaign manager, Jo Roe, said Y`: the whole stretch from the sentence start to
    the comma is the subject with its apposition, so a clause after the verb is the content."""
    tokens = clause.tokens
    source = left_source(tokens, cue.first, clause.lo)
    if source is None or source[1] < cue.first - 1 or tokens[source[0]].lower in PREPOSITIONS:
        return False
    if not clause._replace(lo=0).starts_at(source[0]):
        return False
    inside = tokens[source[0] : source[1]]
    return any(t.text == "," for t in inside) and not any(t.lower in _FINITE for t in inside)


_FINITE = words("is are was were has have had will would can could should may might must does did")
"""A stretch holding one of these is a clause, not a subject (`Despite X, the economy is`)."""


def subject_follows_quote(clause: Clause, cue: Cue) -> bool:
    """`“Y,” X said after the meeting, adding ...`: the quotation is the content.

    Whatever follows the verb (an adverbial, a participle, an audience) belongs to the
    attribution of the quotation that ends just before the subject.
    """
    tokens = clause.tokens
    source = left_source(tokens, cue.first, clause.lo)
    if source is None or source[0] <= clause.lo:
        return False
    before = source[0] - 1
    if tokens[before].text == "," and before > clause.lo and not tokens[before].quoted:
        before -= 1
    if not tokens[before].quoted:
        return False
    quote = clause.quote_at(tokens[before].start)
    return quote is None or not _title_then_report(clause, cue, quote)


def _title_then_report(clause: Clause, cue: Cue, quote: Span) -> bool:
    """`On Fox’s “Hannity,” Gingrich said if Y`: a quotation inside the writer's words before
    the subject is a title or a phrase, not the speaker's quotation, when a clause follows
    the verb at once."""
    tokens = clause.tokens
    after = cue.last + 1
    if after >= clause.hi or not embedded_quote(tokens, clause.lo, quote):
        return False
    first = tokens[after]
    opens_clause = first.text[:1].isalpha() and not first.quoted
    return opens_clause and first.lower not in PREPOSITIONS and first.lower not in _TIME_OPENERS


def closed_quote_before(clause: Clause, cue: Cue) -> bool:
    """`“... gender identity.” Cruz says he is not familiar with it`: a quotation that ends
    its own sentence before the subject is not what the verb with a clause after it reports."""
    tokens = clause.tokens
    source = left_source(tokens, cue.first, clause.lo)
    if source is None or source[0] < clause.lo + 2:
        return False
    mark, last = tokens[source[0] - 1], tokens[source[0] - 2]
    return mark.text in CLOSE_QUOTES and last.text in _FULL_STOPS


_FULL_STOPS = frozenset(".!?")


_TIME_OPENERS = TIME_WORDS | words("on in during last this next earlier late early")
