"""Headline colons: `Trump: ‘I’m the Worst Thing…’`, `Clinton camp: Y`."""

from __future__ import annotations

from claims.extract.attribution.clause import Clause, span_of, words_in
from claims.extract.attribution.contents import content_after
from claims.extract.attribution.cues import Cue
from claims.extract.attribution.frame import Frame, span_of_cue
from claims.extract.attribution.lexicon import PASSAGE_LABELS, CueKind
from claims.extract.attribution.tokens import Token, words
from claims.extract.models import Stance


def colon_frame(clause: Clause) -> Frame | None:
    """`Trump: ‘I’m the Worst Thing…’`, `Clinton camp: Y`, `Clinton to Planned Parenthood: Y`:
    a short name (then perhaps whom it spoke to or about), a colon, a claim."""
    tokens = clause.tokens
    colon = next((k for k, t in enumerate(tokens[:10]) if t.text == ":" and not t.quoted), -1)
    if colon < 1 or tokens[0].lower in PASSAGE_LABELS or tokens[colon - 1].lower in PASSAGE_LABELS:
        return None
    name_end = _headline_name_end(tokens, colon)
    if name_end is None:
        return None
    content = content_after(clause, colon + 1)
    if not content or words_in(tokens, colon + 1, clause.hi) < 3:
        return None
    cue = Cue(colon, colon, ":", CueKind.SAY, Stance.NEUTRAL)
    return Frame(cue, span_of_cue(tokens, cue), span_of(tokens, 0, name_end), content)


def _headline_name_end(tokens: list[Token], colon: int) -> int | None:
    """Where the speaker's name before a headline colon ends (`Clinton camp`), or None."""
    for token in tokens[:colon]:
        text = token.text
        if not text[:1].isupper() and text not in ".’'" and token.lower not in _HEADLINE_GROUPS:
            return None
    return colon if colon <= 7 else None


_HEADLINE_GROUPS = words("camp campaign aide aides spokesman spokeswoman allies")
