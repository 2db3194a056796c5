"""What two claims share of their content leaves out the words that say when ("in the last 18
months") and the words that report ("Analysts believe ... is likely"): a period or a verb of
belief in common says nothing in common. A date to the day still dates one event. Three
words of one topic ("his home state of X") are no statement in common unless the wordings are
alike or one claim is a headline. Made-up reports, next to pairs that must still corroborate."""

from __future__ import annotations

from claims.match.models import Kind
from tests.framed_claims import judged_reports, report


def test_two_claims_sharing_only_a_period_are_only_related() -> None:
    found = judged_reports(
        report(
            "Toner row reaches court",
            "The price of toner refills has been a bitter issue in Portugal for the last 18 "
            "months.",
        ),
        "The price",
        report("Pocket cameras lose ground", "Much of this has changed in the last 18 months."),
        "Much of",
    )
    assert found.kind == Kind.RELATED, found.reasons
    assert found.reasons[0].startswith("little in common besides when"), found.reasons


def test_one_launch_day_given_twice_still_corroborates() -> None:
    found = judged_reports(
        report(
            "Handheld rivals line up",
            "Velmor has said it will release the Quill console in Spain from 11 March.",
        ),
        "Velmor has",
        report(
            "Gadget hits the shelves",
            "Velmor's Quill console went on sale on 11 March and costs far less.",
        ),
        "Velmor's Quill",
    )
    assert found.kind == Kind.CORROBORATES, found.reasons


def test_two_beliefs_share_only_the_words_that_report_them() -> None:
    found = judged_reports(
        report("Card lender faces closure", "Analysts believe a compromise is likely."),
        "Analysts",
        report(
            "Airline cuts fares",
            '"We believe the whole airline industry will now have to move in this direction; '
            'this will likely hurt revenue in the short run," said analyst Ray Dornan.',
        ),
        '"We believe',
    )
    assert found.kind == Kind.RELATED, found.reasons
    assert found.reasons[0].startswith("little in common besides"), found.reasons


def test_one_term_beside_a_period_is_only_related() -> None:
    found = judged_reports(
        report(
            "Finance chief sets out vision",
            "Harold Penn has outlined the key themes of his party's next general election "
            "campaign.",
        ),
        "Harold Penn",
        report(
            "Talk show host launches party",
            'Mr Dray spoke to supporters on Friday. "I will be standing at the next general '
            'election."',
        ),
        '"I will',
    )
    assert found.kind == Kind.RELATED, found.reasons
    assert found.reasons[0] == "only one phrase in common: general election", found.reasons


def test_three_words_of_one_topic_are_no_statement_in_common() -> None:
    found = judged_reports(
        report(
            "Senator sweeps primaries",
            "Alder won two primaries on Tuesday. He also captured his home state of Cascadia.",
        ),
        "He also",
        report(
            "Senator keeps a platform",
            "His job in the Senate offers Alder a platform to keep speaking out on the issues he "
            "cares about, and he remains very popular in his home state of Cascadia.",
        ),
        "His job",
    )
    assert found.kind == Kind.RELATED, found.reasons
    assert found.reasons[0] == (
        "too few words in common for one statement: cascadia, home, state"
    ), found.reasons


def test_a_headline_says_its_story_in_few_words() -> None:
    found = judged_reports(
        report(
            "Ban on trawling comes into force",
            "Fishing crews in Dunmore said they would go on working.",
        ),
        "Ban on trawling",
        report(
            "Crews defy new law",
            "Hundreds of fishing crews were out on the first day after the ban on trawling with "
            "nets came into force.",
        ),
        "Hundreds of",
    )
    assert found.kind == Kind.CORROBORATES, found.reasons


def test_two_polls_with_other_margins_are_two_statements() -> None:
    found = judged_reports(
        report(
            "Governor leads in Cascadia",
            "The poll of likely voters carries a margin of error of plus or minus 3.5 "
            "percentage points, the pollsters said.",
        ),
        "The poll",
        report(
            "Race tightens in Dalmora",
            "The poll has a margin of error of plus or minus two percent among likely voters.",
        ),
        "The poll",
    )
    assert found.kind == Kind.RELATED, found.reasons
    assert found.reasons[0] == ("different figures: 3.5 percentage points vs two percent"), (
        found.reasons
    )


def test_one_figure_given_twice_still_corroborates() -> None:
    found = judged_reports(
        report("Delegate race", "It takes 2,383 delegates to win the party's nomination."),
        "It takes",
        report(
            "Front-runner closes in",
            "Alder needs 67 more delegates to reach the 2,383 needed to win the nomination.",
        ),
        "Alder needs",
    )
    assert found.kind == Kind.CORROBORATES, found.reasons
