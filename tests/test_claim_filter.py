"""The claim filter: assertions are claims; headings, questions, promotions and meta lines are
not. Each dropped form has a near case that must stay a claim."""

from __future__ import annotations

import pytest

from claims.extract.claim_filter import asserts, has_verb, is_claim, rejection
from claims.extract.sentences import split_sentences


def rule_of(line: str) -> str | None:
    """The rule that drops `line`, read as a paragraph of its own."""
    [unit] = split_sentences(f"{line}\n", [])
    return rejection(unit)


@pytest.mark.parametrize(
    ("dropped", "kept"),
    [
        ("A monitor, keyboard or mouse.", "The Velmor box comes without a monitor or mouse."),
        ("Hale, Dorran, Okafor, Pell, Vickery.", "Hale and Dorran were dropped."),
        ("What a dreadful result.", "It was a dreadful result."),
        ("By far the most useful gadget.", "Readers named it the most useful gadget."),
        ("Probably a Velmor model.", "We fully respect his decision."),
        ("Simple as that.", "Dunmore view him as a natural replacement."),
        ("And vice versa.", "The private market and the state always work best together."),
    ],
)
def test_sentences_without_a_verb_are_not_claims(dropped: str, kept: str) -> None:
    assert rule_of(dropped) == "no verb"
    assert rule_of(kept) is None


@pytest.mark.parametrize(
    ("dropped", "kept"),
    [
        ("Will the council approve the new bridge?", "The council approved the new bridge."),
        (
            "And how can Lisbon help Porto?",
            "The mayor asked how Lisbon could help Porto.",
        ),
        ('"Who pays for the new tram line?"', '"Nobody pays for the tram line," she said.'),
    ],
)
def test_questions_are_not_claims(dropped: str, kept: str) -> None:
    assert rule_of(dropped) == "question"
    assert rule_of(kept) is None


@pytest.mark.parametrize(
    ("dropped", "kept"),
    [
        ("Ostrava's cooperation with Gdansk", "Ostrava signs cooperation deal with Gdansk"),
        ("The Legend Of The Silver Harbour", "Silver Harbour Reopens After Two Years Of Repairs"),
        ("A decade of good harbour design", "Harbour design firm wins national award"),
        ("Olympic bronze medallist from Ostrava", "Olympic medallist from Ostrava retires"),
        ("Q&A: the harbour tax and Ostrava", "Harbour tax 'unfair', say Ostrava traders"),
        ("How to build a cheaper ferry", "Ferry builder to cut 200 jobs"),
        (
            "Quiet week: what will follow the closure of the northern mine",
            "Quiet week: miners leave the northern pit",
        ),
        ("The mining giant's long record", "Mining giant in record pay dispute"),
    ],
)
def test_headings_without_an_assertion_are_not_claims(dropped: str, kept: str) -> None:
    assert rule_of(dropped) == "heading"
    assert rule_of(kept) is None


@pytest.mark.parametrize(
    "headline",
    [
        "Tram fares up 4% in Ostrava",
        "Harbour chief stepping down",
        "Dock workers strike over pensions",
        "Valdez ready for harbour final",
        "Police arrest two after harbour fire",
        "Harbour plan not dead, says mayor",
    ],
)
def test_headline_style_assertions_stay_claims(headline: str) -> None:
    assert asserts(headline)
    assert rule_of(headline) is None


@pytest.mark.parametrize(
    ("dropped", "kept"),
    [
        (
            "Subscribe to our weekly harbour newsletter today.",
            "Subscribers to the newsletter doubled.",
        ),
        ("Click the link below to read the full report.", "Clicks on the report rose by a third."),
        ("Sign up for breaking news alerts from Ostrava.", "The port signed up two new carriers."),
        (
            "The ultimate destination for live harbour updates and shipping news.",
            "The harbour is the main destination for grain shipments.",
        ),
        ("Don't miss our coverage of the ferry strike.", "Ferry workers missed two shifts."),
    ],
)
def test_promotions_are_not_claims(dropped: str, kept: str) -> None:
    assert rule_of(dropped) in ("promotion", "interface")
    assert rule_of(kept) is None


def test_a_noun_that_looks_like_an_imperative_or_a_label_stays_a_claim() -> None:
    assert rule_of("Share prices of the ferry operator fell 3% on Monday.") is None
    assert rule_of("Download speeds in the port area doubled last year.") is None
    assert rule_of("Video games sold better than ever in the port city.") is None
    assert rule_of("Credit card debt in Ostrava fell for a second year.") is None
    assert rule_of("The ferry company stopped selling cookies on board.") is None
    assert rule_of("Valdez made it back to top-level racing in March.") is None
    assert rule_of("Share this article") == "interface"
    assert rule_of("Video: the ferry leaves Ostrava") == "interface"
    assert rule_of("Back to top") is not None


@pytest.mark.parametrize(
    ("dropped", "kept"),
    [
        (
            "In this article, we will explore what the harbour deal means.",
            "In this deal, the port will explore new routes to Gdansk.",
        ),
        (
            "This post takes a closer look at the ferry strike.",
            "The union took a closer look at the ferry accounts.",
        ),
        ("Let's take a look at the new timetable.", "The mayor let the timetable lapse."),
        ("Below, we break down the harbour budget.", "The harbour budget broke down in May."),
    ],
)
def test_text_talking_about_itself_is_not_a_claim(dropped: str, kept: str) -> None:
    assert rule_of(dropped) == "meta"
    assert rule_of(kept) is None


def test_a_quoted_promise_to_examine_stays_a_claim() -> None:
    line = '"We will examine every contract," the port director said.'
    assert rule_of(line) is None


def test_older_rules_still_apply() -> None:
    assert rule_of("Conclusion:") in ("fragment", "label")
    assert rule_of("Photo: Harbour Press Agency") == "interface"
    assert rule_of("Anna Valdez") == "fragment"
    assert not is_claim(split_sentences("Written by Anna Valdez\n", [])[0])


def test_has_verb_is_generous_but_not_blind() -> None:
    assert has_verb("Ostrava signs ferry deals")
    assert not has_verb("Ostrava and Gdansk sign ferry deal")  # a base form: `asserts` reads it
    assert asserts("Ostrava and Gdansk sign ferry deal")
    assert has_verb("People flee the flooded valley")
    assert has_verb("Minister to visit the harbour")
    assert not has_verb("Ostrava's cooperation with Gdansk")
    assert not has_verb("The future of the harbour")
