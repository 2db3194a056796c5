"""Stopping a read from another thread: a count nobody waits for any more gives its core back.

The workbench counts a listing in a background thread; when the reviewer types the next key the
count is obsolete, and on a million claims it may scan for seconds. `ReadStop.cancel` asks the
database to abandon the statement in flight (`sqlite3.Connection.interrupt`, psycopg's
`cancel`), and makes any later statement of the same read refuse to start.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import Session


class ReadStopped(Exception):
    """The read was cancelled before or while it ran."""


class ReadStop:
    """A handle one thread cancels and the thread running the read watches."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connection: Any = None
        self.cancelled = False

    def watch(self, session: Session) -> None:
        """Let `cancel` interrupt the statements `session` runs; ReadStopped when cancelled."""
        raw = session.connection().connection.dbapi_connection
        with self._lock:
            if self.cancelled:
                raise ReadStopped
            self._connection = raw

    @contextmanager
    def watching(self, session: Session) -> Iterator[Session]:
        """`session`, watched for the length of the block."""
        self.watch(session)
        try:
            yield session
        finally:
            self.release()

    def release(self) -> None:
        """The read is over: its connection goes back to the pool and must not be interrupted."""
        with self._lock:
            self._connection = None

    def cancel(self) -> None:
        """Stop the statement in flight, if any, and every later one."""
        with self._lock:
            self.cancelled = True
            connection, self._connection = self._connection, None
            if connection is None:
                return
            if hasattr(connection, "interrupt"):  # sqlite3
                connection.interrupt()
            else:  # psycopg: asks the server to cancel the running statement
                connection.cancel()
