"""What a relative "which" hangs on: the body or thing named right before it, past an
apposition that describes it (`Brent Data, a firm run by Tom Reed, which said`: Brent Data),
never the person named inside the apposition: a writer who says "which" means a thing, so a
two-word name before it (`Brent Data`) is a body however personal it looks."""

from __future__ import annotations

from claims.extract.attribution.mention_kinds import BODY_NOUNS, in_noun_phrase
from claims.extract.attribution.names import LEADING_WORDS, name_runs
from claims.extract.attribution.outlets import MEDIA_NOUNS
from claims.extract.attribution.speech_sense import EVIDENCE
from claims.extract.attribution.tokens import Token, words

_APPOSITION_LEADS = words("a an the")
"""Words that open an apposition after a name (`, a firm run by X,`)."""

_MAX_APPOSITION = 12
_MAX_DESCRIPTION = 5


def which_head(tokens: list[Token], at: int) -> tuple[int, int] | None:
    """Token range `[first, stop)` of what the "which" at `tokens[at]` hangs on: a name right
    before it, the name before an apposition (`X, a firm run by Y, which`), or a description
    (`the council, which`) whose head is a body; None when no body stands there."""
    end = at - 1 if at and tokens[at - 1].text in _BREAKS else at
    if end < at and tokens[end].text == ",":
        described = _before_apposition(tokens, end)
        if described is not None:
            return described
    end = _before_acronym(tokens, end)
    if end <= 0:
        return None
    return _name_ending(tokens, end) or _description(tokens, end)


_BREAKS = frozenset({",", "-", "—", "–"})


def _before_acronym(tokens: list[Token], end: int) -> int:
    """`the International Air Transport Association (IATA), which`: the name before the
    bracketed short form."""
    if end >= 3 and tokens[end - 1].text == ")" and tokens[end - 3].text == "(":
        return end - 3
    return end


def _name_ending(tokens: list[Token], end: int) -> tuple[int, int] | None:
    """The run of capitalised words that ends right before `end`, opening fillers dropped."""
    for first, stop in name_runs(tokens[:end]):
        if stop == end:
            while first < stop - 1 and (
                tokens[first].lower in LEADING_WORDS or tokens[first].lower == "the"
            ):
                first += 1
            return first, stop
    return None


def _before_apposition(tokens: list[Token], comma: int) -> tuple[int, int] | None:
    """`Brent Data, a firm run by Tom Reed, which`: the name before the comma that opens an
    apposition (a determiner after it and only its noun phrase up to `comma`)."""
    for k in range(comma - 1, max(0, comma - _MAX_APPOSITION) - 1, -1):
        token = tokens[k]
        if token.quoted or token.text in ";:":
            return None
        if token.text != ",":
            continue
        if k + 1 >= comma or tokens[k + 1].lower not in _APPOSITION_LEADS:
            return None
        if not all(_in_apposition(t) for t in tokens[k + 1 : comma]):
            return None
        return _name_ending(tokens, k)
    return None


_APPOSITION_VERBS = words("run owned based led founded controlled backed set")
"""Participles an apposition may hold (`a firm run by X`, `a group based in Y`)."""


def _in_apposition(token: Token) -> bool:
    return in_noun_phrase(token) or token.lower in _APPOSITION_VERBS or token.lower == "by"


def _description(tokens: list[Token], end: int) -> tuple[int, int] | None:
    """`the council, which`, `the Dunmore council, which`, `the report, which`: a
    determiner and a body, outlet, study or list."""
    head = tokens[end - 1]
    if head.quoted:
        return None
    plural = head.lower.endswith("s") and head.lower != "analysis"
    if head.lower in EVIDENCE and plural and end >= 2:
        return _plural_evidence(tokens, end)  # `official figures - which suggest`
    if head.lower not in BODY_NOUNS | _PUBLISHING | EVIDENCE | _LISTS:
        return None  # `the report, which found`, `the Top Ten list which predicts`
    for first in range(end - 1, max(-1, end - 1 - _MAX_DESCRIPTION), -1):
        if tokens[first].lower in ("the", "this", "that"):
            return first, end
    return None


def _plural_evidence(tokens: list[Token], end: int) -> tuple[int, int] | None:
    """`official figures`, `the latest figures`: a plural of data with its modifiers."""
    first = end - 1
    while first > 0 and end - first < _MAX_DESCRIPTION and _modifier(tokens[first - 1]):
        first -= 1
    return (first, end) if first < end - 1 else None


def _modifier(token: Token) -> bool:
    return token.text.isalpha() and token.text.islower() and token.lower in _EVIDENCE_MODIFIERS


_PUBLISHING = MEDIA_NOUNS | words("weblog blog")
"""Outlets a "which" may hang on (`the Napsterization weblog which said`)."""

_LISTS = words("list ranking index")

_EVIDENCE_MODIFIERS = words("the official latest new recent government")
