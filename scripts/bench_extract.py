"""Benchmark claim extraction on a JSONL corpus (fields: id, category, title, text).

Usage:
    .venv/bin/python scripts/bench_extract.py ../shared/eval/corpus/bbc_news.jsonl
    .venv/bin/python scripts/bench_extract.py CORPUS.jsonl --articles 300 --hooks fallback

Runs in one process on one core and prints sentences/s, claims/s and ms/article to stdout.
`--hooks project` (default) uses the check-worthiness and attribution modules when they
exist; `--hooks fallback` measures the core extraction alone.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

from claims.extract.models import DocumentContext
from claims.extract.pipeline import extract_claims, neutral_score, publisher_chains
from claims.extract.sentences import split_sentences


def _articles(path: Path, limit: int) -> list[str]:
    texts: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if len(texts) >= limit:
                break
            if line.strip():
                record = json.loads(line)
                texts.append(f"{record.get('title', '')}\n\n{record['text']}")
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="JSONL file with a `text` field per line")
    parser.add_argument("--articles", type=int, default=300, help="how many articles (300)")
    parser.add_argument("--hooks", choices=("project", "fallback"), default="project")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the median is shown")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    texts = _articles(args.corpus, args.articles)
    context = DocumentContext(outlet="bench", published="2005-01-01")
    fallback = args.hooks == "fallback"
    score = neutral_score if fallback else None
    attribute = publisher_chains if fallback else None
    sentences = sum(len(split_sentences(text, [])) for text in texts)
    claims = 0
    for text in texts:
        claims += len(extract_claims(text, [], context, score=score, attribute=attribute))
    timings: list[float] = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        for text in texts:
            extract_claims(text, [], context, score=score, attribute=attribute)
        timings.append(time.perf_counter() - started)
    elapsed = statistics.median(timings)
    print(f"articles      {len(texts)}")
    print(f"sentences     {sentences}")
    print(f"claims        {claims}")
    print(f"hooks         {args.hooks}")
    print(f"sentences/s   {sentences / elapsed:,.0f}")
    print(f"claims/s      {claims / elapsed:,.0f}")
    print(f"ms/article    {1000 * elapsed / len(texts):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
