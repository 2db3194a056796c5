"""The subject at the start of a sentence, past openers and datelines (for `..., saying Y`)."""

from __future__ import annotations

from claims.extract.attribution.clause import inserted_phrase, next_comma, strip_fillers
from claims.extract.attribution.companies import country_word
from claims.extract.attribution.lexicon import VERB_CUES
from claims.extract.attribution.tokens import (
    AUXILIARIES,
    CLAUSE_BREAKS,
    DASHES,
    INSERTIONS,
    NOT_ING,
    NUMBER_WORDS,
    PREPOSITIONS,
    PRONOUNS,
    TIME_WORDS,
    Token,
    words,
)

_SUBJECT_DETERMINERS = words(
    "the a an this these those some many most several his her their its our my"
)

_MODIFIER_LEADS = words(
    "republican democratic democrat gop conservative liberal progressive multiple several "
    "many most some few federal state local top senior former"
)

_MAX_APPOSITION = 20

_TIME_ENDS = TIME_WORDS | {"ago", "days", "weeks", "months", "years", "hours"}
_UNIT_ENDS = _TIME_ENDS | {"day", "minutes"}


def sentence_subject(tokens: list[Token], lo: int, stop: int) -> tuple[int, int] | None:
    """The subject at the start of a sentence: a pronoun, a name, or a short noun phrase."""
    first = _skip_dateline(tokens, strip_fillers(tokens, lo, stop), stop)
    first = _skip_intro(tokens, strip_fillers(tokens, first, stop), stop)
    if first >= stop:
        return None
    if tokens[first].lower in PRONOUNS:
        return first, first + 1
    end = first
    if tokens[first].lower in _SUBJECT_DETERMINERS:
        end += 1
        while end < min(stop, first + 6) and _noun_like(tokens[end]):
            end += 1
        return (first, end) if end > first + 1 else None
    if _modifier_lead(tokens, first, stop):
        end += 1
        while end < min(stop, first + 6) and _noun_like(tokens[end]):
            end += 1
        if end > first + 1:
            return first, _with_apposition(tokens, end, stop)
        end = first
    while end < stop and (
        tokens[end].text[:1].isupper() or tokens[end].lower in ("of", "the", "’s", "'s", ".")
    ):
        end += 1
    if end == first or not tokens[first].text[:1].isupper():
        return None
    return first, _with_apposition(tokens, end, stop)


def _modifier_lead(tokens: list[Token], first: int, stop: int) -> bool:
    """`Republican presidential candidate X`, `One aide`, `China's state-owned giant`, `UK
    advertising giant WPP`: a capitalised word that starts a longer noun phrase, not a name of
    its own."""
    if first + 1 >= stop or not tokens[first + 1].text[:1].islower():
        return False
    lower = tokens[first].lower
    if lower in _MODIFIER_LEADS or lower in NUMBER_WORDS or lower.endswith(("’s", "'s")):
        return True
    return country_word(tokens[first].text)  # `UK advertising giant WPP`


def _with_apposition(tokens: list[Token], end: int, stop: int) -> int:
    """`Jane Doe, the group's director, backed ...`: the apposition belongs to the subject."""
    if end + 1 >= stop or tokens[end].text != "," or tokens[end].quoted:
        return end
    opening = tokens[end + 1].lower
    if opening in INSERTIONS or opening in CLAUSE_BREAKS or opening.endswith("ing"):
        return end
    if inserted_phrase(tokens[end + 1]):
        return end
    close = next_comma(tokens, end + 1, min(stop, end + 1 + _MAX_APPOSITION))
    if (
        close is None
        or close + 1 >= stop
        or any(t.quoted or t.text in ";:()—–" for t in tokens[end + 1 : close])
    ):
        return end
    return close


def _skip_dateline(tokens: list[Token], first: int, stop: int) -> int:
    """`WASHINGTON — X said`, `Paris (AFP) - X said`, `WASHINGTON, Dec. 8 (UPI) — X said`:
    the place, date and agency before the dash."""
    for k in range(first + 1, min(stop, first + _MAX_DATELINE)):
        token = tokens[k]
        if token.text in DASHES:
            head = tokens[first]
            dateline = head.text.isupper() and len(head.text) > 1
            if dateline or any(t.text == "(" for t in tokens[first:k]):
                return k + 1
            return first
        day = token.text.isdigit() and len(token.text) <= 2  # `Dec. 8`
        if token.quoted or not (token.text[:1].isupper() or token.text in ",.()" or day):
            return first
    return first


_MAX_DATELINE = 11
"""Tokens a dateline may take before its dash (`WASHINGTON , Dec . 8 ( UPI ) —`)."""


def _skip_intro(tokens: list[Token], first: int, stop: int) -> int:
    """Skip opening adverbials ("On Friday,", "At a rally in Ames, Iowa, on Sunday,")."""
    if first >= stop or not (_opens_adverbial(tokens[first]) or time_phrase(tokens, first, stop)):
        return first
    at = first
    for _ in range(4):
        nxt = next_comma(tokens, at + 1, min(stop, at + 16))
        if nxt is None:
            return first if at == first else at
        at = nxt + 1
        if at >= stop or not (_opens_adverbial(tokens[at]) or _place_then_comma(tokens, at, stop)):
            return at
    return at


_SUBORDINATORS = words("after before when while as although though since because despite once")


def _opens_adverbial(token: Token) -> bool:
    """A preposition, a time word, a subordinator, or a participle ("Speaking in Iowa,")."""
    lower = token.lower
    if lower in PREPOSITIONS or lower in TIME_WORDS or lower in _SUBORDINATORS:
        return True
    return token.text[:1].isupper() and lower.endswith(("ing", "ly")) and lower not in NOT_ING


def time_phrase(tokens: list[Token], first: int, stop: int) -> bool:
    """`A few days later,`, `Two weeks ago,`: a short phrase ending in a time word, then a comma."""
    comma = next_comma(tokens, first + 1, min(stop, first + 6))
    if comma is None or tokens[first].lower in PRONOUNS:
        return False  # `He apologized the next day,` is a clause
    last = tokens[comma - 1].lower
    if last in _SINCE_THEN and comma - 2 > first:
        return tokens[comma - 2].lower in _UNIT_ENDS  # `The day before,`, `A week after,`
    return last in _TIME_ENDS


_SINCE_THEN = words("before after")


def _place_then_comma(tokens: list[Token], at: int, stop: int) -> bool:
    """`..., Iowa, on Sunday`: a one- or two-word place name between commas."""
    for k in range(at, min(stop, at + 3)):
        if tokens[k].text == ",":
            return k > at and k + 1 < stop and _opens_adverbial(tokens[k + 1])
        if not tokens[k].text[:1].isupper():
            return False
    return False


_COPULAS = words("remains remain remained stays stayed becomes became seems seemed looks")
"""Verbs that end a subject (`The Middle East remains a region`)."""


def _noun_like(token: Token) -> bool:
    """Not yet the verb: no auxiliary, cue verb, past tense or punctuation."""
    lower = token.lower
    if not token.text[:1].isalnum() or lower in AUXILIARIES or lower in VERB_CUES:
        return False
    if lower in _COPULAS:
        return False
    return not (lower.endswith("ed") and not token.text[:1].isupper())
