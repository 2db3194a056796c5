"""`claims ingest`: add articles from files, folders, stdin and URLs."""

from __future__ import annotations

import sys

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from claims.cli.context import AppContext, pass_app
from claims.errors import InputError
from claims.ingest.fetch import anything, public_only
from claims.ingest.inputs import InputRef, ReadOptions, expand
from claims.ingest.models import DEFAULT_MAX_BYTES, DocumentMeta, Flag, MetaOrigin
from claims.store.documents import IngestOptions, Outcome, Stored, ingest_all
from claims.text.display import one_line
from claims.text.language import is_english

PROGRESS_THRESHOLD = 2


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
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and the summary.")
@pass_app
def ingest(
    app: AppContext,
    /,
    inputs: tuple[str, ...],
    max_size: int,
    timeout: float,
    allow_private: bool,
    quiet: bool,
    **metadata: str | None,
) -> None:
    """Ingest articles: .txt, .md and .html files, folders (recursive), - for stdin, URLs.

    The same text ingested twice is stored once; a changed text at the same path or URL
    becomes a new version. An input that fails is reported and nothing of it is stored;
    the other inputs still go in, and the exit status is 1.

    \b
    Example:
      claims ingest seeds/
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
    database = app.database()
    err = Console(stderr=True, markup=False, emoji=False, highlight=False)
    show_progress = len(refs) >= PROGRESS_THRESHOLD and err.is_terminal and not quiet
    with Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
        disable=not show_progress,
    ) as progress:
        task = progress.add_task("ingest", total=len(refs))

        def done(ref: InputRef, result: Stored | InputError) -> None:
            progress.advance(task)
            _report(ref, result, quiet)

        report = ingest_all(database, refs, options, on_done=done)
    click.echo(report.summary(), err=True)
    if report.failed:
        sys.exit(1)


def _report(ref: InputRef, result: Stored | InputError, quiet: bool) -> None:
    if isinstance(result, InputError):
        click.echo(f"error: {one_line(str(result))}", err=True)
        return
    if quiet:
        return
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
    click.echo(f"{one_line(ref.origin)}: {message}", err=True)
