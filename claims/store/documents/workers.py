"""The pure part of ingesting (read, prepare, extract) in worker processes, in input order.

The one writer (`claims.store.documents.ingest`) stores, matches and scores each document;
meanwhile worker processes read, clean and extract the documents after it, so both cores
work. Workers only read the database, to skip inputs whose exact bytes are stored already.
They start from a fork server (a fresh interpreter with the analysis imported and run once on
a made-up article, `claims.store.documents.warmup`), so they share its loaded models and
inherit neither the parent's database connections nor its threads (the progress bar).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from sqlalchemy import select

from claims.errors import ClaimsError, InputError
from claims.extract.models import ExtractedClaim
from claims.ingest.inputs import InputRef, read
from claims.ingest.models import PreparedDocument
from claims.ingest.prepare import prepare
from claims.match.frames.models import Frame
from claims.store.documents.claims import extract_prepared, frames_prepared
from claims.store.documents.options import IngestOptions
from db.engine import Database
from db.errors import StorageError
from db.models import DocumentSnapshot

AHEAD = 4
"""Inputs analysed ahead of the writer per worker: keeps workers busy, bounds the memory."""

WARM_UP = "claims.store.documents.warmup"
"""Imported by the fork server before it forks the workers, which then share what it loaded."""

RECYCLE_AFTER = 200
"""Documents each worker analyses (about) before the pool is replaced by fresh workers.

A worker's memory grows as it goes: each page it shares with the fork server is copied the
first time it writes there (reference counts of the models it uses), and its heap and caches
keep the high-water mark of the largest documents. Fresh workers forked from the server share
those pages again; the server has the analysis loaded (`WARM_UP`), so they start at once.
Inputs found stored already (hashed, not analysed) do not count.
"""

MAX_DEFAULT_WORKERS = 4
"""More would wait on the one writer: it stores, matches and scores every document."""

MIN_INPUTS_FOR_WORKERS = 8
"""Below this many inputs, starting worker processes costs more than it saves."""


def default_workers(inputs: int) -> int:
    """How many analysis processes to use for `inputs` inputs when the user did not say."""
    if inputs < MIN_INPUTS_FOR_WORKERS:
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_DEFAULT_WORKERS))


@dataclass(frozen=True)
class Analysed:
    """One input read, prepared and extracted; `prepared` is None when its bytes were stored."""

    raw_sha256: str
    prepared: PreparedDocument | None
    extracted: list[ExtractedClaim]
    frames: list[Frame] | None = None
    """The frames of `extracted` (`frames_prepared`), when `prepared` is given."""


@dataclass(frozen=True)
class Failed:
    """Why analysing an input failed, in a form that crosses process boundaries."""

    kind: str
    """"input" (bad input), "bug" (a fault in the analysis), "claims" or "storage" (stop)."""
    origin: str
    message: str

    def error(self) -> Exception:
        """The exception the writer handles as if the analysis had run in its own process."""
        if self.kind == "input":
            return InputError(self.origin, self.message)
        if self.kind == "storage":
            return StorageError(self.message)
        return ClaimsError(self.message)


def analyse(ref: InputRef, options: IngestOptions, stored: Callable[[str], bool]) -> Analysed:
    """Read, prepare and extract one input, unless `stored(raw_sha256)` says it is stored."""
    raw = read(ref, options.read, options.meta)
    raw_sha256 = hashlib.sha256(raw.data).hexdigest()
    if stored(raw_sha256):
        return Analysed(raw_sha256, None, [])
    prepared = prepare(raw)
    extracted = extract_prepared(prepared)
    return Analysed(raw_sha256, prepared, extracted, frames_prepared(prepared, extracted))


def bytes_stored(database: Database, raw_sha256: str) -> int | None:
    """The document these exact bytes were already stored as, if any."""
    with database.read() as session:
        return session.scalar(
            select(DocumentSnapshot.document_id)
            .where(DocumentSnapshot.raw_sha256 == raw_sha256)
            .limit(1)
        )


def can_use_workers(options: IngestOptions) -> bool:
    """Whether the options can be sent to worker processes (a read policy may be a closure)."""
    try:
        pickle.dumps(options)
    except (pickle.PicklingError, AttributeError, TypeError):
        return False
    return True


def analysed_in_order(
    database: Database, refs: Iterable[InputRef], options: IngestOptions, workers: int
) -> Iterator[tuple[InputRef, Analysed | Failed]]:
    """Every input's analysis, in input order, computed `workers` at a time in processes.

    Standard input can be read once only, by this process: it is analysed here in its turn.
    """
    pool, analysed = analysis_pool(database, options, workers), 0
    pending: deque[tuple[InputRef, Future[Analysed | Failed] | None]] = deque()
    remaining = iter(refs)
    try:
        while True:
            while len(pending) < workers * AHEAD and (ref := next(remaining, None)) is not None:
                if analysed >= workers * RECYCLE_AFTER and not ref.is_stdin:
                    pool, analysed = _replaced(pool, database, options, workers), 0
                future = None if ref.is_stdin else pool.submit(_analyse_here, ref)
                pending.append((ref, future))
            if not pending:
                return
            ref, future = pending.popleft()
            outcome = _outcome(ref, future, database, options)
            if future is not None and isinstance(outcome, Analysed) and outcome.prepared:
                analysed += 1
            yield ref, outcome
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def analysis_pool(database: Database, options: IngestOptions, workers: int) -> ProcessPoolExecutor:
    """`workers` analysis processes, forked from a server that has run the analysis once."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__, WARM_UP])
    url = database.url.render_as_string(hide_password=False)
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start, initargs=(url, options)
    )


def _replaced(
    pool: ProcessPoolExecutor, database: Database, options: IngestOptions, workers: int
) -> ProcessPoolExecutor:
    """A new pool in place of `pool`, whose workers first finish what they were given (their
    results stay with their futures) and exit, so the two pools never run side by side."""
    pool.shutdown(wait=True)
    return analysis_pool(database, options, workers)


def _outcome(
    ref: InputRef,
    future: Future[Analysed | Failed] | None,
    database: Database,
    options: IngestOptions,
) -> Analysed | Failed:
    if future is None:
        return _guarded(ref, options, lambda sha: bytes_stored(database, sha) is not None)
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise ClaimsError(f"{ref.origin}: an analysis worker stopped unexpectedly ({exc})") from exc


@dataclass(frozen=True)
class _Worker:
    """What a worker process reads with: the database (to read only) and the ingest options."""

    database: Database
    options: IngestOptions


_WORKER: list[_Worker] = []
"""This worker process's `_Worker`, set once as it starts."""


def _start(url: str, options: IngestOptions) -> None:
    _WORKER.append(_Worker(Database.from_target(url), options))


def _analyse_here(ref: InputRef) -> Analysed | Failed:
    worker = _WORKER[0]
    return _guarded(ref, worker.options, lambda sha: bytes_stored(worker.database, sha) is not None)


def _guarded(
    ref: InputRef, options: IngestOptions, stored: Callable[[str], bool]
) -> Analysed | Failed:
    """`analyse`, with every failure turned into a `Failed` that any process can read."""
    try:
        return analyse(ref, options, stored)
    except InputError as exc:
        return Failed("input", exc.origin, exc.reason)
    except StorageError as exc:
        return Failed("storage", ref.origin, str(exc))
    except ClaimsError as exc:
        return Failed("claims", ref.origin, str(exc))
    except Exception as exc:  # a bug in one input's analysis: reported as that input's failure
        return Failed("bug", ref.origin, f"{type(exc).__name__}: {exc}")
