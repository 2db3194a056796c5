"""Words that name an outlet in lower case (`the state broadcaster`, `a local newspaper`)."""

from __future__ import annotations

from claims.extract.attribution.tokens import (
    AUXILIARIES,
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    TIME_WORDS,
    Token,
    words,
)

MEDIA_NOUNS = words(
    "agency newspaper paper channel broadcaster radio television tv station magazine "
    "website outlet network programme program podcast daily weekly journal service"
)
"""Head nouns of an addressee that publishes (`told the state news agency`)."""

_MAX_MODIFIERS = 3
"""How many lower-case words may stand before the head noun (`the state news channel`)."""


def outlet_ahead(tokens: list[Token], at: int) -> bool:
    """Lower-case words from `at` that end at an outlet noun (`state news channel`)."""
    for k in range(at, min(len(tokens), at + _MAX_MODIFIERS + 1)):
        token = tokens[k]
        if token.lower in MEDIA_NOUNS and not token.quoted:
            return True
        if token.quoted or not token.text.isalpha() or not token.text.islower():
            return False
    return False


_NOT_HEADS = AUXILIARIES | DETERMINERS | PREPOSITIONS | PRONOUNS | TIME_WORDS | words("that and or")


def head_noun(tokens: list[Token], at: int) -> bool:
    """`a Russian court`, `the BBC's programme`: a lower-case head noun after capitalised
    modifiers, which decides whether the addressee relays (`court` does not)."""
    if not at or not tokens[at - 1].text[:1].isupper():
        return False
    token = tokens[at]
    return (
        token.text.isalpha()
        and token.text.islower()
        and not token.quoted
        and token.lower not in _NOT_HEADS
        and (at + 1 >= len(tokens) or not tokens[at + 1].text[:1].isalpha())
    )
