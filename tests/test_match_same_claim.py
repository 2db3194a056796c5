"""A corroboration or duplicate says one thing of one actor: made-up reports in which the
words agree but the actors differ, or only names and stray words are shared, next to pairs
that must still corroborate."""

from __future__ import annotations

from claims.match.build import from_text
from claims.match.models import Judgement, Kind
from claims.match.relate import Side, relate, side
from claims.match.score import UNIFORM, Rarity
from tests.framed_claims import framed_claim

PUBLISHED = "2024-05-14"

TRIAL_ONE = (
    "Bank chief testifies in Corvane fraud trial\n"
    "\n"
    "Former Corvane chief executive Peter Halloway is on trial in Denver.\n"
    "\n"
    "Mr Dunmore has pleaded guilty to fraud and is helping prosecutors.\n"
)
TRIAL_TWO = (
    "Corvane trial hears from accountant\n"
    "\n"
    "The prosecution's main witness is Mr Ravelstone, a former Corvane accountant.\n"
    "\n"
    "He has pleaded guilty to fraud and is helping prosecutors.\n"
)
TRIAL_THREE = (
    "Corvane trial continues\n"
    "\n"
    "Mr Dunmore, a former Corvane manager, gave evidence on Tuesday.\n"
    "\n"
    "He has pleaded guilty to fraud and is helping prosecutors.\n"
)


def claim(document: str, start: str, number: int) -> Side:
    """The claim of `document` that starts with `start`, framed with its document."""
    return framed_claim(document, start, number, PUBLISHED)


def sentences(first: str, second: str) -> Judgement:
    a = side(from_text(1, 1, first, published=PUBLISHED))
    b = side(from_text(2, 2, second, published=PUBLISHED))
    return relate(a, b, UNIFORM)


def _not_same_claim(found: Judgement) -> None:
    assert found.kind not in (Kind.CORROBORATES, Kind.DUPLICATE), found.reasons


def test_one_sentence_of_two_actors_is_no_duplicate() -> None:
    found = relate(
        claim(TRIAL_ONE, "Mr Dunmore has pleaded", 1),
        claim(TRIAL_TWO, "He has pleaded", 2),
        UNIFORM,
    )
    _not_same_claim(found)
    assert found.kind == Kind.RELATED
    assert "different actors: Dunmore vs Ravelstone" in found.reasons


def test_one_sentence_of_one_actor_is_still_a_duplicate() -> None:
    found = relate(
        claim(TRIAL_ONE, "Mr Dunmore has pleaded", 1),
        claim(TRIAL_THREE, "He has pleaded", 2),
        UNIFORM,
    )
    assert found.kind in (Kind.CORROBORATES, Kind.DUPLICATE), found.reasons


def test_a_description_identified_by_a_copula_is_that_person() -> None:
    subject = claim(TRIAL_TWO, "The prosecution's main witness", 1).frame.subject
    assert subject is not None
    assert subject.text == "Ravelstone"


def test_one_act_of_firms_of_two_countries_does_not_corroborate() -> None:
    found = sentences(
        "The US firm agreed to pay $1bn to leave a deal under which it could have had"
        " to buy Marlow Motors outright.",
        "The Swedish firm wanted to buy Marlow Motors outright.",
    )
    _not_same_claim(found)
    assert any(reason.startswith("different actors:") for reason in found.reasons)


def test_one_act_of_one_firm_still_corroborates() -> None:
    found = sentences(
        "The US firm agreed to pay $1bn to leave a deal under which it could have had"
        " to buy Marlow Motors outright.",
        "The US firm had wanted to buy Marlow Motors outright.",
    )
    assert found.kind == Kind.CORROBORATES, found.reasons


NEWS_WORDS = Rarity(
    {"official": 300, "data": 300, "come": 300, "average": 300, "pay": 300, "rose": 300},
    1000,
)
"""Word counts of a news store: the words of the claims below are common, the names rare."""


def test_a_name_and_nothing_said_of_it_does_not_corroborate() -> None:
    a = side(from_text(1, 1, "Official data comes from the Bureau of Labour Figures (BLF)."))
    b = side(
        from_text(
            2,
            2,
            "Average pay rose by 3.1% in the year to March, up from February's 2.9%, the Bureau"
            " of Labour Figures (BLF) added.",
        )
    )
    found = relate(a, b, NEWS_WORDS)
    _not_same_claim(found)
    assert any(reason.startswith("little in common besides names") for reason in found.reasons)


def test_a_word_in_a_title_is_not_the_common_word() -> None:
    found = sentences(
        '"In any harvest forecast, there is comfort in averages."',
        "According to the study, Drought, Markets and Rural Harvest Crisis: A Forecast, there"
        " is a close link between the averages of rainfall and rural harvest losses.",
    )
    _not_same_claim(found)


def test_one_subject_and_one_act_in_other_words_still_corroborates() -> None:
    found = sentences(
        "Veltria will withdraw its forces from Dalmora.",
        "Veltria is starting to withdraw troops from Dalmora, officials said.",
    )
    assert found.kind == Kind.CORROBORATES, found.reasons


def test_places_say_where_and_count_as_what_is_said() -> None:
    found = sentences(
        "They also missed tests in Oslo, Lyon and Porto before the Games.",
        "The Velmor pair also missed tests in Oslo, Lyon and Porto, officials said.",
    )
    assert found.kind == Kind.CORROBORATES, found.reasons


def test_a_headline_made_of_names_still_corroborates_its_report() -> None:
    found = sentences(
        "Halloway warns Corvane on Dunmore",
        'Corvane should steer away from "demonising" Edgar Dunmore, Peter Halloway has warned.',
    )
    assert found.kind == Kind.CORROBORATES, found.reasons


def test_a_short_line_of_one_name_corroborates_nothing_about_that_name() -> None:
    found = sentences(
        "Or so says Home Secretary Edgar Dunmore.",
        "Home Secretary Edgar Dunmore has come up with proposals for a points system.",
    )
    _not_same_claim(found)


def test_it_resolved_to_a_country_tells_no_actor_apart() -> None:
    report = (
        "Velmor star turns to horror\n\nUS audiences were won over by the thriller.\n\n"
        "It is a big leap to his role in Hide and Seek, in which he plays a widower whose"
        " daughter's imaginary friend turns nasty.\n"
    )
    review = (
        "In Hide and Seek, Peter Halloway plays a widower whose daughter has a creepy"
        " imaginary friend.\n"
    )
    found = relate(
        claim(review, "In Hide and Seek", 1), claim(report, "It is a big leap", 2), UNIFORM
    )
    assert found.kind == Kind.CORROBORATES, found.reasons
