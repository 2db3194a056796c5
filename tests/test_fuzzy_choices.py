"""The fuzzy registry look-up scores only the names that can reach the cutoff, and resolves
every mention as scoring the whole registry does."""

from __future__ import annotations

import random

from rapidfuzz import fuzz, process

from claims.sources.fuzzy_choices import FuzzyChoices
from claims.sources.models import KnownSource
from claims.sources.resolve import FUZZY_CANDIDATE_CUTOFF, RegistryIndex

SYLLABLES = [
    "ka",
    "ri",
    "mo",
    "vel",
    "dan",
    "sho",
    "tu",
    "ber",
    "lin",
    "ash",
    "gor",
    "ped",
    "quo",
    "zim",
    "nal",
    "fer",
    "ost",
    "uv",
]
KINDS = ("official", "news_agency", "government", "ngo", "unknown")


def _made_up_name(rng: random.Random) -> str:
    words = []
    for _ in range(rng.randint(1, 3)):
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))
        words.append(word.capitalize())
    return " ".join(words)


def _misspelt(rng: random.Random, name: str) -> str:
    letters = list(name)
    for _ in range(rng.randint(0, 2)):
        at = rng.randrange(len(letters))
        if rng.random() < 0.5:
            letters.insert(at, rng.choice("aeiourstkl"))
        elif len(letters) > 2:
            letters.pop(at)
    return "".join(letters).strip() or name


def _registry(rng: random.Random, count: int) -> list[KnownSource]:
    names = sorted({_made_up_name(rng) for _ in range(count)})
    return [
        KnownSource(id=number, name=name, kind=rng.choice(KINDS))
        for number, name in enumerate(names, start=1)
    ]


class ScanningIndex(RegistryIndex):
    """The look-up as it was: every registry name scored for every mention."""

    def _close_choices(self, query: str, limit: int) -> list[tuple[str, float, int]]:
        found = process.extract(
            query,
            self._choices.choices,
            scorer=fuzz.token_set_ratio,
            score_cutoff=FUZZY_CANDIDATE_CUTOFF,
            limit=limit,
        )
        return [(choice, score, position) for choice, score, position in found]


def test_mentions_resolve_through_the_index_as_by_scanning_every_name() -> None:
    rng = random.Random(14)
    registry = _registry(rng, 800)
    indexed, scanned = RegistryIndex(registry), ScanningIndex(registry)
    mentions = [_misspelt(rng, rng.choice(registry).name) for _ in range(150)]
    mentions += [_made_up_name(rng) for _ in range(60)]
    mentions += ["Ka", "Kar", "Rik", "Ash Gor", "Velda", "Linber Ost"]
    fuzzy = 0
    for mention in mentions:
        expected = scanned.resolve(mention)
        assert indexed.resolve(mention) == expected, mention
        assert indexed.near(mention) == scanned.near(mention), mention
        fuzzy += expected.method == "fuzzy"
    assert fuzzy > 10  # the comparison covered spelling variants, not only exact names


def test_candidates_hold_every_name_that_reaches_the_cutoff() -> None:
    rng = random.Random(7)
    choices = FuzzyChoices()
    names = [_made_up_name(rng).lower() for _ in range(2000)]
    for name in names:
        choices.add(name)
    for _ in range(500):
        query = _misspelt(rng, rng.choice(names)) if rng.random() < 0.7 else _made_up_name(rng)
        query = query.lower()
        kept = set(choices.candidates(query, FUZZY_CANDIDATE_CUTOFF))
        scorer, cutoff = fuzz.token_set_ratio, FUZZY_CANDIDATE_CUTOFF
        reached = process.extract(query, names, scorer=scorer, score_cutoff=cutoff, limit=None)
        assert {position for _, _, position in reached} <= kept, query


def test_names_sharing_nothing_with_a_mention_are_not_scored() -> None:
    rng = random.Random(3)
    choices = FuzzyChoices()
    near = ["sergei vershinin", "sergey lavrov", "vershinin"]
    for name in near:
        choices.add(name)
    for _ in range(10_000):  # words of other letters than the mention's
        words = ("".join(rng.choice(OTHER_SYLLABLES) for _ in range(2)) for _ in range(2))
        choices.add(" ".join(words))
    found = choices.candidates("sergey vershinin", FUZZY_CANDIDATE_CUTOFF)
    assert found == [0, 1, 2]


OTHER_SYLLABLES = ["ka", "mo", "dau", "tu", "pol", "quo", "zam", "bal", "kum", "do", "lup"]
