"""Entity keys and variant matching; capitalisation-based entity finding."""

from __future__ import annotations

import pytest

from claims.extract.entities import entity_key, find_entities, same_entity
from claims.text.normalize import ascii_fold, fold, norm_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ain al-Asad", "Ain Asad"),
        ("Ain al-Asad", "Ain Al Asad"),
        ("Haidar Hadi", "Haidar Mansour Hadi"),
        ("IS", "ISIL"),
        ("ISIS", "Islamic State"),
        ("Daesh", "the Islamic State"),
        ("US State Department", "State Department"),
        ("U.S. Department of State", "US State Department"),
        ("Russian Federation", "Russia"),
        ("Mykhailo Zvinchuk", "Mikhail Zvinchuk"),
        ("Mohammad Shia Al-Sudani", "Mohammed Shia al-Sudani"),
        ("Zürich", "Zurich"),
        ("Iraqi", "Iraq"),
        ("Rеuters", "Reuters"),
        ("Safaa al-Assam", "Al-Assam"),
        ("Russian Foreign Ministry", "Foreign Ministry of Russia"),
        ("Pu\u200btin", "Putin"),
    ],
)
def test_variants_are_the_same_entity(a: str, b: str) -> None:
    assert same_entity(a, b)
    assert same_entity(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("South Korea", "North Korea"),
        ("Iran", "Iraq"),
        ("Iranian", "Iraqi"),
        ("Austria", "Australia"),
        ("Bill Clinton", "Hillary Clinton"),
        ("North Carolina", "South Carolina"),
        ("Haidar Hadi", "Haidar Hani"),
        ("Moscow", "Russia"),
        ("", "Russia"),
    ],
)
def test_different_entities_do_not_match(a: str, b: str) -> None:
    assert not same_entity(a, b)


def test_keys_are_shared_by_aliases() -> None:
    assert len({entity_key(n) for n in ("IS", "ISIL", "ISIS", "Islamic State", "Daesh")}) == 1
    assert entity_key("U.S.") == entity_key("United States") == entity_key("America")
    assert entity_key("Iraqi Oil Ministry") == entity_key("Iraq Oil Ministry")
    assert entity_key("Iraq's") == entity_key("Iraq")


def test_norm_key_folds_scripts_case_and_punctuation() -> None:
    assert norm_key("Rеuters") == "reuters"
    assert norm_key("U.S. State-Department") == "us state department"
    assert norm_key("ＣＯＮ") == "con"
    assert ascii_fold("Ḥaydar") == "Haydar"
    assert fold("  Pu\u200btin\u00a0SAID ") == "putin said"


def entities_of(text: str) -> dict[str, str]:
    found = find_entities(text, 100)
    for entity in found:
        assert text[entity.span.start - 100 : entity.span.end - 100] == entity.text
    return {entity.text: entity.kind for entity in found}


def test_people_with_titles_places_and_organisations() -> None:
    text = (
        "Deputy Foreign Minister Sergey Vershinin met the Iraqi Ambassador to Russia, "
        "Abdul-Karim Hashim Mostafa, at the Russian Foreign Ministry in Moscow."
    )
    found = entities_of(text)
    assert found["Sergey Vershinin"] == "person"
    assert found["Abdul-Karim Hashim Mostafa"] == "person"
    assert found["Russian Foreign Ministry"] == "organization"
    assert found["Moscow"] == "place"
    assert "Deputy Foreign Minister Sergey Vershinin" not in found


def test_sentence_initial_common_word_is_not_an_entity() -> None:
    found = entities_of("However, the Institute for the Study of War says Russia gains.")
    assert "However" not in found
    assert found["Institute for the Study of War"] == "organization"
    assert found["Russia"] == "place"


def test_possessive_is_dropped_and_groups_are_recognised() -> None:
    found = entities_of("If the United States stops supporting the Kurds, Iraq's prisons open.")
    assert found == {"United States": "place", "Kurds": "group", "Iraq": "place"}


def test_name_particles_and_place_head_words() -> None:
    found = entities_of("The US military left the Ain al-Asad base in Anbar province.")
    assert found["Ain al-Asad"] == "place"
    assert found["Anbar"] == "place"
    assert entity_key("Ain al-Asad") == "ain asad"


def test_model_numbers_are_not_people() -> None:
    found = entities_of("Iraq wants the S-400 system.")
    assert found.get("S-400") in (None, "other")


ARTICLE = (
    "Growth slowed in the third quarter, Reuters reported. Analysts expect growth to recover "
    "once steel output rises. Turkey said its exports of steel to Iraq rose. "
    "Federal Reserve officials kept rates on hold. Putin said the talks would go on. "
    "Steel makers in turkey farms were not involved."
)


def _names(sentence: str) -> set[str]:
    from claims.extract.entities import lowercase_words

    return {e.text for e in find_entities(sentence, lowercase=lowercase_words(ARTICLE))}


def test_a_sentence_opening_word_the_document_writes_in_lower_case_is_not_a_name() -> None:
    assert "Growth" not in _names("Growth slowed in the third quarter, Reuters reported.")
    assert "Reuters" in _names("Growth slowed in the third quarter, Reuters reported.")
    assert "Steel" not in _names("Steel makers in turkey farms were not involved.")
    # without the document's evidence, a capitalised opener still counts as a name
    assert "Growth" in {e.text for e in find_entities("Growth slowed in the third quarter.")}


def test_known_names_and_runs_of_names_stay_names_at_the_start_of_a_sentence() -> None:
    assert "Turkey" in _names("Turkey said its exports of steel to Iraq rose.")
    assert "Federal Reserve" in _names("Federal Reserve officials kept rates on hold.")
    assert "Putin" in _names("Putin said the talks would go on.")


TITLED_ARTICLE = (
    "Vexland Extends Full Support to Norland's Emerging Cabinet, Signals Deeper Strategic"
    " Engagement\n\n"
    "The government of Vexland said on Monday that it would extend full support to the"
    " emerging cabinet in Norland, a strategic partner. Foreign Minister Adela Brunn signals"
    " deeper engagement in energy and trade, and the Harlow Institute called the move strategic."
    " Analysts expect a visit and further talks in March."
)


def _document_entities(text: str) -> list[set[str]]:
    from claims.extract.entities import find_document_entities, lowercase_words
    from claims.extract.sentences import split_sentences

    sentences = [(s.text, s.start) for s in split_sentences(text, [])]
    found = find_document_entities(sentences, lowercase_words(text))
    for (sentence, offset), entities in zip(sentences, found, strict=True):
        for entity in entities:  # spans still point into the document
            assert text[entity.span.start : entity.span.end] == entity.text, sentence
            assert entity.span.start >= offset
    return [{entity.text for entity in entities} for entities in found]


def test_a_title_case_headline_keeps_only_names_the_document_or_gazetteer_knows() -> None:
    from claims.extract.entities import is_title_case, lowercase_words

    headline, *body = _document_entities(TITLED_ARTICLE)
    assert is_title_case(TITLED_ARTICLE.split("\n")[0], lowercase_words(TITLED_ARTICLE))
    assert headline == {"Vexland", "Norland"}  # named in the body; the rest are plain words
    assert {"Vexland", "Norland", "Adela Brunn", "Harlow Institute"} <= set().union(*body)


def test_a_title_case_headline_finds_names_inside_longer_runs() -> None:
    text = (
        "Norland's Foreign Minister Set to Visit Vexland for Talks with Adela Brunn\n\n"
        "Adela Brunn will host the minister of Norland in Vexland, where talks are set for a"
        " second visit in May."
    )
    headline, _ = _document_entities(text)
    assert "Adela Brunn" in headline and "Vexland" in headline
    assert not any("Talks" in name or "Visit" in name for name in headline)


def test_sentences_of_names_are_not_title_case() -> None:
    from claims.extract.entities import is_title_case

    lowercase = frozenset({"support", "cabinet", "talks", "visit", "brown", "member"})
    assert not is_title_case("Mr Dalton has been MP for North Wexley since 1997.", lowercase)
    assert not is_title_case("Subs: Marsh, Brown, Tilley, Okafor, Brandt.", lowercase)
    assert not is_title_case("The cabinet will Visit Vexland for Talks.", lowercase)
    assert is_title_case("Vexland to Visit Norland for Talks on Support", lowercase)


def test_a_bare_headline_keeps_its_runs_of_capitals() -> None:
    text = "Vexland Extends Full Support to Norland's Emerging Cabinet"
    (alone,) = _document_entities(text)
    assert alone == {e.text for e in find_entities(text)}


def test_extraction_gives_claims_the_document_level_entities() -> None:
    from claims.extract.models import DocumentContext
    from claims.extract.pipeline import extract_claims

    claims = extract_claims(TITLED_ARTICLE, [], DocumentContext())
    headline = next(claim for claim in claims if claim.text.startswith("Vexland Extends"))
    assert {entity.text for entity in headline.entities} == {"Vexland", "Norland"}
