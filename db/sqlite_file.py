"""Looking at a SQLite file before using it, without changing it.

Whatever file `--db` names is looked at first: its header, a journal left by a process that
was killed mid-write, whether it can be written at all, `quick_check`, its tables and its
schema revision. Only then do our engines open it (they switch it to WAL). A read-only
connection to a WAL file leaves `-wal` and `-shm` files behind, so such a file is read as
immutable when no other program has it open; a rollback-journal file is read with `mode=ro`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from db.errors import DatabaseDamaged, ReadOnlyDatabase, StorageError

SQLITE_HEADER = b"SQLite format 3\x00"
WAL_VERSION_OFFSET = 18
"""Header bytes 18 and 19 hold 2 for a WAL database, 1 for a rollback-journal one."""
DAMAGE_CODES = frozenset({11, 26})
"""SQLITE_CORRUPT and SQLITE_NOTADB: the errors that say the file itself is damaged."""
OPEN_TIMEOUT_S = 30
"""How long looking at a file waits for a writer that holds it."""


@dataclass(frozen=True)
class Contents:
    """What a SQLite file holds, as far as choosing what to do with it goes."""

    tables: tuple[str, ...]
    revision: str | None
    """The version in `alembic_version`, None when there is none."""


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not a healthy, writable SQLite database; change nothing else.

    A journal left by a killed process is rolled back first (as any normal open would), so
    the file is judged on what it really holds.
    """
    writable = is_writable(path)
    if writable:
        roll_back_hot_journal(path)  # may leave the empty file a first use began with
    elif _has_journal(path):
        raise ReadOnlyDatabase(
            f"{path}: read-only, and an interrupted write left a journal that SQLite must roll"
            " back first; it was left untouched: open it once where it can be written"
        )
    if path.stat().st_size == 0:
        return
    if _header(path)[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise DatabaseDamaged(f"{path}: not a SQLite database file; it was left untouched")
    try:
        problems = _run_check(path, "quick_check")
    except sqlite3.DatabaseError as exc:
        if _primary_code(exc) not in DAMAGE_CODES:  # an I/O error says nothing of the file
            raise StorageError(f"{path}: could not read it ({exc}); it was left untouched") from exc
        problems = [str(exc)]
    if problems:
        raise DatabaseDamaged(
            f"{path}: database file is damaged (quick_check failed: {problems[0]});"
            " it was left untouched"
        )
    if not writable:
        raise ReadOnlyDatabase(
            f"{path}: read-only (the file or its folder cannot be written, and SQLite needs"
            " to write its journal beside the file); it was left untouched: copy it to a"
            " folder you can write to, or ask for write access"
        )


def is_writable(path: Path) -> bool:
    """Whether both the file and its folder may be written (a read-only mount counts)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def roll_back_hot_journal(path: Path) -> None:
    """Let SQLite roll back a journal a killed writer left, by opening the file normally.

    A read-only connection cannot, and then reports "attempt to write a readonly database"
    for ever after; a normal open and one read restore the last committed state.
    """
    if not _has_journal(path):
        return
    try:
        with closing(sqlite3.connect(path, timeout=OPEN_TIMEOUT_S)) as connection:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except sqlite3.DatabaseError:
        return  # quick_check, which runs next, says what is wrong


def sqlite_check(path: Path, pragma: str = "quick_check") -> list[str]:
    """The problems `PRAGMA quick_check` (or `integrity_check`) finds, read-only; [] if none."""
    try:
        return _run_check(path, pragma)
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def _run_check(path: Path, pragma: str) -> list[str]:
    if pragma not in {"quick_check", "integrity_check"}:
        raise ValueError(pragma)
    with looking_at(path) as connection:
        rows = connection.execute(f"PRAGMA {pragma}").fetchall()
    if rows == [("ok",)]:
        return []
    return [str(row[0]) for row in rows] or ["no answer"]


def _primary_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def read_contents(path: Path) -> Contents:
    """The tables and the schema revision of a file, read without changing it."""
    with looking_at(path) as connection:
        tables = tuple(
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " ORDER BY name"
            )
        )
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version LIMIT 1").fetchone()
            revision = str(row[0]) if row else None
    return Contents(tables, revision)


@contextmanager
def looking_at(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that reads `path` and leaves no file behind (see the module docstring)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if _is_wal(path) and not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"  # nobody has it open; `mode=ro` alone would leave -wal and -shm
    with closing(sqlite3.connect(uri, uri=True, timeout=OPEN_TIMEOUT_S)) as connection:
        connection.execute("PRAGMA temp_store=MEMORY")  # checks work on a full disk too
        yield connection


def _has_journal(path: Path) -> bool:
    journal = path.with_name(path.name + "-journal")
    return journal.exists() and journal.stat().st_size > 0


def _is_wal(path: Path) -> bool:
    header = _header(path)
    return len(header) > WAL_VERSION_OFFSET and header[WAL_VERSION_OFFSET] == 2


def _header(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(100)
