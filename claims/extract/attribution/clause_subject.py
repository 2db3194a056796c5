"""The subject of a cue when what stands before it is a clause, not a noun phrase.

`The figure was ahead of the 3.1% the government estimated`: the noun phrase right before the
cue; `It was keen to point out`: the subject before the clause's verb; `However during the
case on Tuesday Mr Ebbers denied`: the name after an opening adverbial. No parser: closed word
classes and capitalisation.
"""

from __future__ import annotations

from claims.extract.attribution.tokens import (
    CLAUSE_BREAKS,
    DETERMINERS,
    PREPOSITIONS,
    RELATIVES,
    TIME_WORDS,
    Token,
    words,
)

_OPENING_PREPOSITIONS = words("during after before in on at amid following")


def name_after_adverbial(tokens: list[Token], first: int, stop: int) -> tuple[int, int] | None:
    """`However during the case on Tuesday Mr Ebbers denied`: the subject is the name that
    ends the stretch, after the adverbial and its time words, not the adverbial; None when
    the stretch opens otherwise or no name ends it."""
    if first >= stop or tokens[first].lower not in _OPENING_PREPOSITIONS:
        return None
    if first + 1 < stop and tokens[first + 1].lower in ("least", "most"):
        return None  # `At least half of voters say`: a quantity, not an adverbial
    phrase = trailing_noun_phrase(tokens, first + 1, stop)
    if phrase is None:
        return None
    start, end = phrase
    if after_preposition(tokens, start) and tokens[start].lower not in TIME_WORDS:
        return None  # `in a statement to Wired explaining`: the object of "to"
    while start < end - 1 and tokens[start].lower in TIME_WORDS:
        start += 1
    if not any(t.text[:1].isupper() for t in tokens[start:end]):
        return None  # `in a later interview said`: no name after the adverbial
    return start, end


_FINITE_VERBS = words(
    "is are was were has have had will would could can may might must shall should does did"
)
"""Verbs that end a subject: a stretch holding one is a clause, not a noun phrase."""

_RELATIVE_OPENERS = RELATIVES | {"that", "who", "whose"}


def subject_of_clause(
    tokens: list[Token], first: int, stop: int, absolute: bool
) -> tuple[int, int] | None:
    """`It was keen to point out`: the subject is before the clause's verb; `The figure was
    ahead of the 3.1% the government estimated`: the cue's subject is the noun phrase right
    before it, also after a preposition if the cue is a participle with no auxiliary
    (`despite Multiplex reporting`). A stretch with no such verb, or with it inside a relative
    clause (`The man who was arrested said`), is returned whole; None when only an object
    stands before the cue."""
    verb = next((k for k in range(stop - 1, first, -1) if tokens[k].lower in _FINITE_VERBS), None)
    if verb is None and absolute:
        phrase = trailing_noun_phrase(tokens, first, stop)
        if phrase is not None and phrase[0] > first and tokens[phrase[0] - 1].lower in _ABSOLUTE:
            return phrase
    if verb is None or any(t.lower in _RELATIVE_OPENERS for t in tokens[first:verb]):
        return first, stop
    if tokens[stop - 1].lower != "to":
        phrase = trailing_noun_phrase(tokens, verb + 1, stop)
        if phrase is not None and (absolute or not after_preposition(tokens, phrase[0])):
            return phrase
        if not all(_verb_group_word(t) for t in tokens[verb + 1 : stop]):
            return None  # `Agroflora does not possess valid documents proving`: an object's
    return first, verb


_VERB_GROUP_WORDS = words("past fact particular held heard left made kept seen said told")


def _verb_group_word(token: Token) -> bool:
    """`have long`, `were shown`, `have in the past`: what may stand between an auxiliary and
    a cue whose subject is the clause's, unlike a noun phrase (`possess valid documents`)."""
    lower = token.lower
    return (
        lower in _TRAILING_ADVERBS
        or lower in _VERB_GROUP_WORDS
        or lower in PREPOSITIONS
        or lower in DETERMINERS
        or lower.endswith(("ed", "en", "ing", "ly", "wn"))
    )


_TRAILING_ADVERBS = words(
    "always long often never still already also just only ever even all both particular "
    "repeatedly previously"
)

_ABSOLUTE = words("with without despite after before")
"""Prepositions whose object may be a participle's subject (`despite Multiplex reporting`)."""

_MORE_PREPOSITIONS = words("without into upon against despite")
_ANY_PREPOSITION = PREPOSITIONS | _MORE_PREPOSITIONS

_NOT_IN_NOUN_PHRASES = (
    _FINITE_VERBS | CLAUSE_BREAKS | _ANY_PREPOSITION | words("than like not no to")
)


def after_preposition(tokens: list[Token], at: int) -> bool:
    """`have in the past said`: the phrase is the object of a preposition, not a subject."""
    return at > 0 and tokens[at - 1].lower in _ANY_PREPOSITION


_OPENS_A_PHRASE = CLAUSE_BREAKS | {"than"}


def trailing_noun_phrase(tokens: list[Token], lo: int, stop: int) -> tuple[int, int] | None:
    """The noun phrase that ends right before `stop`: one that opens with a determiner (`the
    government`), holds a name (`Donald J. Trump`) or follows a conjunction (`than previous
    studies`); None when adverbs or verbs are there (`have long`, `were shown`)."""
    while stop > lo and tokens[stop - 1].lower in _TRAILING_ADVERBS:
        stop -= 1
    start = stop
    named = False
    while start > lo:
        token = tokens[start - 1]
        lower = token.lower
        capitalised = token.text[:1].isupper()
        if token.quoted or lower in _NOT_IN_NOUN_PHRASES:
            break
        if not capitalised and (
            (not token.text[:1].isalnum() and lower not in ("’s", "'s", "&"))
            or lower.endswith(("ed", "ly"))
            or (named and lower not in DETERMINERS)
        ):
            break
        start -= 1
        named = named or capitalised
        if lower in DETERMINERS:
            return start, stop
    if named or (stop - start >= 2 and start > lo and tokens[start - 1].lower in _OPENS_A_PHRASE):
        return start, stop
    return None  # a lone lower-case word is more likely a verb or an adverb (`were shown`)
