"""What follows a verb cue: a that-clause, a quotation, an addressee, or only an adverbial."""

from __future__ import annotations

from typing import NamedTuple

from claims.extract.attribution.clause import Clause, words_in
from claims.extract.attribution.contents import skip_to_content
from claims.extract.attribution.cues import Cue
from claims.extract.attribution.tokens import PREPOSITIONS, TIME_WORDS, Token, words
from claims.extract.models import Span


class Tail(NamedTuple):
    """What follows a verb cue."""

    at: int
    addressee: Span | None
    clause_like: bool
    """A that-clause, a quotation or a long clause follows: the content is after the verb."""
    nothing_named: bool
    """Only an adverbial ("on Tuesday") or the end of the sentence follows the verb."""


def read_tail(clause: Clause, cue: Cue) -> Tail:
    """Read what follows a verb cue: where the content starts and what kind of tail it is."""
    tokens = clause.tokens
    at, addressee = skip_to_content(tokens, cue.last + 1, clause.hi, cue.kind)
    has_that = at > cue.last + 1 and tokens[at - 1].lower == "that"
    quoted = at < clause.hi and tokens[at].quoted
    first = tokens[cue.last + 1].lower if cue.last + 1 < clause.hi else ""
    comma_skipped = at > cue.last + 1 and tokens[at - 1].text == ","
    adverbial = first in PREPOSITIONS or first in TIME_WORDS or first == ","
    if first == "at" and cue.last + 2 < clause.hi and tokens[cue.last + 2].lower in _AT_LEAST:
        adverbial = False  # `reported at least six planes flew over`
    adverbial = (adverbial or comma_skipped) and not quoted
    if addressee is not None and comma_skipped and _finite_clause(tokens, at, clause.hi):
        adverbial = False  # `Trump told CNN, his policy would be Y`
    clause_like = has_that or quoted or (words_in(tokens, at, clause.hi) >= 3 and not adverbial)
    clause_like = clause_like or (not adverbial and _short_clause(tokens, at, clause.hi))
    clause_like = clause_like and first != ";"  # `Y, analysts say; in 2012, Z`
    if addressee is not None and not has_that and at < clause.hi:
        # `Y, X told his advisers as he worked on it`: the addressee ends the report
        clause_like = clause_like and tokens[at].lower not in _AFTER_ADDRESSEE
    if adverbial and not clause_like and (first in TIME_WORDS or first in _WHEN_WHERE):
        subject = _subject_after_adverbial(tokens, cue.last + 2, clause.hi)
        if subject is not None:
            return Tail(subject, addressee, True, False)
    if first == "," and not clause_like:
        resumed = _clause_after_aside(tokens, cue.last + 2, clause.hi)
        if resumed is not None:
            return Tail(resumed, addressee, True, False)
    if not clause_like and first.isalnum():
        quote = _quote_after_adverbial(tokens, cue.last + 1, clause.hi)
        if quote is not None:
            return Tail(quote, addressee, True, False)
    return Tail(at, addressee, clause_like, adverbial or not first.isalnum())


_AT_LEAST = words("least most")

_AFTER_ADDRESSEE = words("as when while after before during because")

_WHEN_WHERE = words("in on at during after before following amid late early")

_CLAUSE_SUBJECTS = words("he she they we i it there")


def _subject_after_adverbial(tokens: list[Token], at: int, hi: int) -> int | None:
    """Where the clause starts in `said Thursday he would leave`, `said in a statement they`."""
    for k in range(at, min(hi - 2, at + 8)):
        token = tokens[k]
        if token.quoted or not token.text[:1].isalnum():
            return None
        if _pronoun_subject(token) and tokens[k + 1].text[:1].isalpha():
            return k
    return None


_MAX_ADVERBIAL = 10


def _quote_after_adverbial(tokens: list[Token], at: int, hi: int) -> int | None:
    """Where the quotation starts in `said Wednesday, “Y”`, `said in a statement: “Y”`."""
    for k in range(at, min(hi - 1, at + _MAX_ADVERBIAL)):
        token = tokens[k]
        if token.quoted:
            return None
        if token.text in ",:":
            return k + 1 if tokens[k + 1].quoted else None
        if not token.text[:1].isalnum() and token.text not in "'’":
            return None
    return None


def _clause_after_aside(tokens: list[Token], at: int, hi: int) -> int | None:
    """Where the clause starts in `It said, despite four years of work, some were not
    ready`: an adverbial between commas, then a clause of its own."""
    opener = tokens[at].lower if at < hi else ""
    if opener not in PREPOSITIONS and opener not in _ASIDES and opener not in _CONDITIONS:
        return None
    for k in range(at + 1, min(hi - 3, at + _MAX_ADVERBIAL)):
        token = tokens[k]
        if token.quoted or token.text in ";:—–":
            return None
        if token.text == ",":
            if words_in(tokens, k + 1, hi) < 3:
                return None
            return at if opener in _CONDITIONS else k + 1
    return None


_ASIDES = words("despite however meanwhile nevertheless though")

_CONDITIONS = words("if unless once")
"""Openers of a condition between commas after the verb (`She said, if elected, she would
Y`): the condition belongs to what is said, so the content starts with it."""


_FINITE = words("is are was were will would could can may might must should has have had does did")
_SUBJECT_LEADS = words("he she they we i it there his her their its the a an this these")


def _finite_clause(tokens: list[Token], at: int, hi: int) -> bool:
    """A clause with its own subject and finite verb starts at `at` (`his policy would be`)."""
    if at >= hi or tokens[at].lower not in _SUBJECT_LEADS | _CLAUSE_SUBJECTS:
        return False
    for k in range(at + 1, min(hi, at + 6)):
        if tokens[k].quoted or not tokens[k].text[:1].isalnum():
            return False
        if tokens[k].lower in _FINITE:
            return True
    return False


def _short_clause(tokens: list[Token], at: int, hi: int) -> bool:
    """`said sales fell.`, `said he lied.`: a subject and a past verb make a whole clause."""
    if words_in(tokens, at, hi) != 2 or at + 1 >= hi:
        return False
    subject, verb = tokens[at], tokens[at + 1]
    if subject.quoted or verb.quoted or not subject.text.isalpha() or not verb.text.islower():
        return False
    if subject.lower in PREPOSITIONS or subject.lower in TIME_WORDS:
        return False
    return verb.lower in _SHORT_PASTS or (verb.lower.endswith("ed") and len(verb.lower) > 4)


_SHORT_PASTS = words("fell rose grew won lost left quit lied fled died slid sank shrank")


def _pronoun_subject(token: Token) -> bool:
    """`he`, and `he’s`, `they’re` with their verb attached."""
    return token.lower.replace("’", "'").split("'")[0] in _CLAUSE_SUBJECTS
