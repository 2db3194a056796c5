"""Where a source or a content starts and ends around a cue, read from tokens alone.

No parser: a subject is the comma-free stretch left of the verb (an apposition between
commas included), a content is the rest of the clause or the quotation next to the cue.
"""

from __future__ import annotations

from typing import NamedTuple

from claims.extract.attribution_cues import VERB_CUES, CueKind
from claims.extract.attribution_tokens import (
    AUXILIARIES,
    CLAUSE_BREAKS,
    DETERMINERS,
    LEADING_FILLERS,
    OPEN_QUOTES,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
    QUOTE_MARKS,
    TIME_WORDS,
    Token,
    words,
)
from claims.extract.models import Span

_RELATIVES = frozenset({"who", "which"})
_VERB_SUBJECTS = PERSONAL_PRONOUNS | {"it", "you"}
"""A subject pronoun right before the verb is the whole subject (`what he said`)."""
_RIGHT_STOPS = words(
    "during while when after before adding noting referring according citing because amid "
    "following told"
)
"""Words that end a source written after its verb ("said X on Tuesday")."""
_SUBJECT_DETERMINERS = words("the a an this these those some many most several")
_SOFT_STOPS = words("in to on at")
_ADVERBIAL_PREPS = words("in on at during")
_INSERTIONS = words("while when after before during in on at speaking according unlike like")
"""Openings of a phrase between commas that is not an apposition (`X, in a speech, said`)."""
_NOT_ING = words(
    "king managing acting founding ranking presiding outgoing incoming sitting visiting"
)
"""-ing words that open a title (`managing director`), not a participle."""
_GENERIC_AFTER = words("a an reporters journalists his her their its this that")
_OBJECT_ENDS = words("and but which who while as after before because although though whom")
_COMMA_STOPS = (CLAUSE_BREAKS - _RELATIVES) | {"of", "though", "although", "even"}
_COORDINATORS = frozenset({"and", "but", "or", "then"})
_ADDRESSEE_PREPS = (("in", "an", "interview", "with"), ("in", "a", "statement", "to"))
_EDGE_PUNCTUATION = frozenset({*",;:-—–", *QUOTE_MARKS})
_MAX_SOURCE_TOKENS = 40
_DASHES = frozenset("-—–")
_MAX_APPOSITION = 20
_MODIFIER_LEADS = words(
    "republican democratic democrat gop conservative liberal progressive multiple several "
    "many most some few federal state local top senior former"
)
_NUMBER_WORDS = words("one two three four five six seven eight nine ten")
_MORE_INSERTIONS = words("without to despite with by for as")
_WH_BREAKS = words("what whom whatever")
"""`the plan, what critics called a giveaway`: the subject starts after these."""
_TIME_ENDS = TIME_WORDS | {"ago", "days", "weeks", "months", "years", "hours"}
_FOCUS_ADVERBS = words("even only ever all both")
"""Between a subject and its verb (`They all said`, `X, of 54, even expressed`)."""
_TIME_LEADS = words("this last next that each every later earlier")
_MAX_SKIP_TO_THAT = 14


class Clause(NamedTuple):
    """The tokens of a sentence and the part `lo:hi` a cue may draw on."""

    tokens: list[Token]
    quotes: tuple[Span, ...]
    """Top-level quotations overlapping the sentence (they may reach into neighbours)."""
    lo: int
    hi: int

    def starts_at(self, index: int) -> bool:
        """Only fillers ("But", "And") stand between the clause start and `index`."""
        first = self.lo
        while first < index and (
            self.tokens[first].lower in LEADING_FILLERS or self.tokens[first].text in ","
        ):
            first += 1
        return first == index

    def quote_at(self, offset: int) -> Span | None:
        return next((q for q in self.quotes if q.start <= offset < q.end), None)


def words_in(tokens: list[Token], first: int, stop: int) -> int:
    return sum(1 for t in tokens[first:stop] if t.text[:1].isalnum())


def span_of(tokens: list[Token], first: int, stop: int) -> Span | None:
    """Span of tokens[first:stop] without punctuation or quote marks at the edges."""
    while first < stop and tokens[first].text in _EDGE_PUNCTUATION:
        first += 1
    while stop > first and tokens[stop - 1].text in _EDGE_PUNCTUATION:
        stop -= 1
    if first >= stop:
        return None
    return Span(start=tokens[first].start, end=tokens[stop - 1].end)


def _content_span(tokens: list[Token], first: int, stop: int, least: int = 2) -> Span | None:
    while first < stop and tokens[first].text in ",;:-—–" and not tokens[first].quoted:
        first += 1
    while stop > first and tokens[stop - 1].text in ",;:.-—–" and not tokens[stop - 1].quoted:
        stop -= 1
    if words_in(tokens, first, stop) < least:
        return None
    return Span(start=tokens[first].start, end=tokens[stop - 1].end)


def content_before(clause: Clause, lo: int, stop: int) -> tuple[Span, ...]:
    """Content written before a cue: the quotation that ends there, or the clause."""
    tokens = clause.tokens
    end = stop
    while end > lo and tokens[end - 1].text in ",—–-" and not tokens[end - 1].quoted:
        end -= 1
    if end > lo and tokens[end - 1].quoted:
        quote = clause.quote_at(tokens[end - 1].start)
        if quote is not None:
            return (quote,)
    span = _content_span(tokens, lo, end)
    return (span,) if span else ()


def _clause_end(tokens: list[Token], at: int, hi: int) -> int:
    """Where an object ends: before `, saying`, `, and`, `, which` (outside quotations)."""
    k = at
    while k < hi - 1:
        if tokens[k].text == "," and not tokens[k].quoted:
            nxt = tokens[k + 1].lower
            if nxt in _RELATIVES and (closing := _relative_closes(tokens, k + 1, hi)):
                k = closing  # `that X, who leads it, has Y`: the clause goes on after it
                continue
            if nxt in _OBJECT_ENDS or (nxt.endswith("ing") and not tokens[k + 1].quoted):
                return k
        k += 1
    return hi


def _relative_closes(tokens: list[Token], at: int, hi: int) -> int | None:
    """The comma closing a relative clause when the main verb follows it (`, has`), else None."""
    for k in range(at + 1, hi - 1):
        if tokens[k].quoted or tokens[k].text in ";:":
            return None
        if tokens[k].text == ",":
            return k + 1 if tokens[k + 1].lower in _MAIN_VERBS else None
    return None


_MAIN_VERBS = words("has have had is are was were will would could can may might must should")


def object_end(tokens: list[Token], at: int, hi: int) -> int:
    """Where an object ends before a closing time phrase or a second verb: `endorsed Trump
    last week.`, `backed Cruz on Tuesday, saying`, `praised the plan and has since ...`."""
    for k in range(at + 1, hi):
        if tokens[k].quoted:
            continue
        word = tokens[k].lower
        nxt = tokens[k + 1].lower if k + 1 < hi else ""
        if _time_phrase_closes(tokens, k, hi):
            return k
        if word in ("and", "but") and nxt in _SECOND_VERB_AUXILIARIES:
            return k
    return hi


def _time_phrase_closes(tokens: list[Token], at: int, hi: int) -> bool:
    """`on Tuesday`, `last week`, `in early June` followed by punctuation or the end."""
    k = at
    if tokens[k].lower in _TIME_LEADS:
        k += 1
    if k < hi and tokens[k].lower in _TIME_MODIFIERS:
        k += 1
    if k >= hi or not (tokens[k].lower in TIME_WORDS or tokens[k].lower in _MONTHS):
        return False
    if k == at and tokens[k].lower not in _DAY_WORDS:
        return False
    k += 1
    if k < hi and tokens[k].lower in ("night", "morning", "afternoon", "evening"):
        k += 1
    return k >= hi or tokens[k].text in ",.;:!?"


_DAY_WORDS = words("monday tuesday wednesday thursday friday saturday sunday yesterday today")
_TIME_LEADS = words("on in during last this next earlier late early")
_TIME_MODIFIERS = words("early late mid last this next")
_MONTHS = words(
    "january february march april may june july august september october november december"
)
_SECOND_VERB_AUXILIARIES = words("has have had is was are were will would")


def content_after(
    clause: Clause, at: int, stop_at_clause: bool = False, least: int = 2
) -> tuple[Span, ...]:
    """Content written after a cue: a quotation (and what follows it) or the clause of at
    least `least` words (one for an object: `endorsed Trump`)."""
    tokens = clause.tokens
    if stop_at_clause:
        clause = clause._replace(hi=_clause_end(tokens, at, clause.hi))
    if at < clause.hi and tokens[at].quoted:
        quote = clause.quote_at(tokens[at].start)
        if quote is not None:
            after = at
            while after < clause.hi and tokens[after].start < quote.end:
                after += 1
            rest = _content_span(tokens, after, clause.hi)
            return (quote, rest) if rest else (quote,)
    span = _content_span(tokens, at, clause.hi, least)
    return (span,) if span else ()


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


def _strip_fillers(tokens: list[Token], first: int, stop: int) -> int:
    while first < stop and (tokens[first].lower in LEADING_FILLERS or tokens[first].text == ","):
        first += 1
    return first


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
    if tokens[stop - 1].lower in _RELATIVES:
        return stop - 1, stop
    if tokens[stop - 1].lower in _COORDINATORS:
        return sentence_subject(tokens, lo, stop - 1)
    if tokens[stop - 1].text == ",":
        return _appositive_source(tokens, stop - 1, lo)
    if stop - 1 > lo and tokens[stop - 1].lower in _VERB_SUBJECTS:
        return stop - 1, stop
    if tokens[stop - 1].text in _DASHES and not tokens[stop - 1].quoted:
        opening = _opening_dash(tokens, stop - 1, lo)
        return left_source(tokens, opening, lo) if opening is not None else None
    first = _strip_fillers(tokens, _segment_start(tokens, stop, lo), stop)
    first = _after_time_lead(tokens, first, stop)
    stop = _without_adverbial_tail(tokens, first, stop)
    if first >= stop or stop - first > _MAX_SOURCE_TOKENS:
        return None
    return first, stop


def _before_adverbs(tokens: list[Token], stop: int, lo: int) -> int:
    while stop > lo and not tokens[stop - 1].quoted and _is_adverb(tokens[stop - 1]):
        stop -= 1
    return stop


def _before_time_tail(tokens: list[Token], stop: int, lo: int) -> int:
    """`X, who ..., last year proposed`, `X on Monday said`: the time is not the subject."""
    if stop - 2 > lo and tokens[stop - 1].lower in TIME_WORDS and not tokens[stop - 1].quoted:
        lead = tokens[stop - 2].lower
        if lead in _TIME_LEADS or lead in _ADVERBIAL_PREPS:
            return _before_adverbs(tokens, stop - 2, lo)
    return stop


def _opening_dash(tokens: list[Token], close: int, lo: int) -> int | None:
    """`X - in a line aimed at Y - declared`: the dash opening the inserted phrase."""
    while close > lo and tokens[close - 1].text in _DASHES:
        close -= 1
    for k in range(close - 1, max(lo, close - _MAX_SOURCE_TOKENS) - 1, -1):
        if tokens[k].quoted or tokens[k].text in ";:":
            return None
        if tokens[k].text in _DASHES:
            first = k
            while first > lo and tokens[first - 1].text in _DASHES:
                first -= 1
            return first if first > lo else None
    return None


def _after_time_lead(tokens: list[Token], first: int, stop: int) -> int:
    """`Last week Smith said`, `This year the group said`: the subject follows the time."""
    if (
        first + 2 < stop
        and tokens[first].lower in _TIME_LEADS
        and tokens[first + 1].lower in TIME_WORDS
    ):
        return first + 2
    return first


def _without_adverbial_tail(tokens: list[Token], first: int, stop: int) -> int:
    """`Trump in his speech said`, `Trump on Monday said`: the subject ends before the phrase."""
    for k in range(first + 1, stop):
        token = tokens[k]
        if token.lower in TIME_WORDS and tokens[k - 1].lower not in DETERMINERS:
            return k
        if (
            token.lower in _ADVERBIAL_PREPS
            and _generic_next(tokens, k + 1, stop)
            and not _in_ten(tokens, k, stop)
        ):
            return k
    return stop


def _in_ten(tokens: list[Token], at: int, stop: int) -> bool:
    """`Six in 10 voters said`: a proportion, not a place."""
    return (
        tokens[at].lower == "in"
        and at + 1 < stop
        and tokens[at + 1].text.isdigit()
        and (tokens[at - 1].text.isdigit() or tokens[at - 1].lower in _NUMBER_WORDS)
    )


def _comma_segment_start(tokens: list[Token], stop: int, lo: int) -> int:
    at = stop
    while at > lo and tokens[at - 1].text not in ",;:" and not tokens[at - 1].quoted:
        at -= 1
    return at


def _appositive_source(tokens: list[Token], comma: int, lo: int) -> tuple[int, int] | None:
    """`X, the ambassador, said` / `X, who ..., said`: the name segment and its apposition."""
    inner = _comma_segment_start(tokens, comma, lo)
    if inner >= comma or inner <= lo or tokens[inner - 1].text != ",":
        return sentence_subject(tokens, lo, comma)
    opening = tokens[inner].lower
    inserted = opening in _INSERTIONS or (opening.endswith("ing") and opening not in _NOT_ING)
    inserted = inserted or _inserted_phrase(tokens[inner])
    outer_stop = inner - 1 if inserted else comma
    first = _strip_fillers(tokens, _segment_start(tokens, inner - 1, lo), outer_stop)
    if _age_alone(tokens, first, inner, lo):  # `Jane Doe, 58, who lives in Leeds, said`
        first = _strip_fillers(tokens, _segment_start(tokens, first - 1, lo), outer_stop)
    if first >= inner - 1 or outer_stop - first > _MAX_SOURCE_TOKENS:
        return None
    return first, outer_stop


def _inserted_phrase(token: Token) -> bool:
    """`X, angered by the vote, said`, `X, clearly tired, said`, `X, without naming him, said`."""
    lower = token.lower
    if token.quoted or not token.text[:1].islower():
        return False
    return lower in _MORE_INSERTIONS or (lower.endswith(("ed", "ly")) and len(lower) > 4)


def _age_alone(tokens: list[Token], first: int, inner: int, lo: int) -> bool:
    return (
        first == inner - 2
        and first - 1 > lo
        and tokens[first].text.isdigit()
        and tokens[first - 1].text == ","
    )


def right_source(tokens: list[Token], after: int, hi: int) -> tuple[int, int] | None:
    """Token range of a source written after its verb (`said Rubio's manager, Rich Beeson`)."""
    stop = after
    while stop < hi:
        token = tokens[stop]
        if token.text == "(" and stop > after and not token.quoted:
            closing = _closing_paren(tokens, stop, hi)
            if closing is not None:
                stop = closing + 1
                continue
        if token.quoted or token.text in ".;:!?()[]—–" or token.text in QUOTE_MARKS:
            break
        if stop > after and (token.lower in _RIGHT_STOPS or token.lower in TIME_WORDS):
            break
        if stop > after and token.lower in _SOFT_STOPS and _generic_next(tokens, stop + 1, hi):
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
        stop += 1
    return (after, stop) if stop > after else None


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
    return lower.endswith("ing") and token.text[:1].islower() and lower not in _NOT_ING


def _closing_paren(tokens: list[Token], opening: int, hi: int) -> int | None:
    """The `)` closing a short parenthesis (`(D-N.Y.)`, `(R)`) after a name."""
    for k in range(opening + 1, min(hi, opening + 8)):
        if tokens[k].text == ")":
            return k
        if tokens[k].text in "(,;" or tokens[k].quoted:
            return None
    return None


def _generic_next(tokens: list[Token], at: int, hi: int) -> bool:
    """`said in a statement`, `said at a rally on Monday`: the source has ended."""
    if at >= hi:
        return False
    token = tokens[at]
    return token.lower in _GENERIC_AFTER or token.lower in TIME_WORDS or token.text[:1].isdigit()


def sentence_subject(tokens: list[Token], lo: int, stop: int) -> tuple[int, int] | None:
    """The subject at the start of a sentence: a pronoun, a name, or a short noun phrase."""
    first = _skip_dateline(tokens, _strip_fillers(tokens, lo, stop), stop)
    first = _skip_intro(tokens, _strip_fillers(tokens, first, stop), stop)
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
    """`Republican presidential candidate X`, `One aide`, `China's state-owned giant`: a
    capitalised word that starts a longer noun phrase, not a name of its own."""
    if first + 1 >= stop or not tokens[first + 1].text[:1].islower():
        return False
    lower = tokens[first].lower
    return lower in _MODIFIER_LEADS or lower in _NUMBER_WORDS or lower.endswith(("’s", "'s"))


def _with_apposition(tokens: list[Token], end: int, stop: int) -> int:
    """`Jane Doe, the group's director, backed ...`: the apposition belongs to the subject."""
    if end + 1 >= stop or tokens[end].text != "," or tokens[end].quoted:
        return end
    opening = tokens[end + 1].lower
    if opening in _INSERTIONS or opening in CLAUSE_BREAKS or opening.endswith("ing"):
        return end
    if _inserted_phrase(tokens[end + 1]):
        return end
    close = _next_comma(tokens, end + 1, min(stop, end + 1 + _MAX_APPOSITION))
    if (
        close is None
        or close + 1 >= stop
        or any(t.quoted or t.text in ";:()—–" for t in tokens[end + 1 : close])
    ):
        return end
    return close


def _skip_dateline(tokens: list[Token], first: int, stop: int) -> int:
    """`WASHINGTON — X said`, `Paris (AFP) - X said`: the place and agency before the dash."""
    for k in range(first + 1, min(stop, first + 8)):
        token = tokens[k]
        if token.text in _DASHES:
            head = tokens[first]
            dateline = head.text.isupper() and len(head.text) > 1
            if dateline or any(t.text == "(" for t in tokens[first:k]):
                return k + 1
            return first
        if token.quoted or not (token.text[:1].isupper() or token.text in ",.()"):
            return first
    return first


def _skip_intro(tokens: list[Token], first: int, stop: int) -> int:
    """Skip opening adverbials ("On Friday,", "At a rally in Ames, Iowa, on Sunday,")."""
    if first >= stop or not (_opens_adverbial(tokens[first]) or _time_phrase(tokens, first, stop)):
        return first
    at = first
    for _ in range(4):
        nxt = _next_comma(tokens, at + 1, min(stop, at + 16))
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
    return token.text[:1].isupper() and lower.endswith(("ing", "ly")) and lower not in _NOT_ING


def _time_phrase(tokens: list[Token], first: int, stop: int) -> bool:
    """`A few days later,`, `Two weeks ago,`: a short phrase ending in a time word, then a comma."""
    comma = _next_comma(tokens, first + 1, min(stop, first + 6))
    return comma is not None and tokens[comma - 1].lower in _TIME_ENDS


def _place_then_comma(tokens: list[Token], at: int, stop: int) -> bool:
    """`..., Iowa, on Sunday`: a one- or two-word place name between commas."""
    for k in range(at, min(stop, at + 3)):
        if tokens[k].text == ",":
            return k > at and k + 1 < stop and _opens_adverbial(tokens[k + 1])
        if not tokens[k].text[:1].isupper():
            return False
    return False


def _next_comma(tokens: list[Token], at: int, stop: int) -> int | None:
    return next(
        (k for k in range(at, stop) if tokens[k].text == "," and not tokens[k].quoted), None
    )


def _noun_like(token: Token) -> bool:
    """Not yet the verb: no auxiliary, cue verb, past tense or punctuation."""
    lower = token.lower
    if not token.text[:1].isalnum() or lower in AUXILIARIES or lower in VERB_CUES:
        return False
    return not (lower.endswith("ed") and not token.text[:1].isupper())


def skip_to_content(
    tokens: list[Token], at: int, hi: int, kind: CueKind
) -> tuple[int, Span | None]:
    """Index where the content starts after a cue, and the addressee passed on the way."""
    limit = min(hi, at + _MAX_SKIP_TO_THAT)
    for k in range(at, limit):
        token = tokens[k]
        if token.quoted or token.text in OPEN_QUOTES:
            break
        if token.lower == "that" and _clause_before(tokens, at, k):
            break
        if token.lower == "that":
            addressee = span_of(tokens, at, k) if kind is CueKind.TELL and k > at else None
            return k + 1, addressee or _interview_partner(tokens, at, k)
    addressee = None
    if kind is CueKind.TELL:
        stop = at
        while stop < limit and tokens[stop].text[:1].isalnum() and _in_name(tokens, at, stop):
            stop += 1
        if stop > at:
            addressee = span_of(tokens, at, stop)
            at = stop
    while at < hi and tokens[at].text in ",:" and not tokens[at].quoted:
        at += 1
    return at, addressee


_FINITE = words("is are was were will would could can may might must should has have had does did")
_SUBJECTS = PERSONAL_PRONOUNS | {"it"}


def _clause_before(tokens: list[Token], at: int, that: int) -> bool:
    """`says it is hard to blame anyone for that`: the clause began before this "that"."""
    return any(t.lower in _FINITE or t.lower in _SUBJECTS for t in tokens[at:that])


def _in_name(tokens: list[Token], first: int, at: int) -> bool:
    """Still inside the addressee after "told": capitalised words, or one plain noun."""
    if tokens[at].lower == "that":
        return False
    if at == first:
        return True
    return tokens[at].text[:1].isupper() and tokens[at - 1].text[:1].isupper()


def _interview_partner(tokens: list[Token], at: int, stop: int) -> Span | None:
    for phrase in _ADDRESSEE_PREPS:
        n = len(phrase)
        for k in range(at, stop - n):
            if tuple(t.lower for t in tokens[k : k + n]) == phrase:
                end = k + n
                while end < stop and tokens[end].text != ",":
                    end += 1
                return span_of(tokens, k + n, end)
    return None
