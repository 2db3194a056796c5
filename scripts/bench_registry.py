"""Benchmark: the registry look-up of each document, as the store's registry grows.

Usage: python scripts/bench_registry.py ../shared/eval/corpus/bbc_news.jsonl [-n 2225]
           [--links LINKS.jsonl] [--names OUT.json] [--profile PREFIX]

Extracts the chain links of the first N articles of a JSONL corpus (fields `title`, `text`;
with `--links`, read from or saved to that file, so that runs of two versions replay the same
links), then resolves them document by document, each in its own transaction, into a fresh
SQLite file holding the seed registry, as ingest's writer does (`resolve_attributions`), and
prints the CPU time of resolution an article for each tenth of the run and how many sources
the registry ends with. Only resolution is timed: extraction, matching and the rest of
ingest are left out, so the growth of the look-up with the registry shows alone. `--names`
writes each link's source name (as the registry ends) for comparing two versions;
`--profile PREFIX` profiles the first and the last tenth (PREFIX.first.prof, .last.prof).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select

from claims.extract.models import ChainLink, DocumentContext
from claims.extract.pipeline import extract_claims
from claims.store.sources.resolution import resolve_attributions
from db.engine import Database
from db.models import Attribution, Claim, Source

ROOT = Path(__file__).resolve().parent.parent


def extract_links(corpus: Path, count: int) -> list[dict[str, Any]]:
    """Each article's text and chain links (claim, position, mention, start, role, affiliation)."""
    documents: list[dict[str, Any]] = []
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            if len(documents) == count:
                break
            article = json.loads(line)
            text = f"{article['title']}\n\n{article['text']}\n"
            links = [
                [index, position, link.mention, _start(link), link.speaker_role, link.affiliation]
                for index, found in enumerate(extract_claims(text, [], DocumentContext()))
                for position, link in enumerate(found.chain)
            ]
            documents.append({"text": text, "links": links})
    return documents


def _start(link: ChainLink) -> int | None:
    return link.mention_span.start if link.mention_span else None


def load_links(corpus: Path, count: int, path: Path | None) -> list[dict[str, Any]]:
    if path is not None and path.exists():
        with path.open(encoding="utf-8") as lines:
            return [json.loads(line) for _, line in zip(range(count), lines, strict=False)]
    documents = extract_links(corpus, count)
    if path is not None:
        path.write_text("".join(json.dumps(d) + "\n" for d in documents), encoding="utf-8")
    return documents


def attributions(document: dict[str, Any]) -> list[Attribution]:
    """Unsaved chain links with their claims (whose features carry the affiliations)."""
    claims: dict[int, Claim] = {}
    links = []
    for index, position, mention, start, role, affiliation in document["links"]:
        claim = claims.setdefault(index, Claim(features={"affiliations": []}, attributions=[]))
        if affiliation:
            claim.features["affiliations"].append({"mention": mention, "affiliation": affiliation})
        link = Attribution(
            position=position, role="speaker", mention=mention, mention_start=start,
            speaker_role=role,
        )  # fmt: skip
        claim.attributions.append(link)
        links.append(link)
    return links


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("-n", "--count", type=int, default=2225)
    parser.add_argument("--links", type=Path, help="chain links to replay (written if missing)")
    parser.add_argument("--names", type=Path, help="write each link's source name here")
    parser.add_argument("--profile", help="profile the first and last tenth into PREFIX.*.prof")
    args = parser.parse_args()
    documents = load_links(args.corpus, args.count, args.links)
    with tempfile.TemporaryDirectory() as tmp:
        target = str(Path(tmp) / "bench.db")
        subprocess.run(
            [sys.executable, "-m", "claims", "--db", target, "sources", "import",
             str(ROOT / "seeds" / "sources.toml")],
            check=True, capture_output=True, cwd=ROOT,
        )  # fmt: skip
        database = Database.from_target(target)
        tenth = max(1, len(documents) // 10)
        profiler = cProfile.Profile(time.process_time) if args.profile else None
        times: list[float] = []
        resolved: list[list[int | None]] = []
        for number, document in enumerate(documents):
            links = attributions(document)
            profiled = profiler is not None and (number < tenth or number >= len(documents) - tenth)
            if profiler is not None and profiled:
                profiler.enable()
            started = time.process_time()
            with database.write() as session:
                resolve_attributions(session, links, "bench", text=document["text"])
            times.append(time.process_time() - started)
            if profiler is not None and profiled:
                profiler.disable()
                if number == tenth - 1:
                    profiler.dump_stats(f"{args.profile}.first.prof")
                    profiler = cProfile.Profile(time.process_time)
            resolved.append([link.source_id for link in links])
        if profiler is not None and args.profile:
            profiler.dump_stats(f"{args.profile}.last.prof")
        with database.read() as session:
            names = {row[0]: row[1] for row in session.execute(select(Source.id, Source.name))}
        database.dispose()
    for part in range(10):
        chunk = times[part * tenth : (part + 1) * tenth]
        if chunk:
            print(f"tenth {part + 1}: {1000 * sum(chunk) / len(chunk):5.1f} ms CPU an article")
    print(f"{len(documents)} articles, {sum(times):.1f} s CPU, {len(names)} sources at the end")
    if args.names:
        links_named = [[names.get(i) if i else None for i in ids] for ids in resolved]
        args.names.write_text(json.dumps(links_named), encoding="utf-8")


if __name__ == "__main__":
    main()
