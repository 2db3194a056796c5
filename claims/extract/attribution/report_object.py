"""Whether an ambiguous verb takes a report, so that it is a speech cue at all.

"added", "reported", "showed" and their kin also have a sense that is no speech: "US firms
added 146,000 jobs", "the company reported a profit", "the economy showed growth". They are
cues only when what follows is a report: "that", a colon, a quotation or a wh-word, a clause
("added it was planning", "warned demand would outstrip supply", "reported holding shares"),
or nothing at all because the report came first ("Sales rose, the firm reported.").
Others ("recalled", "revealed", "noted") take a noun object as speech ("recalled the attacks")
but not a figure ("recalled 200,000 vans", "revealing debts of 14bn euros").
"""

from __future__ import annotations

from claims.extract.attribution.lexicon import SPEECH_FORMS
from claims.extract.attribution.tokens import (
    CLOSE_QUOTES,
    DETERMINERS,
    NOT_ING,
    OPEN_QUOTES,
    PREPOSITIONS,
    TIME_WORDS,
    Token,
    words,
)

_REPORT_OPENERS = frozenset({"that", ":"}) | OPEN_QUOTES | words("how what why whether")
"""What opens a reported content right after the verb."""

_CLAUSE_ENDS = frozenset({".", ",", ";", "!", "?", ")"})
"""After these the verb's clause is over: its report came before (`Y, X added.`)."""

_FINITE = words(
    "is are was were will would could can may might must should has have had does did "
    "shall remains remained came went got made took gave rose fell grew saw knew thought "
    "found became began kept held brought won lost paid met ran stood"
)
"""Verbs that show a clause of its own after the cue (`warned demand would outstrip`)."""

_SUBJECT_PRONOUNS = words("he she they we i it there you")

_OBJECT_STOPS = words(
    "that which who whom whose but after before as while when because since although though "
    "until if unless to"
)
"""Words that end a noun object before any clause of its own is met."""

_TIME_ENDS = TIME_WORDS | words("week month year today")
"""Last words of a time phrase after which a clause may start (`last month Cameron had`)."""

_MAX_SUBJECT = 10
"""How many tokens a clause's subject may take after the verb (`demand for Opec's crude ...`)."""

_MAX_ADVERBIAL = 10

_QUOTE_REACH = 6
"""How close before the verb a quotation must end to be its report (`"Y," the mayor added`)."""
"""How many tokens an adverbial may take between the verb and its report (`on Friday that`)."""

_PREPOSITION_ING = words(
    "following including excluding according regarding concerning during pending "
    "notwithstanding barring considering involving amounting totalling totaling"
)
"""-ing words that work as prepositions (`a loss following the fire`)."""

_ADJECTIVE_ING = words(
    "rising falling growing increasing declining soaring mounting widening narrowing "
    "improving worsening slowing booming remaining continuing existing outstanding leading"
)
"""-ing words that describe a noun (`posted rising profits`), not a clause's verb."""


def _ends(tokens: list[Token], at: int) -> bool:
    """The verb's clause ends at `at`: the sentence ends, or a comma, a bracket or a stop."""
    if at >= len(tokens):
        return True
    token = tokens[at]
    return token.text in _CLAUSE_ENDS or (token.text in CLOSE_QUOTES and not token.quoted)


def _opens_report(token: Token) -> bool:
    return token.lower in _REPORT_OPENERS or token.quoted


def _has_figure(token: Token) -> bool:
    """A number or an amount (`146,000`, `$5m`, `52%`), not a year (`his 1990 book`)."""
    text = token.text
    if any(c in "$£€¥%" for c in text):
        return True
    if not any(c.isdigit() for c in text):
        return False
    return not (len(text) == 4 and text.isdigit() and text[:2] in ("19", "20"))


def _adverbial(token: Token) -> bool:
    """`on Friday`, `in a statement`, `to X`, `yesterday`: what may stand before the report."""
    lower = token.lower
    return (
        lower in PREPOSITIONS
        or lower in TIME_WORDS
        or lower in ("also", "again", "last", "this", "earlier", "just", "back", "first")
        or (lower.endswith("ly") and token.text.islower())
    )


def _after_adverbial(tokens: list[Token], at: int) -> bool:
    """`reported on Friday that Y`, `wrote to the office that Y`, `warned in a statement.`: an
    adverbial, then the report, or the end of the clause with no figure on the way."""
    lead = tokens[at].lower
    named = at + 1 < len(tokens) and tokens[at + 1].text[:1].isupper()
    figure = False
    for k in range(at, min(len(tokens), at + _MAX_ADVERBIAL + 1)):
        token = tokens[k]
        if _opens_report(token):
            return k > at
        if _ends(tokens, k):
            closes = lead not in ("to", "of") or (lead == "to" and named)  # `wrote to Sullivan.`
            return k > at and not figure and closes
        if k > at and tokens[k - 1].lower in _TIME_ENDS and _clause_follows(tokens, k):
            return True  # `reported last month Cameron had ordered`
        figure = figure or _has_figure(token)
    return False


def _clause_follows(tokens: list[Token], at: int) -> bool:
    """`added it was planning`, `reported losses had deepened`, `reported holding shares`: a
    subject, then a verb of its own (not `added 146,000 jobs`, `reported a profit`)."""
    first = tokens[at]
    if first.lower in _SUBJECT_PRONOUNS:
        nxt = tokens[at + 1] if at + 1 < len(tokens) else None
        return (
            nxt is not None
            and nxt.text.isalpha()
            and nxt.text.islower()
            and nxt.lower not in PREPOSITIONS
            and nxt.lower not in _OBJECT_STOPS
        )
    if _verb_ing(first) and first.text.islower():
        return True  # `reported holding shares`, `recalled being told`
    for k in range(at + 1, min(len(tokens), at + _MAX_SUBJECT + 1)):
        token = tokens[k]
        if token.quoted or token.lower in _OBJECT_STOPS or _ends(tokens, k):
            return False
        if token.lower == "and" and not tokens[k - 1].text[:1].isupper():
            return False  # `posted a profit and revenues were up`; `Latinos and Blacks have`
        if _verb_ing(token) and token.text.islower():
            return _small_clause(tokens, at, k)
        if token.lower in _FINITE and tokens[k - 1].lower not in DETERMINERS:
            return True
    return False


def _verb_ing(token: Token) -> bool:
    lower = token.lower
    return (
        lower.endswith("ing")
        and len(lower) > 4
        and lower not in _PREPOSITION_ING
        and lower not in _ADJECTIVE_ING
        and lower not in NOT_ING
    )


def _small_clause(tokens: list[Token], at: int, verb: int) -> bool:
    """`show the mayor leading`: a noun phrase that opens with a determiner or a name, then
    an -ing verb of its own (not a verb of saying: `wrote a letter saying` is the letter's)."""
    if tokens[verb].lower in SPEECH_FORMS or tokens[verb - 1].lower in PREPOSITIONS:
        return False
    first = tokens[at]
    return first.lower in DETERMINERS or first.text[:1].isupper()


_SOURCE_OPENERS = DETERMINERS | words("another one")
"""Words that open a source written after its verb (`added another analyst`)."""


def _inverted(tokens: list[Token], at: int) -> bool:
    """`"...," added Ernst and Young's Sanjay Mehta.` / `Y, reported the Financial Times.`:
    after a comma or a quotation the verb comes first and a name closes the sentence."""
    if not at:
        return False
    before = tokens[at - 1]
    if before.text != "," and not before.quoted and before.text not in CLOSE_QUOTES:
        return False
    first = at + 1
    if first >= len(tokens):
        return False
    if not (tokens[first].text[:1].isupper() or tokens[first].lower in _SOURCE_OPENERS):
        return False
    for k in range(first, min(len(tokens), first + _MAX_SUBJECT + 2)):
        token = tokens[k]
        if _ends(tokens, k):
            return any(t.text[:1].isupper() for t in tokens[first:k])
        if _has_figure(token) or token.quoted:
            return False
    return False


def opens_report(tokens: list[Token], at: int) -> bool:
    """A report starts at `at`: "that", a colon, a quotation or a clause (`a letter saying the
    plant would close`; not `a profits warning in May`)."""
    if at >= len(tokens):
        return False
    return _opens_report(tokens[at]) or _clause_follows(tokens, at)


def takes_report(tokens: list[Token], at: int) -> bool:
    """Whether the verb at `at` takes a report (a that-clause, a colon, a quotation, a clause)
    or closes one written before it, rather than a figure or a noun object."""
    nxt = at + 1
    if _ends(tokens, nxt) and (nxt >= len(tokens) or tokens[nxt].text != ")"):
        return True
    if any(t.quoted for t in tokens[max(0, at - _QUOTE_REACH) : at]):
        return True  # `"Y," Trump added to People.`: the quotation before is the report
    token = tokens[nxt]
    if _opens_report(token):
        return True
    if token.text in "-—–":
        return False  # `the 246,570 cases reported - almost 30% -`: an adjective
    if _adverbial(token):
        return _after_adverbial(tokens, nxt)
    return _clause_follows(tokens, nxt) or _inverted(tokens, at)


_MAX_FIGURE_REACH = 6
"""How far into the object a figure may stand (`a profit of $5m`, `debts of 14bn euros`)."""


_MEASURE_NOUNS = words(
    "profit profits loss losses sales revenue revenues earnings turnover results rise rises "
    "fall falls drop drops increase increases decline declines gain gains growth jump surge "
    "slump deficit surplus dividend dividends margin margins jobs income debts debt"
)
"""Nouns of a measured result (`reported a profit`, `posted record sales`)."""


def figure_object(tokens: list[Token], at: int) -> bool:
    """The verb at `at` takes a figure, an amount or a measured result (`recalled 200,000
    vans`, `revealing debts of 14bn euros`, `posted larger annual profits`), with no report
    in between."""
    for k in range(at + 1, min(len(tokens), at + 1 + _MAX_FIGURE_REACH)):
        token = tokens[k]
        if _has_figure(token) or (token.lower in _MEASURE_NOUNS and not token.quoted):
            return True
        if token.quoted or _opens_report(token) or _ends(tokens, k) or token.lower in _FINITE:
            return False
        if token.lower in _OBJECT_STOPS:
            return False
    return False
