"""The source written after its verb: `“Y,” said X, the deputy minister`, `according to X`."""

from __future__ import annotations

from claims.extract.attribution.clause import generic_next
from claims.extract.attribution.lexicon import SPEECH_FORMS
from claims.extract.attribution.tokens import (
    AUXILIARIES,
    CLAUSE_BREAKS,
    NOT_ING,
    PREPOSITIONS,
    QUOTE_MARKS,
    TIME_WORDS,
    Token,
    words,
)

_RIGHT_STOPS = words(
    "during while when after before adding noting referring according citing because amid "
    "following told"
)
"""Words that end a source written after its verb ("said X on Tuesday")."""

_SOFT_STOPS = words("in to on at")

_COMMA_STOPS = CLAUSE_BREAKS | {"of", "though", "although", "even"}
"""After `said X,` these end the source: `which` does (a body's relative clause), `who` does
not (PolNeAR keeps a person's relative clause in the source)."""


def right_source(tokens: list[Token], after: int, hi: int) -> tuple[int, int] | None:
    """Token range of a source written after its verb (`said Rubio's manager, Rich Beeson`)."""
    while after < hi and tokens[after].text in _STRAY_MARKS:
        after += 1  # `''... 'Fox and Friends,''' said X`: the third mark closes the inner quote
    stop = after
    while stop < hi:
        token = tokens[stop]
        if token.text == "(" and stop > after and not token.quoted:
            closing = _closing_paren(tokens, stop, hi)
            if closing is not None:
                stop = closing + 1
                continue
        if token.quoted and stop > after and tokens[stop - 1].lower in _TITLE_LEADS:
            closing = _quoted_title_end(tokens, stop, hi)
            if closing is not None:  # `said X, the author of “Hacked World Order,” who ...`
                stop = closing
                continue
        if token.text == "." and _abbreviation_dot(tokens, stop, hi):
            stop += 1  # `said C. Stewart Verdery Jr., a former official`, `U.S. attorney`
            continue
        if token.quoted or token.text in ".;:!?()[]—–" or token.text in QUOTE_MARKS:
            break
        if stop > after and (token.lower in _RIGHT_STOPS or token.lower in TIME_WORDS):
            break
        if stop > after and token.lower in _SOFT_STOPS and generic_next(tokens, stop + 1, hi):
            break
        if (
            token.text == ","
            and stop + 1 < hi
            and _ends_right_source(tokens[stop + 1])
            and not _age_then_place(tokens, stop)
        ):
            break
        if token.text == "," and stop + 1 < hi and tokens[stop + 1].quoted:
            break
        if token.text == "," and relative_report(tokens, stop + 1, hi):
            break  # `“Y,” said Beck, who said Z`: the relative clause is a report of its own
        stop += 1
    return (after, stop) if stop > after else None


_STRAY_MARKS = frozenset({"'", "’", "''"})


def relative_report(tokens: list[Token], at: int, hi: int) -> bool:
    """`who said Z`, `who has long argued that Z`: a relative clause whose verb reports."""
    if at >= hi or tokens[at].lower != "who":
        return False
    verb = at + 1
    while verb < hi and verb - at <= 3 and tokens[verb].lower in AUXILIARIES:
        verb += 1
    return verb < hi and tokens[verb].lower in SPEECH_FORMS


def _age_then_place(tokens: list[Token], comma: int) -> bool:
    """`said Jane Doe, 32, of Leeds, a nurse`: the town after an age belongs to the source."""
    return tokens[comma + 1].lower == "of" and tokens[comma - 1].text.isdigit()


def _ends_right_source(token: Token) -> bool:
    """After `said X,`: a participle or an adverbial ends the source, an apposition does not."""
    lower = token.lower
    if lower in _RIGHT_STOPS or lower in TIME_WORDS or lower in _COMMA_STOPS:
        return True
    if lower in PREPOSITIONS:
        return True
    if lower.endswith("ed") and token.text[:1].islower() and len(lower) > 4:
        return True
    return lower.endswith("ing") and token.text[:1].islower() and lower not in NOT_ING


def _closing_paren(tokens: list[Token], opening: int, hi: int) -> int | None:
    """The `)` closing a short parenthesis (`(D-N.Y.)`, `(R)`) after a name."""
    for k in range(opening + 1, min(hi, opening + 8)):
        if tokens[k].text == ")":
            return k
        if tokens[k].text in "(,;" or tokens[k].quoted:
            return None
    return None


_TITLE_LEADS = words("of book film show novel memoir")
"""Words before a quoted title inside a source (`the author of “Hacked World Order”`)."""

_MAX_TITLE = 10


def _quoted_title_end(tokens: list[Token], first: int, hi: int) -> int | None:
    """Index after a short quoted title that starts at `first`, or None."""
    for k in range(first, min(hi, first + _MAX_TITLE)):
        if not tokens[k].quoted:
            return k if k > first else None
    return None


def _abbreviation_dot(tokens: list[Token], at: int, hi: int) -> bool:
    """A full stop inside the sentence after a short word (`Jr.`, `U.S.`), not its end."""
    if at == 0 or at + 1 >= hi or len(tokens[at - 1].text.replace(".", "")) > 3:
        return False
    after = tokens[at + 1]
    return after.text == "," or (after.text[:1].isalnum() and not after.quoted)
