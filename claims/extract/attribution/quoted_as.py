"""Relayed speech: `X quoted Y as saying Z`, `X cited Y as saying Z`, `Y was quoted (by X) as
saying Z`.

Y said Z and X relayed it: the frame's source is X, its `cited` slot Y (the speaker, as for
`The agency, citing security sources, said`) and its `relay` the verb X relayed with. With no
relay named (`Y was quoted as saying Z`) Y is the source and nobody is cited.
"""

from __future__ import annotations

from claims.extract.attribution.clause import Clause, span_of
from claims.extract.attribution.contents import content_after
from claims.extract.attribution.cues import Cue, relay_verb
from claims.extract.attribution.frame import Frame, span_of_cue
from claims.extract.attribution.source_before import left_source
from claims.extract.attribution.tokens import words
from claims.extract.attribution.verb_tail import read_tail

_PASSIVE_AUXILIARIES = words("is are was were be been being")


def quoted_as_frame(clause: Clause, cue: Cue) -> Frame | None:
    """The frame of a speech verb after `as` and a relay verb, or None for any other cue."""
    tokens = clause.tokens
    relay = relay_verb(tokens, cue.first - 1) if cue.first - 1 > clause.lo else None
    if relay is None or relay < clause.lo:
        return None
    content = content_after(clause, read_tail(clause, cue).at)
    if not content:
        return None
    cue_span = span_of_cue(tokens, cue)
    relay_span = span_of(tokens, relay, relay + 1)
    passive = relay > clause.lo and tokens[relay - 1].lower in _PASSIVE_AUXILIARIES
    if passive:
        speaker_range = left_source(tokens, relay - 1, clause.lo)
        by = relay + 1 < cue.first - 1 and tokens[relay + 1].lower == "by"
        outlet = span_of(tokens, relay + 2, cue.first - 1) if by else None
        speaker = span_of(tokens, *speaker_range) if speaker_range else None
    else:
        outlet_range = left_source(tokens, relay, clause.lo)
        outlet = span_of(tokens, *outlet_range) if outlet_range else None
        speaker = span_of(tokens, relay + 1, cue.first - 1)
    if speaker is None:
        return None
    if outlet is None:
        return Frame(cue, cue_span, speaker, content)
    return Frame(cue, cue_span, outlet, content, cited=speaker, relay=relay_span)
