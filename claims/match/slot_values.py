"""Dates and amounts that differ in one slot: values two claims give for the same thing.

`slots` finds values that cannot both hold; this module decides whether they are values of
one thing (anchor words, one head, one subject, one period), as `relate` needs them.
"""

from __future__ import annotations

from claims.match.normalize.words import content_words
from claims.match.score import Rarity
from claims.match.side import Side
from claims.match.slots import (
    Difference,
    anchor_words,
    dated_apart,
    head_words,
    quantity_difference,
    ranked_apart,
    shares_event,
)
from claims.match.subjects import Subjects, is_substantial, own_subject

MIN_ANCHORS = 2
"""Informative words near both values needed to take them as values of one thing, unless one
of them names a subject both claims share ("The Aviator ... 11 nominations")."""


def _slot(
    a: Side,
    b: Side,
    difference: Difference | None,
    strong: bool,
    rarity: Rarity,
    named: frozenset[str],
) -> str | None:
    """A differing value counts when both values are of one thing (shared, rare nearby words)."""
    if difference is None:
        return None
    if difference.code == "numbers" and (difference.per or not _same_head(a, b, difference, named)):
        return None
    if difference.yearless and not shares_event(a.claim, b.claim, a.word_set & b.word_set):
        return None
    if strong:
        return difference.reason
    if difference.event or difference.relative or difference.history:
        return None
    near = anchor_words(a.claim, difference.span_a) & anchor_words(b.claim, difference.span_b)
    anchors = {word for word in near if rarity.informative(word)}
    if len(anchors) < MIN_ANCHORS and not anchors & named:
        return None
    return difference.reason


def _same_head(a: Side, b: Side, difference: Difference, named: frozenset[str]) -> bool:
    """Both amounts count one thing: a word right next to each, not a shared name ("IBM was
    granted 3,248 patents" and "IBM has received 25,772 patents" count different grants)."""
    first = head_words(a.claim, difference.span_a, difference.unit)
    second = head_words(b.claim, difference.span_b, difference.unit)
    return bool((first & second) - named)


def date_slot(
    a: Side,
    b: Side,
    when: Difference | None,
    strong: bool,
    rarity: Rarity,
    named: frozenset[str],
) -> str | None:
    """Dates that differ in one slot."""
    return _slot(a, b, when, strong, rarity, named)


def subjects_apart(a: Side, b: Side) -> bool:
    """Each claim names a subject of its own ("Sony ... 800,000 units" / "Nintendo ... 2.8
    million units"): their dates and amounts are of different things."""
    return own_subject(a.own_names, b.word_set) and own_subject(b.own_names, a.word_set)


def subject_words(subjects: Subjects) -> frozenset[str]:
    """The content words of the substantial entities both claims name, places excepted: a
    country says where an amount was counted, not what was counted."""
    words: set[str] = set()
    for first, second in subjects.shared:
        substantial = is_substantial(first) or is_substantial(second)
        if substantial and "place" not in (first.kind, second.kind):
            words.update(content_words(first.text))
            words.update(content_words(second.text))
    return frozenset(words)


def entity_words(subjects: Subjects) -> frozenset[str]:
    """The content words of every entity both claims name, of any kind ("Tory", "UK")."""
    words: set[str] = set()
    for first, second in subjects.shared:
        words.update(content_words(first.text))
        words.update(content_words(second.text))
    return frozenset(words)


def amount_slot(
    a: Side,
    b: Side,
    amounts: Difference | None,
    subjects: Subjects,
    strong: bool,
    rarity: Rarity,
    named: frozenset[str],
) -> str | None:
    """Amounts that differ in one slot: of one period, and of a named subject both claims
    share where the claims are not alike anyway (then also the only amount of its unit)."""
    if amounts is None or dated_apart(a.claim, b.claim) or ranked_apart(a.claim, b.claim):
        return None
    if strong:
        return _slot(a, b, amounts, strong, rarity, named)
    if not _shares_subject(subjects):
        return None
    single = quantity_difference(a.claim, b.claim, single=True)
    return _slot(a, b, single, strong, rarity, named)


def _shares_subject(subjects: Subjects) -> bool:
    """Amounts are only of one thing when the claims share a named subject (or are alike); a
    shared place says where both amounts were counted, not what was."""
    return any(
        (is_substantial(x) or is_substantial(y)) and "place" not in (x.kind, y.kind)
        for x, y in subjects.shared
    )
