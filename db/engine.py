"""Engines and sessions for SQLite (embedded default) and PostgreSQL (shared team database).

SQLite: WAL, foreign keys on, a busy timeout, and writes in `BEGIN IMMEDIATE` transactions:
the driver's default transaction handling loses concurrent read-modify-write updates.
Reads run in one deferred, query-only transaction, so an export sees one consistent snapshot.
PostgreSQL: writes run at SERIALIZABLE, so concurrent writers behave as if they ran one after
the other (as SQLite's do) and `run_write` retries serialization failures and deadlocks a
bounded number of times; reads run at REPEATABLE READ, read only (a snapshot). Analysis
(ingest, matching, registry edits: long transactions that derive values from much of the
store) runs one at a time under an advisory lock instead, at READ COMMITTED, so a stream of
short review saves cannot make it fail over and over (`run_analysis`).
Driver errors people can act on (disk full, busy, damaged file, no permission) become
one-line `StorageError`s.
"""

from __future__ import annotations

import logging
import os
import random
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db.errors import (
    ConnectionLost,
    CouldNotSave,
    DatabaseBusy,
    DatabaseDamaged,
    PermissionDenied,
    StorageError,
    WriteConflict,
)
from db.sqlite_file import check_sqlite_file
from db.sqlite_file import sqlite_check as sqlite_check

T = TypeVar("T")

BUSY_TIMEOUT_S = 30
"""How long a SQLite writer waits for another writer before giving up."""

PG_RETRY_SQLSTATES = frozenset({"40001", "40P01"})
"""Serialization failure and deadlock: PostgreSQL asks clients to retry these."""

PG_MAX_ATTEMPTS = 8
"""Tries of one write transaction on PostgreSQL before reporting a WriteConflict."""

PG_RETRY_MAX_WAIT_S = 1.0

PG_WRITE_ISOLATION = "SERIALIZABLE"
PG_READ_ISOLATION = "REPEATABLE READ"
PG_ANALYSIS_ISOLATION = "READ COMMITTED"

ANALYSIS_LOCK_KEY = 0x636C61696D73
"""PostgreSQL advisory lock taken by every analysis transaction ("claims" in ASCII)."""

NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "fuse.sshfs",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "fuse.glusterfs",
        "lustre",
        "davfs",
        "fuse.rclone",
    }
)

MOUNTS = Path("/proc/mounts")
"""The mount table read to tell a network filesystem from a local disk."""

UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
"""NUL (PostgreSQL refuses it, SQLite keeps it) and lone surrogates (from file names that are
not UTF-8; neither driver can encode them): stored as U+FFFD on both backends alike."""

# Primary SQLite result codes (the low byte of an extended code).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_NOTADB = 10, 11, 13, 26


def database_url(target: str) -> URL:
    """Turn `--db TARGET` into a URL: a SQLAlchemy URL as given, anything else a SQLite file."""
    if "://" in target:
        url = make_url(target)
        if url.get_backend_name() not in {"sqlite", "postgresql"}:
            raise StorageError(f"{target}: unsupported database (use a file path or postgresql://)")
        if url.drivername in {"postgresql", "postgres", "postgresql+psycopg2"}:
            url = url.set(drivername="postgresql+psycopg")
        return url
    return URL.create("sqlite", database=str(Path(target).expanduser().resolve()))


@dataclass
class Database:
    """A database target with one engine for writes and one for snapshot reads."""

    url: URL
    warnings: list[str] = field(default_factory=list)
    _write: Engine | None = None
    _read: Engine | None = None

    @classmethod
    def from_target(cls, target: str) -> Database:
        return cls(database_url(target))

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        return Path(self.url.database) if self.is_sqlite and self.url.database else None

    @property
    def display(self) -> str:
        """The target as it is safe to print: a path, or a URL without its password."""
        return str(self.path) if self.path else self.url.render_as_string(hide_password=True)

    def check_file(self) -> None:
        """Refuse a damaged SQLite file before anything writes to it; warn about network disks."""
        path = self.path
        if path is None:
            return
        if path.exists():
            check_sqlite_file(path)
        warning = network_filesystem_warning(path)
        if warning and warning not in self.warnings:
            self.warnings.append(warning)

    @property
    def write_engine(self) -> Engine:
        if self._write is None:
            self._write = make_engine(self.url, sqlite_begin="BEGIN IMMEDIATE")
        return self._write

    @property
    def read_engine(self) -> Engine:
        if self._read is None:
            self._read = make_engine(self.url, sqlite_begin="BEGIN", read_only=True)
        return self._read

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back on any error.

        On PostgreSQL a concurrent writer can make it fail with WriteConflict: use
        `run_write` for work that may be retried.
        """
        with storage_errors(self.display), self._write_session() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """One read-only transaction over a consistent snapshot."""
        with (
            storage_errors(self.display),
            Session(self.read_engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    def run_write(self, work: Callable[[Session], T]) -> T:
        """Run `work` in a write transaction, retrying PostgreSQL serialization failures.

        `work` may run several times, each time in a fresh transaction, so it must not have
        side effects outside the session.
        """
        with storage_errors(self.display):
            for attempt in range(1, PG_MAX_ATTEMPTS + 1):
                try:
                    with self._write_session() as session:
                        return work(session)
                except DBAPIError as exc:
                    if attempt == PG_MAX_ATTEMPTS or sqlstate(exc) not in PG_RETRY_SQLSTATES:
                        raise
                    time.sleep(retry_wait(attempt))
        raise AssertionError("unreachable")

    def run_analysis(self, work: Callable[[Session], T]) -> T:
        """Run `work` as an analysis transaction: one at a time, never failed by reviewers.

        Ingesting a document reads a large part of the store (candidates, stories, sources)
        and updates derived values of stored claims. At SERIALIZABLE, reviewers saving the
        same story's claims every few milliseconds made it fail on every retry. On
        PostgreSQL it therefore runs at READ COMMITTED holding a transaction-scoped advisory
        lock that every analysis takes first, so analyses see each other's results as
        SQLite's one writer would; against reviewers, `work` must lock (FOR UPDATE) the
        reviewed rows it reads to copy or change, and write derived columns only, which
        reviewers never write. SQLite's writers already take turns; there an analysis only
        waits for the lock less eagerly than a save (`ANALYSIS_LOCK_POLL_S`).
        """
        if self.is_sqlite:

            def patient(session: Session) -> T:
                session.connection(execution_options={LOCK_POLL_OPTION: ANALYSIS_LOCK_POLL_S})
                return work(session)

            return self.run_write(patient)

        def locked(session: Session) -> T:
            session.connection(execution_options={"isolation_level": PG_ANALYSIS_ISOLATION})
            started = time.perf_counter()
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ANALYSIS_LOCK_KEY})
            LOCK_WAITS.add(time.perf_counter() - started)
            return work(session)

        return self.run_write(locked)

    def sessionmaker(self) -> sessionmaker[Session]:
        """A session factory on the write engine, for callers that manage their own sessions.

        A session's first statement takes SQLite's write lock (PostgreSQL: a SERIALIZABLE
        snapshot) until it commits, so keep each transaction short; prefer `run_write`.
        """
        return sessionmaker(self.write_engine, expire_on_commit=False)

    def dispose(self) -> None:
        for engine in (self._write, self._read):
            if engine is not None:
                engine.dispose()
        self._write = self._read = None

    @contextmanager
    def _write_session(self) -> Iterator[Session]:
        with Session(self.write_engine, expire_on_commit=False) as session, session.begin():
            yield session


def retry_wait(attempt: int) -> float:
    """Seconds to wait before try `attempt + 1`: exponential, jittered, capped."""
    base: float = min(PG_RETRY_MAX_WAIT_S, 0.01 * 2.0**attempt)
    return base * (0.5 + random.random())  # noqa: S311 - jitter, not security


def make_engine(
    url: URL, *, sqlite_begin: str = "BEGIN IMMEDIATE", read_only: bool = False
) -> Engine:
    """An engine configured for this application's transaction rules."""
    if url.get_backend_name() == "sqlite":
        engine = _sqlite_engine(url, sqlite_begin, foreign_keys=True, query_only=read_only)
    elif read_only:
        engine = create_engine(
            url,
            pool_pre_ping=True,
            isolation_level=PG_READ_ISOLATION,
            execution_options={"postgresql_readonly": True},
        )
    else:
        engine = create_engine(url, pool_pre_ping=True, isolation_level=PG_WRITE_ISOLATION)
    if url.get_backend_name() == "postgresql":
        _quiet_retried_pipelines()
    event.listen(engine, "before_cursor_execute", _storable_parameters, retval=True)
    return engine


class _RetriedPipelineFilter(logging.Filter):
    """psycopg logs a warning when a batch insert (pipeline) is cut short by an error, such as
    a serialization failure that `run_write` then retries; the error itself is still raised."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("error ignored terminating")


def _quiet_retried_pipelines() -> None:
    logger = logging.getLogger("psycopg")
    if not any(isinstance(f, _RetriedPipelineFilter) for f in logger.filters):
        logger.addFilter(_RetriedPipelineFilter())


def storable(text: str) -> str:
    """`text` as both backends store it: NUL and lone surrogates become U+FFFD."""
    return UNSTORABLE.sub("\ufffd", text)


def _storable_parameters(
    conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool
) -> tuple[str, Any]:
    """Normalise every text parameter the same way on both backends (bytes stay exact).

    All the statement's texts are searched at once first: nearly every statement has nothing
    to replace, and a search per value cost a tenth of ingest's time.
    """
    rows = parameters if executemany and isinstance(parameters, list) else [parameters]
    texts = [value for row in rows for value in _values(row) if isinstance(value, str)]
    if UNSTORABLE.search("\n".join(texts)) is None:
        return statement, parameters
    if executemany and isinstance(parameters, list):
        return statement, [_storable_row(row) for row in parameters]
    return statement, _storable_row(parameters)


def _values(row: Any) -> Iterable[Any]:
    if isinstance(row, dict):
        return row.values()
    return row if isinstance(row, tuple | list) else ()


def _storable_row(row: Any) -> Any:
    if isinstance(row, dict):
        if any(_unstorable(value) for value in row.values()):
            return {key: _storable_value(value) for key, value in row.items()}
        return row
    if isinstance(row, tuple | list) and any(_unstorable(value) for value in row):
        return type(row)(_storable_value(value) for value in row)
    return row


def _unstorable(value: object) -> bool:
    return isinstance(value, str) and UNSTORABLE.search(value) is not None


def _storable_value(value: object) -> object:
    return storable(value) if isinstance(value, str) else value


def migration_engine(url: URL) -> Engine:
    """The engine Alembic runs on: for SQLite, foreign keys off so batch copies cascade nothing."""
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url, "BEGIN IMMEDIATE", foreign_keys=False)
    return create_engine(url)


def _sqlite_engine(
    url: URL, begin_sql: str, *, foreign_keys: bool, query_only: bool = False
) -> Engine:
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
    pragmas = (
        "synchronous=FULL",
        f"foreign_keys={'ON' if foreign_keys else 'OFF'}",
        f"busy_timeout={BUSY_TIMEOUT_S * 1000}",
        # Schema-borne SQL may use only harmless functions and virtual tables, except on the
        # connections that write: their triggers keep the FTS5 text search table in step
        # (SQLite refuses a trigger's use of FTS5 otherwise; its risky built-in functions
        # stay refused in triggers either way, and this program registers none).
        f"trusted_schema={'OFF' if query_only else 'ON'}",
        f"query_only={'ON' if query_only else 'OFF'}",
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy, not the driver, decides when to BEGIN
        if not query_only:  # a reader changes nothing, not even the journal mode
            _enable_wal(dbapi_conn)
        for pragma in pragmas:
            dbapi_conn.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if begin_sql == "BEGIN IMMEDIATE":
            _begin_immediate(conn)
        else:
            conn.exec_driver_sql(begin_sql)

    return engine


WRITE_LOCK_POLL_S = 0.002
ANALYSIS_LOCK_POLL_S = 0.001
"""A save waiting for SQLite's write lock looks every 2 ms, an analysis (a document's write,
a registry edit) twice as often, so when the lock frees between two saves the analysis
mostly goes first. Two reviewers saving without pause hold the lock most of the time; an
analysis that looked every 20 ms (to let saves go first) found it taken at nearly every look
and waited a quarter of a second a document."""
SAVE_AGED_AFTER_S = 0.03
AGED_SAVE_POLL_S = 0.0005
"""A save that has waited this long (behind a document's write, not behind another save)
looks every 0.5 ms, so it goes before an analysis waiting at the same moment: with two
ingests at once, a save does not wait for both documents' writes in a row."""
LOCK_POLL_OPTION = "claims_lock_poll_s"


@dataclass
class LockWaits:
    """Time this process spent waiting for the write lock (SQLite's, or PostgreSQL's analysis
    lock): what a load benchmark sets against the time spent working."""

    seconds: float = 0.0
    count: int = 0

    def add(self, seconds: float) -> None:
        self.seconds += seconds
        self.count += 1


LOCK_WAITS = LockWaits()


def _begin_immediate(conn: Any) -> None:
    """Take SQLite's write lock, polling instead of SQLite's busy handler.

    The busy handler sleeps up to 100 ms between tries, so a writer that commits and starts
    again within a few milliseconds (an ingest run, a reviewer saving) would keep the lock
    while another waited. Each try goes straight to the driver (a refused try through the
    engine costs a tenth of a millisecond of CPU); the last one, once the usual busy timeout
    has passed, goes through the engine, so its error is reported as any other.
    """
    poll = conn.get_execution_options().get(LOCK_POLL_OPTION)
    raw = conn.connection.driver_connection
    raw.execute("PRAGMA busy_timeout=0")
    started = time.monotonic()
    deadline = started + BUSY_TIMEOUT_S
    try:
        while time.monotonic() <= deadline:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc):
                    break  # reported through the engine below
                time.sleep(poll or save_poll(time.monotonic() - started))
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    finally:
        LOCK_WAITS.add(time.monotonic() - started)
        raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")


def save_poll(waited: float) -> float:
    """How long a save that has waited `waited` seconds for SQLite's lock sleeps before it
    looks again: less than an analysis once it has waited behind a document's write."""
    return AGED_SAVE_POLL_S if waited >= SAVE_AGED_AFTER_S else WRITE_LOCK_POLL_S


def _enable_wal(connection: sqlite3.Connection) -> None:
    """Switch to WAL, waiting out other first users of a brand-new file.

    Turning a new file into WAL needs an exclusive lock, and SQLite may answer "database is
    locked" at once instead of waiting when several processes open the file together (seen
    with several first-use upgrades at once): retry within the usual busy timeout.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02 + random.random() * 0.05)  # noqa: S311 - jitter, not security


@contextmanager
def storage_errors(where: str) -> Iterator[None]:
    """Turn driver errors a person can act on into one-line StorageErrors."""
    try:
        yield
    except IntegrityError:
        raise
    except DBAPIError as exc:
        translated = storage_error(exc, where)
        if translated is None:
            raise
        raise translated from exc


def storage_error(exc: DBAPIError, where: str) -> StorageError | None:
    """The StorageError a driver error means, or None when it is a bug to show as is."""
    if isinstance(exc.orig, sqlite3.Error):
        return _sqlite_error(exc.orig, where)
    return _pg_error(exc, where)


def _sqlite_error(error: sqlite3.Error, where: str) -> StorageError | None:
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else _sqlite_code_from_message(str(error))
    if primary == _SQLITE_FULL:
        return CouldNotSave(f"could not save to {where}: disk full; nothing was saved")
    if primary == _SQLITE_IOERR:
        return CouldNotSave(f"could not save to {where}: I/O error ({error}); nothing was saved")
    if primary == _SQLITE_READONLY:
        return CouldNotSave(
            f"could not save to {where}: the file or its folder is read-only; nothing was saved"
        )
    if primary in {_SQLITE_BUSY, _SQLITE_LOCKED}:
        return DatabaseBusy(
            f"{where} is busy: another program held it for over {BUSY_TIMEOUT_S} s;"
            " nothing was saved, try again"
        )
    if primary in {_SQLITE_CORRUPT, _SQLITE_NOTADB}:
        return DatabaseDamaged(f"{where}: database file is damaged ({error})")
    return None


def _sqlite_code_from_message(message: str) -> int | None:
    patterns = {
        _SQLITE_FULL: r"disk is full",
        _SQLITE_IOERR: r"disk I/O error",
        _SQLITE_READONLY: r"readonly database",
        _SQLITE_BUSY: r"database is locked",
        _SQLITE_CORRUPT: r"malformed",
        _SQLITE_NOTADB: r"not a database",
    }
    return next((code for code, text in patterns.items() if re.search(text, message)), None)


def _pg_error(exc: DBAPIError, where: str) -> StorageError | None:
    state = sqlstate(exc) or ""
    if state in PG_RETRY_SQLSTATES:
        return WriteConflict(
            f"{where}: other writers kept changing the same rows ({PG_MAX_ATTEMPTS} tries);"
            " nothing was saved, try again"
        )
    if state.startswith("53") or state == "58030":
        return CouldNotSave(f"could not save to {where}: {_first_line(exc)}; nothing was saved")
    if state in {"25006", "42501"}:
        return PermissionDenied(
            f"{where}: this database login may not do that ({_first_line(exc)}); use a writer login"
        )
    if state in {"55P03", "57014"}:
        return DatabaseBusy(f"{where} is busy ({_first_line(exc)}); nothing was saved, try again")
    if not state and isinstance(exc, OperationalError) and not exc.connection_invalidated:
        return ConnectionLost(f"cannot reach {where}: {_first_line(exc)}")
    if state.startswith("08") or exc.connection_invalidated:
        return ConnectionLost(
            f"lost the connection to {where} ({_first_line(exc)});"
            " check whether the last change was saved"
        )
    return None


def _first_line(exc: DBAPIError) -> str:
    lines = str(exc.orig).strip().splitlines()
    return lines[0] if lines else type(exc.orig).__name__


def network_filesystem_warning(path: Path) -> str | None:
    """A warning when the SQLite file (or the folder it will be created in) is on a network
    filesystem, where SQLite's locks and WAL do not work."""
    existing = path if path.exists() else path.parent
    fstype = filesystem_type(existing)
    if fstype not in NETWORK_FILESYSTEMS:
        return None
    return (
        f"{path} is on a network filesystem ({fstype}): SQLite's locking is unsafe there and"
        " concurrent use can corrupt it; for a shared team database use PostgreSQL"
        " (--db postgresql+psycopg://user@host/claims, see docs/team.md)"
    )


def filesystem_type(path: Path) -> str | None:
    """The filesystem type holding `path`, read from the mount table where there is one."""
    try:
        mounts = MOUNTS.read_text().splitlines()
    except OSError:
        return None
    target = os.path.realpath(path)
    best, best_type = "", None
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = _unescape_mount(parts[1])
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_type = mount_point, parts[2]
    return best_type


def _unescape_mount(field: str) -> str:
    """Undo the octal escapes (`\\040` for a space) of /proc/mounts."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def sqlstate(exc: DBAPIError) -> str | None:
    """The SQLSTATE of a driver error, when the driver gives one."""
    orig = exc.orig
    return getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
