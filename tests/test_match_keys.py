"""Blocking keys, candidate lookup, clusters and repeated paragraphs (pure parts)."""

from __future__ import annotations

from claims.match.build import from_text
from claims.match.candidates import KeyIndex, from_postings, probe_keys
from claims.match.cluster import Appearance, UnionFind, stories
from claims.match.engine import keys_of, match_all
from claims.match.models import Kind
from claims.match.normalize.keys import PAIR_WINDOW, number_key, word_pairs
from claims.match.normalize.words import content_words
from claims.match.repeats import repeated_copies


def test_content_words_fold_case_script_plurals_and_codes() -> None:
    assert content_words("The Iraqi forces bought S-400 systems") == [
        "iraq",
        "force",
        "bought",
        "s400",
        "system",
    ]
    assert content_words("Wіthdraws") == content_words("withdraws")  # Cyrillic "і"
    assert "usa" in content_words("The US said") and "us" not in content_words("tell us")


def test_numbers_are_keyed_by_value() -> None:
    assert number_key(2500.0) == number_key(2499.9) == "2500"
    assert number_key(1.5e9) == "1500000000"
    assert number_key(None) is None


def test_keys_cover_entities_numbers_dates_and_words() -> None:
    claim = from_text(1, 1, "Haidar Hadi said 2,500 troops left Iraq in March 2024.")
    keys = keys_of(claim)
    assert "e:haidar hadi" in keys
    assert "n:2500" in keys
    assert "d:2024-03" in keys
    assert "w:troop" in keys


def test_probes_skip_unique_and_overly_common_keys() -> None:
    frequency = {"w:rare": 3, "w:unique": 1, "w:common": 10_000, "w:mid": 40}
    assert probe_keys(frequency, frequency) == ["w:rare", "w:mid"]


def test_word_pairs_are_ordered_and_stay_within_the_window() -> None:
    assert word_pairs(["growth", "economy", "growth"]) == ["economy growth"]
    far = ["alpha"] + [f"filler{i}" for i in range(PAIR_WINDOW)] + ["omega"]
    pairs = word_pairs(far)
    assert "alpha filler0" in pairs and "alpha omega" not in pairs
    keys = keys_of(from_text(1, 1, "China's economy grew fast, the growth picture stays strong."))
    assert "p:economy growth" in keys and "w:economy" in keys


def test_rare_word_pairs_are_probed_apart_from_single_keys() -> None:
    frequency = {f"w:rare{i}": 2 + i for i in range(12)}
    frequency |= {"p:a b": 50, "p:c d": 5, "p:e f": 1, "p:g h": 61}
    probes = probe_keys(frequency, frequency)
    assert probes[:10] == [f"w:rare{i}" for i in range(10)]
    assert probes[10:] == ["p:a b", "p:c d"]  # rare pairs, commonest first


def test_claims_sharing_only_common_words_meet_through_a_word_pair() -> None:
    birds = "kestrel heron plover osprey merlin curlew dunlin avocet bittern egret"
    trees = "maple birch alder rowan hazel aspen larch cedar spruce juniper"
    texts = [f"The economy of region{i} depends on tourism{i}." for i in range(70)]
    texts += [f"Growth in sector{i} slowed after storm{i}." for i in range(70)]
    texts += [
        f"Birdwatchers counted {birds}.",
        f"Foresters planted {trees}.",
        f"Analysts said the economy showed steady growth, citing {birds}.",
        f"Officials expect economy growth to continue despite {trees}.",
    ]
    claims = [from_text(i, i, text) for i, text in enumerate(texts, start=1)]
    index = KeyIndex()
    for claim in claims:
        index.add(claim.id, keys_of(claim))
    first, second = claims[-2], claims[-1]
    frequency = index.frequency()
    assert frequency["w:economy"] > 60 and frequency["w:growth"] > 60
    # their ten rarest keys are the birds and trees: the two common words are never looked up
    assert "w:economy" not in probe_keys(keys_of(second), frequency)
    assert index.candidates(second.id, keys_of(second)) == {first.id, claims[-3].id}
    assert second.id in index.candidates(first.id, keys_of(first))


def test_a_candidate_needs_one_rare_or_two_looked_up_keys() -> None:
    postings = {"w:rare": [1, 2], "w:a": [1, 3, 4], "w:b": [1, 4]}
    frequency = {"w:rare": 2, "w:a": 500, "w:b": 400}
    sizes = {1: 3, 2: 1, 3: 1, 4: 2}
    assert from_postings(1, ["w:rare", "w:a", "w:b"], postings, frequency, sizes) == {2, 4}


def test_the_index_finds_a_repeated_story_but_not_an_unrelated_claim() -> None:
    texts = [
        "Haidar Hadi denied that Iraq will buy S-400 systems from Russia.",
        "Iraq will buy S-400 systems from Russia, according to reports.",
        "The football club signed a goalkeeper from Lisbon.",
    ]
    claims = [from_text(i, i, text) for i, text in enumerate(texts, start=1)]
    index = KeyIndex()
    for claim in claims:
        index.add(claim.id, keys_of(claim))
    assert index.candidates(2, keys_of(claims[1])) == {1}
    found, tally = match_all(claims)
    assert [(item.low, item.high, item.judgement.kind) for item in found] == [
        (1, 2, Kind.CONFLICTS)
    ]
    assert tally.candidates == 1 and tally.scored == 1


def test_union_find_groups() -> None:
    sets: UnionFind[int] = UnionFind()
    for a, b in [(1, 2), (3, 4), (2, 4)]:
        sets.union(a, b)
    sets.add(5)
    assert sorted(map(sorted, sets.groups())) == [[1, 2, 3, 4]]


def test_first_appearance_is_the_earliest_dated_document() -> None:
    seen = {
        1: Appearance("2025-03-01", 1, 0),
        2: Appearance(None, 0, 0),
        3: Appearance("2024-12-30", 5, 40),
        4: Appearance("2024-12-30", 5, 10),
        5: Appearance("2026-01-01", 9, 0),
    }
    found = stories(seen, [(1, 2), (2, 3), (3, 4)], seen.__getitem__)
    assert [(story.members, story.first) for story in found] == [((1, 2, 3, 4), 4)]


def test_repeated_paragraph_copies_are_found_from_debris() -> None:
    paragraph = "Moscow sees Iraq as a partner. It sells arms."
    text = f"{paragraph}\n\nOther text here.\n\n{paragraph}"
    copy_start = text.rindex(paragraph)
    debris = [(copy_start, len(text), f"repeated paragraph (first at 0-{len(paragraph)})")]
    copies = repeated_copies(text, debris, [(0, 30), (31, 45)])
    assert [(c.claim_start, c.start, c.end) for c in copies] == [
        (0, copy_start, copy_start + 30),
        (31, copy_start + 31, copy_start + 45),
    ]
    assert copies[0].reason.startswith("duplicate: repeated in the same document")
    assert repeated_copies(text, [(0, 5, "share button")], [(0, 30)]) == []
