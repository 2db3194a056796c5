"""The source written before its verb: `X said`, `X, the ambassador, said`, `Last week X said`.

No parser: a subject is the comma-free stretch left of the verb (an apposition between
commas included), without the adverbials, time phrases and inserted phrases around it.
"""

from __future__ import annotations

from claims.extract.attribution.clause import (
    generic_next,
    inserted_phrase,
    next_comma,
    strip_fillers,
)
from claims.extract.attribution.clause_subject import name_after_adverbial, subject_of_clause
from claims.extract.attribution.sentence_subject import sentence_subject, time_phrase
from claims.extract.attribution.source_parts import TITLE_WORDS
from claims.extract.attribution.tokens import (
    AUXILIARIES,
    CLAUSE_BREAKS,
    DASHES,
    DETERMINERS,
    INSERTIONS,
    NOT_ING,
    NUMBER_WORDS,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
    QUOTE_MARKS,
    RELATIVES,
    TIME_LEADS,
    TIME_WORDS,
    Token,
    words,
)

_VERB_SUBJECTS = PERSONAL_PRONOUNS | {"it", "you"}
"""A subject pronoun right before the verb is the whole subject (`what he said`)."""

_ADVERBIAL_PREPS = words("in on at during")

_COORDINATORS = frozenset({"and", "but", "or", "then"})

_MAX_SOURCE_TOKENS = 40

_WH_BREAKS = words("what whom whatever")
"""`the plan, what critics called a giveaway`: the subject starts after these."""

_FOCUS_ADVERBS = words("even only ever all both")
"""Between a subject and its verb (`They all said`, `X, of 54, even expressed`)."""


def _is_break(tokens: list[Token], at: int, lo: int) -> bool:
    token = tokens[at]
    if token.quoted or token.text in ";:()[]—–-" or token.text in QUOTE_MARKS:
        return True
    if token.lower in _WH_BREAKS:
        return True
    if token.lower not in CLAUSE_BREAKS:
        return False
    if token.lower in ("and", "or"):
        if _joins_names(tokens, at, lo):
            return False
        return at - lo > 6 or (at > lo and tokens[at - 1].text == ",")
    return True


def _joins_names(tokens: list[Token], at: int, lo: int) -> bool:
    """`Parks and Recreation`, `Smith and Jones`: "and" between two capitalised words."""
    if at <= lo or at + 1 >= len(tokens):
        return False
    before, after = tokens[at - 1], tokens[at + 1]
    return (
        before.text[:1].isupper()
        and after.text[:1].isupper()
        and not before.quoted
        and not after.quoted
        and after.lower not in PRONOUNS
    )


def _segment_start(tokens: list[Token], stop: int, lo: int) -> int:
    """Walk left from `stop` to the start of its comma-free segment, over `(R-Texas)`."""
    at = stop
    while at > lo and tokens[at - 1].text != ",":
        if tokens[at - 1].text == ")" and not tokens[at - 1].quoted:
            opening = _matching_paren(tokens, at - 1, lo)
            if opening is None:
                break
            at = opening
            continue
        if _is_break(tokens, at - 1, lo):
            break
        at -= 1
    return at


def _matching_paren(tokens: list[Token], close: int, lo: int) -> int | None:
    for k in range(close - 1, max(lo, close - 10) - 1, -1):
        if tokens[k].text == "(":
            return k
    return None


def _is_adverb(token: Token) -> bool:
    return (
        token.lower in AUXILIARIES
        or token.lower in _FOCUS_ADVERBS
        or token.lower.endswith(("n’t", "n't"))
        or (token.lower.endswith("ly") and not token.text[:1].isupper() and len(token.lower) > 4)
    )


def left_source(tokens: list[Token], cue_first: int, lo: int) -> tuple[int, int] | None:
    """Token range of the subject before a verb cue, or None when there is none."""
    stop = _before_time_tail(tokens, _before_adverbs(tokens, cue_first, lo), lo)
    if stop <= lo:
        return None
    if _relative(tokens[stop - 1]):
        return stop - 1, stop
    if tokens[stop - 1].lower in _COORDINATORS:
        return sentence_subject(tokens, lo, stop - 1)
    if tokens[stop - 1].text == ",":
        return _appositive_source(tokens, stop - 1, lo)
    if stop - 1 > lo and tokens[stop - 1].lower in _VERB_SUBJECTS:
        return stop - 1, stop
    if tokens[stop - 1].text in DASHES and not tokens[stop - 1].quoted:
        opening = _opening_dash(tokens, stop - 1, lo)
        return left_source(tokens, opening, lo) if opening is not None else None
    first = strip_fillers(tokens, _segment_start(tokens, stop, lo), stop)
    first = _after_time_lead(tokens, first, stop)
    named = name_after_adverbial(tokens, first, stop)
    if named is not None:
        return named
    stop = _without_adverbial_tail(tokens, first, stop)
    if first >= stop or stop - first > _MAX_SOURCE_TOKENS:
        return None
    absolute = tokens[cue_first].lower.endswith("ing") and not any(
        t.lower in AUXILIARIES for t in tokens[stop:cue_first]
    )
    return subject_of_clause(tokens, first, stop, absolute)


def _relative(token: Token) -> bool:
    """`who`, `which`, also contracted (`who’ve already said`)."""
    return token.lower.replace("’", "'").split("'")[0] in RELATIVES


def _before_adverbs(tokens: list[Token], stop: int, lo: int) -> int:
    while stop > lo and not tokens[stop - 1].quoted and _is_adverb(tokens[stop - 1]):
        stop -= 1
    return stop


def _before_time_tail(tokens: list[Token], stop: int, lo: int) -> int:
    """`X, who ..., last year proposed`, `X on Monday said`: the time is not the subject."""
    if stop - 2 > lo and tokens[stop - 1].lower in TIME_WORDS and not tokens[stop - 1].quoted:
        lead = tokens[stop - 2].lower
        if lead in TIME_LEADS or lead in _ADVERBIAL_PREPS:
            return _before_adverbs(tokens, stop - 2, lo)
    return stop


def _opening_dash(tokens: list[Token], close: int, lo: int) -> int | None:
    """`X - in a line aimed at Y - declared`: the dash opening the inserted phrase."""
    while close > lo and tokens[close - 1].text in DASHES:
        close -= 1
    for k in range(close - 1, max(lo, close - _MAX_SOURCE_TOKENS) - 1, -1):
        if tokens[k].quoted or tokens[k].text in ";:":
            return None
        if tokens[k].text in DASHES:
            first = k
            while first > lo and tokens[first - 1].text in DASHES:
                first -= 1
            return first if first > lo else None
    return None


def _after_time_lead(tokens: list[Token], first: int, stop: int) -> int:
    """`Last week Smith said`, `Late last week the company said`: the subject follows the
    time."""
    k = first
    while k < stop and k - first < _MAX_TIME_LEADS and tokens[k].lower in TIME_LEADS:
        k += 1
    if k > first and k + 1 < stop and tokens[k].lower in TIME_WORDS:
        return k + 1
    return first


_MAX_TIME_LEADS = 2


def _without_adverbial_tail(tokens: list[Token], first: int, stop: int) -> int:
    """`Trump in his speech said`, `Trump on Monday said`: the subject ends before the phrase."""
    for k in range(first + 1, stop):
        token = tokens[k]
        if (
            token.lower in TIME_WORDS
            and tokens[k - 1].lower not in DETERMINERS
            and not _titled_time(tokens, k, stop)
        ):
            return k
        if (
            token.lower in _ADVERBIAL_PREPS
            and generic_next(tokens, k + 1, stop)
            and not _in_ten(tokens, k, stop)
        ):
            return k
    return stop


def _titled_time(tokens: list[Token], at: int, stop: int) -> bool:
    """`London's Evening Standard`, `the Sunday Times`: a capitalised time word before a
    capitalised word that is no time word is part of a title, not when the report was."""
    nxt = tokens[at + 1] if at + 1 < stop else None
    return (
        tokens[at].text[:1].isupper()
        and nxt is not None
        and nxt.text[:1].isupper()
        and nxt.lower not in TIME_WORDS
        and not nxt.quoted
    )


def _in_ten(tokens: list[Token], at: int, stop: int) -> bool:
    """`Six in 10 voters said`: a proportion, not a place."""
    return (
        tokens[at].lower == "in"
        and at + 1 < stop
        and tokens[at + 1].text.isdigit()
        and (tokens[at - 1].text.isdigit() or tokens[at - 1].lower in NUMBER_WORDS)
    )


def _comma_segment_start(tokens: list[Token], stop: int, lo: int) -> int:
    at = stop
    while at > lo and tokens[at - 1].text not in ",;:" and not tokens[at - 1].quoted:
        at -= 1
    return at


def _appositive_source(tokens: list[Token], comma: int, lo: int) -> tuple[int, int] | None:
    """`X, the ambassador, said` / `X, who ..., said`: the name segment and its apposition."""
    head = _subject_before_insertions(tokens, comma, lo)
    if head is not None:
        return head
    inner = _comma_segment_start(tokens, comma, lo)
    if inner >= comma or inner <= lo or tokens[inner - 1].text != ",":
        return sentence_subject(tokens, lo, comma)
    opening = tokens[inner].lower
    inserted = opening in INSERTIONS or (opening.endswith("ing") and opening not in NOT_ING)
    inserted = inserted or inserted_phrase(tokens[inner])
    outer_stop = inner - 1 if inserted else comma
    first = strip_fillers(tokens, _segment_start(tokens, inner - 1, lo), outer_stop)
    if _age_alone(tokens, first, inner, lo):  # `Jane Doe, 58, who lives in Leeds, said`
        first = strip_fillers(tokens, _segment_start(tokens, first - 1, lo), outer_stop)
    if first >= inner - 1 or outer_stop - first > _MAX_SOURCE_TOKENS:
        return None
    opener = tokens[first]
    adverbial = opener.lower in PREPOSITIONS or opener.lower in TIME_WORDS
    adverbial = adverbial or time_phrase(tokens, first, inner)  # `The day before, X was`
    if not inserted and adverbial and opener.text[:1].isupper():
        return inner, comma  # `In London on Thursday, India's finance minister, lashed out`
    return first, outer_stop


def _age_alone(tokens: list[Token], first: int, inner: int, lo: int) -> bool:
    return (
        first == inner - 2
        and first - 1 > lo
        and tokens[first].text.isdigit()
        and tokens[first - 1].text == ","
    )


_REFLEXIVES = words("himself herself themselves itself")

_INSERTION_OPENERS = RELATIVES | _REFLEXIVES | words("whose whom like unlike")


def _subject_before_insertions(tokens: list[Token], comma: int, lo: int) -> tuple[int, int] | None:
    """`X, 22, of Flint, Mich., said`, `X, speaking in Wilmington, N.C., warned`: a
    clause-opening name, then phrases between commas that hold commas of their own.

    Appositions, ages, places and relative clauses stay in the source (as PolNeAR marks
    them); it ends before a participle or a prepositional insertion.
    """
    subject = sentence_subject(tokens, lo, comma)
    if subject is None:
        return None
    first = subject[0]
    name_end = next_comma(tokens, first, subject[1] + 1)
    if name_end is None or name_end >= comma or next_comma(tokens, name_end + 1, comma) is None:
        return None
    if comma - first > _MAX_SOURCE_TOKENS:
        return None
    if any(t.quoted or t.text in ";:()" or t.text in DASHES for t in tokens[first:comma]):
        return None
    at: int | None = name_end
    while at is not None and at < comma:
        opening = tokens[at + 1]
        if _opens_insertion(opening):
            return first, at
        if not _opens_modifier(opening):
            return None
        at = next_comma(tokens, at + 1, comma + 1)
    return first, comma


_REFLEXIVES = words("himself herself themselves itself")

_MODIFIER_OPENERS = RELATIVES | DETERMINERS | _REFLEXIVES | words("whose whom of")


def _opens_insertion(token: Token) -> bool:
    """A participle or a preposition opening a phrase inserted between a subject and its verb."""
    lower = token.lower
    if lower == "of":
        return False
    if lower in INSERTIONS or lower in PREPOSITIONS or inserted_phrase(token):
        return True
    return token.text[:1].islower() and lower.endswith("ing") and lower not in NOT_ING


def _opens_modifier(token: Token) -> bool:
    """An apposition, an age, a place or a relative clause: part of the subject."""
    if token.text[:1].isupper() or token.text[:1].isdigit():
        return True
    return token.lower in _MODIFIER_OPENERS or token.lower in TITLE_WORDS
