"""Which named things two claims share, and which they swap (South Korea for North Korea).

The speaker and the publisher are not what a claim is about, so entities named in the
attribution chain are left out. A swap is a pair of unshared entities of the same kind that
are both well-known (gazetteer entries such as countries) or both full personal names: two
claims that differ only by such a swap are about different subjects, however alike their
wording.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from claims.extract.entities import entity_key, same_entity
from claims.extract.gazetteer import canonical_keys
from claims.extract.models import Entity
from claims.match.dateline import dateline_end
from claims.match.frames.document import table_entity
from claims.match.frames.vocabulary import CAPITALS
from claims.match.models import MatchClaim
from claims.match.normalize.words import content_words

SUBJECT_KINDS = frozenset({"person", "organization", "place", "group"})


@dataclass(frozen=True)
class Subjects:
    """Entities two claims share (as pairs) and entities swapped between them."""

    shared: tuple[tuple[Entity, Entity], ...]
    swapped: tuple[tuple[Entity, Entity], ...]

    def shared_names(self) -> list[str]:
        """The shorter name of each shared entity ("Haidar Hadi", not "Haidar Mansour Hadi")."""
        return [min(first.text, second.text, key=len) for first, second in self.shared]

    def swapped_names(self) -> list[str]:
        return [f"{first.text} vs {second.text}" for first, second in self.swapped]


def subject_entities(claim: MatchClaim) -> list[Entity]:
    """The claim's entities without repeats and without its speakers and publishers, the
    place of a wire dateline and table words ("Shr", "Qtr Net")."""
    chain_keys = {entity_key(node.mention) for node in claim.chain}
    chain_keys |= {entity_key(node.source_name) for node in claim.chain if node.source_name}
    opening = claim.start + dateline_end(claim.text)
    seen: set[str] = set()
    found: list[Entity] = []
    for entity in claim.entities:
        if entity.key in seen or entity.key in chain_keys:
            continue
        if entity.span.start < opening or table_entity(entity):
            continue
        seen.add(entity.key)
        found.append(entity)
    return found


def compare(first: list[Entity], second: list[Entity]) -> Subjects:
    """Shared entities (same entity under any spelling) and swapped ones."""
    shared: list[tuple[Entity, Entity]] = []
    matched_second: set[int] = set()
    unmatched_first: list[Entity] = []
    for entity in first:
        partner = _partner(entity, second, matched_second)
        if partner is None:
            unmatched_first.append(entity)
        else:
            matched_second.add(partner)
            shared.append((entity, second[partner]))
    unmatched_second = [e for index, e in enumerate(second) if index not in matched_second]
    return Subjects(tuple(shared), tuple(_swaps(unmatched_first, unmatched_second)))


def _partner(entity: Entity, others: list[Entity], taken: set[int]) -> int | None:
    for index, other in enumerate(others):
        if index not in taken and _same(entity, other):
            return index
    return None


def _same(first: Entity, second: Entity) -> bool:
    """One entity under any spelling; a capital or a seat of government stands for its
    country ("Washington will withdraw its forces from Baghdad" / "The United States will
    withdraw its forces from Iraq"), as in claim frames."""
    if first.key == second.key:
        return True
    if CAPITALS.get(first.key, first.key) == CAPITALS.get(second.key, second.key):
        return True
    return _same_name(first.text, first.key, second.text, second.key)


NAME_PAIR_CACHE = 1 << 13
"""Pairs of entity names whose sameness is kept, the most recently used: the claims of a
story share their few names (generated 10k claims: 149,000 questions, 19,000 distinct
pairs), and the names' own cache (`same_entity`) is shared with every other caller. A long
ingest asks about many more (1,250 BBC articles in the writer: 238,000 pairs; 41 % of
look-ups found at this bound, 45 % at 16,384, 50 % with no bound)."""


@lru_cache(maxsize=NAME_PAIR_CACHE)
def _same_name(text_a: str, key_a: str, text_b: str, key_b: str) -> bool:
    """`_same` of two entities of different keys, told by their texts and keys."""
    if same_entity(text_a, text_b):
        return True
    return _code_suffix(key_a, key_b) or _abbreviated(key_a, key_b)


def same_name(text_a: str, key_a: str, text_b: str, key_b: str) -> bool:
    """Two names of one entity under any spelling, abbreviation or qualifier ("Liberal
    Democrat" / "Lib Dem", "Russia's S-400" / "S-400"), told by their texts and keys."""
    return key_a == key_b or _same_name(text_a, key_a, text_b, key_b)


MIN_ABBREVIATION = 3


def _abbreviated(first: str, second: str) -> bool:
    """ "lib dem" and "liberal democrat": word by word, one name shortens the other."""
    words_a, words_b = first.split(), second.split()
    if len(words_a) != len(words_b) or len(words_a) < 2:
        return False
    return all(
        len(min(x, y, key=len)) >= MIN_ABBREVIATION and (x.startswith(y) or y.startswith(x))
        for x, y in zip(words_a, words_b, strict=True)
    )


def _code_suffix(first: str, second: str) -> bool:
    """ "russia s 400" and "s 400": a model code or name with a qualifier in front."""
    shorter, longer = sorted((first, second), key=len)
    if not longer.endswith(" " + shorter):
        return False
    return len(shorter.split()) >= 2 or any(ch.isdigit() for ch in shorter)


def _swaps(first: list[Entity], second: list[Entity]) -> list[tuple[Entity, Entity]]:
    swaps: list[tuple[Entity, Entity]] = []
    used: set[int] = set()
    for entity in first:
        if not _swappable(entity):
            continue
        words = set(entity.key.split())
        for index, other in enumerate(second):
            if index in used or other.kind != entity.kind or not _swappable(other):
                continue
            canonical = entity.key in canonical_keys() and other.key in canonical_keys()
            if canonical or not words & set(other.key.split()):
                swaps.append((entity, other))
                used.add(index)
                break
    return swaps


def _swappable(entity: Entity) -> bool:
    if entity.kind not in SUBJECT_KINDS:
        return False
    if entity.key in canonical_keys():
        return True
    return entity.kind == "person" and len(entity.key.split()) >= 2


def is_substantial(entity: Entity) -> bool:
    """An entity worth calling a shared subject: a known name or a multi-word name."""
    return entity.kind in SUBJECT_KINDS and (
        entity.key in canonical_keys() or len(entity.key.split()) >= 2 or entity.kind != "place"
    )


OWN_SUBJECT_KINDS = frozenset({"person", "organization", "other"})
"""Kinds of names that can say whose value a claim gives: places say where, not whose."""


def own_names(entities: list[Entity], claim: MatchClaim) -> tuple[frozenset[str], ...]:
    """The content words of each of the claim's names that can say whose value it gives (what
    `own_subject` asks of it, read once per claim)."""
    return tuple(words for entity in entities if (words := _own_name_words(entity, claim)))


def own_subject(names: Sequence[frozenset[str]], other_words: frozenset[str]) -> bool:
    """A claim names someone or something the other claim never mentions (no word of the name
    in it): a product, company or band of its own ("Korn ... 10 singles"). `names` are the
    claim's `own_names`."""
    return any(not words & other_words for words in names)


def _own_name_words(entity: Entity, claim: MatchClaim) -> frozenset[str]:
    if entity.kind not in OWN_SUBJECT_KINDS:
        return frozenset()
    if entity.kind == "other" and entity.span.start - claim.start <= 0:
        return frozenset()  # a capitalised first word is often no name ("Increased take-up ...")
    return frozenset(content_words(entity.text))
