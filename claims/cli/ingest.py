"""`claims ingest`: add articles from files, folders, stdin and URLs."""

from __future__ import annotations

import sys

import click
from rich.console import Console

from claims.cli.context import AppContext, pass_app
from claims.cli.ingest_progress import ingest_progress, say, skipped_files
from claims.errors import InputError
from claims.ingest.fetch import anything, public_only
from claims.ingest.inputs import InputRef, ReadOptions, expand
from claims.ingest.models import DEFAULT_MAX_BYTES, DocumentMeta, Flag, MetaOrigin
from claims.store.documents import (
    IngestOptions,
    IngestReport,
    Outcome,
    Stored,
    default_workers,
    ingest_all,
)
from claims.text.display import one_line, safe_json_dumps
from claims.text.language import is_english


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--title", help="Title of the document(s).")
@click.option("--outlet", help="Publisher of the document(s), e.g. Izvestia.")
@click.option("--author", help="Author of the document(s).")
@click.option("--published", help="Publication date, ISO 8601 (2025-01-26, 2025-01 or 2025).")
@click.option("--url", help="Where the document was published.")
@click.option("--language", help="Language code, e.g. en.")
@click.option("--original-publisher", help="Where the text first appeared, when republished.")
@click.option(
    "--max-size",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES // (1024 * 1024),
    show_default=True,
    help="Largest input accepted, in MB (after decompression).",
)
@click.option("--timeout", type=float, default=20.0, show_default=True, help="Seconds per URL.")
@click.option(
    "--allow-private",
    is_flag=True,
    help="Allow URLs on private, loopback and link-local addresses.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Processes that read and analyse articles ahead of the one that stores them"
    " (default: one per core, at most 4, when there are 8 inputs or more; 1 = none).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and the summary.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Also print one JSON object on stdout: each input with its document id and outcome,"
    " the skipped files and the counts.",
)
@pass_app
def ingest(
    app: AppContext,
    /,
    inputs: tuple[str, ...],
    max_size: int,
    timeout: float,
    allow_private: bool,
    workers: int | None,
    quiet: bool,
    as_json: bool,
    **metadata: str | None,
) -> None:
    """Ingest articles: .txt, .md and .html files, folders (recursive), - for stdin, URLs.

    The same text ingested twice is stored once; a changed text at the same path or URL
    becomes a new version. An input that fails is reported and nothing of it is stored;
    the other inputs still go in, and the exit status is 1. On a terminal a progress bar
    shows articles per second and the time left; messages go above it, on stderr.

    \b
    Example:
      claims ingest seeds/
      claims ingest --json --quiet seeds/ | jq '.documents[].document_id'
      claims ingest --outlet Izvestia --published 2025-09-01 article.txt
      curl -s https://example.org/a | claims ingest --url https://example.org/a -
    """
    options = IngestOptions(
        actor=app.actor,
        meta=DocumentMeta.of(MetaOrigin.OPTION, **metadata),
        read=ReadOptions(
            max_bytes=max_size * 1024 * 1024,
            policy=anything if allow_private else public_only,
            timeout=timeout,
        ),
    )
    refs = list(expand(list(inputs)))
    skipped = skipped_files(inputs, refs)
    database = app.database()
    err = Console(stderr=True, markup=False, emoji=False, highlight=False)
    rows: list[dict[str, object]] = []
    with ingest_progress(err, len(refs), show=err.is_terminal and not quiet) as progress:
        task = progress.add_task("ingest", total=len(refs))

        def done(ref: InputRef, result: Stored | InputError) -> None:
            progress.advance(task)
            rows.append(_row(ref, result))
            message = _message(ref, result, quiet)
            if message:
                say(progress.console, message)

        workers = workers or default_workers(len(refs))
        report = ingest_all(database, refs, options, on_done=done, workers=workers)
    summary = report.summary()
    if skipped:
        summary += f", {len(skipped)} skipped (not .txt, .md or .html articles)"
    if as_json:
        click.echo(safe_json_dumps(_json(rows, skipped, report)))
    say(err, summary)
    if report.failed:
        sys.exit(1)


def _message(ref: InputRef, result: Stored | InputError, quiet: bool) -> str | None:
    """The line printed for one input: always for a failure, else unless --quiet."""
    if isinstance(result, InputError):
        return f"error: {one_line(str(result))}"
    if quiet:
        return None
    if result.outcome == Outcome.UNCHANGED:
        seen = "; new snapshot of different bytes kept" if result.snapshot_added else ""
        message = f"already ingested as document {result.document_id}{seen}"
    elif result.outcome == Outcome.NEW_VERSION:
        message = f"document {result.document_id} (new version of {result.previous_id})"
    else:
        message = f"document {result.document_id}"
    if not is_english(result.language):
        message += f" (in {one_line(result.language or '')}, not English: no attribution rules)"
    if Flag.PARTLY_ANALYSED in result.flags:
        message += " (too long to analyse whole: only its beginning was, see `claims show`)"
    return f"{one_line(ref.origin)}: {message}"


def _row(ref: InputRef, result: Stored | InputError) -> dict[str, object]:
    """One input's outcome for --json: its document and what happened, or why it failed."""
    if isinstance(result, InputError):
        return {"input": ref.origin, "outcome": "failed", "error": result.reason}
    return {
        "input": ref.origin,
        "outcome": str(result.outcome),
        "document_id": result.document_id,
        "previous_id": result.previous_id,
        "snapshot_added": result.snapshot_added,
        "language": result.language,
        "flags": sorted(str(flag) for flag in result.flags),
    }


def _json(rows: list[dict[str, object]], skipped: list[str], report: IngestReport) -> object:
    counts = {outcome.name.lower(): report.count(outcome) for outcome in Outcome}
    counts |= {"failed": len(report.failed), "skipped": len(skipped)}
    return {"documents": rows, "skipped": skipped, "counts": counts}
