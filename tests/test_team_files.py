"""Bad files and failing disks: refused read-only and left byte-identical, a warning on network
filesystems, a clear "could not save" with the database unchanged, and text PostgreSQL
refuses stored the same way on both backends (THREATS D2, D13, D14, P7)."""

from __future__ import annotations

import hashlib
import multiprocessing
import resource
import shutil
import signal
import sqlite3
from pathlib import Path
from typing import Any

import psycopg.errors
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select, text

import db.engine
from claims.cli import main
from claims.ingest.inputs import InputRef
from claims.store.documents import IngestOptions, ingest_one
from claims.store.sources import forget
from db.engine import Database, network_filesystem_warning, sqlite_check, storable
from db.errors import CouldNotSave, StorageError
from db.models import AuditEntry, Document, DocumentSnapshot, Source
from tests.conftest import HOSTILE, Target
from tests.team_factories import SENTENCE, count_rows

FORK = multiprocessing.get_context("fork")
DAMAGED = ["db_truncated.sqlite", "db_corrupt_page.sqlite"]
COMMANDS = [
    ["documents"],
    ["export"],
    ["ingest", "-"],
    ["db", "upgrade"],
    ["db", "backup", "copy.db"],
    ["db", "check"],
]
TABLES = (Document, DocumentSnapshot, AuditEntry)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", DAMAGED)
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_damaged_file_is_refused_by_every_command_and_left_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / name
    shutil.copy(HOSTILE / name, path)
    before = digest(path)
    result = CliRunner().invoke(main, ["--db", str(path), *command], input="some text\n")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {path}: database file is damaged")
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_another_programs_database_is_not_turned_into_ours(tmp_path: Path) -> None:
    path = tmp_path / "places.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE places (id INTEGER PRIMARY KEY, url TEXT)")
        connection.execute("INSERT INTO places (url) VALUES ('https://example.org')")
    connection.close()
    before = digest(path)
    result = CliRunner().invoke(main, ["--db", str(path), "documents"])
    assert result.exit_code == 1
    assert "not a claims database (it holds other tables: places)" in result.stderr
    assert digest(path) == before


# Network filesystems ----------------------------------------------------------------------


def fake_mounts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fstype: str, at: Path) -> None:
    mounts = tmp_path / "mounts"
    escaped = str(at).replace(" ", "\\040")
    mounts.write_text(
        "/dev/root / ext4 rw,relatime 0 0\n"
        f"server:/export {escaped} {fstype} rw,relatime,vers=4.2 0 0\n"
    )
    monkeypatch.setattr(db.engine, "MOUNTS", mounts)


@pytest.mark.parametrize("exists", [True, False], ids=["existing file", "new file"])
def test_database_on_a_network_filesystem_gets_a_warning_pointing_to_postgresql(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exists: bool
) -> None:
    share = tmp_path / "team share"
    share.mkdir()
    fake_mounts(monkeypatch, tmp_path, "nfs4", share)
    path = share / "claims.db"
    if exists:
        Database.from_target(str(path)).check_file()
        assert CliRunner().invoke(main, ["--db", str(path), "db", "upgrade"]).exit_code == 0
    result = CliRunner().invoke(main, ["--db", str(path), "documents"])
    assert result.exit_code == 0
    assert f"warning: {path} is on a network filesystem (nfs4)" in result.stderr
    assert "use PostgreSQL" in result.stderr
    assert result.stderr.count("network filesystem") == 1


def test_local_disk_gets_no_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = tmp_path / "elsewhere"
    fake_mounts(monkeypatch, tmp_path, "nfs4", elsewhere)
    assert network_filesystem_warning(tmp_path / "claims.db") is None
    fake_mounts(monkeypatch, tmp_path, "cifs", tmp_path)
    assert "(cifs)" in (network_filesystem_warning(tmp_path / "claims.db") or "")


# Reads cannot write -----------------------------------------------------------------------


def test_a_read_transaction_cannot_write(target: Target) -> None:
    with pytest.raises(StorageError), target.database.read() as session:
        session.execute(text("INSERT INTO settings (key, value) VALUES ('x', '1')"))
    assert count_rows(target.database, AuditEntry) == {"audit_log": 0}


# Failing disks: every statement of an ingest fails once ---------------------------------


def _article(tmp_path: Path, size: int = 4) -> Path:
    path = tmp_path / "article.txt"
    path.write_text("Tanks at the border\n\n" + SENTENCE * size, encoding="utf-8")
    return path


def _ingest(database: Database, path: Path) -> Any:
    return ingest_one(database, InputRef(str(path), path=path), IngestOptions(actor="disk"))


def _disk_error(database: Database) -> Exception:
    if database.is_sqlite:
        return sqlite3.OperationalError("database or disk is full")
    return psycopg.errors.DiskFull("could not extend file: No space left on device")


def test_disk_full_at_any_statement_saves_nothing_and_says_so(
    target: Target, tmp_path: Path
) -> None:
    path = _article(tmp_path)
    database = Database.from_target(target.arg)
    statements: list[str] = []
    event.listen(database.write_engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    _ingest(database, path)
    total = len(statements)
    assert total >= 5
    _reset(target)

    for failing in range(total):
        calls = {"n": 0}

        def fail(*_: object, failing: int = failing, calls: dict[str, int] = calls) -> None:
            calls["n"] += 1
            if calls["n"] == failing + 1:
                raise _disk_error(database)

        failing_database = Database.from_target(target.arg)
        event.listen(failing_database.write_engine, "before_cursor_execute", fail)
        forget()  # start cold, so that this ingest runs every statement the first one did
        with pytest.raises(CouldNotSave, match=r"could not save to .*nothing was saved"):
            _ingest(failing_database, path)
        failing_database.dispose()
        assert count_rows(target.database, *TABLES) == dict.fromkeys(
            ("documents", "document_snapshots", "audit_log"), 0
        ), f"statement {failing + 1}/{total}: {statements[failing]}"

    _ingest(target.database, path)  # and once the disk has room again, it goes in
    assert count_rows(target.database, Document) == {"documents": 1}
    database.dispose()


def _reset(target: Target) -> None:
    """Back to an empty database, so the next ingest runs the very same statements."""
    with target.database.write() as session:
        for document in session.scalars(select(Document)):
            session.delete(document)
        for table in ("clusters", "source_aliases", "source_flags", "sources", "audit_log"):
            session.execute(text(f"DELETE FROM {table}"))
    forget()  # the tables were emptied behind the program's back: drop its cached index


def _ingest_with_file_size_limit(arg: str, path: Path, limit: int, results: Any) -> None:
    """A real write failure: the process may not grow any file beyond `limit` bytes."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        _ingest(Database.from_target(arg), path)
        results.put("saved")
    except StorageError as exc:
        results.put(f"{type(exc).__name__}: {exc}")
    except Exception as exc:
        results.put(f"unexpected {exc!r}")


def test_a_real_write_failure_leaves_the_database_unchanged(
    sqlite_target: Target, tmp_path: Path
) -> None:
    path = _article(tmp_path, size=20_000)  # about 1.5 MB of text, plus its raw copy
    assert sqlite_target.database.path is not None
    limit = sqlite_target.database.path.stat().st_size + 256 * 1024
    sqlite_target.database.dispose()
    results = FORK.Queue()
    child = FORK.Process(
        target=_ingest_with_file_size_limit, args=(sqlite_target.arg, path, limit, results)
    )
    child.start()
    outcome = results.get(timeout=60)
    child.join(30)
    assert outcome.startswith("CouldNotSave: could not save to"), outcome
    assert "nothing was saved" in outcome
    assert count_rows(sqlite_target.database, *TABLES) == dict.fromkeys(
        ("documents", "document_snapshots", "audit_log"), 0
    )
    assert sqlite_check(sqlite_target.database.path, "integrity_check") == []
    _ingest(sqlite_target.database, path)  # with room on the disk, the same ingest succeeds
    assert count_rows(sqlite_target.database, Document) == {"documents": 1}


# Text PostgreSQL refuses ------------------------------------------------------------------


def test_nul_and_undecodable_names_are_stored_alike_on_both_backends(
    target: Target, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    raw = (HOSTILE / "encoding_nul_bytes.txt").read_bytes()
    (folder / "nul.txt").write_bytes(raw)
    with open(bytes(folder) + b"/caf\xe9.txt", "wb") as latin1_name:
        latin1_name.write(b"Officials said 12 people were hurt.\n")
    result = CliRunner().invoke(
        main,
        ["--db", target.arg, "ingest", "--title", "Ti\x00tle", "--author", "A\x00B", str(folder)],
    )
    assert result.exit_code == 0, result.output
    with target.database.read() as session:
        documents = session.scalars(select(Document).order_by(Document.origin)).all()
        assert {d.title for d in documents} == {"Ti\ufffdtle"}
        assert {d.author for d in documents} == {"A\ufffdB"}
        assert documents[0].origin.endswith("caf\ufffd.txt")
        nul = next(d for d in documents if d.origin.endswith("nul.txt"))
        assert "\x00" not in nul.text and "nul_replaced" in nul.flags
        snapshot = session.scalars(
            select(DocumentSnapshot).where(DocumentSnapshot.document_id == nul.id)
        ).one()
        assert snapshot.raw == raw  # the evidence keeps every byte


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=40))  # with surrogates
def test_any_text_is_stored_the_same_on_both_backends(target: Target, value: str) -> None:
    with target.database.write() as session:
        session.execute(text("DELETE FROM sources"))
        session.add(Source(name=value or "-"))
    with target.database.read() as session:
        stored = session.scalars(select(Source.name)).one()
    assert stored == storable(value or "-")
    assert len(stored) == len(value or "-")
    assert "\x00" not in stored and storable(stored) == stored
    assert all(not 0xD800 <= ord(ch) <= 0xDFFF for ch in stored)
