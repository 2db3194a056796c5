"""Evaluation: the corroborations and duplicates matching proposes between documents, to label.

Usage: python scripts/eval_corroboration.py ../shared/eval/corpus/bbc_news.jsonl
           [--start 1000] [--stop 1400] [--labels labels.jsonl] [--out pairs.jsonl]
           [--cache DIR]

Takes the articles from `--start` to `--stop` (line numbers of a JSONL corpus with fields
`title`, `text`), as they are (headline, blank line, text). Each goes through ingestion's
preparation, claim extraction and the document's claim frames, then every claim is matched
against every other through blocking (`claims.match.engine.match_all`), as
`scripts/eval_conflicts.py` does. Prints every corroboration and duplicate between two
documents: both sentences, their headlines, the kind, the reasons and a key that does not
depend on claim ids. `--labels` reads labels given by hand (one JSON object a line: `key`,
`label` true/unsure/false) and prints precision over the labelled pairs, the pairs left
unlabelled, and the true pairs of the file no longer found (what a change cost in recall).
`--out` writes the pairs (one JSON object a line) for labelling. `--cache DIR` keeps the
extracted claims between runs (extraction does not depend on the matching rules).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims.extract.models import DocumentContext
from claims.match.engine import match_all
from claims.match.models import Kind, MatchClaim
from scripts.eval_conflicts import framed_claims

OUTLET = "Corpus"
SAME_CLAIM = frozenset({Kind.CORROBORATES, Kind.DUPLICATE})


def articles(corpus: Path, start: int, stop: int) -> list[tuple[str, str]]:
    """(headline, text) of the corpus's articles `start` to `stop`, laid out as they are."""
    laid = []
    with corpus.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if start <= number < stop and line.strip():
                article = json.loads(line)
                laid.append((article["title"], f"{article['title']}\n\n{article['text']}\n"))
    return laid


def pair_key(first: str, second: str) -> str:
    """A key for a pair of claims by their texts alone, in either order."""
    texts = sorted(" ".join(text.split()) for text in (first, second))
    return hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]


def read_labels(path: Path) -> dict[str, dict[str, Any]]:
    """key -> the labelled row."""
    found: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if row.get("label") not in ("true", "unsure", "false"):
                raise SystemExit(f"{path}: label must be true, unsure or false: {line[:80]}")
            found[row["key"]] = row
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--start", type=int, default=1000)
    parser.add_argument("--stop", type=int, default=1400)
    parser.add_argument("--labels", type=Path, help="labelled pairs (JSONL: key, label)")
    parser.add_argument("--out", type=Path, help="write the pairs here (JSONL)")
    parser.add_argument("--cache", type=Path, help="keep extracted claims in this folder")
    args = parser.parse_args()
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    context = DocumentContext(outlet=OUTLET)
    laid = articles(args.corpus, args.start, args.stop)
    if not laid:
        raise SystemExit(f"{args.corpus}: no articles between lines {args.start} and {args.stop}")
    claims, headlines = framed_claims(laid, args.cache, context)
    relations, _ = match_all(claims)
    by_id = {claim.id: claim for claim in claims}
    rows = [
        _row(by_id[item.low], by_id[item.high], headlines, item)
        for item in relations
        if item.judgement.kind in SAME_CLAIM
        and by_id[item.low].document_id != by_id[item.high].document_id
    ]
    print(f"articles: {len(laid)}; claims: {len(claims)}")
    print(f"between documents: {dict(Counter(row['kind'] for row in rows))}")
    labels = read_labels(args.labels) if args.labels else {}
    for row in rows:
        label = labels.get(row["key"], {}).get("label", "?")
        print(f"\n[{label}] {row['kind']} {row['key']} {'; '.join(row['reasons'])}")
        print(f"  A ({row['a_headline']}): {row['a']}  [{row['a_frame']}]")
        print(f"  B ({row['b_headline']}): {row['b']}  [{row['b_frame']}]")
    if labels:
        _precision(rows, labels)
    if args.out:
        with args.out.open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row) + "\n")


def _precision(rows: list[dict[str, Any]], labels: dict[str, dict[str, Any]]) -> None:
    found = {row["key"] for row in rows}
    counts = Counter(labels[key]["label"] for key in found if key in labels)
    judged = counts["true"] + counts["false"]
    share = counts["true"] / judged if judged else 0.0
    print(f"\nlabelled: {dict(counts)}; unlabelled: {len(found - labels.keys())}")
    print(f"precision (true / (true + false)): {share:.3f}")
    lost = [row for key, row in labels.items() if row["label"] == "true" and key not in found]
    print(f"true pairs of the labels no longer found: {len(lost)}")
    for row in lost:
        print(f"  lost {row['key']}: {row.get('a', '')[:80]} || {row.get('b', '')[:80]}")


def _row(a: MatchClaim, b: MatchClaim, headlines: dict[int, str], item: Any) -> dict[str, Any]:
    return {
        "key": pair_key(a.text, b.text),
        "kind": str(item.judgement.kind),
        "a_headline": headlines[a.document_id],
        "a": " ".join(a.text.split()),
        "b_headline": headlines[b.document_id],
        "b": " ".join(b.text.split()),
        "reasons": list(item.judgement.reasons),
        "a_frame": a.frame.describe() if a.frame else "-",
        "b_frame": b.frame.describe() if b.frame else "-",
    }


if __name__ == "__main__":
    main()
