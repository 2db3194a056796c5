"""Engines and sessions for SQLite (embedded default) and PostgreSQL (shared team database).

SQLite: WAL, foreign keys on, a busy timeout, and writes in `BEGIN IMMEDIATE` transactions:
the driver's default transaction handling loses concurrent read-modify-write updates.
Reads run in one deferred transaction, so an export sees a single consistent snapshot.
PostgreSQL: reads run at REPEATABLE READ (a snapshot), writes retry a bounded number of
times on serialization failures and deadlocks.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from db.errors import DatabaseDamaged, StorageError

T = TypeVar("T")

BUSY_TIMEOUT_S = 30
"""How long a SQLite writer waits for another writer before giving up."""

PG_RETRY_SQLSTATES = frozenset({"40001", "40P01"})
"""Serialization failure and deadlock: PostgreSQL asks clients to retry these."""

PG_MAX_ATTEMPTS = 5

NETWORK_FILESYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "ceph"}
)

SQLITE_HEADER = b"SQLite format 3\x00"


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
        if path is None or not path.exists() or path.stat().st_size == 0:
            return
        check_sqlite_file(path)
        fstype = filesystem_type(path)
        if fstype in NETWORK_FILESYSTEMS:
            self.warnings.append(
                f"{path} is on a network filesystem ({fstype}): SQLite locking is unsafe there;"
                " use a PostgreSQL database for a shared team database"
            )

    @property
    def write_engine(self) -> Engine:
        if self._write is None:
            self._write = make_engine(self.url, sqlite_begin="BEGIN IMMEDIATE")
        return self._write

    @property
    def read_engine(self) -> Engine:
        if self._read is None:
            self._read = make_engine(self.url, sqlite_begin="BEGIN", pg_isolation="REPEATABLE READ")
        return self._read

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back on any error."""
        with Session(self.write_engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """One read transaction over a consistent snapshot."""
        with Session(self.read_engine, expire_on_commit=False) as session, session.begin():
            yield session

    def run_write(self, work: Callable[[Session], T]) -> T:
        """Run `work` in a write transaction, retrying PostgreSQL serialization failures."""
        for attempt in range(1, PG_MAX_ATTEMPTS + 1):
            try:
                with self.write() as session:
                    return work(session)
            except DBAPIError as exc:
                if attempt == PG_MAX_ATTEMPTS or sqlstate(exc) not in PG_RETRY_SQLSTATES:
                    raise
                time.sleep(0.02 * 2**attempt)
        raise AssertionError("unreachable")

    def sessionmaker(self) -> sessionmaker[Session]:
        """A session factory on the write engine, for long-lived callers such as the TUI."""
        return sessionmaker(self.write_engine, expire_on_commit=False)

    def dispose(self) -> None:
        for engine in (self._write, self._read):
            if engine is not None:
                engine.dispose()
        self._write = self._read = None


def make_engine(
    url: URL, *, sqlite_begin: str = "BEGIN IMMEDIATE", pg_isolation: str | None = None
) -> Engine:
    """An engine configured for this application's transaction rules."""
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url, sqlite_begin, foreign_keys=True)
    options: dict[str, Any] = {"pool_pre_ping": True}
    if pg_isolation:
        options["isolation_level"] = pg_isolation
    return create_engine(url, **options)


def migration_engine(url: URL) -> Engine:
    """The engine Alembic runs on: for SQLite, foreign keys off so batch copies cascade nothing."""
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url, "BEGIN IMMEDIATE", foreign_keys=False)
    return create_engine(url)


def _sqlite_engine(url: URL, begin_sql: str, *, foreign_keys: bool) -> Engine:
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
    pragmas = (
        "journal_mode=WAL",
        "synchronous=FULL",
        f"foreign_keys={'ON' if foreign_keys else 'OFF'}",
        f"busy_timeout={BUSY_TIMEOUT_S * 1000}",
        "trusted_schema=OFF",
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy, not the driver, decides when to BEGIN
        for pragma in pragmas:
            dbapi_conn.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(begin_sql)

    return engine


def check_sqlite_file(path: Path) -> None:
    """Open the file read-only and run `quick_check`; raise DatabaseDamaged if it fails."""
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseDamaged(f"{path}: not a SQLite database file; it was left untouched")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(
            f"{path}: database file is damaged (quick_check failed: {exc}); it was left untouched"
        ) from exc
    if result != [("ok",)]:
        first = result[0][0] if result else "no answer"
        raise DatabaseDamaged(
            f"{path}: database file is damaged (quick_check failed: {first}); it was left untouched"
        )


def filesystem_type(path: Path) -> str | None:
    """The filesystem type holding `path`, read from /proc/mounts where it exists."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    target = os.path.realpath(path)
    best, best_type = "", None
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, best_type = mount_point, parts[2]
    return best_type


def sqlstate(exc: DBAPIError) -> str | None:
    """The SQLSTATE of a driver error, when the driver gives one."""
    orig = exc.orig
    return getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
