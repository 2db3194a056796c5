"""`claims eval extraction`: reading ClaimBuster-format CSVs and scoring both views."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from claims.eval.extraction import (
    ExtractionScores,
    binary_scores,
    evaluate,
    format_scores,
    read_labelled,
)
from claims.extract.checkworthiness import Scorer
from tests.test_checkworthiness import tiny_model

# Invented sentences; with a model that only sees numbers (+) and questions (-), a sentence is
# check-worthy and factual exactly when it has a figure.
ROWS = [
    ("The ferry carried 300 passengers.", "1"),  # predicted positive, CFS
    ("The museum holds 12 paintings.", "0"),  # predicted positive, UFS
    ("We opened 4 new clinics last spring.", "-1"),  # predicted positive, NFS
    ("The river flooded the valley.", "1"),  # predicted negative, CFS
    ("Where were you that night?", "-1"),  # predicted negative, NFS
    ("Let us all be kind.", "-1"),  # predicted negative, NFS
]


def write_csv(
    path: Path, rows: list[tuple[str, str]], header: tuple[str, ...] = ("Text", "Verdict")
) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Sentence_id", *header])
        writer.writerows([index, *row] for index, row in enumerate(rows))
    return path


@pytest.fixture
def figures_scorer() -> Scorer:
    return Scorer(tiny_model({"number": 4.0, "question": -4.0}, bias=-2.0))


def test_evaluate_scores_both_views(tmp_path: Path, figures_scorer: Scorer) -> None:
    scores = evaluate(write_csv(tmp_path / "sample.csv", ROWS), figures_scorer)
    # check-worthy: predicted {1, 2, 3}, gold {1, 4}: TP 1 -> P 1/3, R 1/2.
    assert scores.checkworthy.precision == pytest.approx(1 / 3, abs=1e-4)
    assert scores.checkworthy.recall == pytest.approx(0.5)
    assert scores.checkworthy.f1 == pytest.approx(0.4)
    # factual: predicted {1, 2, 3}, gold {1, 2, 4}: TP 2 -> P 2/3, R 2/3.
    assert scores.factual.precision == pytest.approx(2 / 3, abs=1e-4)
    assert scores.factual.recall == pytest.approx(2 / 3, abs=1e-4)
    assert scores.n == len(ROWS)
    assert scores.threshold == 0.5


def test_json_shape_matches_the_cli_contract(tmp_path: Path, figures_scorer: Scorer) -> None:
    dumped = evaluate(write_csv(tmp_path / "s.csv", ROWS), figures_scorer).model_dump()
    for view in ("checkworthy", "factual"):
        assert set(dumped[view]) == {"precision", "recall", "f1"}
    assert ExtractionScores.model_validate(dumped).n == len(ROWS)


def test_shipped_model_evaluates_and_formats(tmp_path: Path) -> None:
    scores = evaluate(write_csv(tmp_path / "s.csv", ROWS))
    assert scores.n == len(ROWS) and scores.sentences_per_second > 0
    table = format_scores(scores)
    assert "checkworthy" in table and "factual" in table
    assert f"{scores.checkworthy.f1:.3f}" in table


def test_binary_scores_handles_empty_classes() -> None:
    assert binary_scores([False, False], [False, False]).f1 == 0.0
    perfect = binary_scores([True, False, True], [True, False, True])
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)


def test_bad_verdict_names_the_line(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bad.csv", [("Fine.", "1"), ("Odd.", "maybe")])
    with pytest.raises(ValueError, match="line 3"):
        read_labelled(path)
    with pytest.raises(ValueError, match="line 2"):
        read_labelled(write_csv(tmp_path / "two.csv", [("Two.", "2")]))


def test_verdicts_may_be_written_as_floats(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "floats.csv", [("A.", "1.0"), ("B.", "-1.0"), ("C.", " 0 ")])
    assert [row.verdict for row in read_labelled(path)] == [1, -1, 0]


def test_missing_columns_are_reported(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "cols.csv", [("x", "1")], header=("Sentence", "Label"))
    with pytest.raises(ValueError, match="Text, Verdict"):
        read_labelled(path)
