"""Scoring check-worthiness against ClaimBuster-style labelled sentences.

The CSV has `Text` and `Verdict` columns: 1 = check-worthy factual (CFS), 0 = unimportant
factual (UFS), -1 = non-factual (NFS). Two views are scored, as the evaluation README asks:
check-worthy (CFS vs the rest) and factual (CFS + UFS vs NFS).
"""

from __future__ import annotations

import csv
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, Field

from claims.extract.checkworthiness import Scorer, default_scorer

_VERDICTS = (1.0, 0.0, -1.0)


class ViewScores(BaseModel):
    """Precision, recall and F1 of the positive class of one view."""

    precision: float
    recall: float
    f1: float


class ExtractionScores(BaseModel):
    """Check-worthiness quality on a labelled CSV (the `--json` output)."""

    checkworthy: ViewScores
    factual: ViewScores
    n: int
    """Sentences scored."""
    threshold: float
    """Check-worthy threshold of the model."""
    factual_threshold: float
    sentences_per_second: float = Field(ge=0.0)
    """Scoring speed of both views together, one core."""


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    """One sentence of the CSV and its verdict (1, 0 or -1)."""

    text: str
    verdict: int


def read_labelled(csv_path: Path) -> list[LabelledSentence]:
    """The `Text`/`Verdict` rows of a ClaimBuster-format CSV; a bad verdict is an error."""
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"Text", "Verdict"} - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{csv_path.name}: missing column(s) {', '.join(sorted(missing))}")
        return [_labelled(row, line) for line, row in enumerate(reader, start=2)]


def _labelled(row: dict[str, str], line: int) -> LabelledSentence:
    raw = (row.get("Verdict") or "").strip()
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if value not in _VERDICTS:
        raise ValueError(f"line {line}: Verdict must be 1, 0 or -1, not {raw[:20]!r}")
    return LabelledSentence(row.get("Text") or "", int(value))


def binary_scores(gold: Sequence[bool], predicted: Sequence[bool]) -> ViewScores:
    """Precision, recall and F1 of the positive class (0.0 where undefined)."""
    true_pos = sum(1 for g, p in zip(gold, predicted, strict=True) if g and p)
    precision = true_pos / sum(predicted) if any(predicted) else 0.0
    recall = true_pos / sum(gold) if any(gold) else 0.0
    total = precision + recall
    f1 = 2 * precision * recall / total if total else 0.0
    return ViewScores(precision=round(precision, 4), recall=round(recall, 4), f1=round(f1, 4))


def evaluate(csv_path: Path, scorer: Scorer | None = None) -> ExtractionScores:
    """Score both views of the model on every sentence of `csv_path`."""
    sentences = read_labelled(csv_path)
    scorer = scorer or default_scorer()
    started = time.perf_counter()
    probabilities = [scorer.both(sentence.text) for sentence in sentences]
    elapsed = time.perf_counter() - started
    model = scorer.model
    checkworthy = [cw >= model.checkworthy.threshold for cw, _ in probabilities]
    factual = [fact >= model.factual.threshold for _, fact in probabilities]
    return ExtractionScores(
        checkworthy=binary_scores([s.verdict == 1 for s in sentences], checkworthy),
        factual=binary_scores([s.verdict != -1 for s in sentences], factual),
        n=len(sentences),
        threshold=model.checkworthy.threshold,
        factual_threshold=model.factual.threshold,
        sentences_per_second=round(len(sentences) / elapsed, 1) if elapsed > 0 else 0.0,
    )


def format_scores(scores: ExtractionScores) -> str:
    """A small table for people; `--json` gives `scores.model_dump()`."""
    lines = [
        f"Check-worthiness on {scores.n:,} sentences (thresholds: "
        f"check-worthy {scores.threshold:.2f}, factual {scores.factual_threshold:.2f})",
        f"{'view':<12} {'precision':>9} {'recall':>7} {'F1':>7}",
    ]
    for name, view in (("checkworthy", scores.checkworthy), ("factual", scores.factual)):
        lines.append(f"{name:<12} {view.precision:>9.3f} {view.recall:>7.3f} {view.f1:>7.3f}")
    lines.append(f"speed: {scores.sentences_per_second:,.0f} sentences/s (one core)")
    return "\n".join(lines)
