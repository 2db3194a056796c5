"""The caches matching keeps per claim text and per pair of names stop growing: the writer's
memory levels off however many claims a store receives."""

from __future__ import annotations

import gc
import random
import tracemalloc
from collections.abc import Callable, Iterator

import pytest

from claims.extract.entities import entity_key, same_entity
from claims.match.normalize.words import content_words
from claims.match.score import match_text, text_word_keys
from claims.text.normalize import norm_key

SYLLABLES = ["ka", "ri", "mo", "vel", "dan", "sho", "tu", "ber", "lin", "ash", "gor", "ped"]
VERBS = ["said", "denied", "reported", "announced", "claimed", "confirmed"]


def _words(rng: random.Random, count: int) -> list[str]:
    return ["".join(rng.choice(SYLLABLES) for _ in range(3)) for _ in range(count)]


def _made_up(seed: int, count: int) -> Iterator[tuple[str, str, str]]:
    """Distinct made-up claims and pairs of names, as a long run of documents brings them."""
    rng = random.Random(seed)
    words, names = _words(rng, 400), [w.capitalize() for w in _words(rng, 400)]
    for _ in range(count):
        speaker, other, third = rng.sample(names, 3)
        claim = (
            f"{speaker} {rng.choice(VERBS)} that {rng.randint(2, 900)} {rng.choice(words)}"
            f" in {rng.choice(names)} {rng.choice(words)} the {rng.choice(words)}"
            f" of {rng.choice(words)} {rng.choice(words)}."
        )
        yield claim, f"{speaker} {third}", f"{other} {speaker}"


def _heap_after(seed: int, count: int, uses: list[Callable[[str, str, str], object]]) -> int:
    for claim, name, other in _made_up(seed, count):
        for use in uses:
            use(claim, name, other)
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


@pytest.mark.timeout(600)  # 60,000 claims under tracemalloc: about 30 s of CPU, more when busy
def test_the_per_text_and_per_name_caches_level_off() -> None:
    uses: list[Callable[[str, str, str], object]] = [
        lambda claim, name, other: match_text(claim),
        lambda claim, name, other: text_word_keys(claim),
        lambda claim, name, other: content_words(claim),
        lambda claim, name, other: same_entity(name, other),
        lambda claim, name, other: entity_key(name),
        lambda claim, name, other: norm_key(other),
    ]
    for cached in (match_text, text_word_keys, same_entity, entity_key, norm_key):
        cached.cache_clear()
    tracemalloc.start()
    try:
        _heap_after(1, 20_000, uses)  # past every per-claim bound
        # a second vocabulary fills the per-word caches too (one run brings only 800 words):
        # measured after it, so that what an earlier test left in them cannot tip the balance
        filled = _heap_after(2, 20_000, uses)
        again = _heap_after(3, 20_000, uses)  # as many new claims, names and words again
    finally:
        tracemalloc.stop()
    assert again - filled < filled // 10, (filled, again)
