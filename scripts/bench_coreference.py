"""Benchmark attribution on long documents where the same names recur: cost per sentence.

Usage:
    .venv/bin/python scripts/bench_coreference.py
    .venv/bin/python scripts/bench_coreference.py --sizes 500 1000 2000 4000

A made-up document repeats two full names that share a last word ("Piet Vries", "Anna de
Vries") and then a surname ("De Vries said ..."), so that every full name and surname is
looked up among many earlier mentions of the same words. Each look-up should cost the same
whatever the number of earlier mentions: ms/sentence stays flat as the document grows.
Prints CPU seconds and ms/sentence per size.
"""

from __future__ import annotations

import argparse
import sys
import time

from claims.extract.attribution import attribute
from claims.extract.models import DocumentContext, Span
from claims.extract.sentences import split_sentences


def document(size: int) -> str:
    """`size` pairs of full names, then `size` sentences naming the surname alone."""
    parts = [
        f"Piet Vries said depot {i} was hit. Anna de Vries said {i} drones fell."
        for i in range(size)
    ]
    parts += [f"De Vries said site {i} burned." for i in range(size)]
    return " ".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000])
    args = parser.parse_args()
    context = DocumentContext(outlet="bench")
    print(f"{'size':>6} {'sentences':>9} {'cpu s':>7} {'ms/sentence':>11}")
    for size in args.sizes:
        text = document(size)
        spans = [Span(start=s.start, end=s.end) for s in split_sentences(text, [])]
        started = time.process_time()
        attribute(text, spans, context)
        elapsed = time.process_time() - started
        print(f"{size:>6} {len(spans):>9} {elapsed:>7.2f} {1000 * elapsed / len(spans):>11.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
