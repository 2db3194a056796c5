"""Scoring candidate pairs: rapidfuzz on folded ASCII text plus rarity-weighted word overlap.

Two rapidfuzz scorers answer two questions. `ratio` on the whole folded sentence says how
alike the wording is (a syndicated or repeated sentence scores 95+). `token_set_ratio` on
the content words is the cheap first filter: it is computed for every candidate pair in one
`cpdist` call with a `score_cutoff`, so pairs that share too little never reach `relate`.
The rarity-weighted Dice overlap then says whether two claims share what matters: two claims
that share "Haidar", "Hadi" and "S-400" are about one thing; two that share "said" and
"government" are not.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from claims.match.models import MatchClaim
from claims.match.normalize.keys import WORD, word_keys
from claims.match.normalize.words import content_words
from claims.text.normalize import ascii_fold

CANDIDATE_CUTOFF = 50.0
"""token_set_ratio of the content words below which a candidate pair is not related at all."""

MATCH_TEXT_CACHE = 16_384
"""Claim texts whose match text is kept, the most recently used: a store's busy stories fit
(1,250 BBC articles, 21,000 texts: 97 % of look-ups found, 98 % with no bound), and the
writer's memory stops growing with the store."""

TEXT_WORD_KEYS_CACHE = 8_192
"""Claim texts whose word keys are kept: a miss only splits a kept match text again, and each
entry holds a tuple of key strings (about 1 KB), so half as many as match texts (1,250 BBC
articles: 83 % of look-ups found, 91 % at 16,384)."""

MIN_WEIGHT = 0.1
"""The weight of a word that appears in every claim: it still counts, a little."""

SMALL_CORPUS = 20
"""Below this many claims, frequencies say nothing and every word is informative."""
INFORMATIVE_SHARE = 0.4
"""A word is informative when its weight reaches this share of the largest possible weight."""

_NOT_WORD_RE = re.compile(r"[^a-z0-9%$.,]+")


def inverse_frequency(total: int, seen: int) -> float:
    """A word's weight among `total` claims, `seen` of which hold it."""
    return max(MIN_WEIGHT, math.log((total + 1) / (seen + 1)))


@dataclass(frozen=True)
class Rarity:
    """Document frequencies of content words over the stored claims: rare words weigh more."""

    frequency: Mapping[str, int]
    total: int
    _weights: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    _informative: float = field(init=False, compare=False, repr=False)
    """The weight from which a word is informative (`informative`), computed once."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_informative", INFORMATIVE_SHARE * math.log(self.total + 1))

    def weight(self, word: str) -> float:
        """Inverse document frequency, never below MIN_WEIGHT; unseen words weigh most.

        Below SMALL_CORPUS claims frequencies are noise and every word weighs the same.
        """
        known = self._weights.get(word)
        if known is not None:
            return known
        if self.total < SMALL_CORPUS:
            found = 1.0
        else:
            found = inverse_frequency(self.total, self.frequency.get(word, 0))
        self._weights[word] = found
        return found

    def total_weight(self, words: frozenset[str]) -> float:
        weights = self._weights
        total = 0.0
        try:
            for word in words:
                total += weights[word]
        except KeyError:
            total = 0.0
            for word in words:
                known = weights.get(word)
                total += known if known is not None else self.weight(word)
        return total

    @classmethod
    def of_keys(cls, key_frequency: Mapping[str, int], total: int) -> Rarity:
        """Word rarity from blocking-key counts ("w:troop"), each word's weight computed at
        once (once for each count: many words share one): judging an arrival's pairs asks for
        nearly all of them, many times."""
        width = len(WORD)
        words = {key[width:]: n for key, n in key_frequency.items() if key.startswith(WORD)}
        rarity = cls(words, total)
        if total >= SMALL_CORPUS:
            by_count = {n: inverse_frequency(total, n) for n in set(words.values())}
            rarity._weights.update({word: by_count[n] for word, n in words.items()})
        return rarity

    def prefill(self, weights: Mapping[str, float]) -> None:
        """Take these words' weights, computed at once elsewhere as `weight` computes them."""
        self._weights.update(weights)

    def informative(self, word: str) -> bool:
        """A word rare enough to identify what a value is about (not "Iraq" in Iraq news)."""
        if self.total < SMALL_CORPUS:
            return True
        return self.weight(word) >= self._informative


class WordFrequency(Mapping[str, int]):
    """Word frequencies read from blocking-key frequencies ("w:troop", "e:islamic state")."""

    def __init__(self, key_frequency: Mapping[str, int]) -> None:
        self._keys = key_frequency

    def __getitem__(self, word: str) -> int:
        return self._keys[WORD + word]

    def __iter__(self) -> Iterator[str]:
        return (key[2:] for key in self._keys if key.startswith(WORD))

    def __len__(self) -> int:
        return len(self._keys)


UNIFORM = Rarity({}, 0)
"""Every word weighs the same (for two claims compared on their own)."""


class Profile:
    """A claim prepared for comparison: its content words and folded wording, computed once."""

    def __init__(self, claim: MatchClaim) -> None:
        self.claim = claim
        self.words: tuple[str, ...] = tuple(content_words(claim.text))
        self.word_set: frozenset[str] = frozenset(self.words)
        self._weighed: Rarity | None = None
        self._total = 0.0

    @cached_property
    def word_keys(self) -> list[str]:
        """The claim's word keys ("w:troop"): what its words' rarity is counted by."""
        return word_keys(self.words)

    @cached_property
    def match_text(self) -> str:
        """The content words in order: what token_set_ratio compares (see `match_text`)."""
        return " ".join(self.words)

    def total_weight(self, rarity: Rarity) -> float:
        """The summed weight of the claim's words (cached for the last rarity used)."""
        if self._weighed is not rarity:
            self._weighed, self._total = rarity, rarity.total_weight(self.word_set)
        return self._total

    @cached_property
    def wording(self) -> str:
        """The sentence folded to lower-case ASCII words: what ratio compares."""
        return _NOT_WORD_RE.sub(" ", ascii_fold(self.claim.text).lower()).strip()


@dataclass(frozen=True)
class Overlap:
    """How much of what matters two claims share."""

    shared: frozenset[str]
    dice: float
    containment: float


def overlap(a: Profile, b: Profile, rarity: Rarity) -> Overlap:
    """Rarity-weighted Dice and containment (share of the lighter claim found in the other)."""
    shared = a.word_set & b.word_set
    if not shared:
        return Overlap(frozenset(), 0.0, 0.0)
    common = rarity.total_weight(frozenset(shared))
    total_a = a.total_weight(rarity)
    total_b = b.total_weight(rarity)
    dice = 2 * common / (total_a + total_b)
    containment = common / min(total_a, total_b)
    return Overlap(frozenset(shared), min(1.0, dice), min(1.0, containment))


def wording(a: Profile, b: Profile) -> float:
    """How alike the two sentences are, word for word (0-100)."""
    return float(fuzz.ratio(a.wording, b.wording))


def text_overlap(a: Profile, b: Profile) -> float:
    """token_set_ratio of the content words (0-100)."""
    return float(fuzz.token_set_ratio(a.match_text, b.match_text))


def score_pairs(
    left: Sequence[Profile],
    right: Sequence[Profile],
    *,
    cutoff: float = CANDIDATE_CUTOFF,
    workers: int = 1,
) -> np.ndarray:
    """token_set_ratio of each pair (left[i], right[i]); 0 where below `cutoff`.

    One `cpdist` call for a whole batch lets rapidfuzz use several cores.
    """
    if not left:
        return np.zeros(0, dtype=np.float32)
    scores: np.ndarray = process.cpdist(
        [profile.match_text for profile in left],
        [profile.match_text for profile in right],
        scorer=fuzz.token_set_ratio,
        score_cutoff=cutoff,
        dtype=np.float32,
        workers=workers,
    )
    return scores


@lru_cache(maxsize=MATCH_TEXT_CACHE)
def match_text(text: str) -> str:
    """What `token_set_ratio` compares for a claim: its content words in order.

    Cached: incremental matching meets the same stored candidates document after document,
    and normalising their words was a quarter of ingest time.
    """
    return " ".join(content_words(text))


@lru_cache(maxsize=TEXT_WORD_KEYS_CACHE)
def text_word_keys(text: str) -> tuple[str, ...]:
    """The word keys of a claim text's content words: what its words' rarity is counted by.

    Cached like `match_text`: the claims of a busy story are judged again with each arrival.
    """
    return tuple(word_keys(match_text(text).split()))


def pairs_reaching_cutoff(
    pairs: Sequence[tuple[int, int]],
    compared: Mapping[int, str],
    *,
    cutoff: float = CANDIDATE_CUTOFF,
) -> dict[tuple[int, int], float]:
    """The candidate pairs whose claims' match texts (`compared`, `match_text`) reach the
    rapidfuzz cutoff, with their `token_set_ratio` (in the order of `pairs`).

    The same test `judge` starts with, run on texts alone, so that the claims of pairs that
    fail it never need to be loaded and profiled in full. A score that reaches the cutoff is
    the score computed without one, so the judging budget ranks by it (`claims.match.judged`).
    """
    if not pairs:
        return {}
    scores = process.cpdist(
        [compared[a] for a, _ in pairs],
        [compared[b] for _, b in pairs],
        scorer=fuzz.token_set_ratio,
        score_cutoff=cutoff,
        dtype=np.float32,
    )
    return {
        pair: float(score) for pair, score in zip(pairs, scores, strict=True) if score >= cutoff
    }


def best_matches(
    query: Profile,
    choices: Sequence[Profile],
    *,
    cutoff: float = CANDIDATE_CUTOFF,
    limit: int | None = None,
) -> list[tuple[int, float]]:
    """Indexes of the choices whose content words resemble the query's, best first."""
    found = process.extract(
        query.match_text,
        [profile.match_text for profile in choices],
        scorer=fuzz.token_set_ratio,
        score_cutoff=cutoff,
        limit=limit,
    )
    return [(index, float(score)) for _, score, index in found]
