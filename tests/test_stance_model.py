"""The shipped stance model on invented headline-body pairs: a regression guard.

Each body is written the way FNC-1's classes read (a denial of the story where it is
restated, a story walked back, a confirmation, a hedged report, another story), with
made-up names, so that a retrained model that lost what the cues carry fails here before it
ships.
"""

from __future__ import annotations

import pytest

from claims.eval.stance import Pair, pair_features, prepare
from claims.match.stance import Stance, packaged_model

HEADLINE = "Pop singer Mara Vint buys a private island off the coast of Fiji"
OTHER = "Dockworkers in Rotterdam strike over new shift schedules"

BODIES = {
    "denial": (
        "Reports that pop singer Mara Vint bought a private island off the coast of Fiji are "
        "false, her spokesman said on Tuesday. "
        "The story, which spread on social media over the weekend, is a hoax: Vint has not "
        "bought any island, the spokesman said. "
        "The rumour began on a satirical website and was picked up by several blogs. "
        "Vint is currently on tour in Europe."
    ),
    "walked back": (
        "Pop singer Mara Vint did not buy a private island off the coast of Fiji after all. "
        "Her management denied the claim on Monday and said the deal never happened. "
        "A tabloid had reported the purchase last week, citing an unnamed source. "
        "The tabloid has since retracted the article."
    ),
    "confirmation": (
        "Pop singer Mara Vint has bought a private island off the coast of Fiji, her "
        "spokesman confirmed on Tuesday. "
        "The singer paid about 12 million dollars for the island, which has a house and a "
        "small airstrip, the spokesman said. "
        "Vint plans to spend the winter there with her family. "
        "Property records filed in Suva show the sale closed in October."
    ),
    "hedged report": (
        "Pop singer Mara Vint has reportedly bought a private island off the coast of Fiji, "
        "according to a tabloid. "
        "The report, which cites an unnamed source close to the singer, could not be "
        "independently verified. "
        "Vint's representatives did not respond to requests for comment. "
        "If true, the island would be the singer's third home."
    ),
    "other story": (
        "Dockworkers at the port of Rotterdam walked out on Monday over new shift schedules. "
        "The union said the strike would last until the port authority withdrew the plan. "
        "Container traffic was halted at two terminals."
    ),
}


@pytest.fixture(scope="module")
def judged() -> dict[str, Stance]:
    pairs = [Pair(HEADLINE, index, Stance.DISCUSS) for index in range(len(BODIES))]
    bodies = dict(enumerate(BODIES.values()))
    pairs.append(Pair(OTHER, len(BODIES) - 1, Stance.AGREE))
    corpus = prepare(pairs, bodies)
    model = packaged_model()
    names = list(BODIES)
    return {
        names[pair.body_id]: model.predict(pair_features(corpus, pair))
        for pair in pairs[: len(BODIES)]
    }


def test_a_body_that_calls_the_story_a_hoax_disagrees(judged: dict[str, Stance]) -> None:
    assert judged["denial"] == Stance.DISAGREE


def test_a_body_that_walks_the_story_back_disagrees(judged: dict[str, Stance]) -> None:
    assert judged["walked back"] == Stance.DISAGREE


def test_a_body_that_confirms_the_story_does_not_disagree(judged: dict[str, Stance]) -> None:
    assert judged["confirmation"] in (Stance.AGREE, Stance.DISCUSS)


def test_a_hedged_report_of_the_story_discusses_it(judged: dict[str, Stance]) -> None:
    assert judged["hedged report"] == Stance.DISCUSS


def test_a_body_about_another_story_is_unrelated(judged: dict[str, Stance]) -> None:
    assert judged["other story"] == Stance.UNRELATED
