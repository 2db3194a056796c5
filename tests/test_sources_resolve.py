"""Resolving mentions to registry sources: the traps (similar names, scripts, roles)."""

from __future__ import annotations

import pytest

from claims.sources.models import KnownSource
from claims.sources.resolution import Method
from claims.sources.resolve import ANONYMOUS_NAME, RegistryIndex

REGISTRY = [
    KnownSource(
        id=1, name="Rybar", kind="propaganda_outlet", country="Russia", aliases=("Рыбарь",)
    ),
    KnownSource(id=2, name="US State Department", kind="government", country="United States"),
    KnownSource(id=3, name="Interfax", kind="news_agency", country="Russia"),
    KnownSource(id=4, name="Al Iraqiya", kind="state_media", country="Iraq"),
    KnownSource(id=5, name="South Korea", kind="government", country="South Korea"),
    KnownSource(
        id=6, name="Government of Iraq", kind="government", country="Iraq", aliases=("Iraq",)
    ),
    KnownSource(
        id=7,
        name="Russian Ministry of Foreign Affairs",
        kind="government",
        country="Russia",
        parent_id=8,
        aliases=("Russian Foreign Ministry",),
    ),
    KnownSource(
        id=8, name="Government of Russia", kind="government", country="Russia", aliases=("Russia",)
    ),
    KnownSource(id=9, name="Maxim Maximov", kind="official", country="Russia", parent_id=7),
    KnownSource(id=10, name="Reuters", kind="news_agency", country="United Kingdom"),
    KnownSource(id=11, name="Izvestia", kind="state_media", country="Russia", aliases=("iz.ru",)),
    KnownSource(id=12, name="Haidar Mansour Hadi", kind="official", country="Iraq", parent_id=6),
    KnownSource(id=13, name="Shafaq News", kind="news_agency", country="Iraq"),
    KnownSource(
        id=14, name="Office of the Prime Minister of Iraq", kind="government", country="Iraq"
    ),
    KnownSource(id=15, name="Hussein Allawi", kind="official", country="Iraq", parent_id=14),
    KnownSource(id=16, name="Fadi Al-Shamri", kind="official", country="Iraq", parent_id=14),
    KnownSource(id=17, name="Anonymous source", kind="anonymous", aliases=("anonymous sources",)),
]


@pytest.fixture(scope="module")
def index() -> RegistryIndex:
    return RegistryIndex(REGISTRY)


@pytest.mark.parametrize(
    ("mention", "source_id"),
    [
        ("Рыбарь", 1),
        ("Rybar", 1),
        ("RYBAR", 1),
        ("Ry\u200bbar", 1),
        ("State Department", 2),
        ("the US State Department", 2),
        ("U.S. State Department", 2),
        ("Al-Iraqiya TV", 4),
        ("Известия", 11),
        ("Izvestiya", 11),
        ("https://www.iz.ru/1234/some-story", 11),
        ("The Iraqi Shafaq news agency", 13),
        ("Haidar Hadi", 12),
        ("Maximov", 9),
    ],
)
def test_variants_of_one_name_resolve_to_it(
    index: RegistryIndex, mention: str, source_id: int
) -> None:
    resolution = index.resolve(mention)
    assert resolution.source_id == source_id, resolution.reasons
    assert resolution.method in (Method.EXACT, Method.KEY, Method.FUZZY)
    assert resolution.score is not None and resolution.reasons


@pytest.mark.parametrize(
    ("mention", "not_this"),
    [
        ("North Korea", 5),
        ("Iran", 6),
        ("Interfax-Ukraine", 3),
        ("Interfax Ukraine", 3),
        ("Rossiya 24", 8),
    ],
)
def test_a_distinguishing_word_makes_a_new_source(
    index: RegistryIndex, mention: str, not_this: int
) -> None:
    resolution = index.resolve(mention)
    assert resolution.source_id != not_this
    assert resolution.method is Method.UNKNOWN
    assert resolution.new_source is not None and resolution.new_source.needs_review


def test_a_subset_name_does_not_borrow_an_edition_suffix() -> None:
    ukraine_only = RegistryIndex(
        [KnownSource(id=1, name="Interfax-Ukraine", kind="news_agency", country="Ukraine")]
    )
    assert ukraine_only.resolve("Interfax").method is Method.UNKNOWN


def test_an_unknown_expert_becomes_a_queued_unknown_source_of_grade_f(
    index: RegistryIndex,
) -> None:
    resolution = index.resolve("Safaa al-Assam", speaker_role="Iraqi military expert")
    assert resolution.method is Method.UNKNOWN and resolution.source_id is None
    new = resolution.new_source
    assert new is not None
    assert (new.name, new.kind.value, new.needs_review, new.parent_id) == (
        "Safaa al-Assam",
        "unknown",
        True,
        None,
    )
    assert new.country == "Iraq"
    assert "expert" in (new.description or "")


def test_an_unknown_ambassador_is_linked_to_his_foreign_ministry(index: RegistryIndex) -> None:
    resolution = index.resolve("Elbrus Kutrashev", speaker_role="The Russian ambassador to Iraq")
    assert resolution.new_source is not None
    assert resolution.new_source.parent_id == 7
    assert any("Russian Ministry of Foreign Affairs" in reason for reason in resolution.reasons)


def test_the_host_country_of_an_ambassador_is_not_his_affiliation(index: RegistryIndex) -> None:
    resolution = index.resolve("Ivan Petrov", speaker_role="Russia's ambassador in Iraq")
    assert resolution.new_source is not None and resolution.new_source.parent_id == 7


def test_a_role_without_a_name_resolves_to_the_office(index: RegistryIndex) -> None:
    ambassador = index.resolve("the Russian ambassador")
    assert (ambassador.method, ambassador.source_id) == (Method.AFFILIATION, 7)
    adviser = index.resolve("Iraqi Prime Minister Hussein Alawi's adviser")
    assert (adviser.method, adviser.source_id) == (Method.AFFILIATION, 14)


def test_a_named_person_after_a_title_is_the_person(index: RegistryIndex) -> None:
    resolution = index.resolve("Adviser to the Prime Minister of the Republic Fadi Al-Shamri")
    assert resolution.source_id == 16


def test_a_country_side_is_its_government(index: RegistryIndex) -> None:
    resolution = index.resolve("The Iraqi side")
    assert (resolution.method, resolution.source_id) == (Method.AFFILIATION, 6)


@pytest.mark.parametrize(
    "mention", ["official sources in Baghdad", "security sources", "Analysts", "Iraqi officials"]
)
def test_unnamed_people_are_the_anonymous_source(index: RegistryIndex, mention: str) -> None:
    resolution = index.resolve(mention)
    assert (resolution.method, resolution.source_id) == (Method.ANONYMOUS, 17)


@pytest.mark.parametrize(
    "mention", ["energy analyst Orin Hale of Corvane Bank", "security sources Tuesday"]
)
def test_a_named_person_after_an_anonymous_noun_is_not_anonymous(
    index: RegistryIndex, mention: str
) -> None:
    assert index.resolve(mention).method is not Method.ANONYMOUS


@pytest.mark.parametrize(
    ("mention", "why"),
    [
        ("the World Trade Council to", "ends with 'to'"),
        ("Both Corvane", "opens a clause"),
        ("Figures", "ordinary word"),
    ],
)
def test_phrases_that_are_not_names_make_no_source(mention: str, why: str) -> None:
    resolution = RegistryIndex().resolve(mention)
    assert resolution.new_source is None
    assert why in " ".join(resolution.reasons)


@pytest.mark.parametrize("mention", ["Ministers", "Economists"])
def test_unnamed_plural_people_are_anonymous(index: RegistryIndex, mention: str) -> None:
    assert index.resolve(mention).method is Method.ANONYMOUS


@pytest.mark.parametrize(
    ("mention", "name"),
    [("Moody's", "Moody's"), ("Hale & Vell's", "Hale & Vell's"), ("Iraq's", "Iraq")],
)
def test_a_final_possessive_stays_on_a_name_that_is_not_a_place(mention: str, name: str) -> None:
    resolution = RegistryIndex().resolve(mention)
    assert resolution.new_source is not None and resolution.new_source.name == name


def test_the_anonymous_source_is_created_when_the_registry_has_none() -> None:
    resolution = RegistryIndex().resolve("security sources")
    assert resolution.method is Method.ANONYMOUS
    assert resolution.new_source is not None and resolution.new_source.name == ANONYMOUS_NAME


@pytest.mark.parametrize("mention", ["He", "This declaration", "the expert", "There"])
def test_mentions_that_name_nobody_get_no_source(index: RegistryIndex, mention: str) -> None:
    resolution = index.resolve(mention)
    assert resolution.method is Method.UNNAMED
    assert resolution.source_id is None and resolution.new_source is None


def test_a_homoglyph_name_is_never_linked_to_the_source_it_imitates(
    index: RegistryIndex,
) -> None:
    spoof = "R\u0435uters"  # Cyrillic small ie
    resolution = index.resolve(spoof)
    assert resolution.method is Method.HOMOGLYPH and resolution.source_id is None
    new = resolution.new_source
    assert new is not None and "Reuters" in new.name
    assert [flag.flag for flag in new.flags] == ["homoglyph"]
    assert not new.alias_key.isascii() or new.alias_key.startswith("~")
    assert index.resolve("Reuters").source_id == 10


def test_new_sources_join_the_index_and_are_reused(index: RegistryIndex) -> None:
    local = RegistryIndex(REGISTRY)
    first = local.resolve("Safaa al-Assam")
    assert first.new_source is not None
    local.add(
        KnownSource(
            id=99,
            name=first.new_source.name,
            aliases=(first.new_source.alias,),
            alias_keys=(first.new_source.alias_key,),
        )
    )
    again = local.resolve("Safaa al-Assam")
    assert again.source_id == 99
    assert local.resolve("al-Assam").source_id == 99 or local.resolve("al-Assam").new_source


def test_two_equally_good_candidates_are_ambiguous() -> None:
    twins = RegistryIndex(
        [
            KnownSource(id=1, name="Ahmed Hassan Ali", kind="official"),
            KnownSource(id=2, name="Ahmed Hussein Ali", kind="official"),
        ]
    )
    resolution = twins.resolve("Ahmed Ali")
    assert resolution.source_id is None and resolution.method is Method.UNKNOWN
    assert any("several registry sources" in reason for reason in resolution.reasons)


def test_lookup_strict_never_uses_fuzzy_matching(index: RegistryIndex) -> None:
    assert index.lookup_strict("Haidar Hadi") is None
    assert index.lookup_strict("Haidar Mansour Hadi") == 12
    assert index.lookup_strict("iz.ru") == 11
