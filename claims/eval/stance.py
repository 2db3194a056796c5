"""FNC-1 stance evaluation: each headline is a claim, each body a document.

Bodies go through the product's extraction, headlines become claims, and
`claims.match.stance` decides agree (corroborates), disagree (conflicts), discuss or
unrelated with the product's matching and relation logic. Scored as the challenge scored
it: +0.25 for each right related/unrelated call, +0.75 more for each related pair whose
exact stance is right, as a percentage of the best possible score.
"""

from __future__ import annotations

import csv
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel

from claims.extract.models import DocumentContext
from claims.extract.pipeline import extract_claims
from claims.match.build import from_extracted, from_text
from claims.match.relate import Side, side
from claims.match.score import Rarity
from claims.match.stance import LABELS, Document, Stance, StanceModel, features

SPLIT_SEED = 20261123
"""Seed of the by-body split of FNC-1 train into training and held-out bodies."""
HELD_OUT_SHARE = 0.2


@dataclass(frozen=True, slots=True)
class Pair:
    """One labelled (headline, body) pair."""

    headline: str
    body_id: int
    stance: Stance


class ClassScores(BaseModel):
    precision: float
    recall: float
    f1: float
    support: int


class StanceScores(BaseModel):
    """Stance quality on FNC-1-format files (the `--json` output)."""

    fnc_score: float
    """Percentage of the best possible FNC-1 score."""
    per_class: dict[str, ClassScores]
    related_accuracy: float
    """Share of pairs whose related-vs-unrelated call is right."""
    accuracy: float
    confusion: dict[str, dict[str, int]]
    """confusion[gold][predicted] = pairs."""
    pairs: int
    bodies: int
    held_out_only: bool
    split: str | None = None
    """`body` or `story` when only held-out pairs were scored (see `Split`)."""
    seconds: float


def read_bodies(path: Path) -> dict[int, str]:
    """`Body ID` -> `articleBody` of an FNC-1 bodies CSV."""
    rows = _rows(path, ("Body ID", "articleBody"))
    return {int(row["Body ID"]): row["articleBody"] for row in rows}


def read_pairs(path: Path) -> list[Pair]:
    """The labelled pairs of an FNC-1 stances CSV (`Headline`, `Body ID`, `Stance`)."""
    pairs = []
    for line, row in enumerate(_rows(path, ("Headline", "Body ID", "Stance")), start=2):
        label = row["Stance"].strip().lower()
        if label not in {str(stance) for stance in LABELS}:
            raise ValueError(f"{path.name} line {line}: unknown stance {label[:20]!r}")
        pairs.append(Pair(row["Headline"], int(row["Body ID"]), Stance(label)))
    return pairs


def _rows(path: Path, columns: Sequence[str]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = set(columns) - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{path.name}: missing column(s) {', '.join(sorted(missing))}")
        return list(reader)


def held_out_bodies(body_ids: Iterable[int], seed: int = SPLIT_SEED) -> set[int]:
    """The bodies held out of training: a seeded random fifth, by body, never by pair."""
    ordered = sorted(set(body_ids))
    random.Random(seed).shuffle(ordered)  # noqa: S311 - a reproducible split, not a secret
    return set(ordered[: round(len(ordered) * HELD_OUT_SHARE)])


def stories(pairs: Iterable[Pair]) -> dict[str, int]:
    """A story per body (`b<id>`) and per headline (`h<text>`): headlines and bodies joined by
    their related pairs; a story is numbered by its smallest body id."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for pair in pairs:
        body, headline = root(f"b{pair.body_id}"), root(f"h{pair.headline}")
        if pair.stance != Stance.UNRELATED and body != headline:
            parent[headline] = body
    members: dict[str, list[str]] = {}
    for node in list(parent):
        members.setdefault(root(node), []).append(node)
    story: dict[str, int] = {}
    for nodes in members.values():
        bodies = [int(node[1:]) for node in nodes if node.startswith("b")]
        number = min(bodies) if bodies else -1 - len(story)
        story.update(dict.fromkeys(nodes, number))
    return story


def held_out_stories(story_ids: Iterable[int], seed: int = SPLIT_SEED) -> set[int]:
    """The stories held out of training: a seeded random fifth of them, with every body and
    headline they hold."""
    return held_out_bodies(story_ids, seed)


class Split(StrEnum):
    """Which pairs `--held-out` scores: unseen bodies (whose headlines training saw with
    other bodies of their story), or unseen stories (neither their bodies nor their
    headlines seen in training), as in FNC-1's own test set."""

    BODY = "body"
    STORY = "story"


def held_out_pairs(pairs: Sequence[Pair], split: Split) -> list[Pair]:
    """The pairs scored by a held-out evaluation: those whose body is held out (by body, or
    as part of a held-out story)."""
    if split == Split.BODY:
        held = held_out_bodies(pair.body_id for pair in pairs)
        return [pair for pair in pairs if pair.body_id in held]
    story = stories(pairs)
    unseen = held_out_stories(story.values())
    return [pair for pair in pairs if story[f"b{pair.body_id}"] in unseen]


def training_pairs(pairs: Sequence[Pair]) -> list[Pair]:
    """The pairs the shipped model may learn from: neither the body nor the headline in a
    held-out story, and the body not held out by body."""
    story = stories(pairs)
    unseen = held_out_stories(story.values())
    held = held_out_bodies(pair.body_id for pair in pairs)
    return [
        pair
        for pair in pairs
        if pair.body_id not in held
        and story[f"b{pair.body_id}"] not in unseen
        and story[f"h{pair.headline}"] not in unseen
    ]


@dataclass
class Corpus:
    """Headlines and bodies prepared once: sides, documents and word rarity."""

    headlines: dict[str, Side]
    documents: dict[int, Document]
    rarity: Rarity


def prepare(
    pairs: Sequence[Pair], bodies: Mapping[int, str], progress: Callable[[str], None] | None = None
) -> Corpus:
    """Extract every body's claims and turn every headline into a claim."""
    context = DocumentContext()
    documents: dict[int, Document] = {}
    next_id = 0
    for body_id in sorted({pair.body_id for pair in pairs}):
        sentences = []
        for found in extract_claims(bodies.get(body_id, ""), [], context):
            next_id += 1
            sentences.append(side(from_extracted(next_id, body_id, found, context)))
        documents[body_id] = Document.of(sentences)
        if progress and len(documents) % 200 == 0:
            progress(f"extracted {len(documents)} bodies")
    headlines: dict[str, Side] = {}
    for pair in pairs:
        if pair.headline not in headlines:
            next_id += 1
            headlines[pair.headline] = side(from_text(next_id, -1, pair.headline))
    return Corpus(headlines, documents, _rarity(headlines.values(), documents.values()))


def _rarity(headlines: Iterable[Side], documents: Iterable[Document]) -> Rarity:
    """Word frequencies over every headline and body sentence (no labels involved)."""
    frequency: Counter[str] = Counter()
    total = 0
    for claim in headlines:
        frequency.update(claim.word_set)
        total += 1
    for document in documents:
        for sentence in document.sentences:
            frequency.update(sentence.word_set)
            total += 1
    return Rarity(dict(frequency), total)


def pair_features(corpus: Corpus, pair: Pair) -> list[float]:
    return features(corpus.headlines[pair.headline], corpus.documents[pair.body_id], corpus.rarity)


def evaluate(
    stances_path: Path,
    bodies_path: Path,
    model: StanceModel,
    *,
    held_out: Split | None = None,
    progress: Callable[[str], None] | None = None,
) -> StanceScores:
    """Predict every pair's stance and score the predictions."""
    started = time.perf_counter()
    pairs = read_pairs(stances_path)
    if held_out is not None:
        pairs = held_out_pairs(pairs, held_out)
    corpus = prepare(pairs, read_bodies(bodies_path), progress)
    predicted = []
    for index, pair in enumerate(pairs, start=1):
        predicted.append(model.predict(pair_features(corpus, pair)))
        if progress and index % 5000 == 0:
            progress(f"judged {index} of {len(pairs)} pairs")
    scores = score([pair.stance for pair in pairs], predicted)
    return scores.model_copy(
        update={
            "bodies": len(corpus.documents),
            "held_out_only": held_out is not None,
            "split": None if held_out is None else str(held_out),
            "seconds": round(time.perf_counter() - started, 1),
        }
    )


def score(gold: Sequence[Stance], predicted: Sequence[Stance]) -> StanceScores:
    """FNC score, per-class P/R/F1, related accuracy and the confusion matrix."""
    confusion = {str(g): {str(p): 0 for p in LABELS} for g in LABELS}
    for g, p in zip(gold, predicted, strict=True):
        confusion[str(g)][str(p)] += 1
    return StanceScores(
        fnc_score=round(100 * fnc_score(gold, predicted), 2),
        per_class={str(label): _class(confusion, str(label)) for label in LABELS},
        related_accuracy=_ratio(
            sum(1 for g, p in zip(gold, predicted, strict=True) if _related(g) == _related(p)),
            len(gold),
        ),
        accuracy=_ratio(sum(1 for g, p in zip(gold, predicted, strict=True) if g == p), len(gold)),
        confusion=confusion,
        pairs=len(gold),
        bodies=0,
        held_out_only=False,
        seconds=0.0,
    )


def fnc_score(gold: Sequence[Stance], predicted: Sequence[Stance]) -> float:
    """The FNC-1 score as a share (0-1) of the best possible score."""
    earned = best = 0.0
    for g, p in zip(gold, predicted, strict=True):
        best += 0.25 if g == Stance.UNRELATED else 1.0
        if _related(g) == _related(p):
            earned += 0.25
        if g != Stance.UNRELATED and g == p:
            earned += 0.75
    return earned / best if best else 0.0


def _related(stance: Stance) -> bool:
    return stance != Stance.UNRELATED


def _class(confusion: dict[str, dict[str, int]], label: str) -> ClassScores:
    true_pos = confusion[label][label]
    predicted = sum(row[label] for row in confusion.values())
    support = sum(confusion[label].values())
    precision = _ratio(true_pos, predicted)
    recall = _ratio(true_pos, support)
    f1 = _ratio(2 * precision * recall, precision + recall)
    return ClassScores(precision=precision, recall=recall, f1=f1, support=support)


def _ratio(numerator: float, denominator: float) -> float:
    return round(numerator / denominator, 4) if denominator else 0.0


def format_scores(scores: StanceScores) -> str:
    """A readable report of the scores."""
    lines = [
        f"FNC score: {scores.fnc_score:.2f} %  ({scores.pairs} pairs, {scores.bodies} bodies"
        + (f", held out by {scores.split or 'body'})" if scores.held_out_only else ")"),
        f"disagree (conflicts) F1: {scores.per_class[str(Stance.DISAGREE)].f1:.3f}",
        f"related vs unrelated accuracy: {scores.related_accuracy:.4f}",
        f"accuracy: {scores.accuracy:.4f}",
        "",
        f"{'class':<10} {'precision':>9} {'recall':>7} {'f1':>7} {'support':>8}",
    ]
    for label, found in scores.per_class.items():
        lines.append(
            f"{label:<10} {found.precision:>9.3f} {found.recall:>7.3f} {found.f1:>7.3f}"
            f" {found.support:>8}"
        )
    lines += ["", "confusion (rows gold, columns predicted):"]
    header = " ".join(f"{label!s:>9}" for label in LABELS)
    lines.append(f"{'':<10} {header}")
    for gold, row in scores.confusion.items():
        lines.append(f"{gold:<10} " + " ".join(f"{row[str(p)]:>9}" for p in LABELS))
    return "\n".join(lines)


def stderr_progress(message: str) -> None:
    print(message, file=sys.stderr)
