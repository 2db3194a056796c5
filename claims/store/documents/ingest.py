"""Ingesting inputs into the database: one transaction per document, all or nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from claims.errors import ClaimsError, InputError
from claims.extract.models import ExtractedClaim
from claims.ingest.inputs import InputRef, read
from claims.ingest.models import Flag, PreparedDocument
from claims.ingest.prepare import prepare
from claims.match.frames.models import Frame
from claims.store.documents.ahead import Ahead, judged_ahead
from claims.store.documents.carry import carry_relation_reviews, carry_reviews
from claims.store.documents.claims import (
    extract_document,
    extract_prepared,
    frames_prepared,
)
from claims.store.documents.options import IngestOptions
from claims.store.documents.records import Outcome, Stored, find_by_hash, store_document
from claims.store.documents.workers import (
    Analysed,
    Failed,
    analysed_in_order,
    bytes_stored,
    can_use_workers,
)
from claims.store.matching import match_claims, refresh_relations
from claims.store.matching.generation import generation
from claims.store.matching.memo import IndexMemo
from claims.store.matching.snapshot import written_index
from claims.text.language import is_english
from db.engine import Database
from db.errors import StorageError
from db.models import Document


@dataclass
class IngestReport:
    """The tally `claims ingest` prints at the end."""

    stored: list[tuple[str, Stored]] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for _, stored in self.stored if stored.outcome == outcome)

    def summary(self) -> str:
        added = self.count(Outcome.ADDED)
        versions = self.count(Outcome.NEW_VERSION)
        parts = [f"{added} added"]
        if versions:
            parts.append(f"{versions} new version{'s' if versions != 1 else ''}")
        parts += [f"{self.count(Outcome.UNCHANGED)} unchanged", f"{len(self.failed)} failed"]
        foreign = sum(1 for _, stored in self.stored if not is_english(stored.language))
        if foreign:
            parts.append(f"{foreign} not in English (claims attributed to the publisher only)")
        partly = sum(1 for _, stored in self.stored if Flag.PARTLY_ANALYSED in stored.flags)
        if partly:
            parts.append(f"{partly} too long to analyse whole (only their beginning was)")
        return "documents: " + ", ".join(parts)


def ingest_one(
    database: Database, ref: InputRef, options: IngestOptions, memo: IndexMemo | None = None
) -> Stored:
    """Read, prepare and store one input; raises InputError, and then stores nothing."""
    raw = read(ref, options.read, options.meta)
    seen = _seen_bytes(database, hashlib.sha256(raw.data).hexdigest())
    if seen is not None:
        return seen
    return save_prepared(database, prepare(raw), options.actor, memo=memo)


def _seen_bytes(database: Database, raw_sha256: str) -> Stored | None:
    """The document these exact bytes were already stored as, if any (skips all the work)."""
    document_id = bytes_stored(database, raw_sha256)
    return None if document_id is None else Stored(Outcome.UNCHANGED, document_id)


def store_analysed(
    database: Database,
    ref: InputRef,
    analysed: Analysed,
    options: IngestOptions,
    memo: IndexMemo | None = None,
) -> Stored:
    """Store an input a worker analysed, exactly as `ingest_one` would have stored it."""
    seen = _seen_bytes(database, analysed.raw_sha256)
    if seen is not None:
        return seen
    if analysed.prepared is None:  # stored when the worker read it, removed since
        return ingest_one(database, ref, options, memo)
    return save_prepared(
        database, analysed.prepared, options.actor, analysed.extracted, analysed.frames, memo
    )


def save_prepared(
    database: Database,
    prepared: PreparedDocument,
    actor: str,
    extracted: Sequence[ExtractedClaim] | None = None,
    frames: Sequence[Frame] | None = None,
    memo: IndexMemo | None = None,
) -> Stored:
    """Store a prepared document in its own transaction.

    `extracted`, when given, is `extract_prepared(prepared)` computed elsewhere (a worker),
    and `frames` its `frames_prepared`; what is not given is computed here, before the
    transaction begins, and so is the document's matching, on a read snapshot
    (`judged_ahead`), which the transaction stores if nothing it read changed meanwhile. Two
    processes ingesting the same text at once race on the unique hash; the loser finds the
    winner's document and reports it as already ingested. `memo`, kept by a writer between
    its documents, spares the judging reads of what it read or wrote before
    (`claims.store.matching.memo`).
    """
    if extracted is None:
        extracted, frames = extract_prepared(prepared), None
    ready = list(extracted)
    framed = list(frames) if frames is not None else frames_prepared(prepared, ready)
    with database.read() as session:
        ahead = judged_ahead(session, prepared, actor, ready, framed, memo)
    committed = False
    try:
        stored = database.run_analysis(
            lambda session: store_and_analyse(session, prepared, actor, ready, framed, ahead, memo)
        )
        committed = True
        return stored
    except IntegrityError:
        with database.read() as session:
            existing = find_by_hash(session, prepared.norm_sha256)
            if existing is None:
                raise
            return Stored(Outcome.UNCHANGED, existing.id, existing.previous_id)
    finally:
        if memo is not None:
            memo.settle(committed)


def store_and_analyse(
    session: Session,
    prepared: PreparedDocument,
    actor: str,
    extracted: Sequence[ExtractedClaim] | None = None,
    frames: Sequence[Frame] | None = None,
    ahead: Ahead | None = None,
    memo: IndexMemo | None = None,
) -> Stored:
    """Store a document with its claims, chains, matches and carried-over reviews, at once.

    Everything happens in the caller's transaction, so a document is never visible without
    its analysis and a failure anywhere leaves nothing behind. `extracted` is the document's
    `extract_prepared` and `frames` their `frames_prepared`, computed before the transaction
    began; `ahead`, its matching judged on a snapshot then, is used only if nothing matching
    reads has changed since, and its chains resolved there only if the registry has not.
    What it wrote of the claim index is noted in `memo` when it stored what was judged.
    """
    if memo is not None:
        memo.wrote(None)  # a retried transaction notes afresh
    if ahead is not None and generation(session, lock=True) != ahead.judged.generation:
        ahead = None
    stored = store_document(session, prepared, actor)
    if stored.outcome == Outcome.UNCHANGED:
        return stored
    if stored.previous_id is not None:  # judged as a new document, now a new version
        ahead = None
    document = session.get_one(Document, stored.document_id)
    resolved = ahead.resolved if ahead is not None else None
    claims = extract_document(session, document, actor, extracted, frames, resolved)
    previous = session.get(Document, stored.previous_id) if stored.previous_id else None
    if previous is not None:
        carry_reviews(session, previous, document, claims, actor)
    # a new document's claims were proposed as they were written; carried reviews (a
    # reviewer's propaganda override) make a new version's claims be proposed again
    judged = ahead.judged if ahead is not None else None
    report = match_claims(
        session, claims, actor, extracted, proposed=previous is None, precomputed=judged
    )
    if previous is not None:
        touched = carry_relation_reviews(session, previous, document, claims, actor)
        refresh_relations(session, touched)
    elif memo is not None and judged is not None and report.precomputed:
        memo.wrote(written_index(session, judged, claims))
    return stored


def ingest_all(
    database: Database,
    refs: Iterable[InputRef],
    options: IngestOptions,
    on_done: Callable[[InputRef, Stored | InputError], None] = lambda ref, result: None,
    workers: int = 1,
) -> IngestReport:
    """Ingest every input; a failing one is reported and the others still go in.

    With `workers` > 1, that many processes read, clean and extract the inputs ahead of
    this one, which stores them in input order, each in its own transaction, with the same
    result as one process. A storage problem (disk full, database busy or damaged) stops the
    run: it would fail every input after it. A fault in the analysis of one document (a bug)
    is reported as that input's failure, with nothing of it stored, and the run goes on.
    """
    report, memo = IngestReport(), IndexMemo()
    if workers > 1 and can_use_workers(options):
        steps: Iterable[tuple[InputRef, Callable[[], Stored]]] = (
            (ref, _storing(database, ref, analysed, options, memo))
            for ref, analysed in analysed_in_order(database, refs, options, workers)
        )
    else:
        steps = ((ref, _ingesting(database, ref, options, memo)) for ref in refs)
    for ref, step in steps:
        try:
            stored = step()
        except InputError as exc:
            report.failed.append(exc)
            on_done(ref, exc)
            continue
        except (ClaimsError, StorageError):
            raise
        except Exception as exc:  # a bug in one document's analysis must not stop the run
            failed = analysis_fault(ref.origin, f"{type(exc).__name__}: {exc}")
            report.failed.append(failed)
            on_done(ref, failed)
            continue
        report.stored.append((ref.origin, stored))
        on_done(ref, stored)
    return report


def analysis_fault(origin: str, fault: str) -> InputError:
    """The failure reported for an input whose analysis raised an unexpected error."""
    return InputError(
        origin,
        f"could not be analysed ({fault}); nothing of it was stored"
        " (please report this with the input)",
    )


def _ingesting(
    database: Database, ref: InputRef, options: IngestOptions, memo: IndexMemo
) -> Callable[[], Stored]:
    return lambda: ingest_one(database, ref, options, memo)


def _storing(
    database: Database,
    ref: InputRef,
    analysed: Analysed | Failed,
    options: IngestOptions,
    memo: IndexMemo,
) -> Callable[[], Stored]:
    """Storing what a worker found, or raising the failure it met, as `ingest_one` would."""

    def step() -> Stored:
        if isinstance(analysed, Failed):
            if analysed.kind == "bug":
                raise analysis_fault(ref.origin, analysed.message)
            raise analysed.error()
        return store_analysed(database, ref, analysed, options, memo)

    return step
