"""FNC-1 scoring and `claims eval stance` on a tiny invented sample."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from claims.cli import main
from claims.eval.stance import (
    Pair,
    Split,
    evaluate,
    fnc_score,
    held_out_bodies,
    held_out_pairs,
    read_pairs,
    score,
    stories,
    training_pairs,
)
from claims.match.stance import FEATURES, Stance, packaged_model

A, D, S, U = Stance.AGREE, Stance.DISAGREE, Stance.DISCUSS, Stance.UNRELATED

BODIES = {
    1: "Officials confirmed on Monday that the city zoo's panda gave birth to twins. "
    "The zoo said both cubs are healthy and the mother is doing well.",
    2: "The claim that the city zoo's panda gave birth to twins is a hoax, the zoo said. "
    "No panda has given birth this year, a spokesman denied the reports.",
    3: "The football club signed a new goalkeeper from Lisbon for the coming season.",
}
STANCES = [
    ("City zoo panda gives birth to twins", 1, "agree"),
    ("City zoo panda gives birth to twins", 2, "disagree"),
    ("City zoo panda gives birth to twins", 3, "unrelated"),
    ("Football club signs goalkeeper from Lisbon", 3, "agree"),
    ("Football club signs goalkeeper from Lisbon", 1, "unrelated"),
]


def write_files(folder: Path) -> tuple[Path, Path]:
    bodies, stances = folder / "bodies.csv", folder / "stances.csv"
    with bodies.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Body ID", "articleBody"])
        writer.writerows(BODIES.items())
    with stances.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Headline", "Body ID", "Stance"])
        writer.writerows(STANCES)
    return stances, bodies


def test_fnc_score_weights_relatedness_and_exact_stance() -> None:
    gold = [A, U, D, S]
    predicted = [A, U, S, U]
    # earned 1 + 0.25 + 0.25 + 0 of a best 1 + 0.25 + 1 + 1
    assert abs(fnc_score(gold, predicted) - 1.5 / 3.25) < 1e-9
    assert fnc_score(gold, gold) == 1.0


def test_scores_per_class_and_confusion() -> None:
    found = score([A, A, D, U], [A, S, D, D])
    assert found.per_class["agree"].precision == 1.0
    assert found.per_class["agree"].recall == 0.5
    assert found.per_class["disagree"].precision == 0.5
    assert found.confusion["unrelated"]["disagree"] == 1
    assert found.related_accuracy == 0.75
    assert found.pairs == 4


def test_the_split_is_by_body_and_reproducible() -> None:
    held = held_out_bodies(range(100))
    assert len(held) == 20 and held == held_out_bodies(reversed(range(100)))
    assert held != held_out_bodies(range(100), seed=1)


def test_the_shipped_model_matches_the_features() -> None:
    model = packaged_model()
    assert model.features == list(FEATURES)
    assert model.boosted is not None and len(model.boosted.baseline) == len(model.classes) == 4
    assert all(len(trees) == 4 for trees in model.boosted.trees)
    assert model.training["held_out"] and model.training["held_out_stories"]


def test_evaluate_runs_the_product_logic_on_a_tiny_sample(tmp_path: Path) -> None:
    stances, bodies = write_files(tmp_path)
    assert [pair.stance for pair in read_pairs(stances)] == [A, D, U, A, U]
    found = evaluate(stances, bodies, packaged_model())
    assert found.pairs == 5 and found.bodies == 3
    assert found.confusion["unrelated"]["unrelated"] == 2
    assert 0.0 <= found.fnc_score <= 100.0


def test_the_eval_stance_command_prints_json(tmp_path: Path) -> None:
    stances, bodies = write_files(tmp_path)
    result = CliRunner().invoke(
        main, ["eval", "stance", "--stances", str(stances), "--bodies", str(bodies), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data["per_class"]) == {"agree", "disagree", "discuss", "unrelated"}
    assert 0.0 <= data["fnc_score"] <= 100.0


def test_the_eval_stance_report_names_the_disagree_f1(tmp_path: Path) -> None:
    stances, bodies = write_files(tmp_path)
    result = CliRunner().invoke(
        main, ["eval", "stance", "--stances", str(stances), "--bodies", str(bodies)]
    )
    assert result.exit_code == 0, result.output
    line = next(row for row in result.stdout.splitlines() if row.startswith("disagree"))
    assert line.startswith("disagree (conflicts) F1: ")
    assert 0.0 <= float(line.rsplit(" ", 1)[1]) <= 1.0


def story_pairs() -> list[Pair]:
    """Ten invented stories, each with two headlines and three bodies, plus unrelated pairs."""
    pairs = []
    for story in range(10):
        for headline in (f"story {story} headline a", f"story {story} headline b"):
            for body in range(3):
                pairs.append(Pair(headline, 100 * story + body, D if body == 2 else A))
            pairs.append(Pair(headline, 100 * ((story + 1) % 10), U))
    return pairs


def test_stories_join_headlines_and_bodies_through_related_pairs_only() -> None:
    found = stories(story_pairs())
    assert len(set(found.values())) == 10
    assert found["hstory 3 headline a"] == found["hstory 3 headline b"] == found["b301"] == 300
    assert found["b400"] != found["hstory 3 headline a"]  # joined only by an unrelated pair


def test_held_out_stories_share_no_headline_or_body_with_training() -> None:
    pairs = story_pairs()
    held = held_out_pairs(pairs, Split.STORY)
    training = training_pairs(pairs)
    assert len({pair.body_id // 100 for pair in held}) == 2  # a fifth of ten stories
    related = [pair for pair in held if pair.stance != U]
    assert related and not {pair.headline for pair in related} & {p.headline for p in training}
    assert not {pair.body_id for pair in held} & {pair.body_id for pair in training}
    by_body = held_out_pairs(pairs, Split.BODY)
    assert not {pair.body_id for pair in by_body} & {pair.body_id for pair in training}
    # held out by body, a story's headlines are still seen with its other bodies
    assert {pair.headline for pair in by_body} & {pair.headline for pair in training}


def test_the_eval_stance_command_scores_held_out_stories(tmp_path: Path) -> None:
    stances, bodies = write_files(tmp_path)
    result = CliRunner().invoke(
        main,
        [
            *("eval", "stance", "--stances", str(stances), "--bodies", str(bodies)),
            "--held-out-stories",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["split"] == "story" and data["held_out_only"]
