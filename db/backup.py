"""Copying a live SQLite database to a file that is complete and verified, or not there.

Used before every migration of a SQLite file and by `claims db backup`. The online backup API
copies a consistent snapshot while other programs keep reading and writing (WAL readers do not
block writers); the copy goes to a temporary file beside the target, is switched to a single
self-contained file (rollback journal), checked with `quick_check`, synced, then renamed.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from db.engine import BUSY_TIMEOUT_S, sqlite_check
from db.errors import BackupFailed


def copy_sqlite(source: Path, target: Path, *, overwrite: bool = False) -> None:
    """Write a verified copy of the SQLite database `source` to `target`, atomically."""
    if target.exists() and not overwrite:
        raise BackupFailed(f"{target}: already exists (use --force to overwrite)")
    if not target.parent.is_dir():
        raise BackupFailed(f"{target}: folder {target.parent} does not exist")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise BackupFailed(
            f"{target}: could not write ({exc.strerror or exc}); not written"
        ) from exc
    os.close(handle)
    temporary = Path(name)
    try:
        _online_backup(source, temporary)
        problems = sqlite_check(temporary, "quick_check")
        if problems:
            raise BackupFailed(f"{target}: the copy did not verify ({problems[0]}); not written")
        os.chmod(temporary, source.stat().st_mode & 0o777)
        _fsync(temporary)
        os.replace(temporary, target)
        _fsync(target.parent)
    except sqlite3.Error as exc:
        raise BackupFailed(f"{target}: backup of {source} failed ({exc}); not written") from exc
    except OSError as exc:
        raise BackupFailed(
            f"{target}: could not write ({exc.strerror or exc}); not written"
        ) from exc
    finally:
        for leftover in (temporary, *_companions(temporary)):
            leftover.unlink(missing_ok=True)


def _companions(database: Path) -> list[Path]:
    """The journal, WAL and shared-memory files SQLite may leave beside a file it wrote."""
    return [database.with_name(database.name + suffix) for suffix in ("-journal", "-wal", "-shm")]


def _online_backup(source: Path, destination: Path) -> None:
    reader = sqlite3.connect(source, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    try:
        reader.execute("PRAGMA query_only=ON")
        writer = sqlite3.connect(destination, isolation_level=None)
        try:
            reader.backup(writer)
            writer.execute("PRAGMA journal_mode=DELETE")
        finally:
            writer.close()
    finally:
        reader.close()


def _fsync(path: Path) -> None:
    """Flush a file (or a folder's entry list) to the disk."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
