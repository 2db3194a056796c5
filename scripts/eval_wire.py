"""Evaluation: how many claims are fragments of a sentence on plain-text wire copy.

Usage: python scripts/eval_wire.py ../shared/eval/corpus/bbc_news.jsonl [-n 300]
           [--shape wire|as-is] [--width 65] [--ragged 8] [--tab] [--crlf]

Takes N articles spread evenly over a JSONL corpus (fields `title`, `text`; one paragraph a
line). `--shape wire` (the default) lays each one out as agency wire copy: the headline, a
blank line, every paragraph wrapped at `--width` columns with its first line indented by four
spaces (a tab with `--tab`) and no blank line between paragraphs, and a " Reuter" sign-off;
`--ragged R` wraps each paragraph at its own width, `--width` plus or minus up to R (a fixed
seed). `--shape as-is` keeps the text as it is (headline, blank line, text). Each document
goes through ingestion's preparation and claim extraction (check-worthiness and attribution
replaced by the neutral fallbacks: which sentences are claims does not depend on them).
Prints the share of claims that end in a comma, start in lower case or have fewer than five
words, and a digest of every claim's place and text (equal digests: equal claims).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims.extract.models import DocumentContext
from claims.extract.pipeline import extract_claims, neutral_score, publisher_chains
from claims.ingest.models import RawInput
from claims.ingest.prepare import prepare

SHORT_WORDS = 5
RAGGED_SEED = 17


def spread_sample(corpus: Path, count: int) -> list[dict[str, str]]:
    """`count` articles taken at even steps through the file (all categories, not the first)."""
    with corpus.open(encoding="utf-8") as lines:
        articles = [json.loads(line) for line in lines if line.strip()]
    step = max(1, len(articles) // max(1, count))
    return articles[::step][:count]


def as_wire(title: str, text: str, width: Callable[[], int], indent: str) -> str:
    """The article as agency wire copy: paragraphs wrapped at `width()`, marked by an indent."""
    paragraphs = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    body = [
        textwrap.fill(paragraph, width=width(), initial_indent=indent, break_on_hyphens=False)
        for paragraph in paragraphs
    ]
    return f"{title}\n\n" + "\n".join(body) + "\n Reuter\n"


def claim_texts(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of every claim extracted from `text` as a plain-text input."""
    prepared = prepare(
        RawInput(origin="eval", locator=None, data=text.encode(), media_type="text/plain")
    )
    debris = [(span.start, span.end, span.reason) for span in prepared.debris]
    claims = extract_claims(
        prepared.text,
        debris,
        DocumentContext(),
        score=neutral_score,
        attribute=publisher_chains,
    )
    return [(claim.start, claim.end, claim.text) for claim in claims]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("-n", type=int, default=300)
    parser.add_argument("--shape", choices=["wire", "as-is"], default="wire")
    parser.add_argument("--width", type=int, default=65)
    parser.add_argument("--ragged", type=int, default=0, help="vary the width by up to this")
    parser.add_argument("--tab", action="store_true", help="indent paragraphs with a tab")
    parser.add_argument("--crlf", action="store_true", help="end lines with CR LF")
    args = parser.parse_args()
    randomness = random.Random(RAGGED_SEED)  # noqa: S311 - reproducible widths, not security

    def width() -> int:
        return int(args.width) + randomness.randint(-args.ragged, args.ragged)

    digest = hashlib.sha256()
    claims: list[str] = []
    articles = spread_sample(args.corpus, args.n)
    indent = "\t" if args.tab else "    "
    for number, article in enumerate(articles):
        if args.shape == "wire":
            text = as_wire(article["title"], article["text"], width, indent)
        else:
            text = f"{article['title']}\n\n{article['text']}\n"
        if args.crlf:
            text = text.replace("\n", "\r\n")
        for start, end, body in claim_texts(text):
            digest.update(f"{number}\x00{start}\x00{end}\x00{body}\x00".encode())
            claims.append(body)
    report(args, len(articles), claims, digest.hexdigest()[:16])


def report(args: argparse.Namespace, documents: int, claims: list[str], digest: str) -> None:
    total = max(1, len(claims))
    comma = sum(1 for c in claims if c.rstrip().endswith(","))
    lower = sum(1 for c in claims if c[:1].islower())
    short = sum(1 for c in claims if len(c.split()) < SHORT_WORDS)
    layout = "as it is"
    if args.shape == "wire":
        ragged = f" +/- {args.ragged}" if args.ragged else ""
        layout = f"wire copy at {args.width}{ragged} columns, {'tab' if args.tab else 'spaces'}"
    print(f"documents: {documents} ({layout}{', CR LF' if args.crlf else ''})")
    print(f"claims: {len(claims)} ({len(claims) / max(1, documents):.1f} a document)")
    print(f"end in a comma: {comma} ({comma / total:.1%})")
    print(f"start in lower case: {lower} ({lower / total:.1%})")
    print(f"fewer than {SHORT_WORDS} words: {short} ({short / total:.1%})")
    print(f"digest: {digest}")


if __name__ == "__main__":
    main()
