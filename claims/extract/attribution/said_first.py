"""A speech verb opening its sentence before the speaker: `Said Jane Doe, a nurse, “Y”`,
`But, said Tom Reed, “Y”`.

The inverted order of `“Y,” said X` with the quotation after: the source runs from the verb
to the last comma before the quotation (an apposition or relative clause stays in it, as
PolNeAR marks it), and the quotation is the content.
"""

from __future__ import annotations

from claims.extract.attribution.clause import Clause, span_of, strip_fillers
from claims.extract.attribution.contents import content_after
from claims.extract.attribution.cues import Cue
from claims.extract.attribution.frame import Frame, span_of_cue
from claims.extract.attribution.lexicon import CueKind
from claims.extract.attribution.tokens import OPEN_QUOTES

_MAX_SOURCE = 25
"""Tokens the speaker and an apposition may take between the verb and the quotation."""


def said_first_frame(clause: Clause, cue: Cue) -> Frame | None:
    """The frame of a speech verb that opens its sentence (after "But,", "And") and is
    followed by a name, a comma and a quotation; None for any other cue."""
    tokens = clause.tokens
    if cue.kind is not CueKind.SAY or cue.first != cue.last:
        return None
    if strip_fillers(tokens, clause.lo, cue.first) != cue.first or tokens[cue.first].quoted:
        return None
    if cue.first + 1 >= clause.hi or not tokens[cue.first + 1].text[:1].isupper():
        return None  # `Said to be ill, X`: no name follows
    comma = None
    for k in range(cue.first + 2, min(clause.hi - 1, cue.first + _MAX_SOURCE)):
        if tokens[k].quoted:
            break
        if tokens[k].text == "," and tokens[k + 1].text in OPEN_QUOTES:
            comma = k
            break
    if comma is None:
        return None
    source = span_of(tokens, cue.first + 1, comma)
    content = content_after(clause, comma + 1)
    if source is None or not content:
        return None
    return Frame(cue, span_of_cue(tokens, cue), source, content)
