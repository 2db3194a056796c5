"""Headline colons: `Trump: ‘I’m the Worst Thing…’`, `Clinton camp: Y`."""

from __future__ import annotations

from claims.extract.attribution.clause import Clause, span_of, words_in
from claims.extract.attribution.contents import content_after
from claims.extract.attribution.cues import Cue
from claims.extract.attribution.frame import Frame, span_of_cue
from claims.extract.attribution.lexicon import PASSAGE_LABELS, VERB_CUES, CueKind
from claims.extract.attribution.tokens import AUXILIARIES, PREPOSITIONS, PRONOUNS, Token, words
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
    verb = name_end == colon - 1 and _past_verb(tokens[name_end])  # `Vell interjected:`
    cue = Cue(name_end if verb else colon, colon, ":", CueKind.SAY, Stance.NEUTRAL)
    return Frame(cue, span_of_cue(tokens, cue), span_of(tokens, 0, name_end), content)


def _headline_name_end(tokens: list[Token], colon: int) -> int | None:
    """Where the speaker's name before a headline colon ends (`Clinton camp`), or None."""
    end = colon
    quotation = colon + 1 < len(tokens) and tokens[colon + 1].quoted
    if quotation and tokens[0].lower in PREPOSITIONS:
        return None  # `In a statement: “Y”`
    for k, token in enumerate(tokens[:colon]):
        text = token.text
        if text[:1].isupper() or text in ".’'" or token.lower in _HEADLINE_GROUPS:
            continue
        if quotation and k and _role_word(token) and _named_speaker(tokens, colon):
            if k == colon - 1 and _past_verb(token):
                end = k  # `Vell interjected: “Y”`: the verb is the cue
            continue  # `Republican pollster Daron Shaw: “Y”`, `Rep. Trey Gowdy (R-S.C.): “Y”`
        inside = 0 < k < colon - 1
        if inside and token.lower in _TO_WHOM and tokens[k + 1].text[:1].isupper():
            if token.lower != "at":  # `Mukasey at RNC:` spoke there, as Mukasey at RNC
                end = min(end, k)  # `Clinton to Planned Parenthood:`: Clinton speaks
            continue
        return None
    return end if colon <= (_QUOTED_NAME if quotation else 7) else None


_QUOTED_NAME = 10
"""Tokens a speaker's name and role may take before a colon that opens a quotation."""


def _named_speaker(tokens: list[Token], colon: int) -> bool:
    """The words before the colon end in a name (`pollster Daron Shaw`, `(R-S.C.)`), or are a
    name and one past-tense verb (`Hannity interjected:`); not `His final assessment:`."""
    last = tokens[colon - 1]
    if last.text[:1].isupper() or last.text == ")":
        return True
    named = all(t.text[:1].isupper() or t.text == "." for t in tokens[: colon - 1])
    return named and _past_verb(last)


def _past_verb(token: Token) -> bool:
    return token.text.islower() and token.text.isalpha() and token.lower.endswith("ed")


def _role_word(token: Token) -> bool:
    """A lower-case word of a role or a party label before a colon, not a verb or pronoun."""
    if token.text in "()-,":
        return True
    lower = token.lower
    if not token.text.isalpha() or lower in VERB_CUES or lower in AUXILIARIES:
        return False
    return lower not in PRONOUNS and lower not in PREPOSITIONS - words("of for at")


_HEADLINE_GROUPS = words("camp campaign aide aides spokesman spokeswoman allies editorial")

_TO_WHOM = words("to at on")
"""Words before whom or where a headline's speaker spoke (`Obama to Asians:`)."""
