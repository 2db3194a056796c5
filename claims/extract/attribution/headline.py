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
    end = colon
    for k, token in enumerate(tokens[:colon]):
        text = token.text
        if text[:1].isupper() or text in ".’'" or token.lower in _HEADLINE_GROUPS:
            continue
        inside = 0 < k < colon - 1
        if inside and token.lower in _TO_WHOM and tokens[k + 1].text[:1].isupper():
            if token.lower != "at":  # `Mukasey at RNC:` spoke there, as Mukasey at RNC
                end = min(end, k)  # `Clinton to Planned Parenthood:`: Clinton speaks
            continue
        return None
    return end if colon <= 7 else None


_HEADLINE_GROUPS = words("camp campaign aide aides spokesman spokeswoman allies editorial")

_TO_WHOM = words("to at on")
"""Words before whom or where a headline's speaker spoke (`Obama to Asians:`)."""
