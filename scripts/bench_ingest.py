"""Benchmark: documents per second for `claims ingest` of a folder of real articles.

Usage: python scripts/bench_ingest.py ../shared/eval/corpus/bbc_news.jsonl [-n 300] [--db URL]
           [--workers N] [--profile PREFIX]
       python scripts/bench_ingest.py ../shared/eval/corpus/bbc_news.jsonl --huge 20

Writes N articles from a JSONL corpus (fields `title`, `text`) as .txt files into a temporary
folder, ingests the folder into a fresh SQLite file (or the given database) the way
`claims ingest` does, then ingests it again (all unchanged), and prints the figures and how
many sources the registry holds after the first ingest (all created by it on a fresh file),
and, for the first and the last tenth of the first ingest, articles/s, wall and CPU time an
article and memory (the cost of a document should not grow with the store); with
`--profile PREFIX`, a CPU profile of this process for each of those two tenths. With
`--workers N` (default 1), N processes read and extract ahead of the one that stores, as
`claims ingest --workers N` does; CPU time is then this process's only, and memory is
given for this process and for all its processes together (workers and their fork server,
proportional set size: shared pages count once).

With `--huge MB`, one document of that many MB is built from the corpus instead (the articles
over and over, each copy's numbers changed so no paragraph repeats) and ingested once: the
time and peak memory of one huge input under the default `--max-size` (target: 20 MB within
60 s and 500 MB), and how much of it was analysed.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import re
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select

from claims.ingest.inputs import expand
from claims.store.documents import IngestOptions, Outcome, ingest_all
from db import migrate
from db.engine import Database
from db.models import Claim, Document, Source


def write_corpus(corpus: Path, folder: Path, count: int) -> int:
    written = 0
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            if written == count:
                break
            article = json.loads(line)
            text = f"{article['title']}\n\n{article['text']}\n"
            (folder / f"{written:05d}.txt").write_text(text, encoding="utf-8")
            written += 1
    return written


def write_huge(corpus: Path, path: Path, megabytes: float) -> int:
    """One text of about `megabytes` MB: the corpus's articles again and again, each copy
    with its numbers changed, so that no paragraph is a repeat of another."""
    articles = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    target = int(megabytes * 1024 * 1024)
    parts, size, copy = ["A very long document\n\n"], 0, 0
    while size < target:
        for article in articles:
            body = _shifted_numbers(article["text"], copy)
            part = f"{article['title']} ({copy})\n\n{body}\n\n"
            if size + len(part.encode("utf-8")) > target:  # stay under --max-size
                size = target
                break
            parts.append(part)
            size += len(part.encode("utf-8"))
        copy += 1
    path.write_text("".join(parts), encoding="utf-8")
    return path.stat().st_size


def _shifted_numbers(text: str, by: int) -> str:
    return re.sub(r"\d+", lambda match: str(int(match.group()) + by), text)


def run_huge(corpus: Path, megabytes: float, tmp: Path) -> None:
    path = tmp / "huge.txt"
    size = write_huge(corpus, path, megabytes)
    database = Database.from_target(str(tmp / "bench.db"))
    migrate.upgrade(database)
    started = time.perf_counter()
    cpu = time.process_time()
    report = ingest_all(database, expand([str(path)]), IngestOptions(actor="bench"))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    for failure in report.failed:
        raise SystemExit(f"not ingested: {failure}")
    with database.read() as session:
        document = session.scalars(select(Document)).one()
        claims = int(session.scalar(select(func.count()).select_from(Claim)) or 0)
        analysed = next((start for start, _, why in document.debris if "not analysed" in why), None)
    database.dispose()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"huge input: {size / 1024 / 1024:.1f} MB in one document, {report.summary()}")
    print(f"ingest: {elapsed:6.2f} s wall, {cpu:6.2f} s CPU, peak memory {peak:.0f} MB")
    whole = len(document.text)
    print(f"analysed: {analysed or whole:,} of {whole:,} characters, {claims} claims")


PARTS = ("first", "last")
"""The tenths of the run that `--profile` profiles."""


class Tenths:
    """Wall and CPU time, and memory, at the end of each article: figures by tenth of the run.

    With `profile` (a path prefix) and the run's `count`, this process's CPU time in the
    first and the last tenth is profiled too (cProfile), into PREFIX.first.prof and
    PREFIX.last.prof.
    """

    def __init__(self, count: int = 0, profile: str | None = None) -> None:
        self.marks: list[tuple[float, float, float, float]] = [_mark()]
        self.tree_peak = 0.0
        """The largest memory (PSS) of this process and all its descendants together."""
        self.count, self.profile = count, profile
        self.profilers: dict[str, cProfile.Profile] = {}
        if profile and count >= 10:
            self.profilers = {part: cProfile.Profile(time.process_time) for part in PARTS}
            self.profilers["first"].enable()

    def done(self, ref: Any, result: Any) -> None:
        self.marks.append(_mark())
        if len(self.marks) % 10 == 2:
            self.tree_peak = max(self.tree_peak, tree_pss())
        if self.profilers:
            self._switch(len(self.marks) - 1)

    def _switch(self, done: int) -> None:
        """Stop profiling after the first tenth, start again for the last, save at the end."""
        tenth = self.count // 10
        if done == tenth:
            self.profilers["first"].disable()
        if done == self.count - tenth:
            self.profilers["last"].enable()
        if done == self.count:
            self.profilers["last"].disable()
            for part, profiler in self.profilers.items():
                profiler.dump_stats(f"{self.profile}.{part}.prof")

    def lines(self) -> list[str]:
        count = len(self.marks) - 1
        if count < 10:
            return []
        found = []
        for tenth in (0, 9):
            low, high = self.marks[count * tenth // 10], self.marks[count * (tenth + 1) // 10]
            articles = count * (tenth + 1) // 10 - count * tenth // 10
            wall, cpu = high[0] - low[0], high[1] - low[1]
            found.append(
                f"{'first' if tenth == 0 else 'last'} tenth: {articles} articles,"
                f" {articles / wall:.2f} articles/s ({1000 * wall / articles:.0f} ms wall,"
                f" {1000 * cpu / articles:.0f} ms CPU an article), RSS {high[2]:.0f} MB,"
                f" peak {high[3]:.0f} MB"
            )
        return found


def _mark() -> tuple[float, float, float, float]:
    """Wall time, CPU time, resident and peak memory (MB) of this process now."""
    status = Path("/proc/self/status")
    fields = (
        dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        if status.exists()
        else {}
    )
    rss = float(fields.get("VmRSS", "0 kB").split()[0]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return (time.perf_counter(), time.process_time(), rss, peak)


def tree_pss() -> float:
    """Memory (MB) of this process and every process descended from it, now.

    Proportional set size: pages the workers share with their fork server count once. The
    processes are read one after another, so a fork or an exit meanwhile (the workers are
    replaced every few hundred inputs) would count pages twice or not at all: the reading
    is taken again until the same processes are found before and after it.
    """
    for _ in range(5):
        tree = _tree()
        total = sum(_pss(pid) for pid in tree)
        if _tree() == tree:
            break
    return total


def _tree() -> set[int]:
    """This process and every process descended from it."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, grew = {os.getpid()}, True
    while grew:
        found = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= found
        grew = bool(found)
    return tree


def _pss(pid: int) -> float:
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return 0.0
    found = next((line for line in lines if line.startswith("Pss:")), "Pss: 0 kB")
    return float(found.split()[1]) / 1024


def run(
    database: Database, folder: Path, tenths: Tenths | None = None, workers: int = 1
) -> tuple[float, dict[str, int]]:
    started = time.perf_counter()
    on_done = tenths.done if tenths is not None else (lambda ref, result: None)
    refs = expand([str(folder)])
    report = ingest_all(database, refs, IngestOptions(actor="bench"), on_done, workers)
    elapsed = time.perf_counter() - started
    tally = {str(outcome): report.count(outcome) for outcome in Outcome}
    tally["failed"] = len(report.failed)
    return elapsed, tally


def count_sources(database: Database) -> int:
    with database.read() as session:
        return int(session.scalar(select(func.count()).select_from(Source)) or 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("-n", "--count", type=int, default=300)
    parser.add_argument("--db", help="database URL (default: a new SQLite file)")
    parser.add_argument("--huge", type=float, metavar="MB", help="one document of MB instead")
    parser.add_argument("--workers", type=int, default=1, help="analysis processes (default 1)")
    parser.add_argument(
        "--profile",
        metavar="PREFIX",
        help="profile this process's CPU time in the first and the last tenth of the first"
        " ingest (cProfile): PREFIX.first.prof and PREFIX.last.prof",
    )
    args = parser.parse_args()
    if args.huge:
        with tempfile.TemporaryDirectory() as tmp:
            run_huge(args.corpus, args.huge, Path(tmp))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        count = write_corpus(args.corpus, folder, args.count)
        size = sum(p.stat().st_size for p in folder.iterdir())
        database = Database.from_target(args.db or str(Path(tmp) / "bench.db"))
        migrate.upgrade(database)
        tenths = Tenths(count, args.profile)
        first, tally = run(database, folder, tenths, args.workers)
        sources = count_sources(database)
        again, tally_again = run(database, folder, workers=args.workers)
        database.dispose()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    where = "given" if args.db else "SQLite file"
    print(f"articles: {count} ({size / 1024:.0f} KB), database: {where}, workers: {args.workers}")
    print(f"first ingest:  {first:6.2f} s  {count / first:7.1f} documents/s  {tally}")
    print(f"second ingest: {again:6.2f} s  {count / again:7.1f} documents/s  {tally_again}")
    print(f"sources in the registry after the first ingest: {sources}")
    print(f"peak memory: {peak:.0f} MB (this process)", end="")
    print(f", {tenths.tree_peak:.0f} MB (all its processes, PSS)" if args.workers > 1 else "")
    for line in tenths.lines():
        print(line)


if __name__ == "__main__":
    main()
