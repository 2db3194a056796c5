"""A claim entering matching is framed once; workers and one process find the same relations."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from claims.extract.entities import same_entity
from claims.match.build import from_text
from claims.match.candidates import RARE_POSTINGS, key_weight, shared_weights
from claims.match.engine import arrivals, match_all
from claims.match.frames import align
from claims.match.frames.build import frame_of
from claims.match.frames.models import FrameSubject
from claims.match.judge import framed, keys_of
from claims.match.memory import AsArrived, MemoryIndex
from claims.match.models import Kind
from claims.match.normalize.keys import word_keys
from claims.match.relate import relate, related, side
from claims.match.score import UNIFORM, Rarity, match_text, text_word_keys
from claims.match.subjects import _same_name, compare
from tests.scripts import load_script


def test_a_framed_claim_carries_the_frame_read_afresh() -> None:
    claim = from_text(1, 1, "Velmor council will spend 40 million pounds on roads in 2026.")
    assert claim.frame is None
    ready = framed(claim)
    assert ready.frame == frame_of(claim)
    assert side(ready).frame is ready.frame
    assert keys_of(ready) == keys_of(claim)
    assert framed(ready) is ready


def test_a_frame_read_with_its_document_is_kept() -> None:
    claim = from_text(1, 1, "Bakeries in Dorlin sold 300 loaves of bread on Tuesday.")
    other = from_text(2, 1, "Velmor council will spend 40 million pounds on roads in 2026.")
    given = claim.model_copy(update={"frame": frame_of(other)})
    assert framed(given) is given
    assert side(given).frame == frame_of(other)
    assert keys_of(given) != keys_of(claim)


def test_workers_find_what_one_process_finds() -> None:
    claims = load_script("bench_match").generate(600)
    alone, tally_alone = match_all(claims, workers=1)
    shared, tally_shared = match_all(claims, workers=2)
    assert len(alone) > 100
    assert shared == alone
    assert (tally_shared.candidates, tally_shared.scored) == (
        tally_alone.candidates,
        tally_alone.scored,
    )


def test_names_judged_again_are_judged_alike() -> None:
    first = from_text(1, 1, "Haidar Mansour Hadi met Lib Dem leaders and the Russia S-400 team.")
    second = from_text(2, 2, "Haidar Hadi met Liberal Democrat leaders and the S-400 team.")
    same_entity.cache_clear()
    _same_name.cache_clear()
    fresh = compare(list(first.entities), list(second.entities))
    assert same_entity.cache_info().misses > 0
    assert _same_name.cache_info().misses > 0
    asked = same_entity.cache_info()
    again = compare(list(first.entities), list(second.entities))
    assert _same_name.cache_info().hits > 0
    assert same_entity.cache_info() == asked
    assert again == fresh
    assert fresh.shared_names()


def test_weights_computed_at_once_are_the_weights_computed_one_by_one() -> None:
    keys = {"w:korvath": 3, "w:troops": 40, "w:base": 199, "e:korvath": 3, "p:base troops": 2}
    for total in (10, 200):
        eager = Rarity.of_keys(keys, total)
        lazy = Rarity({key[2:]: n for key, n in keys.items() if key.startswith("w:")}, total)
        for words in (frozenset({"korvath", "troops"}), frozenset({"base", "unseen", "troops"})):
            assert eager.total_weight(words) == lazy.total_weight(words)
            assert [eager.weight(w) for w in sorted(words)] == [
                lazy.weight(w) for w in sorted(words)
            ]
    assert eager.weight("unseen") > eager.weight("korvath") > eager.weight("base")


def test_related_is_relate_without_the_unrelated() -> None:
    sentences = [
        "Troops will withdraw from the Korvath base next month, the minister said.",
        "Troops will remain at the Korvath base next month, the minister said.",
        "North Korea tested a missile over the sea on Tuesday.",
        "South Korea tested a missile over the sea on Tuesday.",
        "Velmor council will spend 40 million pounds on new roads this year.",
        "Velmor council will spend 55 million pounds on new roads this year.",
        "Bakeries in Dorlin sold more bread this winter than last.",
    ]
    sides = [side(from_text(i, i, text)) for i, text in enumerate(sentences, start=1)]
    kinds = set()
    for a in sides:
        for b in sides:
            full = relate(a, b, UNIFORM)
            kinds.add(full.kind)
            if full.kind == Kind.UNRELATED:
                assert related(a, b, UNIFORM) is None
            else:
                assert related(a, b, UNIFORM) == full
    assert {Kind.UNRELATED, Kind.CONFLICTS, Kind.DUPLICATE} <= kinds


def test_a_text_word_keys_are_its_match_text_word_keys() -> None:
    text = "Troops will withdraw from the Korvath base; Korvath's mayor disagreed."
    assert list(text_word_keys(text)) == word_keys(match_text(text).split())
    assert text_word_keys(text) is text_word_keys(text)


def _shared_weights_one_by_one(
    claim_id: int, probes: list[str], postings: dict[str, list[int]], frequency: dict[str, int]
) -> dict[int, float]:
    """The shared weights as first written: a hit count and a sum per claim."""
    hits: Counter[int] = Counter()
    shared: dict[int, float] = {}
    rare: set[int] = set()
    for key in probes:
        holders = postings.get(key, [])
        count = frequency.get(key, 0)
        hits.update(holders)
        if count <= RARE_POSTINGS:
            rare.update(holders)
        for other in holders:
            shared[other] = shared.get(other, 0.0) + key_weight(count)
    shared.pop(claim_id, None)
    return {other: weight for other, weight in shared.items() if other in rare or hits[other] > 1}


def test_shared_weights_are_the_weights_summed_one_by_one() -> None:
    rng = random.Random(7)
    for _ in range(200):
        keys = [f"w:k{i}" for i in range(rng.randrange(1, 12))]
        postings = {key: rng.sample(range(1, 400), rng.randrange(1, 120)) for key in keys}
        frequency = {key: len(found) + rng.randrange(0, 40) for key, found in postings.items()}
        claim_id = rng.choice(postings[keys[0]])
        probes = [*keys, "w:unheld"]
        fast = shared_weights(claim_id, probes, postings, frequency)
        slow = _shared_weights_one_by_one(claim_id, probes, postings, frequency)
        assert fast == slow
        assert list(fast) == list(slow)


def test_frame_subjects_judged_again_are_judged_alike() -> None:
    short = FrameSubject(text="Haidar Hadi", key="haidar hadi", kind="person", found="claim")
    full = FrameSubject(
        text="Haidar Mansour Hadi", key="haidar mansour hadi", kind="person", found="claim"
    )
    other = FrameSubject(text="Nigel Farage", key="nigel farage", kind="person", found="claim")
    same_entity.cache_clear()
    align._same_named.cache_clear()
    fresh = [align.same_subject(short, full), align.same_subject(short, other)]
    assert fresh == [True, False]
    asked = same_entity.cache_info()
    assert asked.misses > 0
    assert [align.same_subject(short, full), align.same_subject(short, other)] == fresh
    assert align._same_named.cache_info().hits == 2
    assert same_entity.cache_info() == asked
    assert same_entity("Haidar Hadi", "Nigel Farage") == same_entity.__wrapped__(
        "Haidar Hadi", "Nigel Farage"
    )


@pytest.mark.parametrize("complete", [False, True])
@pytest.mark.parametrize("interleaved", [False, True])
def test_an_index_read_as_it_stood_answers_as_the_index_did_then(
    interleaved: bool, complete: bool
) -> None:
    claims = load_script("bench_match").generate(300)
    if interleaved:  # documents whose claims' ids interleave: ids no longer say the order
        claims = [
            c.model_copy(update={"document_id": c.document_id + 100 * (c.id % 2)}) for c in claims
        ]
    batches = list(arrivals(claims))
    full = MemoryIndex()
    keys = {claim.id: keys_of(claim) for claim in claims}
    ends = []
    for batch in batches:
        full.add_claims(batch, {claim.id: keys[claim.id] for claim in batch})
        ends.append(full.total())
    if complete:  # word counts read through arrays (`claims.match.word_counts`)
        full.complete()
    grown = MemoryIndex()
    asked = sorted({key for found in keys.values() for key in found})
    for batch, end in zip(batches, ends, strict=True):
        grown.add_claims(batch, {claim.id: keys[claim.id] for claim in batch})
        then = AsArrived(full, end)
        assert then.total() == grown.total()
        assert then.counts(asked) == grown.counts(asked)
        assert {k: list(v) for k, v in then.holders(asked).items()} == {
            k: list(v) for k, v in grown.holders(asked).items()
        }
    assert 0 < ends[0] < ends[-1] == len(claims)


def test_kept_match_texts_and_word_keys_are_those_of_the_texts() -> None:
    claims = load_script("bench_match").generate(200)
    index = MemoryIndex()
    for batch in arrivals(claims):
        index.add_claims(batch, {claim.id: keys_of(claim) for claim in batch})
    ids = [claim.id for claim in claims]
    index.sides(ids[::2])  # some claims prepared for judging first, some not
    assert index.match_texts(ids) == {claim.id: match_text(claim.text) for claim in claims}
    assert {i: tuple(found) for i, found in index.word_keys(ids).items()} == {
        claim.id: text_word_keys(claim.text) for claim in claims
    }
