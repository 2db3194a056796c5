"""Measure the rule-based parts of extraction on ClaimBuster's crowd-labelled sentences.

Usage:
    .venv/bin/python scripts/eval_extract_rules.py ../shared/eval/claimbuster/crowdsourced.csv

Two figures, printed to stdout:
- sentence boundaries: consecutive sentences of one speaker in one debate are joined into
  paragraphs of up to 6 sentences and split again; precision/recall/F1 of the boundaries.
- factual claims: a sentence counts as predicted factual when `is_claim` accepts it and its
  kind is neither opinion nor question; gold factual = Verdict 0 or 1 (vs -1, non-factual).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path

from claims.extract.kinds import claim_kind, is_claim
from claims.extract.models import ClaimKind
from claims.extract.sentences import split_sentences

GROUP_SIZE = 6


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _paragraphs(rows: list[dict[str, str]]) -> Iterator[list[str]]:
    ordered = sorted(rows, key=lambda r: (r["File_id"], int(r["Line_number"])))
    for _, turn in groupby(ordered, key=lambda r: (r["File_id"], r["Speaker"])):
        texts = [row["Text"].strip() for row in turn if row["Text"].strip()]
        for index in range(0, len(texts), GROUP_SIZE):
            yield texts[index : index + GROUP_SIZE]


def _f1(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def boundary_scores(rows: list[dict[str, str]]) -> tuple[float, float, float]:
    """Precision, recall and F1 of sentence ends inside re-joined paragraphs."""
    hits = predicted = gold = 0
    for sentences in _paragraphs(rows):
        text = " ".join(sentences)
        gold_ends: set[int] = set()
        position = 0
        for sentence in sentences[:-1]:
            position += len(sentence)
            gold_ends.add(position)
            position += 1
        found_ends = {s.end for s in split_sentences(text)} - {len(text)}
        hits += len(gold_ends & found_ends)
        predicted += len(found_ends)
        gold += len(gold_ends)
    return _f1(hits, predicted, gold)


def factual_scores(rows: list[dict[str, str]]) -> tuple[float, float, float]:
    """Precision, recall and F1 of "factual sentence" (CFS or UFS) against Verdict."""
    hits = predicted = gold = 0
    for row in rows:
        text = row["Text"].strip()
        sentences = split_sentences(text)
        factual = any(
            is_claim(s) and claim_kind(s.text) not in (ClaimKind.OPINION, ClaimKind.QUESTION)
            for s in sentences
        )
        is_gold = row["Verdict"] in ("0", "1")
        hits += factual and is_gold
        predicted += factual
        gold += is_gold
    return _f1(hits, predicted, gold)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claimbuster_csv", type=Path, help="ClaimBuster crowdsourced.csv")
    args = parser.parse_args()
    rows = _rows(args.claimbuster_csv)
    for name, scores in (
        ("sentence boundaries", boundary_scores(rows)),
        ("factual claims", factual_scores(rows)),
    ):
        precision, recall, f1 = scores
        print(f"{name:20} P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
