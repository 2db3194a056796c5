"""Several processes writing one database at once: no lost update, one document per text, and
every loser of a race told "already ingested" (THREATS D3, D6), on SQLite and PostgreSQL."""

from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from claims.cli import main
from db.engine import Database
from db.models import Document, DocumentSnapshot, Setting
from tests.conftest import HOSTILE, Target
from tests.team_factories import count_rows

FORK = multiprocessing.get_context("fork")


def _start_together(target: Target, work: Any, args: list[tuple[Any, ...]]) -> list[Any]:
    """Run `work(barrier, results, *arg)` in one forked process per arg; collect the results."""
    target.database.dispose()
    barrier = FORK.Barrier(len(args))
    results = FORK.Queue()
    processes = [FORK.Process(target=work, args=(barrier, results, *arg)) for arg in args]
    for process in processes:
        process.start()
    collected = [results.get(timeout=90) for _ in processes]
    for process in processes:
        process.join(30)
        assert process.exitcode == 0
    return collected


def _increment(barrier: Any, results: Any, arg: str, times: int) -> None:
    database = Database.from_target(arg)

    def add_one(session: Any) -> None:
        setting = session.get(Setting, "counter")
        setting.value = setting.value + 1

    barrier.wait()
    for _ in range(times):
        database.run_write(add_one)
    database.dispose()
    results.put(times)


@pytest.mark.timeout(120)
def test_concurrent_read_modify_write_through_run_write_loses_nothing(target: Target) -> None:
    with target.database.write() as session:
        session.add(Setting(key="counter", value=0))
    workers, times = 4, 25
    done = _start_together(target, _increment, [(target.arg, times)] * workers)
    assert sum(done) == workers * times
    with target.database.read() as session:
        assert session.scalar(select(Setting.value).where(Setting.key == "counter")) == sum(done)


def _ingest(barrier: Any, results: Any, arg: str, path: str) -> None:
    barrier.wait()
    result = CliRunner().invoke(main, ["--db", arg, "--reviewer", "racer", "ingest", path])
    results.put((result.exit_code, result.stderr, repr(result.exception)))


def test_four_processes_ingesting_one_file_store_one_document(
    target: Target, tmp_path: Path
) -> None:
    path = tmp_path / "same.txt"
    shutil.copy(HOSTILE / "dup_article_lf.txt", path)
    outcomes = _start_together(target, _ingest, [(target.arg, str(path))] * 4)
    assert [code for code, _, _ in outcomes] == [0] * 4, outcomes
    messages = [stderr for _, stderr, _ in outcomes]
    assert all("Traceback" not in message and "error" not in message for message in messages)
    assert sum("already ingested as document" in message for message in messages) == 3
    assert sum("1 added, 0 unchanged" in message for message in messages) == 1
    assert count_rows(target.database, Document, DocumentSnapshot) == {
        "documents": 1,
        "document_snapshots": 1,
    }


def test_three_byte_variants_at_once_are_one_document_with_three_snapshots(
    target: Target,
) -> None:
    names = ["dup_article_lf.txt", "dup_article_crlf_bom.txt", "dup_article_trailing_ws_nfd.txt"]
    outcomes = _start_together(target, _ingest, [(target.arg, str(HOSTILE / n)) for n in names])
    assert [code for code, _, _ in outcomes] == [0] * 3, outcomes
    assert count_rows(target.database, Document, DocumentSnapshot) == {
        "documents": 1,
        "document_snapshots": 3,
    }
    with target.database.read() as session:
        raws = set(session.scalars(select(DocumentSnapshot.raw)))
    assert raws == {(HOSTILE / name).read_bytes() for name in names}
