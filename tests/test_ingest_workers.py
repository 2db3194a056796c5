"""`claims ingest --workers N`: analysis in worker processes stores what one process stores."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claims.store.documents import workers
from claims.store.documents.options import IngestOptions
from claims.store.documents.workers import analysis_pool
from db import migrate
from db.engine import Database
from tests.conftest import Cli, Target

CITIES = ("Riverton", "Lakeside", "Eastport", "Millbrook")
SPEAKERS = ("the mayor's office", "police spokesman Tom Hale", "the harbour authority")
ARTICLES = 6


def write_articles(folder: Path) -> list[Path]:
    """Made-up articles that re-report each other's claims, so matching links them."""
    folder.mkdir()
    paths = []
    for number in range(ARTICLES):
        city = CITIES[number % len(CITIES)]
        speaker = SPEAKERS[number % len(SPEAKERS)]
        lines = [
            f"Floods in {city}, report {number}",
            f"The river in {city} rose by {2 + number % 3} metres on Tuesday, {speaker} said.",
            f"About {300 + 10 * (number % 4)} homes were evacuated, according to {speaker}.",
            f"Officials said the bridge to {city} would stay closed until Friday.",
            "\u201cWe have never seen water this high,\u201d a resident told reporters.",
        ]
        path = folder / f"{number:02d}.txt"
        path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    (folder / "90.txt").write_text("   \n", encoding="utf-8")  # empty: fails, others go in
    (folder / "91.txt").write_bytes(paths[3].read_bytes())  # the same bytes again
    return paths


@pytest.fixture
def second(target: Target, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Cli]:
    """A second empty database on the same backend as `target`."""
    if target.database.is_sqlite:
        url = str(tmp_path / "second.db")
        database = Database.from_target(url)
        migrate.upgrade(database)
        yield Cli(Target(url, database), CliRunner())
        database.dispose()
        return
    server = request.getfixturevalue("pg_server")
    url = server.create(template=request.getfixturevalue("pg_template"))
    database = Database.from_target(url)
    yield Cli(Target(url, database), CliRunner())
    database.dispose()
    server.drop(url)


def without_times(value: Any) -> Any:
    """An export with its timestamps left out (they differ between any two runs)."""
    if isinstance(value, dict):
        return {k: without_times(v) for k, v in value.items() if not k.endswith("_at")}
    if isinstance(value, list):
        return [without_times(item) for item in value]
    return value


def ingest_and_export(cli: Cli, folder: Path, workers: str) -> tuple[dict[str, Any], Any]:
    result = cli("ingest", "--workers", workers, "--json", "--quiet", str(folder))
    assert result.exit_code == 1, result.output  # the empty article fails
    assert f"documents: {ARTICLES} added, 1 unchanged, 1 failed" in result.stderr
    exported = cli("export", "--format", "json")
    assert exported.exit_code == 0, exported.output
    return json.loads(result.stdout), without_times(json.loads(exported.stdout))


def test_two_workers_store_what_one_process_stores(cli: Cli, second: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write_articles(folder)
    one_outputs, one = ingest_and_export(cli, folder, "1")
    two_outputs, two = ingest_and_export(second, folder, "2")
    assert two_outputs == one_outputs
    assert [row["outcome"] for row in two_outputs["documents"]][-2:] == ["failed", "unchanged"]
    assert len(one["claims"]) >= 4 * ARTICLES and one["relations"]
    assert two == one


def test_workers_replaced_mid_ingest_store_what_one_process_stores(
    cli: Cli, second: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers are replaced by fresh ones every few documents (their memory grows as they
    go); what the run stores, and the order it reports, stay those of one process. Inputs
    found stored already are not analysed and replace no worker."""
    folder = tmp_path / "articles"
    write_articles(folder)
    pools: list[object] = []

    def counted(*args: Any) -> object:
        pools.append(analysis_pool(*args))
        return pools[-1]

    monkeypatch.setattr(workers, "RECYCLE_AFTER", 1)  # a new pool after 2 documents
    monkeypatch.setattr(workers, "AHEAD", 1)  # at most 2 inputs given ahead
    monkeypatch.setattr(workers, "analysis_pool", counted)
    one_outputs, one = ingest_and_export(cli, folder, "1")
    assert not pools
    two_outputs, two = ingest_and_export(second, folder, "2")
    assert len(pools) >= 3, pools
    assert two_outputs == one_outputs
    assert len(one["claims"]) >= 4 * ARTICLES and one["relations"]
    assert two == one
    pools.clear()
    again = second("ingest", "--workers", "2", "--quiet", str(folder))
    assert f"0 added, {ARTICLES + 1} unchanged, 1 failed" in again.stderr
    assert len(pools) == 1


def test_workers_skip_what_is_stored_and_report_each_input_in_order(
    sqlite_cli: Cli, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    write_articles(folder)
    first = sqlite_cli("ingest", "--workers", "2", "--json", "--quiet", str(folder))
    again = sqlite_cli("ingest", "--workers", "2", "--json", "--quiet", str(folder))
    assert f"0 added, {ARTICLES + 1} unchanged, 1 failed" in again.stderr
    rows, rows_again = json.loads(first.stdout), json.loads(again.stdout)
    assert [row["input"] for row in rows_again["documents"]] == [
        str(path) for path in sorted(folder.iterdir())
    ]
    stored = [row for row in rows["documents"] if row["outcome"] != "failed"]
    assert [row["document_id"] for row in rows_again["documents"] if "document_id" in row] == [
        row["document_id"] for row in stored
    ]


def test_workers_start_with_the_analysis_already_loaded(tmp_path: Path) -> None:
    """The fork server runs the analysis once and freezes what it loaded before it forks the
    workers, so they share one copy of the models instead of each loading its own."""
    database = Database.from_target(str(tmp_path / "workers.db"))
    migrate.upgrade(database)
    pool = analysis_pool(database, IngestOptions(actor="test"), 2)
    try:
        frozen = [pool.submit(gc.get_freeze_count) for _ in range(4)]
        counts = [future.result() for future in frozen]
    finally:
        pool.shutdown()
        database.dispose()
    assert min(counts) > 100_000, counts


BROKEN_WARM_UP = """
import gc
import claims.ingest.prepare

def broken(raw):
    raise RuntimeError("a fault in the analysis")

claims.ingest.prepare.prepare = broken
import claims.store.documents.warmup
print(gc.get_freeze_count())
"""


def test_a_fault_in_the_warm_up_does_not_stop_the_fork_server() -> None:
    """The fork server imports the warm-up; any error but ImportError there would kill it and
    every worker, so a failed warm-up is skipped and nothing is frozen."""
    done = subprocess.run(
        [sys.executable, "-c", BROKEN_WARM_UP], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0"


SCORES = """
import sys
from claims.extract.checkworthiness import factual_score, score_sentence
for line in sys.stdin.read().splitlines():
    print(repr(score_sentence(line)[0]), repr(factual_score(line)))
"""


def test_check_worthiness_is_the_same_in_every_process() -> None:
    """Worker processes hash strings with other seeds; a score must not depend on it."""
    sentences = [
        f"The river in {city} rose by {n} metres on Tuesday after {n * 7} hours of heavy rain"
        f" upstream, and officials said about {n * 150} homes near the old harbour bridge"
        " had been evacuated while the regional council would meet again on Friday."
        for n, city in enumerate(CITIES * 3, start=2)
    ]
    runs = {
        subprocess.run(
            [sys.executable, "-c", SCORES],
            input="\n".join(sentences),
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout
        for seed in range(6)
    }
    assert len(runs) == 1, "scores differ between processes"
