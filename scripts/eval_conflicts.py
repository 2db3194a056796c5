"""Evaluation: how many conflicts matching proposes on real articles, and a sample to label.

Usage: python scripts/eval_conflicts.py ../shared/eval/corpus/bbc_news.jsonl [-n 1000]
           [--shape wire|as-is] [--sample 50] [--out conflicts.jsonl] [--cache DIR]

Takes N articles spread evenly over a JSONL corpus (fields `title`, `text`; all of them with
`-n 0`), laid out as agency wire copy (`--shape wire`, as `scripts/eval_wire.py` does: the
headline, indented paragraphs wrapped at 65 columns, a sign-off) or as they are. Each goes
through ingestion's preparation, claim extraction and the document's claim frames, as
`claims ingest` does; then every claim is matched against every other through blocking
(`claims.match.engine.match_all`, the code behind `claims match --rebuild`). Prints the
relations by kind, the conflicts per 1,000 articles and those between documents, and
writes a seeded random sample of the conflicts (both texts, their documents' headlines and
the reasons, one JSON object a line) for labelling by hand. `--cache DIR` keeps the
extracted claims between runs (extraction does not depend on the matching rules).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims.extract.models import DocumentContext, ExtractedClaim
from claims.extract.pipeline import extract_claims
from claims.ingest.models import RawInput
from claims.ingest.prepare import prepare
from claims.match.build import from_extracted
from claims.match.engine import match_all
from claims.match.frames.build import frames_of
from claims.match.models import Kind, MatchClaim
from scripts.eval_wire import as_wire, spread_sample

SEED = 20261206
WIRE_WIDTH = 65
OUTLET = "Corpus"


def documents(corpus: Path, count: int, shape: str) -> list[tuple[str, str]]:
    """(headline, text) of the articles, laid out as asked."""
    articles = spread_sample(corpus, count) if count else _all(corpus)
    laid = []
    for article in articles:
        if shape == "wire":
            text = as_wire(article["title"], article["text"], lambda: WIRE_WIDTH, "    ")
        else:
            text = f"{article['title']}\n\n{article['text']}\n"
        laid.append((article["title"], text))
    return laid


def _all(corpus: Path) -> list[dict[str, str]]:
    with corpus.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


Extracted = tuple[str, list[tuple[int, int, str]], list[ExtractedClaim]]
"""A document's prepared text, its debris spans and its claims."""


def extracted(text: str, context: DocumentContext) -> Extracted:
    """The document as ingestion prepares it, and its claims."""
    prepared = prepare(
        RawInput(origin="eval", locator=None, data=text.encode(), media_type="text/plain")
    )
    debris = [(span.start, span.end, span.reason) for span in prepared.debris]
    return prepared.text, debris, list(extract_claims(prepared.text, debris, context))


def cached(cache: Path | None, text: str, context: DocumentContext) -> Extracted:
    """`extracted`, read from or written to the cache folder when there is one."""
    if cache is None:
        return extracted(text, context)
    path = cache / (hashlib.sha256(text.encode()).hexdigest()[:24] + ".json")
    if path.exists():
        stored = json.loads(path.read_text(encoding="utf-8"))
        claims = [ExtractedClaim.model_validate(item) for item in stored["claims"]]
        debris = [(int(s), int(e), str(r)) for s, e, r in stored["debris"]]
        return stored["text"], debris, claims
    found = extracted(text, context)
    path.write_text(
        json.dumps(
            {
                "text": found[0],
                "debris": found[1],
                "claims": [claim.model_dump(mode="json") for claim in found[2]],
            }
        ),
        encoding="utf-8",
    )
    return found


def framed_claims(
    laid: list[tuple[str, str]], cache: Path | None, context: DocumentContext
) -> tuple[list[MatchClaim], dict[int, str]]:
    """Every claim of the (headline, text) articles, framed with its document as ingest frames
    it, and each document's headline by its number (1, 2, ...)."""
    claims: list[MatchClaim] = []
    headlines: dict[int, str] = {}
    for document_id, (headline, text) in enumerate(laid, start=1):
        headlines[document_id] = headline
        prepared, debris, found = cached(cache, text, context)
        frames = frames_of(prepared, found, context, debris=debris)
        for claim, frame in zip(found, frames, strict=True):
            claims.append(from_extracted(len(claims) + 1, document_id, claim, context, frame))
    return claims, headlines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("-n", type=int, default=1000, help="articles (0: all)")
    parser.add_argument("--shape", choices=["wire", "as-is"], default="wire")
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--out", type=Path, help="write the sample of conflicts here (JSONL)")
    parser.add_argument("--cache", type=Path, help="keep extracted claims in this folder")
    args = parser.parse_args()
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    context = DocumentContext(outlet=OUTLET)
    laid = documents(args.corpus, args.n, args.shape)
    claims, headlines = framed_claims(laid, args.cache, context)
    extracted_at = time.perf_counter()
    relations, _ = match_all(claims)
    matched_at = time.perf_counter()
    by_id = {claim.id: claim for claim in claims}
    kinds = Counter(str(item.judgement.kind) for item in relations)
    conflicts = [item for item in relations if item.judgement.kind == Kind.CONFLICTS]
    across = [c for c in conflicts if by_id[c.low].document_id != by_id[c.high].document_id]
    per_thousand = 1000 * len(conflicts) / max(1, len(laid))
    print(f"articles: {len(laid)} ({args.shape}); claims: {len(claims)}")
    print(f"relations: {dict(sorted(kinds.items()))}")
    print(
        f"conflicts: {len(conflicts)} ({per_thousand:.1f} per 1,000 articles;"
        f" {len(across)} between documents)"
    )
    print(
        f"seconds: extraction and frames {extracted_at - started:.0f},"
        f" matching {matched_at - extracted_at:.0f}"
    )
    if args.out:
        sampler = random.Random(SEED)  # noqa: S311 - a reproducible sample, not a secret
        chosen = sampler.sample(conflicts, min(args.sample, len(conflicts)))
        with args.out.open("w", encoding="utf-8") as out:
            for item in sorted(chosen, key=lambda found: (found.low, found.high)):
                out.write(json.dumps(_row(item.low, item.high, by_id, headlines, item)) + "\n")


def _row(
    low: int, high: int, by_id: dict[int, MatchClaim], headlines: dict[int, str], item: Any
) -> dict[str, Any]:
    a, b = by_id[low], by_id[high]
    return {
        "low": low,
        "high": high,
        "a_headline": headlines[a.document_id],
        "a": " ".join(a.text.split()),
        "b_headline": headlines[b.document_id],
        "b": " ".join(b.text.split()),
        "reasons": list(item.judgement.reasons),
    }


if __name__ == "__main__":
    main()
