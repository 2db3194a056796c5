"""Tokens of a sentence with document offsets, and the closed word classes the rules use."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from claims.extract.models import Span

_TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Jr|Sr|St|Lt|Col|Sgt|Capt|Prof|Rev|Fr|Mt)\.(?=\s)"
    r"|(?:[A-Z]\.)+(?=\s+[A-Z])|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)"
    r"|\w+(?:[’'.&\-]\w+)*(?:(?<=s)[’'](?=\s))?|''|[^\w\s]"
)


def words(text: str) -> frozenset[str]:
    """A word list written as one string, for the closed classes below."""
    return frozenset(text.split())


class Token(NamedTuple):
    """A word or punctuation mark with its offsets in the document."""

    start: int
    end: int
    text: str
    lower: str
    """The key the word classes below are looked up with: the word in lower case, except a
    name part spelt like a modal (`Theresa May`, `Jo Will`), which keeps its capital so that
    no class claims it."""
    quoted: bool
    """Inside a top-level quotation."""


def tokenize(text: str, start: int, end: int, quotes: Sequence[Span]) -> list[Token]:
    """Tokens of `text[start:end]`, marked when inside one of `quotes` (sorted spans)."""
    starts = [q.start for q in quotes]
    tokens = []
    modal = False
    for m in _TOKEN.finditer(text, start, end):
        at = bisect_right(starts, m.start()) - 1
        quoted = at >= 0 and m.start() < quotes[at].end
        word = m.group()
        modal = modal or word in _MODAL_NAMES
        tokens.append(Token(m.start(), m.end(), word, word.lower(), quoted))
    return _modal_names_kept(tokens) if modal else tokens


_MODAL_NAMES = frozenset({"May", "Will", "Can", "Might"})
"""Modals that are also surnames or given names (`Theresa May`, `Will Young`)."""
_NOT_NAME_BEFORE = words(
    "a an the and or but if when as at by for from in of on to with this that it he she they "
    "we i you who which what how why where there here so yet then now"
)


def _modal_names_kept(tokens: list[Token]) -> list[Token]:
    """`Theresa May said`: a capitalised modal right after a capitalised word inside the
    sentence is a name part, not the verb; a title-case line (`Brown May Quit`) keeps it."""
    alpha = [t for t in tokens if t.text[:1].isalpha()]
    if len(alpha) > 3 and sum(t.text[:1].isupper() for t in alpha) > 0.6 * len(alpha):
        return tokens
    for k in range(1, len(tokens)):
        token, before = tokens[k], tokens[k - 1]
        if (
            token.text in _MODAL_NAMES
            and before.text[:1].isupper()
            and before.text.rstrip(".").isalpha()
            and before.lower not in _NOT_NAME_BEFORE
            and before.end < token.start
        ):
            tokens[k] = token._replace(lower=token.text)
    return tokens


def is_capitalized(token: Token) -> bool:
    """The token starts with a capital letter."""
    return token.text[:1].isupper()


OPEN_QUOTES = frozenset({*'“„«‹"‘', "''"})

CLOSE_QUOTES = frozenset({*'”“»›"’', "''"})

QUOTE_MARKS = (OPEN_QUOTES | CLOSE_QUOTES) - {"‘", "’"}

DETERMINERS = words(
    "the a an his her their its our my your this these those some any every each no"
)

AUXILIARIES = words(
    "has have had is are was were be been being will would could can may might must shall "
    "should do does did also previously earlier later recently repeatedly often once then "
    "again further additionally first reportedly allegedly already still just never not "
    "publicly privately flatly firmly openly frequently bluntly simply specifically "
    "explicitly directly personally ultimately now quickly immediately subsequently "
    "separately jokingly angrily proudly confidently"
)
"""Words that may stand between a subject and its reporting verb."""

CLAUSE_BREAKS = words(
    "that but while because although though since when whereas if unless so yet as after "
    "before until where whether which and or"
)
"""Words that end a subject noun phrase when met walking left from the verb."""

LEADING_FILLERS = words(
    "and but so yet meanwhile however also still then now moreover furthermore besides "
    "instead indeed thus hence therefore later earlier"
)

PRONOUNS = words("he she they it we i you who which one someone")

PERSONAL_PRONOUNS = words("he she they we i")

TIME_WORDS = words(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
    "tomorrow morning afternoon evening night week month year earlier later recently "
    "previously weekend"
)

GENERIC_AUDIENCES = words(
    "reporters journalists supporters the a an crowd audience lawmakers voters me us him her "
    "them you listeners viewers readers students members colleagues"
)
"""Addressees after "told" that are not intermediaries who relay a claim."""

PREPOSITIONS = words(
    "in on at during after before while when to from with about of for by as amid following "
    "outside inside near over under since"
)

TIME_LEADS = words("on in during last this next earlier late early")
"""Words that open a time phrase (`on Tuesday`, `last week`, `in early June`)."""

RELATIVES = frozenset({"who", "which"})
"""Relative pronouns that open a clause about a source (`X, who ...`)."""

NUMBER_WORDS = words("one two three four five six seven eight nine ten")
"""Small numbers written as words (`Six in 10 voters`, `One aide`)."""

INSERTIONS = words("while when after before during in on at speaking according unlike like")
"""Openings of a phrase between commas that is not an apposition (`X, in a speech, said`)."""

NOT_ING = words(
    "king managing acting founding ranking presiding outgoing incoming sitting visiting"
)
"""-ing words that open a title (`managing director`), not a participle."""

DASHES = frozenset("-—–")
"""Dashes that set off an inserted phrase or a dateline."""
