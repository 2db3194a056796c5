"""Relayed speech: `X quoted Y as saying Z`, `X cited Y as saying Z`, `Y was quoted (by X) as
saying Z`, `X quoted Y as having said Z`.

Y said Z and X relayed it: the frame's source is X, its `cited` slot Y (the speaker, as for
`The agency, citing security sources, said`) and its `relay` the verb X relayed with. With no
relay named (`Y was quoted as saying Z`) Y is the source and nobody is cited.
"""

from __future__ import annotations

from claims.extract.attribution.clause import Clause, span_of
from claims.extract.attribution.contents import content_after, content_before
from claims.extract.attribution.cues import Cue, relay_verb
from claims.extract.attribution.frame import Frame, span_of_cue
from claims.extract.attribution.source_before import left_source
from claims.extract.attribution.tokens import words
from claims.extract.attribution.verb_tail import read_tail
from claims.extract.models import Span

_PASSIVE_AUXILIARIES = words("is are was were be been being")


def quoted_as_frame(clause: Clause, cue: Cue) -> Frame | None:
    """The frame of a speech verb after `as` and a relay verb, or None for any other cue."""
    tokens = clause.tokens
    found = relay_verb(tokens, cue.first)
    if found is None or found[0] < clause.lo:
        return None
    relay, as_at = found
    passive = relay > clause.lo and tokens[relay - 1].lower in _PASSIVE_AUXILIARIES
    subject = left_source(tokens, relay - 1 if passive else relay, clause.lo)
    if passive:
        by = relay + 1 < as_at and tokens[relay + 1].lower == "by"
        outlet = span_of(tokens, relay + 2, as_at) if by else None
        speaker = span_of(tokens, *subject) if subject else None
    else:
        outlet = span_of(tokens, *subject) if subject else None
        speaker = span_of(tokens, relay + 1, as_at)
    first = subject[0] if subject else relay
    content = _content(clause, cue, first)
    if speaker is None or not (content or clause.starts_at(first)):
        return None  # with nothing before or after (`Vox quoted him as saying.`) the caller
        # borrows a neighbouring quotation
    cue_span = span_of_cue(tokens, cue)
    if outlet is None:
        return Frame(cue, cue_span, speaker, content)
    relay_span = span_of(tokens, relay, relay + 1)
    return Frame(cue, cue_span, outlet, content, cited=speaker, relay=relay_span)


def _content(clause: Clause, cue: Cue, first: int) -> tuple[Span, ...]:
    """What follows `as saying`, or what is written before the subject when nothing does
    (`“Z,” Vox quoted Y as saying.`, `Z, Vox quoted him as saying in a statement.`)."""
    tail = read_tail(clause, cue)
    if tail.clause_like:
        return content_after(clause, tail.at)
    tokens = clause.tokens
    boundary = first > clause.lo and (tokens[first - 1].text in ",—–" or tokens[first - 1].quoted)
    return content_before(clause, clause.lo, first) if boundary else ()
