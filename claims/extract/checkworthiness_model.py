"""The shipped check-worthiness model file: its schema, validated on load, and its loader.

The file holds the learned weights (not the training data) and the figures the trainer
measured, so a reviewer can see where the model came from and how well it did.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

MODEL_FORMAT: Final = "claims.checkworthiness/1"
VIEWS: Final = ("checkworthy", "factual")


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Figures(_Strict):
    """Precision, recall and F1 of the positive class, with the number of sentences."""

    precision: float
    recall: float
    f1: float
    n: int


class NewsCalibration(_Strict):
    """Log-odds rescaled to news: `scale * log_odds + shift`, fitted on labelled news sentences.

    Debates and news differ (news names people and reports speech in almost every sentence),
    so a model trained on debates is over-confident on news; this maps its scores to the
    share of news sentences hand-labelled check-worthy (Platt scaling).
    """

    scale: float = Field(gt=0.0)
    shift: float
    debate_threshold: float = Field(gt=0.0, lt=1.0)
    """The threshold chosen on the training debates, on the uncalibrated scale."""
    labels: str
    """Which sentences were labelled, and how."""
    labelled: int
    positives: int
    figures: dict[str, Figures]
    """On the labelled news: "before" (debate threshold), "after", "after_cross_validated"."""


class ViewWeights(_Strict):
    """A logistic model for one view: bias, cue weights and its decision threshold."""

    bias: float
    threshold: float = Field(gt=0.0, lt=1.0)
    """Probability at or above which a sentence counts as positive in this view."""
    regularisation: float = Field(gt=0.0)
    """The inverse L2 strength C chosen by cross-validation."""
    cues: dict[str, float]
    """Weight of each binary cue from `checkworthiness_cues` (code -> logit change)."""
    news: NewsCalibration | None = None
    """When set, scores are calibrated to news and `threshold` is on the calibrated scale."""


class TrainingInfo(_Strict):
    """Where the weights came from and how well they did on data they never saw."""

    data: str
    licence: str
    attribution: str
    split: str
    held_out_files: list[str]
    vocabulary_rule: str
    trained_with: dict[str, str]
    figures: dict[str, dict[str, Figures]]
    """e.g. figures["held_out"]["checkworthy"]; also cross-validation and a baseline."""


class ModelFile(_Strict):
    """Two logistic views over shared word features: check-worthy and factual."""

    format: Literal["claims.checkworthiness/1"]
    features: str
    """How a sentence becomes features (a sentence, for readers of the file)."""
    checkworthy: ViewWeights
    factual: ViewWeights
    vocabulary: dict[str, tuple[float, float]]
    """Word feature -> (check-worthy weight, factual weight), scaled by 1/sqrt(#present)."""
    training: TrainingInfo


def read_model(path: Path) -> ModelFile:
    """Validate and return the model stored at `path`."""
    return ModelFile.model_validate_json(path.read_bytes())


@cache
def packaged_model() -> ModelFile:
    """The model shipped in `claims/data/checkworthiness.json`, read once."""
    data = resources.files("claims.data").joinpath("checkworthiness.json").read_bytes()
    return ModelFile.model_validate_json(data)
