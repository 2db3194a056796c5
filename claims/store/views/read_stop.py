"""Stopping a read from another thread: a count nobody waits for any more gives its core back.

The workbench counts a listing in a background thread; when the reviewer types the next key the
count is obsolete, and on a million claims it may scan for seconds. `ReadStop.cancel` asks the
database to abandon the statement in flight (`sqlite3.Connection.interrupt`, psycopg's
`cancel`), and makes any later statement of the same read refuse to start.

A cancel reaches the server on a connection of its own, so it may land after the statement it
meant has ended, on whatever that pooled connection runs next: another reviewer's read, or a
later page of this one. A connection that a cancel was sent to is therefore never given back
to the pool; `release` detaches it, so that it closes with its session and the pool opens a
fresh one.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session


class ReadStopped(Exception):
    """The read was cancelled before or while it ran."""


class ReadStop:
    """A handle one thread cancels and the thread running the read watches."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connection: Any = None
        self._watched: Connection | None = None
        self._interrupted: Connection | None = None
        self.cancelled = False

    def watch(self, session: Session) -> None:
        """Let `cancel` interrupt the statements `session` runs; ReadStopped when cancelled."""
        watched = session.connection()
        with self._lock:
            if self.cancelled:
                raise ReadStopped
            self._connection = watched.connection.dbapi_connection
            self._watched = watched

    @contextmanager
    def watching(self, session: Session) -> Iterator[Session]:
        """`session`, watched for the length of the block."""
        self.watch(session)
        try:
            yield session
        finally:
            self.release()

    def release(self) -> None:
        """The read is over: its connection goes back to the pool, unless it was sent a cancel."""
        with self._lock:
            interrupted, self._interrupted = self._interrupted, None
            self._connection = self._watched = None
        if interrupted is not None and not (interrupted.closed or interrupted.invalidated):
            interrupted.detach()  # a late cancel must not stop the pool's next statement

    def cancel(self) -> None:
        """Stop the statement in flight, if any, and every later one."""
        with self._lock:
            self.cancelled = True
            connection, self._connection = self._connection, None
            if connection is None:
                return
            self._interrupted, self._watched = self._watched, None
            if hasattr(connection, "interrupt"):  # sqlite3
                connection.interrupt()
            else:  # psycopg: asks the server to cancel the running statement
                connection.cancel()
