"""Time every export format on a synthetic export of N claims (default 10,000).

    python scripts/bench_reports.py                # in memory: render each format
    python scripts/bench_reports.py --claims 2000  # smaller
    python scripts/bench_reports.py --db           # also: import into SQLite, select, export

Prints seconds and output size per format. The data is synthetic (random sentences, chains of
1-3 links over 300 sources, one relation and 0.3 reviews per claim): sizes and times are for
comparing changes on one machine, not absolute truths.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.reports.formats import FORMATS, render  # noqa: E402
from claims.reports.schema import (  # noqa: E402
    Export,
    ExportAttribution,
    ExportClaim,
    ExportDocument,
    ExportRelation,
    ExportReview,
    ExportSource,
)

WORDS = (
    "Russia", "Iraq", "Baghdad", "Moscow", "ministry", "wheat", "oil", "contract", "delegation",
    "minister", "talks", "deal", "signed", "million", "tonnes", "barrels", "agreement",
    "officials", "said", "reported", "according", "sources", "military", "cooperation",
    "energy", "investment", "billion", "dollars", "visit", "embassy", "statement",
)  # fmt: skip
KINDS = ("government body", "official person", "state-affiliated media", "news agency")
T0 = datetime(2025, 1, 1, tzinfo=UTC)


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 30))]
    return " ".join(words).capitalize() + "."


def synthetic_export(n_claims: int, seed: int = 7) -> Export:
    """An export with `n_claims` claims in documents of 10 claims each."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    sources = [
        ExportSource(
            id=i,
            name=f"Source {i}",
            aliases=[f"Alias {i}"],
            kind=rng.choice(KINDS),
            reliability=rng.choice("ABCDEF"),
            flags=["propaganda"] if i % 7 == 0 else [],
        )
        for i in range(1, 301)
    ]
    documents: list[ExportDocument] = []
    claims: list[ExportClaim] = []
    for d in range(1, n_claims // 10 + 1):
        parts, spans = [], []
        offset = 0
        for _ in range(10):
            text = sentence(rng)
            spans.append((offset, offset + len(text), text))
            parts.append(text)
            offset += len(text) + 1
        text = " ".join(parts)
        documents.append(
            ExportDocument(
                id=d,
                origin=f"https://news.example/{d}",
                title=sentence(rng)[:80],
                outlet=f"Outlet {d % 40}",
                author=None,
                published=(T0 + timedelta(days=d % 300)).date().isoformat(),
                url=f"https://news.example/{d}",
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                text=text,
                text_sha256=hashlib.sha256(text.encode()).hexdigest(),
                norm_sha256=hashlib.sha256(f"n{text}".encode()).hexdigest(),
                ingested_at=T0,
            )
        )
        for start, end, claim_text in spans:
            claim_id = len(claims) + 1
            chain = [
                ExportAttribution(
                    source_id=rng.randint(1, 300),
                    name=f"Mention {claim_id}",
                    role=role,
                    cue="said" if role != "publisher" else None,
                )
                for role in ("speaker", "intermediary", "publisher")[: rng.randint(1, 3)]
            ]
            reviewed = claim_id % 3 == 0
            claims.append(
                ExportClaim(
                    id=claim_id,
                    document_id=d,
                    text=claim_text,
                    start=start,
                    end=end,
                    attribution=chain,
                    propaganda_sourced=any(
                        link.source_id is not None and link.source_id % 7 == 0 for link in chain
                    ),
                    verdict=rng.choice(["true", "false", "mixed"]) if reviewed else None,
                    rationale=sentence(rng) if reviewed else None,
                    reviewed_by="alice" if reviewed else None,
                    reviewed_at=T0 + timedelta(days=30) if reviewed else None,
                )
            )
    relations = []
    for claim in claims[1:]:
        other = rng.randint(1, claim.id - 1)
        relations.append(
            ExportRelation(
                id=claim.id,
                claim_id=other,
                other_claim_id=claim.id,
                kind=rng.choice(["corroborates", "conflicts", "duplicate", "related"]),
                score=round(rng.random(), 3),
                reasons=["same entities and numbers"],
                independent=rng.choice([True, False, None]),
            )
        )
    reviews = [
        ExportReview(
            id=c.id,
            claim_id=c.id,
            reviewer="alice",
            created_at=T0 + timedelta(days=30),
            action="verdict",
            verdict=c.verdict,
            rationale=c.rationale,
            evidence=["https://evidence.example/1"],
        )
        for c in claims
        if c.verdict is not None
    ]
    return Export(
        generator="bench",
        generated_at=T0,
        documents=documents,
        sources=sources,
        claims=claims,
        relations=relations,
        reviews=reviews,
        settings={"organisation.name": "Bench Desk", "organisation.url": "https://bench.example/"},
    )


def timed(label: str, work: object) -> object:
    started = time.perf_counter()
    result = work() if callable(work) else None
    elapsed = time.perf_counter() - started
    size = f"{len(result) / 1e6:8.1f} MB" if isinstance(result, bytes | str) else ""
    print(f"{label:<28} {elapsed:7.2f} s {size}", flush=True)
    return result


def bench_database(export: Export) -> None:
    from claims.store.exports import import_export, select_export
    from db import migrate
    from db.engine import Database

    with tempfile.TemporaryDirectory() as folder:
        database = Database.from_target(str(Path(folder) / "bench.db"))
        migrate.upgrade(database)

        def load() -> None:
            with database.write() as session:
                import_export(session, export, "bench")

        def read() -> str:
            with database.read() as session:
                return select_export(session).model_dump_json()

        timed("import into SQLite", load)
        timed("select_export (all)", read)
        database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--db", action="store_true", help="also time import and select")
    args = parser.parse_args()
    export = timed(f"build {args.claims} claims", lambda: synthetic_export(args.claims))
    assert isinstance(export, Export)
    for name in FORMATS:
        timed(f"format {name}", lambda name=name: render(export, name))
    if args.db:
        bench_database(export)


if __name__ == "__main__":
    main()
