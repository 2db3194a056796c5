"""An export killed while writing leaves the previous file (or none), never a truncated one;
a backup killed while writing leaves no backup file at all (THREATS D12)."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

import db.backup
from claims.cli import main
from tests.conftest import Target
from tests.team_factories import add_claims, add_document

FORK = multiprocessing.get_context("fork")
KILL_POINTS = ("write", "fsync", "replace")


def _die(*_: object, **__: object) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _export_and_die(arg: str, output: Path, point: str) -> None:
    """Run `claims export -o OUTPUT --force`, killed inside the given step of the write."""
    if point == "write":
        real_fdopen = os.fdopen

        def fdopen(fd: int, *args: object, **kwargs: object) -> object:
            stream = real_fdopen(fd, *args, **kwargs)  # type: ignore[call-overload]
            real_write = stream.write

            def write(data: bytes) -> int:
                real_write(data[: len(data) // 2])
                stream.flush()
                _die()
                return 0

            stream.write = write
            return stream

        os.fdopen = fdopen  # type: ignore[assignment]
    elif point == "fsync":
        os.fsync = _die
    else:
        os.replace = _die
    CliRunner().invoke(main, ["--db", arg, "export", "-o", str(output), "--force"])


def _run(target: Target, *args: object) -> int | None:
    target.database.dispose()
    process = FORK.Process(target=_export_and_die, args=(target.arg, *args))
    process.start()
    process.join(60)
    return process.exitcode


def _seed(target: Target, key: str) -> None:
    with target.database.write() as session:
        add_claims(session, add_document(session, key))


@pytest.mark.parametrize("point", KILL_POINTS)
def test_killed_export_leaves_the_previous_file(target: Target, tmp_path: Path, point: str) -> None:
    _seed(target, "old")
    output = tmp_path / "claims.json"
    first = CliRunner().invoke(main, ["--db", target.arg, "export", "-o", str(output)])
    assert first.exit_code == 0, first.output
    previous = output.read_bytes()
    _seed(target, "new")  # the next export would differ

    assert _run(target, output, point) == -signal.SIGKILL
    assert output.read_bytes() == previous
    assert len(json.loads(previous)["documents"]) == 1


def test_killed_first_export_leaves_no_file(sqlite_target: Target, tmp_path: Path) -> None:
    _seed(sqlite_target, "only")
    output = tmp_path / "claims.json"
    assert _run(sqlite_target, output, "fsync") == -signal.SIGKILL
    assert not output.exists()


def _backup_and_die(arg: str, output: Path) -> None:
    db.backup._fsync = _die
    CliRunner().invoke(main, ["--db", arg, "db", "backup", str(output)])


def test_killed_backup_leaves_no_backup_file(sqlite_target: Target, tmp_path: Path) -> None:
    _seed(sqlite_target, "only")
    output = tmp_path / "backup.db"
    sqlite_target.database.dispose()
    process = FORK.Process(target=_backup_and_die, args=(sqlite_target.arg, output))
    process.start()
    process.join(60)
    assert process.exitcode == -signal.SIGKILL
    assert not output.exists()
