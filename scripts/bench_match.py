"""Benchmark cross-document matching: candidate recall, pairs scored, time, memory, growth.

    .venv/bin/python scripts/bench_match.py                       # generated 1k, 10k, 100k
    .venv/bin/python scripts/bench_match.py --bbc ../shared/eval/corpus/bbc_news.jsonl
    .venv/bin/python scripts/bench_match.py --sizes 1000 10000 --store
    .venv/bin/python scripts/bench_match.py --sizes --bbc BBC.jsonl --conflicts sample.jsonl

Each corpus is matched through blocking (`claims.match.engine.match_all`, the code behind
`claims match --rebuild`). Ground truth is what the product would link if it compared all
pairs: every pair whose rapidfuzz token_set_ratio reaches the same cutoff, judged by the
same `relate`. It is exhaustive up to EXHAUSTIVE_LIMIT claims; above, a random sample of
claims is scored against all claims. Recall = linked pairs found through blocking / linked
pairs found exhaustively. Each size runs in its own process so that peak memory (max RSS)
is its own. `--store` also times incremental matching into a SQLite file, one document
(DOC_CLAIMS claims) at a time, as ingestion does. `--conflicts FILE` writes a seeded random
sample of the proposed conflicts (texts and reasons, one JSON object a line) for labelling
by hand: conflict precision is measured on such samples. `--truth-cache DIR` keeps the ground
truth between runs (it does not depend on blocking, only on the corpus and `relate`), so
that two versions of the blocking can be compared back to back without scoring all pairs
twice; clear it when `relate` or the corpus changes. `--judged-per-claim N` (or `all`)
sets the budget of pairs judged per arriving claim (`claims.match.judged`) for the run, so
the relations of each kind lost to the budget are the difference of two runs' counts.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from claims.extract.models import Entity, Span
from claims.match import judged
from claims.match.engine import Found, arrivals, judge_pair, keys_of, match_all, rarity_of
from claims.match.judge import framed
from claims.match.memory import MemoryIndex
from claims.match.models import Kind, MatchClaim
from claims.match.score import CANDIDATE_CUTOFF, match_text

EXHAUSTIVE_LIMIT = 10_000
SAMPLE = 300
DOC_CLAIMS = 20
SEED = 20261123
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"] + ["an", "el", "or", "is"]


def pseudo_word(rank: int) -> str:
    """A deterministic made-up word for a vocabulary rank (rank 0 is shortest)."""
    parts = []
    rank += 1
    while rank:
        rank, digit = divmod(rank, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
    return "".join(parts)


def generate(size: int, seed: int = SEED) -> list[MatchClaim]:
    """Claims of synthetic news: stories with their own words and names, re-reported.

    A Zipf vocabulary of 60,000 made-up words gives background words their realistic
    skew; each story has rare topic words and named entities; about 40% of claims re-report
    an earlier claim of their story (reworded, some with another number, a few verbatim).
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible synthetic data
    ranks = np.arange(1, 60_001)
    weights = 1 / ranks**1.07
    weights /= weights.sum()
    numpy_rng = np.random.default_rng(seed)
    background = numpy_rng.choice(60_000, size=size * 14, p=weights)
    cursor = 0
    claims: list[MatchClaim] = []
    stories: list[tuple[list[str], list[str], list[MatchClaim]]] = []
    for claim_id in range(1, size + 1):
        if stories and rng.random() < 0.4:
            topic, names, told = rng.choice(stories[-200:])
            if told:
                claims.append(_retell(claim_id, rng.choice(told), rng))
                told.append(claims[-1])
                continue
        if not stories or rng.random() < 0.15:
            topic = [pseudo_word(rng.randrange(2_000, 60_000)) for _ in range(6)]
            names = [pseudo_word(rng.randrange(500, 60_000)).title() for _ in range(3)]
            stories.append((topic, names, []))
        topic, names, told = stories[-1] if rng.random() < 0.7 else rng.choice(stories)
        words = [pseudo_word(int(rank)) for rank in background[cursor : cursor + 10]]
        cursor += 10
        words += rng.sample(topic, 3)
        rng.shuffle(words)
        chosen = rng.sample(names, 2)
        number = rng.randrange(2, 9000)
        text = f"{chosen[0]} {' '.join(words[:6])} {chosen[1]} {' '.join(words[6:])} {number}."
        claims.append(_claim(claim_id, text, chosen))
        told.append(claims[-1])
    return claims


def _claim(claim_id: int, text: str, names: Sequence[str]) -> MatchClaim:
    entities = []
    for name in names:
        start = text.find(name)
        entities.append(
            Entity(
                text=name,
                key=name.lower(),
                kind="person",
                span=Span(start=start, end=start + len(name)),
            )
        )
    return MatchClaim(
        id=claim_id,
        document_id=(claim_id - 1) // DOC_CLAIMS + 1,
        text=text,
        entities=tuple(entities),
    )


def _retell(claim_id: int, told: MatchClaim, rng: random.Random) -> MatchClaim:
    if rng.random() < 0.1:
        return _claim(claim_id, told.text, [e.text for e in told.entities])
    words = told.text.rstrip(".").split()
    kept = [word for word in words if rng.random() > 0.25]
    kept += [pseudo_word(rng.randrange(0, 3_000)) for _ in range(rng.randrange(1, 5))]
    rng.shuffle(kept)
    names = [e.text for e in told.entities if e.text in kept]
    return _claim(claim_id, " ".join(kept) + ".", names)


def exhaustive_links(
    claims: Sequence[MatchClaim], queries: Sequence[int] | None
) -> set[tuple[int, int]]:
    """Pairs linked when every pair (or every sampled claim against all) is compared.

    Each pair is judged as matching judges it: with the word rarity of the claims that had
    arrived with its later claim (documents in the order of their claims' ids).
    """
    wanted = None if queries is None else {claims[i].id for i in queries}
    index = MemoryIndex()
    texts: dict[int, str] = {}
    linked: set[tuple[int, int]] = set()
    for arrived in arrivals(claims):
        batch = [framed(claim) for claim in arrived]
        index.add_claims(batch, {claim.id: keys_of(claim) for claim in batch})
        texts.update((claim.id, match_text(claim.text)) for claim in batch)
        rarity = rarity_of(index.frequency(), index.total())
        for a, b in _above_cutoff([claim.id for claim in batch], texts, wanted):
            sides = index.sides([a, b])
            if judge_pair(sides[a], sides[b], rarity) is not None:
                linked.add((min(a, b), max(a, b)))
    return linked


def _above_cutoff(
    batch: list[int], texts: Mapping[int, str], wanted: set[int] | None
) -> Iterator[tuple[int, int]]:
    """Pairs of a batch's claims with the claims arrived so far, above the cutoff.

    Each pair once without a sample; with one (`wanted`), the pairs with a sampled claim.
    """
    every = list(texts)
    if wanted is None:
        blocks = [(batch, every)]
    else:
        sampled = [i for i in batch if i in wanted]
        earlier = [i for i in every if i in wanted and i not in sampled]
        blocks = [(sampled, every), ([i for i in batch if i not in wanted], earlier)]
    own = set(batch)
    for rows, columns in blocks:
        if not rows or not columns:
            continue
        scores = process.cdist(
            [texts[i] for i in rows],
            [texts[j] for j in columns],
            scorer=fuzz.token_set_ratio,
            score_cutoff=CANDIDATE_CUTOFF,
            dtype=np.uint8,
            workers=-1,
        )
        for row, column in zip(*np.nonzero(scores), strict=True):
            a, b = rows[row], columns[column]
            if a != b and not (wanted is None and b in own and b > a):
                yield a, b


def cached_truth(
    claims: Sequence[MatchClaim], queries: Sequence[int] | None, cache: Path | None, name: str
) -> set[tuple[int, int]]:
    """`exhaustive_links`, read from `cache` when an earlier run stored it there."""
    slug = "-".join(name.replace(",", "").split())
    path = None if cache is None else cache / f"{slug}-{len(claims)}-{len(queries or ())}.json"
    if path is not None and path.exists():
        return {(a, b) for a, b in json.loads(path.read_text())}
    truth = exhaustive_links(claims, queries)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(sorted(truth)))
    return truth


def run_size(
    name: str,
    claims: list[MatchClaim],
    store: bool,
    cache: Path | None = None,
    conflicts: Path | None = None,
) -> dict[str, Any]:
    started, cpu = time.perf_counter(), _cpu_seconds()
    found, tally = match_all(claims, workers=2)
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    if conflicts is not None:
        write_conflicts(conflicts, claims, found)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    blocked = {(item.low, item.high) for item in found}
    exhaustive = len(claims) <= EXHAUSTIVE_LIMIT
    sampler = random.Random(SEED)  # noqa: S311 - a reproducible sample, not a secret
    queries = None if exhaustive else sampler.sample(range(len(claims)), SAMPLE)
    truth_started = time.perf_counter()
    truth = cached_truth(claims, queries, cache, name)
    if queries is not None:
        sampled = {claims[i].id for i in queries}
        blocked = {pair for pair in blocked if sampled & set(pair)}
    recall = len(truth & blocked) / len(truth) if truth else 1.0
    result = {
        "corpus": name,
        "claims": len(claims),
        "keys": tally.keys,
        "candidates": tally.candidates,
        "candidate_share": tally.candidates / (len(claims) * (len(claims) - 1) / 2),
        "candidates_per_claim": round(tally.candidates / len(claims), 1),
        "scored": tally.scored,
        "judged_per_claim": judged.JUDGED_PER_CLAIM,
        "relations": tally.kinds,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "peak_rss_mb": round(peak),
        "recall": round(recall, 4),
        "truth_pairs": len(truth),
        "truth": "exhaustive" if exhaustive else f"{SAMPLE} sampled claims against all",
        "truth_seconds": round(time.perf_counter() - truth_started, 1),
        "independence": independence_tally(found),
    }
    if store:
        result["store_seconds"], stored = store_run(claims)
        if queries is not None:
            stored = {pair for pair in stored if sampled & set(pair)}
        result["store_recall"] = round(len(truth & stored) / len(truth), 4) if truth else 1.0
    return result


def independence_tally(found: Sequence[Found]) -> dict[str, dict[str, int]]:
    """Corroborations and duplicates by independence, and the first reason of the dependent."""
    tally: dict[str, dict[str, int]] = {}
    for item in found:
        if item.independence is None or item.judgement.kind == Kind.CONFLICTS:
            continue
        state = {True: "independent", False: "dependent", None: "unknown"}
        kind = tally.setdefault(str(item.judgement.kind), {})
        name = state[item.independence.independent]
        kind[name] = kind.get(name, 0) + 1
        if item.independence.shared and item.independence.independent is False:
            reason = "reason " + item.independence.shared[0].split(":")[0].split(" (")[0]
            kind[reason] = kind.get(reason, 0) + 1
    return {kind: dict(sorted(counts.items())) for kind, counts in sorted(tally.items())}


CONFLICT_SAMPLE = 60


def _cpu_seconds() -> float:
    """CPU time of this process and its finished workers (the machine may be busy)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def write_conflicts(path: Path, claims: Sequence[MatchClaim], found: Sequence[Found]) -> None:
    """A seeded random sample of the conflicts, with both texts and the reasons, as JSONL."""
    texts = {claim.id: claim.text for claim in claims}
    conflicts = [item for item in found if item.judgement.kind == Kind.CONFLICTS]
    sampler = random.Random(SEED)  # noqa: S311 - a reproducible sample, not a secret
    chosen = sampler.sample(conflicts, min(CONFLICT_SAMPLE, len(conflicts)))
    with path.open("w", encoding="utf-8") as out:
        for item in chosen:
            row = {
                "low": item.low,
                "high": item.high,
                "a": texts[item.low],
                "b": texts[item.high],
                "reasons": list(item.judgement.reasons),
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def store_run(claims: list[MatchClaim]) -> tuple[float, set[tuple[int, int]]]:
    """Incremental matching into a SQLite file, one document of claims per call.

    Returns the time and the related pairs stored (word rarity is read from the store as it
    grows, so a few pairs are judged differently than in one run over everything).
    """
    from sqlalchemy import select

    from claims.store.matching import match_claims
    from db import migrate
    from db.engine import Database
    from db.models import Claim, Document, Relation

    with tempfile.TemporaryDirectory() as folder:
        database = Database.from_target(str(Path(folder) / "bench.db"))
        migrate.upgrade(database)
        started = time.perf_counter()
        by_document: dict[int, list[MatchClaim]] = {}
        for claim in claims:
            by_document.setdefault(claim.document_id, []).append(claim)
        for document_id, members in by_document.items():
            with database.write() as session:
                text = " ".join(m.text for m in members)
                session.add(
                    Document(
                        id=document_id,
                        origin=f"bench/{document_id}",
                        content_type="text/plain",
                        text=text,
                        text_sha256=str(document_id),
                        norm_sha256=str(document_id),
                        raw_sha256=str(document_id),
                    )
                )
                rows = []
                position = 0
                for member in members:
                    start = text.index(member.text, position)
                    position = start + len(member.text)
                    rows.append(
                        Claim(
                            id=member.id,
                            document_id=document_id,
                            start=start,
                            end=position,
                            text=member.text,
                            norm_text=member.text.lower(),
                            kind=member.kind,
                            features=_stored_features(member, start - member.start),
                        )
                    )
                session.add_all(rows)
                session.flush()
                match_claims(session, rows, "bench")
        seconds = time.perf_counter() - started
        with database.write() as session:
            pairs = session.execute(select(Relation.claim_id, Relation.other_claim_id)).all()
        database.dispose()
    return round(seconds, 1), {(a, b) for a, b in pairs}


def _stored_features(claim: MatchClaim, shift: int) -> dict[str, Any]:
    """The claim's features as ingestion stores them: spans are offsets in the document."""

    def moved(items: Sequence[Any]) -> list[dict[str, Any]]:
        dumped = [item.model_dump(mode="json") for item in items]
        for item in dumped:
            item["span"] = {name: value + shift for name, value in item["span"].items()}
        return dumped

    return {
        "entities": moved(claim.entities),
        "dates": moved(claim.dates),
        "quantities": moved(claim.quantities),
        "negated": claim.negated,
    }


def bbc_claims(path: Path) -> list[MatchClaim]:
    from claims.extract.models import DocumentContext
    from claims.extract.pipeline import extract_claims
    from claims.match.build import from_extracted

    context = DocumentContext(outlet="BBC News")
    claims: list[MatchClaim] = []
    failed: list[str] = []
    for document_id, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        article = json.loads(line)
        try:
            text = article["title"] + "\n\n" + article["text"]
            extracted = list(extract_claims(text, [], context))
        except Exception as error:  # an extraction bug must not stop the benchmark
            failed.append(f"{document_id}: {error!r}")
            continue
        for found in extracted:
            claims.append(from_extracted(len(claims) + 1, document_id, found, context))
    if failed:
        print(f"extraction failed on {len(failed)} articles: {failed}", file=sys.stderr)
    return claims


Job = tuple[str, int, str | None, bool, str | None, str | None, int | None]
"""Name, size, BBC path, --store, truth cache folder, conflict sample file, pairs judged per
claim."""


def _child(job: Job, queue: Any) -> None:
    name, size, path, store, cache, conflicts, per_claim = job
    judged.JUDGED_PER_CLAIM = per_claim
    claims = bbc_claims(Path(path)) if path else generate(size)
    queue.put(
        run_size(
            name,
            claims,
            store,
            Path(cache) if cache else None,
            Path(conflicts) if conflicts else None,
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000, 100_000])
    parser.add_argument("--bbc", type=Path, help="BBC News JSONL (../shared/eval/corpus/).")
    parser.add_argument(
        "--store", action="store_true", help="Also time SQLite incremental matching."
    )
    parser.add_argument("--json", type=Path, help="Write the results here as JSON.")
    parser.add_argument(
        "--truth-cache", type=Path, help="Keep the ground truth in this folder between runs."
    )
    parser.add_argument(
        "--conflicts",
        type=Path,
        help=f"Write a random sample of {CONFLICT_SAMPLE} BBC conflicts here (JSONL, seeded).",
    )
    parser.add_argument(
        "--judged-per-claim",
        default=str(judged.JUDGED_PER_CLAIM),
        help="Pairs judged per arriving claim, or 'all' (default: the product's budget).",
    )
    arguments = parser.parse_args()
    cache = str(arguments.truth_cache) if arguments.truth_cache else None
    budget = arguments.judged_per_claim
    per_claim = None if budget in ("all", "None") else int(budget)
    jobs: list[Job] = [
        (f"generated {size:,}", size, None, arguments.store, cache, None, per_claim)
        for size in arguments.sizes
    ]
    if arguments.bbc:
        conflicts = str(arguments.conflicts) if arguments.conflicts else None
        jobs.append(
            (
                "BBC News 2004-05",
                0,
                str(arguments.bbc),
                arguments.store,
                cache,
                conflicts,
                per_claim,
            )
        )
    context = multiprocessing.get_context("spawn")
    results = []
    for job in jobs:
        queue = context.Queue()
        worker = context.Process(target=_child, args=(job, queue))
        worker.start()
        results.append(queue.get())
        worker.join()
        print(json.dumps(results[-1]), file=sys.stderr)
    print(table(results))
    if arguments.json:
        arguments.json.write_text(json.dumps(results, indent=2))


def table(results: list[dict[str, Any]]) -> str:
    lines = [
        "| corpus | claims | candidate pairs (share of all) | scored | relations | time"
        " | peak RSS | recall | truth |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        kinds = sum(r["relations"].values())
        store = (
            f" (SQLite incremental {r['store_seconds']} s, recall {r['store_recall']:.4f})"
            if "store_seconds" in r
            else ""
        )
        lines.append(
            f"| {r['corpus']} | {r['claims']:,} | {r['candidates']:,}"
            f" ({100 * r['candidate_share']:.3f} %)"
            f" | {r['scored']:,} | {kinds:,} | {r['seconds']} s ({r['cpu_seconds']} s CPU){store}"
            f" | {r['peak_rss_mb']} MB"
            f" | {r['recall']:.4f} | {r['truth_pairs']:,} pairs, {r['truth']} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
