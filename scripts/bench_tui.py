"""Benchmark the review workbench at scale: time to first screen, filter latency, memory.

Generates a SQLite database of N synthetic claims (documents, sources, chains and relations
included; deterministic for a given seed) in a child process, then runs the real app headless
and prints: time to first screen (app start until the first page of claims is painted), for a
sequence of filter keystrokes the time from key press to the repainted table, and the peak
resident memory of the measuring process (the app and the queries; generation is not in it).
The database query times behind them are printed too, text searches among them.

Example:
    python scripts/bench_tui.py --claims 100000 --db /tmp/bench.db
    python scripts/bench_tui.py --db /tmp/bench.db --reuse
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select

from claims.text.normalize import fold
from db import migrate
from db.engine import Database
from db.models import Attribution, Claim, Document, Relation, Source

WORDS = (
    "minister", "said", "talks", "oil", "gas", "Baghdad", "Moscow", "sanctions",
    "troops", "agreement", "pipeline", "president", "visit", "energy", "ministry", "reported",
    "officials", "billion", "contract", "exports", "army", "deal", "security", "parliament",
    "election", "protest", "drone", "strike", "border", "refinery", "wheat", "embassy",
    "delegation", "treaty", "investment", "railway", "port", "currency", "inflation", "bank",
    "loan", "statement", "denied", "confirmed", "claimed", "according", "sources", "agency",
    "television", "channel",
)  # fmt: skip
CLAIMS_PER_DOCUMENT = 100
FIXED_TIME = datetime(2026, 1, 1, tzinfo=UTC)
FILTER_WORDS = ("strike", "99999")
"""Typed key by key: a common word (many matches) and a rare one (a full scan without an index)."""


def sentence(rng: random.Random, index: int) -> str:
    words = rng.choices(WORDS, k=rng.randint(18, 45))
    words[0] = words[0].capitalize()
    return " ".join(words) + f" {index}."


def generate(path: Path, claims: int, seed: int = 1) -> Database:
    """A fresh migrated SQLite file holding `claims` synthetic claims."""
    if path.exists():
        path.unlink()
    database = Database.from_target(str(path))
    migrate.upgrade(database)
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    with database.write() as session:
        sources = [
            {
                "id": i,
                "name": f"Source {i}",
                "reliability": "ABCDEF"[i % 6],
                "kind": "outlet" if i % 3 else "person",
                "created_at": FIXED_TIME,
            }
            for i in range(1, 301)
        ]
        session.execute(insert(Source), sources)
        documents = max(claims // CLAIMS_PER_DOCUMENT, 1)
        claim_id = 1
        for doc_id in range(1, documents + 1):
            texts = [sentence(rng, claim_id + k) for k in range(CLAIMS_PER_DOCUMENT)]
            body = "\n\n".join(texts)
            digest = hashlib.sha256(body.encode()).hexdigest()
            session.execute(
                insert(Document),
                [
                    {
                        "id": doc_id,
                        "origin": f"bench/{doc_id}.txt",
                        "title": f"Bench article {doc_id}",
                        "outlet": f"Source {doc_id % 300 + 1}",
                        "content_type": "text/plain",
                        "text": body,
                        "text_sha256": digest,
                        "norm_sha256": digest,
                        "raw_sha256": digest,
                        "ingested_at": FIXED_TIME,
                    }
                ],
            )
            rows, links, start = [], [], 0
            for paragraph, text in enumerate(texts):
                rows.append(claim_values(rng, claim_id, doc_id, start, text, paragraph))
                links += chain_values(rng, claim_id)
                start += len(text) + 2
                claim_id += 1
            session.execute(insert(Claim), rows)
            session.execute(insert(Attribution), links)
        session.execute(insert(Relation), relation_values(rng, claim_id - 1))
    return database


def claim_values(
    rng: random.Random, claim_id: int, doc_id: int, start: int, text: str, paragraph: int
) -> dict[str, Any]:
    return {
        "id": claim_id,
        "document_id": doc_id,
        "start": start,
        "end": start + len(text),
        "text": text,
        "norm_text": fold(text),
        "paragraph": paragraph,
        "kind": rng.choice(("factual", "statistic", "event", "quotation")),
        "checkworthiness": round(rng.random(), 3),
        "propaganda_sourced": rng.random() < 0.1,
        "credibility_proposed": rng.randint(1, 6),
        "verdict": rng.choice((None, None, None, "true", "false", "mixed")),
        "created_at": FIXED_TIME,
        # Realistic row width: extraction stores selectors, features and reasons too.
        "selector": {
            "quote": {"type": "TextQuoteSelector", "exact": text, "prefix": "", "suffix": ""},
            "position": {"type": "TextPositionSelector", "start": start, "end": start + len(text)},
        },
        "features": {
            "entities": [
                {"text": w, "label": "ORG", "start": 0, "end": len(w), "norm": w.lower()}
                for w in text.split()[:4]
            ],
            "dates": [],
            "quantities": [],
            "negated": False,
        },
        "checkworthiness_reasons": [{"feature": "entity", "weight": 0.4, "detail": "named org"}],
    }


def chain_values(rng: random.Random, claim_id: int) -> list[dict[str, Any]]:
    speaker, publisher = rng.randint(1, 300), rng.randint(1, 300)
    return [
        {
            "claim_id": claim_id,
            "position": 0,
            "role": "speaker",
            "source_id": speaker,
            "mention": f"Source {speaker}",
        },
        {
            "claim_id": claim_id,
            "position": 1,
            "role": "publisher",
            "source_id": publisher,
            "mention": f"Source {publisher}",
        },
    ]


def relation_values(rng: random.Random, last_claim: int) -> list[dict[str, Any]]:
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < last_claim // 3:
        a, b = rng.randint(1, last_claim), rng.randint(1, last_claim)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    return [
        {
            "claim_id": a,
            "other_claim_id": b,
            "kind": rng.choice(("corroborates", "corroborates", "conflicts", "duplicate")),
            "score": 0.9,
            "independent": rng.random() < 0.5,
            "created_at": FIXED_TIME,
        }
        for a, b in sorted(pairs)
    ]


def time_queries(database: Database) -> None:
    """Database time of the listing queries the table runs (median of 5)."""
    from claims.store.views import ClaimSort, SortKey, claim_page, count_claims, parse_filter

    cases = [
        ("first page, no filter", "", ClaimSort()),
        ("first page, sort by credibility", "", ClaimSort(key=SortKey.CREDIBILITY)),
        ("text 'oil b'", "oil b", ClaimSort()),
        ("common text 'strike'", "strike", ClaimSort()),
        ("rare text '99999.'", "99999.", ClaimSort()),
        ("rare phrase 'drone strike wheat port'", "drone strike wheat port", ClaimSort()),
        ("text and term 'pipeline verdict:none'", "pipeline verdict:none", ClaimSort()),
        ("operators 'NEAR(oil AND \"gas'", 'NEAR(oil AND "gas', ClaimSort()),
        ("short text 'oi' (no index)", "oi", ClaimSort()),
        ("verdict:none rel:conflicts", "verdict:none rel:conflicts", ClaimSort()),
        ("source:7", "source:7", ClaimSort()),
        ("source:'Source 7'", 'source:"Source 7"', ClaimSort()),
    ]
    for label, text, sort in cases:
        pages, counts, totals = [], [], []
        for _ in range(5):
            with database.read() as session:
                claim_filter = parse_filter(text)
                began = time.perf_counter()
                claim_page(session, claim_filter, sort, limit=128)
                paged = time.perf_counter()
                totals.append(count_claims(session, claim_filter))
                pages.append(paged - began)
                counts.append(time.perf_counter() - paged)
        print(
            f"  query {label:40} page {statistics.median(pages) * 1000:7.1f} ms,"
            f" count {statistics.median(counts) * 1000:7.1f} ms ({totals[0]} rows)",
            flush=True,
        )


async def time_app(database: Database) -> None:
    """Time to first screen and per-keystroke filter latency in the real app, headless.

    Keys are posted as real key events (Pilot's `press` waits for the process to go idle,
    which would add its own delay); a spy on the table's line renderer records when rows
    are painted.
    """
    from tui.app import make_app
    from tui.widgets.claim_table import ClaimTable

    painted: list[float] = []
    render_line = ClaimTable.render_line

    def spy(table: ClaimTable, y: int) -> Any:
        if table.loaded and y == 1:
            painted.append(time.perf_counter())
        return render_line(table, y)

    ClaimTable.render_line = spy  # type: ignore[method-assign]
    began = time.perf_counter()
    app = make_app(database, reviewer="bench")
    async with app.run_test(size=(160, 45)) as pilot:
        table = app.screen.query_one(ClaimTable)
        await until(lambda: bool(painted))
        print(f"  time to first screen: {(painted[0] - began) * 1000:.0f} ms", flush=True)
        await pilot.press("slash")
        latencies: list[float] = []
        for word in FILTER_WORDS:
            for key in word:
                latencies.append(await keystroke(app, table, key, painted))
            for _ in word:
                await pilot.press("backspace")
            await pilot.pause(0.5)
        ms = sorted(x * 1000 for x in latencies)
        print(
            f"  filter keystroke to repainted table: median {statistics.median(ms):.0f} ms,"
            f" 90th percentile {ms[int(len(ms) * 0.9)]:.0f} ms, max {ms[-1]:.0f} ms"
            f" over {len(ms)} keys (typing {' and '.join(FILTER_WORDS)})",
            flush=True,
        )
        typed = "".join(FILTER_WORDS)
        each = ", ".join(f"{k} {x * 1000:.0f}" for k, x in zip(typed, latencies, strict=True))
        print(f"  each key in order (ms): {each}", flush=True)
        await pilot.press("ctrl+q")


async def until(condition: Any, timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the table did not update")
        await asyncio.sleep(0.001)


async def keystroke(app: Any, table: Any, key: str, painted: list[float]) -> float:
    """Seconds from a key event in the filter box to the new rows painted."""
    from textual import events

    generation = table.generation
    pressed = time.perf_counter()
    event = events.Key(key, key)
    event.set_sender(app)
    app._driver.send_message(event)  # as a terminal would deliver it
    await until(lambda: table.generation != generation and table.loaded)
    await until(lambda: bool(painted) and painted[-1] > pressed and table.loaded)
    return painted[-1] - pressed


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--db", type=Path, required=True, help="SQLite file to (re)create")
    parser.add_argument("--reuse", action="store_true", help="use an existing --db as it is")
    parser.add_argument("--generate-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate_only:
        generate(args.db, args.claims).dispose()
        return
    if not (args.reuse and args.db.exists()):
        began = time.perf_counter()
        child = [sys.executable, __file__, "--claims", str(args.claims), "--db", str(args.db)]
        subprocess.run([*child, "--generate-only"], check=True)
        print(f"generated {args.claims} claims in {time.perf_counter() - began:.1f} s", flush=True)
    database = Database.from_target(str(args.db))
    with database.read() as session:
        total = session.scalar(select(Claim.id).order_by(Claim.id.desc()).limit(1))
    print(f"database {args.db}: {total} claims", flush=True)
    time_queries(database)
    asyncio.run(time_app(database))
    database.dispose()
    print(f"  app memory: peak {peak_memory_mb():.0f} MB resident (queries and app, this process)")


if __name__ == "__main__":
    main()
