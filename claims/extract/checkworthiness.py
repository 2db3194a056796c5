"""Check-worthiness: how much a sentence asserts something a fact-checker could verify.

A small logistic model over word features plus readable cues (numbers, dates, names, reported
speech, hedges, opinion, questions, first person). Each cue's weight has a fixed sign, so the
reasons handed to reviewers add up, with the model's bias, to the score's log-odds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from claims.extract.checkworthiness_cues import CUE_LABELS, Cue, find_cues
from claims.extract.checkworthiness_features import lexical_features
from claims.extract.checkworthiness_model import ModelFile, ViewWeights, packaged_model
from claims.extract.models import Reason

_SHOWN_WORDS = 3
_SHOWN_MATCHES = 3
_NEGLIGIBLE = 0.01


@dataclass(frozen=True, slots=True)
class ViewScore:
    """One view's probability and the additive parts of its log-odds."""

    probability: float
    bias: float
    word_total: float
    word_parts: dict[str, float]
    cue_parts: dict[str, float]


class Scorer:
    """Scores sentences with one model file; build once, call many times."""

    def __init__(self, model: ModelFile) -> None:
        self.model = model
        self._checkworthy = {word: pair[0] for word, pair in model.vocabulary.items()}
        self._factual = {word: pair[1] for word, pair in model.vocabulary.items()}

    def checkworthy(self, text: str, cues: list[Cue] | None = None) -> ViewScore:
        """The check-worthy view of `text`."""
        present, fired = self._observe(text, cues)
        return _view(present, fired, self.model.checkworthy, self._checkworthy)

    def factual(self, text: str, cues: list[Cue] | None = None) -> ViewScore:
        """The factual view of `text`: does it assert a fact at all, important or not."""
        present, fired = self._observe(text, cues)
        return _view(present, fired, self.model.factual, self._factual)

    def both(self, text: str) -> tuple[float, float]:
        """(check-worthy, factual) probabilities, reading the sentence once."""
        present, fired = self._observe(text, None)
        return (
            _view(present, fired, self.model.checkworthy, self._checkworthy).probability,
            _view(present, fired, self.model.factual, self._factual).probability,
        )

    def _observe(self, text: str, cues: list[Cue] | None) -> tuple[set[str], set[str]]:
        present = lexical_features(text) & self.model.vocabulary.keys()
        return present, {cue.code for cue in (find_cues(text) if cues is None else cues)}


def _view(
    present: set[str], fired: set[str], view: ViewWeights, weights: dict[str, float]
) -> ViewScore:
    """The view's score; a news calibration scales every part, so the parts still add up."""
    factor, shift = (view.news.scale, view.news.shift) if view.news else (1.0, 0.0)
    unit = factor / math.sqrt(len(present)) if present else 0.0
    word_parts = {word: weights[word] * unit for word in present}
    cue_parts = {code: view.cues.get(code, 0.0) * factor for code in fired}
    word_total = math.fsum(word_parts.values())  # exact: the same in every process
    bias = view.bias * factor + shift
    log_odds = bias + word_total + math.fsum(cue_parts.values())
    return ViewScore(_sigmoid(log_odds), bias, word_total, word_parts, cue_parts)


@cache
def default_scorer() -> Scorer:
    """A scorer for the shipped model, loaded on first use."""
    return Scorer(packaged_model())


def score_sentence(text: str) -> tuple[float, list[Reason]]:
    """Check-worthiness in [0, 1] of one sentence and the reasons, strongest first."""
    cues = find_cues(text)
    view = default_scorer().checkworthy(text, cues)
    reasons = [_cue_reason(code, weight, cues) for code, weight in view.cue_parts.items()]
    if view.word_parts:
        reasons.append(_word_reason(view))
    kept = [reason for reason in reasons if abs(reason.weight) >= _NEGLIGIBLE]
    return view.probability, sorted(kept, key=lambda reason: -abs(reason.weight))


def checkworthy_threshold() -> float:
    """The score at or above which a sentence is check-worthy (on the news-calibrated scale
    when the model has a news calibration)."""
    return default_scorer().model.checkworthy.threshold


def is_checkworthy(score: float) -> bool:
    """Whether a `score_sentence` score reaches the check-worthy threshold."""
    return score >= checkworthy_threshold()


def factual_score(text: str) -> float:
    """Probability in [0, 1] that `text` asserts a fact (check-worthy or not)."""
    return default_scorer().factual(text).probability


def is_factual(text: str) -> bool:
    """Whether `text` asserts a fact rather than an opinion, question or exhortation."""
    return factual_score(text) >= default_scorer().model.factual.threshold


def _cue_reason(code: str, weight: float, cues: list[Cue]) -> Reason:
    matches = list(dict.fromkeys(cue.text for cue in cues if cue.code == code))
    shown = ", ".join(f'"{match}"' for match in matches[:_SHOWN_MATCHES])
    more = f" (+{len(matches) - _SHOWN_MATCHES} more)" if len(matches) > _SHOWN_MATCHES else ""
    return Reason(code=code, text=f"{CUE_LABELS[code]}: {shown}{more}", weight=round(weight, 3))


def _word_reason(view: ViewScore) -> Reason:
    ranked = sorted(view.word_parts.items(), key=lambda item: (-abs(item[1]), item[0]))
    strongest = ranked[:_SHOWN_WORDS]
    shown = ", ".join(f'"{word}" {part:+.2f}' for word, part in strongest)
    return Reason(code="model", text=f"wording: {shown}", weight=round(view.word_total, 3))


def _sigmoid(log_odds: float) -> float:
    bounded = max(-30.0, min(30.0, log_odds))
    return 1.0 / (1.0 + math.exp(-bounded))
