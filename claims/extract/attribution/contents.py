"""Where a content starts and ends around a cue: the quotation next to it, or the clause.

Also where the content starts after a verb (past "that" and an addressee: `told Izvestia that`),
and where an object ends (`endorsed Smith last week.`).
"""

from __future__ import annotations

from claims.extract.attribution.clause import Clause, span_of, words_in
from claims.extract.attribution.lexicon import VERB_CUES, CueKind
from claims.extract.attribution.outlets import head_noun, outlet_ahead
from claims.extract.attribution.tokens import (
    CLOSE_QUOTES,
    DETERMINERS,
    OPEN_QUOTES,
    PERSONAL_PRONOUNS,
    RELATIVES,
    TIME_LEADS,
    TIME_WORDS,
    Token,
    words,
)
from claims.extract.models import Span


def _content_span(tokens: list[Token], first: int, stop: int, least: int = 2) -> Span | None:
    while first < stop and tokens[first].text in ",;:-—–" and not tokens[first].quoted:
        first += 1
    while stop > first and tokens[stop - 1].text in ",;:.-—–" and not tokens[stop - 1].quoted:
        stop -= 1
    if words_in(tokens, first, stop) < least:
        return None
    return Span(start=tokens[first].start, end=tokens[stop - 1].end)


def content_before(clause: Clause, lo: int, stop: int, least: int = 2) -> tuple[Span, ...]:
    """Content written before a cue: the quotation that ends there, or the clause."""
    tokens = clause.tokens
    end = stop
    while end > lo and tokens[end - 1].text in ",—–-" and not tokens[end - 1].quoted:
        end -= 1
    if end > lo and tokens[end - 1].quoted:
        quote = clause.quote_at(tokens[end - 1].start)
        if quote is not None and not embedded_quote(tokens, lo, quote):
            return (quote,)
    span = _content_span(tokens, lo, end, least)
    return (span,) if span else ()


def embedded_quote(tokens: list[Token], lo: int, quote: Span) -> bool:
    """`Y may be “strategic,” said X`: a quotation inside a clause of the writer's words is
    part of the content, which is the whole clause."""
    first = lo
    while first < len(tokens) and tokens[first].start < quote.start:
        if tokens[first].text.isalnum() or tokens[first].quoted:
            break
        first += 1
    before = [t for t in tokens[first:] if t.start < quote.start]
    if not before or any(t.quoted or t.text in _SENTENCE_MARKS for t in before):
        return False
    return before[-1].text[:1].isalnum()


_SENTENCE_MARKS = frozenset({*".:;!?", *OPEN_QUOTES})


def _ends_sentence(tokens: list[Token], after: int) -> bool:
    """The quotation that ends before `tokens[after]` closes with a full stop (`“Y.” But ...`):
    what follows is a sentence of its own."""
    return after >= 2 and tokens[after - 1].text in CLOSE_QUOTES and tokens[after - 2].text in ".!?"


_OBJECT_ENDS = words("and but which who while as after before because although though whom")


def _clause_end(tokens: list[Token], at: int, hi: int) -> int:
    """Where an object ends: before `, saying`, `, and`, `, which` (outside quotations)."""
    k = at
    while k < hi - 1:
        if _closing_dash(tokens, at, k, hi):
            return k
        if tokens[k].text == "," and not tokens[k].quoted:
            nxt = tokens[k + 1].lower
            if nxt in RELATIVES and (closing := _relative_closes(tokens, k + 1, hi)):
                k = closing  # `that X, who leads it, has Y`: the clause goes on after it
                continue
            if nxt in _OBJECT_ENDS or (nxt.endswith("ing") and not tokens[k + 1].quoted):
                return k
            if _source_follows(tokens, k + 1):
                return k
        k += 1
    return hi


_DASHES = frozenset("—–-")


def _closing_dash(tokens: list[Token], first: int, at: int, hi: int) -> bool:
    """`Y - except that Z`, `Y — and he noted Z`: a lone dash before a new clause opens the
    writer's aside (a pair of dashes encloses an insertion inside the content)."""
    if at == first or tokens[at].text not in _DASHES or tokens[at].quoted:
        return False
    if sum(1 for t in tokens[first:at] if t.text in _DASHES and not t.quoted) % 2:
        return False
    if any(t.text in _DASHES and not t.quoted for t in tokens[at + 1 : hi]):
        return False
    return any(t.lower in _ASIDE_SUBJECTS for t in tokens[at + 1 : min(hi, at + 4)])


_ASIDE_SUBJECTS = words("he she they we i it there this that")
"""A new clause after the dash (`— and he noted`, `- except that Z`), not a phrase that
continues the content (`- and not only because`, `- at one point even admonishing`)."""


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
    """Where an object ends before a closing time phrase, a second verb or a new clause:
    `endorsed Trump last week.`, `backed Cruz on Tuesday, saying`, `praised the plan and has
    since ...`, `backed Cruz, he said`, `backed Cruz — a surprise`, `backed Cruz; Smith did
    not`, `backed Cruz while ...`."""
    for k in range(at + 1, hi):
        if _quote_comma_closes(tokens, k, hi):
            return k + 1  # `called him a “moderate,” a dig at his record`
        if tokens[k].quoted:
            continue
        word = tokens[k].lower
        nxt = tokens[k + 1].lower if k + 1 < hi else ""
        if _time_phrase_closes(tokens, k, hi) or _setting_phrase(tokens, k, hi):
            return k
        if word in ("and", "but") and nxt in _SECOND_VERB_AUXILIARIES:
            return k
        if word == "and" and _same_form_verb(tokens[at - 1], tokens[k + 1] if k + 1 < hi else None):
            return k  # `calling them rapists and vowing to build a wall`
        if word == "and" and _verb_then_object(tokens, k + 1, hi):
            return k  # `denied the charges and accused her of battery`
        if (word, nxt) in _TWO_WORD_OPENERS:
            return k  # `blasted X for Y now that the FBI has decided`
        if word in _CLAUSE_OPENERS or (word == "," and nxt in PERSONAL_PRONOUNS):
            return k
        if word in ",:" and _source_follows(tokens, k + 1):
            return k
        if word == "," and _subject_then_verb(tokens, k + 1, hi):
            return k
    return hi


def before_according(tokens: list[Token], at: int, hi: int) -> int:
    """Where a participle's content ends before `, according to X`, after a quotation that
    closes with its comma (`threatening “a lawsuit,” according to X`)."""
    for k in range(at, hi - 1):
        if not _source_follows(tokens, k + 1):
            continue
        if tokens[k].text == "," and not tokens[k].quoted:
            return k
        if tokens[k].text in CLOSE_QUOTES and k > at and tokens[k - 1].text == ",":
            return k + 1
    return hi


def _source_follows(tokens: list[Token], at: int) -> bool:
    """`, according to X` after an object: the writer's source of the whole clause, not part
    of what the verb's subject said (`threatening a lawsuit, according to the letter`)."""
    return (
        at + 1 < len(tokens)
        and tokens[at].lower == "according"
        and tokens[at + 1].lower == "to"
        and not tokens[at].quoted
    )


def _quote_comma_closes(tokens: list[Token], k: int, hi: int) -> bool:
    """A quotation that ends with its comma (`“moderate,”`) and then the writer's apposition
    or a new clause: the object ends with the quotation."""
    if tokens[k].text not in CLOSE_QUOTES or tokens[k - 1].text != "," or k + 1 >= hi:
        return False
    after = tokens[k + 1]
    if after.quoted:
        return False
    return after.lower in _AFTER_QUOTED_OBJECT or _subject_then_verb(tokens, k + 1, hi)


_AFTER_QUOTED_OBJECT = words("a an which who adding saying")


def _same_form_verb(cue: Token, after: Token | None) -> bool:
    """`calling X and vowing`, `slammed X and bragged`: a second verb after "and" in the
    cue's own form (-ing or -ed) is the subject's next act, not part of the object."""
    if after is None or after.quoted or not after.text.islower() or len(after.lower) < 5:
        return False
    for ending in ("ing", "ed"):
        if cue.lower.endswith(ending) and after.lower.endswith(ending):
            return after.lower not in _NOT_VERBS
    return False


def _verb_then_object(tokens: list[Token], at: int, hi: int) -> bool:
    """`and jailed him`, `and ranks it`: a lower-case word that is no determiner or pronoun,
    then an object pronoun or a determiner, opens the subject's next act."""
    if at + 1 >= hi or tokens[at].quoted or not tokens[at].text.isalpha():
        return False
    verb, after = tokens[at].lower, tokens[at + 1].lower
    if not tokens[at].text.islower() or verb in _NOT_A_VERB or len(verb) < 3:
        return False
    return after in _OBJECT_OPENERS and not tokens[at + 1].quoted


_OBJECT_OPENERS = words("him her them it himself herself themselves the his their its")
_NOT_A_VERB = words(
    "the a an his her their its our my your all both each every some many most other others "
    "not also then even only just still now more less so too very that this these those "
    "with without for from into onto over under about against between among through to of "
    "in on at by as than who whom which what when where while how why if whether one two"
)

_NOT_VERBS = words("during nothing something anything everything thing things morning evening")

_TWO_WORD_OPENERS = {("now", "that"), ("even", "as"), ("even", "though"), ("even", "if")}
"""Two-word subordinators that open a clause of the writer's after an object."""


_CLAUSE_OPENERS = words("— – ; while whereas")
"""A dash, a semicolon or a contrast opens a clause of its own after an object."""

_CLAUSE_VERBS = words("did does can could should may might")

_SUBJECT_DETERMINERS = words("the a an his her their its")


def _subject_then_verb(tokens: list[Token], at: int, hi: int) -> bool:
    """`endorsed Trump, Golvach said`, `his candidacy, the aide was`: after a comma, a short
    subject (a name, or a determiner and up to two words) and a finite verb open a clause."""
    k = at
    if k < hi and tokens[k].lower in _SUBJECT_DETERMINERS:
        k += 1
        while k < min(hi, at + 3) and tokens[k].text[:1].isalpha() and not _finite(tokens[k]):
            k += 1
    else:
        while k < min(hi, at + 4) and tokens[k].text[:1].isupper() and not tokens[k].quoted:
            k += 1
    return at < k < hi and _finite(tokens[k])


def _finite(token: Token) -> bool:
    """An auxiliary, a modal or a past form, but no cue: `Y, Ortiz said` is a report of Y."""
    lower = token.lower
    if lower in _SECOND_VERB_AUXILIARIES or lower in _CLAUSE_VERBS:
        return True
    if lower in VERB_CUES:
        return False
    return lower.endswith("ed") and len(lower) > 4 and not token.text[:1].isupper()


_SETTING_PREPS = words("in on at during")
_SETTING_NOUNS = words(
    "twitter facebook television tv radio interview interviews statement speech tweet post "
    "appearance rally debate conference briefing letter op-ed video"
)


def _setting_phrase(tokens: list[Token], at: int, hi: int) -> bool:
    """`claimed victory in a tweet`, `blamed officials on Twitter`: where it was said is not
    part of the object."""
    if tokens[at].lower not in _SETTING_PREPS or at + 1 >= hi:
        return False
    for token in tokens[at + 1 : min(hi, at + 5)]:
        if token.lower in _SETTING_NOUNS:
            return True
        if not (
            token.lower in DETERMINERS or token.text[:1].isupper() or token.lower in _SETTING_ADJ
        ):
            return False
    return False


_SETTING_ADJ = words("recent new separate televised radio phone telephone written brief long")
"""Adjectives inside a setting phrase (`in a recent interview`, `in a televised address`)."""


def _time_phrase_closes(tokens: list[Token], at: int, hi: int) -> bool:
    """`on Tuesday`, `last week`, `in early June` followed by punctuation or the end."""
    k = at
    if tokens[k].lower in TIME_LEADS:
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
            rest = (
                None if _ends_sentence(tokens, after) else _content_span(tokens, after, clause.hi)
            )
            return (quote, rest) if rest else (quote,)
    span = _content_span(tokens, at, clause.hi, least)
    return (span,) if span else ()


_ADDRESSEE_PREPS = (("in", "an", "interview", "with"), ("in", "a", "statement", "to"))

_MAX_SKIP_TO_THAT = 14


def skip_to_content(
    tokens: list[Token], at: int, hi: int, kind: CueKind
) -> tuple[int, Span | None]:
    """Index where the content starts after a cue, and the addressee passed on the way."""
    at = _past_dashed_insertion(tokens, at, hi)
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


def _past_dashed_insertion(tokens: list[Token], at: int, hi: int) -> int:
    """`said — on Twitter, as it happens — that Y`: the content starts after the insertion."""
    if at >= hi or tokens[at].text not in _DASHES or tokens[at].quoted:
        return at
    for k in range(at + 1, min(hi - 1, at + _MAX_SKIP_TO_THAT)):
        if tokens[k].quoted:
            return at
        if tokens[k].text == tokens[at].text:
            return k + 1
    return at


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
    if tokens[first].lower in _POSSESSIVES:  # `told his closest advisers`, `told her staff`
        head = _audience_head(tokens, first)
        return head is not None and at <= head
    if tokens[first].lower in ("the", "a", "an"):  # `told the BBC.`, `told a local paper.`
        return tokens[at].text[:1].isupper() or outlet_ahead(tokens, at) or head_noun(tokens, at)
    return tokens[at].text[:1].isupper() and tokens[at - 1].text[:1].isupper()


_POSSESSIVES = words("his her their our my your its")

_AUDIENCE_NOUNS = words(
    "staff aides advisers advisors supporters followers audience audiences colleagues friends "
    "allies donors members voters viewers readers listeners team cabinet family lawyers "
    "attorneys officers troops crowd party caucus base counterpart counterparts employees "
    "workers students fans constituents backers"
)


def _audience_head(tokens: list[Token], first: int) -> int | None:
    """`his closest advisers`: the audience noun after a possessive and up to two modifiers."""
    for k in range(first + 1, min(len(tokens), first + 4)):
        if tokens[k].quoted or not tokens[k].text.isalpha() or not tokens[k].text.islower():
            return None
        if tokens[k].lower in _AUDIENCE_NOUNS:
            return k
    return None


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
