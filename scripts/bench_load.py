"""Load figures for team use: N writers ingesting and M reviewers editing one database at once.

Writers ingest fresh documents (each with its claims, in one transaction) through the store's
own code; reviewers do read-modify-write edits through the review service with optimistic
concurrency, retrying on a conflict. Each reviewer's rationale holds a counter it increments,
so at the end the counters must add up to the saves the reviewers were told succeeded: the
difference is the number of lost updates, which must be 0.

    python scripts/bench_load.py --db /tmp/load.db --writers 2 --reviewers 4 --seconds 20
    python scripts/bench_load.py --db postgresql+psycopg://claims@localhost/claims_load
    python scripts/bench_load.py --db /tmp/load.db --writers 1 --reviewers 2 --alone

With `--alone`, the writers first run as long again with no reviewer, and the figures say
how much of that throughput ingest keeps under the reviewers' saves (target: 80 %); then
they run alone once more, on the fuller store the reviewers' phase left (every document
matches the near-identical ones before it, so each costs more than the last), and the
figures say how much ingest kept against that run too. The
writers' CPU time per document, alone and with the reviewers, tells waiting (for the write
lock or for a core) from work: the wall time per document less its CPU time was spent
waiting. The writers' wait for the write lock (`db.engine.LOCK_WAITS`) and, on Linux, for a
core (`/proc/self/schedstat`) are given per document too.

With `--corpus FILE.jsonl` (lines with "title" and "text", such as a news corpus) the
writers ingest real articles, in the file's order and never the same one twice, instead of
the generated near-identical ones: articles about different things do not all match each
other, so a document costs about the same early and late, and a phase with reviewers can be
compared with the phases alone around it. `--rounds K` runs K phases with reviewers, each
between two phases alone (alone, with, alone, with, ..., alone), and gives each round's
share kept against the mean of its two neighbours alone, and their median; lost updates
and audit entries are then counted over every round's saves, and the writers' wait for the
write lock per document and the saves' 95th percentile are given for each round.

    python scripts/bench_load.py --db /tmp/load.db --writers 1 --reviewers 2 --alone \
        --corpus ../shared/eval/corpus/bbc_news.jsonl --rounds 3 --seconds 60

The database must be empty or a previous run's (a SQLite file is created); for PostgreSQL,
give a scratch database: the run adds rows to it.
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing
import random
import statistics
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from claims.ingest.models import DocumentMeta, MetaOrigin, RawInput  # noqa: E402
from claims.ingest.prepare import prepare  # noqa: E402
from claims.store.documents import save_prepared  # noqa: E402
from claims.store.matching.memo import IndexMemo  # noqa: E402
from claims.store.review import EditConflict, ReviewService  # noqa: E402
from db import migrate  # noqa: E402
from db.engine import LOCK_WAITS, Database, sqlite_check  # noqa: E402
from db.models import AuditEntry, Claim, Document  # noqa: E402

SENTENCE = "Officials in {city} said on {day} that {n} trucks had crossed the border at dawn."
CITIES = ("Kharkiv", "Basra", "Mosul", "Odesa", "Erbil", "Kursk", "Tikrit", "Sumy")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


@dataclass
class WorkerReport:
    """What one worker process did."""

    role: str
    name: str
    done: int = 0
    conflicts: int = 0
    errors: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    saves: dict[int, int] = field(default_factory=dict)
    cpu_s: float = 0.0
    """CPU time the process spent during the run (user and system)."""
    lock_wait_s: float = 0.0
    """Time the process spent waiting for the write lock (SQLite's, PostgreSQL's analysis lock)."""
    core_wait_s: float = 0.0
    """Time the process was ready to run but waited for a core (Linux; 0 elsewhere)."""


def article(writer: str, number: int, sentences: int) -> str:
    rng = random.Random(f"{writer}-{number}")  # noqa: S311 - varied text, not security
    lines = [
        SENTENCE.format(city=rng.choice(CITIES), day=rng.choice(DAYS), n=rng.randint(2, 900))
        for _ in range(sentences)
    ]
    return f"Report {writer} {number}\n\n" + "\n\n".join(lines) + "\n"


def ingest_with_claims(
    database: Database, body: str, origin: str, actor: str, memo: IndexMemo | None = None
) -> None:
    """One document with its whole analysis (claims, chains, matching), as `claims ingest`
    (which keeps what it read of the claim index between documents in a `memo`)."""
    raw = RawInput(
        origin=origin,
        locator=None,
        data=body.encode(),
        media_type="text/plain",
        meta=DocumentMeta.of(MetaOrigin.OPTION, title=origin),
    )
    save_prepared(database, prepare(raw), actor, memo=memo)


@dataclass(frozen=True)
class Feed:
    """Where a writer's documents come from: generated (no corpus), or the corpus lines
    `first`, `first + stride`, `first + 2 * stride`, ... (each writer its own)."""

    corpus: str | None = None
    first: int = 0
    stride: int = 1
    sentences: int = 12

    def document(self, name: str, number: int) -> tuple[str, str]:
        """The `number`-th document of writer `name`: its origin and its text."""
        if self.corpus is None:
            return f"{name}-{number}.txt", article(name, number, self.sentences)
        index = self.first + number * self.stride
        title, text = corpus_article(self.corpus, index)
        return f"corpus-{index}.txt", f"{title}\n\n{text}\n"


def corpus_article(corpus: str, index: int) -> tuple[str, str]:
    """Title and text of line `index` of a JSONL corpus (read once per process)."""
    lines = _corpus_lines(corpus)
    if index >= len(lines):
        raise IndexError(f"{corpus}: no article {index + 1}; the corpus holds {len(lines)}")
    record = json.loads(lines[index])
    return str(record.get("title") or f"Article {index + 1}"), str(record["text"])


_LINES: dict[str, list[str]] = {}


def _corpus_lines(corpus: str) -> list[str]:
    if corpus not in _LINES:
        text = Path(corpus).read_text(encoding="utf-8")
        _LINES[corpus] = [line for line in text.splitlines() if line.strip()]
    return _LINES[corpus]


def writer(target: str, name: str, start: Any, seconds: float, feed: Feed, queue: Any) -> None:
    database = Database.from_target(target)
    report, memo = WorkerReport("writer", name), IndexMemo()
    start.wait()
    deadline, cpu, waited = time.time() + seconds, time.process_time(), LOCK_WAITS.seconds
    queued = core_wait()
    for number in itertools.count():
        if time.time() >= deadline:
            break
        started = time.perf_counter()
        try:
            origin, body = feed.document(name, number)
        except IndexError as exc:
            report.errors.append(str(exc))
            break
        try:
            ingest_with_claims(database, body, origin, name, memo)
            report.done += 1
        except Exception as exc:
            report.errors.append(f"{type(exc).__name__}: {exc}"[:300])
        report.latencies_ms.append((time.perf_counter() - started) * 1000)
    report.cpu_s = time.process_time() - cpu
    report.lock_wait_s = LOCK_WAITS.seconds - waited
    report.core_wait_s = core_wait() - queued
    database.dispose()
    queue.put(asdict(report))


def core_wait() -> float:
    """Seconds this process has so far spent ready to run but waiting for a core: on a
    loaded machine, what tells waiting for a core from waiting for the write lock."""
    try:
        fields = Path("/proc/self/schedstat").read_text().split()
    except OSError:
        return 0.0
    return int(fields[1]) / 1e9


def reviewer(
    target: str, name: str, start: Any, seconds: float, claim_ids: list[int], queue: Any
) -> None:
    database = Database.from_target(target)
    service = ReviewService(database, name)
    report = WorkerReport("reviewer", name)
    rng = random.Random(name)  # noqa: S311 - load pattern, not security
    start.wait()
    deadline, cpu = time.time() + seconds, time.process_time()
    while time.time() < deadline:
        claim_id = rng.choice(claim_ids)
        started = time.perf_counter()
        try:
            if review_once(database, service, claim_id, report):
                report.done += 1
                report.saves[claim_id] = report.saves.get(claim_id, 0) + 1
        except Exception as exc:
            report.errors.append(f"{type(exc).__name__}: {exc}"[:300])
        report.latencies_ms.append((time.perf_counter() - started) * 1000)
    report.cpu_s = time.process_time() - cpu
    database.dispose()
    queue.put(asdict(report))


def review_once(
    database: Database, service: ReviewService, claim_id: int, report: WorkerReport
) -> bool:
    """Read the claim, then save its counter plus one; on a conflict read again and retry."""
    for _ in range(50):
        with database.read() as session:
            claim = session.get(Claim, claim_id)
            assert claim is not None
            seen, count = claim.row_version, counter(claim.rationale)
        try:
            service.set_rationale(claim_id, seen, f"count={count + 1} by {service.reviewer}")
            return True
        except EditConflict:
            report.conflicts += 1
    return False


def counter(rationale: str | None) -> int:
    if not rationale or not rationale.startswith("count="):
        return 0
    return int(rationale.split()[0].removeprefix("count="))


def prepare_database(target: str, claims: int) -> list[int]:
    """Upgrade the schema and make sure `claims` claims exist for the reviewers."""
    database = Database.from_target(target)
    migrate.upgrade(database)
    with database.read() as session:
        ids = list(session.scalars(select(Claim.id).order_by(Claim.id).limit(claims)))
    number = 0
    while len(ids) < claims:
        ingest_with_claims(database, article("seed", number, 10), f"seed-{number}.txt", "seed")
        number += 1
        with database.read() as session:
            ids = list(session.scalars(select(Claim.id).order_by(Claim.id).limit(claims)))
    database.dispose()
    return ids


def final_counts(target: str, claim_ids: list[int]) -> dict[str, Any]:
    database = Database.from_target(target)
    with database.read() as session:
        rows = session.execute(
            select(Claim.id, Claim.rationale, Claim.row_version).where(Claim.id.in_(claim_ids))
        ).all()
        audit = session.scalar(select(func.count()).where(AuditEntry.action == "claim.rationale"))
        documents = session.scalar(select(func.count()).select_from(Document))
    integrity = sqlite_check(database.path, "integrity_check") if database.path else []
    database.dispose()
    return {
        "counters": {row.id: counter(row.rationale) for row in rows},
        "versions": {row.id: row.row_version for row in rows},
        "audit_rationale_entries": audit,
        "documents": documents,
        "integrity_problems": integrity,
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    claim_ids = prepare_database(args.db, args.claims)
    phases = Phases(args, claim_ids)
    alone = phases.run(reviewers=0, tag="a") if args.alone else None
    before = final_counts(args.db, claim_ids)
    reports = phases.run(reviewers=args.reviewers, tag="")
    after = final_counts(args.db, claim_ids)
    result = summarise(args, reports, before, after)
    if alone is None:
        return result
    done = _written(alone)
    result["documents_per_s_alone"] = round(done / args.seconds, 1)
    result["ingest_kept"] = round(result["documents_ingested"] / done, 2) if done else None
    result["ingest_ms_p50_p95_alone"] = _percentiles(
        [x for r in alone if r.role == "writer" for x in r.latencies_ms]
    )
    result["ingest_cpu_ms_per_document_alone"] = _cpu_per_document(alone)
    result["ingest_lock_wait_ms_per_document_alone"] = _lock_wait_per_document(alone)
    result["ingest_core_wait_ms_per_document_alone"] = _core_wait_per_document(alone)
    # Generated documents each match the ones before them, so a document costs more the
    # fuller the store: the writers run alone again on the store as the reviewers left it.
    again = phases.run(reviewers=0, tag="b")
    done_again = _written(again)
    result["documents_per_s_alone_after"] = round(done_again / args.seconds, 1)
    result["ingest_kept_against_after"] = (
        round(result["documents_ingested"] / done_again, 2) if done_again else None
    )
    result["ingest_cpu_ms_per_document_alone_after"] = _cpu_per_document(again)
    rounds = [_kept_between(done, result["documents_ingested"], done_again)]
    waits = [result["ingest_lock_wait_ms_per_document"]]
    saves_p95 = [result["review_ms_p50_p95"][-1] if result["review_ms_p50_p95"] else None]
    saved = result["reviews_saved"]
    for number in range(1, args.rounds):
        reports = phases.run(reviewers=args.reviewers, tag=f"r{number}")
        saved += sum(r.done for r in reports if r.role == "reviewer")
        alone_next = _written(phases.run(reviewers=0, tag=f"a{number}"))
        rounds.append(_kept_between(done_again, _written(reports), alone_next))
        waits.append(_lock_wait_per_document(reports))
        review_ms = _percentiles(
            [x for r in reports if r.role == "reviewer" for x in r.latencies_ms]
        )
        saves_p95.append(review_ms[-1] if review_ms else None)
        done_again = alone_next
    kept = [share for share in rounds if share is not None]
    # every round's saves against the counters at the end: none may be lost in any round
    end = final_counts(args.db, claim_ids)
    counted = sum(end["counters"].values()) - sum(before["counters"].values())
    result["lost_updates"] = saved - counted
    audited = end["audit_rationale_entries"] - before["audit_rationale_entries"]
    result["audit_mismatch"] = saved - audited
    result["integrity_problems"] = end["integrity_problems"]
    result["ingest_lock_wait_ms_per_document_rounds"] = waits
    result["review_ms_p95_rounds"] = saves_p95
    result["ingest_kept_between_rounds"] = rounds
    result["ingest_kept_between"] = round(statistics.median(kept), 2) if kept else None
    return result


def _written(reports: list[WorkerReport]) -> int:
    return sum(r.done for r in reports if r.role == "writer")


def _kept_between(alone_before: int, with_reviewers: int, alone_after: int) -> float | None:
    """Documents written with the reviewers against the mean of the two phases alone around."""
    mean = (alone_before + alone_after) / 2
    return round(with_reviewers / mean, 2) if mean else None


class Phases:
    """The run's phases, one after another; with a corpus, each phase's writers go on where
    the last phase stopped, so no article is ingested twice."""

    def __init__(self, args: argparse.Namespace, claim_ids: list[int]) -> None:
        self.args = args
        self.claim_ids = claim_ids
        self.next_article = 0

    def run(self, reviewers: int, tag: str) -> list[WorkerReport]:
        """Run the writers and `reviewers` reviewers at once for `args.seconds`."""
        args = self.args
        context = multiprocessing.get_context("spawn")
        queue = context.Queue()
        start = context.Barrier(args.writers + reviewers)
        feeds = [
            Feed(args.corpus, self.next_article + n, args.writers, args.sentences)
            for n in range(args.writers)
        ]
        processes = [
            context.Process(
                target=writer,
                args=(args.db, f"w{tag}{n}", start, args.seconds, feeds[n], queue),
            )
            for n in range(args.writers)
        ] + [
            context.Process(
                target=reviewer,
                args=(args.db, f"r{n}", start, args.seconds, self.claim_ids, queue),
            )
            for n in range(reviewers)
        ]
        for process in processes:
            process.start()
        reports = [WorkerReport(**queue.get(timeout=args.seconds + 600)) for _ in processes]
        for process in processes:
            process.join()
        writers = [r for r in reports if r.role == "writer"]
        self.next_article += (
            args.writers * max((len(r.latencies_ms) for r in writers), default=0) + 1
        )
        return reports


def summarise(
    args: argparse.Namespace,
    reports: list[WorkerReport],
    before: dict[str, Any],
    after: dict[str, Any],
) -> dict[str, Any]:
    writers = [r for r in reports if r.role == "writer"]
    reviewers = [r for r in reports if r.role == "reviewer"]
    saves = sum(r.done for r in reviewers)
    counted = sum(after["counters"].values()) - sum(before["counters"].values())
    seconds = args.seconds
    return {
        "backend": "sqlite" if "://" not in args.db else args.db.split(":", 1)[0],
        "writers": args.writers,
        "reviewers": args.reviewers,
        "seconds": seconds,
        "claims_edited": len(after["counters"]),
        "documents_ingested": sum(r.done for r in writers),
        "documents_per_s": round(sum(r.done for r in writers) / seconds, 1),
        "reviews_saved": saves,
        "reviews_per_s": round(saves / seconds, 1),
        "conflicts_retried": sum(r.conflicts for r in reviewers),
        "errors": sum(len(r.errors) for r in reports),
        "error_samples": sorted({e for r in reports for e in r.errors})[:5],
        "lost_updates": saves - counted,
        "audit_mismatch": saves
        - (after["audit_rationale_entries"] - before["audit_rationale_entries"]),
        "ingest_ms_p50_p95": _percentiles([x for r in writers for x in r.latencies_ms]),
        "ingest_cpu_ms_per_document": _cpu_per_document(reports),
        "ingest_lock_wait_ms_per_document": _lock_wait_per_document(reports),
        "ingest_core_wait_ms_per_document": _core_wait_per_document(reports),
        "reviewers_cpu_s": round(sum(r.cpu_s for r in reviewers), 1),
        "review_ms_p50_p95": _percentiles([x for r in reviewers for x in r.latencies_ms]),
        "integrity_problems": after["integrity_problems"],
    }


def _cpu_per_document(reports: list[WorkerReport]) -> float | None:
    """The writers' CPU time per document stored: against the wall time per document, what
    is left is waiting (for the write lock, for a core)."""
    writers = [r for r in reports if r.role == "writer"]
    done = sum(r.done for r in writers)
    return round(sum(r.cpu_s for r in writers) * 1000 / done, 1) if done else None


def _lock_wait_per_document(reports: list[WorkerReport]) -> float | None:
    """The writers' wait for the write lock per document stored."""
    writers = [r for r in reports if r.role == "writer"]
    done = sum(r.done for r in writers)
    return round(sum(r.lock_wait_s for r in writers) * 1000 / done, 1) if done else None


def _core_wait_per_document(reports: list[WorkerReport]) -> float | None:
    """The writers' wait for a core per document stored."""
    writers = [r for r in reports if r.role == "writer"]
    done = sum(r.done for r in writers)
    return round(sum(r.core_wait_s for r in writers) * 1000 / done, 1) if done else None


def _percentiles(values: list[float]) -> list[float]:
    if len(values) < 2:
        return [round(v, 1) for v in values]
    cuts = statistics.quantiles(values, n=20)
    return [round(statistics.median(values), 1), round(cuts[18], 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="SQLite file or postgresql+psycopg:// URL")
    parser.add_argument("--writers", type=int, default=2, help="ingesting processes")
    parser.add_argument("--reviewers", type=int, default=4, help="reviewing processes")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long to run")
    parser.add_argument("--claims", type=int, default=20, help="claims the reviewers share")
    parser.add_argument("--sentences", type=int, default=12, help="claims per document")
    parser.add_argument("--alone", action="store_true", help="first run the writers alone")
    parser.add_argument(
        "--corpus", help="JSONL articles (title, text) for the writers, instead of generated ones"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="with --alone: phases with reviewers, each between two alone",
    )
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args()
    result = run(args)
    if args.json:
        print(json.dumps(result))
    else:
        width = max(len(key) for key in result)
        for key, value in result.items():
            print(f"{key:<{width}}  {value}")
    failed = result["lost_updates"] or result["audit_mismatch"] or result["integrity_problems"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
