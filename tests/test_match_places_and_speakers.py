"""Alike words that say different things of different people and places: one result in two
states, the same non-answer of two campaigns, one first-person sentence in two mouths. Made-up
reports, next to pairs that must still corroborate."""

from __future__ import annotations

from claims.match.models import Kind
from claims.match.relate import relate
from claims.match.score import Rarity
from tests.framed_claims import PUBLISHED, framed_claim, judged_reports, report


def test_one_result_in_two_states_is_two_statements() -> None:
    found = judged_reports(
        report(
            "Harlan takes the south",
            "Senator Ada Harlan has won the Democratic primary in Oklahoma.",
        ),
        "Senator Ada",
        report("Harlan rolls on", "Senator Ada Harlan has won the Democratic primary in Vermont."),
        "Senator Ada",
    )
    assert found.kind == Kind.RELATED, found.reasons
    assert any("Oklahoma" in reason and "Vermont" in reason for reason in found.reasons), (
        found.reasons
    )


def test_one_result_in_one_state_still_corroborates() -> None:
    found = judged_reports(
        report(
            "Harlan takes the south",
            "Senator Ada Harlan has won the Democratic primary in Oklahoma.",
        ),
        "Senator Ada",
        report(
            "A night of upsets",
            "Ada Harlan won the Oklahoma Democratic primary on Tuesday, beating the front-runner.",
        ),
        "Ada Harlan",
    )
    assert found.kind == Kind.CORROBORATES, found.reasons


def test_two_people_who_did_not_answer_are_two_statements() -> None:
    found = judged_reports(
        report(
            "Donors flock to Harlan",
            "Harlan did not respond to a request for comment.",
        ),
        "Harlan did",
        report(
            "Rally draws crowds",
            "Brandt campaign spokeswoman Lena Voss did not respond to a request for comment.",
        ),
        "Brandt campaign",
    )
    assert found.kind == Kind.RELATED, found.reasons
    assert found.reasons[0].startswith("different actors: Harlan vs"), found.reasons


def test_one_first_person_sentence_of_two_speakers_is_two_statements() -> None:
    found = judged_reports(
        report(
            "Harlan upbeat", '"I am going to be the next president," Ada Harlan said on Sunday.'
        ),
        '"I am',
        report(
            "Brandt upbeat", '"I am going to be the next president," Tom Brandt said on Sunday.'
        ),
        '"I am',
    )
    assert found.kind == Kind.RELATED, found.reasons
    assert found.reasons[0].startswith("in the first person by different speakers"), found.reasons


def test_one_first_person_sentence_of_one_speaker_still_corroborates() -> None:
    found = judged_reports(
        report(
            "Harlan upbeat", '"I am going to be the next president," Ada Harlan said on Sunday.'
        ),
        '"I am',
        report(
            "Harlan rallies", 'Ada Harlan told supporters: "I am going to be the next president."'
        ),
        "Ada Harlan",
    )
    assert found.kind in (Kind.CORROBORATES, Kind.DUPLICATE), found.reasons


def test_a_capital_stands_for_its_country() -> None:
    found = judged_reports(
        report("Troops to leave", "Washington will withdraw its forces from Baghdad by September."),
        "Washington will",
        report(
            "Pull-out confirmed",
            "The United States will withdraw its forces from Iraq by September.",
        ),
        "The United",
    )
    assert found.kind == Kind.CORROBORATES, found.reasons


def test_a_bare_number_of_the_noun_the_other_counts_is_a_different_figure() -> None:
    found = judged_reports(
        report("Race tightens", "Harlan leads the overall race for delegates with 55."),
        "Harlan leads",
        report("Harlan pulls ahead", "Overall, Harlan leads with 182 delegates."),
        "Overall, Harlan",
    )
    assert found.kind == Kind.RELATED, found.reasons
    assert found.reasons[0].startswith("different figures: 55 vs 182"), found.reasons


def test_a_name_that_describes_a_noun_is_not_the_actor() -> None:
    found = judged_reports(
        report(
            "Harlan's quiet gains",
            "The Vermont senator found ways to press his agenda through small provisions.",
        ),
        "The Vermont",
        report(
            "Side doors",
            "Mr. Harlan has found ways to press his agenda through small provisions to bills.",
        ),
        "Mr. Harlan",
    )
    assert found.kind == Kind.CORROBORATES, found.reasons


def test_two_campaigns_by_the_same_noun_are_two_actors() -> None:
    found = judged_reports(
        report(
            "Donors flock to Harlan",
            "The Harlan campaign did not respond to a request for comment.",
        ),
        "The Harlan",
        report(
            "Rally draws crowds",
            "The Brandt campaign did not immediately respond to a request for comment.",
        ),
        "The Brandt",
    )
    assert found.kind == Kind.RELATED, found.reasons


def _campaign_rarity() -> Rarity:
    """A store of campaign news: one claim in five says "primary", "presidential", "Democratic"."""
    common = {word: 200 for word in ("primary", "presidential", "democratic")}
    return Rarity(frequency=common, total=1000)


def test_a_name_and_the_words_of_every_campaign_story_are_no_statement() -> None:
    first = framed_claim(
        report(
            "Harlan rolls on", "Ada Harlan has won the Democratic presidential primary outright."
        ),
        "Ada Harlan",
        1,
        PUBLISHED,
    )
    second = framed_claim(
        report(
            "Brandt wrests back control",
            "Tom Brandt dealt a severe blow to Ada Harlan in the Democratic presidential primary.",
        ),
        "Tom Brandt",
        2,
        PUBLISHED,
    )
    found = relate(first, second, _campaign_rarity())
    assert found.kind == Kind.RELATED, found.reasons
    assert found.reasons[0].startswith("only common words in common besides names"), found.reasons


def test_a_rare_word_in_common_keeps_the_statement() -> None:
    first = framed_claim(
        report("Harlan rolls on", "Ada Harlan was seen eating a taco bowl before the primary."),
        "Ada Harlan",
        1,
        PUBLISHED,
    )
    second = framed_claim(
        report(
            "Lunch at the desk",
            "Before the primary, Ada Harlan was eating a taco bowl at her desk.",
        ),
        "Before the",
        2,
        PUBLISHED,
    )
    found = relate(first, second, _campaign_rarity())
    assert found.kind == Kind.CORROBORATES, found.reasons


def test_a_nationality_before_a_noun_is_not_the_actor() -> None:
    found = judged_reports(
        report(
            "Velcor's court move",
            "The embattled Russian oil giant had filed for bankruptcy protection in a US court"
            " to prevent the forced sale of its main production arm.",
        ),
        "The embattled",
        report(
            "Velcor unit buyer sued",
            "Velcor had filed for bankruptcy protection in a US court to prevent the forced sale"
            " of its main production arm.",
        ),
        "Velcor had",
    )
    assert found.kind == Kind.CORROBORATES, found.reasons


def test_two_firms_told_apart_by_nationality_are_two_actors() -> None:
    found = judged_reports(
        report("Deadline nears for Arlo deal", "The German firm wanted to buy Arlo outright."),
        "The German",
        report(
            "Arlo mulls listing",
            "The US firm agreed to pay $2bn to exit a deal under which it could have had to buy"
            " Arlo outright.",
        ),
        "The US",
    )
    assert found.kind == Kind.RELATED, found.reasons
    assert found.reasons[0].startswith("different "), found.reasons
    assert "German" in found.reasons[0], found.reasons


def test_a_list_of_other_contests_in_the_same_places_is_no_statement() -> None:
    found = judged_reports(
        report(
            "Harlan looks ahead",
            "Voters in North Carolina, Ohio, Missouri and Illinois go to the polls.",
        ),
        "Voters in",
        report(
            "A busy week ahead",
            "Next week will bring contests in Florida, Ohio, Illinois, Missouri and North"
            " Carolina.",
        ),
        "Next week",
    )
    assert found.kind == Kind.RELATED, found.reasons
    assert found.reasons[0].startswith("little in common besides where"), found.reasons


def test_one_candidate_winning_the_same_places_still_corroborates() -> None:
    found = judged_reports(
        report(
            "Brandt sweeps the south",
            "Tom Brandt has won the Republican primary in Virginia, adding to his victories in"
            " Massachusetts, Alabama and Tennessee.",
        ),
        "Tom Brandt",
        report(
            "A big night",
            "Brandt won not only in the Northeast, carrying Massachusetts, but also across the"
            " South, in Alabama, Tennessee and Virginia.",
        ),
        "Brandt won",
    )
    assert found.kind == Kind.CORROBORATES, found.reasons


def test_a_plural_that_opens_a_claim_is_not_an_actor() -> None:
    found = judged_reports(
        report(
            "Bourse in play",
            "The KSE, Europe's biggest stock market, is a key prize, listing stocks with a total"
            " capitalisation of £1.4 trillion.",
        ),
        "The KSE",
        report(
            "Bidding war ahead",
            "Experts now widely expect a bidding war for Europe's biggest stock market, which"
            " lists stocks with a total capitalisation of £1.4 trillion.",
        ),
        "Experts now",
    )
    assert found.kind == Kind.CORROBORATES, found.reasons


def test_a_record_in_two_countries_is_two_statements() -> None:
    found = judged_reports(
        report(
            "Castle takes the crown",
            "Director Ren Aoki's latest film has set a new Japanese box office record, taking"
            " 1.5bn yen in two days.",
        ),
        "Director Ren",
        report("US box office set for record high", "US box office set for record high"),
        "US box office",
    )
    assert found.kind != Kind.CORROBORATES, found.reasons


def test_a_number_in_a_name_is_no_count() -> None:
    found = judged_reports(
        report(
            "DJs picked",
            "The three DJs were chosen for their knowledge across a variety of musical genres,"
            " the station said.",
        ),
        "The three",
        report(
            "Radio shake-up",
            "Radio 1 said the three DJs had been chosen for their knowledge across a variety of"
            " musical genres.",
        ),
        "Radio 1",
    )
    assert found.kind == Kind.CORROBORATES, found.reasons
