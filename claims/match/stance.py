"""A document's stance toward a claim: corroborates, conflicts, discusses or unrelated.

The claim is compared with every claim of the document by the product's own `relate`; the
judgements are summarised into a few numbers (how much of the claim the document covers,
how many of its sentences corroborate or conflict, how much it refutes or hedges near the
claim's subject), and a small learned model (`claims/data/stance.json`, trained by
`scripts/train_stance.py` on FNC-1 train only) turns them into a stance.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

from claims.match.models import Judgement, Kind
from claims.match.relate import Side, relate
from claims.match.score import Rarity
from claims.match.stance_cues import NAMES as ALIGNMENT_FEATURES
from claims.match.stance_cues import SentenceCues, alignment_features
from claims.match.stance_scope import NAMES as SCOPE_FEATURES
from claims.match.stance_scope import Scope, scope_features
from claims.match.stance_trees import BoostedTrees

LEAD_SENTENCES = 5
"""Sentences that make the lead of a document, where corrections and denials usually sit."""
NEAR = 0.25
"""Containment from which a sentence is about the claim's subject (for cue counts)."""

_DOUBT_RE = re.compile(
    r"(?i)\b(?:cast(?:s|ing)? doubts?|not true|no evidence|turn(?:s|ed)? out|in fact|actually"
    r"|is false|are false|was false|fake news|did not happen|never happened|debunk\w*|hoax\w*"
    r"|satir\w*|no truth|not the case|denied|deny|denies)\b"
)


class Stance(StrEnum):
    """FNC-1 labels: agree = corroborates, disagree = conflicts."""

    AGREE = "agree"
    DISAGREE = "disagree"
    DISCUSS = "discuss"
    UNRELATED = "unrelated"


LABELS = (Stance.AGREE, Stance.DISAGREE, Stance.DISCUSS, Stance.UNRELATED)


@dataclass(frozen=True)
class Document:
    """A document prepared for stance: its claims as sides, and cue counts computed once."""

    sentences: tuple[Side, ...]
    words: frozenset[str]
    refuting: int
    hedging: int
    confirming: int
    doubts: int
    lead_refuting: int
    cues: tuple[SentenceCues, ...]
    scopes: tuple[Scope, ...]

    @classmethod
    def of(cls, sentences: Sequence[Side]) -> Document:
        lead = sentences[:LEAD_SENTENCES]
        return cls(
            sentences=tuple(sentences),
            words=frozenset().union(*(side.word_set for side in sentences)),
            refuting=sum(side.refuting for side in sentences),
            hedging=sum(side.hedging for side in sentences),
            confirming=sum(side.confirming for side in sentences),
            doubts=sum(len(_DOUBT_RE.findall(side.claim.text)) for side in sentences),
            lead_refuting=sum(side.refuting for side in lead),
            cues=tuple(SentenceCues.of(side.claim.text) for side in sentences),
            scopes=tuple(Scope.of(side.claim.text) for side in sentences),
        )


FEATURES = (
    "coverage",
    "informative_coverage",
    "max_dice",
    "max_containment",
    "top3_containment",
    "lead_containment",
    "max_overlap",
    "corroborating",
    "conflicting",
    "related",
    "best_corroboration",
    "polarity_conflicts",
    "value_conflicts",
    "near_refuting",
    "near_hedging",
    "near_negated",
    "best_negated",
    "near_confirming",
    "body_refuting",
    "body_hedging",
    "body_confirming",
    "body_doubts",
    "lead_refuting",
    "refuting_unlike_claim",
    "doubts_unlike_claim",
    "negated_best_coverage",
    "claim_hedging",
    "claim_refuting",
    "claim_negated",
    "claim_question",
    "sentences",
    *ALIGNMENT_FEATURES,
    *SCOPE_FEATURES,
)
"""The numbers a stance is decided from, in the order the model file lists weights."""


def features(claim: Side, document: Document, rarity: Rarity) -> list[float]:
    """The stance features of `document` toward `claim` (see FEATURES)."""
    judgements = [relate(claim, sentence, rarity) for sentence in document.sentences]
    total = sum(rarity.weight(word) for word in claim.word_set) or 1.0
    covered = claim.word_set & document.words
    informative = [word for word in claim.word_set if rarity.informative(word)]
    containments = sorted((j.signals.containment for j in judgements), reverse=True)
    near = [
        (sentence, judgement)
        for sentence, judgement in zip(document.sentences, judgements, strict=True)
        if judgement.signals.containment >= NEAR
    ]
    best = _best(document.sentences, judgements)
    flipped = best is not None and best.claim.negated != claim.claim.negated
    count = len(document.sentences) or 1
    containment = [judgement.signals.containment for judgement in judgements]
    return [
        sum(rarity.weight(word) for word in covered) / total,
        sum(1 for word in informative if word in covered) / max(1, len(informative)),
        max((j.signals.dice for j in judgements), default=0.0),
        containments[0] if containments else 0.0,
        sum(containments[:3]) / 3,
        max((j.signals.containment for j in judgements[:LEAD_SENTENCES]), default=0.0),
        max((j.signals.overlap for j in judgements), default=0.0) / 100,
        _log(_count(judgements, Kind.CORROBORATES, Kind.DUPLICATE)),
        _log(sum(1 for j in judgements if _conflict_cue(j))),
        _log(sum(1 for j in judgements if j.kind == Kind.RELATED and not _conflict_cue(j))),
        max((j.score for j in judgements if j.kind in _AGREEING), default=0.0),
        _log(sum(1 for j in judgements if _polarity_cue(j))),
        _log(sum(1 for j in judgements if _value_conflict(j))),
        _log(sum(sentence.refuting for sentence, _ in near)),
        _log(sum(sentence.hedging for sentence, _ in near)),
        _log(sum(1 for sentence, _ in near if sentence.claim.negated)),
        1.0 if flipped else 0.0,
        _log(sum(sentence.confirming for sentence, _ in near)),
        document.refuting / count,
        document.hedging / count,
        document.confirming / count,
        _log(document.doubts),
        _log(document.lead_refuting),
        0.0 if claim.refuting else document.refuting / count,
        0.0 if claim.refuting else _log(document.doubts),
        containments[0] if flipped and containments else 0.0,
        float(claim.hedging),
        float(claim.refuting),
        1.0 if claim.claim.negated else 0.0,
        1.0 if claim.claim.text.rstrip().endswith("?") else 0.0,
        _log(len(document.sentences)),
        *alignment_features(claim.claim.text, document.cues, containment),
        *scope_features(claim.claim.text, document.scopes, containment),
    ]


_AGREEING = (Kind.CORROBORATES, Kind.DUPLICATE)


def _count(judgements: Sequence[Judgement], *kinds: Kind) -> int:
    return sum(1 for judgement in judgements if judgement.kind in kinds)


def _conflict_cue(judgement: Judgement) -> bool:
    """A conflict, or a related pair with a negation of what it shares or a conflict cue
    whose frames did not align: the model was fitted on counts that included those, which
    `relate` no longer calls conflicts."""
    if judgement.kind == Kind.CONFLICTS:
        return True
    return judgement.kind == Kind.RELATED and (
        judgement.signals.negation_cue or _word_cue(judgement)
    )


def _word_cue(judgement: Judgement) -> bool:
    signals = judgement.signals
    return (
        signals.polarity
        or signals.dates_differ
        or signals.numbers_differ
        or signals.opposite_verbs
        or signals.slot_values_differ
    )


def _polarity_cue(judgement: Judgement) -> bool:
    """A polarity cue (standing or not), or a related pair with a negation of what it shares."""
    if judgement.kind in (Kind.CONFLICTS, Kind.RELATED) and judgement.signals.polarity:
        return True
    return judgement.kind == Kind.RELATED and judgement.signals.negation_cue


def _value_conflict(judgement: Judgement) -> bool:
    signals = judgement.signals
    return judgement.kind in (Kind.CONFLICTS, Kind.RELATED) and (
        signals.dates_differ or signals.numbers_differ or signals.opposite_verbs
    )


def _best(sentences: Sequence[Side], judgements: Sequence[Judgement]) -> Side | None:
    """The sentence that covers most of the claim."""
    if not sentences:
        return None
    index = max(range(len(sentences)), key=lambda i: judgements[i].signals.containment)
    return sentences[index] if judgements[index].signals.containment >= NEAR else None


def _log(value: float) -> float:
    return math.log1p(value)


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class StanceModel(_Strict):
    """Per-class scores over FEATURES, from gradient-boosted trees (`boosted`) or, in older
    files, a multinomial logistic model; then per-class decision offsets."""

    format: str
    features: list[str]
    classes: list[Stance]
    offsets: list[float]
    """Added to each class's score before the arg-max (chosen for the disagree F1)."""
    training: dict[str, object]
    boosted: BoostedTrees | None = None
    mean: list[float] = []
    scale: list[float] = []
    coefficients: list[list[float]] = []
    """One row per class, one weight per (standardised) feature (logistic files only)."""
    intercepts: list[float] = []

    def probabilities(self, values: Sequence[float]) -> list[float]:
        """Class probabilities (without the offsets) for one feature vector."""
        logits = self._logits(values)
        top = max(logits)
        exps = [math.exp(logit - top) for logit in logits]
        total = sum(exps)
        return [value / total for value in exps]

    def predict(self, values: Sequence[float]) -> Stance:
        logits = self._logits(values)
        adjusted = [logit + offset for logit, offset in zip(logits, self.offsets, strict=True)]
        return self.classes[max(range(len(adjusted)), key=adjusted.__getitem__)]

    def _logits(self, values: Sequence[float]) -> list[float]:
        if self.boosted is not None:
            return self.boosted.logits(values)
        scaled = [
            (value - mean) / scale
            for value, mean, scale in zip(values, self.mean, self.scale, strict=True)
        ]
        return [
            intercept + sum(w * x for w, x in zip(row, scaled, strict=True))
            for row, intercept in zip(self.coefficients, self.intercepts, strict=True)
        ]


MODEL_FORMAT = "claims.stance/2"


@cache
def packaged_model() -> StanceModel:
    """The model shipped in `claims/data/stance.json`, read once."""
    data = resources.files("claims.data").joinpath("stance.json").read_bytes()
    model = StanceModel.model_validate_json(data)
    if model.features != list(FEATURES):
        raise ValueError("claims/data/stance.json was trained on other features; retrain it")
    return model


def stance(claim: Side, document: Document, rarity: Rarity) -> Stance:
    """The document's stance toward the claim, by the shipped model."""
    return packaged_model().predict(features(claim, document, rarity))
