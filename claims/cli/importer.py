"""`claims import FILE.json`: load a JSON export into an empty database (backup, exchange)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claims.cli.context import AppContext, pass_app
from claims.errors import InputError
from claims.reports.loading import parse_export
from claims.store.exports import import_export

MAX_BYTES = 4 * 1024**3
"""Refuse files larger than this before reading them (4 GiB)."""


@click.command("import")
@click.argument("file", metavar="FILE.json")
@pass_app
def import_command(app: AppContext, file: str) -> None:
    """Load a `claims export --format json` file into an empty database, keeping every id.

    The file is checked completely first (format version, fields, every reference); then
    everything goes in one transaction, so the database ends up with all of it or none.
    A database that already holds documents, sources or claims is refused. Raw snapshots
    are restored when the export was made with --with-raw.

    \b
    Example:
      claims export --format json --with-raw -o backup.json
      claims --db restored.db import backup.json
    """
    export = parse_export(_read(file), file)
    database = app.database()
    result = database.run_analysis(lambda session: import_export(session, export, app.actor))
    summary = ", ".join(f"{count} {name}" for name, count in result.counts.items() if count)
    click.echo(f"imported {summary or 'nothing'} into {database.display}", err=True)
    for key in result.kept_settings:
        click.echo(f"note: kept this database's setting {key}", err=True)


def _read(file: str) -> bytes:
    if file == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(file, "input is larger than 4 GiB")
        return data
    path = Path(file)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(file, "file is larger than 4 GiB")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(file, exc.strerror or "cannot be read") from None
