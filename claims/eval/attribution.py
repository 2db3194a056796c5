"""Scoring attribution extraction against PolNeAR gold, as the evaluation README prescribes.

A predicted attribution matches a gold one (one-to-one, greedy by content overlap) when their
contents overlap with token F1 >= 0.5; at the stricter levels the sources must also match
(word-bag F1 >= 0.5, or both absent) and then the cue spans must overlap. Content tokens are
the word tokens (`\\w+`) of the article whose start lies inside a span, so punctuation and
discontinuous fragments are handled alike for gold and prediction.

Articles with several annotators: by default the first annotator (by id) is the gold, so
every article counts once; `annotators="each"` scores against every annotator's file.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from claims.eval.polnear import Article, GoldAttribution, read_articles, simple_sentences
from claims.extract.attribution import FoundAttribution, find_attributions
from claims.extract.models import DocumentContext, Span

_WORD = re.compile(r"\w+")
THRESHOLD = 0.5

Splitter = Callable[[str], list[Span]]


class LevelScore(BaseModel):
    """Precision, recall and F1 at one matching level."""

    matched: int
    precision: float
    recall: float
    f1: float


class AttributionScores(BaseModel):
    """Attribution extraction quality on a PolNeAR split (the `--json` output)."""

    articles: int
    gold: int
    """Gold attributions scored (one annotator per article unless `annotators="each"`)."""
    predicted: int
    content: LevelScore
    content_source: LevelScore
    content_source_cue: LevelScore
    sentences: int
    sentences_per_second: float = Field(ge=0.0)
    """Extraction speed alone (splitting and scoring excluded), one core."""
    annotators: str
    splitter: str


class _Counts(BaseModel):
    gold: int = 0
    predicted: int = 0
    matched: list[int] = Field(default_factory=lambda: [0, 0, 0])
    sentences: int = 0
    seconds: float = 0.0


def _token_starts(text: str) -> list[int]:
    return [m.start() for m in _WORD.finditer(text)]


def _tokens_in(starts: list[int], spans: Sequence[Span]) -> frozenset[int]:
    return frozenset(s for s in starts if any(sp.start <= s < sp.end for sp in spans))


def _f1(overlap: int, size_a: int, size_b: int) -> float:
    return 2.0 * overlap / (size_a + size_b) if size_a + size_b else 0.0


def _words(text: str, spans: Sequence[Span]) -> Counter[str]:
    return Counter(w.lower() for sp in spans for w in _WORD.findall(text[sp.start : sp.end]))


def source_match(text: str, gold: Sequence[Span], predicted: Sequence[Span]) -> bool:
    """Word-bag F1 >= 0.5 between the two sources, or both absent."""
    if not gold or not predicted:
        return not gold and not predicted
    g, p = _words(text, gold), _words(text, predicted)
    return _f1(sum((g & p).values()), g.total(), p.total()) >= THRESHOLD


def cue_match(gold: Sequence[Span], predicted: Sequence[Span]) -> bool:
    """The cue spans overlap, or both are absent."""
    if not gold or not predicted:
        return not gold and not predicted
    return any(g.start < p.end and p.start < g.end for g in gold for p in predicted)


def _pred_spans(found: FoundAttribution) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    source = (found.source,) if found.source else ()
    cue = (found.cue,) if found.cue else ()
    return source, cue


def _match_count(pairs: list[tuple[float, int, int]]) -> int:
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, g, p in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
    return len(used_gold)


def score_article(
    text: str, gold: Sequence[GoldAttribution], predicted: Sequence[FoundAttribution]
) -> tuple[int, int, int]:
    """Matches at the three levels (content, +source, +cue) for one article."""
    starts = _token_starts(text)
    gold_tokens = [_tokens_in(starts, g.content) for g in gold]
    pred_tokens = [_tokens_in(starts, p.content) for p in predicted]
    levels: list[list[tuple[float, int, int]]] = [[], [], []]
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            f1 = _f1(
                len(gold_tokens[gi] & pred_tokens[pi]), len(gold_tokens[gi]), len(pred_tokens[pi])
            )
            if f1 < THRESHOLD:
                continue
            levels[0].append((f1, gi, pi))
            source, cue = _pred_spans(p)
            if source_match(text, g.source, source):
                levels[1].append((f1, gi, pi))
                if cue_match(g.cue, cue):
                    levels[2].append((f1, gi, pi))
    content, with_source, with_cue = (_match_count(level) for level in levels)
    return content, with_source, with_cue


def _level(matched: int, gold: int, predicted: int) -> LevelScore:
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return LevelScore(
        matched=matched, precision=round(precision, 4), recall=round(recall, 4), f1=round(f1, 4)
    )


def _golds(article: Article, annotators: str) -> list[tuple[GoldAttribution, ...]]:
    ids = sorted(article.annotations)
    chosen = ids if annotators == "each" else ids[:1]
    return [article.annotations[i] for i in chosen]


def _default_splitter() -> tuple[Splitter, str]:
    try:
        from claims.extract.sentences import split_sentences  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return simple_sentences, "claims.eval.polnear.simple_sentences"

    def project_splitter(text: str) -> list[Span]:
        return [Span(start=s.start, end=s.end) for s in split_sentences(text, [])]

    return project_splitter, "claims.extract.sentences.split_sentences"


def evaluate(
    dev_dir: Path,
    annotators: Literal["first", "each"] = "first",
    splitter: Splitter | None = None,
) -> AttributionScores:
    """Run the attribution extractor over a PolNeAR split folder and score it."""
    split, splitter_name = (splitter, "custom") if splitter else _default_splitter()
    counts = _Counts()
    articles = 0
    for article in read_articles(dev_dir):
        golds = _golds(article, annotators)
        if not golds:
            continue
        articles += 1
        sentences = split(article.text)
        began = time.perf_counter()
        found = find_attributions(article.text, sentences, DocumentContext()).attributions
        counts.seconds += time.perf_counter() - began
        counts.sentences += len(sentences)
        for gold in golds:
            counts.gold += len(gold)
            counts.predicted += len(found)
            for level, matched in enumerate(score_article(article.text, gold, found)):
                counts.matched[level] += matched
    return _scores(counts, articles, annotators, splitter_name)


def _scores(counts: _Counts, articles: int, annotators: str, splitter: str) -> AttributionScores:
    levels = [_level(m, counts.gold, counts.predicted) for m in counts.matched]
    speed = counts.sentences / counts.seconds if counts.seconds else 0.0
    return AttributionScores(
        articles=articles,
        gold=counts.gold,
        predicted=counts.predicted,
        content=levels[0],
        content_source=levels[1],
        content_source_cue=levels[2],
        sentences=counts.sentences,
        sentences_per_second=round(speed, 1),
        annotators=annotators,
        splitter=splitter,
    )


def format_scores(scores: AttributionScores) -> str:
    """A small table of the three levels for people."""
    rows = [
        ("content", scores.content),
        ("content+source", scores.content_source),
        ("content+source+cue", scores.content_source_cue),
    ]
    lines = [
        f"PolNeAR attribution: {scores.articles} articles, {scores.gold} gold, "
        f"{scores.predicted} predicted (gold: {scores.annotators} annotator)",
        f"{'level':<20} {'P':>6} {'R':>6} {'F1':>6} {'matched':>8}",
    ]
    for name, level in rows:
        lines.append(
            f"{name:<20} {level.precision:>6.3f} {level.recall:>6.3f} {level.f1:>6.3f} "
            f"{level.matched:>8}"
        )
    lines.append(
        f"speed: {scores.sentences_per_second:,.0f} sentences/s over {scores.sentences} "
        f"sentences (splitter: {scores.splitter})"
    )
    return "\n".join(lines)
